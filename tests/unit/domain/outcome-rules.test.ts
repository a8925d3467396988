import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  currentPhase, formatMeasure, gapText, latestActual, progressText, targetFor, targetToReadAgainst, withActual, withoutActual, withTarget,
  type Actual,
} from '../../../renderer/src/domain/outcome-rules';

const phases = [
  { id: 'p1', name: 'Pilot', start: '2026-08-01', end: '2027-07-31' },
  { id: 'p2', name: 'Expand', start: '2027-08-01', end: '2028-07-31' },
  { id: 'p3', name: 'Scale', start: '2028-08-01', end: '2029-07-31' },
];

describe('formatMeasure', () => {
  it('puts percent units right after the number and others after a space', () => {
    expect(formatMeasure(71, '%')).toBe('71%');
    expect(formatMeasure(71, '% of students')).toBe('71% of students');
    expect(formatMeasure(1250, 'students')).toBe('1,250 students');
    expect(formatMeasure(3.5, '  ')).toBe('3.5');
    expect(formatMeasure(1250, '$ per student')).toBe('$1,250 per student');
    expect(formatMeasure(-5, '$')).toBe('-$5');
  });
});

describe('latestActual', () => {
  it('finds the most recent result, the later one on a tie, whatever the order', () => {
    const a: Actual = { date: '2027-03-01', value: 1, note: '' };
    const b: Actual = { date: '2028-03-01', value: 2, note: '' };
    const c: Actual = { date: '2028-03-01', value: 3, note: '' };
    expect(latestActual([])).toBeNull();
    expect(latestActual([b, a])).toBe(b);
    expect(latestActual([a, b, c])).toBe(c);
  });
});

describe('targets', () => {
  it('sets, replaces and removes one phase’s target, keeping the phases’ order', () => {
    const ids = ['p1', 'p2', 'p3'];
    let targets = withTarget([], 'p3', 90, ids);
    targets = withTarget(targets, 'p1', 60, ids);
    expect(targets).toEqual([{ phaseId: 'p1', value: 60 }, { phaseId: 'p3', value: 90 }]);
    targets = withTarget(targets, 'p1', 65, ids);
    expect(targetFor(targets, 'p1')).toBe(65);
    targets = withTarget(targets, 'p3', null, ids);
    expect(targets).toEqual([{ phaseId: 'p1', value: 65 }]);
    expect(targetFor(targets, 'p2')).toBeNull();
  });

  it('reads back what was set, for any sequence of edits (property)', () => {
    const ids = ['p1', 'p2', 'p3', 'p4'];
    const editArb = fc.record({ phase: fc.constantFrom(...ids), value: fc.option(fc.integer({ min: -100, max: 100 })) });
    fc.assert(fc.property(fc.array(editArb), (edits) => {
      let targets: { phaseId: string; value: number }[] = [];
      const expected = new Map<string, number>();
      for (const e of edits) {
        targets = withTarget(targets, e.phase, e.value, ids);
        if (e.value === null) expected.delete(e.phase);
        else expected.set(e.phase, e.value);
      }
      expect(targets.map((t) => t.phaseId)).toEqual(ids.filter((id) => expected.has(id)));
      for (const id of ids) expect(targetFor(targets, id)).toBe(expected.get(id) ?? null);
    }));
  });
});

describe('actuals', () => {
  it('keeps results oldest first and the latest is the last (property)', () => {
    const dateArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(fc.array(fc.record({ date: dateArb, value: fc.integer(), note: fc.constant('') })), (added) => {
      let actuals: Actual[] = [];
      for (const a of added) actuals = withActual(actuals, a);
      expect(actuals).toHaveLength(added.length);
      for (let i = 1; i < actuals.length; i += 1) expect((actuals[i - 1] as Actual).date <= (actuals[i] as Actual).date).toBe(true);
      expect(latestActual(actuals)).toBe(actuals.at(-1) ?? null);
    }));
  });

  it('removes one result by its place', () => {
    const list: Actual[] = [{ date: '2027-01-01', value: 1, note: '' }, { date: '2027-02-01', value: 2, note: '' }];
    expect(withoutActual(list, 0)).toEqual([list[1]]);
    expect(withoutActual(list, 5)).toEqual(list);
  });
});

describe('currentPhase and the target to read against', () => {
  it('takes the phase a date falls in, else the next to start, else the last', () => {
    expect(currentPhase(phases, '2027-09-01')?.id).toBe('p2');
    expect(currentPhase(phases, '2025-01-01')?.id).toBe('p1');
    expect(currentPhase(phases, '2031-01-01')?.id).toBe('p3');
    expect(currentPhase([], '2027-01-01')).toBeNull();
  });

  it('takes the current phase’s target, else the next one’s, else the last earlier one', () => {
    const targets = [{ phaseId: 'p1', value: 60 }, { phaseId: 'p3', value: 90 }];
    expect(targetToReadAgainst(targets, phases, '2027-01-01')).toMatchObject({ phase: { id: 'p1' }, value: 60 });
    expect(targetToReadAgainst(targets, phases, '2027-09-01')).toMatchObject({ phase: { id: 'p3' }, value: 90 });
    expect(targetToReadAgainst([{ phaseId: 'p1', value: 60 }], phases, '2028-09-01')).toMatchObject({ phase: { id: 'p1' } });
    expect(targetToReadAgainst([], phases, '2027-01-01')).toBeNull();
  });
});

describe('progress in words', () => {
  const outcome = { unit: '%', baseline: 62, targets: [{ phaseId: 'p2', value: 75 }], actuals: [{ date: '2028-03-03', value: 71, note: '' }] };

  it('reads the latest result against the current phase’s target', () => {
    expect(progressText(outcome, phases, '2028-03-10')).toBe('Latest: 71% on Mar 3, 2028 — target 75% by the end of Expand (4 points below).');
  });

  it('says when the target is met, in the direction the baseline implies', () => {
    expect(gapText(77, 75, '%', 62)).toBe('target met');
    expect(gapText(77, 75, '%', null)).toBe('2 points above');
    expect(gapText(8, 10, 'days absent', 15)).toBe('target met');
    expect(gapText(12, 10, 'days absent', 15)).toBe('2 days absent above');
    expect(gapText(75, 75, '%', 62)).toBe('on target');
    expect(gapText(74, 75, '%', 62)).toBe('1 point below');
    expect(gapText(150, 160, '$ per student', 200)).toBe('target met');
    expect(gapText(170, 160, '$ per student', 200)).toBe('$10 above');
  });

  it('covers missing results, targets and phases', () => {
    expect(progressText({ ...outcome, actuals: [] }, phases, '2028-03-10')).toBe('No results yet — target 75% by the end of Expand.');
    expect(progressText({ ...outcome, actuals: [], targets: [] }, phases, '2028-03-10')).toBe('No results or targets yet.');
    expect(progressText({ ...outcome, targets: [] }, phases, '2028-03-10')).toBe('Latest: 71% on Mar 3, 2028 — no target set yet.');
    expect(progressText({ ...outcome, targets: [] }, [], '2028-03-10')).toBe('Latest: 71% on Mar 3, 2028.');
  });
});
