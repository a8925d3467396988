/**
 * Revisions of a plan: saving the plan as it is now (its native file text, gzipped), listing a
 * plan's history, reading a revision back as a plan, renaming, deleting (with Undo) and the space
 * history takes. A revision's metadata and its bytes are separate tables, written together.
 */
import { Dexie } from 'dexie';
import type { PlannerDatabase, RevisionDataRow } from './database';
import { StorageError, toStorageError } from './storage-error';
import type { HistoryTable, Transactions } from './transactions';
import { gunzipText, gzipText } from '../domain/gzip-text';
import { newId } from '../domain/ids';
import { bundleFromFile, PLAN_FILE_VERSION, readPlanFile, serializePlanFile } from '../domain/plan-file';
import { isThinnable, revisionSchema, revisionTime, type Approval, type Revision, type RevisionLabel } from '../domain/revisions';
import type { StoredRevision } from '../domain/plan-file-history';
import type { JournalEntry } from '../domain/journal';
import { CHILD_COLLECTIONS, type PlanBundle } from '../domain/schemas';

export const REVISION_TABLES = ['revisions', 'revisionData'] as const satisfies readonly HistoryTable[];

/** A deleted revision, whole, so that Undo can put it back as it was. */
export interface DeletedRevision {
  revision: Revision;
  /** Null where the revision had lost its data already. */
  data: RevisionDataRow | null;
}

/** Removes a plan's history for good, its revisions and its journal; runs inside a transaction over REVISION_TABLES and 'journal'. */
export async function removePlanHistory(db: PlannerDatabase, planId: string): Promise<void> {
  const ids = await db.revisions.where('planId').equals(planId).primaryKeys();
  await Promise.all([db.revisions.bulkDelete(ids), db.revisionData.bulkDelete(ids), db.journal.where('planId').equals(planId).delete()]);
}

/** A revision in a message: “Pilot gate” of Nov 24, 2026, 9:00 AM. */
function describeRevision(revision: Revision): string {
  return `The revision “${revision.name}” of ${revisionTime(revision.createdAt)}`;
}

export function createRevisionsRepository(tx: Transactions) {
  const { db, now, write, requirePlan, loadBundle } = tx;

  async function requireRevision(id: string): Promise<Revision> {
    const revision = await db.revisions.get(id);
    if (!revision) throw new StorageError('This revision no longer exists. It may have been deleted in another window.', 'missing');
    return revision;
  }

  /** The plan as it is, read in one transaction so the revision is one consistent state. */
  async function snapshot(planId: string): Promise<PlanBundle> {
    const bundle = await db.transaction('r', ['plans', ...CHILD_COLLECTIONS], () => loadBundle(planId));
    if (!bundle) throw new StorageError('This plan no longer exists. It may have been deleted in another window.', 'missing');
    return bundle;
  }

  /**
   * Saves the plan as it is now as a revision. The plan file is compressed before the write
   * starts: a transaction that waits on anything but IndexedDB commits early. Metadata and
   * bytes are then written in one transaction, so a full disk leaves neither.
   */
  async function saveRevision(planId: string, label: RevisionLabel, app: { name: string; version: string }): Promise<Revision> {
    const action = 'save the revision';
    let revision: Revision;
    let text: string;
    try {
      const bundle = await snapshot(planId);
      const createdAt = now();
      text = serializePlanFile(bundle, app, createdAt);
      revision = revisionSchema.parse({
        ...label, id: newId(), planId, createdAt, sizeBytes: 0, planBytes: new TextEncoder().encode(text).byteLength, formatVersion: PLAN_FILE_VERSION, approval: label.approval ?? null,
      });
    } catch (error) {
      throw toStorageError(error, action);
    }
    const bytes = await gzipText(text).catch((error: unknown) => { throw toStorageError(error, action); });
    const saved: Revision = { ...revision, sizeBytes: bytes.byteLength };
    await write(action, ['plans', ...REVISION_TABLES], async () => {
      await requirePlan(planId);
      await db.revisions.add(saved);
      await db.revisionData.add({ id: saved.id, bytes });
    });
    return saved;
  }

  return {
    saveRevision,

    /**
     * Keeps the plan as it is before the first change of a day, unless a revision of it was
     * already saved that day (the plan has not changed since, or that revision holds the day's
     * start): a week of work is never one blur. `day` is the day's span as timestamps, from its
     * first moment (included) to the next day's (excluded), in the planner's time zone. Null when
     * no revision was needed.
     */
    async saveDailyRevision(planId: string, day: { from: string; until: string; label: string }, app: { name: string; version: string }): Promise<Revision | null> {
      const already = await db.revisions.where('[planId+createdAt]').between([planId, day.from], [planId, day.until], true, false).count();
      if (already > 0) return null;
      return saveRevision(planId, { name: `Before the first change on ${day.label}`, reason: '', kind: 'daily' }, app);
    },

    /** A plan's revisions, newest first: metadata only, never the saved states. */
    async listRevisions(planId: string): Promise<Revision[]> {
      return db.revisions.where('[planId+createdAt]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).reverse().toArray();
    },

    /**
     * A revision and the plan it holds. Data that is missing, damaged or unreadable rejects with
     * a StorageError naming the revision; nothing is changed.
     */
    async loadRevision(id: string): Promise<{ revision: Revision; bundle: PlanBundle }> {
      const [revision, data] = await db.transaction('r', [...REVISION_TABLES], () => Promise.all([db.revisions.get(id), db.revisionData.get(id)]));
      if (!revision) throw new StorageError('This revision no longer exists. It may have been deleted in another window.', 'missing');
      const what = describeRevision(revision);
      if (!data || !(data.bytes instanceof Uint8Array)) throw new StorageError(`${what} could not be read: its data is missing.`, 'invalid');
      if (revision.formatVersion > PLAN_FILE_VERSION) {
        throw new StorageError(`${what} was saved by a newer version of Roadmap Planner. Update the app to open it.`, 'newer-version');
      }
      let text: string;
      try {
        text = await gunzipText(data.bytes);
      } catch (error) {
        throw new StorageError(`${what} could not be read: its data is damaged.`, 'invalid', { cause: error });
      }
      const read = readPlanFile(text);
      // A plan file of another plan is damage too: a revision only ever holds its own plan.
      if (!read.ok || read.file.plan.id !== revision.planId) {
        throw new StorageError(`${what} could not be read: its data is damaged.`, 'invalid', { cause: read.ok ? undefined : read });
      }
      return { revision, bundle: bundleFromFile(read.file) };
    },

    /** Gives a revision a new name and reason; returns it as it was and as it is now (for Undo). */
    async renameRevision(id: string, name: string, reason: string): Promise<{ before: Revision; after: Revision }> {
      return write('rename the revision', [...REVISION_TABLES], async () => {
        const before = await requireRevision(id);
        const after = revisionSchema.parse({ ...before, name, reason });
        await db.revisions.put(after);
        return { before, after };
      });
    },

    /**
     * Records that a body approved the plan as a revision holds it (or, with null, takes the
     * approval off); returns the revision as it was and as it is now (for Undo).
     */
    async setApproval(id: string, approval: Approval | null): Promise<{ before: Revision; after: Revision }> {
      return write(approval ? 'record the approval' : 'remove the approval', [...REVISION_TABLES], async () => {
        const before = await requireRevision(id);
        const after = revisionSchema.parse({ ...before, approval });
        await db.revisions.put(after);
        return { before, after };
      });
    },

    /** Puts a revision's record back as it was (Undo of a rename or an approval), unless it is gone. */
    async putRevisionBack(revision: Revision): Promise<void> {
      await write('put the revision back', [...REVISION_TABLES], async () => {
        await requireRevision(revision.id);
        await db.revisions.put(revision);
      });
    },

    /** A plan's history as a plan file carries it: every revision with its saved state, and the journal. */
    async exportHistory(planId: string): Promise<{ revisions: StoredRevision[]; journal: JournalEntry[] }> {
      return db.transaction('r', [...REVISION_TABLES, 'journal'], async () => {
        const [revisions, journal] = await Promise.all([
          db.revisions.where('[planId+createdAt]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray(),
          db.journal.where('planId').equals(planId).toArray(),
        ]);
        const data = await db.revisionData.bulkGet(revisions.map((r) => r.id));
        // A revision whose data is lost cannot travel; the others do.
        const stored = revisions.flatMap((revision, i) => {
          const row = data[i];
          return row && row.bytes instanceof Uint8Array ? [{ revision, bytes: row.bytes }] : [];
        });
        return { revisions: stored, journal };
      });
    },

    /** Deletes a revision and its saved state; what it returns puts it back (Undo). */
    async deleteRevision(id: string): Promise<DeletedRevision> {
      return write('delete the revision', [...REVISION_TABLES], async () => {
        const [revision, data] = await Promise.all([requireRevision(id), db.revisionData.get(id)]);
        await Promise.all([db.revisions.delete(id), db.revisionData.delete(id)]);
        return { revision, data: data ?? null };
      });
    },

    /** Puts a deleted revision back as it was, unless its plan is gone for good. */
    async restoreDeletedRevision(deleted: DeletedRevision): Promise<void> {
      await write('put the revision back', ['plans', ...REVISION_TABLES], async () => {
        await requirePlan(deleted.revision.planId);
        await db.revisions.put(deleted.revision);
        if (deleted.data) await db.revisionData.put(deleted.data);
      });
    },

    /**
     * Removes a plan's automatic revisions saved before `before` (a timestamp), in one
     * transaction, and returns them whole for Undo. Revisions the planner named, and approved
     * ones, are never removed this way.
     */
    async thinAutomaticRevisions(planId: string, before: string): Promise<DeletedRevision[]> {
      return write('remove the old automatic revisions', [...REVISION_TABLES], async () => {
        const old = await db.revisions.where('[planId+createdAt]').between([planId, Dexie.minKey], [planId, before], true, false).filter(isThinnable).toArray();
        const ids = old.map((r) => r.id);
        const data = await db.revisionData.bulkGet(ids);
        await Promise.all([db.revisions.bulkDelete(ids), db.revisionData.bulkDelete(ids)]);
        return old.map((revision, i) => ({ revision, data: data[i] ?? null }));
      });
    },

    /** Puts removed revisions back as they were, in one transaction, unless their plan is gone for good. */
    async restoreDeletedRevisions(deleted: readonly DeletedRevision[]): Promise<void> {
      const planIds = [...new Set(deleted.map((d) => d.revision.planId))];
      await write('put the revisions back', ['plans', ...REVISION_TABLES], async () => {
        for (const planId of planIds) await requirePlan(planId);
        await db.revisions.bulkPut(deleted.map((d) => d.revision));
        await db.revisionData.bulkPut(deleted.flatMap((d) => (d.data ? [d.data] : [])));
      });
    },

    /** Bytes a plan's history takes on disk (the compressed states). */
    async historyBytes(planId: string): Promise<number> {
      const revisions = await db.revisions.where('planId').equals(planId).toArray();
      return revisions.reduce((sum, revision) => sum + revision.sizeBytes, 0);
    },
  };
}
