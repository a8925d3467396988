import { Suspense, useCallback, useState, type ReactNode } from 'react';
import { useNotify } from '../../app/notifications';
import { navigate, planRoute } from '../../app/router';
import type { ImportCandidate, ImportChoice } from './plan-file-commands';
import type { PlanBundle } from '../../domain/schemas';
import { errorMessage } from '../../domain/messages';
import { lazyView } from '../../components/lazy-view';

// Reading, checking and writing plan files (the file format, its upgrades, copying a plan), the
// app's services and the import dialogs are fetched on the first export or import, not with
// the first screen.
const commands = () => import('./plan-file-commands');
const services = async () => (await import('../../app/services')).appServices();
const problemsDialog = lazyView(async () => (await import('./ImportDialogs')).ImportProblemsDialog);
const conflictDialog = lazyView(async () => (await import('./ImportDialogs')).ImportConflictDialog);

/** Export and import as the UI runs them: messages, the conflict question, undo. */
export function usePlanFiles(): { exportPlanFile: (planId: string) => Promise<void>; importPlanFile: () => Promise<void>; dialogs: ReactNode } {
  const notify = useNotify();
  const [pending, setPending] = useState<Exclude<ImportCandidate, { status: 'cancelled' }> | null>(null);

  const exportPlanFile = useCallback(async (planId: string) => {
    try {
      const { exportPlan } = await commands();
      const result = await exportPlan(await services(), planId);
      if (result.status === 'saved') notify({ message: `Exported to ${result.location}.` });
    } catch (error) {
      notify({ message: `Could not export: ${errorMessage(error)}`, severity: 'error' });
    }
  }, [notify]);

  const write = useCallback(async (bundle: PlanBundle, choice: ImportChoice) => {
    setPending(null);
    try {
      const { applyImport } = await commands();
      const { planId, replacedCopyId, undo } = await applyImport(await services(), bundle, choice);
      const message = choice !== 'replace'
        ? `Imported “${bundle.plan.name}”.`
        : `Replaced “${bundle.plan.name}”.${replacedCopyId ? ' The plan it replaced is in Recently deleted.' : ''}`;
      notify({ message, action: { label: 'Undo', run: undo } });
      if (choice !== 'replace') navigate(planRoute(planId));
    } catch (error) {
      notify({ message: errorMessage(error), severity: 'error' });
    }
  }, [notify]);

  const importPlanFile = useCallback(async () => {
    try {
      const [{ pickImportFile }, ctx] = await Promise.all([commands(), services()]);
      // The dialogs arrive while the planner picks a file, so an answer never waits on them.
      void problemsDialog.preload().catch(() => undefined);
      void conflictDialog.preload().catch(() => undefined);
      const candidate = await pickImportFile(ctx);
      if (candidate.status === 'cancelled') return;
      if (candidate.status === 'ready' && !candidate.existing) {
        await write(candidate.bundle, 'add');
        return;
      }
      setPending(candidate);
    } catch (error) {
      notify({ message: `Could not read the file: ${errorMessage(error)}`, severity: 'error' });
    }
  }, [notify, write]);

  let dialogs: ReactNode = null;
  if (pending?.status === 'invalid') {
    dialogs = <problemsDialog.View fileName={pending.fileName} summary={pending.summary} problems={pending.problems} onClose={() => setPending(null)} />;
  } else if (pending?.status === 'ready' && pending.existing) {
    const { bundle, existing } = pending;
    dialogs = (
      <conflictDialog.View
        planName={bundle.plan.name}
        existingName={existing.name}
        existingDeleted={existing.deleted}
        onChoose={(choice) => void write(bundle, choice)}
        onClose={() => setPending(null)}
      />
    );
  }
  return { exportPlanFile, importPlanFile, dialogs: <Suspense fallback={null}>{dialogs}</Suspense> };
}
