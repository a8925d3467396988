/**
 * Rules across a roadmap's records, as pure functions: where phases overlap or leave gaps,
 * which milestones fall outside their phase, and how tight or loose each phase is held.
 */
import { addDays, addMonths, differenceInCalendarDays, parseISO, format } from 'date-fns';
import { formatDisplayDate, schoolYearStart } from './phase-rules';
import { plural } from './words';
import { PHASE_KINDS, type Milestone, type Phase, type PhaseKind, type Stance, type StanceValue } from './schemas';

export type TimingNote =
  | { kind: 'overlap'; first: Phase; second: Phase; days: number; message: string }
  | { kind: 'gap'; first: Phase; second: Phase; days: number; message: string };

/** How many months before a school year starts its summer break can begin (a school year ends in May or June). */
export const SUMMER_MONTHS = 3;

/**
 * Whether the days between a phase that ends on `end` and one that starts on `start` are the
 * summer between two school years rather than a gap in the plan: the first ends in the last
 * three months before a school year starts (May, June or July for a school year starting in
 * August) and the second starts in that school year's first month. So "ends Jun 30, next
 * starts Aug 1" is the summer, but "ends Jul 31, next starts Sep 1" leaves August, the first
 * month of the school year, uncovered. `startMonth` is the plan's schoolYearStartMonth.
 */
export function isSummerBreak(end: string, start: string, startMonth: number): boolean {
  const startDate = parseISO(start);
  const endDate = parseISO(end);
  if (differenceInCalendarDays(startDate, endDate) <= 1) return false;
  const yearStart = schoolYearStart(startDate, startMonth);
  const startsInFirstMonth = startDate < addMonths(yearStart, 1);
  const endsInSummer = endDate < yearStart && endDate >= addMonths(yearStart, -SUMMER_MONTHS);
  return startsInFirstMonth && endsInSummer;
}

/** Two phases taken in date order, the second after the first. */
interface PhasePair {
  first: Phase;
  second: Phase;
  /** Days from the day after `first` ends to the day `second` starts: 0 back to back, negative when they overlap. */
  between: number;
}

function pairsInDateOrder(phases: readonly Phase[]): PhasePair[] {
  const sorted = [...phases].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.order - b.order);
  return sorted.slice(1).map((second, i) => {
    const first = sorted[i] as Phase;
    return { first, second, between: differenceInCalendarDays(parseISO(second.start), addDays(parseISO(first.end), 1)) };
  });
}

/**
 * Overlaps and gaps between phases taken in date order. Overlaps can be intended (a wave
 * starting before the pilot closes), so they are reported, never refused. Given the plan's
 * school-year start month, the summer between two school years is not a gap (isSummerBreak).
 */
export function phaseTimingNotes(phases: readonly Phase[], schoolYearStartMonth?: number): TimingNote[] {
  const notes: TimingNote[] = [];
  for (const { first, second, between } of pairsInDateOrder(phases)) {
    if (between < 0) {
      const days = Math.min(-between, differenceInCalendarDays(parseISO(second.end), parseISO(second.start)) + 1);
      notes.push({ kind: 'overlap', first, second, days, message: `“${first.name}” and “${second.name}” overlap by ${plural(days, 'day')}.` });
    } else if (between > 0 && !(schoolYearStartMonth !== undefined && isSummerBreak(first.end, second.start, schoolYearStartMonth))) {
      notes.push({ kind: 'gap', first, second, days: between, message: `${plural(between, 'day')} with no phase between “${first.name}” and “${second.name}”.` });
    }
  }
  return notes;
}

/** The summers between school years that fall between two phases (not gaps: see isSummerBreak). */
export function summerBreaks(phases: readonly Phase[], schoolYearStartMonth: number): { first: Phase; second: Phase; days: number }[] {
  return pairsInDateOrder(phases)
    .filter(({ first, second, between }) => between > 0 && isSummerBreak(first.end, second.start, schoolYearStartMonth))
    .map(({ first, second, between }) => ({ first, second, days: between }));
}

/** Why a milestone sits oddly against its phase, or null when it falls inside it. */
export function milestoneProblem(milestone: Pick<Milestone, 'date' | 'phaseId'>, phases: readonly Phase[]): string | null {
  if (milestone.phaseId === null) return null;
  const phase = phases.find((p) => p.id === milestone.phaseId);
  if (!phase) return 'Its phase no longer exists.';
  if (milestone.date < phase.start) return `Before its phase “${phase.name}” starts (${formatDisplayDate(phase.start)}).`;
  if (milestone.date > phase.end) return `After its phase “${phase.name}” ends (${formatDisplayDate(phase.end)}).`;
  return null;
}

/** The phase a date falls in, first by order, for placing a new milestone. */
export function phaseAt(date: string, phases: readonly Phase[]): Phase | null {
  return [...phases].sort((a, b) => a.order - b.order).find((p) => p.start <= date && date <= p.end) ?? null;
}

export interface StanceSummary {
  tight: number;
  shared: number;
  loose: number;
  /** Areas with no stance yet. */
  unset: number;
  areas: number;
  /**
   * Balance from -1 (every decided area loose) to +1 (every one tight); shared counts as 0.
   * Null when no area has a stance.
   */
  balance: number | null;
  text: string;
}

/** How one phase holds its areas: counts, the balance, and a one-line summary. */
export function stanceSummary(phaseId: string, areaIds: readonly string[], stances: readonly Stance[]): StanceSummary {
  const byArea = new Map(stances.filter((s) => s.phaseId === phaseId).map((s) => [s.areaId, s.stance]));
  const counts = { tight: 0, shared: 0, loose: 0, unset: 0 };
  for (const areaId of areaIds) counts[byArea.get(areaId) ?? 'unset'] += 1;
  const decided = counts.tight + counts.shared + counts.loose;
  const balance = decided === 0 ? null : (counts.tight - counts.loose) / decided;
  const parts = [`${counts.tight} of ${areaIds.length} held tight`];
  if (counts.shared) parts.push(`${counts.shared} shared`);
  if (counts.loose) parts.push(`${counts.loose} loose`);
  if (counts.unset) parts.push(`${counts.unset} not set`);
  return { ...counts, areas: areaIds.length, balance, text: `${parts.join(', ')}.` };
}

/**
 * Decision 1 is a position from -2 (strongly centralized) to +2 (strongly decentralized).
 * The matrix's balance (+1 all tight … -1 all loose) maps onto the same scale so the two
 * can be shown side by side: all tight reads as -2, all loose as +2.
 */
export function balanceAsPosition(balance: number): number {
  return -2 * balance;
}

export interface StanceShift {
  areaId: string;
  phaseId: string;
  from: StanceValue;
  to: StanceValue;
}

/** Where an area's stance changes from one phase to the next (phases in order; unset phases skipped). */
export function stanceShifts(phaseIds: readonly string[], areaIds: readonly string[], stances: readonly Stance[]): StanceShift[] {
  const lookup = new Map(stances.map((s) => [`${s.areaId}|${s.phaseId}`, s.stance]));
  const shifts: StanceShift[] = [];
  for (const areaId of areaIds) {
    let previous: StanceValue | null = null;
    for (const phaseId of phaseIds) {
      const current = lookup.get(`${areaId}|${phaseId}`) ?? null;
      if (current === null) continue;
      if (previous !== null && current !== previous) shifts.push({ areaId, phaseId, from: previous, to: current });
      previous = current;
    }
  }
  return shifts;
}

/** The kind a phase's name suggests, for plans written before phases had kinds. */
export function kindFromName(name: string): PhaseKind {
  const lower = name.trim().toLowerCase();
  return PHASE_KINDS.find((kind) => kind !== 'custom' && lower.startsWith(kind)) ?? 'custom';
}

/** A date moved by whole days, as yyyy-MM-dd. */
export function shiftDate(isoDate: string, days: number): string {
  return format(addDays(parseISO(isoDate), days), 'yyyy-MM-dd');
}
