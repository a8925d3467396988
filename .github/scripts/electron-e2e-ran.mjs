// After `npm test` on CI: fails unless the Electron end-to-end suite really ran. Locally that suite
// reports itself skipped when the Electron binary is absent, which is honest there; on CI the
// binary is installed on purpose, so a skip means the desktop shell went untested.
// Reads the Playwright JSON report that scripts/test.mjs leaves in .cache/test/playwright.json.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? '.cache/test/playwright.json';
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  console.error(`No Playwright report at ${reportPath}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/** Every test of the Electron project: its title and status (expected, unexpected, flaky, skipped). */
function electronTests(suite, titles = []) {
  const path = suite.title ? [...titles, suite.title] : titles;
  const own = (suite.specs ?? []).flatMap((spec) =>
    (spec.tests ?? []).filter((t) => t.projectName === 'electron').map((t) => ({ title: [...path, spec.title].join(' › '), status: t.status })),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => electronTests(child, path))];
}

const tests = (report.suites ?? []).flatMap((suite) => electronTests(suite));
const skipped = tests.filter((t) => t.status === 'skipped');
for (const t of tests) console.log(`${t.status.padEnd(10)} ${t.title}`);
if (tests.length === 0) {
  console.error('The Electron suite is not in the report: it did not run.');
  process.exit(1);
}
if (skipped.length > 0) {
  console.error(`${skipped.length} of ${tests.length} Electron tests were skipped: the desktop shell was not tested.`);
  process.exit(1);
}
console.log(`All ${tests.length} Electron tests ran (their pass or fail is counted by npm test).`);
