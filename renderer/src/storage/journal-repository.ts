/**
 * The plan's journal: adding, changing and removing entries, each in one transaction that stamps
 * the plan's change time and returns a ChangeSet, so Undo works on the journal as on the plan.
 * Entries are not part of the plan's content (its bundle): a restore never rewrites them.
 */
import { journalEntrySchema, type JournalEntry } from '../domain/journal';
import { StorageError } from './storage-error';
import type { ChangeSet, RowChange, Transactions } from './transactions';

export function createJournalRepository(tx: Transactions) {
  const { db, now, write, requirePlan } = tx;

  /** One edit of a plan's journal: the plan is stamped beside it; the body says what it changed. */
  function journalEdit(action: string, planId: string, body: () => Promise<RowChange[]>): Promise<ChangeSet> {
    return write(action, ['plans', 'journal'], async () => {
      const plan = await requirePlan(planId);
      await db.plans.put({ ...plan, updatedAt: now() });
      return { planId, changes: await body() };
    });
  }

  async function requireEntry(id: string): Promise<JournalEntry> {
    const entry = await db.journal.get(id);
    if (!entry) throw new StorageError('This journal entry no longer exists. It may have been deleted in another window.', 'missing');
    return entry;
  }

  return {
    /** A plan's journal, newest first. */
    async listJournal(planId: string): Promise<JournalEntry[]> {
      const rows = await db.journal.where('planId').equals(planId).toArray();
      return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    },

    async addJournalEntry(entry: JournalEntry): Promise<ChangeSet> {
      const row = journalEntrySchema.parse(entry);
      return journalEdit('add the journal entry', row.planId, async () => {
        await db.journal.add(row);
        return [{ table: 'journal', id: row.id, before: undefined, after: row }];
      });
    },

    /** Changes an entry; the change is worked out on the entry as stored, inside the transaction. */
    async updateJournalEntry(id: string, changes: Partial<Omit<JournalEntry, 'id' | 'planId' | 'createdAt'>>): Promise<ChangeSet> {
      const current = await requireEntry(id);
      return journalEdit('save the journal entry', current.planId, async () => {
        const before = await requireEntry(id);
        const after = journalEntrySchema.parse({ ...before, ...changes, id, planId: before.planId, createdAt: before.createdAt, updatedAt: now() });
        await db.journal.put(after);
        return [{ table: 'journal', id, before, after }];
      });
    },

    async deleteJournalEntry(id: string): Promise<ChangeSet> {
      const current = await requireEntry(id);
      return journalEdit('delete the journal entry', current.planId, async () => {
        const before = await requireEntry(id);
        await db.journal.delete(id);
        return [{ table: 'journal', id, before, after: undefined }];
      });
    },
  };
}
