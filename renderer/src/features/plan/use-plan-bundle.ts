import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../app/store';
import { useLiveParts } from './use-live-parts';
import type { PlanRow } from '../../storage/database';
import type { AllocationRow, ChildCollection, ChildRow, PlanBundle } from '../../domain/schemas';

export interface LivePlan {
  bundle: PlanBundle;
  /** When the plan was moved to Recently deleted, or null. */
  deletedAt: string | null;
}

/**
 * The plan's updatedAt as sections see it: not the real time, which only the library and the
 * plan file use (they read the stored row).
 */
const UNSHOWN_TIME = '1970-01-01T00:00:00.000Z';

function useCollection<C extends ChildCollection>(planId: string, name: C): ChildRow<C>[] | null {
  return useLiveQuery(() => planStore.loadCollection(planId, name), [planId, name], null);
}

/**
 * One plan, kept live: one query per table (allocations: one per phase), so an edit re-reads only what it changed
 * (and the plan row, whose change time moves, but which is compared without it). Arrays of tables that did not change keep
 * their identity, so memoized parts of a section skip their render.
 * Null while loading; undefined when the plan does not exist.
 */
export function usePlanBundle(planId: string): LivePlan | null | undefined {
  // Every edit moves the plan's change time; read as text without it, the plan row only
  // changes (and re-renders the section) when something a planner sees has changed.
  const rowText = useLiveQuery(async (): Promise<string | false> => {
    const found = await planStore.getPlanRow(planId);
    return found ? JSON.stringify({ ...found, updatedAt: UNSHOWN_TIME }) : false;
  }, [planId], null);
  const row = useMemo(() => (typeof rowText === 'string' ? (JSON.parse(rowText) as PlanRow) : rowText), [rowText]);
  const phases = useCollection(planId, 'phases');
  const areas = useCollection(planId, 'areas');
  const stances = useCollection(planId, 'stances');
  const positions = useCollection(planId, 'positions');
  const milestones = useCollection(planId, 'milestones');
  const outcomes = useCollection(planId, 'outcomes');
  const indicators = useCollection(planId, 'indicators');
  const schools = useCollection(planId, 'schools');
  const waves = useCollection(planId, 'waves');
  const fundingSources = useCollection(planId, 'fundingSources');
  // Read phase by phase: typing an amount re-reads one phase's lines, not the plan's thousands.
  const phaseIds = useMemo(() => (phases ? phases.map((p) => p.id).sort() : null), [phases]);
  const allocations = useLiveParts<AllocationRow>(planId, phaseIds, (phaseId, next, fail) => planStore.watchPhaseAllocations(planId, phaseId, next, fail));
  return useMemo(() => {
    if (row === false) return undefined;
    if (row === null || !phases || !areas || !stances || !positions || !milestones || !outcomes) return null;
    if (!indicators || !schools || !waves || !fundingSources || !allocations) return null;
    const { deletedAt, ...plan } = row;
    return { bundle: { plan, phases, areas, stances, positions, milestones, outcomes, indicators, schools, waves, fundingSources, allocations }, deletedAt };
  }, [row, phases, areas, stances, positions, milestones, outcomes, indicators, schools, waves, fundingSources, allocations]);
}
