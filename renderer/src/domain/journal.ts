/**
 * The plan's journal: what the schools and the central office learned along the way, failures
 * included. An entry belongs to a phase, may name the areas and decisions it is about, and may
 * link to the revision it led to. Entries are kept apart from the plan's content: restoring a
 * revision never rewrites the journal, and a phase removed later leaves its entries readable.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, NAME_MAX, TEXT_MAX, timestampSchema } from './schemas';
import type { DecisionNumber } from './decisions';

/** What an entry records. "Did not work" carries the same weight as "worked" everywhere it shows. */
export const JOURNAL_KINDS = ['worked', 'did-not-work', 'changed-course', 'evidence'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = {
  worked: 'Worked',
  'did-not-work': 'Did not work',
  'changed-course': 'Changed course',
  evidence: 'Evidence',
};

const decisionNumberSchema = z.number().int().min(1, 'must be a decision from 1 to 7').max(7, 'must be a decision from 1 to 7')
  .transform((n) => n as DecisionNumber);

export const journalEntrySchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** The phase the entry is about. It may since have been removed from the plan. */
  phaseId: idSchema,
  /** The day it happened or was learned. */
  date: isoDateSchema,
  kind: z.enum(JOURNAL_KINDS),
  text: z.string().trim().min(1, 'cannot be empty').max(TEXT_MAX, `must be at most ${TEXT_MAX.toLocaleString('en-US')} characters`),
  /** Who wrote it; may be empty. */
  author: z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  /** Areas of the tight & loose matrix the entry is about. */
  areaIds: z.array(idSchema).max(100, 'names too many areas'),
  /** Which of the seven decisions it is about, by number. */
  decisions: z.array(decisionNumberSchema).max(7, 'names too many decisions'),
  /** The revision this entry led to, if any. */
  revisionId: idSchema.nullable(),
  /** Internal entries stay out of what is shared (the board packet), unless the planner chooses otherwise. */
  internal: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** What the planner filters the journal by; null or empty means any. */
export interface JournalFilter {
  phaseId: string | null;
  areaId: string | null;
  decision: DecisionNumber | null;
  kinds: readonly JournalKind[];
}

export const NO_JOURNAL_FILTER: JournalFilter = { phaseId: null, areaId: null, decision: null, kinds: [] };

/** The entries that pass a filter, newest first (by date, then by when they were written). */
export function filterJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  return entries
    .filter((e) => (filter.phaseId === null || e.phaseId === filter.phaseId)
      && (filter.areaId === null || e.areaIds.includes(filter.areaId))
      && (filter.decision === null || e.decisions.includes(filter.decision))
      && (filter.kinds.length === 0 || filter.kinds.includes(e.kind)))
    .sort(newestFirst);
}

/** Newest first: by date, then by when they were written. */
export function newestFirst(a: JournalEntry, b: JournalEntry): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}
