/**
 * The arithmetic of the roadmap timeline, as pure functions: which school years it spans, where
 * a date sits (in pixels) at a zoom, which date a pixel or a drag lands on, and the header cells
 * (school years, quarters, months) that tile it.
 *
 * Positions are measured in months from the first day of the timeline's first school year: a
 * month is always the same width on screen, and a day is its share of its month. Month, quarter
 * and year boundaries therefore fall on exact multiples of the month width.
 */
import { addDays, addMonths, differenceInCalendarDays, endOfMonth, format, getDaysInMonth, isLastDayOfMonth, parseISO } from 'date-fns';
import { formatDisplayDate, phaseDateProblem, schoolYearLabel, schoolYearStart } from './phase-rules';

export const ZOOMS = ['months', 'quarters', 'years'] as const;
export type Zoom = (typeof ZOOMS)[number];
export const ZOOM_LABELS: Record<Zoom, string> = { months: 'Months', quarters: 'Quarters', years: 'Years' };
/**
 * Screen pixels per month at each zoom. At the quarters zoom, where the timeline opens, four
 * school years fit beside the row names in a window 1366 px wide.
 */
export const PX_PER_MONTH: Record<Zoom, number> = { months: 56, quarters: 20, years: 10 };
/** The zoom the timeline opens at. */
export const DEFAULT_ZOOM: Zoom = 'quarters';
/** Width (px) of the column that names each row, beside the months. */
export const LABEL_WIDTH = 212;
/** What a drag snaps to: single days where a day is wide enough to aim at, whole months otherwise. */
export const SNAP_UNIT: Record<Zoom, 'day' | 'month'> = { months: 'day', quarters: 'month', years: 'month' };

export interface TimelineRange {
  /** First day of the first school year shown. */
  start: Date;
  /** Whole months shown: whole quarters of the school year, so a multiple of 3. */
  months: number;
  /** The plan's school-year start month, 1 = January. */
  startMonth: number;
}

export interface PhaseDates {
  start: string;
  end: string;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const toDate = (date: Date | string) => (typeof date === 'string' ? parseISO(date) : date);

/** School years shown when a plan has nothing dated yet, from today's. */
const EMPTY_YEARS = 4;

/**
 * The span the timeline shows: from the first day of the school year of the plan's earliest
 * date, however far ahead of today that is, to the end of the school-year quarter that holds
 * the latest date or today, whichever is later, plus `marginMonths`, so nothing sits on the
 * edge. A plan made from a template, which starts at the next school year, opens on its own
 * school years rather than on an empty one for today. With nothing dated, a few school years
 * from today's.
 */
export function timelineRange(dates: readonly string[], today: Date, startMonth: number, marginMonths = 1): TimelineRange {
  let earliest: Date | null = null;
  let latest = today;
  for (const text of dates) {
    const date = parseISO(text);
    if (Number.isNaN(date.getTime())) continue;
    if (earliest === null || date < earliest) earliest = date;
    if (date > latest) latest = date;
  }
  if (earliest === null) return { start: schoolYearStart(today, startMonth), months: EMPTY_YEARS * 12, startMonth };
  const start = schoolYearStart(earliest, startMonth);
  const last = addMonths(latest, marginMonths);
  const monthsThrough = (last.getFullYear() - start.getFullYear()) * 12 + (last.getMonth() - start.getMonth()) + 1;
  return { start, months: Math.ceil(monthsThrough / 3) * 3, startMonth };
}

/** The timeline's whole width (px) at a zoom: the row names and every month of the range. */
export function timelineWidth(range: TimelineRange, zoom: Zoom): number {
  return LABEL_WIDTH + range.months * PX_PER_MONTH[zoom];
}

/** Where a date starts, in months from the start of the range (fractional within its month). */
export function monthOffset(date: Date | string, range: TimelineRange): number {
  const d = toDate(date);
  const whole = (d.getFullYear() - range.start.getFullYear()) * 12 + (d.getMonth() - range.start.getMonth());
  return whole + (d.getDate() - 1) / getDaysInMonth(d);
}

/** The x position (px) where a day starts. */
export function dateToX(date: Date | string, range: TimelineRange, pxPerMonth: number): number {
  return monthOffset(date, range) * pxPerMonth;
}

// Guards floor() against a position computed from a day's own start landing a hair below it.
const EPSILON = 1e-6;

/** The day under an x position (px); positions outside the range give days outside it. */
export function xToDate(x: number, range: TimelineRange, pxPerMonth: number): Date {
  const months = x / pxPerMonth;
  const whole = Math.floor(months + EPSILON);
  const monthStart = addMonths(range.start, whole);
  const days = getDaysInMonth(monthStart);
  const day = Math.min(days - 1, Math.max(0, Math.floor((months - whole) * days + EPSILON)));
  return addDays(monthStart, day);
}

/** The day boundary (or month boundary) nearest to x: the date that starts there. */
export function nearestBoundary(x: number, range: TimelineRange, pxPerMonth: number, unit: 'day' | 'month'): Date {
  const months = x / pxPerMonth;
  if (unit === 'month') return addMonths(range.start, Math.round(months));
  const whole = Math.floor(months + EPSILON);
  const monthStart = addMonths(range.start, whole);
  return addDays(monthStart, Math.round((months - whole) * getDaysInMonth(monthStart)));
}

/** Left edge and width (px) of a phase's bar: from the start of its first day to the end of its last. */
export function barExtent(dates: PhaseDates, range: TimelineRange, pxPerMonth: number): { left: number; width: number } {
  const left = dateToX(dates.start, range, pxPerMonth);
  const right = dateToX(addDays(parseISO(dates.end), 1), range, pxPerMonth);
  return { left, width: Math.max(right - left, 0) };
}

/** A date moved by whole months; the last day of a month stays the last day (Jul 31 → Aug 31 → Sep 30). */
export function shiftMonths(isoDate: string, months: number): string {
  const date = parseISO(isoDate);
  const moved = isLastDayOfMonth(date) ? endOfMonth(addMonths(date, months)) : addMonths(date, months);
  return iso(moved);
}

export type DateChange = 'move' | 'start' | 'end';

/** A phase's dates after moving it, or its start or end, by whole months (the arrow keys). */
export function shiftPhase(dates: PhaseDates, change: DateChange, months: number): PhaseDates {
  return {
    start: change === 'end' ? dates.start : shiftMonths(dates.start, months),
    end: change === 'start' ? dates.end : shiftMonths(dates.end, months),
  };
}

/**
 * A phase's dates after dragging its bar (`move`) or one of its edges by `deltaX` pixels,
 * snapped to days at the finest zoom and to months at the coarser ones. Null when the result
 * would not end after it starts.
 */
export function dragPhase(dates: PhaseDates, change: DateChange, deltaX: number, range: TimelineRange, zoom: Zoom): PhaseDates | null {
  const px = PX_PER_MONTH[zoom];
  const unit = SNAP_UNIT[zoom];
  let next: PhaseDates;
  if (change === 'move') {
    if (unit === 'month') {
      next = shiftPhase(dates, 'move', Math.round(deltaX / px));
    } else {
      const start = nearestBoundary(dateToX(dates.start, range, px) + deltaX, range, px, 'day');
      const days = differenceInCalendarDays(start, parseISO(dates.start));
      next = { start: iso(start), end: iso(addDays(parseISO(dates.end), days)) };
    }
  } else if (change === 'start') {
    next = { start: iso(nearestBoundary(dateToX(dates.start, range, px) + deltaX, range, px, unit)), end: dates.end };
  } else {
    const after = nearestBoundary(dateToX(addDays(parseISO(dates.end), 1), range, px) + deltaX, range, px, unit);
    next = { start: dates.start, end: iso(addDays(after, -1)) };
  }
  return phaseDateProblem(next.start, next.end) ? null : next;
}

export interface HeaderCell {
  key: string;
  /** Offset and span in months from the start of the range. */
  offset: number;
  span: number;
  /** "2026–27", "Q1", "Aug". */
  label: string;
  /** The one-letter form, for narrow cells ("A" for August). */
  narrowLabel: string;
  /** In full, for a tooltip: "School year 2026–27", "Q1 2026–27: Aug–Oct", "August 2026". */
  title: string;
}

export interface TimelineHeader {
  years: HeaderCell[];
  quarters: HeaderCell[];
  months: HeaderCell[];
}

/** The header rows: school years, their quarters (Q1 starts the school year) and months, tiling the range. */
export function headerCells(range: TimelineRange): TimelineHeader {
  const years: HeaderCell[] = [];
  const quarters: HeaderCell[] = [];
  const months: HeaderCell[] = [];
  for (let m = 0; m < range.months; m += 1) {
    const date = addMonths(range.start, m);
    const span = (size: number) => Math.min(size, range.months - m);
    if (m % 12 === 0) {
      const label = schoolYearLabel(date, range.startMonth);
      years.push({ key: `y${m}`, offset: m, span: span(12), label, narrowLabel: label, title: `School year ${label}` });
    }
    if (m % 3 === 0) {
      const q = `Q${((m / 3) % 4) + 1}`;
      const last = addMonths(date, span(3) - 1);
      quarters.push({
        key: `q${m}`, offset: m, span: span(3), label: q, narrowLabel: q,
        title: `${q} ${schoolYearLabel(date, range.startMonth)}: ${format(date, 'MMM')}–${format(last, 'MMM')}`,
      });
    }
    months.push({ key: `m${m}`, offset: m, span: 1, label: format(date, 'MMM'), narrowLabel: format(date, 'MMMMM'), title: format(date, 'MMMM yyyy') });
  }
  return { years, quarters, months };
}

/** "Aug 1, 2027 to Jul 31, 2028". */
export function dateSpanText(dates: PhaseDates): string {
  return `${formatDisplayDate(dates.start)} to ${formatDisplayDate(dates.end)}`;
}

/** The range's last day. */
export function rangeEnd(range: TimelineRange): Date {
  return addDays(addMonths(range.start, range.months), -1);
}
