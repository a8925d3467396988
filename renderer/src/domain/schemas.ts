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
  /** Month the fiscal year starts (1–12); budgets are totalled by fiscal year. */
  fiscalYearStartMonth: z.number().int().min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
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

/**
 * Where a rationale's text came from: the planner, or a template (kept until edited). A
 * template's text is flagged for review ('template-review') once the stance or position it
 * explains changes, since it may no longer fit.
 */
export const RATIONALE_ORIGINS = ['planner', 'template', 'template-review'] as const;
export type RationaleOrigin = (typeof RATIONALE_ORIGINS)[number];

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
  rationaleOrigin: z.enum(RATIONALE_ORIGINS),
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
  rationaleOrigin: z.enum(RATIONALE_ORIGINS),
});
export type Position = z.infer<typeof positionSchema>;

export const MILESTONE_KINDS = ['milestone', 'board-meeting', 'union-consultation', 'family-engagement', 'go-no-go'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = {
  milestone: 'Milestone',
  'board-meeting': 'Board meeting',
  'union-consultation': 'Union consultation',
  'family-engagement': 'Family engagement',
  'go-no-go': 'Go / no-go',
};

export const milestoneSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** The phase it belongs to, or null for one that stands on its own. */
  phaseId: idSchema.nullable(),
  name: nameSchema,
  date: isoDateSchema,
  owner: shortText,
  done: z.boolean(),
  /** What sort of event it is: a board meeting, a union consultation, a go / no-go gate … */
  kind: z.enum(MILESTONE_KINDS),
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

// ——— Schools, waves and resources ———

export const INDICATOR_SIDES = ['need', 'readiness'] as const;
export type IndicatorSideValue = (typeof INDICATOR_SIDES)[number];
export const INDICATOR_DIRECTIONS = ['higher-is-more', 'lower-is-more'] as const;
/** Where an indicator's values come from: a school field, or the school's own value for this indicator. */
export const INDICATOR_SOURCES = ['value', 'frlPercent'] as const;

/** One thing measured about every school, counted toward need or toward readiness. */
export const indicatorSchema = z.object({
  ...planChildFields,
  side: z.enum(INDICATOR_SIDES),
  /** Relative weight on its side, 0–100; only the ratios between weights matter. */
  weight: z.number().finite('must be a number').min(0, 'cannot be negative').max(100, 'must be at most 100'),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.enum(INDICATOR_SOURCES),
  /** "%", "points", "devices per student" … shown beside values. */
  unit: z.string().max(40, 'must be at most 40 characters'),
  /** The values it can take ("1–5", "0–100%"), when stated; values outside it are flagged. */
  range: z.object({ min: z.number().finite('must be a number'), max: z.number().finite('must be a number') })
    .refine((r) => r.min < r.max, { message: 'must run from a lower number to a higher one' })
    .nullable(),
});
export type IndicatorRow = z.infer<typeof indicatorSchema>;

export const SCHOOL_CODE_MAX = 40;
export const STUDENTS_MAX = 100_000;

export const schoolSchema = z.object({
  ...planChildFields,
  code: z.string().max(SCHOOL_CODE_MAX, `must be at most ${SCHOOL_CODE_MAX} characters`),
  gradeBand: z.string().max(20, 'must be at most 20 characters'),
  students: countSchema(STUDENTS_MAX),
  /** Share of students qualifying for free or reduced-price lunch, in percent (0–100). */
  frlPercent: z.number().min(0, 'cannot be below 0%').max(100, 'cannot be above 100%').nullable(),
  /** Values of the plan's own indicators, by indicator id; absent or null when unknown. */
  values: z.record(z.string(), z.number().finite('must be a number').nullable()),
  /** The wave the school joins in, or null while it is not in one. */
  waveId: idSchema.nullable(),
});
export type School = z.infer<typeof schoolSchema>;

/** A cohort of schools that joins the work together, in the phase it is linked to. */
export const waveSchema = z.object({
  ...planChildFields,
  /** The phase in which the wave's schools begin; null until it is scheduled. */
  phaseId: idSchema.nullable(),
  notes: longText,
});
export type Wave = z.infer<typeof waveSchema>;

export const MONEY_MAX_CENTS = 100_000_000_000_00; // $100 billion

/** Funding sources as finance offices know them. */
export const FUNDING_TYPES = ['federal-formula', 'federal-grant', 'state-grant', 'state', 'local', 'philanthropy', 'other'] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];
export const FUNDING_TYPE_LABELS: Record<FundingType, string> = {
  'federal-formula': 'Federal formula (Title I, II, IV-A …)',
  'federal-grant': 'One-time federal grant',
  'state-grant': 'One-time state grant',
  state: 'State funding',
  local: 'Local / general fund',
  philanthropy: 'Philanthropy',
  other: 'Other',
};

/** Money the plan can draw on: a grant, a levy, the general fund … for the dates it may be spent. */
export const fundingSourceSchema = z.object({
  ...planChildFields,
  amountCents: z.number().int('must be whole cents').min(0, 'cannot be negative').max(MONEY_MAX_CENTS, 'is too large'),
  type: z.enum(FUNDING_TYPES),
  start: isoDateSchema,
  /** The last day money may be spent ("spend by"; for a grant, its liquidation deadline). */
  end: isoDateSchema,
  /** For a grant: the last day money may be committed (obligated); null when not stated. */
  obligateBy: isoDateSchema.nullable(),
  notes: longText,
});
export type FundingSource = z.infer<typeof fundingSourceSchema>;

export const ALLOCATION_KINDS = ['money', 'staff-fte', 'devices', 'training-hours'] as const;
export const ALLOCATION_KIND_LABELS: Record<(typeof ALLOCATION_KINDS)[number], string> = {
  money: 'Money',
  'staff-fte': 'Staff (FTE)',
  devices: 'Devices',
  'training-hours': 'Training hours',
};
export const RECURRENCES = ['one-time', 'ongoing'] as const;
export const RECURRENCE_LABELS: Record<(typeof RECURRENCES)[number], string> = {
  'one-time': 'One-time',
  ongoing: 'Recurring (every year)',
};

/** What one FTE costs a year (salary plus benefits), and how much that rises each year. */
export const staffCostSchema = z.object({
  perFteCents: z.number().int('must be whole cents').min(0, 'cannot be negative').max(MONEY_MAX_CENTS, 'is too large'),
  /** Yearly increase in percent (0 for none). */
  yearlyIncreasePercent: z.number().finite('must be a number').min(0, 'cannot be negative').max(50, 'must be at most 50%'),
});
export type StaffCost = z.infer<typeof staffCostSchema>;

export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('central') }),
  z.object({ kind: z.literal('wave'), waveId: idSchema }),
  z.object({ kind: z.literal('school'), schoolId: idSchema }),
]);
export type RecipientValue = z.infer<typeof recipientSchema>;

/** Money, staff time, devices or training for one recipient in one phase. */
export const allocationSchema = z.object({
  id: idSchema,
  planId: idSchema,
  phaseId: idSchema,
  recipient: recipientSchema,
  /** The funding source it is paid from; null for the district's own budget. */
  sourceId: idSchema.nullable(),
  kind: z.enum(ALLOCATION_KINDS),
  /** Cents for money (per school year when ongoing); FTE, devices or hours otherwise. */
  amount: z.number().finite('must be a number').min(0, 'cannot be negative').max(MONEY_MAX_CENTS, 'is too large'),
  recurrence: z.enum(RECURRENCES),
  /**
   * A recurring line continues into later phases through this one (null: its own phase only),
   * so a coach hired in the pilot is entered once.
   */
  untilPhaseId: idSchema.nullable(),
  /** For a wave: true when the amount goes to each school in the wave, false for the wave as a whole. */
  perSchool: z.boolean(),
  /** For staff lines: the cost of one FTE, so the money follows from the staffing. */
  staffCost: staffCostSchema.nullable(),
  /** A flexible line: the school decides how to spend it (where the area is held loose). */
  flexible: z.boolean(),
  /** The tight/loose area it pays for, if any. */
  areaId: idSchema.nullable(),
  note: shortText,
});
export type AllocationRow = z.infer<typeof allocationSchema>;

/** Everything that belongs to one plan, as the app loads and exports it. */
export interface PlanBundle {
  plan: Plan;
  phases: Phase[];
  areas: Area[];
  stances: Stance[];
  positions: Position[];
  milestones: Milestone[];
  outcomes: Outcome[];
  indicators: IndicatorRow[];
  schools: School[];
  waves: Wave[];
  fundingSources: FundingSource[];
  allocations: AllocationRow[];
}

/** The tables (and file sections) that hold a plan's records, in load and export order. */
export const CHILD_COLLECTIONS = [
  'phases', 'areas', 'stances', 'positions', 'milestones', 'outcomes', 'indicators', 'schools', 'waves', 'fundingSources', 'allocations',
] as const;
export type ChildCollection = (typeof CHILD_COLLECTIONS)[number];

export const CHILD_SCHEMAS = {
  phases: phaseSchema,
  areas: areaSchema,
  stances: stanceSchema,
  positions: positionSchema,
  milestones: milestoneSchema,
  outcomes: outcomeSchema,
  indicators: indicatorSchema,
  schools: schoolSchema,
  waves: waveSchema,
  fundingSources: fundingSourceSchema,
  allocations: allocationSchema,
} as const;

export type ChildRow<C extends ChildCollection> = PlanBundle[C][number];
