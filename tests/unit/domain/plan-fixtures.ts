import { createPlanBundle } from '../../../renderer/src/domain/templates';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';

export const TODAY = new Date(2026, 10, 23, 9, 30);

export function samplePlan(overrides: { name?: string; templateId?: string | null } = {}): PlanBundle {
  const bundle = createPlanBundle({ name: overrides.name ?? 'Riverside roadmap', systemName: 'Riverside Unified', templateId: overrides.templateId === undefined ? 'pilot-to-scale' : overrides.templateId, today: TODAY });
  bundle.plan.profile = { schoolCount: 42, studentCount: 31_500, frlPercent: 64, locale: 'urban' };
  return bundle;
}
