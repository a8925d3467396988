import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import FileUploadOutlinedIcon from '@mui/icons-material/FileUploadOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { planRoute, routeHref } from '../../app/router';
import type { PlanStore } from '../../storage/plan-store';
import type { PlanSummary } from '../../storage/library-repository';
import { visuallyHidden } from '../../components/visually-hidden';
import { RecentlyDeleted } from './RecentlyDeleted';
import { getHost } from '../../host';
import { backupsKnown, backupStatusVersion, lastBackedUpAt, subscribeBackupStatus } from './backup-status';
import { daysWithoutExport, exportRecordsVersion, lastExportedAt, subscribeExportRecords } from '../plan-file/export-records';

interface PlanListProps {
  store: PlanStore;
  onNewPlan: () => void;
  onImport: () => void;
  onOpenActions: (anchor: HTMLElement, plan: PlanSummary) => void;
  onActionsIntent: () => void;
  onRestore: (plan: PlanSummary) => void;
  /** Removes every plan in Recently deleted for good (after the planner confirms). */
  onEmptyDeleted: () => void;
  /** Exports the plan to a file (the reminder's one click). */
  onExport: (plan: PlanSummary) => void;
}

/**
 * The library's plans, read live from storage: a table of the plans, or a welcome with the
 * two ways to begin when there are none, and the plans in Recently deleted.
 */
export function PlanList({ store, onNewPlan, onImport, onOpenActions, onActionsIntent, onRestore, onExport, onEmptyDeleted }: PlanListProps) {
  const plans = useLiveQuery(() => store.listPlans(), [store]);
  // Re-rendered when an export is recorded (here or in another tab), so the reminder goes.
  useSyncExternalStore(subscribeExportRecords, exportRecordsVersion);
  // ... and when a backup is written or the Backups folder is listed (desktop).
  useSyncExternalStore(subscribeBackupStatus, backupStatusVersion);
  // The desktop app backs plans up on its own; a plain browser can only remind to export.
  const browser = !getHost().backups;
  if (plans === undefined) return null;
  const active = plans.filter((p) => p.deletedAt === null);
  const deleted = plans.filter((p) => p.deletedAt !== null);
  const now = new Date();
  const reminders = browser
    ? active.flatMap((plan) => {
      const days = daysWithoutExport(plan.id, plan.updatedAt, now);
      return days === null ? [] : [{ plan, days }];
    })
    : [];
  return (
    <>
      {reminders.length > 0 && (
        <Stack spacing={1} sx={{ mb: 2 }} component="section" aria-label="Plans to export">
          {reminders.map(({ plan, days }) => (
            <Alert
              key={plan.id}
              severity="warning"
              id={`export-reminder-${plan.id}`}
              action={<Button color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }} aria-describedby={`export-reminder-${plan.id}`} onClick={() => onExport(plan)}>Export now</Button>}
            >
              {`“${plan.name}”: not exported for ${days} days of changes. The browser may clear its data when the disk runs short; an exported plan file keeps the work safe.`}
            </Alert>
          ))}
        </Stack>
      )}
      {active.length === 0 && (
        <Paper variant="outlined" sx={{ p: { xs: 3, md: 5 }, textAlign: 'center' }}>
          <Typography variant="h2" gutterBottom>Plan how your pilot becomes a system-wide strategy</Typography>
          <Typography sx={{ maxWidth: 640, mx: 'auto', mb: 3 }} color="text.secondary">
            A plan sets out the phases from pilot to scale, which schools join in which wave, what the central office
            holds tight and what schools hold loose, and where your system stands on the seven decisions every scaling
            system faces. Plans stay on this computer and work offline; export one to share it.
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'center' }}>
            <Button variant="contained" startIcon={<AddIcon />} onClick={onNewPlan}>Start a plan</Button>
            <Button variant="outlined" startIcon={<FileUploadOutlinedIcon />} onClick={onImport}>Import a plan file</Button>
          </Stack>
        </Paper>
      )}

      {active.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label="Plans">
            <TableHead>
              <TableRow>
                <TableCell>Plan</TableCell>
                <TableCell>School system</TableCell>
                <TableCell>Last changed</TableCell>
                <TableCell align="right">Phases</TableCell>
                <TableCell>{browser ? 'Last exported' : 'Last backed up'}</TableCell>
                <TableCell align="right"><Box component="span" sx={visuallyHidden}>Actions</Box></TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {active.map((plan) => (
                <TableRow key={plan.id} hover>
                  <TableCell>
                    <Link href={routeHref(planRoute(plan.id))} underline="hover" sx={{ fontWeight: 600 }}>{plan.name}</Link>
                  </TableCell>
                  <TableCell>{plan.systemName || <Typography component="span" color="text.secondary">Not set</Typography>}</TableCell>
                  <TableCell><LastChanged timestamp={plan.updatedAt} /></TableCell>
                  <TableCell align="right">{plan.phaseCount}</TableCell>
                  <TableCell>{browser ? <LastExported planId={plan.id} /> : <LastBackedUp planId={plan.id} />}</TableCell>
                  <TableCell align="right">
                    <IconButton aria-label={`Actions for ${plan.name}`} aria-haspopup="menu" onClick={(e) => onOpenActions(e.currentTarget, plan)} onPointerEnter={onActionsIntent} onFocus={onActionsIntent}>
                      <MoreVertIcon />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {deleted.length > 0 && <RecentlyDeleted plans={deleted} onRestore={onRestore} onEmpty={onEmptyDeleted} />}
    </>
  );
}

function LastChanged({ timestamp }: { timestamp: string }) {
  const date = parseISO(timestamp);
  return (
    <time dateTime={timestamp} title={format(date, 'PPpp')}>
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}

function LastBackedUp({ planId }: { planId: string }) {
  const saved = lastBackedUpAt(planId);
  if (saved !== null) return <LastChanged timestamp={saved} />;
  // Until the Backups folder has been read (a few seconds after start), "not yet" would be a guess.
  return <Typography component="span" color="text.secondary">{backupsKnown() ? 'Not yet' : '—'}</Typography>;
}

function LastExported({ planId }: { planId: string }) {
  const exported = lastExportedAt(planId);
  if (exported === null) return <Typography component="span" color="text.secondary">Never</Typography>;
  return <LastChanged timestamp={exported} />;
}
