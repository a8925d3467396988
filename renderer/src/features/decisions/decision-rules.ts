/**
 * What the decisions section says, as pure functions: edit labels, the survey split in
 * words, and how decision 1's stated position compares with the tight & loose matrix.
 */
import { midwayShare, poleName, type Decision } from '../../domain/decisions';
import { balanceAsPosition, type StanceSummary } from '../../domain/roadmap-rules';
import { balanceKind, balanceWords, type StanceCounts } from '../../domain/stance-balance';
import { needsReview } from '../../domain/rationale-origin';
import type { Phase, Position, SystemProfile } from '../../domain/schemas';

/** The five steps of a position, from strongly pole A to strongly pole B. */
export const POSITION_STEPS = [-2, -1, 0, 1, 2] as const;

export interface SplitRow {
  label: string;
  percent: number;
}

/** The published split as three rows, pole A, mid-way, pole B; empty where none was published. */
export function surveyRows(decision: Decision): SplitRow[] {
  if (!decision.survey) return [];
  return [
    { label: poleName(decision, 'A'), percent: decision.survey.poleA },
    { label: 'Mid-way', percent: midwayShare(decision.survey) },
    { label: poleName(decision, 'B'), percent: decision.survey.poleB },
  ];
}

/** "35% Centralized implementation, 39% mid-way, 26% Decentralized implementation." */
export function surveySentence(decision: Decision): string {
  const rows = surveyRows(decision);
  if (rows.length === 0) return 'No published split.';
  return `${rows.map((r) => `${r.percent}% ${r.label === 'Mid-way' ? 'mid-way' : r.label}`).join(', ')}.`;
}

/** True when the planner has entered nothing the study's patterns read. */
export function profileIsEmpty(profile: Pick<SystemProfile, 'schoolCount' | 'frlPercent' | 'locale'>): boolean {
  return profile.schoolCount === null && profile.frlPercent === null && profile.locale === null;
}

/** "Matrix: 4 of 6 held tight, 2 loose — mostly tight". */
export function matrixLine(summary: Pick<StanceSummary, 'text' | 'areas'> & StanceCounts): string {
  if (summary.areas === 0) return 'Matrix: no areas of implementation yet.';
  if (balanceKind(summary) === 'none') return 'Matrix: no stances set for this phase yet.';
  return `Matrix: ${summary.text.replace(/\.$/, '')} — ${balanceWords(summary)}.`;
}

/** Steps apart on the five-step scale before the stated position and the matrix are said to disagree. */
export const DISAGREEMENT_STEPS = 2;

const STATED: Record<number, string> = {
  [-2]: 'is strongly centralized',
  [-1]: 'leans centralized',
  0: 'is mid-way',
  1: 'leans decentralized',
  2: 'is strongly decentralized',
};

/** The matrix's balance from -1 (every decided area loose) to +1 (every one tight), shared as 0; null when none is decided. */
export function countsBalance({ tight, shared, loose }: StanceCounts): number | null {
  const decided = tight + shared + loose;
  return decided === 0 ? null : (tight - loose) / decided;
}

/** How the matrix holds its areas, in words that match the balance line (see domain/stance-balance.ts). */
function heldWords(counts: StanceCounts): string {
  const decided = counts.tight + counts.shared + counts.loose;
  if (counts.tight === decided) return 'holds every area it has decided tight';
  if (counts.loose === decided) return 'leaves every area it has decided loose';
  switch (balanceKind(counts)) {
    case 'mostly-tight': return 'holds most areas tight';
    case 'mostly-loose': return 'leaves most areas loose';
    case 'mostly-shared': return 'shares most areas between the central office and schools';
    case 'leans-tight': return 'leans tight';
    case 'leans-loose': return 'leans loose';
    default: return 'is balanced between tight and loose';
  }
}

/**
 * When decision 1's stated position and the matrix point different ways (two or more steps
 * apart on the same scale), a plain sentence saying so; otherwise null.
 */
export function matrixDisagreement(position: number | null, counts: StanceCounts): string | null {
  const balance = countsBalance(counts);
  if (position === null || balance === null) return null;
  const matrix = balanceAsPosition(balance);
  if (Math.abs(matrix - position) < DISAGREEMENT_STEPS) return null;
  return `Your stated position ${STATED[position] ?? 'is set'}, but the matrix ${heldWords(counts)}.`;
}

export interface ReviewItem {
  decision: number;
  phaseId: string;
  phaseName: string;
}

/** The template rationales flagged for review, by decision then phase order. */
export function reviewList(phases: readonly Pick<Phase, 'id' | 'name' | 'order'>[], positions: readonly Position[]): ReviewItem[] {
  const order = new Map(phases.map((p) => [p.id, p]));
  return positions
    .filter((p) => needsReview(p) && order.has(p.phaseId))
    .map((p) => ({ decision: p.decision, phaseId: p.phaseId, phaseName: order.get(p.phaseId)?.name ?? '', at: order.get(p.phaseId)?.order ?? 0 }))
    .sort((a, b) => a.decision - b.decision || a.at - b.at)
    .map(({ at: _at, ...item }) => item);
}
