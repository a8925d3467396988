import { useEffect, useState, useSyncExternalStore } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined';
import type { Host } from '../host';
import type { AppInfo } from '../host/host';
import { checkDatabaseVersion, newerDatabaseRefused, reportNewerDatabase, subscribeNewerDatabase, versionWords, type DatabaseVersionCheck } from '../storage/database-version';
import { useScreenHeading } from '../components/use-screen-heading';

type NewerDatabase = Extract<DatabaseVersionCheck, { kind: 'newer' }>;

let startupCheck: Promise<void> | undefined;

/**
 * The database written by a newer version of the app, if it is one, else null. Checked once
 * as the app starts (beside the first paint, not before it: the check is an IndexedDB open, and
 * the first screen waits on nothing), and again by the storage layer each time it opens the
 * database, so a newer app upgrading it in another tab is caught at this tab's next save.
 */
export function useNewerDatabase(): NewerDatabase | null {
  const refused = useSyncExternalStore(subscribeNewerDatabase, newerDatabaseRefused);
  useEffect(() => {
    // A check that cannot run (no IndexedDB at all) is left to the storage layer's own message.
    startupCheck ??= checkDatabaseVersion().then((check) => { if (check.kind === 'newer') reportNewerDatabase(check); }, () => undefined);
  }, []);
  return refused;
}

/**
 * The whole window when the planner's plans were last opened by a newer version: what
 * happened, what to do, that nothing was changed, and where their backups and exported files
 * are. No library, no writes: the storage layer refuses to open a newer database at all.
 */
export function NewerDatabaseScreen({ check }: { check: NewerDatabase }) {
  const headingRef = useScreenHeading('Your plans need a newer version');
  const [shell, setShell] = useState<{ host: Host; app: AppInfo } | null>(null);
  const [folder, setFolder] = useState<{ path: string } | { problem: string } | null>(null);
  useEffect(() => {
    let live = true;
    // The host is not in the first script; it says where the plans, and any backups, are kept.
    void import('../host').then(async ({ getHost }) => {
      const host = getHost();
      const app = await host.appInfo();
      if (live) setShell({ host, app });
    }).catch(() => undefined);
    return () => { live = false; };
  }, []);
  const backups = shell?.host.backups;
  const openBackups = () => {
    if (!backups) return;
    backups.openFolder().then(
      (path) => setFolder({ path }),
      (error: unknown) => setFolder({ problem: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <Container component="main" maxWidth="md" sx={{ py: 6 }}>
      <Typography variant="h1" ref={headingRef} tabIndex={-1} sx={{ mb: 2, '&:focus': { outline: 'none' } }}>
        Your plans need a newer version of Roadmap Planner
      </Typography>
      <Alert severity="warning" sx={{ mb: 4 }}>
        {`Your plans were last opened by a newer version of Roadmap Planner (database version ${versionWords(check.found)}; this version knows up to ${versionWords(check.known)}). This version has not opened them, so that nothing the newer one saved is lost. Nothing was changed.`}
      </Alert>

      <Stack spacing={4}>
        <Box component="section" aria-labelledby="newer-what-to-do">
          <Typography variant="h2" id="newer-what-to-do" sx={{ mb: 1 }}>What to do</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 1 } }}>
            <li><Typography>Update Roadmap Planner to its newest version, then start it again: your plans open as you left them.</Typography></li>
            <li><Typography>Or go back to the newer version you used last: it opens them as they are.</Typography></li>
          </Box>
        </Box>

        <Box component="section" aria-labelledby="newer-your-files">
          <Typography variant="h2" id="newer-your-files" sx={{ mb: 1 }}>Your backups and exported files</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 1 } }}>
            <li><Typography>{`Your plans are still kept in ${shell?.app.userDataPath ?? 'this computer\'s app data'}, as the newer version left them.`}</Typography></li>
            {backups && <li><Typography>Automatic backups of each plan are in the Backups folder beside them. Each is a plan file (.roadmap.json) that the newer version can import.</Typography></li>}
            <li><Typography>Plan files you exported (.roadmap.json) are where you saved them{shell?.host.kind === 'browser' ? ' (usually your Downloads folder)' : ''}. Any version that reads their file format can import them.</Typography></li>
          </Box>
          {backups && (
            <Box sx={{ mt: 2 }}>
              <Button variant="outlined" startIcon={<FolderOpenOutlinedIcon />} onClick={openBackups}>Open the Backups folder</Button>
              <Typography role="status" variant="body2" color={folder && 'problem' in folder ? 'error' : 'text.secondary'} sx={{ mt: 1 }}>
                {folder === null ? '' : 'problem' in folder ? `Could not open the Backups folder: ${folder.problem}` : `Opened ${folder.path}.`}
              </Typography>
            </Box>
          )}
        </Box>
      </Stack>
    </Container>
  );
}
