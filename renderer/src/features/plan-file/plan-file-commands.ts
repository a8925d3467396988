/**
 * Export a plan to a `.roadmap.json` file, and import one back after validating all of it,
 * from a plan file or from a read-only copy (a web page that carries the plan file inside it).
 */
import type { Host } from '../../host/host';
import type { PlanStore } from '../../storage/plan-store';
import type { PlanBundle } from '../../domain/schemas';
import { bundleFromFile, planFileName, readPlanFile, serializePlanFile, type FileProblem } from '../../domain/plan-file';
import { copyName, copyPlanBundle } from '../../domain/plan-copy';
import { nowTimestamp } from '../../domain/ids';
import { looksLikeHtml, planFileTextFromHtml } from '../../domain/html-copy';
import { readFileRevisions, toFileRevision } from '../../domain/plan-file-history';
import type { ImportedHistory } from '../../storage/library-repository';
import { recordExport } from './export-records';

export interface PlanFileContext {
  store: PlanStore;
  host: Host;
  now: () => Date;
  appVersion: string;
}

const PLAN_FILE_FILTERS = [{ name: 'Roadmap plan', extensions: ['json'] }];
const IMPORT_FILTERS = [{ name: 'Roadmap plan or read-only copy', extensions: ['json', 'html', 'htm'] }];

/**
 * Saves the plan as a plan file. With history, the file also carries the plan's revisions
 * (with their saved states) and its journal, and imports them back.
 */
export async function exportPlan(ctx: PlanFileContext, planId: string, options: { withHistory?: boolean } = {}) {
  const [bundle, history] = await Promise.all([
    ctx.store.loadBundle(planId),
    options.withHistory ? ctx.store.exportHistory(planId) : Promise.resolve(null),
  ]);
  if (!bundle) throw new Error('This plan no longer exists.');
  const fileHistory = history ? { journal: history.journal, revisions: history.revisions.map(toFileRevision) } : undefined;
  const content = serializePlanFile(bundle, { name: 'Roadmap Planner', version: ctx.appVersion }, nowTimestamp(ctx.now()), fileHistory);
  const result = await ctx.host.saveFile({ suggestedName: planFileName(bundle.plan.name), content, filters: PLAN_FILE_FILTERS });
  // The library's reminder to export counts from here.
  if (result.status === 'saved') recordExport(planId, ctx.now());
  return result;
}

export type ImportCandidate =
  | { status: 'cancelled' }
  | { status: 'invalid'; fileName: string; summary: string; problems: FileProblem[] }
  | {
    status: 'ready';
    fileName: string;
    /** The file's length in characters. */
    size: number;
    bundle: PlanBundle;
    existing: { name: string; deleted: boolean } | null;
    /** The history the file carries (saved "with history"), checked; null when it carries none. */
    history: ImportedHistory | null;
    /** Revisions in the file that could not be read, in words; they are left out, the rest imports. */
    unreadable: string[];
  };

/** How far the check of a chosen file is: its revisions are counted, since a long history takes seconds. */
export interface ImportProgress {
  fileName: string;
  /** The file's length in characters: a large one takes a while to read even without history. */
  size: number;
  /** Reading the plan, then checking its revisions one by one (a file with history). */
  stage: 'reading' | 'checking';
  /** Revisions checked so far, of `revisions` (0 of 0 while reading). */
  checked: number;
  revisions: number;
}

/**
 * Asks for a file and checks every part of it. Writes nothing. `onProgress` hears when the
 * checking starts and after each revision; aborting `signal` stops it between revisions, and the
 * import ends as if the file had not been chosen.
 */
export async function pickImportFile(ctx: PlanFileContext, options: { onProgress?: (progress: ImportProgress) => void | Promise<void>; signal?: AbortSignal } = {}): Promise<ImportCandidate> {
  const opened = await ctx.host.openFile({ filters: IMPORT_FILTERS });
  if (opened.status === 'cancelled') return opened;
  try {
    return await checkImportFile(ctx, opened, options);
  } catch (error) {
    if (options.signal?.aborted) return { status: 'cancelled' };
    throw error;
  }
}

async function checkImportFile(
  ctx: PlanFileContext,
  opened: { name: string; content: string },
  { onProgress, signal }: { onProgress?: (progress: ImportProgress) => void | Promise<void>; signal?: AbortSignal },
): Promise<Exclude<ImportCandidate, { status: 'cancelled' }>> {
  const progress = { fileName: opened.name, size: opened.content.length };
  // Awaited: reading a large file holds the page, so the caller may let its progress be painted first.
  await onProgress?.({ ...progress, stage: 'reading', checked: 0, revisions: 0 });
  let text = opened.content;
  if (looksLikeHtml(opened.name, text)) {
    const embedded = planFileTextFromHtml(text);
    if (!embedded.ok) return { status: 'invalid', fileName: opened.name, summary: embedded.summary, problems: [] };
    text = embedded.text;
  }
  const read = readPlanFile(text);
  if (!read.ok) return { status: 'invalid', fileName: opened.name, summary: read.summary, problems: read.problems };
  const bundle = bundleFromFile(read.file);
  const { journal, revisions } = read.file;
  if (revisions?.length) await onProgress?.({ ...progress, stage: 'checking', checked: 0, revisions: revisions.length });
  const fromFile = journal || revisions
    ? await readFileRevisions(revisions ?? [], bundle.plan.id, { signal, onProgress: (checked, total) => onProgress?.({ ...progress, stage: 'checking', checked, revisions: total }) })
    : null;
  signal?.throwIfAborted();
  const existing = await ctx.store.getPlanRow(bundle.plan.id);
  return {
    status: 'ready',
    fileName: opened.name,
    size: opened.content.length,
    bundle,
    existing: existing ? { name: existing.name, deleted: existing.deletedAt !== null } : null,
    history: fromFile ? { revisions: fromFile.revisions, journal: journal ?? [] } : null,
    unreadable: fromFile?.unreadable ?? [],
  };
}

export type ImportChoice = 'add' | 'keep-both' | 'replace';

export interface ImportOutcome {
  planId: string;
  /** Where the plan that was in the library went, for a replace. */
  replacedCopyId: string | null;
  undo: () => Promise<void>;
}

/**
 * Writes the checked plan, with the history the file carried, in one transaction; returns its
 * id and the undo. A copy ("keep both") starts without history: the plan already in the library
 * keeps its own. Undoing puts the plan back; revisions and journal entries the file brought stay.
 */
export async function applyImport(ctx: PlanFileContext, bundle: PlanBundle, choice: ImportChoice, history: ImportedHistory | null = null): Promise<ImportOutcome> {
  const withHistory = history ? { history } : {};
  if (choice === 'keep-both') {
    const taken = new Set((await ctx.store.listPlans()).map((p) => p.name));
    const copy = copyPlanBundle(bundle, copyName(bundle.plan.name, taken, 'imported'), ctx.now());
    await ctx.store.importBundle(copy, 'add');
    return { planId: copy.plan.id, replacedCopyId: null, undo: () => ctx.store.deletePlan(copy.plan.id) };
  }
  if (choice === 'replace') {
    const previous = await ctx.store.loadBundle(bundle.plan.id);
    const previousRow = await ctx.store.getPlanRow(bundle.plan.id);
    // The plan as it was stays in its History too (the copy in Recently deleted goes in 30 days).
    if (previous) {
      await ctx.store.saveRevision(bundle.plan.id, { name: 'Before an import replaced the plan', reason: '', kind: 'before-import' }, { name: 'Roadmap Planner', version: ctx.appVersion });
    }
    const { replacedCopyId } = await ctx.store.importBundle(bundle, 'replace', withHistory);
    const undo = async () => {
      if (previous) {
        await ctx.store.importBundle(previous, 'replace', { keepReplaced: false });
        if (previousRow?.deletedAt) await ctx.store.deletePlan(previous.plan.id);
      } else {
        await ctx.store.deletePlan(bundle.plan.id);
      }
      if (replacedCopyId) await ctx.store.purgePlan(replacedCopyId);
    };
    return { planId: bundle.plan.id, replacedCopyId, undo };
  }
  await ctx.store.importBundle(bundle, 'add', withHistory);
  return { planId: bundle.plan.id, replacedCopyId: null, undo: () => ctx.store.deletePlan(bundle.plan.id) };
}
