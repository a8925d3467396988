import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import {
  DEFAULT_ZOOM, PX_PER_MONTH, ZOOMS, barExtent, dateSpanText, dateToX, dragPhase, headerCells, monthOffset, nearestBoundary, rangeEnd,
  shiftMonths, shiftPhase, timelineRange, timelineWidth, xToDate, type HeaderCell, type TimelineRange,
} from '../../../renderer/src/domain/timeline';
import { createPlanBundle } from '../../../renderer/src/domain/templates';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const isoDate = fc.date({ min: new Date(2010, 0, 1), max: new Date(2045, 11, 31), noInvalidDate: true }).map(iso);
const startMonth = fc.integer({ min: 1, max: 12 });
const today = new Date(2026, 10, 23);

/** An August school year range from 2026–27 through 2030–31. */
const AUG: TimelineRange = { start: new Date(2026, 7, 1), months: 60, startMonth: 8 };

describe('timeline range', () => {
  it('starts at the school year of the plan\'s earliest date, not today\'s, and covers the latest with a margin', () => {
    const range = timelineRange(['2027-08-01', '2031-07-31', '2028-03-15'], today, 8);
    // Today (Nov 2026) is in 2026–27, a school year before the plan's first.
    expect(range.start).toEqual(new Date(2027, 7, 1));
    // Jul 31, 2031 + a month falls in Q1 of 2031–32 (Aug–Oct), so that quarter is shown too.
    expect(rangeEnd(range)).toEqual(new Date(2031, 9, 31));
    expect(range.months).toBe(51);
  });

  it('opens on a plan whose phases start years after today', () => {
    const range = timelineRange(['2030-01-01', '2030-12-31', '2031-12-31'], today, 1);
    expect(range.start).toEqual(new Date(2030, 0, 1));
    expect(monthOffset(today, range)).toBeLessThan(0);
    expect(headerCells(range).years.map((y) => y.label)).toEqual(['2030', '2031', '2032']);
  });

  it('starts earlier than today when a phase does, and reaches today', () => {
    const range = timelineRange(['2024-01-10', '2025-06-30'], today, 9);
    expect(range.start).toEqual(new Date(2023, 8, 1));
    // Today (Nov 23, 2026) + a month is in Q2 of 2026–27 (Dec–Feb).
    expect(rangeEnd(range)).toEqual(new Date(2027, 1, 28));
  });

  it('shows a few school years from today when nothing is dated', () => {
    const range = timelineRange([], today, 1);
    expect(range.start).toEqual(new Date(2026, 0, 1));
    expect(range.months).toBe(48);
  });

  it('always holds every date, and today unless the plan starts later, in whole quarters from the start of a school year', () => {
    fc.assert(fc.property(fc.array(isoDate, { maxLength: 20 }), startMonth, (dates, month) => {
      const range = timelineRange(dates, today, month);
      expect(range.start.getDate()).toBe(1);
      expect(range.start.getMonth()).toBe(month - 1);
      expect(range.months % 3).toBe(0);
      const last = iso(rangeEnd(range));
      // A margin after the latest date, but less than a school year of empty space.
      const latest = [...dates, iso(today)].sort().at(-1) ?? '';
      expect(monthOffset(latest, range)).toBeLessThanOrEqual(range.months - 1);
      if (dates.length > 0) expect(range.months - monthOffset(latest, range)).toBeLessThan(5);
      const earliest = [...dates].sort()[0] ?? iso(today);
      for (const d of [...dates, ...(earliest <= iso(today) ? [iso(today)] : [])]) {
        expect(d >= iso(range.start)).toBe(true);
        expect(d <= last).toBe(true);
      }
      // The plan's earliest date (today's, with nothing dated) is in the first school year.
      expect(monthOffset(earliest, range)).toBeGreaterThanOrEqual(0);
      expect(monthOffset(earliest, range)).toBeLessThan(12);
    }));
  });

  it('fits a four-year plan from a template, made today, beside the row names in a window 1366 px wide at the zoom it opens at', () => {
    const made = new Date(2026, 10, 30);
    const plan = createPlanBundle({ name: 'Lakeshore roadmap', systemName: 'Lakeshore Public Schools', templateId: 'pilot-to-scale', today: made });
    const dates = [...plan.phases.flatMap((p) => [p.start, p.end]), ...plan.milestones.map((m) => m.date)];
    const range = timelineRange(dates, made, plan.plan.schoolYearStartMonth);
    // Plans from templates start at the next school year: the timeline opens there.
    expect(range.start).toEqual(new Date(2027, 7, 1));
    expect(headerCells(range).years[0]?.label).toBe('2027–28');
    // The window less a 17 px scrollbar, the page's 24 px gutters, the roadmap panel's 16 px
    // padding and 1 px border, and the timeline's own border.
    const room = 1366 - 17 - 2 * 24 - 2 * (16 + 1) - 2;
    expect(timelineWidth(range, DEFAULT_ZOOM)).toBeLessThanOrEqual(room);
  });
});

describe('dates and positions', () => {
  it('puts a month at a fixed width and a day at its share of its month', () => {
    expect(dateToX('2026-08-01', AUG, 56)).toBe(0);
    expect(dateToX('2026-09-01', AUG, 56)).toBe(56);
    expect(dateToX('2027-08-01', AUG, 10)).toBe(120);
    expect(dateToX('2026-08-16', AUG, 31)).toBe(15);
    expect(xToDate(0, AUG, 56)).toEqual(new Date(2026, 7, 1));
    expect(xToDate(55.9, AUG, 56)).toEqual(new Date(2026, 7, 31));
    expect(xToDate(56, AUG, 56)).toEqual(new Date(2026, 8, 1));
  });

  it('reads back the day it placed, at every zoom', () => {
    fc.assert(fc.property(isoDate, fc.constantFrom(...ZOOMS), (date, zoom) => {
      const range = timelineRange([date], today, 8);
      const px = PX_PER_MONTH[zoom];
      expect(iso(xToDate(dateToX(date, range, px), range, px))).toBe(date);
      // Anywhere inside the day's width reads as the same day.
      const dayWidth = dateToX(iso(addDays(parseISO(date), 1)), range, px) - dateToX(date, range, px);
      expect(iso(xToDate(dateToX(date, range, px) + dayWidth * 0.9, range, px))).toBe(date);
    }));
  });

  it('places later dates further right', () => {
    fc.assert(fc.property(isoDate, isoDate, (a, b) => {
      fc.pre(a < b);
      expect(dateToX(a, AUG, 24)).toBeLessThan(dateToX(b, AUG, 24));
    }));
  });

  it('snaps to the nearest day or month boundary', () => {
    expect(iso(nearestBoundary(56 * 2 + 0.5, AUG, 56, 'day'))).toBe('2026-10-01');
    expect(iso(nearestBoundary(56 * 2 + 27, AUG, 56, 'day'))).toBe('2026-10-16');
    expect(iso(nearestBoundary(24 * 4.4, AUG, 24, 'month'))).toBe('2026-12-01');
    expect(iso(nearestBoundary(24 * 4.6, AUG, 24, 'month'))).toBe('2027-01-01');
  });

  it('spans a bar from the start of its first day to the end of its last', () => {
    expect(barExtent({ start: '2026-08-01', end: '2027-07-31' }, AUG, 10)).toEqual({ left: 0, width: 120 });
    expect(barExtent({ start: '2026-09-01', end: '2026-09-30' }, AUG, 56)).toEqual({ left: 56, width: 56 });
  });
});

describe('header cells', () => {
  const tiles = (cells: HeaderCell[], months: number) => {
    let next = 0;
    for (const cell of cells) {
      expect(cell.offset).toBe(next);
      expect(cell.span).toBeGreaterThan(0);
      next += cell.span;
    }
    expect(next).toBe(months);
  };

  it('names school years, quarters of the school year and months', () => {
    const header = headerCells({ start: new Date(2026, 7, 1), months: 24, startMonth: 8 });
    expect(header.years.map((c) => c.label)).toEqual(['2026–27', '2027–28']);
    expect(header.quarters.map((c) => c.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4']);
    expect(header.quarters[0]?.title).toBe('Q1 2026–27: Aug–Oct');
    expect(header.months.slice(0, 3).map((c) => [c.label, c.narrowLabel, c.title])).toEqual([['Aug', 'A', 'August 2026'], ['Sep', 'S', 'September 2026'], ['Oct', 'O', 'October 2026']]);
    expect(header.years[1]?.offset).toBe(12);
  });

  it('tiles the whole range with no gaps or overlaps in every row', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), startMonth, fc.integer({ min: 2000, max: 2040 }), (months, month, year) => {
      const range = { start: new Date(year, month - 1, 1), months, startMonth: month };
      const header = headerCells(range);
      tiles(header.years, months);
      tiles(header.quarters, months);
      tiles(header.months, months);
      // Every school year starts on the start month and opens with Q1.
      for (const y of header.years) expect(header.quarters.find((q) => q.offset === y.offset)?.label).toBe('Q1');
    }));
  });
});

describe('moving phases by months (keyboard)', () => {
  it('keeps the last day of a month the last day', () => {
    expect(shiftMonths('2027-07-31', 1)).toBe('2027-08-31');
    expect(shiftMonths('2027-08-31', 1)).toBe('2027-09-30');
    expect(shiftMonths('2027-09-30', 1)).toBe('2027-10-31');
    expect(shiftMonths('2028-02-29', -1)).toBe('2028-01-31');
    expect(shiftMonths('2027-08-15', -2)).toBe('2027-06-15');
  });

  it('moves both dates, or only the start or the end', () => {
    const pilot = { start: '2026-08-01', end: '2027-07-31' };
    expect(shiftPhase(pilot, 'move', 1)).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(shiftPhase(pilot, 'end', -1)).toEqual({ start: '2026-08-01', end: '2027-06-30' });
    expect(shiftPhase(pilot, 'start', 1)).toEqual({ start: '2026-09-01', end: '2027-07-31' });
  });

  it('moves a phase that starts on the 1st and ends on a month end by exactly that many months', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 36 }), fc.integer({ min: -24, max: 24 }), (startIndex, length, by) => {
      const start = iso(new Date(2020, startIndex, 1));
      const end = iso(addDays(new Date(2020, startIndex + length, 1), -1));
      const moved = shiftPhase({ start, end }, 'move', by);
      expect(moved.start).toBe(iso(new Date(2020, startIndex + by, 1)));
      expect(moved.end).toBe(iso(addDays(new Date(2020, startIndex + length + by, 1), -1)));
    }));
  });
});

describe('dragging phases', () => {
  const pilot = { start: '2026-08-01', end: '2027-07-31' };

  it('moves by whole days at the month zoom, keeping the length in days', () => {
    const moved = dragPhase(pilot, 'move', 56 * 1.5, AUG, 'months');
    expect(moved).toEqual({ start: '2026-09-16', end: '2027-09-15' });
  });

  it('moves by whole months at the coarser zooms', () => {
    expect(dragPhase(pilot, 'move', PX_PER_MONTH.quarters * 2.4, AUG, 'quarters')).toEqual({ start: '2026-10-01', end: '2027-09-30' });
    expect(dragPhase(pilot, 'move', -10 * 13, AUG, 'years')).toEqual({ start: '2025-07-01', end: '2026-06-30' });
  });

  it('snaps a dragged edge to a month start or a month end at the coarser zooms', () => {
    expect(dragPhase(pilot, 'end', 10 * 2.2, AUG, 'years')).toEqual({ start: '2026-08-01', end: '2027-09-30' });
    expect(dragPhase(pilot, 'start', -PX_PER_MONTH.quarters * 0.6, AUG, 'quarters')).toEqual({ start: '2026-07-01', end: '2027-07-31' });
  });

  it('refuses a drag that would make the phase end before it starts', () => {
    expect(dragPhase(pilot, 'end', -56 * 13, AUG, 'months')).toBeNull();
    expect(dragPhase(pilot, 'start', 10 * 12, AUG, 'years')).toBeNull();
  });

  it('keeps the length of a moved phase in days, and always gives a valid phase or nothing', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: 1, max: 900 }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.constantFrom(...ZOOMS), fc.constantFrom('move' as const, 'start' as const, 'end' as const), (start, length, dx, zoom, change) => {
      const dates = { start, end: iso(addDays(parseISO(start), length)) };
      const range = timelineRange([dates.start, dates.end], today, 8);
      const next = dragPhase(dates, change, dx, range, zoom);
      if (next === null) return;
      expect(next.end > next.start).toBe(true);
      if (change === 'start') expect(next.end).toBe(dates.end);
      if (change === 'end') expect(next.start).toBe(dates.start);
      if (change === 'move' && zoom === 'months') {
        expect(differenceInCalendarDays(parseISO(next.end), parseISO(next.start))).toBe(length);
      }
    }));
  });
});

it('writes a phase span in words', () => {
  expect(dateSpanText({ start: '2027-08-01', end: '2028-07-31' })).toBe('Aug 1, 2027 to Jul 31, 2028');
});
