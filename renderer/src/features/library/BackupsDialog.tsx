import { useCallback, useEffect, useState } from 'react';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined';
import type { BackupEntry, BackupList } from '../../host/host';
import type { FileProblem } from '../../domain/plan-file';
import type { PlanFileContext } from '../plan-file/plan-file-commands';
import { errorMessage } from '../../domain/messages';
import { visuallyHidden } from '../../components/visually-hidden';
import { backupsByPlan, checkBackup, restoreBackupAsNewPlan } from './backup-commands';
import { recordBackupList } from './backup-status';

const SHOWN_PROBLEMS = 10;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Damaged {
  fileName: string;
  summary: string;
  problems: FileProblem[];
}

/**
 * The desktop app's automatic backups, per plan, newest first: when each was saved and its size,
 * the folder they are in, and Restore as a new plan. A backup is checked like an import before
 * anything is written; a damaged one shows what is wrong with it, named by its file.
 */
export function BackupsDialog({ ctx, onClose, onRestored }: {
  ctx: PlanFileContext;
  onClose: () => void;
  onRestored: (restored: { planId: string; planName: string; from: BackupEntry; undo: () => Promise<void> }) => void;
}) {
  const [list, setList] = useState<BackupList | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<Damaged | null>(null);
  const [busy, setBusy] = useState(false);
  const backups = ctx.host.backups;

  useEffect(() => {
    let live = true;
    backups?.list().then(
      (found) => {
        recordBackupList(found.backups);
        if (live) setList(found);
      },
      (error: unknown) => { if (live) setFailure(errorMessage(error)); },
    );
    return () => { live = false; };
  }, [backups]);

  const openFolder = useCallback(() => {
    setFailure(null);
    backups?.openFolder().catch((error: unknown) => setFailure(errorMessage(error)));
  }, [backups]);

  const restore = async (backup: BackupEntry) => {
    setBusy(true);
    setDamaged(null);
    setFailure(null);
    try {
      const checked = await checkBackup(ctx, backup.file);
      if (checked.status === 'invalid') {
        setDamaged({ fileName: checked.fileName, summary: checked.summary, problems: checked.problems });
        return;
      }
      const restored = await restoreBackupAsNewPlan(ctx, checked.bundle);
      onRestored({ ...restored, from: backup });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const groups = list ? backupsByPlan(list.backups) : [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="backups-title" aria-describedby="backups-intro">
      <DialogTitle id="backups-title">Backups</DialogTitle>
      <DialogContent>
        <DialogContentText id="backups-intro">
          The app keeps a copy of each plan you change: at most one every few minutes while you work, and one when
          you start on it each day. It keeps the last 10, one a day for two weeks and one a week for eight weeks.
          Restoring adds the backup as a new plan; the plan in your library is not changed.
        </DialogContentText>
        {list && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1, overflowWrap: 'anywhere' }}>{`Folder: ${list.folder}`}</Typography>
        )}
        {failure && <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert>}
        {damaged && (
          <Alert severity="error" sx={{ mt: 2 }} onClose={() => setDamaged(null)} closeText="Dismiss">
            <Typography sx={{ fontWeight: 600 }}>{`Could not restore “${damaged.fileName}”`}</Typography>
            <Typography variant="body2">{damaged.summary}</Typography>
            {damaged.problems.length > 0 && (
              <List dense aria-label="Problems found in the backup" disablePadding>
                {damaged.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <ListItem key={i} disableGutters disablePadding>
                    <ListItemText primary={p.where ? `${p.where}: ${p.message}` : p.message} />
                  </ListItem>
                ))}
              </List>
            )}
            {damaged.problems.length > SHOWN_PROBLEMS && <Typography variant="body2">{`… and ${damaged.problems.length - SHOWN_PROBLEMS} more.`}</Typography>}
            <Typography variant="body2" sx={{ mt: 0.5 }}>Your library is unchanged. Try an older backup of the plan.</Typography>
          </Alert>
        )}
        {list && groups.length === 0 && (
          <Typography sx={{ mt: 3 }}>No backups yet. The first is made when you next change a plan.</Typography>
        )}
        {groups.map((group) => (
          <Box key={group.planId} component="section" aria-labelledby={`backups-${group.planId}`} sx={{ mt: 3 }}>
            <Typography variant="h3" id={`backups-${group.planId}`} sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 0.5 }}>{group.planName}</Typography>
            <Table size="small" aria-labelledby={`backups-${group.planId}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Saved</TableCell>
                  <TableCell align="right">Size</TableCell>
                  <TableCell align="right"><Box component="span" sx={visuallyHidden}>Actions</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {group.backups.map((backup) => {
                  const at = parseISO(backup.savedAt);
                  const rowId = `backup-${backup.file.replace(/[^A-Za-z0-9]/g, '-')}`;
                  return (
                    <TableRow key={backup.file}>
                      <TableCell id={rowId}>
                        <time dateTime={backup.savedAt}>{format(at, 'PPp')}</time>
                        <Typography component="span" variant="body2" color="text.secondary">{` (${formatDistanceToNow(at, { addSuffix: true })})`}</Typography>
                      </TableCell>
                      <TableCell align="right">{size(backup.bytes)}</TableCell>
                      <TableCell align="right">
                        <Button size="small" disabled={busy} aria-describedby={rowId} onClick={() => void restore(backup)}>Restore as a new plan</Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button startIcon={<FolderOpenOutlinedIcon />} onClick={openFolder} sx={{ mr: 'auto' }}>Open backups folder</Button>
        <Button variant="contained" onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
