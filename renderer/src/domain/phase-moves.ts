/**
 * Moving or resizing a phase without leaving the rest of the plan behind, as pure functions:
 * by how much its start and its end moved (whole months where the dates say so, days
 * otherwise), which milestones and later phases would go with it, and their new dates.
 */
import { addDays, differenceInCalendarDays, differenceInCalendarMonths, parseISO, format } from 'date-fns';
import type { Milestone, Phase } from './schemas';
import { shiftMonths, type PhaseDates } from './timeline';
import { plural } from './words';

/** How far a date moved: whole months (the last day of a month stays the last day) or days. */
export interface DateShift {
  unit: 'months' | 'days';
  amount: number;
}

export const NO_SHIFT: DateShift = { unit: 'days', amount: 0 };

/**
 * The shift that takes `from` to `to`: whole months when moving by months lands exactly on it
 * (Aug 1 → Sep 1, Jul 31 → Aug 31), so a month's move keeps dates on the same day of the month;
 * days otherwise.
 */
export function shiftBetween(from: string, to: string): DateShift {
  if (from === to) return NO_SHIFT;
  const months = differenceInCalendarMonths(parseISO(to), parseISO(from));
  if (months !== 0 && shiftMonths(from, months) === to) return { unit: 'months', amount: months };
  return { unit: 'days', amount: differenceInCalendarDays(parseISO(to), parseISO(from)) };
}

/** A date moved by a shift. */
export function applyShift(isoDate: string, shift: DateShift): string {
  if (shift.amount === 0) return isoDate;
  return shift.unit === 'months' ? shiftMonths(isoDate, shift.amount) : format(addDays(parseISO(isoDate), shift.amount), 'yyyy-MM-dd');
}

/** "a month later", "3 months earlier", "12 days later". */
export function shiftText(shift: DateShift): string {
  const n = Math.abs(shift.amount);
  const size = shift.unit === 'months' ? (n === 1 ? 'a month' : plural(n, 'month')) : (n === 1 ? 'a day' : plural(n, 'day'));
  return `${size} ${shift.amount < 0 ? 'earlier' : 'later'}`;
}

/** What goes with a phase when it moves. */
export interface Carry {
  /** Its own milestones move as its start moved. */
  milestones: boolean;
  /** The phases after it (with their milestones) move as its end moved, keeping the gaps between them. */
  following: boolean;
}

/**
 * The phases after `phase`: those that start after it starts (on the same day, those after it
 * in the plan's order), in date order.
 */
export function phasesAfter(phases: readonly Phase[], phase: Pick<Phase, 'id' | 'start' | 'order'>): Phase[] {
  return phases
    .filter((p) => p.id !== phase.id && (p.start > phase.start || (p.start === phase.start && p.order > phase.order)))
    .sort((a, b) => a.start.localeCompare(b.start) || a.order - b.order);
}

/** What a move of one phase could take with it, before the planner chooses. */
export interface MoveOffer {
  /** How far the start moved (its milestones would move the same). */
  startShift: DateShift;
  /** How far the end moved (the phases after it would move the same). */
  endShift: DateShift;
  /** Its milestones that would move with it: none when its start stays. */
  milestones: Milestone[];
  /** The phases after it that would move: none when its end stays. */
  following: Phase[];
  /** The milestones of those phases, which move with them. */
  followingMilestones: Milestone[];
}

/** What moving `phase` to `dates` could take with it. */
export function moveOffer(phases: readonly Phase[], milestones: readonly Milestone[], phase: Phase, dates: PhaseDates): MoveOffer {
  const startShift = shiftBetween(phase.start, dates.start);
  const endShift = shiftBetween(phase.end, dates.end);
  const own = startShift.amount === 0 ? [] : milestones.filter((m) => m.phaseId === phase.id);
  const following = endShift.amount === 0 ? [] : phasesAfter(phases, phase);
  const followingIds = new Set(following.map((p) => p.id));
  const followingMilestones = milestones.filter((m) => m.phaseId !== null && followingIds.has(m.phaseId));
  return { startShift, endShift, milestones: own, following, followingMilestones };
}

/** Whether a move has anything to offer beyond the phase itself. */
export function offersMore(offer: MoveOffer): boolean {
  return offer.milestones.length > 0 || offer.following.length > 0;
}

/** The records a move writes: the phase and whatever the planner chose to carry, each with its new dates. */
export interface PhaseMove {
  phases: { id: string; start: string; end: string }[];
  milestones: { id: string; date: string }[];
}

/** Every date a move of `phase` to `dates` changes, with what the planner chose to carry. */
export function planPhaseMove(phases: readonly Phase[], milestones: readonly Milestone[], phase: Phase, dates: PhaseDates, carry: Carry): PhaseMove {
  const offer = moveOffer(phases, milestones, phase, dates);
  const moved: PhaseMove = { phases: [{ id: phase.id, start: dates.start, end: dates.end }], milestones: [] };
  if (carry.milestones) {
    for (const m of offer.milestones) moved.milestones.push({ id: m.id, date: applyShift(m.date, offer.startShift) });
  }
  if (carry.following) {
    for (const p of offer.following) moved.phases.push({ id: p.id, start: applyShift(p.start, offer.endShift), end: applyShift(p.end, offer.endShift) });
    for (const m of offer.followingMilestones) moved.milestones.push({ id: m.id, date: applyShift(m.date, offer.endShift) });
  }
  return moved;
}
