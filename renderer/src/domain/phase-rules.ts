/** Date rules for phases, as messages a planner can act on. */
import { parseISO, differenceInCalendarDays, format, addMonths, addDays } from 'date-fns';
import type { Phase } from './schemas';

export interface DateProblem {
  field: 'start' | 'end';
  message: string;
}

export function formatDisplayDate(isoDate: string): string {
  return format(parseISO(isoDate), 'MMM d, yyyy');
}

/** Why a phase's dates cannot stand, or null when they can. A phase must end after it starts. */
export function phaseDateProblem(start: string, end: string): DateProblem | null {
  if (differenceInCalendarDays(parseISO(end), parseISO(start)) <= 0) {
    return { field: 'end', message: `Must be after the start date (${formatDisplayDate(start)}).` };
  }
  return null;
}

/** The dates a new phase gets: it starts the day after the last phase ends and lasts a school year. */
export function nextPhaseDates(phases: readonly Pick<Phase, 'end'>[], schoolYearStartMonth: number, today: Date): { start: string; end: string } {
  const last = phases.reduce<string | null>((latest, p) => (latest === null || p.end > latest ? p.end : latest), null);
  const start = last ? addDays(parseISO(last), 1) : schoolYearStart(today, schoolYearStartMonth);
  const end = addDays(addMonths(start, 12), -1);
  return { start: format(start, 'yyyy-MM-dd'), end: format(end, 'yyyy-MM-dd') };
}

/** First day of the school year that contains `date`, or the next one if it starts this month or later. */
export function schoolYearStart(date: Date, startMonth: number): Date {
  const monthIndex = startMonth - 1;
  const year = date.getMonth() >= monthIndex ? date.getFullYear() : date.getFullYear() - 1;
  return new Date(year, monthIndex, 1);
}

/** "2026–27" for a school year starting in August 2026; "2027" when the year starts in January. */
export function schoolYearLabel(date: Date, startMonth: number): string {
  const start = schoolYearStart(date, startMonth);
  if (startMonth === 1) return String(start.getFullYear());
  return `${start.getFullYear()}–${String((start.getFullYear() + 1) % 100).padStart(2, '0')}`;
}

/**
 * "Aug 2026 – Jul 2027": a phase's span, short enough for a column header. Month and year are
 * joined by a no-break space, so a narrow column wraps only after the dash.
 */
export function phaseSpan(phase: Pick<Phase, 'start' | 'end'>): string {
  const start = parseISO(phase.start);
  const end = parseISO(phase.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  return `${format(start, 'MMM\u00a0yyyy')} – ${format(end, 'MMM\u00a0yyyy')}`;
}
