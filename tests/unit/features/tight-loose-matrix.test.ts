import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellKey, cellLabel, previousStance, shiftLookup, stanceEditLabel, stanceForKey, stanceLookup, unsettled, withPending } from '../../../renderer/src/features/tight-loose/matrix-model';
import { clampPosition, moveInGrid, PAGE_ROWS } from '../../../renderer/src/components/grid-navigation';
import { phaseSpan } from '../../../renderer/src/domain/phase-rules';
import { stanceLabel } from '../../../renderer/src/domain/stance-words';
import { contrastRatio, STANCE_COLORS } from '../../../renderer/src/components/stance-palette';
import type { Stance, StanceValue } from '../../../renderer/src/domain/schemas';

const PLAN = '00000000-0000-4000-8000-000000000000';
let counter = 0;
function stance(areaId: string, phaseId: string, value: StanceValue | null): Stance {
  counter += 1;
  return { id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`, planId: PLAN, areaId, phaseId, stance: value, rationale: '', owner: '', guardrails: '' };
}

describe('cell words', () => {
  it('reads a cell as area, phase and stance', () => {
    expect(cellLabel('Curriculum', 'Pilot', 'tight')).toBe('Curriculum, Pilot: Tight');
    expect(cellLabel('Curriculum', 'Pilot', null)).toBe('Curriculum, Pilot: Not set');
  });

  it('adds the stance a cell changed from', () => {
    expect(cellLabel('Curriculum', 'Scale', 'loose', 'tight')).toBe('Curriculum, Scale: Loose (changed from Tight)');
  });

  it('labels stance edits for the undo history', () => {
    expect(stanceEditLabel('Curriculum', 'Pilot', 'tight')).toBe('Set Curriculum to Tight in Pilot');
    expect(stanceEditLabel('Curriculum', 'Pilot', 'shared')).toBe('Set Curriculum to Shared in Pilot');
    expect(stanceEditLabel('Curriculum', 'Pilot', null)).toBe('Clear the stance of Curriculum in Pilot');
  });

  it('names every stance and the unset one', () => {
    expect([stanceLabel('tight'), stanceLabel('shared'), stanceLabel('loose'), stanceLabel(null)]).toEqual(['Tight', 'Shared', 'Loose', 'Not set']);
  });

  it('writes a phase span by month', () => {
    expect(phaseSpan({ start: '2026-08-01', end: '2027-07-31' })).toBe('Aug\u00a02026 – Jul\u00a02027');
    expect(phaseSpan({ start: 'soon', end: '2027-07-31' })).toBe('');
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

describe('moveInGrid', () => {
  const size = { rows: 7, cols: 4 };

  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowUp', size)).toEqual({ row: 1, col: 1 });
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowDown', size)).toEqual({ row: 3, col: 1 });
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowLeft', size)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowRight', size)).toEqual({ row: 2, col: 2 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 6, col: 3 }, 'ArrowDown', size)).toEqual({ row: 6, col: 3 });
    expect(moveInGrid({ row: 6, col: 3 }, 'ArrowRight', size)).toEqual({ row: 6, col: 3 });
  });

  it('goes to the ends of the row with Home and End, of the grid with Ctrl', () => {
    expect(moveInGrid({ row: 3, col: 2 }, 'Home', size)).toEqual({ row: 3, col: 0 });
    expect(moveInGrid({ row: 3, col: 2 }, 'End', size)).toEqual({ row: 3, col: 3 });
    expect(moveInGrid({ row: 3, col: 2 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 3, col: 2 }, 'End', size, true)).toEqual({ row: 6, col: 3 });
  });

  it('pages a few rows at a time', () => {
    expect(moveInGrid({ row: 6, col: 1 }, 'PageUp', size)).toEqual({ row: 6 - PAGE_ROWS, col: 1 });
    expect(moveInGrid({ row: 4, col: 1 }, 'PageDown', size)).toEqual({ row: 6, col: 1 });
  });

  it('ignores keys that do not navigate, and empty grids', () => {
    expect(moveInGrid({ row: 0, col: 0 }, 't', size)).toBeNull();
    expect(moveInGrid({ row: 0, col: 0 }, 'Enter', size)).toBeNull();
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowDown', { rows: 0, cols: 3 })).toBeNull();
  });

  it('always lands inside the grid, and arrows move at most one step', () => {
    const key = fc.constantFrom('ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown');
    fc.assert(fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: -5, max: 30 }), fc.integer({ min: -5, max: 20 }), key, fc.boolean(), (rows, cols, row, col, k, ctrl) => {
      const next = moveInGrid({ row, col }, k, { rows, cols }, ctrl);
      expect(next).not.toBeNull();
      if (!next) return;
      expect(next.row).toBeGreaterThanOrEqual(0);
      expect(next.row).toBeLessThan(rows);
      expect(next.col).toBeGreaterThanOrEqual(0);
      expect(next.col).toBeLessThan(cols);
      if (k.startsWith('Arrow')) {
        const from = clampPosition({ row, col }, { rows, cols });
        expect(Math.abs(next.row - from.row) + Math.abs(next.col - from.col)).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('Down then Up returns to the start away from the bottom edge', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 1, max: 15 }), (rows, cols) => {
      fc.pre(rows > 1);
      const start = { row: rows - 2, col: cols - 1 };
      const down = moveInGrid(start, 'ArrowDown', { rows, cols });
      expect(down && moveInGrid(down, 'ArrowUp', { rows, cols })).toEqual(start);
    }));
  });
});

describe('colours', () => {
  it('keeps every cell’s text at WCAG AA contrast on its background and on white paper', () => {
    for (const [name, c] of Object.entries(STANCE_COLORS)) {
      expect(contrastRatio(c.text, c.background), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.text, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes the contrast of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('red', '#ffffff')).toThrow();
  });
});

describe('pressed stances shown before storage catches up', () => {
  const row = (areaId: string, phaseId: string, stance: StanceValue | null): Stance => ({ id: `${areaId}-${phaseId}`, planId: 'p', areaId, phaseId, stance, rationale: 'why', owner: '', guardrails: '' });

  it('lays pending stances over stored ones, with a stand-in where nothing is stored yet', () => {
    const stored = [row('a1', 'p1', 'loose'), row('a2', 'p1', null)];
    expect(withPending(stored, new Map())).toBe(stored);
    const shown = withPending(stored, new Map<string, StanceValue | null>([[cellKey('a1', 'p1'), 'tight'], [cellKey('a3', 'p1'), 'shared']]));
    expect(shown.map((s) => [s.areaId, s.stance, s.rationale])).toEqual([['a1', 'tight', 'why'], ['a2', null, 'why'], ['a3', 'shared', '']]);
    expect(stored[0]?.stance).toBe('loose');
  });

  it('lets go of a pending stance once storage holds it, and keeps the rest', () => {
    const pending = new Map<string, StanceValue | null>([[cellKey('a1', 'p1'), 'tight'], [cellKey('a2', 'p1'), 'loose']]);
    const before = stanceLookup([row('a1', 'p1', 'loose')]);
    expect(unsettled(pending, before)).toBe(pending);
    const after = unsettled(pending, stanceLookup([row('a1', 'p1', 'tight')]));
    expect([...after.keys()]).toEqual([cellKey('a2', 'p1')]);
    expect(unsettled(new Map([[cellKey('a9', 'p1'), null]]), before).size).toBe(0);
  });
});
