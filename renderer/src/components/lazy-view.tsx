import { use, useEffect, useState, type ComponentType, type JSX } from 'react';
import Box from '@mui/material/Box';

/** A component whose code is fetched the first time it is shown, or earlier through `preload`. */
export interface LazyView<P extends object> {
  View: (props: P) => JSX.Element;
  /** Starts fetching the code (once; later calls return the same promise). */
  preload: () => Promise<void>;
  /** Whether the code is in, so that showing the view will not suspend. */
  isLoaded: () => boolean;
}

/**
 * Like React.lazy, but once `preload` has finished the view renders at once, without
 * suspending: React.lazy suspends on its first render even when the module is already loaded
 * (the import's promise settles a microtask later), which would flash a fallback and put a
 * Suspense commit between a click and what it opens. A failed fetch is thrown to the nearest
 * error boundary and tried again on the next render.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let Loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => { Loaded = component; },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  function View(props: P): JSX.Element {
    if (!Loaded) use(preload());
    // `use` has thrown until the module is in; from then on Loaded is set for good.
    const Component = Loaded as ComponentType<P>;
    return <Component {...props} />;
  }
  return { View, preload, isLoaded: () => Loaded !== undefined };
}

/** After this long a load is worth mentioning; the app's files are local and usually arrive well before. */
const QUIET_MS = 400;

/**
 * What a Suspense boundary shows while a view's code loads: space held where the view will be,
 * so nothing below moves, and a polite "Loading…" for screen readers and eyes only if the wait
 * is long enough to notice. Nothing shows, and nothing is announced, for the usual short wait.
 */
export function LoadingFallback({ label, minHeight }: { label: string; minHeight?: number | string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Box aria-busy="true" sx={{ minHeight, px: 3, py: 2 }}>
      <Box role="status" sx={{ color: 'text.secondary' }}>{slow ? `${label}…` : ''}</Box>
    </Box>
  );
}
