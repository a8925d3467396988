import { describe, expect, it } from 'vitest';
import { createPlanBundle, TEMPLATES, templateSchema, type PlanTemplate } from '../../../renderer/src/domain/templates';
import balancedJson from '../../../renderer/src/domain/templates/pilot-to-scale.json';
import centralizedJson from '../../../renderer/src/domain/templates/centralized-for-equity.json';
import decentralizedJson from '../../../renderer/src/domain/templates/decentralized-school-led.json';
import { DEFAULT_AREAS } from '../../../renderer/src/domain/areas';
import { areaSchema, milestoneSchema, outcomeSchema, phaseSchema, planSchema, positionSchema, stanceSchema, type PlanBundle } from '../../../renderer/src/domain/schemas';
import { phaseDateProblem } from '../../../renderer/src/domain/phase-rules';
import { milestoneProblem, phaseTimingNotes, stanceSummary } from '../../../renderer/src/domain/roadmap-rules';
import { TODAY } from './plan-fixtures';

const JSON_FILES = { 'pilot-to-scale': balancedJson, 'centralized-for-equity': centralizedJson, 'decentralized-school-led': decentralizedJson } as const;

const build = (templateId: string): PlanBundle => createPlanBundle({ name: 'Plan', systemName: 'System', templateId, today: TODAY });

const template = (id: string): PlanTemplate => {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

/** How many areas a phase holds tight, by phase kind. */
function tightByKind(bundle: PlanBundle): Map<string, number> {
  const areaIds = bundle.areas.map((a) => a.id);
  return new Map(bundle.phases.map((p) => [p.kind, stanceSummary(p.id, areaIds, bundle.stances).tight]));
}

describe('plan templates', () => {
  it('offers the three illustrative templates by id and name', () => {
    expect(TEMPLATES.map((t) => [t.id, t.name])).toEqual([
      ['pilot-to-scale', 'Pilot to scale — balanced'],
      ['centralized-for-equity', 'Centralized for equity'],
      ['decentralized-school-led', 'Decentralized, school-led'],
    ]);
    for (const t of TEMPLATES) {
      expect(t.illustrative).toBe(true);
      expect(t.summary).toMatch(/illustrative example to adapt/i);
    }
  });

  it.each(Object.entries(JSON_FILES))('parses %s against the template schema', (_id, json) => {
    const result = templateSchema.safeParse(json);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
  });

  it('rejects a template whose stances, positions, targets or milestones do not fit its phases', () => {
    const base = structuredClone(balancedJson) as unknown as PlanTemplate;
    const withExtraStance = { ...base, areas: base.areas.map((a, i) => (i === 0 ? { ...a, stances: [...a.stances, 'tight'] } : a)) };
    const withLateMilestone = { ...base, milestones: [{ name: 'Late', phase: 0, offsetMonths: 12, owner: '' }] };
    const withMissingPhase = { ...base, milestones: [{ name: 'Nowhere', phase: 9, offsetMonths: 0, owner: '' }] };
    const withUnnamedArea = { ...base, areas: [...base.areas, { key: 'budget', stances: [], rationale: '', owner: '', guardrails: '' }] };
    for (const bad of [withExtraStance, withLateMilestone, withMissingPhase, withUnnamedArea]) expect(templateSchema.safeParse(bad).success).toBe(false);
  });

  it('offers "Pilot to scale" with four phases over four school years', () => {
    const bundle = build('pilot-to-scale');
    expect(bundle.phases.map((p) => p.name)).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain']);
    expect(bundle.phases.map((p) => p.kind)).toEqual(['pilot', 'expand', 'scale', 'sustain']);
    // Today is November 2026, so the first school year to plan for starts in August 2027.
    expect(bundle.phases[0]?.start).toBe('2027-08-01');
    expect(bundle.phases[3]?.end).toBe('2031-07-31');
    expect(bundle.areas.map((a) => a.name)).toEqual(DEFAULT_AREAS.map((a) => a.name));
  });

  it('gives the school-led template five deliberate phases that start with design', () => {
    const bundle = build('decentralized-school-led');
    expect(bundle.phases.map((p) => p.kind)).toEqual(['custom', 'pilot', 'expand', 'scale', 'sustain']);
    expect(bundle.phases[0]?.start).toBe('2027-08-01');
    expect(phaseTimingNotes(bundle.phases)).toEqual([]);
  });

  it('makes records that pass the schemas and the date rules, all tied to the plan', () => {
    for (const t of TEMPLATES) {
      const bundle = build(t.id);
      const planId = bundle.plan.id;
      expect(planSchema.parse(bundle.plan)).toMatchObject({ templateId: t.id, vision: t.vision });
      for (const phase of bundle.phases) {
        expect(phaseSchema.parse(phase).planId).toBe(planId);
        expect(phaseDateProblem(phase.start, phase.end)).toBeNull();
      }
      for (const area of bundle.areas) expect(areaSchema.parse(area).planId).toBe(planId);
      for (const stance of bundle.stances) expect(stanceSchema.parse(stance).planId).toBe(planId);
      for (const position of bundle.positions) expect(positionSchema.parse(position).planId).toBe(planId);
      for (const milestone of bundle.milestones) expect(milestoneSchema.parse(milestone).planId).toBe(planId);
      for (const outcome of bundle.outcomes) expect(outcomeSchema.parse(outcome).planId).toBe(planId);
      // Phases follow one another with no gap or overlap.
      expect(phaseTimingNotes(bundle.phases), t.id).toEqual([]);
    }
  });

  it('places every milestone inside its phase', () => {
    for (const t of TEMPLATES) {
      const bundle = build(t.id);
      expect(bundle.milestones).toHaveLength(t.milestones.length);
      for (const milestone of bundle.milestones) expect(milestoneProblem(milestone, bundle.phases), `${t.id}: ${milestone.name}`).toBeNull();
    }
  });

  it('gives every record a unique id and points references at records in the plan', () => {
    for (const t of TEMPLATES) {
      const bundle = build(t.id);
      const ids = [bundle.plan, ...bundle.phases, ...bundle.areas, ...bundle.stances, ...bundle.positions, ...bundle.milestones, ...bundle.outcomes].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const phaseIds = new Set(bundle.phases.map((p) => p.id));
      const areaIds = new Set(bundle.areas.map((a) => a.id));
      for (const s of bundle.stances) expect(phaseIds.has(s.phaseId) && areaIds.has(s.areaId)).toBe(true);
      for (const p of bundle.positions) expect(phaseIds.has(p.phaseId)).toBe(true);
      for (const m of bundle.milestones) expect(m.phaseId !== null && phaseIds.has(m.phaseId)).toBe(true);
      for (const o of bundle.outcomes) for (const target of o.targets) expect(phaseIds.has(target.phaseId)).toBe(true);
    }
  });

  it('sets a stance for every area in every phase and a position on every decision in every phase', () => {
    for (const t of TEMPLATES) {
      const bundle = build(t.id);
      const stanceKeys = new Set(bundle.stances.filter((s) => s.stance !== null).map((s) => `${s.areaId}|${s.phaseId}`));
      for (const area of bundle.areas) for (const phase of bundle.phases) expect(stanceKeys.has(`${area.id}|${phase.id}`), `${t.id}: ${area.name} in ${phase.name}`).toBe(true);
      expect(bundle.stances).toHaveLength(bundle.areas.length * bundle.phases.length);
      const positionKeys = new Set(bundle.positions.filter((p) => p.position !== null).map((p) => `${p.decision}|${p.phaseId}`));
      for (let decision = 1; decision <= 7; decision += 1) for (const phase of bundle.phases) expect(positionKeys.has(`${decision}|${phase.id}`), `${t.id}: decision ${decision} in ${phase.name}`).toBe(true);
      expect(bundle.positions).toHaveLength(7 * bundle.phases.length);
    }
  });

  it('fills in the planning content a leader starts from', () => {
    for (const t of TEMPLATES) {
      expect(t.vision.length, t.id).toBeGreaterThan(100);
      for (const phase of t.phases) {
        expect(phase.goal, `${t.id} ${phase.name} goal`).not.toBe('');
        expect(phase.entryCriteria, `${t.id} ${phase.name} entry criteria`).not.toBe('');
        expect(phase.gate, `${t.id} ${phase.name} gate`).not.toBe('');
      }
      for (const area of t.areas) {
        expect(area.rationale, `${t.id} ${area.key} rationale`).not.toBe('');
        expect(area.owner, `${t.id} ${area.key} owner`).not.toBe('');
        expect(area.guardrails.split('\n').filter((line) => line.trim()).length, `${t.id} ${area.key} guardrails`).toBeGreaterThan(0);
      }
      for (const d of t.decisions) expect(d.rationale, `${t.id} decision ${d.decision}`).not.toBe('');
      expect(new Set(t.decisions.map((d) => d.decision)).size).toBe(7);
      expect(t.outcomes.length).toBeGreaterThanOrEqual(3);
      expect(t.outcomes.length).toBeLessThanOrEqual(4);
      for (const o of t.outcomes) expect(o.targets, `${t.id} ${o.name}`).toHaveLength(t.phases.length);
      expect(t.milestones.length).toBeGreaterThanOrEqual(4);
      expect(t.milestones.length).toBeLessThanOrEqual(8);
    }
  });

  it('shows planners how to add areas of their own', () => {
    const extra = TEMPLATES.flatMap((t) => t.areas.filter((a) => !DEFAULT_AREAS.some((d) => d.key === a.key)));
    expect(extra.length).toBeGreaterThanOrEqual(2);
    for (const area of extra) expect(area.name && area.description).toBeTruthy();
    const bundle = build('centralized-for-equity');
    expect(bundle.areas.filter((a) => !a.builtIn).map((a) => a.name)).toEqual(['Schedules and staffing models', 'Family and community engagement']);
  });

  it('holds more areas tight in the centralized template than in the school-led one, phase for phase', () => {
    const centralized = tightByKind(build('centralized-for-equity'));
    const decentralized = tightByKind(build('decentralized-school-led'));
    for (const kind of ['pilot', 'expand', 'scale', 'sustain']) {
      expect(centralized.get(kind) ?? 0, kind).toBeGreaterThan(decentralized.get(kind) ?? Infinity);
    }
  });

  it('leans the decisions the way each strategy says', () => {
    const first = (id: string, decision: number) => template(id).decisions.find((d) => d.decision === decision)?.positions[0];
    // Decision 1: centralized (−) vs decentralized (+); decision 3: need (−) vs readiness (+).
    expect(first('centralized-for-equity', 1)).toBeLessThan(0);
    expect(first('decentralized-school-led', 1)).toBeGreaterThan(0);
    expect(first('centralized-for-equity', 3)).toBeLessThan(0);
    expect(first('decentralized-school-led', 3)).toBeGreaterThan(0);
  });

  it('carries guardrails and owners onto the stances it creates', () => {
    const bundle = build('decentralized-school-led');
    const technology = bundle.areas.find((a) => a.name === 'Technology and device procurement');
    const stances = bundle.stances.filter((s) => s.areaId === technology?.id);
    expect(stances).toHaveLength(5);
    for (const s of stances) {
      expect(s.stance).toBe('shared');
      expect(s.guardrails).toMatch(/privacy/i);
      expect(s.owner).toBe('Chief Technology Officer');
    }
  });

  it('starts a blank plan with no phases and the default areas', () => {
    const bundle = createPlanBundle({ name: 'Blank', systemName: '', templateId: null, today: TODAY });
    expect(bundle.phases).toEqual([]);
    expect(bundle.areas).toHaveLength(DEFAULT_AREAS.length);
    expect(bundle.plan.schoolYearStartMonth).toBe(8);
  });

  it('writes a decision’s rationale once, on its first phase, unless the template gives one per phase', () => {
    const bundle = createPlanBundle({ name: 'Plan', systemName: '', templateId: 'pilot-to-scale', today: TODAY });
    const firstPhase = bundle.phases[0]?.id;
    for (const decision of [1, 2, 3, 4, 5, 6, 7]) {
      const rows = bundle.positions.filter((p) => p.decision === decision);
      const withText = rows.filter((p) => p.rationale !== '');
      expect(withText.map((p) => p.phaseId), `decision ${decision}`).toEqual([firstPhase]);
    }
    const base = TEMPLATES[0];
    if (!base) throw new Error('templates');
    const perPhase = templateSchema.parse({ ...base, decisions: [{ decision: 2, positions: [1, 1, 2, 2], rationale: ['a', 'b', 'c', 'd'] }] });
    expect(perPhase.decisions[0]?.rationale).toEqual(['a', 'b', 'c', 'd']);
    expect(templateSchema.safeParse({ ...base, decisions: [{ decision: 2, positions: [1], rationale: ['a', 'b', 'c', 'd', 'e'] }] }).success).toBe(false);
  });

  it('refuses an unknown template', () => {
    expect(() => createPlanBundle({ name: 'X', systemName: '', templateId: 'nope', today: TODAY })).toThrow(/Unknown template/);
  });
});
