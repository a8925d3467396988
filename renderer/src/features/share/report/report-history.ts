/**
 * What a printed report says about the plan's history: how it stands against the revision a body
 * last approved, and which journal entries go on paper. Pure, so the words are the same on the
 * packet's cover, in its appendix and on the "What changed since approval" page.
 */
import type { JournalEntry } from '../../../domain/journal';
import type { PlanChanges } from '../../../domain/plan-diff';
import { formatDisplayDate } from '../../../domain/phase-rules';
import type { Approval } from '../../../domain/revisions';
import type { Phase } from '../../../domain/schemas';
import { plural } from '../../../domain/words';

/**
 * The plan against its baseline: no revision is approved; the approved one could not be read
 * (with the store's message, which names it); or the changes from it to the plan now.
 */
export type ApprovalChanges =
  | { status: 'none' }
  | { status: 'unreadable'; approval: Approval; message: string }
  | { status: 'compared'; approval: Approval; changes: PlanChanges };

/** What a report knows of the plan's history, once loaded. */
export interface ReportHistory {
  approval: ApprovalChanges;
  /** The plan's journal, in any order. */
  journal: readonly JournalEntry[];
}

/** A report with no history to tell: a draft, no journal. */
export const NO_HISTORY: ReportHistory = { approval: { status: 'none' }, journal: [] };

/** Where a planner marks a revision approved, for the pages that need one. */
export const HOW_TO_APPROVE = 'To mark one, open History, open a revision’s menu and choose Mark as approved….';

/**
 * "Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14) · 2 changes since"; without
 * the count when the changes are not known (the approved revision could not be read).
 */
export function approvalLine(approval: Approval, changeCount: number | null): string {
  const reference = approval.reference.trim() ? ` (${approval.reference.trim()})` : '';
  const since = changeCount === null ? '' : ` · ${plural(changeCount, 'change')} since`;
  return `Approved by ${approval.body} on ${formatDisplayDate(approval.date)}${reference}${since}`;
}

/**
 * The status the packet's cover prints: approved when the plan is as the body approved it, a
 * draft based on that approval when it has changed since, a plain draft otherwise (no approval,
 * or one whose revision cannot be read, so nothing can be said of it).
 */
export function coverStatus(approval: ApprovalChanges): string {
  if (approval.status !== 'compared') return 'Draft';
  const { total } = approval.changes.summary;
  const date = formatDisplayDate(approval.approval.date);
  if (total === 0) return `Approved by ${approval.approval.body}, ${date}`;
  return `Draft · based on the plan approved ${date} (${plural(total, 'change')} since)`;
}

/** The journal entries under one heading of the packet: a phase's, or the other entries'. */
export interface JournalGroup {
  /** The phase's id, or "other" for entries whose phase was removed. */
  key: string;
  title: string;
  entries: JournalEntry[];
}

/** Oldest first, as a board reads a story: by date, then by when they were written. */
function oldestFirst(a: JournalEntry, b: JournalEntry): number {
  return a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * The journal as the packet prints it: one group per covered phase that has entries, in plan
 * order, then "Other entries" for those whose phase was removed from the plan (only when the
 * packet covers the whole plan: a packet about chosen phases keeps to them). Internal entries
 * stay out unless `leaveOutInternal` is false.
 */
export function journalGroups(
  entries: readonly JournalEntry[],
  { phases, covered, leaveOutInternal }: { phases: readonly Phase[]; covered: readonly Phase[]; leaveOutInternal: boolean },
): JournalGroup[] {
  const shared = entries.filter((e) => !leaveOutInternal || !e.internal).sort(oldestFirst);
  const groups: JournalGroup[] = covered.flatMap((phase) => {
    const own = shared.filter((e) => e.phaseId === phase.id);
    return own.length > 0 ? [{ key: phase.id, title: phase.name, entries: own }] : [];
  });
  if (covered.length === phases.length) {
    const known = new Set(phases.map((p) => p.id));
    const other = shared.filter((e) => !known.has(e.phaseId));
    if (other.length > 0) groups.push({ key: 'other', title: 'Other entries', entries: other });
  }
  return groups;
}
