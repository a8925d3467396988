import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR } from '../support';

/**
 * A district leader's first real plan, in Resources: 40 schools in waves of 5, 15 and 20, a
 * two-year pilot, a $1.2M federal grant that must be spent by June 30 of the pilot's second
 * year, and instructional coaches costing $475,000 a year.
 */
const FIXTURE = join(FIXTURES_DIR, 'resources-plan.roadmap.json');
const PLAN = 'Cedar Ridge first plan';
const SHOTS = '/tmp/resources-shots/';

interface PlanFile {
  plan: { name: string };
  phases: { id: string; name: string; start: string; end: string }[];
  schools: { waveId: string | null }[];
  waves: { id: string; name: string; order: number; phaseId: string | null; notes: string }[];
}

/** The Cedar Ridge fixture shaped as the leader planned it: Pilot over two school years, then Expand, Scale and Sustain; waves of 5, 15 and 20. */
function leaderPlanFile(path: string): string {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as PlanFile;
  file.plan.name = PLAN;
  const dates = [['2027-08-01', '2029-07-31'], ['2029-08-01', '2030-07-31'], ['2030-08-01', '2031-07-31'], ['2031-08-01', '2032-07-31']];
  file.phases.forEach((p, i) => {
    const [start, end] = dates[i] ?? ['2032-08-01', '2033-07-31'];
    Object.assign(p, { start, end });
  });
  const [first, second] = file.waves;
  if (!first || !second) throw new Error('the fixture has two waves');
  const third = { ...second, id: randomUUID(), order: 2, name: 'Wave 3', phaseId: file.phases[2]?.id ?? null, notes: '' };
  file.waves.push(third);
  file.schools.forEach((s, i) => {
    s.waveId = i < 5 ? first.id : i < 20 ? second.id : third.id;
  });
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const grid = (page: Page) => page.getByRole('grid', { name: 'Allocations by phase' });
const cell = (page: Page, row: string, phase: string) => grid(page).getByRole('gridcell', { name: new RegExp(`^${escape(row)}, ${escape(phase)}: `) });
const lines = (page: Page, row: string, phase: string) => page.getByRole('region', { name: `Lines: ${row}, ${phase}` });

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  if (target) await target.screenshot({ path: `${SHOTS}${name}.png` });
  else await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

async function openLeaderPlan(page: Page, path: string): Promise<PlanPage> {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.importFile(leaderPlanFile(path));
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  // The import's message offers its own Undo (on Ctrl+Z too) while it shows: Escape closes it, so Ctrl+Z undoes the planner's edits.
  const messages = page.getByRole('complementary', { name: 'Messages' });
  await expect(messages.getByText(`Imported “${PLAN}”`, { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(messages.getByRole('button', { name: 'Undo' })).toHaveCount(0, { timeout: 15_000 });
  await plan.openSection('Resources');
  return plan;
}

/** Adds the $1.2M federal grant: a one-time federal grant, to be spent by June 30, 2029 (the pilot's second year). */
async function addGrant(page: Page, plan: PlanPage, obligateBy = '2028-09-30'): Promise<Locator> {
  await page.getByRole('button', { name: 'Add funding source' }).click();
  const grant = page.getByRole('group', { name: /^Funding source 1:/ });
  await expect(grant.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Federal innovation grant');
  await page.keyboard.press('Tab');
  await page.keyboard.type('$1,200,000');
  await page.keyboard.press('Tab');
  // Not a grant yet: one end date, no obligate-by date.
  await expect(grant.getByLabel('End date')).toBeVisible();
  await expect(grant.getByLabel('Obligate by')).toHaveCount(0);
  await grant.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'One-time federal grant', exact: true }).click();
  await expect(grant.getByLabel('Spend by')).toBeVisible();
  await grant.getByLabel('Spend by').fill('2029-06-30');
  await grant.getByLabel('Spend by').blur();
  await grant.getByLabel('Obligate by').fill(obligateBy);
  await grant.getByLabel('Obligate by').blur();
  await expect(page.getByRole('group', { name: 'Funding source 1: Federal innovation grant' })).toBeVisible();
  await plan.expectSaved();
  return page.getByRole('group', { name: 'Funding source 1: Federal innovation grant' });
}

test('4. the coaches’ fiscal cliff clears once the district budget picks them up, and says who does', async ({ page }, testInfo) => {
  const plan = await openLeaderPlan(page, testInfo.outputPath('leader.roadmap.json'));
  const grant = await addGrant(page, plan);

  // Coaches on the grant, recurring every year of the two-year pilot.
  await plan.chooseOption('New lines paid from', 'Federal innovation grant');
  await plan.chooseOption('New lines are', 'Recurring (every year)');
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.type('475000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: $475,000 a year');

  // The grant ends with the pilot: the coaches' cost is a cliff, and the chart shows the gap in FY2030.
  const cliff = page.getByRole('note').filter({ hasText: 'Fiscal cliff in FY2030: Federal innovation grant' });
  await expect(cliff).toContainText('Federal innovation grant must be spent by Jun 30, 2029, but $475,000 a year of recurring costs it pays for continue. FY2030 is the first fiscal year without it.');
  await expect(page.getByRole('heading', { name: 'Warnings (1)' })).toBeVisible();
  await expect(grant).toContainText('Spend by Jun 30, 2029: fiscal cliff in FY2030, $475,000 a year uncovered');
  const figures = page.getByRole('table', { name: 'The same figures' });
  await expect(figures.getByRole('row', { name: /^FY2030/ })).toContainText('$475,000');
  await expect(figures.getByRole('columnheader', { name: 'Uncovered' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Fiscal cliff in FY2030: Federal innovation grant ends\. Still uncovered in FY2030: \$475,000\./ })).toBeVisible();
  await shot(page, 'cliff-uncovered-chart', page.getByRole('region', { name: 'Money per fiscal year' }));

  // The district budget picks up part of it first: the warning says what is still uncovered.
  await plan.chooseOption('New lines paid from', 'District budget');
  await cell(page, 'Central office', 'Expand').click();
  await page.keyboard.type('300000');
  await page.keyboard.press('Enter');
  await expect(cliff).toContainText('District budget picks up $300,000 a year from FY2030; $175,000 a year is still uncovered.');
  await expect(figures.getByRole('row', { name: /^FY2030/ })).toContainText('$175,000');

  // Then all of it: the cliff is covered, and no longer a warning.
  await cell(page, 'Central office', 'Expand').click();
  await page.keyboard.type('475000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Warnings', exact: true })).toBeVisible();
  await expect(page.getByText('every recurring cost that outlives its source is picked up', { exact: false })).toBeVisible();
  const covered = page.getByRole('note').filter({ hasText: 'Fiscal cliff in FY2030 covered: Federal innovation grant' });
  await expect(covered).toContainText('District budget picks up $475,000 a year from FY2030');
  await expect(grant).toContainText('Spend by Jun 30, 2029: District budget picks up $475,000 a year from FY2030');
  await expect(figures.getByRole('columnheader', { name: 'Uncovered' })).toHaveCount(0);
  await expect(figures.getByRole('row', { name: /^FY2030/ })).toContainText('its recurring costs picked up');
  await expect(page.getByRole('img', { name: /Its recurring costs are picked up\./ })).toBeVisible();

  // Undo brings the gap back: the rule follows what is stored.
  await page.keyboard.press('Control+z');
  await expect(cliff).toContainText('$175,000 a year is still uncovered.');
  await page.keyboard.press('Shift+Control+z');
  await expect(covered).toBeVisible();

  await expectNoAxeViolations(page, 'resources with a covered fiscal cliff');
  await page.getByRole('heading', { level: 2, name: 'Resources' }).scrollIntoViewIfNeeded();
  await shot(page, 'cliff-covered');
});

test('5. a recurring line continues through later phases instead of being typed again', async ({ page }, testInfo) => {
  const plan = await openLeaderPlan(page, testInfo.outputPath('leader.roadmap.json'));
  await plan.chooseOption('New lines are', 'Recurring (every year)');
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.type('120000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: $120,000 a year');

  // In its lines, the line is recurring and continues through its own phase by default.
  await cell(page, 'Central office', 'Pilot').click();
  const pilotLines = lines(page, 'Central office', 'Pilot');
  const line = pilotLines.getByRole('group', { name: 'Line 1', exact: true });
  await expect(line.getByRole('combobox', { name: 'One-time or recurring' })).toHaveText('Recurring (every year)');
  await expect(line.getByRole('combobox', { name: 'Continues through' })).toHaveText('Pilot (this phase only)');
  await line.getByRole('combobox', { name: 'Continues through' }).click();
  await page.getByRole('option', { name: 'Scale', exact: true }).click();
  await expect(line.getByText('Counted in every phase from Pilot through Scale.')).toBeVisible();

  // Expand and Scale show it, marked as continued, and count it; Sustain does not.
  const expand = cell(page, 'Central office', 'Expand');
  await expect(expand).toHaveAccessibleName('Central office, Expand: continued from Pilot: $120,000 a year (edit it in Pilot)');
  await expect(expand).toContainText('↳ $120,000');
  await expect(cell(page, 'Central office', 'Scale')).toHaveAccessibleName(/^Central office, Scale: continued from Pilot/);
  await expect(cell(page, 'Central office', 'Sustain')).toHaveAccessibleName('Central office, Sustain: none');
  await expect(grid(page).getByRole('gridcell', { name: 'Total for Expand: $120,000' })).toBeVisible();
  await expect(grid(page).getByRole('gridcell', { name: 'Central office, all phases: $480,000' })).toBeAttached();
  const byPhase = page.getByRole('table', { name: 'By phase' });
  await expect(byPhase.getByRole('row', { name: /^Pilot/ }).getByRole('cell').first()).toHaveText('$240,000');
  await expect(byPhase.getByRole('row', { name: /^Scale/ }).getByRole('cell').first()).toHaveText('$120,000');
  await expect(byPhase.getByRole('row', { name: /^Sustain/ }).getByRole('cell').first()).toHaveText('$0');

  // The continued amount is not edited where it is shown: Enter there goes to its line's own cell.
  await expand.click();
  await expect(lines(page, 'Central office', 'Expand').getByText('$120,000 a year, from Pilot')).toBeVisible();
  await expand.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Money for Central office in Expand$/ })).toHaveCount(0);
  // Typing a new amount at the source changes it everywhere it continues.
  await page.keyboard.type('150000');
  await page.keyboard.press('Enter');
  await expect(expand).toHaveAccessibleName('Central office, Expand: continued from Pilot: $150,000 a year (edit it in Pilot)');
  await expect(byPhase.getByRole('row', { name: /^Scale/ }).getByRole('cell').first()).toHaveText('$150,000');

  // "Edit in Pilot" from the continued cell's lines goes there too.
  await cell(page, 'Central office', 'Scale').click();
  await lines(page, 'Central office', 'Scale').getByRole('button', { name: 'Edit it in Pilot' }).click();
  await expect(cell(page, 'Central office', 'Pilot')).toBeFocused();

  await expectNoAxeViolations(page, 'resources with a continued line');
  await grid(page).scrollIntoViewIfNeeded();
  await shot(page, 'continued-line', page.getByRole('region', { name: 'Allocations by phase' }));
});

test('5. a staff line’s money follows from FTE × cost per FTE, rising each year', async ({ page }, testInfo) => {
  const plan = await openLeaderPlan(page, testInfo.outputPath('leader.roadmap.json'));
  await plan.chooseOption('New lines are', 'Recurring (every year)');
  await page.getByRole('button', { name: 'Staff (FTE)', exact: true }).click();
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Central office', 'Pilot')).toHaveAccessibleName('Central office, Pilot: 5 FTE');

  await cell(page, 'Central office', 'Pilot').click();
  const line = lines(page, 'Central office', 'Pilot').getByRole('group', { name: 'Line 1', exact: true });
  await expect(line.getByLabel('Yearly increase (%)')).toBeDisabled();
  await line.getByLabel('Cost per FTE a year').fill('$95,000');
  await line.getByLabel('Cost per FTE a year').blur();
  await expect(line.getByText('5 FTE × $95,000 = $475,000 a year', { exact: true })).toBeVisible();
  // A bad increase says what is wrong and is not saved.
  await line.getByLabel('Yearly increase (%)').fill('75');
  await expect(line.getByText('The yearly increase must be between 0% and 50%.')).toBeVisible();
  await line.getByLabel('Yearly increase (%)').fill('3');
  await line.getByLabel('Yearly increase (%)').blur();
  await expect(line.getByText('5 FTE × $95,000 = $475,000 a year, rising 3% a year')).toBeVisible();
  await plan.expectSaved();

  // Two school years of Pilot: $475,000, then $489,250. The money counts in the totals and the chart.
  const byPhase = page.getByRole('table', { name: 'By phase' });
  await expect(byPhase.getByRole('row', { name: /^Pilot/ }).getByRole('cell').first()).toHaveText('$964,250');
  await expect(page.getByText('Money includes $964,250 of staff costs', { exact: false })).toBeVisible();
  const figures = page.getByRole('table', { name: 'The same figures' });
  await expect(figures.getByRole('row', { name: /^FY2028/ })).toContainText('$475,000');
  await expect(figures.getByRole('row', { name: /^FY2029/ })).toContainText('$489,250');

  // Continued into Expand, the third year costs 3% more again.
  await line.getByRole('combobox', { name: 'Continues through' }).click();
  await page.getByRole('option', { name: 'Expand', exact: true }).click();
  await expect(byPhase.getByRole('row', { name: /^Expand/ }).getByRole('cell').first()).toHaveText('$503,927.50');
  await expect(byPhase.getByRole('row', { name: /^Expand/ }).getByRole('cell').nth(3)).toHaveText('5');
  await expect(cell(page, 'Central office', 'Expand')).toHaveAccessibleName('Central office, Expand: continued from Pilot: 5 FTE (edit it in Pilot)');

  await expectNoAxeViolations(page, 'resources with a staff line');
  await shot(page, 'staff-line', lines(page, 'Central office', 'Pilot'));
});

test('6. a grant has a type, an obligate-by and a spend-by date, and the warnings say which one', async ({ page }, testInfo) => {
  const plan = await openLeaderPlan(page, testInfo.outputPath('leader.roadmap.json'));
  // The obligate-by date is June 30, 2028: the pilot's second year (from Aug 1, 2028) comes too late.
  const grant = await addGrant(page, plan, '2028-06-30');
  await expect(grant.getByRole('combobox', { name: 'Type' })).toHaveText('One-time federal grant');

  // Dates that cannot stand say why, and where.
  await grant.getByLabel('Obligate by').fill('2029-09-30');
  await expect(grant.getByText('The obligate-by date must be on or before the spend-by date (Jun 30, 2029).')).toBeVisible();
  await grant.getByLabel('Obligate by').fill('2028-06-30');
  await grant.getByLabel('Obligate by').blur();
  await expect(grant.getByText('The obligate-by date must be on or before')).toHaveCount(0);

  await plan.chooseOption('New lines paid from', 'Federal innovation grant');
  await plan.chooseOption('New lines are', 'Recurring (every year)');
  await cell(page, 'Central office', 'Pilot').click();
  await page.keyboard.type('475000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('note').filter({ hasText: 'Over budget: Federal innovation grant in Pilot' }))
    .toContainText('Pilot spends $475,000 from Federal innovation grant obligated after its obligate-by date, Jun 30, 2028.');
  // The cliff comes at the spend-by date.
  await expect(page.getByRole('note').filter({ hasText: 'Fiscal cliff in FY2030: Federal innovation grant' })).toContainText('must be spent by Jun 30, 2029');

  // A later obligate-by date clears the over-budget warning; the totals table names both dates' span.
  await grant.getByLabel('Obligate by').fill('2028-09-30');
  await grant.getByLabel('Obligate by').blur();
  await expect(page.getByRole('note').filter({ hasText: 'Over budget:' })).toHaveCount(0);

  // Made local money, it has one end date again and no obligate-by date.
  await grant.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Local / general fund', exact: true }).click();
  await expect(grant.getByLabel('End date')).toHaveValue('2029-06-30');
  await expect(grant.getByLabel('Obligate by')).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: 'Fiscal cliff in FY2030' })).toContainText('Federal innovation grant ends Jun 30, 2029');
  await plan.expectSaved();
  await page.keyboard.press('Control+z');
  await expect(grant.getByLabel('Spend by')).toBeVisible();

  await expectNoAxeViolations(page, 'resources with a federal grant');
  await shot(page, 'grant-source', grant);
});

test('7. money for a wave says whether it is for the wave or for each school in it', async ({ page }, testInfo) => {
  const plan = await openLeaderPlan(page, testInfo.outputPath('leader.roadmap.json'));
  await cell(page, 'Wave 1', 'Pilot').click();
  await page.keyboard.type('400000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName('Wave 1, Pilot: $400,000 one-time');

  await cell(page, 'Wave 1', 'Pilot').click();
  const line = lines(page, 'Wave 1', 'Pilot').getByRole('group', { name: 'Line 1', exact: true });
  const goesTo = line.getByRole('radiogroup', { name: 'Goes to' });
  await expect(goesTo.getByRole('radio', { name: 'The wave as a whole' })).toBeChecked();
  await expect(line.getByText('$400,000 for the wave')).toBeVisible();
  const byPhase = page.getByRole('table', { name: 'By phase' });
  await expect(byPhase.getByRole('row', { name: /^Pilot/ }).getByRole('cell').first()).toHaveText('$400,000');

  await goesTo.getByRole('radio', { name: 'Each school in the wave (5 schools)' }).click();
  await expect(goesTo.getByRole('radio', { name: 'Each school in the wave (5 schools)' })).toBeChecked();
  await expect(line.getByText('$400,000 for each of 5 schools = $2,000,000')).toBeVisible();
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName('Wave 1, Pilot: $400,000 one-time for each of 5 schools ($2,000,000)');
  await expect(cell(page, 'Wave 1', 'Pilot')).toContainText('one-time · ×5');
  await expect(grid(page).getByRole('gridcell', { name: 'Total for Pilot: $2,000,000' })).toBeVisible();
  await expect(byPhase.getByRole('row', { name: /^Pilot/ }).getByRole('cell').first()).toHaveText('$2,000,000');
  await plan.expectSaved();

  // Undo puts it back to the wave as a whole.
  await page.keyboard.press('Control+z');
  await expect(goesTo.getByRole('radio', { name: 'The wave as a whole' })).toBeChecked();
  await expect(grid(page).getByRole('gridcell', { name: 'Total for Pilot: $400,000' })).toBeVisible();
  await page.keyboard.press('Shift+Control+z');
  await expect(grid(page).getByRole('gridcell', { name: 'Total for Pilot: $2,000,000' })).toBeVisible();

  await page.reload();
  await expect(cell(page, 'Wave 1', 'Pilot')).toHaveAccessibleName('Wave 1, Pilot: $400,000 one-time for each of 5 schools ($2,000,000)');

  await expectNoAxeViolations(page, 'resources with a wave line for each school');
  await cell(page, 'Wave 1', 'Pilot').click();
  await shot(page, 'per-school-line', page.getByRole('region', { name: 'Allocations by phase' }));
});
