import { describe, expect, it } from 'vitest';
import { createPlanBundle, TEMPLATES } from '../../../renderer/src/domain/templates';
import { DEFAULT_AREAS } from '../../../renderer/src/domain/areas';
import { areaSchema, phaseSchema, planSchema } from '../../../renderer/src/domain/schemas';
import { phaseDateProblem } from '../../../renderer/src/domain/phase-rules';
import { TODAY } from './plan-fixtures';

describe('plan templates', () => {
  it('offers "Pilot to scale" with four phases over four school years', () => {
    const bundle = createPlanBundle({ name: 'Plan', systemName: '', templateId: 'pilot-to-scale', today: TODAY });
    expect(bundle.phases.map((p) => p.name)).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain']);
    // Today is November 2026, so the first school year to plan for starts in August 2027.
    expect(bundle.phases[0]?.start).toBe('2027-08-01');
    expect(bundle.phases[3]?.end).toBe('2031-07-31');
    expect(bundle.areas.map((a) => a.name)).toEqual(DEFAULT_AREAS.map((a) => a.name));
  });

  it('makes records that pass the schemas and the date rules, all tied to the plan', () => {
    for (const template of TEMPLATES) {
      const bundle = createPlanBundle({ name: 'Plan', systemName: 'System', templateId: template.id, today: TODAY });
      expect(() => planSchema.parse(bundle.plan)).not.toThrow();
      for (const phase of bundle.phases) {
        expect(phaseSchema.parse(phase).planId).toBe(bundle.plan.id);
        expect(phaseDateProblem(phase.start, phase.end)).toBeNull();
      }
      for (const area of bundle.areas) expect(areaSchema.parse(area).planId).toBe(bundle.plan.id);
      expect(new Set([bundle.plan.id, ...bundle.phases.map((p) => p.id), ...bundle.areas.map((a) => a.id)]).size).toBe(1 + bundle.phases.length + bundle.areas.length);
    }
  });

  it('starts a blank plan with no phases and the default areas', () => {
    const bundle = createPlanBundle({ name: 'Blank', systemName: '', templateId: null, today: TODAY });
    expect(bundle.phases).toEqual([]);
    expect(bundle.areas).toHaveLength(DEFAULT_AREAS.length);
    expect(bundle.plan.schoolYearStartMonth).toBe(8);
  });

  it('refuses an unknown template', () => {
    expect(() => createPlanBundle({ name: 'X', systemName: '', templateId: 'nope', today: TODAY })).toThrow(/Unknown template/);
  });
});
