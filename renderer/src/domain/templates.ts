/**
 * Plan templates are data files (templates/*.json) checked against this schema when loaded.
 * Phases and milestones in a template are placed relative to the first school year the plan
 * starts in, so a template never goes stale. Every template is illustrative: a complete
 * example to adapt, not a recommendation.
 */
import { z } from 'zod';
import { addMonths, addDays, format } from 'date-fns';
import balanced from './templates/pilot-to-scale.json';
import centralized from './templates/centralized-for-equity.json';
import decentralized from './templates/decentralized-school-led.json';
import { suggestedIndicators } from './indicators';
import { newId, nowTimestamp } from './ids';
import { DEFAULT_AREAS } from './areas';
import { EMPTY_PROFILE, MILESTONE_KINDS, PHASE_KINDS, POSITION_MAX, POSITION_MIN, STANCES, type Milestone, type Outcome, type PlanBundle, type Position, type Stance } from './schemas';
import { schoolYearStart } from './phase-rules';

const text = z.string().default('');

export const templateSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  summary: z.string(),
  illustrative: z.literal(true),
  schoolYearStartMonth: z.number().int().min(1).max(12),
  vision: text,
  phases: z.array(z.object({
    name: z.string().min(1),
    kind: z.enum(PHASE_KINDS),
    /** Months after the start of the first school year. */
    startOffsetMonths: z.number().int().min(0),
    durationMonths: z.number().int().min(1),
    goal: text,
    entryCriteria: text,
    gate: text,
  })).min(1),
  /** Areas in order: a key from DEFAULT_AREAS, or a name and description of the template's own. */
  areas: z.array(z.object({
    key: z.string().min(1),
    name: z.string().optional(),
    description: z.string().optional(),
    /** One stance per phase, in phase order; null leaves it open. */
    stances: z.array(z.enum(STANCES).nullable()).default([]),
    rationale: text,
    owner: text,
    guardrails: text,
  })),
  decisions: z.array(z.object({
    decision: z.number().int().min(1).max(7),
    /** One position per phase, in phase order. */
    positions: z.array(z.number().int().min(POSITION_MIN).max(POSITION_MAX).nullable()),
    /** One text for the decision (given to the first phase with a position), or one per phase. */
    rationale: z.union([z.string(), z.array(z.string())]).default(''),
  })).default([]),
  outcomes: z.array(z.object({
    name: z.string().min(1),
    unit: text,
    baseline: z.number().nullable().default(null),
    /** One target per phase, in phase order; null where a phase has none. */
    targets: z.array(z.number().nullable()).default([]),
  })).default([]),
  milestones: z.array(z.object({
    name: z.string().min(1),
    /** Index into phases. */
    phase: z.number().int().min(0),
    /** Months after the phase starts. */
    offsetMonths: z.number().int().min(0),
    owner: text,
    kind: z.enum(MILESTONE_KINDS).default('milestone'),
  })).default([]),
}).superRefine((t, ctx) => {
  const phases = t.phases.length;
  t.areas.forEach((a, i) => {
    if (a.stances.length > phases) ctx.addIssue({ code: 'custom', path: ['areas', i, 'stances'], message: `has ${a.stances.length} stances for ${phases} phases` });
    if (!DEFAULT_AREAS.some((d) => d.key === a.key) && !a.name) ctx.addIssue({ code: 'custom', path: ['areas', i], message: `area “${a.key}” is not a default area and has no name` });
  });
  t.decisions.forEach((d, i) => {
    if (d.positions.length > phases) ctx.addIssue({ code: 'custom', path: ['decisions', i, 'positions'], message: `has ${d.positions.length} positions for ${phases} phases` });
    if (Array.isArray(d.rationale) && d.rationale.length > phases) ctx.addIssue({ code: 'custom', path: ['decisions', i, 'rationale'], message: `has ${d.rationale.length} rationales for ${phases} phases` });
  });
  t.outcomes.forEach((o, i) => {
    if (o.targets.length > phases) ctx.addIssue({ code: 'custom', path: ['outcomes', i, 'targets'], message: `has ${o.targets.length} targets for ${phases} phases` });
  });
  t.milestones.forEach((m, i) => {
    const phase = t.phases[m.phase];
    if (!phase) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'phase'], message: `names phase ${m.phase + 1} of ${phases}` });
    else if (m.offsetMonths >= phase.durationMonths) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'offsetMonths'], message: 'falls after its phase ends' });
  });
});
export type PlanTemplate = z.infer<typeof templateSchema>;

export const TEMPLATES: readonly PlanTemplate[] = [balanced, centralized, decentralized].map((t) => templateSchema.parse(t));

export interface NewPlanInput {
  name: string;
  systemName: string;
  /** A template id, or null for a blank plan. */
  templateId: string | null;
  today: Date;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** Builds a new plan from a template (or blank) with fresh ids, ready to be written. */
export function createPlanBundle({ name, systemName, templateId, today }: NewPlanInput): PlanBundle {
  const template = templateId === null ? null : TEMPLATES.find((t) => t.id === templateId);
  if (templateId !== null && !template) throw new Error(`Unknown template “${templateId}”.`);
  const planId = newId();
  const now = nowTimestamp(today);
  const startMonth = template?.schoolYearStartMonth ?? 8;
  const firstYear = nextSchoolYearStart(today, startMonth);
  const phaseStarts = (template?.phases ?? []).map((p) => addMonths(firstYear, p.startOffsetMonths));
  const phases = (template?.phases ?? []).map((p, order) => {
    const start = phaseStarts[order] as Date;
    return {
      id: newId(),
      planId,
      order,
      name: p.name,
      kind: p.kind,
      status: 'planned' as const,
      start: iso(start),
      end: iso(addDays(addMonths(start, p.durationMonths), -1)),
      goal: p.goal,
      entryCriteria: p.entryCriteria,
      gate: p.gate,
    };
  });
  const templateAreas: PlanTemplate['areas'] = template?.areas ?? DEFAULT_AREAS.map((a) => ({ key: a.key, stances: [], rationale: '', owner: '', guardrails: '' }));
  const areas = templateAreas.map((a, order) => {
    const def = DEFAULT_AREAS.find((d) => d.key === a.key);
    return { id: newId(), planId, order, name: a.name ?? def?.name ?? a.key, description: a.description ?? def?.description ?? '', builtIn: def !== undefined };
  });
  const stances: Stance[] = templateAreas.flatMap((a, i) => a.stances.flatMap((stance, p) => {
    const phase = phases[p];
    const area = areas[i];
    if (!phase || !area || stance === null) return [];
    return [{ id: newId(), planId, areaId: area.id, phaseId: phase.id, stance, rationale: a.rationale, rationaleOrigin: a.rationale ? 'template' : 'planner', owner: a.owner, guardrails: a.guardrails }];
  }));
  const positions: Position[] = (template?.decisions ?? []).flatMap((d) => {
    // A single rationale is written once, on the first phase, not repeated down the table.
    const first = d.positions.findIndex((p) => p !== null);
    const rationaleFor = (p: number) => (Array.isArray(d.rationale) ? d.rationale[p] ?? '' : p === first ? d.rationale : '');
    return d.positions.flatMap((position, p) => {
      const phase = phases[p];
      if (!phase || position === null) return [];
      return [{ id: newId(), planId, phaseId: phase.id, decision: d.decision, position, rationale: rationaleFor(p), rationaleOrigin: rationaleFor(p) ? 'template' : 'planner' }];
    });
  });
  const outcomes: Outcome[] = (template?.outcomes ?? []).map((o, order) => ({
    id: newId(),
    planId,
    order,
    name: o.name,
    unit: o.unit,
    baseline: o.baseline,
    targets: o.targets.flatMap((value, p) => (value === null || !phases[p] ? [] : [{ phaseId: phases[p].id, value }])),
    actuals: [],
  }));
  const milestones: Milestone[] = (template?.milestones ?? []).flatMap((m) => {
    const phase = phases[m.phase];
    const start = phaseStarts[m.phase];
    if (!phase || !start) return [];
    return [{ id: newId(), planId, phaseId: phase.id, name: m.name, date: iso(addMonths(start, m.offsetMonths)), owner: m.owner, done: false, kind: m.kind ?? 'milestone' }];
  });
  return {
    plan: {
      id: planId,
      name,
      systemName,
      profile: { ...EMPTY_PROFILE },
      schoolYearStartMonth: startMonth,
      templateId,
      vision: template?.vision ?? '',
      fiscalYearStartMonth: 7,
      createdAt: now,
      updatedAt: now,
    },
    phases,
    areas,
    stances,
    positions,
    milestones,
    outcomes,
    indicators: suggestedIndicators(planId),
    schools: [],
    waves: [],
    fundingSources: [],
    allocations: [],
  };
}

/** The next school year to plan for: the one starting this year if it has not begun, else next year's. */
function nextSchoolYearStart(today: Date, startMonth: number): Date {
  const current = schoolYearStart(today, startMonth);
  return current.getTime() >= new Date(today.getFullYear(), today.getMonth(), 1).getTime() ? current : addMonths(current, 12);
}
