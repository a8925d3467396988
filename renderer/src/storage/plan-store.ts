/**
 * The plan repository: the only code that reads and writes plan records. Every write runs in
 * one Dexie transaction, validates the records it writes against the domain schemas first,
 * and stamps the plan's updatedAt, so a plan is either saved whole or not at all.
 */
import { Dexie, type Table } from 'dexie';
import type { PlannerDatabase, PlanRow } from './database';
import { toStorageError, StorageError } from './storage-error';
import { areaSchema, NAME_MAX, phaseSchema, planSchema, type Area, type Phase, type Plan, type PlanBundle, type SystemProfile } from '../domain/schemas';
import { copyPlanBundle } from '../domain/plan-copy';
import { nowTimestamp } from '../domain/ids';
import { phaseDateProblem } from '../domain/phase-rules';

export interface PlanSummary {
  id: string;
  name: string;
  systemName: string;
  updatedAt: string;
  phaseCount: number;
  deletedAt: string | null;
}

export type PlanChanges = Partial<Pick<Plan, 'name' | 'systemName' | 'profile' | 'schoolYearStartMonth'>>;
export type PhaseChanges = Partial<Pick<Phase, 'name' | 'start' | 'end' | 'goal'>>;

/** Plans stay in "Recently deleted" this long before they are removed for good. */
export const RECENTLY_DELETED_DAYS = 30;

type TableName = 'plans' | 'phases' | 'areas';

export type PlanStore = ReturnType<typeof createPlanStore>;

export function createPlanStore(db: PlannerDatabase, clock: () => Date = () => new Date()) {
  const now = () => nowTimestamp(clock());

  async function write<T>(action: string, tables: TableName[], body: () => Promise<T>): Promise<T> {
    try {
      return await db.transaction('rw', tables, body);
    } catch (error) {
      throw toStorageError(error, action);
    }
  }

  async function requirePlan(planId: string): Promise<PlanRow> {
    const plan = await db.plans.get(planId);
    if (!plan) throw new StorageError('This plan no longer exists. It may have been deleted in another window.', 'missing');
    return plan;
  }

  async function touch(planId: string): Promise<void> {
    await db.plans.update(planId, { updatedAt: now() });
  }

  async function loadBundle(planId: string): Promise<PlanBundle | undefined> {
    // All three reads start at once: one round trip, not two.
    const [row, phases, areas] = await Promise.all([
      db.plans.get(planId),
      inPlanOrder(db.phases, planId).toArray(),
      inPlanOrder(db.areas, planId).toArray(),
    ]);
    if (!row) return undefined;
    const { deletedAt: _deletedAt, ...plan } = row;
    return { plan, phases, areas };
  }

  async function removePlanRecords(planId: string): Promise<void> {
    await Promise.all([
      db.phases.where('planId').equals(planId).delete(),
      db.areas.where('planId').equals(planId).delete(),
      db.plans.delete(planId),
    ]);
  }

  /**
   * Writes a whole plan. Children are added, never put: a record id already used by another
   * plan fails the transaction instead of moving that plan's record into this one.
   */
  async function putBundle(bundle: PlanBundle, deletedAt: string | null = null): Promise<void> {
    const checked = validateBundle(bundle);
    await db.plans.put({ ...checked.plan, deletedAt });
    await db.phases.bulkAdd(checked.phases);
    await db.areas.bulkAdd(checked.areas);
  }

  const allTables: TableName[] = ['plans', 'phases', 'areas'];

  return {
    /** Every plan with its phase count; deleted ones carry deletedAt. Newest change first. */
    async listPlans(): Promise<PlanSummary[]> {
      // One read of the planId index counts every plan's phases, instead of one count per plan.
      const [plans, phasePlanIds] = await Promise.all([
        db.plans.orderBy('updatedAt').reverse().toArray(),
        db.phases.orderBy('planId').keys(),
      ]);
      const counts = new Map<string, number>();
      for (const id of phasePlanIds) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      return plans.map((p) => ({
        id: p.id, name: p.name, systemName: p.systemName, updatedAt: p.updatedAt, deletedAt: p.deletedAt, phaseCount: counts.get(p.id) ?? 0,
      }));
    },

    loadBundle,

    async getPlanRow(planId: string): Promise<PlanRow | undefined> {
      return db.plans.get(planId);
    },

    async listPhases(planId: string): Promise<Phase[]> {
      return inPlanOrder(db.phases, planId).toArray();
    },

    async createPlan(bundle: PlanBundle): Promise<string> {
      await write('create the plan', allTables, () => putBundle(bundle));
      return bundle.plan.id;
    },

    async updatePlan(planId: string, changes: PlanChanges): Promise<void> {
      await write('save the plan', ['plans'], async () => {
        const { deletedAt, ...plan } = await requirePlan(planId);
        const next = planSchema.parse({ ...plan, ...changes, updatedAt: now() });
        await db.plans.put({ ...next, deletedAt });
      });
    },

    async addPhase(phase: Omit<Phase, 'order'>): Promise<string> {
      return write('add the phase', ['plans', 'phases'], async () => {
        await requirePlan(phase.planId);
        const last = await inPlanOrder(db.phases, phase.planId).last();
        const row = checkPhase({ ...phase, order: last ? last.order + 1 : 0 });
        await db.phases.add(row);
        await touch(phase.planId);
        return row.id;
      });
    },

    /** Merges profile fields inside the write, so two quick edits never overwrite each other. */
    async updateProfile(planId: string, changes: Partial<SystemProfile>): Promise<void> {
      await write('save the plan', ['plans'], async () => {
        const { deletedAt, ...plan } = await requirePlan(planId);
        const next = planSchema.parse({ ...plan, profile: { ...plan.profile, ...changes }, updatedAt: now() });
        await db.plans.put({ ...next, deletedAt });
      });
    },

    async updatePhase(phaseId: string, changes: PhaseChanges): Promise<void> {
      await write('save the phase', ['plans', 'phases'], async () => {
        const phase = await db.phases.get(phaseId);
        if (!phase) throw new StorageError('This phase no longer exists.', 'missing');
        await db.phases.put(checkPhase({ ...phase, ...changes }));
        await touch(phase.planId);
      });
    },

    /** Swaps a phase with its neighbour above (-1) or below (+1). */
    async movePhase(phaseId: string, direction: -1 | 1): Promise<void> {
      await write('move the phase', ['plans', 'phases'], async () => {
        const phase = await db.phases.get(phaseId);
        if (!phase) throw new StorageError('This phase no longer exists.', 'missing');
        const siblings = await inPlanOrder(db.phases, phase.planId).toArray();
        const index = siblings.findIndex((p) => p.id === phaseId);
        const other = siblings[index + direction];
        if (!other) return;
        await db.phases.bulkPut([{ ...phase, order: other.order }, { ...other, order: phase.order }]);
        await touch(phase.planId);
      });
    },

    /** Removes a phase and returns it, so the caller can offer to put it back. */
    async deletePhase(phaseId: string): Promise<Phase> {
      return write('delete the phase', ['plans', 'phases'], async () => {
        const phase = await db.phases.get(phaseId);
        if (!phase) throw new StorageError('This phase no longer exists.', 'missing');
        await db.phases.delete(phaseId);
        await touch(phase.planId);
        return phase;
      });
    },

    async restorePhase(phase: Phase): Promise<void> {
      await write('restore the phase', ['plans', 'phases'], async () => {
        await requirePlan(phase.planId);
        await db.phases.put(checkPhase(phase));
        await touch(phase.planId);
      });
    },

    /** Moves a plan to "Recently deleted"; nothing is removed until it expires or is emptied. */
    async deletePlan(planId: string): Promise<void> {
      await write('delete the plan', ['plans'], async () => {
        await requirePlan(planId);
        await db.plans.update(planId, { deletedAt: now() });
      });
    },

    async restorePlan(planId: string): Promise<void> {
      await write('restore the plan', ['plans'], async () => {
        await requirePlan(planId);
        await db.plans.update(planId, { deletedAt: null });
      });
    },

    /** Removes for good the plans deleted more than RECENTLY_DELETED_DAYS ago (or all deleted, with `all`). */
    async purgeDeleted(options: { all?: boolean } = {}): Promise<number> {
      const cutoff = nowTimestamp(new Date(clock().getTime() - RECENTLY_DELETED_DAYS * 86_400_000));
      return write('empty recently deleted', allTables, async () => {
        const expired = (await db.plans.toArray()).filter((p) => p.deletedAt !== null && (options.all || p.deletedAt < cutoff));
        for (const plan of expired) await removePlanRecords(plan.id);
        return expired.length;
      });
    },

    /** Removes a plan and all its records for good. */
    async purgePlan(planId: string): Promise<void> {
      await write('remove the plan', allTables, () => removePlanRecords(planId));
    },

    /**
     * Writes an imported plan: as a new plan, or in place of the plan with the same id. A plan
     * that is replaced is kept, as a copy in Recently deleted, unless `keepReplaced` is false
     * (as when undoing a replace); its id is returned.
     */
    async importBundle(bundle: PlanBundle, mode: 'add' | 'replace', options: { keepReplaced?: boolean } = {}): Promise<{ replacedCopyId: string | null }> {
      return write('import the plan', allTables, async () => {
        const existing = await loadBundle(bundle.plan.id);
        if (existing && mode === 'add') throw new StorageError('A plan with this id is already in the library.', 'invalid');
        let replacedCopyId: string | null = null;
        if (existing) {
          await removePlanRecords(bundle.plan.id);
          if (options.keepReplaced !== false) {
            const copy = copyPlanBundle(existing, `${existing.plan.name.slice(0, NAME_MAX - 20)} (before import)`, clock());
            await putBundle(copy, now());
            replacedCopyId = copy.plan.id;
          }
        }
        await putBundle(bundle);
        return { replacedCopyId };
      });
    },
  };
}

/** One plan's rows of a child table, in the planner's order, read through the [planId+order] index. */
function inPlanOrder<T extends { planId: string; order: number }>(table: Table<T, string>, planId: string) {
  return table.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]);
}

function checkPhase(phase: Phase): Phase {
  const row = phaseSchema.parse(phase);
  const problem = phaseDateProblem(row.start, row.end);
  if (problem) throw new StorageError(`Phase “${row.name}”: ${problem.message}`, 'invalid');
  return row;
}

function validateBundle(bundle: PlanBundle): PlanBundle {
  return {
    plan: planSchema.parse(bundle.plan),
    phases: bundle.phases.map(checkPhase),
    areas: bundle.areas.map((a: Area) => areaSchema.parse(a)),
  };
}
