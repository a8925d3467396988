/**
 * The benchmark page. It runs the app's real storage and plan-file code in Chromium and the
 * same operations on bare IndexedDB (tests/bench/raw-idb.ts) as the baseline, each in a fresh
 * database, and hands the figures to scripts/bench.mjs through window.runBench().
 */
import { Dexie } from 'dexie';
import { PlannerDatabase } from '../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../renderer/src/storage/plan-store';
import { bundleFromFile, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, readPlanFile, serializePlanFile } from '../../renderer/src/domain/plan-file';
import { newId, nowTimestamp } from '../../renderer/src/domain/ids';
import type { PlanBundle } from '../../renderer/src/domain/schemas';
import { CHILD_TABLE_NAMES, generateLibrary, LIBRARY_PLANS, PLANNED_TABLES, rowCount, type BenchLibrary } from './generate';
import { deleteDatabase, openRaw, rawListPlans, rawLoadBundle, rawPutBundles, rawUpdateRecord } from './raw-idb';

export interface BenchOptions {
  /** Measured repetitions of each whole-plan operation (one more runs first as a warm-up). */
  reps: number;
  /** Measured edits (after `warmupEdits` unmeasured ones). */
  edits: number;
  warmupEdits: number;
  /** Dexie's debug mode (on by default for pages served from 127.0.0.1; off in the desktop app). */
  dexieDebug: boolean;
}

export interface Measure {
  key: 'import' | 'open' | 'edit-p50' | 'edit-p95' | 'export' | 'list';
  label: string;
  /** The app's code (Dexie plan store, plan-file module), in ms: median, or the percentile named. */
  app: number;
  /** The same operation on bare IndexedDB, in ms. */
  raw: number;
  appSamples: number[];
  rawSamples: number[];
}

export interface BenchResult {
  environment: { userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean; timerResolutionMs: number; dexieDebug: boolean; gcBetweenRuns: boolean };
  data: { largePlan: Record<string, number>; libraryPlans: number; libraryRows: number; fileBytes: number; notYetInSchema: { name: string; large: number }[] };
  options: BenchOptions;
  measures: Measure[];
}

declare global {
  interface Window {
    runBench: (options: BenchOptions) => Promise<BenchResult>;
  }
}

const APP = { name: 'Roadmap Planner', version: __APP_VERSION__ };

const gc = (globalThis as { gc?: () => void }).gc;

async function timed(action: () => Promise<unknown>): Promise<number> {
  gc?.();
  const start = performance.now();
  await action();
  return performance.now() - start;
}

function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** JSON with object keys sorted, to compare records regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Sanity check failed: ${message}`);
}

/** A Dexie database and a bare one, new, holding the same plans, each on a fresh connection. */
interface Pair {
  store: PlanStore;
  raw: IDBDatabase;
  dispose: () => Promise<void>;
}

let databaseCounter = 0;

async function freshPair(plans: readonly PlanBundle[]): Promise<Pair> {
  databaseCounter += 1;
  const tag = `${databaseCounter}-${newId().slice(0, 8)}`;
  const dexieName = `bench-app-${tag}`;
  const rawName = `bench-raw-${tag}`;

  const seed = new PlannerDatabase(dexieName);
  await seed.transaction('rw', seed.tables, async () => {
    await seed.plans.bulkPut(plans.map((b) => ({ ...b.plan, deletedAt: null })));
    for (const name of CHILD_TABLE_NAMES) await seed.table<unknown, string>(name).bulkPut(plans.flatMap((b): unknown[] => b[name]));
  });
  seed.close();
  const seedRaw = await openRaw(rawName);
  if (plans.length > 0) await rawPutBundles(seedRaw, plans);
  seedRaw.close();

  const db = new PlannerDatabase(dexieName);
  await db.open();
  const raw = await openRaw(rawName);
  return {
    store: createPlanStore(db),
    raw,
    dispose: async () => {
      db.close();
      raw.close();
      await Promise.all([Dexie.delete(dexieName), deleteDatabase(rawName)]);
    },
  };
}

/** Runs `app` and `raw` once each per repetition, alternating which goes first, in a fresh pair each time. */
async function repeat(
  options: BenchOptions,
  prepare: (library: BenchLibrary) => { plans: PlanBundle[] },
  app: (pair: Pair, library: BenchLibrary) => Promise<unknown>,
  raw: (pair: Pair, library: BenchLibrary) => Promise<unknown>,
  verify: (pair: Pair, library: BenchLibrary, appOut: unknown, rawOut: unknown) => Promise<void>,
): Promise<{ appSamples: number[]; rawSamples: number[] }> {
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let rep = -1; rep < options.reps; rep += 1) {
    const library = generateLibrary();
    const pair = await freshPair(prepare(library).plans);
    try {
      let appOut: unknown;
      let rawOut: unknown;
      const runApp = async () => timed(async () => { appOut = await app(pair, library); });
      const runRaw = async () => timed(async () => { rawOut = await raw(pair, library); });
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
        await verify(pair, library, appOut, rawOut);
      } else {
        appSamples.push(appMs);
        rawSamples.push(rawMs);
      }
    } finally {
      await pair.dispose();
    }
  }
  return { appSamples, rawSamples };
}

function measure(key: Measure['key'], label: string, samples: { appSamples: number[]; rawSamples: number[] }): Measure {
  return { key, label, app: median(samples.appSamples), raw: median(samples.rawSamples), ...samples };
}

const everything = (library: BenchLibrary) => ({ plans: [...library.others, library.large] });

function planFileText(bundle: PlanBundle): string {
  return serializePlanFile(bundle, APP, nowTimestamp());
}

async function benchImport(options: BenchOptions): Promise<Measure> {
  const texts = new WeakMap<BenchLibrary, string>();
  const textOf = (library: BenchLibrary) => {
    let text = texts.get(library);
    if (text === undefined) {
      text = planFileText(library.large);
      texts.set(library, text);
    }
    return text;
  };
  const samples = await repeat(options,
    (library) => {
      textOf(library);
      return { plans: library.others };
    },
    async ({ store }, library) => {
      const result = readPlanFile(textOf(library));
      if (!result.ok) throw new Error(`The generated plan file does not read: ${result.summary} ${JSON.stringify(result.problems.slice(0, 3))}`);
      await store.importBundle(bundleFromFile(result.file), 'add');
    },
    async ({ raw }, library) => {
      const file = JSON.parse(textOf(library)) as PlanBundle;
      await rawPutBundles(raw, [file]);
    },
    async ({ store, raw }, library) => {
      const [app, bare] = await Promise.all([store.loadBundle(library.large.plan.id), rawLoadBundle(raw, library.large.plan.id)]);
      check(app !== undefined && canonical(app) === canonical(library.large), 'the imported plan reads back as generated (app)');
      check(bare !== undefined && canonical(bare) === canonical(library.large), 'the imported plan reads back as generated (raw)');
    });
  return measure('import', 'import the plan file', samples);
}

async function benchOpen(options: BenchOptions): Promise<Measure> {
  const samples = await repeat(options, everything,
    ({ store }, library) => store.loadBundle(library.large.plan.id),
    ({ raw }, library) => rawLoadBundle(raw, library.large.plan.id),
    async (_pair, library, app, bare) => {
      check(canonical(app) === canonical(library.large), 'the app loads the plan as written');
      check(canonical(bare) === canonical(library.large), 'the raw read loads the plan as written');
    });
  return measure('open', 'open the plan', samples);
}

async function benchExport(options: BenchOptions): Promise<Measure> {
  const samples = await repeat(options, everything,
    async ({ store }, library) => {
      const bundle = await store.loadBundle(library.large.plan.id);
      if (!bundle) throw new Error('The plan to export is missing');
      return serializePlanFile(bundle, APP, nowTimestamp());
    },
    async ({ raw }, library) => {
      const bundle = await rawLoadBundle(raw, library.large.plan.id);
      if (!bundle) throw new Error('The plan to export is missing');
      const file = { format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_VERSION, exportedAt: nowTimestamp(), app: APP, ...bundle };
      return `${JSON.stringify(file, null, 2)}\n`;
    },
    async (_pair, library, app, bare) => {
      check(typeof app === 'string' && typeof bare === 'string', 'both exports produce text');
      const appFile = readPlanFile(app as string);
      const rawFile = readPlanFile(bare as string);
      check(appFile.ok && canonical(bundleFromFile(appFile.file)) === canonical(library.large), 'the app export reads back as the plan');
      check(rawFile.ok && canonical(bundleFromFile(rawFile.file)) === canonical(library.large), 'the raw export reads back as the plan');
    });
  return measure('export', 'export to file', samples);
}

async function benchList(options: BenchOptions): Promise<Measure> {
  const samples = await repeat(options, everything,
    ({ store }) => store.listPlans(),
    ({ raw }) => rawListPlans(raw),
    async (_pair, library, app, bare) => {
      const expected = [library.large, ...library.others].map((b) => `${b.plan.id}:${b.phases.length}`).join();
      const shown = (list: unknown) => (list as { id: string; phaseCount: number }[]).map((p) => `${p.id}:${p.phaseCount}`).join();
      check(shown(app) === expected, 'the app lists every plan, newest first, with its phase count');
      check(shown(bare) === expected, 'the raw read lists every plan, newest first, with its phase count');
    });
  return measure('list', `list the library (${LIBRARY_PLANS + 1} plans)`, samples);
}

/** One field edit until committed, p50 and p95, app and raw edits interleaved in one fresh pair. */
async function benchEdit(options: BenchOptions): Promise<Measure[]> {
  const library = generateLibrary();
  const pair = await freshPair(everything(library).plans);
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  const phases = library.large.phases;
  let lastGoal = '';
  let lastPhase = '';
  try {
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
  } finally {
    await pair.dispose();
  }
  const base = { appSamples, rawSamples };
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
  const sample = generateLibrary();
  const measures: Measure[] = [];
  const steps: [string, () => Promise<Measure | Measure[]>][] = [
    ['import', () => benchImport(options)],
    ['open', () => benchOpen(options)],
    ['edit', () => benchEdit(options)],
    ['export', () => benchExport(options)],
    ['list', () => benchList(options)],
  ];
  for (const [name, step] of steps) {
    const started = performance.now();
    measures.push(...[await step()].flat());
    console.log(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return {
    environment: {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      timerResolutionMs: timerResolution(),
      dexieDebug: Boolean(Dexie.debug),
      gcBetweenRuns: gc !== undefined,
    },
    data: {
      largePlan: Object.fromEntries([['plans', 1], ...CHILD_TABLE_NAMES.map((name) => [name, sample.large[name].length])]) as Record<string, number>,
      libraryPlans: sample.others.length + 1,
      libraryRows: sample.others.reduce((sum, b) => sum + rowCount(b), rowCount(sample.large)),
      fileBytes: new Blob([planFileText(sample.large)]).size,
      notYetInSchema: [...PLANNED_TABLES],
    },
    options,
    measures,
  };
}

window.runBench = runBench;
document.title = 'Roadmap Planner benchmark (ready)';
