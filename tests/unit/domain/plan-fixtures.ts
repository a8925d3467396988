import { createPlanBundle } from '../../../renderer/src/domain/templates';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';

export const TODAY = new Date(2026, 10, 23, 9, 30);

export function samplePlan(overrides: { name?: string; templateId?: string | null } = {}): PlanBundle {
  const bundle = createPlanBundle({ name: overrides.name ?? 'Riverside roadmap', systemName: 'Riverside Unified', templateId: overrides.templateId === undefined ? 'pilot-to-scale' : overrides.templateId, today: TODAY });
  bundle.plan.profile = { schoolCount: 42, studentCount: 31_500, frlPercent: 64, locale: 'urban' };
  return bundle;
}

/**
 * A bundle with its unordered records (stances, positions, milestones) sorted by id, so two
 * bundles compare by content: storage and the file each keep their own order for those.
 */
export function normalized(bundle: PlanBundle | undefined): PlanBundle | undefined {
  if (!bundle) return bundle;
  const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return { ...bundle, stances: byId(bundle.stances), positions: byId(bundle.positions), milestones: byId(bundle.milestones) };
}
