// `npm test`: every check the project has, in order, each one run even if an earlier one
// failed, ending in one line: `N passed, N failed, N skipped`.
//   typecheck, lint (zero warnings), dead code (knip), renderer + shell build, unit tests (vitest),
//   browser E2E (Playwright on system Chromium), Electron E2E (skipped, with the reason,
//   where the Electron binary is absent).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.cache', 'test');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return result.status === 0;
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

check('typecheck (tsc -b)', run('Typecheck', 'npx', ['tsc', '-b']));
check('lint (eslint, zero warnings)', run('Lint', 'npx', ['eslint', '--max-warnings', '0', '.']));
check('dead code (knip: no unused files, exports or dependencies)', run('Dead code', 'npx', ['knip', '--no-progress']));
const built = check('build (renderer and desktop shell)', run('Build', 'npm', ['run', '--silent', 'build']));

// Unit tests.
const vitestJson = join(cache, 'vitest.json');
run('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const unit = readJson(vitestJson);
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
  run('End-to-end tests', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, CHROMIUM_PATH: chromium });
  const e2e = readJson(playwrightJson);
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
