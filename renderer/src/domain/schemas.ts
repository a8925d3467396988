/**
 * The records a plan is made of, as zod schemas. Storage rows and the plan file share these
 * shapes, so a record that passes here is a record the app can show and save.
 */
import { z } from 'zod';
import { isValid, parseISO, format } from 'date-fns';

export const idSchema = z.string().uuid({ message: 'must be an id like 3f2b…-…' });

/** A calendar date as `yyyy-MM-dd`, and a real one (no 2026-02-30). */
export const isoDateSchema = z.string().refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}, { message: 'must be a date written as YYYY-MM-DD' });

export const timestampSchema = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });

export const LOCALES = ['urban', 'suburban', 'town', 'rural'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const LOCALE_LABELS: Record<Locale, string> = {
  urban: 'Urban',
  suburban: 'Suburban',
  town: 'Town',
  rural: 'Rural',
};

const countSchema = (max: number) => z.number().int('must be a whole number').min(0, 'cannot be negative').max(max, `must be at most ${max.toLocaleString('en-US')}`);

export const systemProfileSchema = z.object({
  schoolCount: countSchema(10_000).nullable(),
  studentCount: countSchema(5_000_000).nullable(),
  /** Share of students qualifying for free or reduced-price lunch, in percent (0–100). */
  frlPercent: z.number().min(0, 'cannot be below 0%').max(100, 'cannot be above 100%').nullable(),
  locale: localeSchema.nullable(),
});
export type SystemProfile = z.infer<typeof systemProfileSchema>;

export const EMPTY_PROFILE: SystemProfile = { schoolCount: null, studentCount: null, frlPercent: null, locale: null };

export const NAME_MAX = 120;
export const TEXT_MAX = 4000;
const longText = z.string().max(TEXT_MAX, `must be at most ${TEXT_MAX.toLocaleString('en-US')} characters`);
const shortText = z.string().max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const nameSchema = z.string().trim().min(1, 'cannot be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

export const planSchema = z.object({
  id: idSchema,
  name: nameSchema,
  systemName: z.string().max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  profile: systemProfileSchema,
  /** Month the school year starts, 1 = January … 12 = December. */
  schoolYearStartMonth: z.number().int().min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
  templateId: z.string().max(80).nullable(),
  /** What blended and personalized learning should look, sound and feel like here: the central "why". */
  vision: longText,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;

/** What every record inside a plan has: its id, its plan, its place in the planner's order, a name. */
const planChildFields = {
  id: idSchema,
  planId: idSchema,
  order: z.number().int().min(0),
  name: nameSchema,
};

export const PHASE_KINDS = ['pilot', 'expand', 'scale', 'sustain', 'custom'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const PHASE_KIND_LABELS: Record<PhaseKind, string> = { pilot: 'Pilot', expand: 'Expand', scale: 'Scale', sustain: 'Sustain', custom: 'Custom' };

export const PHASE_STATUSES = ['planned', 'underway', 'complete', 'on-hold'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];
export const PHASE_STATUS_LABELS: Record<PhaseStatus, string> = { planned: 'Planned', underway: 'Under way', complete: 'Complete', 'on-hold': 'On hold' };

export const phaseSchema = z.object({
  ...planChildFields,
  kind: z.enum(PHASE_KINDS),
  status: z.enum(PHASE_STATUSES),
  start: isoDateSchema,
  end: isoDateSchema,
  /** What the phase sets out to do. */
  goal: longText,
  /** What must be true before the phase begins. */
  entryCriteria: longText,
  /** The go / no-go gate: the evidence that must be true to move on from this phase. */
  gate: longText,
});
export type Phase = z.infer<typeof phaseSchema>;

export const areaSchema = z.object({
  ...planChildFields,
  description: longText,
  /** True for the areas the study names; planners add their own. */
  builtIn: z.boolean(),
});
export type Area = z.infer<typeof areaSchema>;

export const STANCES = ['tight', 'shared', 'loose'] as const;
export type StanceValue = (typeof STANCES)[number];

/** Who holds one area in one phase: tight (central office), loose (schools) or shared. */
export const stanceSchema = z.object({
  id: idSchema,
  planId: idSchema,
  areaId: idSchema,
  phaseId: idSchema,
  /** Null until the planner decides. */
  stance: z.enum(STANCES).nullable(),
  rationale: longText,
  owner: shortText,
  /** Central standards that hold even where the area is loose, one per line. */
  guardrails: longText,
});
export type Stance = z.infer<typeof stanceSchema>;

/** The five steps between the two poles of a decision: -2 strongly A … 0 mid-way … 2 strongly B. */
export const POSITION_MIN = -2;
export const POSITION_MAX = 2;

/** Where the plan stands on one of the seven decisions in one phase. */
export const positionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  phaseId: idSchema,
  decision: z.number().int().min(1, 'must be a decision from 1 to 7').max(7, 'must be a decision from 1 to 7'),
  position: z.number().int().min(POSITION_MIN, `must be from ${POSITION_MIN} to ${POSITION_MAX}`).max(POSITION_MAX, `must be from ${POSITION_MIN} to ${POSITION_MAX}`).nullable(),
  rationale: longText,
});
export type Position = z.infer<typeof positionSchema>;

export const milestoneSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** The phase it belongs to, or null for one that stands on its own. */
  phaseId: idSchema.nullable(),
  name: nameSchema,
  date: isoDateSchema,
  owner: shortText,
  done: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

const measureValue = z.number().finite('must be a number');

export const outcomeSchema = z.object({
  ...planChildFields,
  /** "% of students", "days", "points" … */
  unit: z.string().max(40, 'must be at most 40 characters'),
  baseline: measureValue.nullable(),
  /** The target for the end of each phase that has one. */
  targets: z.array(z.object({ phaseId: idSchema, value: measureValue })),
  /** Results as they arrive, oldest first. */
  actuals: z.array(z.object({ date: isoDateSchema, value: measureValue, note: z.string().max(400, 'must be at most 400 characters') })),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** Everything that belongs to one plan, as the app loads and exports it. */
export interface PlanBundle {
  plan: Plan;
  phases: Phase[];
  areas: Area[];
  stances: Stance[];
  positions: Position[];
  milestones: Milestone[];
  outcomes: Outcome[];
}

/** The tables (and file sections) that hold a plan's records, in load and export order. */
export const CHILD_COLLECTIONS = ['phases', 'areas', 'stances', 'positions', 'milestones', 'outcomes'] as const;
export type ChildCollection = (typeof CHILD_COLLECTIONS)[number];

export const CHILD_SCHEMAS = {
  phases: phaseSchema,
  areas: areaSchema,
  stances: stanceSchema,
  positions: positionSchema,
  milestones: milestoneSchema,
  outcomes: outcomeSchema,
} as const;

export type ChildRow<C extends ChildCollection> = PlanBundle[C][number];
