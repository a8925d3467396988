import { describe, expect, it } from 'vitest';
import { cellKey, cellLabel, holdsStance, previousStance, reviewCells, shiftLookup, stanceEditLabel, stanceForKey, stanceLookup, withPending } from '../../../../renderer/src/features/tight-loose/matrix-model';
import { shownValues, withEntry, type PendingEntries } from '../../../../renderer/src/components/use-pending-values';
import type { Stance, StanceValue } from '../../../../renderer/src/domain/schemas';

const PLAN = '00000000-0000-4000-8000-000000000000';
let counter = 0;
function stance(areaId: string, phaseId: string, value: StanceValue | null): Stance {
  counter += 1;
  return { id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`, planId: PLAN, areaId, phaseId, stance: value, rationale: '', rationaleOrigin: 'planner', owner: '', guardrails: '' };
}

describe('cell words', () => {
  it('reads a cell as area, phase and stance', () => {
    expect(cellLabel('Curriculum', 'Pilot', 'tight')).toBe('Curriculum, Pilot: Tight');
    expect(cellLabel('Curriculum', 'Pilot', null)).toBe('Curriculum, Pilot: Not set');
  });

  it('adds the stance a cell changed from', () => {
    expect(cellLabel('Curriculum', 'Scale', 'loose', 'tight')).toBe('Curriculum, Scale: Loose (changed from Tight)');
    expect(cellLabel('Curriculum', 'Pilot', 'tight', null, true)).toBe('Curriculum, Pilot: Tight, rationale to review');
  });

  it('labels stance edits for the undo history', () => {
    expect(stanceEditLabel('Curriculum', 'Pilot', 'tight')).toBe('Set Curriculum to Tight in Pilot');
    expect(stanceEditLabel('Curriculum', 'Pilot', 'shared')).toBe('Set Curriculum to Shared in Pilot');
    expect(stanceEditLabel('Curriculum', 'Pilot', null)).toBe('Clear the stance of Curriculum in Pilot');
  });
});

describe('stanceForKey', () => {
  it('maps T, S and L (either case) to stances and Delete/Backspace to clearing', () => {
    expect(stanceForKey('t')).toBe('tight');
    expect(stanceForKey('T')).toBe('tight');
    expect(stanceForKey('s')).toBe('shared');
    expect(stanceForKey('L')).toBe('loose');
    expect(stanceForKey('Delete')).toBeNull();
    expect(stanceForKey('Backspace')).toBeNull();
  });

  it('ignores other keys', () => {
    for (const key of ['x', 'Enter', ' ', 'ArrowUp', 'Tab', 'Escape', 'tt']) expect(stanceForKey(key)).toBeUndefined();
  });
});

describe('lookups', () => {
  const rows = [stance('a', 'p1', 'loose'), stance('a', 'p2', null), stance('a', 'p3', 'tight'), stance('b', 'p1', 'tight'), stance('b', 'p2', 'tight')];

  it('finds each stance by its cell', () => {
    const lookup = stanceLookup(rows);
    expect(lookup.get(cellKey('a', 'p3'))?.stance).toBe('tight');
    expect(lookup.get(cellKey('b', 'p3'))).toBeUndefined();
    expect(lookup.size).toBe(rows.length);
  });

  it('marks shifts with the stance they came from, skipping unset phases', () => {
    const shifts = shiftLookup(['p1', 'p2', 'p3'], ['a', 'b'], rows);
    expect([...shifts]).toEqual([[cellKey('a', 'p3'), 'loose']]);
  });

  it('follows phase order, not record order', () => {
    const shifts = shiftLookup(['p3', 'p2', 'p1'], ['a'], rows);
    expect([...shifts]).toEqual([[cellKey('a', 'p1'), 'tight']]);
  });

  it('finds the last earlier phase that had a stance', () => {
    const lookup = stanceLookup(rows);
    expect(previousStance('a', 'p3', ['p1', 'p2', 'p3'], lookup)).toEqual({ phaseId: 'p1', stance: 'loose' });
    expect(previousStance('a', 'p1', ['p1', 'p2', 'p3'], lookup)).toBeNull();
    expect(previousStance('c', 'p3', ['p1', 'p2', 'p3'], lookup)).toBeNull();
  });
});

describe('pressed stances shown before storage catches up', () => {
  const row = (areaId: string, phaseId: string, stance: StanceValue | null): Stance => ({ id: `${areaId}-${phaseId}`, planId: 'p', areaId, phaseId, stance, rationale: 'why', rationaleOrigin: 'planner', owner: '', guardrails: '' });

  it('lays pending stances over stored ones, with a stand-in where nothing is stored yet', () => {
    const stored = [row('a1', 'p1', 'loose'), row('a2', 'p1', null)];
    expect(withPending(stored, new Map())).toBe(stored);
    const shown = withPending(stored, new Map<string, StanceValue | null>([[cellKey('a1', 'p1'), 'tight'], [cellKey('a3', 'p1'), 'shared']]));
    expect(shown.map((s) => [s.areaId, s.stance, s.rationale])).toEqual([['a1', 'tight', 'why'], ['a2', null, 'why'], ['a3', 'shared', '']]);
    expect(stored[0]?.stance).toBe('loose');
  });

  it('lets go of a pending stance once storage holds it, and keeps the rest', () => {
    // The section's pending values are usePendingValues' shownValues with holdsStance as the test.
    const pressed = (pairs: [string, StanceValue | null][]): PendingEntries<StanceValue | null> =>
      pairs.reduce<PendingEntries<StanceValue | null>>((entries, [key, value]) => withEntry(entries, key, { value, written: true }), new Map());
    const unsaved = (entries: PendingEntries<StanceValue | null>, stored: Stance[]) => {
      const lookup = stanceLookup(stored);
      return shownValues(entries, (key, value) => holdsStance(lookup, key, value));
    };
    const pending = pressed([[cellKey('a1', 'p1'), 'tight'], [cellKey('a2', 'p1'), 'loose']]);
    const before = [row('a1', 'p1', 'loose')];
    expect([...unsaved(pending, before)]).toEqual([[cellKey('a1', 'p1'), 'tight'], [cellKey('a2', 'p1'), 'loose']]);
    const after = unsaved(pending, [row('a1', 'p1', 'tight')]);
    expect([...after.keys()]).toEqual([cellKey('a2', 'p1')]);
    expect(unsaved(pressed([[cellKey('a9', 'p1'), null]]), before).size).toBe(0);
  });

  it('reads a cell with no record as holding no stance', () => {
    const lookup = stanceLookup([row('a1', 'p1', 'loose'), row('a2', 'p1', null)]);
    expect(holdsStance(lookup, cellKey('a1', 'p1'), 'loose')).toBe(true);
    expect(holdsStance(lookup, cellKey('a1', 'p1'), 'tight')).toBe(false);
    expect(holdsStance(lookup, cellKey('a1', 'p1'), null)).toBe(false);
    expect(holdsStance(lookup, cellKey('a2', 'p1'), null)).toBe(true);
    expect(holdsStance(lookup, cellKey('a9', 'p1'), null)).toBe(true);
    expect(holdsStance(lookup, cellKey('a9', 'p1'), 'shared')).toBe(false);
  });
});

describe('reviewCells', () => {
  it('lists the cells whose template rationale is flagged, in matrix order', () => {
    const cell = (areaId: string, phaseId: string, rationaleOrigin: Stance['rationaleOrigin']): Stance => ({
      id: `${areaId}${phaseId}`, planId: 'p', areaId, phaseId, stance: 'tight', rationale: 'Words.', rationaleOrigin, owner: '', guardrails: '',
    });
    const stances = [cell('b', 'p2', 'template-review'), cell('a', 'p2', 'template-review'), cell('a', 'p1', 'template'), cell('b', 'p1', 'template-review'), cell('gone', 'p1', 'template-review')];
    expect(reviewCells(['a', 'b'], ['p1', 'p2'], stances)).toEqual([
      { areaId: 'a', phaseId: 'p2' }, { areaId: 'b', phaseId: 'p1' }, { areaId: 'b', phaseId: 'p2' },
    ]);
    expect(reviewCells(['a'], ['p1'], [cell('a', 'p1', 'planner')])).toEqual([]);
  });
});
