import { Suspense, useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import HistoryOutlinedIcon from '@mui/icons-material/HistoryOutlined';
import FileUploadOutlinedIcon from '@mui/icons-material/FileUploadOutlined';
import type { appServices } from '../../app/services';
import { navigate, planRoute } from '../../app/router';
import { useNotify } from '../../app/notifications';
import type { PlanSummary } from '../../storage/library-repository';
import { usePlanFiles } from '../plan-file/use-plan-files';
import { createPlan, deletePlan, duplicatePlan, emptyRecentlyDeleted, renamePlan, restorePlan } from './library-commands';
import { ShortcutButton } from '../../components/ShortcutButton';
import { useShortcuts } from '../../components/keyboard-shortcuts';
import { useScreenHeading } from '../../components/use-screen-heading';
import { lazyView } from '../../components/lazy-view';
import { StorageNote } from './StorageNote';
import { NewPlanDialog, preloadNewPlanParts } from './NewPlanDialog';
import { failureMessage } from '../../app/failure-message';

type AppServices = ReturnType<typeof appServices>;

// The first script holds the heading, the two buttons and the New plan dialog's frame and text
// fields (the screen's first action; fetched on its click it opened some 100 ms later), and
// paints. The list of plans needs the database code (Dexie, the schemas that check every
// write, the repositories): that is fetched right after the first paint, and the list follows.
// The dialog's template choices, the row menu and the rename dialog are fetched once the list
// is in and the screen is idle, or as soon as something opens them (or, for the menu, the
// pointer or the focus reaches its button).
const loadServices = async (): Promise<AppServices> => (await import('../../app/services')).appServices();
const planList = lazyView(async () => (await import('./PlanList')).PlanList);
const renameDialog = lazyView(async () => (await import('./RenameDialog')).RenameDialog);
const actionsMenu = lazyView(async () => (await import('./PlanActionsMenu')).PlanActionsMenu);
const preload = (view: { preload: () => Promise<void> }) => () => void view.preload().catch(() => undefined);
const preloadActions = preload(actionsMenu);
/** The share dialog and its formats' code arrive when a planner goes to share a plan. */
const shareDialog = lazyView(async () => (await import('../share/ShareDialog')).ShareDialog);
/** The desktop app's automatic backups, fetched when the planner opens them. */
const backupsDialog = lazyView(async () => (await import('./BackupsDialog')).BackupsDialog);

/**
 * The app's services and the list's code, once fetched. Asked for after the first paint (a
 * frame, then a task), so the heading and buttons are on screen before the database code is
 * fetched and run. A failed fetch is thrown to the error boundary.
 */
function useServicesAfterFirstPaint(): AppServices | undefined {
  const [services, setServices] = useState<AppServices>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        Promise.all([loadServices(), planList.preload()]).then(
          ([loaded]) => { if (live) setServices(loaded); },
          (error: unknown) => { if (live) setFailure(error); },
        );
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  if (failure !== null) throw failure;
  return services;
}

/** The rest of the screen's code, fetched in an idle moment once the list's is in. */
function usePreloadWhenIdle(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const idle = window.requestIdleCallback(() => {
      for (const view of [actionsMenu, renameDialog]) preload(view)();
      void preloadNewPlanParts().catch(() => undefined);
    }, { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, [ready]);
}

export function LibraryScreen() {
  const services = useServicesAfterFirstPaint();
  usePreloadWhenIdle(services !== undefined);
  const notify = useNotify();
  const files = usePlanFiles();
  const [creating, setCreating] = useState(false);
  // Mounted at its first opening, not before (it asks for the schemas when mounted, which would
  // bring the database code in ahead of the first paint), and kept, so that text typed and
  // closed stays for next time.
  const [newPlanOpened, setNewPlanOpened] = useState(false);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const [sharing, setSharing] = useState<PlanSummary | null>(null);
  const [showingBackups, setShowingBackups] = useState(false);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; plan: PlanSummary } | null>(null);
  // The menu too is mounted at its first opening and kept, so that it closes (and hands the
  // focus back) with its transition, as it did when it was always mounted.
  const [menuOpened, setMenuOpened] = useState(false);

  const openNewPlan = () => {
    setCreating(true);
    setNewPlanOpened(true);
  };
  const importPlanFile = () => void files.importPlanFile();

  const headingRef = useScreenHeading('Your plans');
  useShortcuts([
    { keys: 'mod+n', run: openNewPlan },
    { keys: 'mod+o', run: importPlanFile },
  ]);

  const run = async (action: (ctx: AppServices) => Promise<void>) => {
    try {
      await action(await loadServices());
    } catch (error) {
      // A create, duplicate or restore refused for space says how much is used and what can be freed.
      notify({ message: await failureMessage(error), severity: 'error' });
    }
  };

  const onDelete = (plan: PlanSummary) => run(async (ctx) => {
    const undo = await deletePlan(ctx, plan.id);
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
          {/* Desktop only: known once the services (and the host with them) are in. */}
          {services?.host.backups && (
            <Button variant="text" startIcon={<HistoryOutlinedIcon />} onClick={() => setShowingBackups(true)} onPointerEnter={preload(backupsDialog)} onFocus={preload(backupsDialog)}>Backups</Button>
          )}
          <ShortcutButton keys="mod+o" title="Import a plan file (.roadmap.json) or a read-only copy (.html)" variant="outlined" startIcon={<FileUploadOutlinedIcon />} onClick={importPlanFile}>Import plan…</ShortcutButton>
          <ShortcutButton keys="mod+n" title="Start a new plan" variant="contained" startIcon={<AddIcon />} onClick={openNewPlan}>New plan</ShortcutButton>
        </Stack>
      </Stack>

      {/* One boundary each: a view being fetched never hides another already on screen. */}
      <Suspense fallback={null}>
        {services && (
          <planList.View
            store={services.store}
            onNewPlan={openNewPlan}
            onImport={importPlanFile}
            onOpenActions={(anchor, plan) => {
              setMenu({ anchor, plan });
              setMenuOpened(true);
              preload(renameDialog)();
            }}
            onActionsIntent={preloadActions}
            onRestore={(plan) => void run(async (ctx) => {
              await restorePlan(ctx, plan.id);
              notify({ message: `Restored “${plan.name}”.` });
            })}
            onEmptyDeleted={() => void run(async (ctx) => {
              const removed = await emptyRecentlyDeleted(ctx);
              notify({ message: removed === 1 ? 'Removed 1 plan from Recently deleted for good.' : `Removed ${removed} plans from Recently deleted for good.` });
            })}
            onExport={(plan) => void files.exportPlanFile(plan.id)}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>
        {menuOpened && (
          <actionsMenu.View
            anchor={menu?.anchor ?? null}
            onClose={closeMenu}
            actions={{
              open: menuAction((p) => navigate(planRoute(p.id))),
              rename: menuAction((p) => setRenaming(p)),
              duplicate: menuAction((p) => run(async (ctx) => {
                await duplicatePlan(ctx, p.id);
                notify({ message: `Duplicated “${p.name}”.` });
              })),
              exportToFile: menuAction((p) => files.exportPlanFile(p.id)),
              share: menuAction((p) => setSharing(p)),
              shareIntent: preload(shareDialog),
              delete: menuAction(onDelete),
            }}
          />
        )}
      </Suspense>
      {newPlanOpened && (
        <NewPlanDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreate={(values) => run(async (ctx) => {
            const planId = await createPlan(ctx, values);
            setCreating(false);
            navigate(planRoute(planId));
          })}
        />
      )}
      <Suspense fallback={null}>
        {renaming && (
          <renameDialog.View
            currentName={renaming.name}
            onClose={() => setRenaming(null)}
            onRename={(name) => run(async (ctx) => {
              await renamePlan(ctx, renaming.id, name);
              setRenaming(null);
            })}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>
        {sharing && (
          <shareDialog.View
            planId={sharing.id}
            planName={sharing.name}
            exportPlanFile={(options) => files.exportPlanFile(sharing.id, options)}
            onClose={() => setSharing(null)}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>
        {showingBackups && services && (
          <backupsDialog.View
            ctx={services}
            onClose={() => setShowingBackups(false)}
            onRestored={({ planId, planName, from, undo }) => {
              setShowingBackups(false);
              notify({ message: `Restored the backup of “${from.planName}” from ${new Date(from.savedAt).toLocaleString()} as “${planName}”.`, action: { label: 'Undo', run: () => run(undo) } });
              navigate(planRoute(planId));
            }}
          />
        )}
      </Suspense>
      {files.dialogs}
      {/* Once the database code is in: the note asks the host, which comes with it. */}
      {services && <StorageNote />}
    </Container>
  );
}
