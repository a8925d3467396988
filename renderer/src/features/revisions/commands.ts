/**
 * What a planner does in History, as commands: save a revision with its reason, rename it,
 * delete it (with Undo), compare revisions with each other or with the plan now, and restore
 * one. Restoring is an edit of the plan, undone like any other; the rest touch only the history,
 * which the plan's undo never changes.
 */
import { subYears } from 'date-fns';
import type { CommandContext, PlanCommand } from '../../app/commands';
import { nowTimestamp } from '../../domain/ids';
import { errorMessage } from '../../domain/messages';
import { changeSummaryText, comparePlans, type PlanChanges } from '../../domain/plan-diff';
import { isThinnable, type Approval, type Revision } from '../../domain/revisions';
import { CHILD_COLLECTIONS, NAME_MAX, type PlanBundle } from '../../domain/schemas';
import type { PlanStore } from '../../storage/plan-store';
import type { ChangeSet, RowChange, TableName } from '../../storage/transactions';
import { beforeRestoreName, revisionTime } from './revision-words';

/** The app that writes a revision's plan file, as the file names it. */
export interface AppInfo {
  name: string;
  version: string;
}

/** What the planner types for a revision. */
export interface RevisionText {
  name: string;
  reason: string;
}

/** Saves the plan as it is now, named by the planner. */
export function saveNamedRevision(ctx: CommandContext, planId: string, text: RevisionText, app: AppInfo): Promise<Revision> {
  return ctx.store.saveRevision(planId, { name: text.name, reason: text.reason, kind: 'named' }, app);
}

/** Gives a revision a new name and reason. */
export async function renameRevision(ctx: CommandContext, revisionId: string, text: RevisionText): Promise<Revision> {
  return (await ctx.store.renameRevision(revisionId, text.name, text.reason)).after;
}

/** Deletes a revision; resolves to the Undo that puts it back as it was. */
export async function deleteRevision(ctx: CommandContext, revisionId: string): Promise<() => Promise<void>> {
  const deleted = await ctx.store.deleteRevision(revisionId);
  return () => ctx.store.restoreDeletedRevision(deleted);
}

/** Automatic revisions saved more than a year before `now` and never approved: what thinning the history removes. */
export function oldAutomaticRevisions(revisions: readonly Revision[], now: Date): Revision[] {
  const cutoff = subYears(now, 1).toISOString();
  return revisions.filter((r) => isThinnable(r) && r.createdAt < cutoff);
}

/**
 * Records that a body approved the plan as the revision holds it (or takes the approval off,
 * with null); resolves to the Undo that puts the revision back as it was.
 */
export async function setApproval(ctx: CommandContext, revisionId: string, approval: Approval | null): Promise<() => Promise<void>> {
  const { before } = await ctx.store.setApproval(revisionId, approval);
  return () => ctx.store.putRevisionBack(before);
}

/** Saves the plan as it is now as a revision the body approved, in one step. */
export function saveApprovedRevision(ctx: CommandContext, planId: string, text: RevisionText, approval: Approval, app: AppInfo): Promise<Revision> {
  return ctx.store.saveRevision(planId, { name: text.name, reason: text.reason, kind: 'named', approval }, app);
}

/**
 * Removes the plan's automatic revisions older than a year (never the ones the planner named);
 * resolves to how many went and the Undo that puts them all back.
 */
export async function thinOldRevisions(ctx: CommandContext, planId: string): Promise<{ count: number; undo: () => Promise<void> }> {
  const removed = await ctx.store.thinAutomaticRevisions(planId, subYears(ctx.now(), 1).toISOString());
  return { count: removed.length, undo: () => ctx.store.restoreDeletedRevisions(removed) };
}

/** A comparison as the History section shows it, or why it could not be made. */
export type Comparison =
  | { ok: true; changes: PlanChanges; summary: string }
  | { ok: false; message: string };

function compared(before: PlanBundle, after: PlanBundle): Comparison {
  const changes = comparePlans(before, after);
  return { ok: true, changes, summary: changeSummaryText(changes) };
}

/** What changed from a revision to the plan as it is now. A revision that cannot be read says why. */
export async function compareWithPlanNow(ctx: CommandContext, revisionId: string, planId: string): Promise<Comparison> {
  try {
    const [{ bundle: then }, now] = await Promise.all([ctx.store.loadRevision(revisionId), ctx.store.loadBundle(planId)]);
    if (!now) return { ok: false, message: 'This plan no longer exists. It may have been deleted in another window.' };
    return compared(then, now);
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** What changed from the older of two revisions to the newer, whichever order they were chosen in. */
export async function compareRevisions(ctx: CommandContext, a: Revision, b: Revision): Promise<Comparison> {
  const [older, newer] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  try {
    const [before, after] = await Promise.all([ctx.store.loadRevision(older.id), ctx.store.loadRevision(newer.id)]);
    return compared(before.bundle, after.bundle);
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

// ——— Restore ———

type StoredRow = { table: TableName; id: string; row: unknown };

/** A plan's rows as stored (the plan row with its deletedAt), keyed by table and id. */
async function storedRows(store: PlanStore, planId: string): Promise<Map<string, StoredRow>> {
  const [plan, bundle] = await Promise.all([store.getPlanRow(planId), store.loadBundle(planId)]);
  const rows = new Map<string, StoredRow>();
  if (plan) rows.set(`plans|${plan.id}`, { table: 'plans', id: plan.id, row: plan });
  for (const name of CHILD_COLLECTIONS) {
    for (const row of bundle?.[name] ?? []) rows.set(`${name}|${row.id}`, { table: name, id: row.id, row });
  }
  return rows;
}

/** JSON with object keys sorted, so that two rows equal in content read the same whatever order their fields were written in. */
const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (
  v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v
));

/** Every row that differs between two states of a plan: what Undo puts back and Redo writes again. */
function rowChanges(before: Map<string, StoredRow>, after: Map<string, StoredRow>): RowChange[] {
  const changes: RowChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const { table, id } = (now ?? was) as StoredRow;
    if (was && now && canonical(was.row) === canonical(now.row)) continue;
    changes.push({ table, id, before: was?.row, after: now?.row });
  }
  return changes;
}

/** A plan's rows as a revision holds them, as they would be stored now: the plan row keeps its deletedAt and takes today's change time. */
function revisionRows(bundle: PlanBundle, current: Map<string, StoredRow>, stamp: string): Map<string, StoredRow> {
  const rows = new Map<string, StoredRow>();
  const planRow = current.get(`plans|${bundle.plan.id}`)?.row as { deletedAt?: string | null } | undefined;
  // The restore is a change of the plan now, so the library lists it by today's time.
  rows.set(`plans|${bundle.plan.id}`, { table: 'plans', id: bundle.plan.id, row: { ...bundle.plan, updatedAt: stamp, deletedAt: planRow?.deletedAt ?? null } });
  for (const name of CHILD_COLLECTIONS) {
    for (const row of bundle[name]) rows.set(`${name}|${row.id}`, { table: name, id: row.id, row });
  }
  return rows;
}

/**
 * Makes the plan what it was when the revision was saved. The plan as it is now is saved first
 * as a revision of its own (kept even when the restore is undone); then only the records that
 * differ are written, removed or added, in one transaction, under the same plan id: the same
 * write Redo makes, so a restore of a revision close to the plan now writes a few records, not
 * the whole plan. A revision that cannot be read stops the restore before anything is written,
 * with the repository's message. Undo puts back every row that the restore changed.
 */
export function restoreRevision(revision: Pick<Revision, 'id' | 'planId' | 'name' | 'createdAt'>, app: AppInfo): PlanCommand<{ change: ChangeSet; kept: Revision }> {
  const planId = revision.planId;
  return {
    label: `Restore the revision “${revision.name}”`,
    announce: `Restored “${revision.name}”. The plan as it was before is kept in History.`,
    write: async ({ store, now }) => {
      const { bundle } = await store.loadRevision(revision.id);
      const kept = await store.saveRevision(planId, {
        name: beforeRestoreName(revision.name, NAME_MAX),
        reason: `Kept when “${revision.name}” of ${revisionTime(revision.createdAt)} was restored.`,
        kind: 'before-restore',
      }, app);
      const before = await storedRows(store, planId);
      const change: ChangeSet = { planId, changes: rowChanges(before, revisionRows(bundle, before, nowTimestamp(now()))) };
      try {
        await store.applyChange(change, 'redo');
      } catch (error) {
        // Another window changed the plan between the read and the write: nothing was written.
        if ((error as { reason?: unknown }).reason !== 'conflict') throw error;
        const why = errorMessage(error).replace(/^Could not redo the change: /, '');
        throw new Error(`Could not restore “${revision.name}”: ${why}`, { cause: error });
      }
      return { change, kept };
    },
  };
}
