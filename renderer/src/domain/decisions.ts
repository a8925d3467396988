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
  poleA: string;
  poleB: string;
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
    poleA: '“Fast and furious”',
    poleB: '“Slow and steady”',
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
    poleA: '“Prix fixe”',
    poleB: '“À la carte”',
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
