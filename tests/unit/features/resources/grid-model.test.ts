import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellAmount, cellCaption, cellEditLabel, cellLabel, editKey, editText, gridMove, rowWindow, scrollToRow, startsTyping,
} from '../../../../renderer/src/features/resources/grid-model';
import type { GridCell } from '../../../../renderer/src/domain/resource-rules';

const cell = (amount: number, lines: { ongoing?: number; oneTime?: number; flexible?: number } = {}): GridCell => {
  const ongoing = lines.ongoing ?? 0;
  const oneTime = lines.oneTime ?? (ongoing === 0 ? 1 : 0);
  return { amount, lineIds: Array.from({ length: ongoing + oneTime }, (_, i) => `l${i}`), ongoing, oneTime, flexible: lines.flexible ?? 0 };
};

describe('rowWindow', () => {
  it('renders the rows in view and a few either side', () => {
    expect(rowWindow(0, 500, 50, 200)).toEqual({ start: 0, end: 14 });
    expect(rowWindow(1_000, 500, 50, 200)).toEqual({ start: 16, end: 34 });
    expect(rowWindow(1_025, 500, 50, 200, 0)).toEqual({ start: 20, end: 31 });
  });

  it('stays inside the rows there are', () => {
    expect(rowWindow(9_800, 500, 50, 200)).toEqual({ start: 192, end: 200 });
    expect(rowWindow(-40, 500, 50, 3)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(0, 500, 50, 0)).toEqual({ start: 0, end: 0 });
  });

  it('always covers every row in view, and never renders much more (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 10, max: 80 }), fc.integer({ min: 0, max: 500 }),
      (top, height, rowHeight, count) => {
        const { start, end } = rowWindow(top, height, rowHeight, count);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(count);
        for (let row = 0; row < count; row += 1) {
          const inView = row * rowHeight < top + height && (row + 1) * rowHeight > top;
          if (inView) expect(row >= start && row < end).toBe(true);
        }
        expect(end - start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 8);
      },
    ));
  });
});

describe('scrollToRow', () => {
  it('scrolls just enough to show the row, or not at all', () => {
    expect(scrollToRow(0, 500, 50, 3)).toBe(0);
    expect(scrollToRow(0, 500, 50, 10)).toBe(50);
    expect(scrollToRow(1_000, 500, 50, 4)).toBe(200);
    expect(scrollToRow(1_000, 500, 50, 25)).toBe(1_000);
  });
});

describe('keys', () => {
  const size = { rows: 44, cols: 5 };

  it('moves by arrows, Home / End and Ctrl+Home / End as the matrix does', () => {
    expect(gridMove({ row: 3, col: 2 }, 'ArrowDown', size, false, 8)).toEqual({ row: 4, col: 2 });
    expect(gridMove({ row: 3, col: 2 }, 'End', size, false, 8)).toEqual({ row: 3, col: 4 });
    expect(gridMove({ row: 3, col: 2 }, 'End', size, true, 8)).toEqual({ row: 43, col: 4 });
    expect(gridMove({ row: 3, col: 2 }, 'Home', size, true, 8)).toEqual({ row: 0, col: 0 });
    expect(gridMove({ row: 0, col: 0 }, 'ArrowUp', size, false, 8)).toEqual({ row: 0, col: 0 });
    expect(gridMove({ row: 0, col: 0 }, 'x', size, false, 8)).toBeNull();
  });

  it('pages by what is in view', () => {
    expect(gridMove({ row: 3, col: 2 }, 'PageDown', size, false, 8)).toEqual({ row: 11, col: 2 });
    expect(gridMove({ row: 40, col: 2 }, 'PageDown', size, false, 8)).toEqual({ row: 43, col: 2 });
    expect(gridMove({ row: 3, col: 2 }, 'PageUp', size, false, 8)).toEqual({ row: 0, col: 2 });
    expect(gridMove({ row: 3, col: 2 }, 'PageDown', size, false, 0)).toEqual({ row: 4, col: 2 });
    expect(gridMove({ row: 0, col: 0 }, 'PageDown', { rows: 0, cols: 0 }, false, 8)).toBeNull();
  });

  it('starts editing on digits and money signs, not on letters or with Ctrl or Alt', () => {
    for (const key of ['0', '7', '$', '.', ',']) expect(startsTyping(key, { ctrl: false, alt: false })).toBe(true);
    for (const key of ['a', 'Enter', ' ', '-', 'F2']) expect(startsTyping(key, { ctrl: false, alt: false })).toBe(false);
    expect(startsTyping('1', { ctrl: true, alt: false })).toBe(false);
    expect(startsTyping('1', { ctrl: false, alt: true })).toBe(false);
  });

  it('saves and moves with Enter and Tab, cancels with Escape, and stops at the edges', () => {
    const pos = { row: 2, col: 1 };
    const edit = { rows: 10, cols: 4 };
    expect(editKey('Enter', false, 'editing', pos, edit)).toEqual({ kind: 'commit', move: { row: 3, col: 1 } });
    expect(editKey('Enter', true, 'editing', pos, edit)).toEqual({ kind: 'commit', move: { row: 1, col: 1 } });
    expect(editKey('Tab', false, 'editing', pos, edit)).toEqual({ kind: 'commit', move: { row: 2, col: 2 } });
    expect(editKey('Tab', true, 'editing', pos, edit)).toEqual({ kind: 'commit', move: { row: 2, col: 0 } });
    expect(editKey('Tab', false, 'editing', { row: 2, col: 3 }, edit)).toEqual({ kind: 'commit', move: { row: 2, col: 3 } });
    expect(editKey('Enter', false, 'editing', { row: 9, col: 3 }, edit)).toEqual({ kind: 'commit', move: { row: 9, col: 3 } });
    expect(editKey('Escape', false, 'typing', pos, edit)).toEqual({ kind: 'cancel' });
    expect(editKey('5', false, 'typing', pos, edit)).toBeNull();
  });

  it('lets arrows move the caret after Enter or F2, but save and move after typing', () => {
    const pos = { row: 2, col: 1 };
    const edit = { rows: 10, cols: 4 };
    expect(editKey('ArrowLeft', false, 'editing', pos, edit)).toBeNull();
    expect(editKey('ArrowDown', false, 'editing', pos, edit)).toBeNull();
    expect(editKey('ArrowLeft', false, 'typing', pos, edit)).toEqual({ kind: 'commit', move: { row: 2, col: 0 } });
    expect(editKey('ArrowUp', false, 'typing', pos, edit)).toEqual({ kind: 'commit', move: { row: 1, col: 1 } });
    expect(editKey('ArrowRight', false, 'typing', pos, edit)).toEqual({ kind: 'commit', move: { row: 2, col: 2 } });
    expect(editKey('ArrowDown', false, 'typing', pos, edit)).toEqual({ kind: 'commit', move: { row: 3, col: 1 } });
  });
});

describe('cell words', () => {
  it('reads a cell as recipient, phase and what it holds', () => {
    expect(cellLabel('Central office', 'Pilot', 'money', undefined)).toBe('Central office, Pilot: none');
    expect(cellLabel('Central office', 'Pilot', 'money', cell(120_000_00, { ongoing: 1 }))).toBe('Central office, Pilot: $120,000 a year');
    expect(cellLabel('Wave 1', 'Pilot', 'money', cell(15_000_00, { flexible: 1 }))).toBe('Wave 1, Pilot: $15,000 one-time, flexible');
    expect(cellLabel('Wave 1', 'Pilot', 'money', cell(95_000_00, { ongoing: 1, oneTime: 1, flexible: 1 }), true))
      .toBe('Wave 1, Pilot: $95,000 (1 recurring per year, 1 one-time), 2 lines, 1 flexible, a flexible line where the area is held tight');
    expect(cellLabel('Adams', 'Scale', 'devices', cell(120, { oneTime: 2 }))).toBe('Adams, Scale: 120 devices, 2 lines');
  });

  it('captions money by how it recurs and any cell by its number of lines', () => {
    expect(cellCaption('money', undefined)).toBe('');
    expect(cellCaption('money', cell(1, { ongoing: 1 }))).toBe('per year');
    expect(cellCaption('money', cell(1, { oneTime: 1 }))).toBe('one-time');
    expect(cellCaption('money', cell(1, { ongoing: 2, oneTime: 1 }))).toBe('mixed · 3 lines');
    expect(cellCaption('staff-fte', cell(1, { ongoing: 1 }))).toBe('');
    expect(cellCaption('devices', cell(1, { oneTime: 2 }))).toBe('2 lines');
  });

  it('marks amounts continued from an earlier phase, and lines for each school of a wave', () => {
    const context = { waveSchools: 5, phaseName: (id: string) => (id === 'p1' ? 'Pilot' : 'Expand') };
    const continuedOnly: GridCell = { amount: 0, lineIds: [], ongoing: 0, oneTime: 0, flexible: 0, continued: { amount: 475_000_00, lineIds: ['c'], fromPhaseIds: ['p1'] } };
    expect(cellAmount('money', continuedOnly)).toBe('↳ $475,000');
    expect(cellCaption('money', continuedOnly)).toBe('continued');
    expect(cellLabel('Central office', 'Expand', 'money', continuedOnly, false, { ...context, waveSchools: null }))
      .toBe('Central office, Expand: continued from Pilot: $475,000 a year (edit it in Pilot)');
    expect(editText('money', continuedOnly)).toBe('');
    const both: GridCell = { ...cell(10_00, { ongoing: 1 }), continued: continuedOnly.continued };
    expect(cellAmount('money', both)).toBe('$10');
    expect(cellCaption('money', both)).toBe('per year · ↳ +$475,000');
    expect(cellLabel('Central office', 'Expand', 'money', both, false, context)).toBe('Central office, Expand: $10 a year; continued from Pilot: $475,000 a year (edit it in Pilot)');
    const each: GridCell = { ...cell(400_000_00), perSchool: 1 };
    expect(cellCaption('money', each)).toBe('one-time · each school');
    expect(cellCaption('money', each, 5)).toBe('one-time · ×5');
    expect(cellLabel('Wave 1', 'Pilot', 'money', each, false, context)).toBe('Wave 1, Pilot: $400,000 one-time for each of 5 schools ($2,000,000)');
  });

  it('starts editing from the amount on show', () => {
    expect(editText('money', cell(120_000_00))).toBe('$120,000');
    expect(editText('staff-fte', cell(1.5))).toBe('1.5');
    expect(editText('money', undefined)).toBe('');
  });

  it('names cell edits for the undo history', () => {
    expect(cellEditLabel('money', 'Central office', 'Pilot', 120_000_00)).toBe('Set Money for Central office in Pilot to $120,000');
    expect(cellEditLabel('staff-fte', 'Wave 1', 'Expand', 1.5)).toBe('Set Staff (FTE) for Wave 1 in Expand to 1.5 FTE');
    expect(cellEditLabel('devices', 'Wave 1', 'Expand', null)).toBe('Clear Devices for Wave 1 in Expand');
  });
});
