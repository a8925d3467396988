/**
 * A revision: a saved state of a plan, with its name and the reason it changed. The state itself
 * is the plan's native file text, gzipped, stored apart from this record so that listing a
 * plan's history never reads it.
 */
import { z } from 'zod';
import { addDays, format, parseISO, startOfDay } from 'date-fns';
import { idSchema, isoDateSchema, NAME_MAX, TEXT_MAX, timestampSchema } from './schemas';

/**
 * Why a revision exists: the planner saved it, or the app kept the plan as it was before an
 * import replaced it, before a revision was restored over it, or at the first edit of a day.
 */
export const REVISION_KINDS = ['named', 'before-import', 'before-restore', 'daily'] as const;
export const revisionKindSchema = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof revisionKindSchema>;

const byteCount = z.number().int('must be a whole number').min(0, 'cannot be negative');

/** Who approved the board's baseline of a plan, and where that is recorded. */
export const approvalSchema = z.object({
  /** The day the body approved the plan. */
  date: isoDateSchema,
  /** Who approved it: "Board of Education". */
  body: z.string().trim().min(1, 'cannot be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  /** Where it is recorded: minutes, a resolution number. May be empty. */
  reference: z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
});
export type Approval = z.infer<typeof approvalSchema>;

export const revisionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  createdAt: timestampSchema,
  name: z.string().trim().min(1, 'cannot be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  reason: z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX.toLocaleString('en-US')} characters`),
  kind: revisionKindSchema,
  /** Bytes stored (gzipped): what the revision costs on disk. */
  sizeBytes: byteCount,
  /** Bytes of the plan file text before compression. */
  planBytes: byteCount,
  /** The plan file format the stored text is written in; older ones migrate forward when read. */
  formatVersion: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  /** Set when a body (a board) approved the plan as this revision holds it: a baseline. */
  approval: approvalSchema.nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;

/** What the planner (or the app, for automatic revisions) says about a revision. */
export interface RevisionLabel {
  name: string;
  reason: string;
  kind: RevisionKind;
  /** Saved as approved already: the planner records a board's approval of the plan as it is now. */
  approval?: Approval | null;
}

/** The day `moment` falls on in the planner's time zone, as stored timestamps and in words. */
export function localDay(moment: Date): { from: string; until: string; label: string } {
  const start = startOfDay(moment);
  return { from: start.toISOString(), until: addDays(start, 1).toISOString(), label: format(start, 'MMM d, yyyy') };
}

/** "Nov 30, 2026, 2:05 PM": when a revision was saved, as History, the journal and messages name it. */
export function revisionTime(createdAt: string): string {
  return format(parseISO(createdAt), 'MMM d, yyyy, h:mm a');
}

/** Whether thinning may remove a revision: only automatic ones that no body approved. */
export function isThinnable(revision: Pick<Revision, 'kind' | 'approval'>): boolean {
  return revision.kind !== 'named' && revision.approval === null;
}

/**
 * The plan's baseline: the revision approved most recently (by the day of approval, then by
 * when it was saved), or null when none is.
 */
export function latestApproved<R extends Pick<Revision, 'approval' | 'createdAt'>>(revisions: readonly R[]): (R & { approval: Approval }) | null {
  let best: (R & { approval: Approval }) | null = null;
  for (const revision of revisions) {
    const { approval } = revision;
    if (!approval) continue;
    if (!best || approval.date > best.approval.date || (approval.date === best.approval.date && revision.createdAt > best.createdAt)) {
      best = { ...revision, approval };
    }
  }
  return best;
}
