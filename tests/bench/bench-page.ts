/**
 * The benchmark page. It runs the app's real storage and plan-file code, and the plan sections
 * themselves (render-bench.tsx), in Chromium, with the same jobs done on bare IndexedDB
 * (raw-idb.ts) and plain DOM as the baseline, and hands the figures to scripts/bench.mjs
 * through window.runBench().
 *
 * The app side works on the app's own database (DATABASE_NAME, through `planStore` from
 * renderer/src/app/store.ts), since the sections read and write through it; the raw side on a
 * bare database with the same layout. Both are filled once with the same library.
 */
import { Dexie } from 'dexie';
import { DATABASE_NAME, PlannerDatabase } from '../../renderer/src/storage/database';
import type { PlanStore } from '../../renderer/src/storage/plan-store';
import { planStore } from '../../renderer/src/app/store';
import { bundleFromFile, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, readPlanFile, serializePlanFile } from '../../renderer/src/domain/plan-file';
import { nowTimestamp } from '../../renderer/src/domain/ids';
import type { PlanBundle } from '../../renderer/src/domain/schemas';
import { CHILD_TABLE_NAMES, generateLargePlan, generateLibrary, LIBRARY_PLANS, rowCount, type BenchLibrary } from './generate';
import { deleteDatabase, openRaw, rawDeletePlan, rawListPlans, rawLoadBundle, rawPutBundles, rawUpdateRecord, unorderedTables } from './raw-idb';
import { check, gc, median, percentile, timed, type Measure, type MeasureKey } from './measure';
import { benchSectionRender, benchStanceEdit } from './render-bench';
import { benchRosterImport } from './roster-bench';
import { benchGridEdit, benchGridRender } from './grid-bench';
import { benchShareFormats } from './share-bench';
import { benchRevisions } from './revisions-bench';

export interface BenchOptions {
  /** Measured repetitions of each whole-plan operation (one more runs first as a warm-up). */
  reps: number;
  /** Measured edits (after `warmupEdits` unmeasured ones). */
  edits: number;
  warmupEdits: number;
  /** Measured mounts of each plan section (one more runs first as a warm-up). */
  renders: number;
  /** Measured stance edits in the matrix (after `warmupStanceEdits` unmeasured ones). */
  stanceEdits: number;
  warmupStanceEdits: number;
  /** Dexie's debug mode (on by default for pages served from 127.0.0.1; off in the desktop app). */
  dexieDebug: boolean;
  /** Only these steps (by their names: import, open, …, roster import), for working on one measure; null for all. */
  only: string[] | null;
}

export type { Measure } from './measure';

export interface BenchResult {
  environment: {
    userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean; timerResolutionMs: number; dexieDebug: boolean; gcBetweenRuns: boolean;
    viewport: { width: number; height: number };
  };
  data: { largePlan: Record<string, number>; libraryPlans: number; libraryRows: number; fileBytes: number };
  options: BenchOptions;
  measures: Measure[];
}

declare global {
  interface Window {
    runBench: (options: BenchOptions) => Promise<BenchResult>;
  }
}

const APP = { name: 'Roadmap Planner', version: __APP_VERSION__ };
const RAW_DATABASE = 'bench-raw';

/** JSON with object keys sorted, to compare records regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}

const UNORDERED = new Set<string>(unorderedTables());

/**
 * A bundle as canonical text, order-insensitive where the schema has no order: rows of tables
 * without [planId+order] (stances, positions, milestones) are sorted by id first, since the app
 * returns milestones by date and the raw read returns rows by primary key.
 */
function canonicalBundle(bundle: unknown): string {
  if (!bundle || typeof bundle !== 'object') return canonical(bundle);
  const sorted = Object.fromEntries(Object.entries(bundle as Record<string, unknown>).map(([name, rows]) => [name,
    UNORDERED.has(name) && Array.isArray(rows) ? [...(rows as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : rows]));
  return canonical(sorted);
}

function sameBundle(actual: unknown, expected: PlanBundle): boolean {
  return actual !== undefined && canonicalBundle(actual) === canonicalBundle(expected);
}

/** The app's database and a bare one, holding the same plans, each open on a connection. */
interface Pair {
  store: PlanStore;
  raw: IDBDatabase;
}

/** Fills both databases from scratch (untimed) with `plans`. */
async function seedPair(plans: readonly PlanBundle[]): Promise<Pair> {
  await Promise.all([Dexie.delete(DATABASE_NAME), deleteDatabase(RAW_DATABASE)]);
  const seed = new PlannerDatabase(DATABASE_NAME);
  await seed.transaction('rw', seed.tables, async () => {
    await seed.plans.bulkPut(plans.map((b) => ({ ...b.plan, deletedAt: null })));
    for (const name of CHILD_TABLE_NAMES) await seed.table<unknown, string>(name).bulkPut(plans.flatMap((b): unknown[] => b[name]));
  });
  seed.close();
  const seedRaw = await openRaw(RAW_DATABASE);
  await rawPutBundles(seedRaw, plans);
  seedRaw.close();
  const raw = await openRaw(RAW_DATABASE);
  // planStore opens its database on first use: open it now, outside any timing.
  check((await planStore.listPlans()).length === plans.length, 'the app database holds the library');
  return { store: planStore, raw };
}

/**
 * Runs `app` and `raw` once each per repetition, alternating which goes first, on the same
 * pair; `setup` (untimed) makes what a repetition works on and `cleanup` (untimed) undoes what
 * it wrote. The first repetition is the warm-up and the one whose results are checked.
 */
async function repeat<C>(
  options: BenchOptions,
  setup: () => C,
  app: (context: C) => Promise<unknown>,
  raw: (context: C) => Promise<unknown>,
  verify: (context: C, appOut: unknown, rawOut: unknown) => Promise<void>,
  cleanup?: (context: C) => Promise<void>,
): Promise<{ appSamples: number[]; rawSamples: number[] }> {
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let rep = -1; rep < options.reps; rep += 1) {
    const context = setup();
    try {
      let appOut: unknown;
      let rawOut: unknown;
      const runApp = async () => timed(async () => { appOut = await app(context); });
      const runRaw = async () => timed(async () => { rawOut = await raw(context); });
      let appMs: number;
      let rawMs: number;
      if (rep % 2 === 0) {
        appMs = await runApp();
        rawMs = await runRaw();
      } else {
        rawMs = await runRaw();
        appMs = await runApp();
      }
      if (rep === -1) {
        await verify(context, appOut, rawOut);
      } else {
        appSamples.push(appMs);
        rawSamples.push(rawMs);
      }
    } finally {
      await cleanup?.(context);
    }
  }
  return { appSamples, rawSamples };
}

function measure(key: MeasureKey, label: string, samples: { appSamples: number[]; rawSamples: number[] }): Measure {
  return { key, group: 'storage', label, app: median(samples.appSamples), raw: median(samples.rawSamples), ...samples };
}

function planFileText(bundle: PlanBundle): string {
  return serializePlanFile(bundle, APP, nowTimestamp());
}

/** Each run imports a newly generated copy of the large plan (fresh ids), removed again afterwards. */
async function benchImport(options: BenchOptions, pair: Pair): Promise<Measure> {
  const samples = await repeat(options,
    () => {
      const bundle = generateLargePlan();
      return { bundle, text: planFileText(bundle) };
    },
    async ({ text }) => {
      const result = readPlanFile(text);
      if (!result.ok) throw new Error(`The generated plan file does not read: ${result.summary} ${JSON.stringify(result.problems.slice(0, 3))}`);
      await pair.store.importBundle(bundleFromFile(result.file), 'add');
    },
    async ({ text }) => {
      const file = JSON.parse(text) as PlanBundle;
      await rawPutBundles(pair.raw, [file]);
    },
    async ({ bundle }) => {
      const [app, bare] = await Promise.all([pair.store.loadBundle(bundle.plan.id), rawLoadBundle(pair.raw, bundle.plan.id)]);
      check(sameBundle(app, bundle), 'the imported plan reads back as generated (app)');
      check(sameBundle(bare, bundle), 'the imported plan reads back as generated (raw)');
    },
    async ({ bundle }) => {
      await Promise.all([pair.store.purgePlan(bundle.plan.id), rawDeletePlan(pair.raw, bundle.plan.id)]);
    });
  check((await pair.store.listPlans()).length === LIBRARY_PLANS + 1 && (await rawListPlans(pair.raw)).length === LIBRARY_PLANS + 1, 'the imported copies were removed again');
  return measure('import', 'import the plan file', samples);
}

async function benchOpen(options: BenchOptions, pair: Pair, library: BenchLibrary): Promise<Measure> {
  const planId = library.large.plan.id;
  const samples = await repeat(options, () => null,
    () => pair.store.loadBundle(planId),
    () => rawLoadBundle(pair.raw, planId),
    async (_context, app, bare) => {
      check(sameBundle(app, library.large), 'the app loads the plan as written');
      check(sameBundle(bare, library.large), 'the raw read loads the plan as written');
    });
  return measure('open', 'open the plan', samples);
}

async function benchExport(options: BenchOptions, pair: Pair, library: BenchLibrary): Promise<Measure> {
  const planId = library.large.plan.id;
  const samples = await repeat(options, () => null,
    async () => {
      const bundle = await pair.store.loadBundle(planId);
      if (!bundle) throw new Error('The plan to export is missing');
      return serializePlanFile(bundle, APP, nowTimestamp());
    },
    async () => {
      const bundle = await rawLoadBundle(pair.raw, planId);
      if (!bundle) throw new Error('The plan to export is missing');
      const file = { format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_VERSION, exportedAt: nowTimestamp(), app: APP, ...bundle };
      return `${JSON.stringify(file, null, 2)}\n`;
    },
    async (_context, app, bare) => {
      check(typeof app === 'string' && typeof bare === 'string', 'both exports produce text');
      const appFile = readPlanFile(app as string);
      const rawFile = readPlanFile(bare as string);
      check(appFile.ok && sameBundle(bundleFromFile(appFile.file), library.large), 'the app export reads back as the plan');
      check(rawFile.ok && sameBundle(bundleFromFile(rawFile.file), library.large), 'the raw export reads back as the plan');
    });
  return measure('export', 'export to file', samples);
}

async function benchList(options: BenchOptions, pair: Pair, library: BenchLibrary): Promise<Measure> {
  const samples = await repeat(options, () => null,
    () => pair.store.listPlans(),
    () => rawListPlans(pair.raw),
    async (_context, app, bare) => {
      const expected = [library.large, ...library.others].map((b) => `${b.plan.id}:${b.phases.length}`).join();
      const shown = (list: unknown) => (list as { id: string; phaseCount: number }[]).map((p) => `${p.id}:${p.phaseCount}`).join();
      check(shown(app) === expected, 'the app lists every plan, newest first, with its phase count');
      check(shown(bare) === expected, 'the raw read lists every plan, newest first, with its phase count');
    });
  return measure('list', `list the library (${LIBRARY_PLANS + 1} plans)`, samples);
}

/** One field edit until committed, p50 and p95, app and raw edits interleaved. */
async function benchEdit(options: BenchOptions, pair: Pair, library: BenchLibrary): Promise<Measure[]> {
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  const phases = library.large.phases;
  let lastGoal = '';
  let lastPhase = '';
  for (let i = -options.warmupEdits; i < options.edits; i += 1) {
    const phase = phases[((i % phases.length) + phases.length) % phases.length];
    if (!phase) throw new Error('The large plan has no phases');
    const goal = `${phase.goal} Revision ${i + options.warmupEdits + 1}.`;
    const runApp = () => timed(() => pair.store.updatePhase(phase.id, { goal }));
    const runRaw = () => timed(() => rawUpdateRecord(pair.raw, 'phases', phase.id, { goal }, nowTimestamp()));
    let appMs: number;
    let rawMs: number;
    if (i % 2 === 0) {
      appMs = await runApp();
      rawMs = await runRaw();
    } else {
      rawMs = await runRaw();
      appMs = await runApp();
    }
    if (i >= 0) {
      appSamples.push(appMs);
      rawSamples.push(rawMs);
    }
    lastGoal = goal;
    lastPhase = phase.id;
  }
  const appPhase = (await pair.store.listPhases(library.large.plan.id)).find((p) => p.id === lastPhase);
  const rawPhase = (await rawLoadBundle(pair.raw, library.large.plan.id))?.phases.find((p) => p.id === lastPhase);
  check(appPhase?.goal === lastGoal, 'the app persisted the last edit');
  check(rawPhase?.goal === lastGoal, 'the raw write persisted the last edit');
  const base = { group: 'storage' as const, appSamples, rawSamples };
  return [
    { key: 'edit-p50', label: `edit a phase goal until saved, p50 of ${options.edits}`, app: percentile(appSamples, 50), raw: percentile(rawSamples, 50), ...base },
    { key: 'edit-p95', label: `edit a phase goal until saved, p95 of ${options.edits}`, app: percentile(appSamples, 95), raw: percentile(rawSamples, 95), ...base },
  ];
}

/** Smallest step performance.now() moves by: 0.1 ms unless the page is cross-origin isolated. */
function timerResolution(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 50; i += 1) {
    const start = performance.now();
    let next = performance.now();
    while (next === start) next = performance.now();
    smallest = Math.min(smallest, next - start);
  }
  return smallest;
}

async function runBench(options: BenchOptions): Promise<BenchResult> {
  Dexie.debug = options.dexieDebug;
  const library = generateLibrary();
  const seeded = performance.now();
  const pair = await seedPair([...library.others, library.large]);
  console.log(`bench: both databases filled (${(rowCount(library.large) + library.others.reduce((sum, b) => sum + rowCount(b), 0)).toLocaleString('en-US')} records each) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const planId = library.large.plan.id;
  const measures: Measure[] = [];
  // Read-only measures first; the edits change the plan they compare against.
  const steps: [string, () => Promise<Measure | Measure[]>][] = [
    ['import', () => benchImport(options, pair)],
    ['open', () => benchOpen(options, pair, library)],
    ['export', () => benchExport(options, pair, library)],
    ['list', () => benchList(options, pair, library)],
    ['edit', () => benchEdit(options, pair, library)],
    ['matrix', () => benchSectionRender('matrix', { planId, raw: pair.raw, reps: options.renders })],
    ['timeline', () => benchSectionRender('timeline', { planId, raw: pair.raw, reps: options.renders })],
    ['stance edits', () => benchStanceEdit({ planId, raw: pair.raw, edits: options.stanceEdits, warmup: options.warmupStanceEdits })],
    ['resources grid', () => benchGridRender({ planId, raw: pair.raw, reps: options.renders })],
    ['grid edits', () => benchGridEdit({ planId, raw: pair.raw, edits: options.stanceEdits, warmup: options.warmupStanceEdits })],
    ['share formats', () => benchShareFormats({ reps: options.reps, store: pair.store, planId })],
    ['revisions', () => benchRevisions({ reps: options.reps, store: pair.store, planId })],
    ['roster import', () => benchRosterImport({ reps: options.reps, store: pair.store, raw: pair.raw, planId: library.others[0]?.plan.id ?? planId })],
  ];
  for (const [name, step] of steps) {
    if (options.only && !options.only.includes(name)) continue;
    const started = performance.now();
    measures.push(...[await step()].flat());
    console.log(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  pair.raw.close();
  return {
    environment: {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      timerResolutionMs: timerResolution(),
      dexieDebug: Boolean(Dexie.debug),
      gcBetweenRuns: gc !== undefined,
      viewport: { width: window.innerWidth, height: window.innerHeight },
    },
    data: {
      largePlan: Object.fromEntries([['plans', 1], ...CHILD_TABLE_NAMES.map((name) => [name, library.large[name].length])]) as Record<string, number>,
      libraryPlans: library.others.length + 1,
      libraryRows: library.others.reduce((sum, b) => sum + rowCount(b), rowCount(library.large)),
      fileBytes: new Blob([planFileText(library.large)]).size,
    },
    options,
    measures,
  };
}

window.runBench = runBench;
document.title = 'Roadmap Planner benchmark (ready)';
