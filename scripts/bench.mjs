// `npm run bench`: the app's storage and plan-file code against bare IndexedDB, the plan's
//   Roadmap and Tight & loose sections against plain DOM, and the app's start against a bare
//   page with the library's heading and "New plan" button, in Chromium.
//   builds tests/bench (Vite) to dist/bench, and the app itself to dist/bench/startup/app (never
//   dist/renderer), serves dist/bench on 127.0.0.1:4611, loads the app and the bare page from
//   scratch (tests/bench/startup.mjs), runs window.runBench() in headless system Chromium
//   (1366×768), prints the figures with their ratio to the baseline and the targets, and writes
//   them to tests/bench/results.json.
// Missed targets are reported, not failed: the exit code is non-zero only when the benchmark
// could not run (build, browser, page error, a sanity check).
//
// Options: --profile FILE (a CPU profile of the run, for DevTools), --reps N (default 21), --edits N (default 200), --renders N (mounts of each section,
// default 15), --stance-edits N (default 100), --startup-runs N (cold loads of each start-up page, default 15), --open-runs N
// (openings of each section in the app, each way, default 5), --report-runs N (PDFs of each report, default 3), --dexie-debug (Dexie's debug mode on, as Dexie sets
// it itself for pages on localhost / 127.0.0.1; the desktop app runs with it off), --only STEPS (a comma-separated list of
// the steps to run, e.g. "grid edits,roster import" or "startup"; tests/bench/results.json is then left as it is).
import { createServer } from 'node:http';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { benchReports, benchSectionOpen, benchStartup, STARTUP_APP_PATH, STARTUP_BARE_PATH } from '../tests/bench/startup.mjs';

const PORT = 4611;
/** The smaller of the two screens the app is designed for. */
const VIEWPORT = { width: 1366, height: 768 };

/** A failure with a message that says everything; printed without a stack trace. */
class BenchError extends Error {}
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'bench');
const resultsFile = join(root, 'tests', 'bench', 'results.json');

/** Targets from the performance issue. A measure may have several. */
const TARGETS = [
  { key: 'import', text: '< 1 s', met: (m) => m.app < 1000 },
  { key: 'open', text: '≤ 1.5× raw', met: (m) => m.app <= 1.5 * m.raw, missed: (m) => `${(m.app / m.raw).toFixed(3)}×` },
  { key: 'open', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'edit-p95', text: '< 50 ms', met: (m) => m.app < 50 },
  { key: 'export', text: '< 1 s', met: (m) => m.app < 1000 },
  { key: 'matrix-paint', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'matrix-interactive', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'timeline-paint', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'timeline-interactive', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'stance-p95', text: '< 50 ms', met: (m) => m.app < 50 },
  { key: 'roster-import', text: '< 1 s', met: (m) => m.app < 1000 },
  { key: 'grid-paint', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'grid-edit-p95', text: '< 50 ms', met: (m) => m.app < 50 },
  { key: 'startup-interactive-p50', text: '≤ 2× bare', met: (m) => m.app <= 2 * m.raw, missed: (m) => `${(m.app / m.raw).toFixed(2)}×` },
  { key: 'startup-script', text: '≤ 200 KB', met: (m) => m.app <= 200 },
  // The same targets as the sections' mounts: opening one in the app, its code loaded on demand, must not lose them.
  { key: 'open-tight-loose-warm', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'open-roadmap-warm', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'open-resources-warm', text: '< 300 ms', met: (m) => m.app < 300 },
  // The share issue's targets on the large plan.
  { key: 'share-csv', text: '< 500 ms', met: (m) => m.app < 500 },
  { key: 'share-ics', text: '< 500 ms', met: (m) => m.app < 500 },
  { key: 'share-mspdi', text: '< 500 ms', met: (m) => m.app < 500 },
  { key: 'share-html', text: '< 500 ms', met: (m) => m.app < 500 },
  { key: 'share-xlsx', text: '< 1 s', met: (m) => m.app < 1000 },
  { key: 'report-packet-pdf', text: '< 5 s', met: (m) => m.app < 5000 },
  { key: 'report-briefs-pdf', text: '< 10 s', met: (m) => m.app < 10000 },
  // The revisions issue's targets, on the large plan with 200 revisions stored.
  { key: 'history-save', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'history-list', text: '< 100 ms', met: (m) => m.app < 100 },
  { key: 'history-compare', text: '< 300 ms', met: (m) => m.app < 300 },
  { key: 'history-restore', text: '< 1 s', met: (m) => m.app < 1000 },
];

/**
 * Steps that load the built app (tests/bench/startup.mjs) rather than run in the benchmark page:
 * its start from scratch, and opening sections of the page's large plan in it.
 */
const STARTUP_STEP = 'startup';
const OPEN_STEP = 'section opens';
const REPORTS_STEP = 'reports';

function parseOptions(argv) {
  const number = (flag, fallback) => {
    const i = argv.indexOf(flag);
    if (i === -1) return fallback;
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 1) throw new BenchError(`${flag} needs a whole number of at least 1.`);
    return value;
  };
  return {
    reps: number('--reps', 21),
    edits: number('--edits', 200),
    warmupEdits: 20,
    renders: number('--renders', 15),
    stanceEdits: number('--stance-edits', 100),
    startupRuns: number('--startup-runs', 15),
    openRuns: number('--open-runs', 5),
    reportRuns: number('--report-runs', 3),
    warmupStanceEdits: 10,
    dexieDebug: argv.includes('--dexie-debug'),
    only: argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',').map((name) => name.trim()).filter(Boolean) : null,
  };
}

async function buildPage() {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'tests', 'bench', 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Builds the app as it ships (the app's own Vite config) into dist/bench, never dist/renderer,
 * which `npm run build` and the E2E suite use; and puts the bare page beside it.
 */
async function buildStartupPages() {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(outDir, STARTUP_APP_PATH), emptyOutDir: true } });
  await copyFile(join(root, 'tests', 'bench', 'startup-bare.html'), join(outDir, STARTUP_BARE_PATH));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };

/** Serves dist/bench. Cross-origin isolation gives the page a 5 µs timer instead of 100 µs. */
function serve() {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    if (!file.startsWith(outDir + sep)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(error.code === 'EADDRINUSE'
      ? new BenchError(`Port ${PORT} is in use by another program; the benchmark serves its page there. Close it and run again.`)
      : error));
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

const ms = (value) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  const line = (row) => row.map((cell, c) => (c === 0 || c >= 4 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function report(result, browserVersion, load) {
  const { environment: env, data, options, measures } = result;
  console.log(`\nRoadmap Planner benchmark — ${new Date().toISOString().slice(0, 10)}`);
  console.log(`Chromium ${browserVersion} headless, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`);
  const busy = Math.max(load.before, load.after) > cpus().length / 2;
  console.log(`Load average (1 min) ${load.before.toFixed(2)} before the run, ${load.after.toFixed(2)} after${busy ? ': other work on this machine makes every figure larger and noisier' : ''}.`);
  // Only the start-up step ran (--only startup): the benchmark page, its data and its timer were not used.
  if (env) {
    console.log(`Timer resolution ${env.timerResolutionMs.toFixed(3)} ms (cross-origin isolated: ${env.crossOriginIsolated}); Dexie debug mode ${env.dexieDebug ? 'ON' : 'off'}; GC between runs: ${env.gcBetweenRuns ? 'yes' : 'no'}`);
    const sizes = Object.entries(data.largePlan).filter(([table]) => table !== 'plans').map(([table, n]) => `${n.toLocaleString('en-US')} ${table}`).join(', ');
    console.log(`Large plan: ${sizes} (plan file ${(data.fileBytes / 1024).toFixed(1)} KiB); library: ${data.libraryPlans} plans, ${data.libraryRows.toLocaleString('en-US')} records`);
  }

  let met = 0;
  const group = (name, header, intro, appHeader = 'app ms') => {
    // Start-up rows mix times and sizes, so their cells carry their unit.
    const value = (m, v) => (m.unit === 'KB' ? `${v.toFixed(1)} KB` : name === 'startup' ? `${ms(v)} ms` : ms(v));
    const rows = [['measure', appHeader, header, 'app/raw', 'target', 'result']];
    for (const m of measures.filter((x) => x.group === name)) {
      const targets = TARGETS.filter((t) => t.key === m.key);
      const outcomes = targets.map((t) => t.met(m));
      met += outcomes.filter(Boolean).length;
      rows.push([
        m.label,
        value(m, m.app),
        m.raw > 0 ? value(m, m.raw) : '—',
        m.raw > 0 ? `${(m.app / m.raw).toFixed(2)}×` : '—',
        targets.map((t) => t.text).join(', ') || '—',
        outcomes.length === 0 ? '' : outcomes.map((ok, i) => (ok ? 'met' : `MISSED${targets[i].missed ? ` (${targets[i].missed(m)})` : ''}`)).join(', '),
      ]);
    }
    if (rows.length === 1) return;
    console.log(`\n${intro}\n`);
    console.log(table(rows));
  };
  const startup = measures.find((m) => m.key === 'startup-interactive-p50');
  if (startup) {
    const { clickable, clickAt } = startup.extra.split;
    group('startup', 'bare page', [
      `Start-up: ${options.startupRuns} cold loads of each page (after 1 warm-up), each in a new browser context (empty library, nothing cached), from the navigation's start;`,
      'the bare page is plain HTML with the same heading and button (tests/bench/startup-bare.html), served the same way.',
      `Medians: "New plan" visible, enabled and on top at ${ms(clickable.app)} ms (bare ${ms(clickable.raw)}), clicked at ${ms(clickAt.app)} ms (bare ${ms(clickAt.raw)}).`,
    ].join('\n'), 'app');
  }
  group('storage', 'raw IDB ms', `Storage: median of ${options.reps} runs (after 1 warm-up) on databases filled once with the library; edits: ${options.edits} after ${options.warmupEdits} warm-up.`);
  const stance = measures.find((m) => m.key === 'stance-p95');
  if (env) group('render', 'plain DOM ms', [
    `Rendering at ${env.viewport.width}×${env.viewport.height}: median of ${options.renders} mounts of each section (after 1 warm-up); stance edits: ${options.stanceEdits} after ${options.warmupStanceEdits} warm-up${stance?.extra?.path === 'store' ? ', through planStore.setStance: the matrix did not take the key press' : ''}.`,
    'Baseline: the same cells, bars and markers as plain DOM from a bare IndexedDB read (tests/bench/README.md has the definitions).',
  ].join('\n'));
  group('share', 'native export ms', `Share formats: median of ${options.reps} runs (after 1 warm-up), each from reading the plan to the file's text or bytes; baseline: the native export (read + serialize) in the same runs.`);
  group('history', 'baseline ms', `History: median of ${options.reps} runs (after 1 warm-up) on the large plan with 200 revisions stored; each baseline is named in its row.`);
  group('reports', 'baseline', `Printed reports: median of ${options.reportRuns} (after 1 warm-up), from opening the report's address in the app to the PDF's bytes (Chromium's print, tagged, with an outline).`);
  const firstRuns = ['matrix-paint', 'timeline-paint'].map((key) => measures.find((m) => m.key === key)).filter((m) => m?.extra?.firstRun);
  if (firstRuns.length > 0) {
    const text = firstRuns.map((m) => {
      const { app, raw } = m.extra.firstRun;
      return `${m.label.replace(/, first paint$/, '')}: ${ms(app.paint)} / ${ms(app.interactive)} ms (plain DOM ${ms(raw.paint)} / ${ms(raw.interactive)})`;
    }).join('; ');
    console.log(`\nThe warm-up mount (first paint / interactive), the first time in the page: no styles inserted yet, nothing in Dexie's live-query cache. ${text}.`);
  }
  const measured = TARGETS.filter((t) => measures.some((m) => m.key === t.key)).length;
  console.log(`\n${met} of ${measured} targets met${measured < TARGETS.length ? ` (${TARGETS.length - measured} not measured in this run)` : ''}.`);
}

/** The benchmark page's steps (window.runBench), in a page of their own. */
async function runPageSteps(browser, options) {
  // A context of its own (not browser.newPage()'s), so that the app can be opened beside the page on its database.
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`page: ${message.text()}`);
    else if (message.text().startsWith('bench:')) console.log(message.text());
  });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => typeof globalThis.runBench === 'function', null, { timeout: 30_000 });
  console.log(`Running in Chromium (${options.reps} runs per storage measure, ${options.renders} mounts per section; this takes about two minutes)…`);
  const profileAt = process.argv.indexOf('--profile');
  const profileFile = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;
  const cdp = profileFile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const result = await page.evaluate((opts) => globalThis.runBench(opts), options);
  if (cdp && profileFile) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
    console.log(`CPU profile of the whole run: ${profileFile} (open in Chrome DevTools › Performance)`);
  }
  if (pageErrors.length > 0) throw pageErrors[0];
  return { result, page };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new BenchError('No Chromium or Chrome found (apt-get install chromium, or set CHROMIUM_PATH).');

  const runs = (step) => !options.only || options.only.includes(step);
  const runStartup = runs(STARTUP_STEP);
  const runOpens = runs(OPEN_STEP);
  const runReports = runs(REPORTS_STEP);
  // Opening sections needs the page too: it fills the app's database with the large plan.
  const runPage = !options.only || options.only.some((name) => name !== STARTUP_STEP);
  if (runPage) {
    console.log('Building the benchmark page (tests/bench → dist/bench)…');
    await buildPage();
  } else {
    await mkdir(outDir, { recursive: true });
  }
  if (runStartup || runOpens || runReports) {
    console.log(`Building the app for the start-up measure (→ dist/bench/${STARTUP_APP_PATH})…`);
    await buildStartupPages();
  }

  const server = await serve();
  const { chromium } = await import('@playwright/test');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs(), '--js-flags=--expose-gc'] });
    const loadBefore = loadavg()[0];
    // First, while nothing else has run in this browser: each load has a context of its own.
    const startupMeasures = [];
    if (runStartup) {
      console.log(`Loading the app and the bare page from scratch, ${options.startupRuns} times each…`);
      startupMeasures.push(...await benchStartup({ browser, origin: `http://127.0.0.1:${PORT}`, servedDir: outDir, runs: options.startupRuns, viewport: VIEWPORT, log: console.log }));
    }
    let result = { options, measures: [] };
    const openMeasures = [];
    if (runPage) {
      const run = await runPageSteps(browser, options);
      result = run.result;
      if (runOpens) {
        console.log(`Opening sections of the large plan in the app, ${options.openRuns} times each, before and after its code is preloaded…`);
        openMeasures.push(...await benchSectionOpen({ context: run.page.context(), origin: `http://127.0.0.1:${PORT}`, runs: options.openRuns, log: console.log }));
      }
      if (runReports) {
        console.log(`Making the large plan's board packet and school briefs as PDFs in the app, ${options.reportRuns} times each…`);
        openMeasures.push(...await benchReports({ context: run.page.context(), origin: `http://127.0.0.1:${PORT}`, runs: options.reportRuns, log: console.log }));
      }
    }
    result = { ...result, measures: [...startupMeasures, ...result.measures, ...openMeasures] };
    const load = { before: loadBefore, after: loadavg()[0] };
    const browserVersion = browser.version();
    // A run of some steps only (--only) is for working on them: it leaves the recorded results alone.
    const file = options.only ? join(outDir, 'results-partial.json') : resultsFile;
    await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), chromium: browserVersion, cores: cpus().length, loadAverage: load, ...result }, null, 2)}\n`);
    report(result, browserVersion, load);
    console.log(`Figures and every sample: ${file}`);
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

try {
  await main();
} catch (error) {
  const detail = error instanceof BenchError ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
  console.error(`\nThe benchmark could not run: ${detail}`);
  process.exitCode = 1;
}
