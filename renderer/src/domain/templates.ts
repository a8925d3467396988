/**
 * Plan templates are data files (templates/*.json) checked against this schema when loaded.
 * Phases in a template are placed relative to the first school year the plan starts in, so a
 * template never goes stale.
 */
import { z } from 'zod';
import { addMonths, addDays, format } from 'date-fns';
import pilotToScale from './templates/pilot-to-scale.json';
import { newId, nowTimestamp } from './ids';
import { DEFAULT_AREAS } from './areas';
import { EMPTY_PROFILE, type PlanBundle } from './schemas';
import { schoolYearStart } from './phase-rules';

export const templateSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  summary: z.string(),
  illustrative: z.boolean(),
  schoolYearStartMonth: z.number().int().min(1).max(12),
  phases: z.array(z.object({
    name: z.string().min(1),
    /** Months after the start of the first school year. */
    startOffsetMonths: z.number().int().min(0),
    durationMonths: z.number().int().min(1),
    goal: z.string(),
  })).min(1),
  /** Keys from DEFAULT_AREAS, in order. */
  areas: z.array(z.string()),
});
export type PlanTemplate = z.infer<typeof templateSchema>;

export const TEMPLATES: readonly PlanTemplate[] = [templateSchema.parse(pilotToScale)];

export interface NewPlanInput {
  name: string;
  systemName: string;
  /** A template id, or null for a blank plan. */
  templateId: string | null;
  today: Date;
}

/** Builds a new plan from a template (or blank) with fresh ids, ready to be written. */
export function createPlanBundle({ name, systemName, templateId, today }: NewPlanInput): PlanBundle {
  const template = templateId === null ? null : TEMPLATES.find((t) => t.id === templateId);
  if (templateId !== null && !template) throw new Error(`Unknown template “${templateId}”.`);
  const planId = newId();
  const now = nowTimestamp(today);
  const startMonth = template?.schoolYearStartMonth ?? 8;
  const firstYear = nextSchoolYearStart(today, startMonth);
  const phases = (template?.phases ?? []).map((p, order) => {
    const start = addMonths(firstYear, p.startOffsetMonths);
    return {
      id: newId(),
      planId,
      order,
      name: p.name,
      start: format(start, 'yyyy-MM-dd'),
      end: format(addDays(addMonths(start, p.durationMonths), -1), 'yyyy-MM-dd'),
      goal: p.goal,
    };
  });
  const areaKeys = template?.areas ?? DEFAULT_AREAS.map((a) => a.key);
  const areas = areaKeys.map((key, order) => {
    const def = DEFAULT_AREAS.find((a) => a.key === key);
    if (!def) throw new Error(`Template “${templateId}” names an unknown area “${key}”.`);
    return { id: newId(), planId, order, name: def.name, description: def.description, builtIn: true };
  });
  return {
    plan: {
      id: planId,
      name,
      systemName,
      profile: { ...EMPTY_PROFILE },
      schoolYearStartMonth: startMonth,
      templateId,
      createdAt: now,
      updatedAt: now,
    },
    phases,
    areas,
  };
}

/** The next school year to plan for: the one starting this year if it has not begun, else next year's. */
function nextSchoolYearStart(today: Date, startMonth: number): Date {
  const current = schoolYearStart(today, startMonth);
  return current.getTime() >= new Date(today.getFullYear(), today.getMonth(), 1).getTime() ? current : addMonths(current, 12);
}
