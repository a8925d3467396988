/**
 * Automatic backups as the renderer sees them (desktop only): what is sent, and how a backup
 * comes back as a plan. A backup is a plan file without history, and coming back it passes
 * exactly the import's checks, as a new plan beside the ones in the library, never over one.
 */
import type { PlanBundle } from '../../domain/schemas';
import { bundleFromFile, readPlanFile, serializePlanFile, type FileProblem } from '../../domain/plan-file';
import { nowTimestamp } from '../../domain/ids';
import type { BackupEntry, WriteBackupResult } from '../../host/host';
import { copyName, copyPlanBundle } from '../../domain/plan-copy';
import type { PlanFileContext } from '../plan-file/plan-file-commands';
import type { PlanSummary } from '../../storage/library-repository';
import { newestBackups, recordBackup, recordBackupList } from './backup-status';

/**
 * Sends the plan as it is now to the Backups folder. Without history: the plan's revisions are
 * kept in the app's data and exported "with history" on demand; ten weeks of rotating copies of
 * them all would multiply the largest part of a plan by thirty.
 */
export async function backupPlan(ctx: PlanFileContext, planId: string): Promise<WriteBackupResult> {
  const backups = ctx.host.backups;
  if (!backups) throw new Error('Backups are kept by the desktop app only.');
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const content = serializePlanFile(bundle, { name: 'Roadmap Planner', version: ctx.appVersion }, nowTimestamp(ctx.now()));
  const result = await backups.write({ planId, planName: bundle.plan.name, content });
  if (result.status === 'saved') recordBackup(planId, result.savedAt);
  return result;
}

/**
 * The plans changed since their newest backup (or never backed up), oldest change first: what
 * the app backs up when it starts and once an hour while it runs. A plan edited while the app
 * was closed cannot be, but one imported, restored, duplicated or changed in a window that closed
 * before its backup was due is caught here, so every plan that changed has a backup within the
 * hour and from each day it changed.
 */
export function plansToBackUp(plans: readonly Pick<PlanSummary, 'id' | 'updatedAt' | 'deletedAt'>[], backups: readonly BackupEntry[]): string[] {
  const newest = newestBackups(backups);
  const backedUpAt = (planId: string) => {
    const savedAt = newest.get(planId);
    return savedAt === undefined ? -Infinity : Date.parse(savedAt);
  };
  return plans
    .filter((plan) => !plan.deletedAt && Date.parse(plan.updatedAt) > backedUpAt(plan.id))
    .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt))
    .map((plan) => plan.id);
}

export interface CatchUpResult {
  backedUp: number;
  /** Written less than a few minutes ago: the next pass takes them. */
  waiting: number;
  failed: { planId: string; message: string }[];
}

/**
 * Backs up every plan changed since its newest backup, one after another. A plan that fails is
 * reported and the others still go; the list of backups is read again at the end for the
 * library's "Last backed up".
 */
export async function backUpChangedPlans(ctx: PlanFileContext): Promise<CatchUpResult> {
  const backups = ctx.host.backups;
  if (!backups) throw new Error('Backups are kept by the desktop app only.');
  const [plans, listed] = await Promise.all([ctx.store.listPlans(), backups.list()]);
  recordBackupList(listed.backups);
  const result: CatchUpResult = { backedUp: 0, waiting: 0, failed: [] };
  for (const planId of plansToBackUp(plans, listed.backups)) {
    try {
      const written = await backupPlan(ctx, planId);
      if (written.status === 'saved') result.backedUp += 1;
      else result.waiting += 1;
    } catch (error) {
      result.failed.push({ planId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** Backups grouped by plan, newest plan activity first, each plan's backups newest first. */
export function backupsByPlan(backups: readonly BackupEntry[]): { planId: string; planName: string; backups: BackupEntry[] }[] {
  const groups = new Map<string, BackupEntry[]>();
  for (const backup of [...backups].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))) {
    const group = groups.get(backup.planId);
    if (group) group.push(backup);
    else groups.set(backup.planId, [backup]);
  }
  // The newest backup's name: what the plan is called now, if it was renamed.
  return [...groups].map(([planId, list]) => ({ planId, planName: list[0]?.planName ?? '', backups: list }));
}

export type BackupCheck =
  | { status: 'invalid'; fileName: string; summary: string; problems: FileProblem[] }
  | { status: 'ready'; fileName: string; bundle: PlanBundle };

/** Reads a backup and checks every part of it, as an import does. Writes nothing. */
export async function checkBackup(ctx: PlanFileContext, file: string): Promise<BackupCheck> {
  const backups = ctx.host.backups;
  if (!backups) throw new Error('Backups are kept by the desktop app only.');
  const fileName = file.split('/').at(-1) ?? file;
  let text: string;
  try {
    text = await backups.read(file);
  } catch (error) {
    return { status: 'invalid', fileName, summary: error instanceof Error ? error.message : String(error), problems: [] };
  }
  const read = readPlanFile(text);
  if (!read.ok) return { status: 'invalid', fileName, summary: read.summary, problems: read.problems };
  return { status: 'ready', fileName, bundle: bundleFromFile(read.file) };
}

/**
 * Adds the backed-up plan as a new plan: a copy with its own ids and a name that says where it
 * came from ("Pilot (restored)"), written as an import's "Keep both" writes, in one transaction.
 * The plan in the library, if it is still there, is not touched. Returns the new plan's id and
 * the undo.
 */
export async function restoreBackupAsNewPlan(ctx: PlanFileContext, bundle: PlanBundle): Promise<{ planId: string; planName: string; undo: () => Promise<void> }> {
  const taken = new Set((await ctx.store.listPlans()).map((p) => p.name));
  const copy = copyPlanBundle(bundle, copyName(bundle.plan.name, taken, 'restored'), ctx.now());
  await ctx.store.importBundle(copy, 'add');
  return { planId: copy.plan.id, planName: copy.plan.name, undo: () => ctx.store.deletePlan(copy.plan.id) };
}
