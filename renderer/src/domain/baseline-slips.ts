/**
 * How far each phase has moved since the approved plan, in words ("Expand starts 5 months
 * later and ends 5 months later"), for the timeline's note beside the approved outlines.
 */
import { differenceInCalendarDays, differenceInCalendarMonths, parseISO } from 'date-fns';
import type { Phase } from './schemas';
import { plural } from './words';

export interface PhaseSlip {
  phaseId: string;
  text: string;
}

/** How far `to` is from `from`: "5 months later", "12 days earlier". */
function shift(from: string, to: string): string {
  const a = parseISO(from);
  const b = parseISO(to);
  const months = differenceInCalendarMonths(b, a);
  const days = differenceInCalendarDays(b, a);
  // Whole months where the day of the month is the same; days otherwise.
  const amount = a.getDate() === b.getDate() && months !== 0 ? plural(Math.abs(months), 'month') : plural(Math.abs(days), 'day');
  return `${amount} ${days > 0 ? 'later' : 'earlier'}`;
}

/** The phases still in the plan whose dates differ from the approved plan's, in plan order. */
export function phaseSlips(approved: readonly Pick<Phase, 'id' | 'start' | 'end'>[], now: readonly Pick<Phase, 'id' | 'name' | 'start' | 'end'>[]): PhaseSlip[] {
  const was = new Map(approved.map((p) => [p.id, p]));
  return now.flatMap((phase) => {
    const before = was.get(phase.id);
    if (!before || (before.start === phase.start && before.end === phase.end)) return [];
    const parts: string[] = [];
    if (before.start !== phase.start) parts.push(`starts ${shift(before.start, phase.start)}`);
    if (before.end !== phase.end) parts.push(`ends ${shift(before.end, phase.end)}`);
    return [{ phaseId: phase.id, text: `${phase.name} ${parts.join(' and ')}` }];
  });
}
