/** What every part of the benchmark page shares: the result shape, timing, statistics, checks. */

export type MeasureKey =
  | 'import' | 'open' | 'edit-p50' | 'edit-p95' | 'export' | 'list'
  | 'matrix-paint' | 'matrix-interactive' | 'timeline-paint' | 'timeline-interactive' | 'stance-p50' | 'stance-p95'
  | 'roster-import' | 'grid-paint' | 'grid-interactive' | 'grid-edit-p50' | 'grid-edit-p95'
  | 'share-csv' | 'share-ics' | 'share-mspdi' | 'share-xlsx' | 'share-html'
  | 'history-save' | 'history-list' | 'history-compare' | 'history-restore' | 'history-file-export' | 'history-file-read';

export interface Measure {
  key: MeasureKey;
  /** 'storage': the plan store and plan file; 'render': the plan sections on screen; 'share': the share formats; 'history': revisions. */
  group: 'storage' | 'render' | 'share' | 'history';
  label: string;
  /** The app's code, in ms: median, or the percentile named. */
  app: number;
  /** The same job done on bare IndexedDB (and, for rendering, plain DOM), in ms. */
  raw: number;
  appSamples: number[];
  rawSamples: number[];
  /** Anything else worth keeping with the figures (first-run times, the path an edit took). */
  extra?: Record<string, unknown>;
}

export const gc = (globalThis as { gc?: () => void }).gc;

export async function timed(action: () => Promise<unknown>): Promise<number> {
  gc?.();
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Sanity check failed: ${message}`);
}

/** Resolves in a new task, behind every task already queued. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The time of the next frame's paint: the first task after the next animation frame's
 * rendering step (style, layout and paint of that frame run right after its rAF callbacks).
 */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      void nextTask().then(() => resolve(performance.now()));
    });
  });
}

/**
 * Resolves, with the time, as soon as `condition` holds: checked now, after every DOM change
 * under `root` (a MutationObserver, so within a microtask of the change) and on every focus
 * change. Rejects after `timeoutMs` naming `what`.
 */
export function waitFor(condition: () => boolean, root: Node, what: string, timeoutMs = 5_000): Promise<number> {
  if (condition()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    let settled = false;
    const test = () => {
      if (!settled && condition()) finish();
    };
    const observer = new MutationObserver(test);
    const finish = (error?: Error) => {
      settled = true;
      observer.disconnect();
      document.removeEventListener('focusin', test, true);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(performance.now());
    };
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('focusin', test, true);
    const timer = setTimeout(() => {
      if (!settled) finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}
