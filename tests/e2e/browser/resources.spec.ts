import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR, saveScreenshot } from '../support';

/** Cedar Ridge: the Pilot-to-scale template with 40 schools, 6 in Wave 1 (Pilot) and 12 in Wave 2 (Expand). */
const FIXTURE = join(FIXTURES_DIR, 'resources-plan.roadmap.json');
const PLAN = 'Cedar Ridge blended learning';
const ROWS = 1 + 2 + 40;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function grid(page: Page) {
  return page.getByRole('grid', { name: 'Allocations by phase' });
}

function cell(page: Page, row: string, phase: string) {
  return grid(page).getByRole('gridcell', { name: new RegExp(`^${escape(row)}, ${escape(phase)}: `) });
}

test('a planner funds the plan: a grant, amounts typed into the grid, an over-budget warning and the cliff year, all there after a reload', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.importFile(FIXTURE);
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  await plan.openSection('Resources');
  await expect(page.getByText('No warnings: no phase spends more from a source than it holds', { exact: false })).toBeVisible();

  // Only the rows in view are in the page, and they say where they sit in the whole grid.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(ROWS + 2));
  await expect(grid(page).getByRole('row').first()).toHaveAttribute('aria-rowindex', '1');
  expect(await grid(page).getByRole('row').count()).toBeLessThan(ROWS);

  // A grant that ends a month before the Scale phase begins.
  await page.getByRole('button', { name: 'Add funding source' }).click();
  const grant = page.getByRole('group', { name: /^Funding source 1:/ });
  await expect(grant.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Innovation grant');
  await page.keyboard.press('Tab');
  await page.keyboard.type('$250,000');
  await page.keyboard.press('Tab');
  await expect(grant.getByLabel('Start date')).toHaveValue('2027-08-01');
  await grant.getByLabel('End date').fill('2027-01-31');
  await expect(grant.getByText('The end date must be on or after the start date (Aug 1, 2027).')).toBeVisible();
  await grant.getByLabel('End date').fill('2029-06-30');
  await grant.getByLabel('End date').blur();
  await expect(grant.getByText('The end date must be on or after')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Funding source 1: Innovation grant' })).toBeVisible();
  await grant.getByLabel('Notes').fill('State innovation grant: devices and coaching only; report each June.');
  await grant.getByLabel('Notes').blur();
  await plan.expectSaved();

  // A second source, moved, deleted and brought back with Undo.
  await page.getByRole('button', { name: 'Add funding source' }).click();
  await expect(page.getByRole('group', { name: /^Funding source 2:/ }).getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Local levy');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Move “Local levy” up' }).click();
  await expect(page.getByRole('group', { name: 'Funding source 1: Local levy' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete “Local levy”' }).click();
  const deleted = page.getByText('Deleted funding source “Local levy”. What it paid for is now on the district budget.');
  await expect(deleted).toBeVisible();
  await expect(page.getByRole('group', { name: /Local levy/ })).toHaveCount(0);
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: 'Funding source 1: Local levy' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete “Local levy”' }).click();
  await expect(page.getByRole('group', { name: 'Funding source 1: Innovation grant' })).toBeVisible();

  // New lines come from the grant and recur every year.
  await plan.chooseOption('New lines paid from', 'Innovation grant');
  await plan.chooseOption('New lines are', 'Recurring (every year)');

  // Amounts typed into the grid, as in a spreadsheet.
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.type('120000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Wave 1', 'Pilot')).toBeFocused();
  await page.keyboard.type('80,000');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Wave 1', 'Expand')).toBeFocused();
  await page.keyboard.type('80000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: $120,000 a year');
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName('Wave 1, Pilot: $80,000 a year');
  await expect(cell(page, 'Wave 1', 'Expand')).toHaveAccessibleName('Wave 1, Expand: $80,000 a year');

  // Escape cancels; a bad amount says why and stays; Delete clears.
  await cell(page, 'Central office', 'Scale').click();
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Central office', 'Scale')).toHaveAccessibleName('Central office, Scale: none');
  await expect(cell(page, 'Central office', 'Scale')).toBeFocused();
  await page.keyboard.type('12.345');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Use at most two digits for cents.' })).toBeVisible();
  await expect(grid(page).getByRole('textbox', { name: 'Money for Central office in Scale' })).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Scale')).toHaveAccessibleName('Central office, Scale: $12.34 a year');
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, 'Central office', 'Scale')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(cell(page, 'Central office', 'Scale')).toHaveAccessibleName('Central office, Scale: none');

  // Totals: the phase row of the grid, and money per student (Wave 1's 3,977 students in Pilot).
  await expect(grid(page).getByRole('gridcell', { name: 'Total for Pilot: $200,000' })).toBeVisible();
  const byPhase = page.getByRole('table', { name: 'By phase' });
  await expect(byPhase.getByRole('row', { name: /^Pilot/ })).toContainText('$200,000');
  await expect(byPhase.getByRole('row', { name: /^Pilot/ })).toContainText('3,977');
  await expect(byPhase.getByRole('row', { name: /^Pilot/ })).toContainText('$50.29');

  // The grant runs out in Expand, and its recurring costs outlive it: FY2030 is the cliff year.
  await expect(page.getByText('Expand spends $30,000 more from Innovation grant than it holds.')).toBeVisible();
  await expect(page.getByText('Fiscal cliff in FY2030: Innovation grant')).toBeVisible();
  await expect(page.getByText('FY2030 is the first fiscal year without it.', { exact: false })).toBeVisible();
  const chart = page.getByRole('img', { name: /^Money per fiscal year, FY2028 to FY2030/ });
  await expect(chart).toHaveAccessibleName(/Fiscal cliff in FY2030: Innovation grant ends\./);
  const figures = page.getByRole('table', { name: 'The same figures' });
  await expect(figures.getByRole('row', { name: /^FY2030/ })).toContainText('Fiscal cliff: first year without Innovation grant');
  await expect(figures.getByRole('row', { name: /^FY2028/ })).toContainText('$200,000');

  // Staff time, devices and hours are kinds of their own.
  await page.getByRole('button', { name: 'Staff (FTE)', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Staff (FTE)', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await cell(page, 'Central office', 'Pilot').click();
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: none');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: 1.5 FTE');
  await expect(byPhase.getByRole('row', { name: /^Pilot/ }).getByRole('cell').nth(3)).toHaveText('1.5');
  await page.getByRole('button', { name: 'Money', exact: true }).click();

  // A second line in a cell, in an area the plan holds loose in Pilot: offered as a flexible line.
  await cell(page, 'Wave 1', 'Pilot').click();
  const lines = page.getByRole('region', { name: 'Lines: Wave 1, Pilot' });
  await lines.getByRole('button', { name: 'Add line' }).click();
  // The new line's amount takes the focus; lines keep a fixed order, so find which one it is.
  const added = lines.getByRole('group').filter({ has: page.locator('input:focus') });
  await expect(added).toHaveCount(1);
  const second = lines.getByRole('group', { name: (await added.locator('legend').first().textContent()) ?? '', exact: true });
  await expect(second.getByLabel('Amount')).toBeFocused();
  await page.keyboard.type('$15,000');
  await page.keyboard.press('Tab');
  await second.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Curriculum and digital content (loose in Pilot)' }).click();
  await expect(second.getByText(/^Schools decide: Curriculum and digital content is held loose in Pilot/)).toBeVisible();
  await second.getByRole('button', { name: 'Make it flexible' }).click();
  await expect(second.getByRole('checkbox', { name: 'Flexible: the school decides how to spend it' })).toBeChecked();
  await expect(second.getByText('Schools decide: flexible line.', { exact: false })).toBeVisible();
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName('Wave 1, Pilot: $95,000 a year, 2 lines, 1 flexible');
  // Held tight, the same flexible line contradicts the stance, in the lines and in the warnings.
  await second.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Technology and device procurement (tight in Pilot)' }).click();
  await expect(second.getByText('Technology and device procurement is held tight in Pilot (the central office decides), but this line is flexible', { exact: false })).toBeVisible();
  await expect(page.getByText('Flexible line in an area held tight')).toBeVisible();
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName(/a flexible line where the area is held tight$/);
  await expect(page.getByText('Expand spends $45,000 more from Innovation grant than it holds.')).toBeVisible();
  // A cell with several lines is edited in its lines: Enter goes there.
  await cell(page, 'Wave 1', 'Pilot').focus();
  await page.keyboard.press('Enter');
  await expect(lines.getByRole('group').first().getByLabel('Amount')).toBeFocused();
  await plan.expectSaved();

  // The keyboard reaches the last school: the grid brings its row in and keeps its place.
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.press('Control+End');
  await expect(grid(page).getByRole('gridcell', { name: /^Total for all phases: / })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const last = grid(page).getByRole('gridcell', { name: /^Northfield High, all phases: / });
  await expect(last).toBeFocused();
  const lastRow = grid(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Northfield High/ }) });
  await expect(lastRow).toHaveAttribute('aria-rowindex', String(ROWS + 1));
  await page.keyboard.press('Control+Home');
  await expect(cell(page, 'Central office', 'Pilot')).toBeFocused();

  await expectNoAxeViolations(page, 'resources section');
  await page.getByRole('heading', { level: 2, name: 'Resources' }).scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'section-resources-1366');
  await saveScreenshot(page, 'section-resources-1366-full', { fullPage: true });
  await grid(page).scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'section-resources-grid-1366');

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Resources' })).toBeVisible();
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: $120,000 a year');
  await expect(cell(page, 'Wave 1', 'Expand')).toHaveAccessibleName('Wave 1, Expand: $80,000 a year');
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName(/^Wave 1, Pilot: \$95,000 a year, 2 lines/);
  const saved = page.getByRole('group', { name: 'Funding source 1: Innovation grant' });
  await expect(saved.getByLabel('Amount')).toHaveValue('$250,000');
  await expect(saved.getByLabel('End date')).toHaveValue('2029-06-30');
  await expect(saved.getByLabel('Notes')).toHaveValue('State innovation grant: devices and coaching only; report each June.');
  await expect(page.getByText('Fiscal cliff in FY2030: Innovation grant')).toBeVisible();
  await expect(page.getByText('Expand spends $45,000 more from Innovation grant than it holds.')).toBeVisible();
});

test('a plan without phases, or without schools, says what Resources needs', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Blank resources plan', 'Maple Valley Unified', /Blank plan/);
  await plan.openSection('Resources');
  await expect(page.getByRole('heading', { level: 3, name: 'Resources need phases' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the Roadmap' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expectNoAxeViolations(page, 'resources section without phases');

  await library.goto();
  await library.createPlan('Template resources plan', 'Maple Valley Unified');
  await plan.openSection('Resources');
  await expect(page.getByText('No waves or schools yet, so only the central office has a row.', { exact: false })).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(1 + 1 + 1));
  await expect(page.getByText('No money allocated yet.', { exact: false })).toBeVisible();
  // Tab reaches the grid once, on its first cell.
  await page.getByRole('note').getByRole('link', { name: 'Waves' }).focus();
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Central office', 'Pilot')).toBeFocused();
  await page.keyboard.type('5000');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Central office', 'Expand')).toBeFocused();
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: $5,000 one-time');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: none');
  await expectNoAxeViolations(page, 'resources section without schools');
  await saveScreenshot(page, 'section-resources-no-schools-1366');
});

interface PlanFileRows {
  plan: { id: string; name: string };
  phases: { id: string; order: number; name: string; start: string; end: string }[];
  schools: { id: string; order: number; name: string; code: string; waveId: string | null }[];
  waves: { id: string }[];
  allocations: unknown[];
}

/** The fixture grown to 200 schools and 12 phases, with a line of money and of devices for every school. */
function largePlanFile(path: string): string {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as PlanFileRows;
  file.plan = { ...file.plan, name: 'Cedar Ridge at scale' };
  const ids = new Map<string, string>();
  const renew = (id: string) => { const next = randomUUID(); ids.set(id, next); return next; };
  // Every record gets a new id (and its links follow), so the file imports beside the original.
  const fresh = JSON.parse(JSON.stringify(file).replace(/"([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})"/g, (_m, id: string) => `"${ids.get(id) ?? renew(id)}"`)) as PlanFileRows;
  const planId = fresh.plan.id;
  const last = fresh.phases.at(-1) as PlanFileRows['phases'][number];
  for (let i = fresh.phases.length; i < 12; i += 1) {
    const year = 2027 + i;
    fresh.phases.push({ ...last, id: randomUUID(), order: i, name: `Sustain ${i - 2}`, start: `${year}-08-01`, end: `${year + 1}-07-31` });
  }
  const template = fresh.schools.at(-1) as PlanFileRows['schools'][number];
  for (let i = fresh.schools.length; i < 200; i += 1) {
    fresh.schools.push({ ...template, id: randomUUID(), order: i, name: `School ${i + 1}`, code: `CR-${101 + i}`, waveId: fresh.waves[i % 2]?.id ?? null });
  }
  fresh.allocations = fresh.schools.flatMap((school, i) => ['money', 'devices'].map((kind) => ({
    id: randomUUID(), planId, phaseId: fresh.phases[i % 12]?.id, recipient: { kind: 'school', schoolId: school.id }, sourceId: null,
    kind, amount: kind === 'money' ? 10_000_00 : 30, recurrence: 'one-time', flexible: false, areaId: null, note: '',
  })));
  writeFileSync(path, JSON.stringify(fresh, null, 2));
  return path;
}

test('200 schools over 12 phases open at once: only the rows in view are in the page, and the keyboard reaches every one', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.importFile(largePlanFile(testInfo.outputPath('large.roadmap.json')));
  await expect(page.getByRole('heading', { level: 1, name: 'Cedar Ridge at scale' })).toBeVisible();
  await plan.openSection('Overview');

  // How fast it opens is measured by `npm run bench`; here, that it opens whole and stays small.
  await plan.openSection('Resources');
  await expect(cell(page, 'Central office', 'Pilot')).toBeVisible();

  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(1 + 2 + 200 + 2));
  await expect(grid(page)).toHaveAttribute('aria-colcount', String(12 + 2));
  expect(await grid(page).getByRole('row').count()).toBeLessThan(40);
  await expect(grid(page).getByRole('gridcell', { name: 'Total for all phases: $2,000,000' })).toBeAttached();

  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  const lastTotal = grid(page).getByRole('gridcell', { name: 'School 200, all phases: $10,000' });
  await expect(lastTotal).toBeFocused();
  await expect(lastTotal).toBeInViewport();
  await expect(grid(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^School 200/ }) })).toHaveAttribute('aria-rowindex', String(1 + 2 + 200 + 1));
  expect(await grid(page).getByRole('row').count()).toBeLessThan(40);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('5');
  await expect(page.getByRole('textbox', { name: /^Money for School \d+ in Sustain 9$/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await saveScreenshot(page, 'section-resources-200-schools');
});
