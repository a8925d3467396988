import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, format } from 'date-fns';
import { MONTHS_PER_SLICE, timelineSlices } from '../../../renderer/src/domain/report-timeline';
import { monthOffset, timelineRange, type TimelineRange } from '../../../renderer/src/domain/timeline';

/** Five August school years, 2026–27 through 2030–31. */
const AUG: TimelineRange = { start: new Date(2026, 7, 1), months: 60, startMonth: 8 };

describe('the printed timeline in page-width slices', () => {
  it('prints two school years a page by default', () => {
    expect(MONTHS_PER_SLICE).toBe(24);
  });

  it('cuts a five-year plan into two-year slices, the last one shorter, each with its own header', () => {
    const slices = timelineSlices(AUG, [], []);
    expect(slices.map((s) => [s.offset, s.months])).toEqual([[0, 24], [24, 24], [48, 12]]);
    expect(slices.map((s) => s.years.map((y) => y.label))).toEqual([['2026–27', '2027–28'], ['2028–29', '2029–30'], ['2030–31']]);
    expect(slices[0]?.monthCells.map((m) => m.label).slice(0, 3)).toEqual(['Aug', 'Sep', 'Oct']);
    expect(slices.map((s) => s.monthCells.length)).toEqual([24, 24, 12]);
    expect(slices[1]?.monthCells[0]).toMatchObject({ offset: 0, label: 'Aug' });
    expect(slices.map((s) => [format(s.start, 'yyyy-MM-dd'), format(s.end, 'yyyy-MM-dd')])).toEqual([
      ['2026-08-01', '2028-07-31'], ['2028-08-01', '2030-07-31'], ['2030-08-01', '2031-07-31'],
    ]);
  });

  it('places a phase within its slice, and one that runs across a page in both, marked as continuing', () => {
    const phases = [
      { id: 'pilot', start: '2026-08-01', end: '2027-07-31' },
      { id: 'scale', start: '2027-08-01', end: '2029-07-31' },
    ];
    const [first, second] = timelineSlices(AUG, phases, []);
    expect(first?.bars).toEqual([
      { id: 'pilot', left: 0, width: 0.5, continuesBefore: false, continuesAfter: false },
      { id: 'scale', left: 0.5, width: 0.5, continuesBefore: false, continuesAfter: true },
    ]);
    expect(second?.bars).toEqual([{ id: 'scale', left: 0, width: 0.5, continuesBefore: true, continuesAfter: false }]);
  });

  it('keeps the same scale on a short last slice, and leaves out what is outside the range', () => {
    const slices = timelineSlices(AUG, [{ id: 'late', start: '2030-08-01', end: '2031-01-31' }, { id: 'after', start: '2032-01-01', end: '2032-06-30' }], []);
    expect(slices[2]?.bars).toEqual([{ id: 'late', left: 0, width: 0.25, continuesBefore: false, continuesAfter: false }]);
    expect(slices.flatMap((s) => s.bars).map((b) => b.id)).toEqual(['late']);
  });

  it('puts each milestone in the slice of its day, at its place within the month', () => {
    const slices = timelineSlices(AUG, [], [{ id: 'board', date: '2026-08-16' }, { id: 'gate', date: '2028-08-01' }, { id: 'later', date: '2040-01-01' }]);
    expect(slices[0]?.marks).toEqual([{ id: 'board', at: 15 / 31 / 24, lane: 0 }]);
    expect(slices[1]?.marks).toEqual([{ id: 'gate', at: 0, lane: 0 }]);
    expect(slices.flatMap((s) => s.marks).map((m) => m.id)).toEqual(['board', 'gate']);
  });

  it('puts marks that would overlap on separate lines, and goes back to the first line when there is room', () => {
    const [slice] = timelineSlices(AUG, [], [
      { id: 'b', date: '2026-09-01' }, { id: 'a', date: '2026-09-01' }, { id: 'c', date: '2026-09-10' }, { id: 'd', date: '2026-12-01' },
    ]);
    expect(slice?.marks.map((m) => [m.id, m.lane])).toEqual([['b', 0], ['a', 1], ['c', 2], ['d', 0]]);
  });

  it('refuses a slice width that is not a whole number of months', () => {
    expect(() => timelineSlices(AUG, [], [], 0)).toThrow(/Months per timeline slice must be a whole number above 0, not 0/);
  });

  it('covers every day of a phase exactly once across the slices, for any plan', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays(new Date(2024, 0, 1), n));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 36 }), (start, length, startMonth, perSlice) => {
      const phase = { id: 'p', start: format(start, 'yyyy-MM-dd'), end: format(addDays(start, length), 'yyyy-MM-dd') };
      const range = timelineRange([phase.start, phase.end], start, startMonth, 0);
      const slices = timelineSlices(range, [phase], [], perSlice);
      const bars = slices.flatMap((s) => s.bars);
      expect(bars.length).toBeGreaterThan(0);
      expect(bars[0]?.continuesBefore).toBe(false);
      expect(bars.at(-1)?.continuesAfter).toBe(false);
      // The pieces add up to the whole phase, in months.
      const months = bars.reduce((sum, b) => sum + b.width * perSlice, 0);
      const whole = slices.reduce((sum, s) => sum + s.months, 0);
      expect(whole).toBe(range.months);
      for (const b of bars) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.left + b.width).toBeLessThanOrEqual(1 + 1e-9);
      }
      const phaseMonths = monthOffset(addDays(start, length + 1), range) - monthOffset(start, range);
      expect(months).toBeCloseTo(phaseMonths, 6);
    }));
  });
});
