import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../app/store';
import type { PlanRow } from '../../storage/database';
import type { ChildCollection, ChildRow, PlanBundle } from '../../domain/schemas';

export interface LivePlan {
  bundle: PlanBundle;
  /** When the plan was moved to Recently deleted, or null. */
  deletedAt: string | null;
}

function useCollection<C extends ChildCollection>(planId: string, name: C): ChildRow<C>[] | null {
  return useLiveQuery(() => planStore.loadCollection(planId, name), [planId, name], null);
}

/**
 * One plan, kept live: one query per table, so an edit re-reads only the table it changed
 * (and the plan row, whose change time moves). Arrays of tables that did not change keep
 * their identity, so memoized parts of a section skip their render.
 * Null while loading; undefined when the plan does not exist.
 */
export function usePlanBundle(planId: string): LivePlan | null | undefined {
  const row = useLiveQuery(async (): Promise<PlanRow | false> => (await planStore.getPlanRow(planId)) ?? false, [planId], null);
  const phases = useCollection(planId, 'phases');
  const areas = useCollection(planId, 'areas');
  const stances = useCollection(planId, 'stances');
  const positions = useCollection(planId, 'positions');
  const milestones = useCollection(planId, 'milestones');
  const outcomes = useCollection(planId, 'outcomes');
  return useMemo(() => {
    if (row === false) return undefined;
    if (row === null || !phases || !areas || !stances || !positions || !milestones || !outcomes) return null;
    const { deletedAt, ...plan } = row;
    return { bundle: { plan, phases, areas, stances, positions, milestones, outcomes }, deletedAt };
  }, [row, phases, areas, stances, positions, milestones, outcomes]);
}
