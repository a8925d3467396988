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
const nameSchema = z.string().trim().min(1, 'cannot be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

export const planSchema = z.object({
  id: idSchema,
  name: nameSchema,
  systemName: z.string().max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  profile: systemProfileSchema,
  /** Month the school year starts, 1 = January … 12 = December. */
  schoolYearStartMonth: z.number().int().min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
  templateId: z.string().max(80).nullable(),
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

export const phaseSchema = z.object({
  ...planChildFields,
  start: isoDateSchema,
  end: isoDateSchema,
  goal: z.string().max(4000, 'must be at most 4,000 characters'),
});
export type Phase = z.infer<typeof phaseSchema>;

export const areaSchema = z.object({
  ...planChildFields,
  description: z.string().max(4000),
  /** True for the areas the study names; planners add their own. */
  builtIn: z.boolean(),
});
export type Area = z.infer<typeof areaSchema>;

/** Everything that belongs to one plan, as the app loads and exports it. */
export interface PlanBundle {
  plan: Plan;
  phases: Phase[];
  areas: Area[];
}
