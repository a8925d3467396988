import { newId, nowTimestamp } from './ids';
import type { PlanBundle } from './schemas';

/**
 * A copy of a plan with new ids for every record, so it can live beside the original.
 * Links between records (planId) follow the new ids.
 */
export function copyPlanBundle(bundle: PlanBundle, name: string, now: Date): PlanBundle {
  const planId = newId();
  const timestamp = nowTimestamp(now);
  return {
    plan: { ...bundle.plan, id: planId, name, createdAt: timestamp, updatedAt: timestamp },
    phases: bundle.phases.map((p) => ({ ...p, id: newId(), planId })),
    areas: bundle.areas.map((a) => ({ ...a, id: newId(), planId })),
  };
}

/** "Plan (copy)", "Plan (copy 2)", … the first name not already taken. */
export function copyName(name: string, taken: ReadonlySet<string>, label = 'copy'): string {
  const base = name.replace(new RegExp(` \\(${label}(?: \\d+)?\\)$`), '');
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${base} (${label})` : `${base} (${label} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
