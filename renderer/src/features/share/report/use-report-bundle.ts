import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../../app/store';
import type { PlanBundle } from '../../../domain/schemas';

/**
 * The whole plan, kept live, for a printed report. One query for everything: a report is read,
 * not edited, so it has no need of the plan screen's finer per-table queries, and a change made
 * in another window still shows here. Null while loading; undefined when the plan does not exist.
 */
export function useReportBundle(planId: string): PlanBundle | null | undefined {
  return useLiveQuery(() => planStore.loadBundle(planId), [planId], null);
}
