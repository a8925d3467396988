import { describe, expect, it } from 'vitest';
import {
  ORIGIN_AFTER_EDIT, coveringRationale, isTemplateText, needsReview, originAfterChange, originAfterKeep, originLabel, rationalesToFlag,
} from '../../../renderer/src/domain/rationale-origin';
import type { RationaleOrigin } from '../../../renderer/src/domain/schemas';

const row = (phaseId: string, rationale: string, rationaleOrigin: RationaleOrigin) => ({ phaseId, rationale, rationaleOrigin });

describe('rationale origin transitions', () => {
  it('flags template words for review when what they explain changes, and nothing else', () => {
    expect(originAfterChange(row('p', 'Loose on how schools teach.', 'template'))).toBe('template-review');
    expect(originAfterChange(row('p', 'Our own words.', 'planner'))).toBe('planner');
    expect(originAfterChange(row('p', 'Already flagged.', 'template-review'))).toBe('template-review');
    // No words, nothing to review.
    expect(originAfterChange(row('p', '  ', 'template'))).toBe('template');
  });

  it('makes edited words the planner’s, and "Keep as is" clears only the flag', () => {
    expect(ORIGIN_AFTER_EDIT).toBe('planner');
    expect(originAfterKeep('template-review')).toBe('template');
    expect(originAfterKeep('planner')).toBe('planner');
    expect(originAfterKeep('template')).toBe('template');
  });

  it('labels template words, flagged or not, and never the planner’s or empty text', () => {
    expect(originLabel(row('p', 'Text', 'template'))).toBe('From the template');
    expect(originLabel(row('p', 'Text', 'template-review'))).toBe('From the template — review');
    expect(originLabel(row('p', 'Text', 'planner'))).toBeNull();
    expect(originLabel(row('p', '', 'template'))).toBeNull();
    expect(originLabel(undefined)).toBeNull();
    expect(isTemplateText(row('p', 'Text', 'template-review'))).toBe(true);
    expect(needsReview(row('p', 'Text', 'template'))).toBe(false);
    expect(needsReview(undefined)).toBe(false);
  });
});

describe('which rationale speaks for a phase', () => {
  const phases = ['pilot', 'expand', 'scale', 'sustain'];
  // As a template writes a decision: its words once, on the first phase.
  const rows = [row('pilot', 'Pilot where schools are ready.', 'template'), row('expand', '', 'planner'), row('scale', '', 'planner')];

  it('is the phase’s own words, or the nearest earlier phase’s', () => {
    expect(coveringRationale(phases, rows, 'pilot')?.phaseId).toBe('pilot');
    expect(coveringRationale(phases, rows, 'scale')?.phaseId).toBe('pilot');
    expect(coveringRationale(phases, [row('scale', 'Scale words.', 'planner')], 'expand')).toBeNull();
    expect(coveringRationale(phases, [...rows.slice(1), row('scale', 'Scale words.', 'template')], 'sustain')?.phaseId).toBe('scale');
  });

  it('flags each covering template rationale once, and not the planner’s', () => {
    expect(rationalesToFlag(phases, rows, ['expand', 'scale']).map((r) => r.phaseId)).toEqual(['pilot']);
    expect(rationalesToFlag(phases, [row('pilot', 'Mine.', 'planner')], ['pilot'])).toEqual([]);
    expect(rationalesToFlag(phases, [row('pilot', 'Flagged.', 'template-review')], ['pilot'])).toEqual([]);
    expect(rationalesToFlag(phases, rows, [])).toEqual([]);
  });
});
