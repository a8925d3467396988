import { DECISIONS, positionLabel, type Decision } from '../../domain/decisions';
import type { Position } from '../../domain/schemas';

/** Decision 3, "prioritize need or readiness": the lean the ranking and the proposed waves follow. */
export const NEED_READINESS: Decision = DECISIONS.find((d) => d.number === 3) ?? (() => { throw new Error('decision 3 is missing'); })();

/** Decision 3's position for a phase, or null when the plan has not taken one. */
export function needReadinessPosition(positions: readonly Position[], phaseId: string | null): number | null {
  return positions.find((p) => p.phaseId === phaseId && p.decision === NEED_READINESS.number)?.position ?? null;
}

/** "Leans Prioritize readiness" → "leans toward readiness". */
export function leanText(position: number | null): string {
  if (position === null) return 'not set, so ranked mid-way';
  return positionLabel(NEED_READINESS, position).replace(/^(Strongly|Leans) Prioritize /, (_, word: string) => `${word.toLowerCase()} toward `).replace(/^Mid-way$/, 'mid-way');
}
