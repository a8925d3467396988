/**
 * The seven decisions every system scaling blended and personalized learning faces, and what
 * The Learning Accelerator's 2016 survey of system leaders ("Look Both Ways") found on each.
 * Data only: the figures are context to show beside a plan, never a verdict on it.
 */

export type DecisionNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface SurveySplit {
  /** Share of leaders nearer pole A, in percent. */
  poleA: number;
  /** Share of leaders nearer pole B, in percent. */
  poleB: number;
  /** Share mid-way, where the study gives it (otherwise the rest). */
  midway: number | null;
  /** How many leaders answered, where the study says. */
  respondents: number | null;
}

export interface Decision {
  number: DecisionNumber;
  question: string;
  /** Each pole in plain words, as positions are read ("Leans Gradual rollout"). */
  poleA: string;
  poleB: string;
  /** The study's own name for a pole where it coined one (“Prix fixe”), shown beside the plain words. */
  studyPoleA?: string;
  studyPoleB?: string;
  /** The published split, or null where the study published none (decisions 3 and 4). */
  survey: SurveySplit | null;
}

export const DECISIONS: readonly Decision[] = [
  {
    number: 1,
    question: 'What should the district hold tight vs. loose?',
    poleA: 'Centralized implementation',
    poleB: 'Decentralized implementation',
    survey: { poleA: 35, poleB: 26, midway: 39, respondents: 89 },
  },
  {
    number: 2,
    question: 'How fast from pilot to scale? How to sustain?',
    poleA: 'Fast rollout',
    poleB: 'Gradual rollout',
    studyPoleA: '“Fast and furious”',
    studyPoleB: '“Slow and steady”',
    survey: { poleA: 16, poleB: 68, midway: null, respondents: null },
  },
  {
    number: 3,
    question: 'Where to pilot, and how to allocate resources to schools?',
    poleA: 'Prioritize need',
    poleB: 'Prioritize readiness',
    survey: null,
  },
  {
    number: 4,
    question: 'How to develop the talent and resource pipeline?',
    poleA: 'Build internally',
    poleB: 'Buy externally',
    survey: null,
  },
  {
    number: 5,
    question: 'How flexible is the strategy over time?',
    poleA: 'Fixed strategy',
    poleB: 'Adapt with experience',
    survey: { poleA: 14, poleB: 67, midway: null, respondents: null },
  },
  {
    number: 6,
    question: 'One comprehensive model, or independent modular tools?',
    poleA: 'One complete model',
    poleB: 'Modular tools',
    studyPoleA: '“Prix fixe”',
    studyPoleB: '“À la carte”',
    survey: { poleA: 27, poleB: 51, midway: null, respondents: null },
  },
  {
    number: 7,
    question: 'What do practitioners catalogue and share?',
    poleA: 'Share best practices',
    poleB: 'Share process and failures',
    survey: { poleA: 53, poleB: 12, midway: null, respondents: null },
  },
];

/** Decision 1 in more depth: how many leaders treat the tension as work of its own. */
export const TIGHT_LOOSE_FINDINGS = {
  respondents: 89,
  systems: 60,
  dedicatedResourcesPercent: 87,
  topChallengePercent: 58,
} as const;

/** The mid-way share: published for decision 1, otherwise what the two poles leave. */
export function midwayShare(split: SurveySplit): number {
  return split.midway ?? 100 - split.poleA - split.poleB;
}

export const SURVEY_SOURCE =
  'The Learning Accelerator, “Look Both Ways” (2016): interviews and a survey of more than 100 leaders from 60 US districts and CMOs.';

/** A pole in plain words with the study's name beside it: "Gradual rollout (“Slow and steady”)". */
export function poleName(decision: Pick<Decision, 'poleA' | 'poleB' | 'studyPoleA' | 'studyPoleB'>, pole: 'A' | 'B'): string {
  const plain = pole === 'A' ? decision.poleA : decision.poleB;
  const study = pole === 'A' ? decision.studyPoleA : decision.studyPoleB;
  return study ? `${plain} (${study})` : plain;
}

/** The five steps of a position, from -2 (strongly pole A) to +2 (strongly pole B). */
export function positionLabel(decision: Pick<Decision, 'poleA' | 'poleB'>, position: number | null): string {
  if (position === null) return 'Not set';
  if (position <= -2) return `Strongly ${decision.poleA}`;
  if (position === -1) return `Leans ${decision.poleA}`;
  if (position === 0) return 'Mid-way';
  if (position === 1) return `Leans ${decision.poleB}`;
  return `Strongly ${decision.poleB}`;
}

/** Systems this large count as large in the study's patterns (it names 60 to 100 schools). */
export const LARGE_SYSTEM_SCHOOLS = 60;
/** A share of FRL students at or above this reads as a lower-income system; at or below LOW_FRL as a wealthier one. */
export const HIGH_FRL_PERCENT = 60;
export const LOW_FRL_PERCENT = 30;

interface ProfileLike {
  schoolCount: number | null;
  frlPercent: number | null;
  locale: 'urban' | 'suburban' | 'town' | 'rural' | null;
}

/**
 * What the study saw in systems like this one, for one decision: context, never a verdict.
 * Empty when the profile says too little or the study drew no pattern for the decision.
 */
export function profilePatterns(decision: DecisionNumber, profile: ProfileLike): string[] {
  const large = profile.schoolCount !== null && profile.schoolCount >= LARGE_SYSTEM_SCHOOLS;
  const lowerIncome = profile.frlPercent !== null && profile.frlPercent >= HIGH_FRL_PERCENT;
  const wealthier = profile.frlPercent !== null && profile.frlPercent <= LOW_FRL_PERCENT;
  const urban = profile.locale === 'urban';
  const patterns: string[] = [];
  if (decision === 1) {
    if (large) patterns.push(`Larger systems (60 to 100 schools) more often centralized; yours has ${profile.schoolCount} schools.`);
    if (lowerIncome) patterns.push(`Lower-income districts more often centralized; ${profile.frlPercent}% of your students qualify for free or reduced-price lunch.`);
  }
  if (decision === 3) {
    if (large || urban) patterns.push(`Large and urban districts more often allocated by need${urban ? '; yours is urban' : `; yours has ${profile.schoolCount} schools`}.`);
    if (wealthier) patterns.push(`Systems with few students qualifying for free or reduced-price lunch more often allocated by readiness; yours has ${profile.frlPercent}%.`);
  }
  if (decision === 4) {
    if (wealthier) patterns.push(`Wealthier systems more often engaged external support; ${profile.frlPercent}% of your students qualify for free or reduced-price lunch.`);
    if (lowerIncome) patterns.push(`Lower-income systems more often built internal capacity; ${profile.frlPercent}% of your students qualify for free or reduced-price lunch.`);
  }
  return patterns;
}

/** "Set decision 2 to Leans Gradual rollout in Pilot", or "Clear decision 2 in Pilot". */
export function positionEditLabel(decision: Pick<Decision, 'number' | 'poleA' | 'poleB'>, phaseName: string, position: number | null): string {
  if (position === null) return `Clear decision ${decision.number} in ${phaseName}`;
  return `Set decision ${decision.number} to ${positionLabel(decision, position)} in ${phaseName}`;
}
