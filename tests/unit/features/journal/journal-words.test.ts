import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../../renderer/src/domain/schemas';
import { decisionChipText, decisionOptionText, defaultPhaseId, phaseName } from '../../../../renderer/src/features/journal/journal-words';

const phase = (id: string, order: number, start: string, end: string, status: Phase['status'] = 'planned'): Phase => ({
  id, planId: 'p', order, name: `Phase ${id}`, kind: 'pilot', status, goal: '', entryCriteria: '', gate: '', start, end,
});

describe('journal words', () => {
  const pilot = phase('a', 0, '2026-08-01', '2027-07-31');
  const expand = phase('b', 1, '2027-08-01', '2028-07-31');

  it('starts a new entry in the phase under way, else the one today falls in, else the first', () => {
    expect(defaultPhaseId([expand, pilot], '2025-01-01')).toBe('a');
    expect(defaultPhaseId([pilot, expand], '2027-09-01')).toBe('b');
    expect(defaultPhaseId([pilot, { ...expand, status: 'underway' }], '2026-09-01')).toBe('b');
    expect(defaultPhaseId([], '2026-09-01')).toBe('');
  });

  it('names a removed phase as such, and the decisions by number', () => {
    expect(phaseName([pilot], 'a')).toBe('Phase a');
    expect(phaseName([pilot], 'gone')).toBe('A phase no longer in the plan');
    expect(decisionChipText(6)).toBe('Decision 6: Model vs. modular');
    expect(decisionOptionText(1)).toBe('1. What should the district hold tight vs. loose?');
  });
});
