/**
 * The plan sections on screen: the Roadmap (timeline) and Tight & loose (matrix) sections of the
 * app, mounted with React inside the providers the plan screen gives them and fed a live bundle
 * from `planStore` exactly as PlanScreen does, against the same number of cells, bars and
 * markers written as plain DOM from a bare IndexedDB read.
 *
 * Definitions (the README has them too):
 * - first paint: from the start (createRoot + render, whose live query loads the plan; for the
 *   baseline, the raw read) until the first frame after the commit that shows the plan has
 *   painted (the first task after the next animation frame).
 * - interactive: from the same start until a key press on the section has been handled and its
 *   result painted. After first paint, a task queued behind everything already pending focuses
 *   the first matrix cell (timeline bar) and presses ArrowRight (ArrowDown); the section is
 *   interactive at the paint after the focus has moved to the next cell (bar) and the grid
 *   shows it (the matrix moves its tab stop).
 * - stance edit: from the key press (T, S or L) on a focused matrix cell until the cell shows
 *   the new stance, that frame has painted, and a bare IndexedDB read begun after it finds the
 *   stance stored (whichever is later): the write through the plan's undo history and
 *   planStore.setStance, the live query, the re-render. Baseline: the same key on a plain
 *   table cell, a bare IndexedDB update of the stance, the cell's text set, the same read.
 */
import { StrictMode, useLayoutEffect, type JSX } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { usePlanBundle } from '../../renderer/src/features/plan/use-plan-bundle';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from '../../renderer/src/app/theme';
import { NotificationsProvider } from '../../renderer/src/app/notifications';
import { SaveStatusProvider } from '../../renderer/src/app/save-status';
import { PlanHistoryProvider } from '../../renderer/src/app/plan-history';
import { planStore } from '../../renderer/src/app/store';
import { RoadmapSection } from '../../renderer/src/features/roadmap/RoadmapSection';
import { TightLooseSection } from '../../renderer/src/features/tight-loose/TightLooseSection';
import { STANCE_LABELS } from '../../renderer/src/domain/stance-words';
import { nowTimestamp } from '../../renderer/src/domain/ids';
import { STANCES, type PlanBundle, type StanceValue } from '../../renderer/src/domain/schemas';
import type { SectionProps } from '../../renderer/src/components/section-props';
import { openExisting, rawLoadBundle, rawSetStance, rawStanceOf } from './raw-idb';
import { DATABASE_NAME } from '../../renderer/src/storage/database';
import { check, gc, median, nextPaint, nextTask, percentile, waitFor, type Measure } from './measure';

type SectionName = 'matrix' | 'timeline';
type SectionView = (props: SectionProps) => JSX.Element;

export interface SectionSpec {
  title: string;
  View: SectionView;
  /** The element a key press starts on, the key, and the element the focus must then be on. */
  probe: (container: HTMLElement) => { first: HTMLElement; key: string; next: HTMLElement; moved: () => boolean };
  /** What the section shows, for the results (and a check that the baseline shows as much). */
  count: (container: HTMLElement) => Record<string, number>;
}

export const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

function matrixCells(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[role="grid"] tbody [role="gridcell"]')];
}

/** The cell of an area (row) in a phase (column), found by role, not by the component's classes. */
function matrixCell(container: HTMLElement, row: number, col: number): HTMLElement | undefined {
  const rows = container.querySelectorAll('[role="grid"] tbody tr');
  return rows[row]?.querySelectorAll<HTMLElement>('[role="gridcell"]')[col];
}

const SECTIONS: Record<SectionName, SectionSpec> = {
  matrix: {
    title: 'Tight & loose matrix',
    View: TightLooseSection,
    probe: (container) => {
      const first = matrixCell(container, 0, 0);
      const next = matrixCell(container, 0, 1);
      if (!first || !next) throw new Error('The matrix has no grid cells ([role="grid"] tbody [role="gridcell"]) to press a key on');
      return { first, key: 'ArrowRight', next, moved: () => document.activeElement === next && next.tabIndex === 0 };
    },
    count: (container) => ({ cells: matrixCells(container).length }),
  },
  timeline: {
    title: 'Roadmap timeline',
    View: RoadmapSection,
    probe: (container) => {
      const bars = container.querySelectorAll<HTMLElement>('[data-phase-bar]');
      const [first, next] = [bars[0], bars[1]];
      if (!first || !next) throw new Error('The timeline has no phase bars ([data-phase-bar]) to press a key on');
      return { first, key: 'ArrowDown', next, moved: () => document.activeElement === next };
    },
    count: (container) => ({
      bars: container.querySelectorAll('[data-phase-bar]').length,
      markers: container.querySelectorAll('[data-ms]').length,
    }),
  },
};

// ——— The app: the section inside the providers, fed by a live query, as on the plan screen ———

/** Runs after every commit that brings a bundle, after the section's own layout effects. */
function CommitMarker({ bundle, onCommit }: { bundle: PlanBundle | undefined; onCommit: (bundle: PlanBundle | undefined) => void }) {
  useLayoutEffect(() => {
    onCommit(bundle);
  }, [bundle, onCommit]);
  return null;
}

/** What PlanWorkspace does for a section: the plan from its live queries, the section given it. */
function LiveSection({ planId, View, onCommit }: { planId: string; View: SectionView; onCommit: (bundle: PlanBundle | undefined) => void }) {
  const live = usePlanBundle(planId);
  if (live === null) return null;
  const bundle = live?.bundle;
  return (
    <>
      {bundle && <View bundle={bundle} />}
      <CommitMarker bundle={bundle} onCommit={onCommit} />
    </>
  );
}

function AppShell({ children }: { children: JSX.Element }) {
  return (
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <NotificationsProvider>
          <SaveStatusProvider>
            <PlanHistoryProvider planId="" section="overview">
              <Container component="main" maxWidth={false} sx={{ py: 3, maxWidth: 1600 }}>{children}</Container>
            </PlanHistoryProvider>
          </SaveStatusProvider>
        </NotificationsProvider>
      </ThemeProvider>
    </StrictMode>
  );
}

export function stage(): HTMLElement {
  const container = document.createElement('div');
  document.getElementById('stage')?.append(container);
  return container;
}

interface Mounted {
  container: HTMLElement;
  /** When the first commit showing the plan happened. */
  committed: Promise<number>;
  dispose: () => Promise<void>;
}

/** Starts rendering the section; everything from here on is what the app does to show it. */
export function mountApp(section: SectionSpec, planId: string): Mounted {
  const container = stage();
  let resolve: (time: number) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const committed = new Promise<number>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  let first = true;
  const onCommit = (bundle: PlanBundle | undefined) => {
    if (!first) return;
    first = false;
    if (bundle) resolve(performance.now());
    else reject(new Error(`The plan ${planId} is not in the app's database`));
  };
  const root: Root = createRoot(container, {
    onUncaughtError: (error) => reject(new Error(`${section.title} failed to render: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)),
  });
  root.render(<AppShell><LiveSection planId={planId} View={section.View} onCommit={onCommit} /></AppShell>);
  return {
    container,
    committed,
    dispose: async () => {
      root.unmount();
      container.remove();
      await nextPaint();
    },
  };
}

// ——— The baseline: the same cells, bars and markers as plain DOM ———

const RAW_STYLES = `
.raw-grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; width: 100%; min-width: ${220 + 12 * 132}px; font: 15px system-ui, sans-serif; }
.raw-grid th, .raw-grid td { border-right: 1px solid #ddd; border-bottom: 1px solid #ddd; padding: 8px; text-align: left; vertical-align: top; }
.raw-grid td { height: 56px; cursor: pointer; font-weight: 700; }
.raw-grid td[data-stance="tight"] { background: #dbe7f5; color: #0d2c4d; }
.raw-grid td[data-stance="shared"] { background: #ece3f6; color: #3a1f5c; }
.raw-grid td[data-stance="loose"] { background: #e2f1e4; color: #173d1d; }
.raw-grid td:focus { outline: 3px solid #1f4e79; outline-offset: -3px; }
.raw-grid thead th span { display: block; font-weight: 400; font-size: 13px; color: #555; }
.raw-tl { position: relative; overflow-x: auto; border: 1px solid #ddd; font: 13px system-ui, sans-serif; }
.raw-tl-inner { position: relative; }
.raw-tl-row { position: relative; height: 58px; display: flex; }
.raw-tl-label { position: sticky; left: 0; z-index: 3; flex: 0 0 184px; background: #fff; border-right: 1px solid #ddd; padding: 6px 12px; box-sizing: border-box; }
.raw-tl-track { position: relative; flex: 1 0 auto; }
.raw-tl-bar { position: absolute; top: 6px; height: 36px; box-sizing: border-box; border: 1px solid #1f4e79; border-left-width: 4px; border-radius: 8px; background: #dbe7f5; overflow: clip; white-space: nowrap; padding: 2px 6px; font-weight: 700; }
.raw-tl-bar:focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
.raw-tl-ms { position: absolute; top: 45px; width: 9px; height: 9px; margin-left: -4.5px; box-sizing: border-box; border: 2px solid #37474f; background: #fff; transform: rotate(45deg); }
.raw-tl-ms.done { width: 12px; height: 12px; margin-left: -6px; top: 44px; border-radius: 50%; transform: none; background: #37474f; color: #fff; font-size: 9px; line-height: 8px; text-align: center; }
`;

export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const labelOf = (stance: StanceValue | null) => (stance ? STANCE_LABELS[stance] : 'Not set');
const cellId = (areaId: string, phaseId: string) => `${areaId}|${phaseId}`;

function rawMatrixHtml(bundle: PlanBundle): string {
  const phases = [...bundle.phases].sort(byOrder);
  const areas = [...bundle.areas].sort(byOrder);
  const stances = new Map(bundle.stances.map((s) => [cellId(s.areaId, s.phaseId), s.stance]));
  const head = phases.map((p) => `<th>${escapeHtml(p.name)}<span>${p.start} – ${p.end}</span></th>`).join('');
  const body = areas.map((a, row) => `<tr><th>${escapeHtml(a.name)}</th>${phases.map((p, col) => {
    const stance = stances.get(cellId(a.id, p.id)) ?? null;
    return `<td role="gridcell" tabindex="${row === 0 && col === 0 ? 0 : -1}" data-row="${row}" data-col="${col}" data-area="${a.id}" data-phase="${p.id}" data-stance="${stance ?? 'unset'}"><span>${labelOf(stance)}</span></td>`;
  }).join('')}</tr>`).join('');
  return `<table role="grid" class="raw-grid"><thead><tr><th>Area</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const DAY_MS = 86_400_000;
const PX_PER_DAY = 24 / 30.44;

function rawTimelineHtml(bundle: PlanBundle): string {
  const phases = [...bundle.phases].sort(byOrder);
  const start = Math.min(...phases.map((p) => Date.parse(p.start)), ...bundle.milestones.map((m) => Date.parse(m.date)));
  const end = Math.max(...phases.map((p) => Date.parse(p.end)), ...bundle.milestones.map((m) => Date.parse(m.date)));
  const x = (date: string) => Math.round(((Date.parse(date) - start) / DAY_MS) * PX_PER_DAY);
  const width = 184 + Math.ceil(((end - start) / DAY_MS) * PX_PER_DAY) + 40;
  const rows = phases.map((p, i) => {
    const markers = bundle.milestones.filter((m) => m.phaseId === p.id).map((m) => {
      const text = escapeHtml(`Milestone: ${m.name}, ${m.date}${m.done ? ', done' : ''}`);
      return `<span role="button" tabindex="-1" data-ms="${m.id}" aria-label="${text}" class="raw-tl-ms${m.done ? ' done' : ''}" style="left:${x(m.date)}px">${m.done ? '✓' : ''}</span>`;
    }).join('');
    return `<div class="raw-tl-row"><div class="raw-tl-label">${i + 1}. ${escapeHtml(p.name)}<br>${p.start} – ${p.end}</div><div class="raw-tl-track">`
      + `<div role="button" tabindex="0" data-phase-bar="${p.id}" class="raw-tl-bar" style="left:${x(p.start)}px;width:${x(p.end) - x(p.start)}px">${escapeHtml(p.name)}</div>${markers}</div></div>`;
  }).join('');
  return `<div class="raw-tl" role="group"><div class="raw-tl-inner" style="width:${width}px">${rows}</div></div>`;
}

/** Arrow keys move the roving tab stop of a plain table's `td[data-row][data-col]` cells; true when the key was one. */
export function moveInPlainTable(container: HTMLElement, cell: HTMLElement, event: KeyboardEvent): boolean {
  const step = ({ ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] } as Record<string, [number, number]>)[event.key];
  if (!step) return false;
  const next = container.querySelector<HTMLElement>(`td[data-row="${Number(cell.dataset.row) + step[0]}"][data-col="${Number(cell.dataset.col) + step[1]}"]`);
  if (next) {
    event.preventDefault();
    cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }
  return true;
}

/** Arrow keys move a roving tab stop in the grid; T, S, L set the stance (bare IndexedDB, then the cell's text). */
function wireRawMatrix(container: HTMLElement, raw: IDBDatabase): void {
  container.addEventListener('keydown', (event) => {
    const cell = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('td[role="gridcell"]') : null;
    if (!cell) return;
    if (moveInPlainTable(container, cell, event)) return;
    const stance = ({ t: 'tight', s: 'shared', l: 'loose' } as const)[event.key.toLowerCase() as 't' | 's' | 'l'] as StanceValue | undefined;
    if (!stance || !cell.dataset.area || !cell.dataset.phase) return;
    event.preventDefault();
    void rawSetStance(raw, cell.dataset.area, cell.dataset.phase, { stance }, nowTimestamp()).then(() => {
      cell.dataset.stance = stance;
      const text = cell.firstElementChild;
      if (text) text.textContent = STANCE_LABELS[stance];
    });
  });
}

function wireRawTimeline(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    const bar = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-phase-bar]') : null;
    if (!bar || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    const bars = [...container.querySelectorAll<HTMLElement>('[data-phase-bar]')];
    const next = bars[bars.indexOf(bar) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
}

/** How a baseline writes a section as plain DOM (one innerHTML and its key listeners), from the plan as read from bare IndexedDB. */
export type PlainBuild = (container: HTMLElement, bundle: PlanBundle, raw: IDBDatabase) => void;

const PLAIN: Record<SectionName, PlainBuild> = {
  matrix: (container, bundle, raw) => {
    container.innerHTML = rawMatrixHtml(bundle);
    wireRawMatrix(container, raw);
  },
  timeline: (container, bundle) => {
    container.innerHTML = rawTimelineHtml(bundle);
    wireRawTimeline(container);
  },
};

/** Reads the plan from bare IndexedDB and writes the section as plain DOM. */
export async function mountPlain(build: PlainBuild, raw: IDBDatabase, planId: string): Promise<{ container: HTMLElement; loadMs: number; builtMs: number; dispose: () => Promise<void> }> {
  const started = performance.now();
  const container = stage();
  const bundle = await rawLoadBundle(raw, planId);
  if (!bundle) throw new Error(`The plan ${planId} is not in the raw database`);
  const loaded = performance.now();
  build(container, bundle, raw);
  return {
    container,
    loadMs: loaded - started,
    builtMs: performance.now() - started,
    dispose: async () => {
      container.remove();
      await nextPaint();
    },
  };
}

// ——— The measures ———

/** After first paint: a task behind all pending work presses the key; interactive once the move has painted. */
export async function interact(section: SectionSpec, container: HTMLElement): Promise<number> {
  await nextTask();
  const { first, key, moved } = section.probe(container);
  first.focus();
  first.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await waitFor(moved, container, `${section.title}: the focus to move on ${key}`);
  return nextPaint();
}

export interface RenderRun {
  paint: number;
  interactive: number;
  /** Of `paint`: reading the plan, and the time from the start until the commit that shows it. */
  load: number;
  commit: number;
  counts: Record<string, number>;
}

export async function runApp(section: SectionSpec, planId: string): Promise<RenderRun> {
  gc?.();
  const start = performance.now();
  const mounted = mountApp(section, planId);
  try {
    const committed = await mounted.committed;
    const painted = await nextPaint();
    const interactive = await interact(section, mounted.container);
    // The app reads the plan through one live query per table, so its read time is not split out.
    return { paint: painted - start, interactive: interactive - start, load: Number.NaN, commit: committed - start, counts: section.count(mounted.container) };
  } finally {
    await mounted.dispose();
    window.scrollTo(0, 0);
  }
}

/** First paint and interactive of a plain-DOM baseline, counted as `section` counts the app. */
export async function runPlain(build: PlainBuild, section: SectionSpec, raw: IDBDatabase, planId: string): Promise<RenderRun> {
  gc?.();
  const start = performance.now();
  const mounted = await mountPlain(build, raw, planId);
  try {
    const painted = await nextPaint();
    const interactive = await interact(section, mounted.container);
    return { paint: painted - start, interactive: interactive - start, load: mounted.loadMs, commit: mounted.builtMs, counts: section.count(mounted.container) };
  } finally {
    await mounted.dispose();
    window.scrollTo(0, 0);
  }
}

export interface RenderContext {
  planId: string;
  raw: IDBDatabase;
  reps: number;
}

let stylesAdded = false;

export function addRawStyles(): void {
  if (stylesAdded) return;
  const style = document.createElement('style');
  style.textContent = RAW_STYLES;
  document.head.append(style);
  stylesAdded = true;
}

/** First paint and interactive, app and baseline alternating which goes first; one warm-up each. */
export async function benchSectionRender(name: SectionName, { planId, raw, reps }: RenderContext): Promise<Measure[]> {
  addRawStyles();
  const section = SECTIONS[name];
  const app: RenderRun[] = [];
  const bare: RenderRun[] = [];
  let firstApp: RenderRun | undefined;
  let firstRaw: RenderRun | undefined;
  for (let rep = -1; rep < reps; rep += 1) {
    let a: RenderRun;
    let r: RenderRun;
    if (rep % 2 === 0) {
      a = await runApp(section, planId);
      r = await runPlain(PLAIN[name], section, raw, planId);
    } else {
      r = await runPlain(PLAIN[name], section, raw, planId);
      a = await runApp(section, planId);
    }
    if (rep === -1) {
      firstApp = a;
      firstRaw = r;
    } else {
      app.push(a);
      bare.push(r);
    }
  }
  const bundle = await planStore.loadBundle(planId);
  if (!bundle) throw new Error('The plan is missing');
  if (name === 'matrix') {
    const cells = bundle.areas.length * bundle.phases.length;
    check(firstApp?.counts.cells === cells, `the app's matrix shows ${cells} cells (it shows ${firstApp?.counts.cells})`);
    check(firstRaw?.counts.cells === cells, `the baseline's matrix shows ${cells} cells`);
  } else {
    const inPhases = bundle.milestones.filter((m) => bundle.phases.some((p) => p.id === m.phaseId)).length;
    check(firstApp?.counts.bars === bundle.phases.length, `the app's timeline shows ${bundle.phases.length} phase bars (it shows ${firstApp?.counts.bars})`);
    check(firstRaw?.counts.bars === bundle.phases.length, `the baseline's timeline shows ${bundle.phases.length} phase bars`);
    check(firstRaw?.counts.markers === inPhases, `the baseline's timeline shows ${inPhases} milestone markers`);
  }
  // Where the time of a mount goes (medians): the reads, the start until the commit (reads, render, commit), and the whole.
  const split = (runs: RenderRun[]) => ({ load: median(runs.map((r) => r.load)), commit: median(runs.map((r) => r.commit)), paint: median(runs.map((r) => r.paint)) });
  const extra = { firstRun: { app: firstApp, raw: firstRaw }, shown: { app: firstApp?.counts, raw: firstRaw?.counts }, split: { app: split(app), raw: split(bare) } };
  const what = name === 'matrix'
    ? `Tight & loose: matrix ${bundle.areas.length}×${bundle.phases.length}`
    : `Roadmap: timeline, ${bundle.milestones.length} milestones`;
  const make = (key: Measure['key'], label: string, pick: (run: RenderRun) => number): Measure => {
    const appSamples = app.map(pick);
    const rawSamples = bare.map(pick);
    return { key, group: 'render', label, app: median(appSamples), raw: median(rawSamples), appSamples, rawSamples, extra };
  };
  return name === 'matrix'
    ? [make('matrix-paint', `${what}, first paint`, (run) => run.paint), make('matrix-interactive', `${what}, interactive`, (run) => run.interactive)]
    : [make('timeline-paint', `${what}, first paint`, (run) => run.paint), make('timeline-interactive', `${what}, interactive`, (run) => run.interactive)];
}

export interface StanceEditContext {
  planId: string;
  raw: IDBDatabase;
  edits: number;
  warmup: number;
}

const nextStance = (stance: StanceValue | null): StanceValue => STANCES[(STANCES.indexOf(stance ?? 'loose') + 1) % STANCES.length] ?? 'tight';
const KEY_OF: Record<StanceValue, string> = { tight: 't', shared: 's', loose: 'l' };

interface EditRun { shown: number; painted: number; stored: number }

/** Reads what storage holds for a cell, the same way on both sides (bare IndexedDB). */
type StoredStance = (areaId: string, phaseId: string) => Promise<unknown>;

/**
 * Presses T/S/L on cells spread over the grid, each a different stance from the one it has,
 * timing until the cell shows it and the frame has painted. `setStance` is how a key press
 * reaches storage when the keyboard path is not there: then the bench writes through the store.
 */
async function editLoop(
  container: HTMLElement, cells: { row: number; col: number; areaId: string; phaseId: string; stance: StanceValue | null }[], edits: number, warmup: number,
  fallback: ((areaId: string, phaseId: string, stance: StanceValue) => Promise<unknown>) | null,
  storedStance: StoredStance,
): Promise<{ runs: EditRun[]; path: 'keyboard' | 'store' }> {
  const runs: EditRun[] = [];
  let path: 'keyboard' | 'store' = 'keyboard';
  for (let i = -warmup; i < edits; i += 1) {
    const target = cells[((i + warmup) * 37) % cells.length];
    if (!target) throw new Error('The matrix has no cells');
    const element = () => matrixCell(container, target.row, target.col);
    const cell = element();
    if (!cell) throw new Error(`No matrix cell at row ${target.row}, column ${target.col}`);
    cell.focus();
    await nextPaint();
    const stance = nextStance(target.stance);
    const label = STANCE_LABELS[stance];
    const shows = () => (element()?.textContent ?? '').trim().startsWith(label);
    gc?.();
    const start = performance.now();
    if (path === 'keyboard') cell.dispatchEvent(new KeyboardEvent('keydown', { key: KEY_OF[stance], bubbles: true, cancelable: true }));
    else void fallback?.(target.areaId, target.phaseId, stance);
    let shown: number;
    try {
      shown = await waitFor(shows, container, `the cell to show ${label} after pressing ${KEY_OF[stance].toUpperCase()}`, 3_000);
    } catch (error) {
      // Only the very first press may find the keyboard path missing; then the store is used.
      if (path !== 'keyboard' || i !== -warmup || !fallback) throw error;
      path = 'store';
      void fallback(target.areaId, target.phaseId, stance);
      shown = await waitFor(shows, container, `the cell to show ${label} after planStore.setStance`);
    }
    const painted = await nextPaint();
    // Persisted as well as shown: the app may show a pressed stance before storage has it, so
    // the edit counts as done once a read (begun after the paint) finds it stored.
    while ((await storedStance(target.areaId, target.phaseId)) !== stance) {
      if (performance.now() - start > 3_000) throw new Error(`The stance ${label} was shown but not stored within 3 s`);
    }
    const stored = performance.now();
    target.stance = stance;
    if (i >= 0) runs.push({ shown: shown - start, painted: painted - start, stored: stored - start });
  }
  return { runs, path };
}

/** Stance edits in the app's matrix, then in the plain table; p50 and p95 until painted. */
export async function benchStanceEdit({ planId, raw, edits, warmup }: StanceEditContext): Promise<Measure[]> {
  addRawStyles();
  const bundle = await planStore.loadBundle(planId);
  if (!bundle) throw new Error('The plan is missing');
  const phases = [...bundle.phases].sort(byOrder);
  const areas = [...bundle.areas].sort(byOrder);
  const stanceOf = new Map(bundle.stances.map((s) => [cellId(s.areaId, s.phaseId), s.stance]));
  const cellsFor = () => areas.flatMap((a, row) => phases.map((p, col) => ({ row, col, areaId: a.id, phaseId: p.id, stance: stanceOf.get(cellId(a.id, p.id)) ?? null })));

  const section = SECTIONS.matrix;
  const appDb = await openExisting(DATABASE_NAME);
  const mounted = mountApp(section, planId);
  const appCells = cellsFor();
  let appResult: Awaited<ReturnType<typeof editLoop>>;
  try {
    await mounted.committed;
    await nextPaint();
    appResult = await editLoop(mounted.container, appCells, edits, warmup,
      (areaId, phaseId, stance) => planStore.setStance(planId, areaId, phaseId, { stance }),
      (areaId, phaseId) => rawStanceOf(appDb, areaId, phaseId));
  } finally {
    await mounted.dispose();
    window.scrollTo(0, 0);
  }

  const plain = await mountPlain(PLAIN.matrix, raw, planId);
  const rawCells = cellsFor();
  let rawResult: Awaited<ReturnType<typeof editLoop>>;
  try {
    await nextPaint();
    rawResult = await editLoop(plain.container, rawCells, edits, warmup, null, (areaId, phaseId) => rawStanceOf(raw, areaId, phaseId));
  } finally {
    await plain.dispose();
    window.scrollTo(0, 0);
  }

  // Every stance pressed is the one stored, on both sides.
  const [appAfter, rawAfter] = await Promise.all([planStore.loadBundle(planId), rawLoadBundle(raw, planId)]);
  const stored = (b: PlanBundle | undefined) => new Map((b?.stances ?? []).map((s) => [cellId(s.areaId, s.phaseId), s.stance]));
  const appStored = stored(appAfter);
  const rawStored = stored(rawAfter);
  check(appCells.every((c) => appStored.get(cellId(c.areaId, c.phaseId)) === c.stance), 'the app stored every stance pressed');
  check(rawCells.every((c) => rawStored.get(cellId(c.areaId, c.phaseId)) === c.stance), 'the raw write stored every stance pressed');

  appDb.close();
  const done = (r: EditRun) => Math.max(r.painted, r.stored);
  const appSamples = appResult.runs.map(done);
  const rawSamples = rawResult.runs.map(done);
  const extra = {
    path: appResult.path,
    untilShown: {
      app: { p50: percentile(appResult.runs.map((r) => r.shown), 50), p95: percentile(appResult.runs.map((r) => r.shown), 95), samples: appResult.runs.map((r) => r.shown) },
      raw: { p50: percentile(rawResult.runs.map((r) => r.shown), 50), p95: percentile(rawResult.runs.map((r) => r.shown), 95), samples: rawResult.runs.map((r) => r.shown) },
    },
  };
  const via = appResult.path === 'keyboard' ? 'T/S/L key' : 'planStore.setStance, no key';
  const base = { group: 'render' as const, appSamples, rawSamples, extra };
  return [
    { key: 'stance-p50', label: `stance edit (${via}) until shown and stored, p50 of ${edits}`, app: percentile(appSamples, 50), raw: percentile(rawSamples, 50), ...base },
    { key: 'stance-p95', label: `stance edit (${via}) until shown and stored, p95 of ${edits}`, app: percentile(appSamples, 95), raw: percentile(rawSamples, 95), ...base },
  ];
}
