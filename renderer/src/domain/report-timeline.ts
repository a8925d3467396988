/**
 * The roadmap timeline cut into page-width slices for print. A printed page cannot scroll and
 * Chromium does not split wide content across pages, so a long plan is printed as several
 * slices, each a fixed number of months at the same scale, each with its own school-year and
 * month header, and with the phases and milestones that fall in it placed within it.
 */
import { addDays, addMonths, parseISO } from 'date-fns';
import { headerCells, monthOffset, type HeaderCell, type PhaseDates, type TimelineRange } from './timeline';

/** Months per landscape page: two school years, with a month wide enough for its name at 8 pt. */
export const MONTHS_PER_SLICE = 24;

export interface SliceBar {
  id: string;
  /** Left edge and width as shares (0–1) of a full slice's width. */
  left: number;
  width: number;
  /** The phase began in an earlier slice, or goes on into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface SliceMark {
  id: string;
  /** Where the day starts, as a share (0–1) of a full slice's width. */
  at: number;
  /** The line it prints on (0 first): a mark too close to an earlier one on a line goes to the next, so none hides another. */
  lane: number;
}

/** Marks nearer than this (a share of a slice: about two thirds of a month at 24 months) would overlap. */
export const MARK_GAP = 0.028;

/** Lanes for marks in date order: each takes the first lane whose last mark is far enough behind it. */
function withLanes(marks: readonly { id: string; at: number }[]): SliceMark[] {
  const lastAt: number[] = [];
  return [...marks].sort((a, b) => a.at - b.at).map((m) => {
    let lane = lastAt.findIndex((at) => m.at - at >= MARK_GAP);
    if (lane < 0) lane = lastAt.length;
    lastAt[lane] = m.at;
    return { ...m, lane };
  });
}

export interface TimelineSlice {
  /** Months from the start of the range to the slice's first month. */
  offset: number;
  /** Months the slice shows (the last slice may show fewer than a full one). */
  months: number;
  /** First day of the slice, and its last. */
  start: Date;
  end: Date;
  /** School-year and month header cells cut to the slice; offsets in months from its start. */
  years: HeaderCell[];
  monthCells: HeaderCell[];
  /** The phases that overlap the slice, in the order given. */
  bars: SliceBar[];
  /** The milestones dated within the slice, in date order. */
  marks: SliceMark[];
}

function clipCells(cells: readonly HeaderCell[], from: number, to: number): HeaderCell[] {
  return cells
    .filter((c) => c.offset < to && c.offset + c.span > from)
    .map((c) => {
      const start = Math.max(c.offset, from);
      return { ...c, offset: start - from, span: Math.min(c.offset + c.span, to) - start };
    });
}

/**
 * The slices of a range, `monthsPerSlice` months each, from the range's start. Phases are
 * placed from the start of their first day to the end of their last; one that spans a slice
 * boundary appears in both slices, marked as continuing. A phase or milestone outside the
 * range appears in no slice.
 */
export function timelineSlices(
  range: TimelineRange,
  phases: readonly (PhaseDates & { id: string })[],
  milestones: readonly { id: string; date: string }[],
  monthsPerSlice = MONTHS_PER_SLICE,
): TimelineSlice[] {
  if (!Number.isInteger(monthsPerSlice) || monthsPerSlice < 1) throw new Error(`Months per timeline slice must be a whole number above 0, not ${monthsPerSlice}.`);
  const header = headerCells(range);
  const spans = phases.map((p) => ({ id: p.id, from: monthOffset(p.start, range), to: monthOffset(addDays(parseISO(p.end), 1), range) }));
  const days = milestones.map((m) => ({ id: m.id, at: monthOffset(m.date, range) }));
  const slices: TimelineSlice[] = [];
  for (let from = 0; from < range.months; from += monthsPerSlice) {
    const to = Math.min(from + monthsPerSlice, range.months);
    const share = (months: number) => months / monthsPerSlice;
    const bars = spans
      .filter((s) => s.to > from && s.from < to && s.to > s.from)
      .map((s) => {
        const left = Math.max(s.from, from);
        const right = Math.min(s.to, to);
        return { id: s.id, left: share(left - from), width: share(right - left), continuesBefore: s.from < from, continuesAfter: s.to > to };
      });
    const marks = withLanes(days.filter((d) => d.at >= from && d.at < to).map((d) => ({ id: d.id, at: share(d.at - from) })));
    slices.push({
      offset: from,
      months: to - from,
      start: addMonths(range.start, from),
      end: addDays(addMonths(range.start, to), -1),
      years: clipCells(header.years, from, to),
      monthCells: clipCells(header.months, from, to),
      bars,
      marks,
    });
  }
  return slices;
}
