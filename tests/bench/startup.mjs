// The start-up measure of `npm run bench` (step "startup"), run from Node by scripts/bench.mjs:
// the built app's library, loaded from scratch, against a bare HTML page with the same heading
// and "New plan" button (startup-bare.html), in the same browser, served the same way.
//
// Each run opens the page in a new browser context (empty storage, so the library is the one a
// first start shows, and nothing cached: the server sends no-store) and records, in the page,
// against the navigation's start (performance.now()'s time origin):
// - first contentful paint (the browser's own paint timing entry);
// - clickable: the first animation frame in which the "New plan" button is in the page,
//   visible, enabled and the topmost element at its centre. The button is then clicked through
//   the browser's input pipeline (DevTools protocol mouse events: a trusted click that waits for
//   the main thread like a planner's would);
// - interactive: when that click's dialog is in the page (a MutationObserver installed before
//   the page's own scripts run sees it arrive);
// - the scripts the page requested before it was interactive (Resource Timing), whose files
//   are then gzipped here to give the bytes a first start has to load and parse.
// The button is looked for in the page, every frame, and the click and the waits go straight
// through the DevTools protocol: Playwright's locator actions retry on a back-off of up to
// 500 ms, and its waitForFunction first compiles Playwright's own script into the page, which
// took some 200 ms of the bare page's 350 ms to interactive here.
/* global window, document, requestAnimationFrame, MutationObserver -- used by the functions below that run in the page, not in Node */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where bench.mjs puts the two pages inside the folder it serves. */
export const STARTUP_APP_PATH = 'startup/app/';
export const STARTUP_BARE_PATH = 'startup/bare.html';

/** Installed before any script of the page runs: marks when the button can be clicked and when a dialog appears. */
function watchStartup() {
  const marks = { clickableAt: null, clickAt: null, dialogAt: null };
  let foundTarget;
  let dialogShown;
  marks.target = new Promise((resolve) => { foundTarget = resolve; });
  marks.dialog = new Promise((resolve) => { dialogShown = resolve; });
  marks.painted = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) {
        observer.disconnect();
        resolve(true);
      }
    }).observe({ type: 'paint', buffered: true });
  });
  Object.defineProperty(window, '__startup', { value: marks });
  const clickable = () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'New plan');
    if (!button || button.disabled || !button.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
    const rect = button.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return null;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const hit = document.elementFromPoint(x, y);
    return hit && button.contains(hit) ? { x, y } : null;
  };
  const look = () => {
    const target = clickable();
    if (target) {
      // Found in a frame's rAF callback; the frame paints right after it, and the button is on
      // screen from the next task on (the same "paint" as the rest of the benchmark).
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.clickableAt = performance.now();
        foundTarget(target);
      };
      channel.port2.postMessage(null);
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
  const observer = new MutationObserver(() => {
    if (marks.dialogAt === null && document.querySelector('[role="dialog"], dialog[open]')) {
      marks.dialogAt = performance.now();
      observer.disconnect();
      dialogShown(true);
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['open', 'role'] });
  window.addEventListener('click', (event) => {
    if (marks.clickAt === null && event.isTrusted) marks.clickAt = performance.now();
  }, { capture: true });
}

function readMarks() {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const resources = performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, startTime: entry.startTime, initiatorType: entry.initiatorType }));
  const { clickableAt, clickAt, dialogAt } = window.__startup;
  return { clickableAt, clickAt, dialogAt, fcp, resources };
}

/** One cold load of `url`: FCP, the click's dialog, and the script files asked for before it. */
async function loadOnce(browser, url, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.addInitScript(watchStartup);
    const cdp = await context.newCDPSession(page);
    const inPage = async (expression) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 30_000 });
      if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    };
    await page.goto(url, { waitUntil: 'commit' });
    const { x, y } = await inPage('window.__startup.target');
    // No mouse move first: Chromium holds moves for the next frame, a wait no planner's click has.
    for (const type of ['mousePressed', 'mouseReleased']) await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    await inPage('Promise.all([window.__startup.dialog, window.__startup.painted])');
    const marks = await page.evaluate(readMarks);
    if (errors.length > 0) throw errors[0];
    if (marks.dialogAt === null || marks.fcp === null) throw new Error(`${url}: the page did not report its first paint and its dialog`);
    const scriptsUntil = (time) => marks.resources
      .filter((entry) => entry.startTime <= time && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => new URL(entry.name).pathname);
    return {
      fcp: marks.fcp,
      clickable: marks.clickableAt,
      clickAt: marks.clickAt,
      interactive: marks.dialogAt,
      scriptsClickable: scriptsUntil(marks.clickableAt),
      scriptsInteractive: scriptsUntil(marks.dialogAt),
    };
  } finally {
    await context.close();
  }
}

/** Nearest-rank percentile, as on the benchmark page. */
function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

/** Bytes of each file gzipped (zlib's default level, as `gzip -c`), read from the served folder. */
async function gzippedSizes(servedDir, paths) {
  const files = [];
  for (const path of [...new Set(paths)].sort()) {
    const file = normalize(join(servedDir, decodeURIComponent(path)));
    if (!file.startsWith(servedDir + sep)) throw new Error(`${path} is outside the served folder`);
    const body = await readFile(file);
    files.push({ path, bytes: body.length, gzip: gzipSync(body).length });
  }
  return files;
}

/**
 * Runs the start-up measure: `runs` cold loads of each page after one warm-up load of each,
 * alternating which page goes first. Returns the benchmark's measures (group 'startup').
 */
export async function benchStartup({ browser, origin, servedDir, runs, viewport, log = () => {} }) {
  const pages = { app: `${origin}/${STARTUP_APP_PATH}`, bare: `${origin}/${STARTUP_BARE_PATH}` };
  const samples = { app: [], bare: [] };
  for (let run = -1; run < runs; run += 1) {
    const order = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    for (const side of order) {
      const result = await loadOnce(browser, pages[side], viewport);
      if (run >= 0) samples[side].push(result);
    }
  }
  // The gzipped size of every file any run asked for, then each run's sum up to a moment.
  const files = await gzippedSizes(servedDir, samples.app.flatMap((s) => s.scriptsInteractive));
  const gzipOf = (paths) => files.filter((f) => paths.includes(f.path)).reduce((sum, f) => sum + f.gzip, 0) / 1000;
  log(`bench: startup done (${runs} loads of each page)`);

  const series = (name) => ({ app: samples.app.map((s) => s[name]), raw: samples.bare.map((s) => s[name]) });
  const row = (key, label, { app, raw }, p, extra) => ({
    key, group: 'startup', label, app: percentile(app, p), raw: percentile(raw, p), appSamples: app, rawSamples: raw, ...(extra ? { extra } : {}),
  });
  const fcp = series('fcp');
  const interactive = series('interactive');
  const split = Object.fromEntries(['clickable', 'clickAt'].map((name) => {
    const { app, raw } = series(name);
    return [name, { app: percentile(app, 50), raw: percentile(raw, 50) }];
  }));
  // The bare page's only script is inline in its HTML: it loads no script files.
  const bytes = (key, label, name, extra) => {
    const app = samples.app.map((s) => gzipOf(s[name]));
    return { key, group: 'startup', unit: 'KB', label, app: Math.max(...app), raw: 0, appSamples: app, rawSamples: samples.bare.map(() => 0), ...(extra ? { extra } : {}) };
  };
  return [
    row('startup-fcp-p50', `first contentful paint, median of ${runs}`, fcp, 50),
    row('startup-fcp-p95', `first contentful paint, p95 of ${runs}`, fcp, 95),
    row('startup-interactive-p50', `"New plan" clickable and its dialog open, median of ${runs}`, interactive, 50, { split }),
    row('startup-interactive-p95', `"New plan" clickable and its dialog open, p95 of ${runs}`, interactive, 95),
    bytes('startup-script', 'script fetched until "New plan" is clickable, KB gzipped (most of any run)', 'scriptsClickable', { files }),
    bytes('startup-script-dialog', 'script fetched until its dialog is open, KB gzipped (most of any run)', 'scriptsInteractive'),
  ];
}

/** The large plan the benchmark page writes to the app's database (tests/bench/generate.ts). */
const LARGE_PLAN = 'Statewide personalized learning roadmap';

/** The plan sections the page's rendering measures mount, and what shows each is on screen. */
const OPENED_SECTIONS = [
  { key: 'tight-loose', link: 'Tight & loose', shown: '[role="grid"] tbody [role="gridcell"]', count: 240, target: 'matrix-paint' },
  { key: 'roadmap', link: 'Roadmap', shown: '[data-phase-bar]', count: 12, target: 'timeline-paint' },
  { key: 'resources', link: 'Resources', shown: '[role="grid"] [role="gridcell"][data-row="0"][data-col="0"]', count: 1, target: 'grid-paint' },
];

/** The large plan's address in the built app, read from its link in the library. */
async function largePlanHref(context, app) {
  const library = await context.newPage();
  try {
    await library.goto(`${app}#/`);
    return await library.getByRole('link', { name: LARGE_PLAN, exact: true }).getAttribute('href', { timeout: 30_000 });
  } finally {
    await library.close();
  }
}

/**
 * In the page: follows the plan's section link, and resolves with the time from the click until
 * the section's content is in the page and painted (the frame after it has rendered).
 */
function openSection({ link, shown, count }) {
  const anchor = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.trim() === link);
  if (!anchor) throw new Error(`No section link "${link}"`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const done = () => document.querySelectorAll(shown).length >= count;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`${link} did not show within 20 s`)); }, 20_000);
    observer.observe(document.body, { subtree: true, childList: true });
    anchor.click();
  });
}

/**
 * Opening a section of the large plan in the built app for the first time, from the plan's
 * Overview: once as soon as the Overview shows (the section's code still to be fetched: the app
 * starts fetching every section 1.5 s after it starts, when idle), once after the app has sat
 * idle for `idleMs` (the code fetched already). Runs in the benchmark page's browser context,
 * whose app database the page has filled. Returns measures of the 'render' group, to be read
 * beside the page's mounts of the same sections.
 */
export async function benchSectionOpen({ context, origin, runs, idleMs = 5000, log = () => {} }) {
  const app = `${origin}/${STARTUP_APP_PATH}`;
  const href = await largePlanHref(context, app);
  const measures = [];
  for (const section of OPENED_SECTIONS) {
    const samples = { cold: [], warm: [] };
    for (let run = -1; run < runs; run += 1) {
      for (const when of ['cold', 'warm']) {
        const page = await context.newPage();
        try {
          await page.goto(`${app}${href}`);
          await page.getByRole('heading', { level: 1, name: LARGE_PLAN }).waitFor({ timeout: 30_000 });
          if (when === 'warm') await page.waitForTimeout(idleMs);
          const ms = await page.evaluate(openSection, { link: section.link, shown: section.shown, count: section.count });
          if (run >= 0) samples[when].push(ms);
        } finally {
          await page.close();
        }
      }
    }
    const row = (when, label, extra) => ({
      key: `open-${section.key}-${when}`, group: 'render', label, app: percentile(samples[when], 50), raw: 0, appSamples: samples[when], rawSamples: [], extra,
    });
    measures.push(
      row('warm', `${section.link}, opened in the app from the Overview, code preloaded, median of ${runs}`, { mountedAs: section.target }),
      row('cold', `${section.link}, opened in the app from the Overview, code not yet fetched, median of ${runs}`),
    );
  }
  log(`bench: section opens done (${runs} of each section, each way)`);
  return measures;
}

/** The printed reports, as a planner makes them: each from its address in the app to the PDF's bytes. */
const REPORTS = [
  { kind: 'packet', key: 'report-packet-pdf', label: 'board packet' },
  { kind: 'briefs', key: 'report-briefs-pdf', label: 'school briefs, every school' },
];

/**
 * Making the large plan's board packet and school briefs as PDFs in the built app: from opening
 * the report's address (the report's code not yet fetched) until Chromium's PDF (tagged, with its
 * outline, as the tests and the desktop app make it) is in hand. This is Chromium's own print, so
 * there is no baseline in plain DOM; the page count is kept with the figures.
 */
export async function benchReports({ context, origin, runs, log = () => {} }) {
  const app = `${origin}/${STARTUP_APP_PATH}`;
  const href = await largePlanHref(context, app);
  const measures = [];
  for (const report of REPORTS) {
    const samples = [];
    const shown = [];
    let pages = 0;
    for (let run = -1; run < runs; run += 1) {
      const page = await context.newPage();
      try {
        const start = Date.now();
        await page.goto(`${app}${href}/report/${report.kind}`);
        await page.waitForFunction(() => document.querySelectorAll('.report h2').length > 0, null, { timeout: 60_000 });
        const onScreen = Date.now() - start;
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        const ms = Date.now() - start;
        pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
        if (run >= 0) {
          samples.push(ms);
          shown.push(onScreen);
        }
      } finally {
        await page.close();
      }
    }
    if (pages < 2) throw new Error(`The ${report.label} PDF has ${pages} pages`);
    measures.push({
      key: report.key, group: 'reports', label: `${report.label} PDF of the large plan (${pages} pages), median of ${runs}`,
      app: percentile(samples, 50), raw: 0, appSamples: samples, rawSamples: [], extra: { pages, onScreenMedianMs: percentile(shown, 50) },
    });
  }
  log(`bench: reports done (${runs} of each)`);
  return measures;
}
