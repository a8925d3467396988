import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../app/store';
import { appServices } from '../../app/services';
import { useNotify } from '../../app/notifications';
import { errorMessage } from '../../domain/messages';
import { BackupScheduler } from './backup-scheduler';
import { backupPlan } from './backup-commands';
import { recordChange } from '../plan-file/export-records';

/**
 * While a plan is open, follows its saved changes (the plan's change time moving): the desktop
 * app backs it up (at most every 5 minutes, at once on the day's first change, and when the
 * planner leaves the plan with a change not yet backed up); a plain browser notes when its
 * changes began going without an export, for the library's reminder.
 */
export function useAutoBackup(planId: string): void {
  const notify = useNotify();
  const updatedAt = useLiveQuery(async () => (await planStore.getPlanRow(planId))?.updatedAt ?? null, [planId], undefined);
  const scheduler = useRef<BackupScheduler | null>(null);
  const seen = useRef<{ planId: string; updatedAt: string | null } | null>(null);

  useEffect(() => {
    const ctx = appServices();
    if (!ctx.host.backups) return;
    // One warning per plan opened: a full disk should be said, not repeated at every edit.
    let warned = false;
    const current = new BackupScheduler(
      () => backupPlan(ctx, planId),
      (error) => {
        if (warned) return;
        warned = true;
        notify({ message: `Automatic backup failed: ${errorMessage(error)}`, severity: 'warning' });
      },
    );
    scheduler.current = current;
    return () => {
      current.flush();
      current.dispose();
      if (scheduler.current === current) scheduler.current = null;
    };
  }, [planId, notify]);

  useEffect(() => {
    if (updatedAt === undefined) return;
    const previous = seen.current;
    seen.current = { planId, updatedAt };
    // The first reading is the plan as it was opened, not a change.
    if (previous?.planId !== planId || updatedAt === null || previous.updatedAt === updatedAt) return;
    if (scheduler.current) scheduler.current.changed();
    else recordChange(planId, new Date());
  }, [planId, updatedAt]);
}
