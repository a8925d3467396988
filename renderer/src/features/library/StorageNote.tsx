import { useEffect, useState } from 'react';
import Typography from '@mui/material/Typography';
import type { AppInfo } from '../../host/host';
import { storagePersistence, type PersistenceState } from '../../storage/persistence';
import { estimateStorage, usageSentence, type StorageUsage } from '../../storage/storage-usage';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted: 'They stay even if the computer runs short of disk space: it will not clear them to make room.',
  'not-granted': 'If the computer runs short of disk space, it may clear them to make room: export the plans you cannot lose (Export in a plan) and keep the files safe.',
  unsupported: 'Export the plans you cannot lose (Export in a plan) and keep the files safe.',
};

/**
 * Says where plans are kept, so a planner knows what to back up, and how much space they take
 * and how much is left (where the browser gives an estimate), before a full disk says it.
 */
export function StorageNote({ estimate = estimateStorage }: { estimate?: () => Promise<StorageUsage | null> }) {
  const [info, setInfo] = useState<{ app: AppInfo; backups: boolean; persistence: PersistenceState; usage: StorageUsage | null } | null>(null);
  useEffect(() => {
    let live = true;
    // The host (and the IPC contract it checks replies with) is fetched, not in the first script.
    const shell = import('../../host').then(async ({ getHost }) => ({ app: await getHost().appInfo(), backups: getHost().backups !== undefined }));
    void Promise.all([shell, storagePersistence(), estimate()]).then(([{ app, backups }, persistence, usage]) => {
      if (live) setInfo({ app, backups, persistence, usage });
    });
    return () => { live = false; };
  }, [estimate]);
  if (!info) return null;
  return (
    <Typography component="footer" variant="body2" color="text.secondary" sx={{ mt: 4 }}>
      {`${info.app.name} ${info.app.version}. Plans are kept on this computer, in ${info.app.userDataPath}. ${info.usage ? `${usageSentence(info.usage)} ` : ''}${PERSISTENCE_TEXT[info.persistence]}${info.backups ? ' The app also keeps automatic backups of every changed plan in the Backups folder there (see Backups, above).' : ''}`}
    </Typography>
  );
}
