import { Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { useNotify } from '../../app/notifications';
import { navigate, planRoute } from '../../app/router';
import type { ImportCandidate, ImportChoice } from './plan-file-commands';
import type { ImportProgressState } from './ImportDialogs';
import { errorMessage } from '../../domain/messages';
import { failureMessage } from '../../app/failure-message';
import { lazyView } from '../../components/lazy-view';

// Reading, checking and writing plan files (the file format, its upgrades, copying a plan), the
// app's services and the import dialogs are fetched on the first export or import, not with
// the first screen.
const commands = () => import('./plan-file-commands');
const services = async () => (await import('../../app/services')).appServices();
const problemsDialog = lazyView(async () => (await import('./ImportDialogs')).ImportProblemsDialog);
const conflictDialog = lazyView(async () => (await import('./ImportDialogs')).ImportConflictDialog);
const progressDialog = lazyView(async () => (await import('./ImportDialogs')).ImportProgressDialog);

type ReadyImport = Extract<ImportCandidate, { status: 'ready' }>;

/** A file this long (about 1 MB) takes long enough to read and save that the import shows how it goes. */
const LARGE_FILE_CHARS = 1_000_000;
const PAINT_EVERY_MS = 100;
const SHOW_AFTER_MS = 400;

/**
 * Settles once the browser has painted what React rendered and handled the input waiting. A
 * hidden window paints nothing (and may not run animation frames at all): there it settles at once.
 */
function nextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** What the file's history added, for the import's message: " with its history: 12 revisions and 5 journal entries". */
function historyWords(history: ReadyImport['history']): string {
  if (!history) return '';
  const revisions = history.revisions.length;
  const entries = history.journal.length;
  return ` with its history: ${revisions} ${revisions === 1 ? 'revision' : 'revisions'} and ${entries} journal ${entries === 1 ? 'entry' : 'entries'}`;
}

/** Export and import as the UI runs them: messages, the conflict question, undo. */
export function usePlanFiles(): { exportPlanFile: (planId: string, options?: { withHistory?: boolean }) => Promise<void>; importPlanFile: () => Promise<void>; dialogs: ReactNode } {
  const notify = useNotify();
  const [pending, setPending] = useState<Exclude<ImportCandidate, { status: 'cancelled' }> | null>(null);
  // A file with history: how far its check (then its saving) is, and how to stop the check.
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const checking = useRef<AbortController | null>(null);

  const exportPlanFile = useCallback(async (planId: string, options: { withHistory?: boolean } = {}) => {
    try {
      const { exportPlan } = await commands();
      const result = await exportPlan(await services(), planId, options);
      if (result.status === 'saved') notify({ message: `Exported to ${result.location}.` });
    } catch (error) {
      notify({ message: `Could not export: ${errorMessage(error)}`, severity: 'error' });
    }
  }, [notify]);

  const write = useCallback(async (candidate: ReadyImport, choice: ImportChoice) => {
    setPending(null);
    const { bundle, history, unreadable } = candidate;
    const revisions = choice === 'keep-both' ? 0 : history?.revisions.length ?? 0;
    // A long history makes a large file; a small one saves in a blink, without a dialog.
    if (candidate.size > LARGE_FILE_CHARS) setProgress({ fileName: candidate.fileName, stage: 'saving', checked: revisions, revisions });
    try {
      const { applyImport } = await commands();
      const outcome = await applyImport(await services(), bundle, choice, choice === 'keep-both' ? null : history).finally(() => setProgress(null));
      const { planId, replacedCopyId, undo } = outcome;
      const message = choice !== 'replace'
        ? `Imported “${bundle.plan.name}”${historyWords(choice === 'keep-both' ? null : history)}.`
        : `Replaced “${bundle.plan.name}”${historyWords(history)}.${replacedCopyId ? ' The plan it replaced is in Recently deleted.' : ''}`;
      if (unreadable.length > 0 && choice !== 'keep-both') {
        const count = unreadable.length === 1 ? 'One revision' : `${unreadable.length} revisions`;
        notify({ message: `${message} ${count} in the file could not be read and ${unreadable.length === 1 ? 'was' : 'were'} left out: ${unreadable.join(' ')}`, severity: 'warning', action: { label: 'Undo', run: undo } });
      } else {
        notify({ message, action: { label: 'Undo', run: undo } });
      }
      if (choice !== 'replace') navigate(planRoute(planId));
    } catch (error) {
      // An import refused for space says how much is used and what can be freed.
      notify({ message: await failureMessage(error), severity: 'error' });
    }
  }, [notify]);

  const importPlanFile = useCallback(async () => {
    try {
      const [{ pickImportFile }, ctx] = await Promise.all([commands(), services()]);
      // The dialogs arrive while the planner picks a file, so an answer never waits on them.
      void problemsDialog.preload().catch(() => undefined);
      void conflictDialog.preload().catch(() => undefined);
      void progressDialog.preload().catch(() => undefined);
      const controller = new AbortController();
      checking.current = controller;
      let painted = 0;
      let shown = false;
      let started: number | null = null;
      const candidate = await pickImportFile(ctx, {
        signal: controller.signal,
        onProgress: ({ fileName, size, stage, checked, revisions }) => {
          if (controller.signal.aborted) return;
          started ??= performance.now(); // the file is chosen: its check begins
          // A large file at once (reading it holds the page); a history that is still being
          // checked after a moment; a quick import never flashes a dialog.
          shown ||= size > LARGE_FILE_CHARS || (revisions > 0 && performance.now() - started > SHOW_AFTER_MS);
          if (!shown) return;
          setProgress({ fileName, stage, checked, revisions });
          // The checking holds the page between its steps: let the dialog be painted (and a
          // click on Cancel be heard) at the start of each stage and every tenth of a second.
          if (checked > 0 && performance.now() - painted < PAINT_EVERY_MS) return;
          // The dialog's code first, if it is still on its way, then a frame to show it in.
          return progressDialog.preload().catch(() => undefined).then(nextPaint).then(() => { painted = performance.now(); });
        },
      }).finally(() => {
        if (checking.current === controller) checking.current = null;
        setProgress(null);
      });
      if (candidate.status === 'cancelled') {
        if (controller.signal.aborted) notify({ message: 'Import cancelled. Your library is unchanged.' });
        return;
      }
      if (candidate.status === 'ready' && !candidate.existing) {
        await write(candidate, 'add');
        return;
      }
      setPending(candidate);
    } catch (error) {
      notify({ message: `Could not read the file: ${errorMessage(error)}`, severity: 'error' });
    }
  }, [notify, write]);

  let dialogs: ReactNode = null;
  if (progress) {
    dialogs = <progressDialog.View progress={progress} onCancel={() => checking.current?.abort()} />;
  } else if (pending?.status === 'invalid') {
    dialogs = <problemsDialog.View fileName={pending.fileName} summary={pending.summary} problems={pending.problems} onClose={() => setPending(null)} />;
  } else if (pending?.status === 'ready' && pending.existing) {
    const { bundle, existing } = pending;
    const candidate = pending;
    dialogs = (
      <conflictDialog.View
        planName={bundle.plan.name}
        existingName={existing.name}
        existingDeleted={existing.deleted}
        hasHistory={pending.history !== null}
        onChoose={(choice) => void write(candidate, choice)}
        onClose={() => setPending(null)}
      />
    );
  }
  return { exportPlanFile, importPlanFile, dialogs: <Suspense fallback={null}>{dialogs}</Suspense> };
}
