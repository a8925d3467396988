/**
 * Whole plans: the library's list, creating, deleting (to Recently deleted), restoring,
 * purging and importing plans, and reading one plan whole or table by table.
 */
import { StorageError } from './storage-error';
import { ALL_TABLES, checkRow, type Transactions } from './transactions';
import { removePlanHistory, REVISION_TABLES } from './revisions-repository';
import type { PlanRow } from './database';
import { CHILD_COLLECTIONS, NAME_MAX, planSchema, type ChildRow, type PlanBundle } from '../domain/schemas';
import { copyPlanBundle } from '../domain/plan-copy';
import { nowTimestamp } from '../domain/ids';
import { journalEntrySchema, type JournalEntry } from '../domain/journal';
import { revisionSchema } from '../domain/revisions';
import type { StoredRevision } from '../domain/plan-file-history';

/** The history a plan file brought, checked: revisions that could be read, and the journal. */
export interface ImportedHistory {
  revisions: StoredRevision[];
  journal: JournalEntry[];
}

export interface PlanSummary {
  id: string;
  name: string;
  systemName: string;
  updatedAt: string;
  phaseCount: number;
  deletedAt: string | null;
}

/** Plans stay in "Recently deleted" this long before they are removed for good. */
export const RECENTLY_DELETED_DAYS = 30;

export function createLibraryRepository(tx: Transactions, clock: () => Date) {
  const { db, now, table, write, requirePlan, loadBundle, loadCollection } = tx;

  async function removePlanRecords(planId: string): Promise<void> {
    await Promise.all([
      ...CHILD_COLLECTIONS.map((name) => table(name).where('planId').equals(planId).delete()),
      db.plans.delete(planId),
    ]);
  }

  /**
   * Writes a whole plan. Children are added, never put: a record id already used by another
   * plan fails the transaction instead of moving that plan's record into this one.
   */
  async function putBundle(bundle: PlanBundle, deletedAt: string | null = null): Promise<void> {
    const plan = planSchema.parse(bundle.plan);
    await db.plans.put({ ...plan, deletedAt });
    for (const name of CHILD_COLLECTIONS) {
      await table(name).bulkAdd((bundle[name] as ChildRow<typeof name>[]).map((row) => checkRow(name, row)));
    }
  }

  async function putHistory(planId: string, history: ImportedHistory): Promise<void> {
    const revisions = history.revisions.filter((r) => r.revision.planId === planId);
    const present = await db.revisions.bulkGet(revisions.map((r) => r.revision.id));
    const added = revisions.filter((_, i) => present[i] === undefined);
    await db.revisions.bulkAdd(added.map((r) => revisionSchema.parse(r.revision)));
    await db.revisionData.bulkAdd(added.map((r) => ({ id: r.revision.id, bytes: r.bytes })));
    await db.journal.bulkPut(history.journal.map((entry) => journalEntrySchema.parse({ ...entry, planId })));
  }

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
    loadCollection,

    async getPlanRow(planId: string): Promise<PlanRow | undefined> {
      return db.plans.get(planId);
    },

    async createPlan(bundle: PlanBundle): Promise<string> {
      await write('create the plan', ALL_TABLES, () => putBundle(bundle));
      return bundle.plan.id;
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
      return write('empty recently deleted', [...ALL_TABLES, ...REVISION_TABLES], async () => {
        const expired = (await db.plans.toArray()).filter((p) => p.deletedAt !== null && (options.all || p.deletedAt < cutoff));
        for (const plan of expired) await Promise.all([removePlanRecords(plan.id), removePlanHistory(db, plan.id)]);
        return expired.length;
      });
    },

    /** Removes a plan, all its records and its history (revisions, journal) for good. */
    async purgePlan(planId: string): Promise<void> {
      // Only here and in purgeDeleted: a plan replaced by an import keeps its history.
      await write('remove the plan', [...ALL_TABLES, ...REVISION_TABLES], async () => {
        await Promise.all([removePlanRecords(planId), removePlanHistory(db, planId)]);
      });
    },

    /**
     * Writes an imported plan: as a new plan, or in place of the plan with the same id. A plan
     * that is replaced is kept, as a copy in Recently deleted, unless `keepReplaced` is false
     * (as when undoing a replace); its id is returned. History from a file saved with it goes in
     * the same transaction: revisions not already kept are added, journal entries are written
     * over the ones with the same id, and nothing else of the plan's history is touched.
     */
    async importBundle(bundle: PlanBundle, mode: 'add' | 'replace', options: { keepReplaced?: boolean; history?: ImportedHistory } = {}): Promise<{ replacedCopyId: string | null }> {
      const { history } = options;
      return write('import the plan', history ? [...ALL_TABLES, ...REVISION_TABLES] : ALL_TABLES, async () => {
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
        if (history) await putHistory(bundle.plan.id, history);
        return { replacedCopyId };
      });
    },
  };
}
