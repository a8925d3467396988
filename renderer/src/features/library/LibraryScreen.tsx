import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
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
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import FileUploadOutlinedIcon from '@mui/icons-material/FileUploadOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import RestoreIcon from '@mui/icons-material/Restore';
import { planStore } from '../../app/store';
import { appServices } from '../../app/services';
import { navigate, planRoute, routeHref } from '../../app/router';
import { useNotify } from '../../app/notifications';
import { RECENTLY_DELETED_DAYS, type PlanSummary } from '../../storage/plan-store';
import { usePlanFiles } from '../plan-file/use-plan-files';
import { createPlan, deletePlan, duplicatePlan, renamePlan } from './library-commands';
import { visuallyHidden } from '../../components/visually-hidden';
import { ShortcutButton } from '../../components/ShortcutButton';
import { useShortcuts } from '../../components/keyboard-shortcuts';
import { useScreenHeading } from '../../components/use-screen-heading';
import { NewPlanDialog } from './NewPlanDialog';
import { RenameDialog } from './RenameDialog';
import { StorageNote } from './StorageNote';
import { errorMessage } from '../../domain/messages';

export function LibraryScreen() {
  const plans = useLiveQuery(() => planStore.listPlans(), []);
  const notify = useNotify();
  const files = usePlanFiles();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; plan: PlanSummary } | null>(null);

  const headingRef = useScreenHeading('Your plans');
  useShortcuts([
    { keys: 'mod+n', run: () => setCreating(true) },
    { keys: 'mod+o', run: () => void files.importPlanFile() },
  ]);

  const active = plans?.filter((p) => p.deletedAt === null) ?? [];
  const deleted = plans?.filter((p) => p.deletedAt !== null) ?? [];

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      notify({ message: errorMessage(error), severity: 'error' });
    }
  };

  const onDelete = (plan: PlanSummary) => run(async () => {
    const undo = await deletePlan(appServices(), plan.id);
    notify({ message: `Moved “${plan.name}” to Recently deleted.`, action: { label: 'Undo', run: () => run(undo) } });
  });

  const closeMenu = () => setMenu(null);
  const menuAction = (action: (plan: PlanSummary) => Promise<void> | void) => () => {
    const plan = menu?.plan;
    closeMenu();
    if (plan) void action(plan);
  };

  return (
    <Container component="main" maxWidth="lg" sx={{ py: 4 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 3, flexWrap: 'wrap', gap: 2 }}>
        <Box>
          <Typography variant="h1" ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Your plans</Typography>
          <Typography color="text.secondary">Pilot-to-scale roadmaps for blended and personalized learning, kept on this computer.</Typography>
        </Box>
        <Stack direction="row" spacing={1.5}>
          <ShortcutButton keys="mod+o" title="Import a plan file" variant="outlined" startIcon={<FileUploadOutlinedIcon />} onClick={() => void files.importPlanFile()}>Import plan…</ShortcutButton>
          <ShortcutButton keys="mod+n" title="Start a new plan" variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>New plan</ShortcutButton>
        </Stack>
      </Stack>

      {plans !== undefined && active.length === 0 && (
        <Paper variant="outlined" sx={{ p: { xs: 3, md: 5 }, textAlign: 'center' }}>
          <Typography variant="h2" gutterBottom>Plan how your pilot becomes a system-wide strategy</Typography>
          <Typography sx={{ maxWidth: 640, mx: 'auto', mb: 3 }} color="text.secondary">
            A plan sets out the phases from pilot to scale, which schools join in which wave, what the central office
            holds tight and what schools hold loose, and where your system stands on the seven decisions every scaling
            system faces. Plans stay on this computer and work offline; export one to share it.
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'center' }}>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>Start a plan</Button>
            <Button variant="outlined" startIcon={<FileUploadOutlinedIcon />} onClick={() => void files.importPlanFile()}>Import a plan file</Button>
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
                    <IconButton aria-label={`Actions for ${plan.name}`} aria-haspopup="menu" onClick={(e) => setMenu({ anchor: e.currentTarget, plan })}>
                      <MoreVertIcon />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {deleted.length > 0 && (
        <Accordion variant="outlined" sx={{ mt: 3 }} disableGutters>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="recently-deleted" id="recently-deleted-header">
            <Typography component="h2" variant="h3">{`Recently deleted (${deleted.length})`}</Typography>
          </AccordionSummary>
          <AccordionDetails id="recently-deleted">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {`Deleted plans are kept for ${RECENTLY_DELETED_DAYS} days, then removed for good.`}
            </Typography>
            <Table size="small" aria-label="Recently deleted plans">
              <TableBody>
                {deleted.map((plan) => (
                  <TableRow key={plan.id}>
                    <TableCell>{plan.name}</TableCell>
                    <TableCell>{`Deleted ${plan.deletedAt ? formatDistanceToNow(parseISO(plan.deletedAt), { addSuffix: true }) : ''}`}</TableCell>
                    <TableCell align="right">
                      <Button startIcon={<RestoreIcon />} aria-label={`Restore ${plan.name}`} onClick={() => void run(async () => {
                        await planStore.restorePlan(plan.id);
                        notify({ message: `Restored “${plan.name}”.` });
                      })}>Restore</Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </AccordionDetails>
        </Accordion>
      )}

      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={closeMenu}>
        <MenuItem onClick={menuAction((p) => navigate(planRoute(p.id)))}>
          <ListItemIcon><OpenInNewIcon fontSize="small" /></ListItemIcon>Open
        </MenuItem>
        <MenuItem onClick={menuAction((p) => setRenaming(p))}>
          <ListItemIcon><DriveFileRenameOutlineIcon fontSize="small" /></ListItemIcon>Rename…
        </MenuItem>
        <MenuItem onClick={menuAction((p) => run(async () => {
          await duplicatePlan(appServices(), p.id);
          notify({ message: `Duplicated “${p.name}”.` });
        }))}>
          <ListItemIcon><ContentCopyIcon fontSize="small" /></ListItemIcon>Duplicate
        </MenuItem>
        <MenuItem onClick={menuAction((p) => files.exportPlanFile(p.id))}>
          <ListItemIcon><FileDownloadOutlinedIcon fontSize="small" /></ListItemIcon>Export to file…
        </MenuItem>
        <MenuItem onClick={menuAction(onDelete)}>
          <ListItemIcon><DeleteOutlinedIcon fontSize="small" /></ListItemIcon>Delete
        </MenuItem>
      </Menu>

      <NewPlanDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(values) => run(async () => {
          const planId = await createPlan(appServices(), values);
          setCreating(false);
          navigate(planRoute(planId));
        })}
      />
      {renaming && (
        <RenameDialog
          currentName={renaming.name}
          onClose={() => setRenaming(null)}
          onRename={(name) => run(async () => {
            await renamePlan(appServices(), renaming.id, name);
            setRenaming(null);
          })}
        />
      )}
      {files.dialogs}
      <StorageNote />
    </Container>
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
