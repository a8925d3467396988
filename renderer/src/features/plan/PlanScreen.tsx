import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { planStore } from '../../app/store';
import { appServices } from '../../app/services';
import { navigate, routeHref } from '../../app/router';
import { useNotify } from '../../app/notifications';
import { SaveStatusProvider, useSaveStatus } from '../../app/save-status';
import { ShortcutButton } from '../../components/ShortcutButton';
import { useShortcuts } from '../../components/keyboard-shortcuts';
import { useScreenHeading } from '../../components/use-screen-heading';
import { SaveIndicator } from './SaveIndicator';
import { PlanBasics } from './PlanBasics';
import { PhaseList } from './PhaseList';
import { addPhase, deletePhase, movePhase, updatePhase } from './plan-commands';
import { deletePlan } from '../library/library-commands';
import { usePlanFiles } from '../plan-file/use-plan-files';
import type { Phase } from '../../domain/schemas';

export function PlanScreen({ planId }: { planId: string }) {
  return (
    <SaveStatusProvider>
      <PlanWorkspace planId={planId} />
    </SaveStatusProvider>
  );
}

function PlanWorkspace({ planId }: { planId: string }) {
  const bundle = useLiveQuery(() => planStore.loadBundle(planId), [planId], null);
  const deletedAt = useLiveQuery(async () => (await planStore.getPlanRow(planId))?.deletedAt ?? null, [planId], null);
  const { track, save, settled } = useSaveStatus();
  const notify = useNotify();
  const files = usePlanFiles();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [addedPhaseId, setAddedPhaseId] = useState<string | null>(null);
  const headingRef = useScreenHeading(bundle === null ? null : bundle?.plan.name ?? 'Plan not found');
  const phasesHeading = useRef<HTMLHeadingElement>(null);
  /** Exports what the planner sees: text still waiting to be saved is saved first. */
  const exportNow = async () => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    active?.blur();
    await settled();
    await files.exportPlanFile(planId);
    active?.focus();
  };
  useShortcuts([{ keys: 'mod+e', run: () => void exportNow() }]);

  if (bundle === null) return null;
  if (bundle === undefined || bundle.plan === undefined) {
    return (
      <Container component="main" sx={{ py: 6 }}>
        <Typography variant="h1" gutterBottom ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Plan not found</Typography>
        <Typography sx={{ mb: 2 }}>This plan is not in your library. It may have been deleted for good.</Typography>
        <Button variant="contained" href={routeHref({ screen: 'library' })}>Back to your plans</Button>
      </Container>
    );
  }
  const { plan, phases } = bundle;
  const ctx = appServices();

  const onDeletePhase = async (phase: Phase) => {
    const undo = await track(deletePhase(ctx, phase.id));
    // The deleted phase's buttons are gone; the focus goes to the top of the list, not to the page.
    phasesHeading.current?.focus();
    if (undo) notify({ message: `Deleted phase “${phase.name}”.`, action: { label: 'Undo', run: () => void track(undo()) } });
  };

  const onDeletePlan = async () => {
    setMenuAnchor(null);
    const undo = await track(deletePlan(ctx, plan.id));
    if (!undo) return;
    navigate({ screen: 'library' });
    notify({ message: `Moved “${plan.name}” to Recently deleted.`, action: { label: 'Undo', run: () => void undo() } });
  };

  return (
    <>
      <AppBar position="sticky" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Button startIcon={<ArrowBackIcon />} href={routeHref({ screen: 'library' })}>All plans</Button>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="h1" noWrap ref={headingRef} tabIndex={-1} sx={{ fontSize: '1.25rem', '&:focus': { outline: 'none' } }}>{plan.name}</Typography>
            {plan.systemName && <Typography variant="body2" color="text.secondary" noWrap>{plan.systemName}</Typography>}
          </Box>
          <SaveIndicator />
          <ShortcutButton keys="mod+e" title="Export this plan to a file" variant="outlined" startIcon={<FileDownloadOutlinedIcon />} onClick={() => void exportNow()}>Export</ShortcutButton>
          <IconButton aria-label="More plan actions" aria-haspopup="menu" onClick={(e) => setMenuAnchor(e.currentTarget)}><MoreVertIcon /></IconButton>
          <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
            <MenuItem onClick={() => { setMenuAnchor(null); void ctx.host.printToPdf(`${plan.name}.pdf`); }}>
              <ListItemIcon><PrintOutlinedIcon fontSize="small" /></ListItemIcon>Print or save as PDF…
            </MenuItem>
            <MenuItem onClick={() => void onDeletePlan()}>
              <ListItemIcon><DeleteOutlinedIcon fontSize="small" /></ListItemIcon>Delete plan
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 3 }}>
        <Stack spacing={3}>
          {deletedAt && (
            <Alert
              severity="warning"
              action={<Button color="inherit" onClick={() => void track(planStore.restorePlan(plan.id))}>Restore</Button>}
            >
              This plan is in Recently deleted. Restore it to keep it in your library.
            </Alert>
          )}
          <PlanBasics plan={plan} />
          <Paper variant="outlined" component="section" aria-labelledby="phases-heading" sx={{ p: 3 }}>
            <Typography id="phases-heading" variant="h2" gutterBottom ref={phasesHeading} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Phases</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>Each phase is a stretch of time with its own goal. A phase must end after it starts.</Typography>
            <PhaseList
              phases={phases}
              focusPhaseId={addedPhaseId}
              onAdd={() => void track(addPhase(ctx, plan.id)).then((id) => setAddedPhaseId(id ?? null))}
              onChange={(phaseId, changes) => save(`phase.${phaseId}.${Object.keys(changes).join()}`, updatePhase(ctx, phaseId, changes))}
              onMove={(phaseId, direction) => void track(movePhase(ctx, phaseId, direction))}
              onDelete={(phase) => void onDeletePhase(phase)}
            />
          </Paper>
        </Stack>
      </Container>
      {files.dialogs}
    </>
  );
}
