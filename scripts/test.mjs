// `npm test`: every check the project has, in order, each one run even if an earlier one
// failed, ending in one line: `N passed, N failed, N skipped`.
//   typecheck, lint (zero warnings), dead code (knip), renderer + shell build, unit tests (vitest),
//   browser E2E (Playwright on system Chromium), Electron E2E (skipped, with the reason,
//   where the Electron binary is absent).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureFileReaders } from './chromium.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.cache', 'test');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

/** Minutes each step may take before it is stopped (the whole run must stay well inside CI's limit). */
const LIMIT_MINUTES = { Typecheck: 10, Lint: 10, 'Dead code': 10, Build: 10, 'Unit tests': 20, 'End-to-end tests': 30 };

/** The project's own copy of a tool, run directly (no npx: it never reaches for the registry). */
function bin(name) {
  return join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

/** Runs a command to its end or its time limit; on the limit, stops it with everything it started. */
function runOnce(command, args, env, limit) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
      // Its own process group, so a step that hangs is stopped together with its children
      // (a preview server or a browser left running would keep CI waiting on their output).
      detached: process.platform !== 'win32',
    });
    let timedOut = false;
    const stop = (signal) => {
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        child.kill(signal);
      }
    };
    let forced;
    // Interrupted first (Playwright then stops the preview server it started in a group of its own),
    // then forced.
    const timer = setTimeout(() => {
      timedOut = true;
      stop('SIGINT');
      forced = setTimeout(() => stop('SIGKILL'), 15_000);
    }, limit);
    child.on('error', (error) => {
      clearTimeout(timer);
      clearTimeout(forced);
      console.log(`  could not start ${command}: ${error.message}`);
      resolve({ status: 1, timedOut: false });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      clearTimeout(forced);
      // Whatever the step left running (a server, a browser) ends with it.
      if (process.platform !== 'win32') {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group has already ended
        }
      }
      resolve({ status: status ?? signal, timedOut });
    });
  });
}

/**
 * Runs one step with its time limit. A step that hangs is stopped, said so, and tried once
 * more; a step that fails on its own is not retried.
 * @returns {Promise<{ ok: boolean, timedOut: boolean }>}
 */
async function run(label, command, args, env = {}) {
  const limit = Number(process.env.TEST_STEP_LIMIT_MINUTES || LIMIT_MINUTES[label] || 10) * 60_000;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    console.log(`\n▶ ${label}: ${[command, ...args].map((part) => part.replace(root, '')).join(' ')}${attempt > 1 ? ' (second try)' : ''}`);
    const started = Date.now();
    const { status, timedOut } = await runOnce(command, args, env, limit);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!timedOut) {
      console.log(`  ${label}: ${status === 0 ? 'done' : `failed (exit ${status})`} in ${seconds} s`);
      return { ok: status === 0, timedOut: false };
    }
    console.log(`  ${label}: stopped after ${seconds} s (its limit is ${limit / 60_000} min)`);
  }
  return { ok: false, timedOut: true };
}

function check(label, ok) {
  tally[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'pass' : 'FAIL'}  ${label}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Why Playwright tests were skipped, with how many each reason covers. */
function skipReasons(report) {
  const reasons = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (!(t.results ?? []).every((r) => r.status === 'skipped')) continue;
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return reasons;
}

let chromium = null;
try {
  chromium = ensureChromium();
  console.log(`Chromium: ${chromium}`);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
}
const missingReaders = ensureFileReaders();
if (missingReaders.length > 0) console.error(`Missing file readers (the tests that open files with them will fail): ${missingReaders.join(', ')}`);

check('typecheck (tsc -b)', (await run('Typecheck', bin('tsc'), ['-b'])).ok);
check('lint (eslint, zero warnings)', (await run('Lint', bin('eslint'), ['--max-warnings', '0', '.'])).ok);
check('dead code (knip: no unused files, exports or dependencies)', (await run('Dead code', bin('knip'), ['--no-progress'])).ok);
const built = check('build (renderer and desktop shell)', (await run('Build', 'npm', ['run', '--silent', 'build'])).ok);

// Unit tests.
const vitestJson = join(cache, 'vitest.json');
const unitRun = await run('Unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unitRun.timedOut) check('unit tests finished within their time limit', false);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
  tally.skipped += unit.numPendingTests + unit.numTodoTests;
  lines.push(`unit  ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests + unit.numTodoTests} skipped`);
  if (unit.numTotalTests === 0 || (unit.numFailedTestSuites ?? 0) > 0) check('unit test files load', unit.numFailedTestSuites === 0 && unit.numTotalTests > 0);
} else {
  check('unit tests ran', false);
}

// End-to-end tests. The Electron suite needs a display; start a virtual one where there is none.
let xvfb = null;
const electron = electronBinary();
if (electron.path && process.platform === 'linux' && !process.env.DISPLAY) {
  if (spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0) {
    xvfb = spawn('Xvfb', [':97', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    process.env.DISPLAY = ':97';
  } else {
    console.log('No display and no Xvfb: the Electron suite will fail to open a window (apt-get install xvfb).');
  }
}
if (!electron.path) console.log(`\nElectron E2E will report skipped: ${electron.reason}.`);

if (built && chromium) {
  const playwrightJson = join(cache, 'playwright.json');
  const e2eRun = await run('End-to-end tests', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, CHROMIUM_PATH: chromium });
  const e2e = readJson(playwrightJson);
  if (e2eRun.timedOut) check('end-to-end tests finished within their time limit', false);
  if (e2e) {
    const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = e2e.stats ?? {};
    tally.passed += expected;
    tally.failed += unexpected + flaky;
    tally.skipped += skipped;
    lines.push(`e2e   ${expected} passed, ${unexpected + flaky} failed, ${skipped} skipped`);
    for (const [reason, count] of skipReasons(e2e)) lines.push(`      skipped ${count}: ${reason}`);
    if ((e2e.errors ?? []).length > 0) check('e2e suite loads', false);
  } else {
    check('end-to-end tests ran', false);
  }
} else {
  check(chromium ? 'end-to-end tests (not run: the build failed)' : 'end-to-end tests (not run: no Chromium)', false);
}
xvfb?.kill();

console.log(`\n${lines.join('\n')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 ? 1 : 0);
