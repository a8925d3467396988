import { Suspense, useDeferredValue, useEffect, useMemo } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import { ThemeProvider } from '@mui/material/styles';
import { colors, theme } from './theme';
import { parseRoute, PLAN_SECTIONS, routeHref, useRoute, type PlanSection, type Route } from './router';
import { NotificationsProvider } from './notifications';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { BackupCatchUp } from '../features/library/BackupCatchUp';
import { lazyView, LoadingFallback } from '../components/lazy-view';
import { requestPersistentStorage } from '../storage/persistence';
import { NewerDatabaseScreen, useNewerDatabase } from './NewerDatabaseScreen';
import type * as PlanScreenModule from '../features/plan/PlanScreen';

// The library is the first screen and is in the first script; a plan's screen, and each of its
// sections, is fetched when a plan opens, or before, while the library sits idle (below).
let planModule: typeof PlanScreenModule | undefined;
const loadPlanScreen = async () => {
  planModule ??= await import('../features/plan/PlanScreen');
  return planModule;
};
const planScreen = lazyView(async () => (await loadPlanScreen()).PlanScreen);
// A printed report is its own chunk, fetched only when one is opened.
const reportScreen = lazyView(async () => (await import('../features/share/report/ReportScreen')).ReportScreen);

/** Whether the code a route shows is in, so that it can be shown at once, without suspending. */
function isLoaded(route: Route): boolean {
  if (route.screen === 'report') return reportScreen.isLoaded();
  return route.screen === 'library' || (planScreen.isLoaded() && planModule?.isSectionLoaded(route.section) === true);
}

/** The plan screen and the section a plan opens on (its overview unless the link names another). */
async function preloadPlan(section: PlanSection = 'overview'): Promise<void> {
  await planScreen.preload();
  await (await loadPlanScreen()).preloadSection(section);
}

/** How long the first screen has to itself before the rest of the app is fetched in the background. */
const PRELOAD_AFTER_MS = 1500;

/**
 * Fetches the plan screen and every section once the first screen has been up for a while, one
 * module per idle period, so that opening a plan waits on nothing and the fetching never stands
 * between the first screen and a planner's first click. Pointing at or tabbing to a link into a
 * plan fetches what it opens at once.
 */
function usePreloadPlanScreen(): void {
  useEffect(() => {
    let cancelled = false;
    let idle = 0;
    const nextIdle = () => new Promise<void>((resolve) => { idle = window.requestIdleCallback(() => resolve(), { timeout: 2000 }); });
    const preloadAll = async () => {
      for (const { key } of PLAN_SECTIONS) {
        await nextIdle();
        if (cancelled) return;
        await preloadPlan(key).catch(() => undefined);
      }
    };
    const start = window.setTimeout(() => void preloadAll(), PRELOAD_AFTER_MS);
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#/plans/"]') : null;
      if (!link) return;
      const route = parseRoute(link.getAttribute('href') ?? '');
      if (route.screen === 'report') void reportScreen.preload().catch(() => undefined);
      else void preloadPlan(route.screen === 'plan' ? route.section : undefined).catch(() => undefined);
    };
    document.addEventListener('pointerover', onIntent, { passive: true });
    document.addEventListener('focusin', onIntent);
    return () => {
      cancelled = true;
      window.clearTimeout(start);
      window.cancelIdleCallback(idle);
      document.removeEventListener('pointerover', onIntent);
      document.removeEventListener('focusin', onIntent);
    };
  }, []);
}

/** On paper a plan is a document: no buttons, no floating bars. */
const PRINT_STYLES = {
  '@media print': {
    '.MuiButtonBase-root, .MuiSnackbar-root, .MuiTooltip-popper': { display: 'none !important' },
    '.MuiAppBar-root': { position: 'static !important' },
    body: { backgroundColor: colors.white },
  },
} as const;

export function App() {
  const current = useRoute();
  // Moving to a screen or section whose code is still being fetched keeps the one on screen
  // until it arrives (a deferred render that suspends is not committed), rather than blanking
  // the window for a moment; the address has changed already. Code already in (the usual case,
  // once the background fetching is done) is shown in the same render, as before.
  const href = routeHref(current);
  const deferredHref = useDeferredValue(href);
  const shownHref = isLoaded(current) ? href : deferredHref;
  const route = useMemo(() => parseRoute(shownHref), [shownHref]);
  // The same element while the route is the same, so the deferred value catching up re-renders nothing.
  const screen = useMemo(() => {
    if (route.screen === 'report') return <reportScreen.View planId={route.planId} kind={route.kind} options={route.options} />;
    return route.screen === 'plan' ? <planScreen.View planId={route.planId} section={route.section} /> : <LibraryScreen />;
  }, [route]);
  usePreloadPlanScreen();
  // Plans last opened by a newer version: no library, no plan, only what happened and what to do.
  const newerDatabase = useNewerDatabase();

  useEffect(() => {
    void requestPersistentStorage();
    // Plans deleted more than 30 days ago leave the library for good: housekeeping, done once
    // the first screen is up and idle rather than before it (the database code is not in the
    // first script).
    let idle = 0;
    const start = window.setTimeout(() => {
      idle = window.requestIdleCallback(() => void import('./store').then(({ planStore }) => planStore.purgeDeleted()).catch(() => undefined));
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(start);
      window.cancelIdleCallback(idle);
    };
  }, []);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.screen]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <GlobalStyles styles={PRINT_STYLES} />
      <NotificationsProvider>
        {!newerDatabase && <BackupCatchUp />}
        {newerDatabase ? <NewerDatabaseScreen check={newerDatabase} /> : (
          <ErrorBoundary key={route.screen === 'library' ? 'library' : `${route.screen}:${route.planId}`}>
            <Suspense fallback={<LoadingFallback label="Opening the plan" minHeight="100vh" />}>
              {screen}
            </Suspense>
          </ErrorBoundary>
        )}
      </NotificationsProvider>
    </ThemeProvider>
  );
}
