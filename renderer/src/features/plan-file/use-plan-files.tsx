import { useCallback, useState, type ReactNode } from 'react';
import { useNotify } from '../../app/notifications';
import { appServices } from '../../app/services';
import { navigate, planRoute } from '../../app/router';
import { applyImport, exportPlan, pickImportFile, type ImportCandidate, type ImportChoice } from './plan-file-commands';
import { ImportConflictDialog, ImportProblemsDialog } from './ImportDialogs';
import type { PlanBundle } from '../../domain/schemas';
import { errorMessage } from '../../domain/messages';

/** Export and import as the UI runs them: messages, the conflict question, undo. */
export function usePlanFiles(): { exportPlanFile: (planId: string) => Promise<void>; importPlanFile: () => Promise<void>; dialogs: ReactNode } {
  const notify = useNotify();
  const [pending, setPending] = useState<Exclude<ImportCandidate, { status: 'cancelled' }> | null>(null);

  const exportPlanFile = useCallback(async (planId: string) => {
    try {
      const result = await exportPlan(appServices(), planId);
      if (result.status === 'saved') notify({ message: `Exported to ${result.location}.` });
    } catch (error) {
      notify({ message: `Could not export: ${errorMessage(error)}`, severity: 'error' });
    }
  }, [notify]);

  const write = useCallback(async (bundle: PlanBundle, choice: ImportChoice) => {
    setPending(null);
    try {
      const { planId, replacedCopyId, undo } = await applyImport(appServices(), bundle, choice);
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
      const candidate = await pickImportFile(appServices());
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
    dialogs = <ImportProblemsDialog fileName={pending.fileName} summary={pending.summary} problems={pending.problems} onClose={() => setPending(null)} />;
  } else if (pending?.status === 'ready' && pending.existing) {
    const { bundle, existing } = pending;
    dialogs = (
      <ImportConflictDialog
        planName={bundle.plan.name}
        existingName={existing.name}
        existingDeleted={existing.deleted}
        onChoose={(choice) => void write(bundle, choice)}
        onClose={() => setPending(null)}
      />
    );
  }
  return { exportPlanFile, importPlanFile, dialogs };
}
