/**
 * The Resources section's grid with the large plan (200 schools × 12 phases behind it): first
 * paint and interactive as for the other sections, and one cell edit (a digit typed on a
 * school's cell, then Enter) until the cell and its phase total show the new amount, that
 * frame has painted, and a bare IndexedDB read finds the amount stored.
 *
 * Baseline: every row of the same grid written as a plain table (not virtualized) from a bare
 * IndexedDB read, whose cells take the same keys: arrows move, a digit is written straight to
 * IndexedDB and then into the cell and its total.
 */
import { ResourcesSection } from '../../renderer/src/features/resources/ResourcesSection';
import { planStore } from '../../renderer/src/app/store';
import { nowTimestamp } from '../../renderer/src/domain/ids';
import type { AllocationRow, PlanBundle } from '../../renderer/src/domain/schemas';
import { DATABASE_NAME } from '../../renderer/src/storage/database';
import { openExisting, rawUpdateRecord, requestDone } from './raw-idb';
import { check, gc, median, nextPaint, percentile, timed, waitFor, type Measure } from './measure';
import { addRawStyles, byOrder, escapeHtml, mountApp, mountPlain, moveInPlainTable, runApp, runPlain, type PlainBuild, type RenderRun, type SectionSpec } from './render-bench';

const gridCell = (container: HTMLElement, row: number, col: number) =>
  container.querySelector<HTMLElement>(`[role="grid"] [role="gridcell"][data-row="${row}"][data-col="${col}"]`);

const GRID: SectionSpec = {
  title: 'Resources grid',
  View: ResourcesSection,
  probe: (container) => {
    const first = gridCell(container, 0, 0);
    const next = gridCell(container, 0, 1);
    if (!first || !next) throw new Error('The resources grid has no cells ([role="grid"] [role="gridcell"][data-row][data-col]) to press a key on');
    return { first, key: 'ArrowRight', next, moved: () => document.activeElement === next };
  },
  count: (container) => ({
    rowsInPage: container.querySelectorAll('[role="grid"] [role="row"]').length,
    rowCount: Number(container.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0),
  }),
};

const money = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;

interface RawRow { name: string; cells: { allocationId: string | null; cents: number }[] }

/** Central office, the waves, then the schools, each with its money per phase. */
function rawRows(bundle: PlanBundle): { phases: PlanBundle['phases']; rows: RawRow[] } {
  const phases = [...bundle.phases].sort(byOrder);
  const key = (a: AllocationRow) => (a.recipient.kind === 'central' ? 'central' : a.recipient.kind === 'wave' ? a.recipient.waveId : a.recipient.schoolId);
  const lines = new Map<string, AllocationRow[]>();
  for (const a of bundle.allocations) {
    if (a.kind !== 'money') continue;
    const k = `${key(a)}|${a.phaseId}`;
    lines.set(k, [...(lines.get(k) ?? []), a]);
  }
  const row = (id: string, name: string): RawRow => ({
    name,
    cells: phases.map((p) => {
      const here = lines.get(`${id}|${p.id}`) ?? [];
      return { allocationId: here.length === 1 ? here[0]?.id ?? null : null, cents: here.reduce((sum, a) => sum + a.amount, 0) };
    }),
  });
  return {
    phases,
    rows: [row('central', 'Central office'), ...[...bundle.waves].sort(byOrder).map((w) => row(w.id, w.name)), ...[...bundle.schools].sort(byOrder).map((s) => row(s.id, s.name))],
  };
}

function rawGridHtml(bundle: PlanBundle): string {
  const { phases, rows } = rawRows(bundle);
  const head = phases.map((p) => `<th>${escapeHtml(p.name)}</th>`).join('');
  const body = rows.map((r, row) => `<tr role="row"><th>${escapeHtml(r.name)}</th>${r.cells.map((c, col) =>
    `<td role="gridcell" tabindex="${row === 0 && col === 0 ? 0 : -1}" data-row="${row}" data-col="${col}" data-cents="${c.cents}"${c.allocationId ? ` data-allocation="${c.allocationId}"` : ''}>${c.cents ? money(c.cents) : ''}</td>`).join('')}</tr>`).join('');
  const totals = phases.map((_, col) => `<td data-total="${col}">${money(rows.reduce((sum, r) => sum + (r.cells[col]?.cents ?? 0), 0))}</td>`).join('');
  return `<table role="grid" aria-rowcount="${rows.length + 2}" class="raw-grid"><thead><tr role="row"><th>Recipient</th>${head}</tr></thead><tbody>${body}</tbody><tfoot><tr role="row"><th>Total</th>${totals}</tr></tfoot></table>`;
}

function wireRawGrid(container: HTMLElement, raw: IDBDatabase): void {
  container.addEventListener('keydown', (event) => {
    const cell = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('td[role="gridcell"]') : null;
    if (!cell) return;
    if (moveInPlainTable(container, cell, event)) return;
    const col = Number(cell.dataset.col);
    const allocationId = cell.dataset.allocation;
    if (!/^\d$/.test(event.key) || !allocationId) return;
    event.preventDefault();
    const cents = Number(event.key) * 100;
    void rawUpdateRecord(raw, 'allocations', allocationId, { amount: cents }, nowTimestamp()).then(() => {
      const total = container.querySelector<HTMLElement>(`td[data-total="${col}"]`);
      const was = Number(cell.dataset.cents);
      cell.dataset.cents = String(cents);
      cell.textContent = money(cents);
      if (total) total.textContent = money(Number(total.textContent?.replace(/[$,]/g, '') ?? 0) * 100 - was + cents);
    });
  });
}

const PLAIN_GRID: PlainBuild = (container, bundle, raw) => {
  addRawStyles();
  container.innerHTML = rawGridHtml(bundle);
  wireRawGrid(container, raw);
};

/** First paint and interactive of the Resources section (its grid) and of the plain table, alternating; one warm-up each. */
export async function benchGridRender({ planId, raw, reps }: { planId: string; raw: IDBDatabase; reps: number }): Promise<Measure[]> {
  const app: RenderRun[] = [];
  const bare: RenderRun[] = [];
  let firstApp: RenderRun | undefined;
  for (let rep = -1; rep < reps; rep += 1) {
    const pair = rep % 2 === 0
      ? [await runApp(GRID, planId), await runPlain(PLAIN_GRID, GRID, raw, planId)] as const
      : await (async () => { const r = await runPlain(PLAIN_GRID, GRID, raw, planId); return [await runApp(GRID, planId), r] as const; })();
    if (rep === -1) firstApp = pair[0];
    else {
      app.push(pair[0]);
      bare.push(pair[1]);
    }
  }
  const bundle = await planStore.loadBundle(planId);
  if (!bundle) throw new Error('The plan is missing');
  const recipients = 1 + bundle.waves.length + bundle.schools.length;
  check(firstApp?.counts.rowCount === recipients + 2, `the grid says it has ${recipients + 2} rows (it says ${firstApp?.counts.rowCount})`);
  check((firstApp?.counts.rowsInPage ?? 0) < recipients, `the grid keeps only the rows in view in the page (it has ${firstApp?.counts.rowsInPage})`);
  const what = `Resources: grid ${bundle.schools.length} schools × ${bundle.phases.length} phases`;
  const extra = { firstRun: { app: firstApp }, shown: { app: firstApp?.counts } };
  const make = (key: Measure['key'], label: string, pick: (run: RenderRun) => number): Measure => {
    const appSamples = app.map(pick);
    const rawSamples = bare.map(pick);
    return { key, group: 'render', label, app: median(appSamples), raw: median(rawSamples), appSamples, rawSamples, extra };
  };
  return [make('grid-paint', `${what}, first paint`, (run) => run.paint), make('grid-interactive', `${what}, interactive`, (run) => run.interactive)];
}

interface Target { row: number; col: number; allocationId: string }

/** The first few schools' cells, each holding one money line (the grid's single-line cells). */
function targets(bundle: PlanBundle, schools: number): Target[] {
  const { rows } = rawRows(bundle);
  const first = 1 + bundle.waves.length;
  return rows.slice(first, first + schools).flatMap((r, i) => r.cells.flatMap((c, col) => (c.allocationId ? [{ row: first + i, col, allocationId: c.allocationId }] : [])));
}

const storedAmount = async (db: IDBDatabase, id: string) => (await requestDone(db.transaction(['allocations']).objectStore('allocations').get(id)) as AllocationRow | undefined)?.amount;

/** Types a digit and Enter on a cell; done when the cell and its phase total show it, painted, and storage holds it. */
interface EditRun { opened: number; shown: number; painted: number; stored: number }

async function editLoop(container: HTMLElement, cells: Target[], edits: number, warmup: number, db: IDBDatabase, withEnter: boolean): Promise<EditRun[]> {
  const samples: EditRun[] = [];
  for (let i = -warmup; i < edits; i += 1) {
    const target = cells[(i + warmup) % cells.length];
    if (!target) throw new Error('No cell to edit');
    const cell = gridCell(container, target.row, target.col) ?? container.querySelector<HTMLElement>(`td[data-row="${target.row}"][data-col="${target.col}"]`);
    if (!cell) throw new Error(`No grid cell at row ${target.row}, column ${target.col} in the page`);
    cell.focus();
    await nextPaint();
    const digit = String(1 + ((i + warmup) % 9));
    const shows = new RegExp(`\\$${digit}(?![\\d,.])`);
    const totalText = () => [...container.querySelectorAll<HTMLElement>('[role="gridcell"], td')].filter((el) => /^Total for/.test(el.getAttribute('aria-label') ?? '') || el.dataset.total === String(target.col)).map((el) => el.textContent).join('|');
    const before = totalText();
    gc?.();
    const start = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: digit, bubbles: true, cancelable: true }));
    let opened = start;
    if (withEnter) {
      opened = await waitFor(() => cell.querySelector('input') !== null, container, 'the cell to open for typing', 3_000);
      cell.querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }
    const here = () => gridCell(container, target.row, target.col) ?? cell;
    const shown = await waitFor(() => here().querySelector('input') === null && shows.test(here().textContent ?? '') && totalText() !== before, container, `the cell and its total to show $${digit}`, 3_000);
    const painted = await nextPaint();
    while ((await storedAmount(db, target.allocationId)) !== Number(digit) * 100) {
      if (performance.now() - start > 3_000) throw new Error(`$${digit} was shown but not stored within 3 s`);
    }
    const stored = performance.now();
    if (i >= 0) samples.push({ opened: opened - start, shown: shown - start, painted: painted - start, stored: stored - start });
  }
  return samples;
}

/** Cell edits in the app's grid, then in the plain table; p50 and p95 until shown, totalled, painted and stored. */
export async function benchGridEdit({ planId, raw, edits, warmup }: { planId: string; raw: IDBDatabase; edits: number; warmup: number }): Promise<Measure[]> {
  const bundle = await planStore.loadBundle(planId);
  if (!bundle) throw new Error('The plan is missing');
  const cells = targets(bundle, 5);
  check(cells.length > 0, 'the plan has single-line school cells to edit');
  const appDb = await openExisting(DATABASE_NAME);
  let appRuns: EditRun[];
  const mounted = mountApp(GRID, planId);
  try {
    await mounted.committed;
    await nextPaint();
    appRuns = await editLoop(mounted.container, cells, edits, warmup, appDb, true);
  } finally {
    await mounted.dispose();
    window.scrollTo(0, 0);
    appDb.close();
  }
  // The same writes with nothing on screen: what the store takes on its own, for comparison.
  const alone: number[] = [];
  const lookup = new Map(bundle.allocations.map((a) => [a.id, a]));
  for (let i = 0; i < Math.min(edits, 50); i += 1) {
    const target = cells[i % cells.length];
    const line = target ? lookup.get(target.allocationId) : undefined;
    if (!target || !line) continue;
    alone.push(await timed(() => planStore.setAllocationCell(planId, { phaseId: line.phaseId, recipient: line.recipient, kind: 'money' }, line.id, (10 + (i % 9)) * 100, { sourceId: null, recurrence: 'one-time', flexible: false })));
  }
  const plain = await mountPlain(PLAIN_GRID, raw, planId);
  let rawRuns: EditRun[];
  try {
    await nextPaint();
    rawRuns = await editLoop(plain.container, cells, edits, warmup, raw, false);
  } finally {
    await plain.dispose();
  }
  const done = (r: EditRun) => Math.max(r.painted, r.stored);
  const appSamples = appRuns.map(done);
  const rawSamples = rawRuns.map(done);
  // Where an edit's time goes, p50 / p95: the cell open for typing, the cell and total shown, painted, stored.
  const split = (runs: EditRun[]) => Object.fromEntries((['opened', 'shown', 'painted', 'stored'] as const).map((k) => [k, [percentile(runs.map((r) => r[k]), 50), percentile(runs.map((r) => r[k]), 95)]]));
  const base = { group: 'render' as const, appSamples, rawSamples, extra: { split: { app: split(appRuns), raw: split(rawRuns) }, storeAlone: { p50: percentile(alone, 50), p95: percentile(alone, 95) } } };
  return [
    { key: 'grid-edit-p50', label: `grid cell edit (digit, Enter) until shown, totalled and stored, p50 of ${edits}`, app: percentile(appSamples, 50), raw: percentile(rawSamples, 50), ...base },
    { key: 'grid-edit-p95', label: `grid cell edit (digit, Enter) until shown, totalled and stored, p95 of ${edits}`, app: percentile(appSamples, 95), raw: percentile(rawSamples, 95), ...base },
  ];
}
