/**
 * What the decisions section says, as pure functions: edit labels, the survey split in
 * words, and how decision 1's stated position compares with the tight & loose matrix.
 */
import { midwayShare, type Decision } from '../../domain/decisions';
import { balanceAsPosition, balanceLabel, type StanceSummary } from '../../domain/roadmap-rules';
import type { SystemProfile } from '../../domain/schemas';

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
    { label: decision.poleA, percent: decision.survey.poleA },
    { label: 'Mid-way', percent: midwayShare(decision.survey) },
    { label: decision.poleB, percent: decision.survey.poleB },
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

/** "Matrix: 4 of 6 held tight, 2 loose — leans tight". */
export function matrixLine(summary: Pick<StanceSummary, 'text' | 'balance' | 'areas'>): string {
  if (summary.areas === 0) return 'Matrix: no areas of implementation yet.';
  if (summary.balance === null) return 'Matrix: no stances set for this phase yet.';
  return `Matrix: ${summary.text.replace(/\.$/, '')} — ${balanceLabel(summary.balance)}.`;
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

/**
 * When decision 1's stated position and the matrix point different ways (two or more steps
 * apart on the same scale), a plain sentence saying so; otherwise null.
 */
export function matrixDisagreement(position: number | null, balance: number | null): string | null {
  if (position === null || balance === null) return null;
  const matrix = balanceAsPosition(balance);
  if (Math.abs(matrix - position) < DISAGREEMENT_STEPS) return null;
  let held: string;
  if (balance === 1) held = 'holds every area it has decided tight';
  else if (balance > 0) held = 'holds most areas tight';
  else if (balance === -1) held = 'leaves every area it has decided loose';
  else if (balance < 0) held = 'leaves most areas loose';
  else held = 'is balanced between tight and loose';
  return `Your stated position ${STATED[position] ?? 'is set'}, but the matrix ${held}.`;
}
