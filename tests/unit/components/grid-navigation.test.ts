import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampPosition, moveInGrid, PAGE_ROWS } from '../../../renderer/src/components/grid-navigation';

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
