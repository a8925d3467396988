import { useLiveQuery } from 'dexie-react-hooks';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
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

interface PlanListProps {
  store: PlanStore;
  onNewPlan: () => void;
  onImport: () => void;
  onOpenActions: (anchor: HTMLElement, plan: PlanSummary) => void;
  onActionsIntent: () => void;
  onRestore: (plan: PlanSummary) => void;
}

/**
 * The library's plans, read live from storage: a table of the plans, or a welcome with the
 * two ways to begin when there are none, and the plans in Recently deleted.
 */
export function PlanList({ store, onNewPlan, onImport, onOpenActions, onActionsIntent, onRestore }: PlanListProps) {
  const plans = useLiveQuery(() => store.listPlans(), [store]);
  if (plans === undefined) return null;
  const active = plans.filter((p) => p.deletedAt === null);
  const deleted = plans.filter((p) => p.deletedAt !== null);
  return (
    <>
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

      {deleted.length > 0 && <RecentlyDeleted plans={deleted} onRestore={onRestore} />}
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
