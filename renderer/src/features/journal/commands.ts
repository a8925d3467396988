/**
 * What a planner does in the Journal, as commands: add an entry, edit it, delete it (with Undo).
 * Entries are edits of the plan like any other, so Undo and Redo work on them too; a restore of
 * a revision never touches them (the journal is not part of a revision's content).
 */
import type { AddCommand, PlanCommand } from '../../app/commands';
import { newId, nowTimestamp } from '../../domain/ids';
import type { JournalEntry } from '../../domain/journal';
import { formatDisplayDate } from '../../domain/phase-rules';
import type { ChangeSet } from '../../storage/transactions';

/** What the planner writes in the entry dialog: everything but the ids and the times. */
export type JournalDraft = Pick<JournalEntry, 'phaseId' | 'date' | 'kind' | 'text' | 'author' | 'areaIds' | 'decisions' | 'revisionId' | 'internal'>;

/** "the journal entry of Nov 3, 2026": how labels and messages name an entry. */
const entryOf = (entry: Pick<JournalEntry, 'date'>) => `the journal entry of ${formatDisplayDate(entry.date)}`;

/** The draft as stored: text trimmed, areas and decisions once each (decisions in number order). */
function cleaned(draft: JournalDraft): JournalDraft {
  return {
    ...draft,
    text: draft.text.trim(),
    author: draft.author.trim(),
    areaIds: [...new Set(draft.areaIds)],
    decisions: [...new Set(draft.decisions)].sort((a, b) => a - b),
  };
}

export function addJournalEntry(planId: string, draft: JournalDraft): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: 'Add a journal entry',
    write: async ({ store, now }) => {
      const stamp = nowTimestamp(now());
      const change = await store.addJournalEntry({ id, planId, ...cleaned(draft), createdAt: stamp, updatedAt: stamp });
      return { id, change };
    },
  };
}

/** Saves the entry dialog over an existing entry. */
export function updateJournalEntry(entry: Pick<JournalEntry, 'id' | 'date'>, draft: JournalDraft): PlanCommand<ChangeSet> {
  return {
    label: `Edit ${entryOf(entry)}`,
    write: ({ store }) => store.updateJournalEntry(entry.id, cleaned(draft)),
  };
}

export function deleteJournalEntry(entry: Pick<JournalEntry, 'id' | 'date'>): PlanCommand<ChangeSet> {
  return {
    label: `Delete ${entryOf(entry)}`,
    announce: `Deleted ${entryOf(entry)}.`,
    write: ({ store }) => store.deleteJournalEntry(entry.id),
  };
}
