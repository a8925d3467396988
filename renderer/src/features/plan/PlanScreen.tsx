import { Suspense, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import ShareOutlinedIcon from '@mui/icons-material/ShareOutlined';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import { appServices } from '../../app/services';
import { navigate, PLAN_SECTIONS, planRoute, routeHref, type PlanSection } from '../../app/router';
import { useNotify } from '../../app/notifications';
import { SaveStatusProvider, useSaveStatus } from '../../app/save-status';
import { PlanHistoryProvider, usePlanHistory, useUndoLabels } from '../../app/plan-history';
import { ShortcutButton } from '../../components/ShortcutButton';
import { ariaKeyShortcut, isMac, shortcutLabel, useShortcuts } from '../../components/keyboard-shortcuts';
import { useScreenHeading } from '../../components/use-screen-heading';
import { SaveIndicator } from './SaveIndicator';
import { deletePlan, restorePlan } from '../library/library-commands';
import { usePlanFiles } from '../plan-file/use-plan-files';
import type { SectionProps } from '../../components/section-props';
import { BaselineNote } from './BaselineNote';
import { usePlanBundle } from './use-plan-bundle';
import { useAutoBackup } from '../library/use-auto-backup';
import { lazyView, LoadingFallback, type LazyView } from '../../components/lazy-view';
import { PlanNotFound } from '../../components/PlanNotFound';

// Each section's code is fetched when it is first shown (or preloaded: App fetches them all once
// the library is idle), so a start pays only for the library, and a plan only for what it shows.
const SECTION_VIEWS: Record<PlanSection, LazyView<SectionProps>> = {
  overview: lazyView(async () => (await import('./OverviewSection')).OverviewSection),
  roadmap: lazyView(async () => (await import('../roadmap/RoadmapSection')).RoadmapSection),
  'tight-loose': lazyView(async () => (await import('../tight-loose/TightLooseSection')).TightLooseSection),
  decisions: lazyView(async () => (await import('../decisions/DecisionsSection')).DecisionsSection),
  schools: lazyView(async () => (await import('../schools/SchoolsSection')).SchoolsSection),
  priorities: lazyView(async () => (await import('../schools/PrioritiesSection')).PrioritiesSection),
  waves: lazyView(async () => (await import('../schools/WavesSection')).WavesSection),
  resources: lazyView(async () => (await import('../resources/ResourcesSection')).ResourcesSection),
  outcomes: lazyView(async () => (await import('../outcomes/OutcomesSection')).OutcomesSection),
  journal: lazyView(async () => (await import('../journal/JournalSection')).JournalSection),
  history: lazyView(async () => (await import('../revisions/HistorySection')).HistorySection),
};

/** The share dialog and the calendar code arrive when the planner opens it. */
const shareDialog = lazyView(async () => (await import('../share/ShareDialog')).ShareDialog);

/** Fetches a section's code without showing it. */
export function preloadSection(section: PlanSection): Promise<void> {
  return SECTION_VIEWS[section].preload();
}

/** Whether a section's code is in, so that showing it will not suspend. */
export function isSectionLoaded(section: PlanSection): boolean {
  return SECTION_VIEWS[section].isLoaded();
}

export function PlanScreen({ planId, section }: { planId: string; section: PlanSection }) {
  return (
    <SaveStatusProvider>
      <PlanHistoryProvider planId={planId} section={section}>
        <PlanWorkspace planId={planId} section={section} />
      </PlanHistoryProvider>
    </SaveStatusProvider>
  );
}

function UndoRedoButtons() {
  const { undo, redo } = usePlanHistory();
  const { undoLabel, redoLabel } = useUndoLabels();
  const mac = isMac();
  return (
    <Box sx={{ display: 'flex' }}>
      <Tooltip describeChild title={undoLabel ? `Undo: ${undoLabel} (${shortcutLabel('mod+z', mac)})` : 'Nothing to undo'}>
        <span>
          <IconButton aria-label="Undo" aria-keyshortcuts={ariaKeyShortcut('mod+z', mac)} disabled={!undoLabel} onClick={() => void undo()}><UndoIcon /></IconButton>
        </span>
      </Tooltip>
      <Tooltip describeChild title={redoLabel ? `Redo: ${redoLabel} (${shortcutLabel('mod+shift+z', mac)})` : 'Nothing to redo'}>
        <span>
          <IconButton aria-label="Redo" aria-keyshortcuts={ariaKeyShortcut('mod+shift+z', mac)} disabled={!redoLabel} onClick={() => void redo()}><RedoIcon /></IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}

function SectionNav({ planId, section }: { planId: string; section: PlanSection }) {
  return (
    <Box component="nav" aria-label="Plan sections" data-section-nav sx={{ display: 'flex', gap: 0.5, px: 2, overflowX: 'auto', displayPrint: 'none' }}>
      {PLAN_SECTIONS.map((s) => {
        const current = s.key === section;
        return (
          <Button
            key={s.key}
            href={routeHref(planRoute(planId, s.key))}
            aria-current={current ? 'page' : undefined}
            color={current ? 'primary' : 'inherit'}
            sx={{
              borderRadius: 0,
              borderBottom: 3,
              borderColor: current ? 'primary.main' : 'transparent',
              px: 2,
              py: 1,
              whiteSpace: 'nowrap',
              fontWeight: current ? 700 : 500,
            }}
          >
            {s.label}
          </Button>
        );
      })}
    </Box>
  );
}

function PlanWorkspace({ planId, section }: { planId: string; section: PlanSection }) {
  const live = usePlanBundle(planId);
  useAutoBackup(planId);
  const bundle = live === null ? null : live?.bundle;
  const deletedAt = live?.deletedAt ?? null;
  const { track, settled } = useSaveStatus();
  const notify = useNotify();
  const files = usePlanFiles();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [sharing, setSharing] = useState(false);
  const sectionLabel = PLAN_SECTIONS.find((s) => s.key === section)?.label ?? '';
  // The section's code is fetched while the plan is read, not after.
  void preloadSection(section).catch(() => undefined);
  const headingRef = useScreenHeading(bundle === null ? null : bundle ? `${sectionLabel} — ${bundle.plan.name}` : 'Plan not found');
  /** Exports what the planner sees: text still waiting to be saved is saved first. The share dialog may ask for the history too. */
  const exportNow = async (options?: { withHistory: boolean }) => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    active?.blur();
    await settled();
    await files.exportPlanFile(planId, options);
    active?.focus();
  };
  useShortcuts([{ keys: 'mod+e', run: () => void exportNow() }]);
  // A section opens at its top, not where the last one was scrolled to.
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0 });
  }, [section]);

  if (bundle === null) return null;
  if (bundle === undefined) return <PlanNotFound headingRef={headingRef} />;
  const { plan } = bundle;
  const ctx = appServices();
  const View = SECTION_VIEWS[section].View;

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
            <Box sx={{ display: 'flex', alignItems: 'center', columnGap: 1.5, minWidth: 0 }}>
              {plan.systemName && <Typography variant="body2" color="text.secondary" noWrap>{plan.systemName}</Typography>}
              <BaselineNote bundle={bundle} />
            </Box>
          </Box>
          {/* On paper only the plan's name heads the page. */}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, displayPrint: 'none' }}>
            <SaveIndicator />
            <UndoRedoButtons />
            <ShortcutButton keys="mod+e" title="Export this plan to a file" variant="outlined" startIcon={<FileDownloadOutlinedIcon />} onClick={() => void exportNow()}>Export</ShortcutButton>
            <IconButton aria-label="More plan actions" aria-haspopup="menu" onClick={(e) => setMenuAnchor(e.currentTarget)}><MoreVertIcon /></IconButton>
          </Box>
          <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
            <MenuItem onClick={() => { setMenuAnchor(null); void ctx.host.printToPdf(`${plan.name} — ${sectionLabel}.pdf`); }}>
              <ListItemIcon><PrintOutlinedIcon fontSize="small" /></ListItemIcon>Print this section or save as PDF…
            </MenuItem>
            <MenuItem onClick={() => { setMenuAnchor(null); setSharing(true); }} onFocus={() => void shareDialog.preload().catch(() => undefined)}>
              <ListItemIcon><ShareOutlinedIcon fontSize="small" /></ListItemIcon>Share…
            </MenuItem>
            <MenuItem onClick={() => void onDeletePlan()}>
              <ListItemIcon><DeleteOutlinedIcon fontSize="small" /></ListItemIcon>Delete plan
            </MenuItem>
          </Menu>
          {sharing && (
            <Suspense fallback={null}>
              <shareDialog.View planId={plan.id} planName={plan.name} exportPlanFile={exportNow} onClose={() => setSharing(false)} />
            </Suspense>
          )}
        </Toolbar>
        <SectionNav planId={plan.id} section={section} />
      </AppBar>
      <Container component="main" maxWidth={false} sx={{ py: 3, maxWidth: 1600 }}>
        {deletedAt && (
          <Alert
            severity="warning"
            sx={{ mb: 3 }}
            action={<Button color="inherit" onClick={() => void track(restorePlan(ctx, plan.id))}>Restore</Button>}
          >
            This plan is in Recently deleted. Restore it to keep it in your library.
          </Alert>
        )}
        <Suspense fallback={<LoadingFallback label={`Opening ${sectionLabel}`} minHeight="70vh" />}>
          <View key={section} bundle={bundle} />
        </Suspense>
      </Container>
      {files.dialogs}
    </>
  );
}
