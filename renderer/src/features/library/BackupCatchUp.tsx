import { useEffect } from 'react';
import { useNotify } from '../../app/notifications';

/** How long after start the first pass waits (the first screen comes first), and how often it runs after. */
export const CATCH_UP_AFTER_MS = 3000;
export const CATCH_UP_EVERY_MS = 60 * 60_000;

/**
 * Desktop only: backs up, when the app starts and then once an hour, every plan changed since
 * its newest backup (see `backUpChangedPlans`). Renders nothing; says so once if backups fail.
 * The backup code is fetched when the first pass runs, not with the first screen.
 */
export function BackupCatchUp() {
  const notify = useNotify();
  useEffect(() => {
    let stopped = false;
    let warned = false;
    let timer = 0;
    const pass = async () => {
      // A plain browser keeps no backups: it fetches nothing more than the host.
      const { getHost } = await import('../../host');
      if (stopped || !getHost().backups) return false;
      const [{ appServices }, { backUpChangedPlans }] = await Promise.all([import('../../app/services'), import('./backup-commands')]);
      const result = await backUpChangedPlans(appServices());
      const failed = result.failed[0];
      if (failed && !warned && !stopped) {
        warned = true;
        const others = result.failed.length > 1 ? ` (and ${result.failed.length - 1} other plan${result.failed.length > 2 ? 's' : ''})` : '';
        notify({ message: `Automatic backup failed${others}: ${failed.message}`, severity: 'warning' });
      }
      return true;
    };
    const run = (delay: number) => {
      timer = window.setTimeout(() => {
        void pass()
          .catch((error: unknown) => {
            if (warned || stopped) return true;
            warned = true;
            notify({ message: `Automatic backup failed: ${error instanceof Error ? error.message : String(error)}`, severity: 'warning' });
            return true;
          })
          .then((desktop) => { if (desktop && !stopped) run(CATCH_UP_EVERY_MS); });
      }, delay);
    };
    run(CATCH_UP_AFTER_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [notify]);
  return null;
}
