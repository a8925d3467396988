import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR } from '../support';

// A district leader's first real plan (issue 15): Riverside Unified's 40-school roster, with its
// extra columns, imported into a plan from the "Pilot to scale — balanced" template.
const SAMPLE = `${FIXTURES_DIR}riverside-unified-roster.csv`;
const SHOTS = '/tmp/schools-shots/';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
}

/** Creates the plan from the template and opens the roster import with the given file. */
async function startImport(page: Page, file: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Riverside first plan', 'Riverside Unified', /Template: Pilot to scale — balanced/);
  const plan = new PlanPage(page);
  await plan.openSection('Schools');
  const dialog = await plan.openRosterImport(file);
  await expect(dialog.getByRole('status')).toHaveText('40 schools ready to import.');
  return { plan, dialog };
}

/** The sample imported as guessed, in one step. */
async function importSample(page: Page) {
  const { plan, dialog } = await startImport(page, SAMPLE);
  await dialog.getByRole('button', { name: 'Import 40 schools' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
  return plan;
}

test('1. imported indicators land on their side with a direction and range, and one can move to readiness', async ({ page }, testInfo) => {
  // The leader's file, with one survey answer typed as 10 on a 1–5 scale (Lincoln Elementary, line 2).
  const file = testInfo.outputPath('riverside-with-a-typo.csv');
  const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
  lines[1] = (lines[1] ?? '').replace(/,3\.9,2$/, ',10,2');
  writeFileSync(file, lines.join('\n'));
  const { plan, dialog } = await startImport(page, file);

  // Each new indicator's side, direction and range are guessed from its name, for review.
  await expect(dialog.getByRole('combobox', { name: 'Read “Staff Readiness Survey (1-5)” as' })).toHaveText('A new indicator named “Staff Readiness Survey (1-5)”');
  await expect(dialog.getByRole('combobox', { name: 'Side of “Staff Readiness Survey (1-5)”' })).toHaveText('Readiness');
  await expect(dialog.getByRole('combobox', { name: 'Direction of “Staff Readiness Survey (1-5)”' })).toHaveText('Higher = more readiness');
  await expect(dialog.getByRole('textbox', { name: 'Range of “Staff Readiness Survey (1-5)”' })).toHaveValue('1–5');
  await expect(dialog.getByRole('combobox', { name: 'Side of “Teacher Retention %”' })).toHaveText('Readiness');
  await expect(dialog.getByRole('combobox', { name: 'Direction of “ELA Proficient %”' })).toHaveText('Lower = more need');
  await expect(dialog.getByRole('textbox', { name: 'Range of “ELA Proficient %”' })).toHaveValue('0–100');
  await expect(dialog.getByRole('combobox', { name: 'Direction of “Students per Device”' })).toHaveText('Lower = more readiness');
  await expect(dialog.getByRole('combobox', { name: 'Read “Chronic Absenteeism %” as' })).toHaveText('Indicator: Chronic absence');

  // The 10 on a 1–5 scale is flagged in words, in the list and on its row of the preview.
  await expect(dialog.getByRole('list', { name: 'Values outside their range' }).getByRole('listitem')).toHaveText([/^Line 2, Staff Readiness Survey \(1-5\): 10 is outside 1–5\./]);
  await expect(dialog.getByRole('table', { name: /as they will be imported/ }).getByRole('row', { name: /Lincoln Elementary/ })).toContainText('10 outside range');
  await expectNoAxeViolations(page, 'roster import, column step');
  await dialog.getByRole('combobox', { name: 'Read “Staff Readiness Survey (1-5)” as' }).scrollIntoViewIfNeeded();
  await shot(page, '1-import-columns');

  // The planner disagrees with one guess before importing: teacher retention counted as need.
  await dialog.getByRole('combobox', { name: 'Side of “Teacher Retention %”' }).click();
  await page.getByRole('option', { name: 'Need', exact: true }).click();
  await expect(dialog.getByRole('combobox', { name: 'Direction of “Teacher Retention %”' })).toHaveText('Higher = more need');
  await dialog.getByRole('button', { name: 'Import 40 schools' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();

  // The schools table flags the value outside its range, in words.
  await expect(page.getByText('1 school has a value outside an indicator’s stated range', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Schools' }).getByRole('row', { name: /Lincoln Elementary/ })).toContainText('Check: Staff Readiness Survey (1-5) is 10, outside 1–5');
  await expectNoAxeViolations(page, 'schools with a value out of range');
  await shot(page, '1-schools-flag');
  await page.getByRole('button', { name: 'Edit Lincoln Elementary' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Lincoln Elementary' });
  await expect(edit.getByLabel('Staff Readiness Survey (1-5) (1–5)')).toHaveValue('10');
  await expect(edit.getByText('Check: outside 1–5, the stated range.')).toBeVisible();
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Under Need & readiness the survey is a readiness indicator with its range, and retention moves to readiness.
  await plan.openSection('Need & readiness');
  const need = page.getByRole('region', { name: 'Need indicators' });
  const readiness = page.getByRole('region', { name: 'Readiness indicators' });
  await expect(readiness.getByRole('listitem', { name: 'Staff Readiness Survey (1-5)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Range of Staff Readiness Survey (1-5)' })).toHaveValue('1–5');
  await expect(need.getByRole('listitem', { name: 'Teacher Retention %' })).toBeVisible();
  await need.getByRole('button', { name: 'Move to readiness: Teacher Retention %' }).click();
  await expect(readiness.getByRole('listitem', { name: 'Teacher Retention %' })).toBeVisible();
  await expect(need.getByRole('listitem', { name: 'Teacher Retention %' })).toHaveCount(0);
  await plan.expectSaved();
  // One undoable step.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(need.getByRole('listitem', { name: 'Teacher Retention %' })).toBeVisible();
  await page.getByRole('button', { name: 'Redo', exact: true }).first().click();
  await expect(readiness.getByRole('listitem', { name: 'Teacher Retention %' })).toBeVisible();

  // A stated range is editable; widening it clears the flag.
  await plan.fill('Range of Staff Readiness Survey (1-5)', '1-10');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'need and readiness indicators');
  await shot(page, '1-indicators', true);
  await plan.openSection('Schools');
  await expect(page.getByRole('table', { name: 'Schools' }).getByRole('row', { name: /Lincoln Elementary/ })).not.toContainText('Check:');
});

test('2. schools without a priority are not numbered, and the ranking says what is missing and where to fill it', async ({ page }) => {
  const plan = await importSample(page);
  await plan.openSection('Need & readiness');
  // The typo is gone from the sentence.
  await expect(page.getByText('For Pilot (decision 3: leans toward readiness), priority = 25% need + 75% readiness.')).toBeVisible();
  await expect(page.getByText(/leans leans/)).toHaveCount(0);

  const ranking = page.getByRole('table', { name: 'Schools ranked by priority' });
  const missing = page.getByRole('alert', { name: 'Schools not ranked' });
  await expect(missing).toContainText('None of the 40 schools has a priority for Pilot, so they are not ranked.');
  await expect(missing).toContainText('Readiness is unknown for 40 schools: Leadership commitment, Staff buy-in, Devices per student and Connectivity have no values for them, and Principal Years at School, Teacher Retention %, Staff Readiness Survey (1-5) and Students per Device have values but weigh 0.');
  const firstRow = ranking.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell').first()).toHaveText('—Not ranked');
  await expect(firstRow).toContainText('Missing readiness');
  await expect(ranking.getByRole('cell', { name: '1', exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, 'ranking without priorities');
  await missing.scrollIntoViewIfNeeded();
  await shot(page, '2-ranking-missing');

  // The pointer leads to the readiness indicators; weighing the survey ranks every school.
  await missing.getByRole('button', { name: 'Readiness indicators' }).click();
  await expect(page.getByRole('heading', { name: 'Readiness indicators' })).toBeFocused();
  await expect(missing.getByRole('link', { name: 'Schools' })).toHaveAttribute('href', /\/schools$/);
  await plan.fill('Weight of Staff Readiness Survey (1-5)', '30');
  await plan.expectSaved();
  await expect(missing).toHaveCount(0);
  await expect(firstRow.getByRole('cell').first()).toHaveText('1');
  await expect(firstRow.getByRole('cell').nth(3)).toHaveText(/^\d+$/);
  await shot(page, '2-ranking-ranked');
});

test('3. waves of 5, 15 and the rest, each linked to its phase, moved several at once, and compared with the district', async ({ page }) => {
  const plan = await importSample(page);
  await plan.openSection('Need & readiness');
  await plan.fill('Weight of Staff Readiness Survey (1-5)', '30');
  await plan.expectSaved();

  await plan.openSection('Waves');
  await plan.fill('Schools per wave', '5, 15, the rest');
  await expect(page.getByText('3 waves: 5, 15 and the rest')).toBeVisible();
  // The list says how many waves: no separate number to give.
  await expect(plan.field('Number of waves')).toHaveCount(0);
  await page.getByRole('button', { name: 'Propose' }).click();
  const proposed = page.getByRole('table', { name: 'Proposed waves' });
  await expect(proposed.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('0 schools left in no wave.')).toBeVisible();
  await expect(proposed.getByRole('combobox', { name: 'Phase Wave 1 (new) joins in' })).toHaveText('Pilot');
  await expect(proposed.getByRole('combobox', { name: 'Phase Wave 2 (new) joins in' })).toHaveText('Expand');
  await expect(proposed.getByRole('combobox', { name: 'Phase Wave 3 (new) joins in' })).toHaveText('Scale');
  await expect(proposed.getByRole('row', { name: /Wave 1/ })).toContainText('5 schools ·');
  await expect(proposed.getByRole('row', { name: /Wave 2/ })).toContainText('15 schools ·');
  await expect(proposed.getByRole('row', { name: /Wave 3/ })).toContainText('20 schools ·');
  // Equity against the district (weighted by students) on every proposed wave.
  await expect(proposed.getByRole('row', { name: /Wave 1/ })).toContainText(/FRL \d+% vs district 6\d%English Learners \d+% vs district \d+%Students with Disabilities \d+% vs district \d+%/);
  await expectNoAxeViolations(page, 'proposed waves');
  await shot(page, '3-proposal', true);
  await page.getByRole('button', { name: 'Apply these waves' }).click();
  await expect(page.getByText('Applied 3 waves: 40 schools placed.')).toBeVisible();
  await plan.expectSaved();
  await expect(page.getByRole('listitem', { name: 'Wave 1' })).toContainText('5 schools');
  await expect(page.getByRole('listitem', { name: 'Wave 2' }).getByRole('combobox', { name: 'Joins in' })).toHaveText('Expand');
  await expect(page.getByRole('listitem', { name: 'Wave 3' })).toContainText('20 schools');

  // Each wave words a gap of more than 10 points with the district (checked against its own figures).
  for (const name of ['Wave 1', 'Wave 2', 'Wave 3']) {
    const text = (await page.getByRole('listitem', { name }).textContent()) ?? '';
    const [, wave, district] = /FRL (\d+)% vs district (\d+)%/.exec(text) ?? [];
    expect(wave, `${name} shows its FRL against the district`).toBeDefined();
    expect(/Well below the district on [^.]*FRL/.test(text), `${name}: FRL ${wave}% vs ${district}%`).toBe(Number(district) - Number(wave) > 10);
  }

  // Sort by priority or need: highest first.
  const table = page.getByRole('table', { name: 'Schools by wave' });
  const column = async (index: number) => {
    const rows = await table.getByRole('row').all();
    return Promise.all(rows.slice(1).map(async (row) => Number(await row.getByRole('cell').nth(index).textContent())));
  };
  await plan.chooseOption('Sort by', 'Need, highest first');
  const needs = await column(3);
  expect(needs).toHaveLength(25);
  expect(needs).toEqual([...needs].sort((a, b) => b - a));
  await plan.chooseOption('Sort by', 'Priority, highest first');
  const priorities = await column(2);
  expect(priorities).toEqual([...priorities].sort((a, b) => b - a));

  // Empty the pilot in one step, then fill it with the five lowest-FRL schools in one step.
  await plan.chooseOption('Show', 'Wave 1');
  await table.getByRole('checkbox', { name: 'Select every school on this page' }).check();
  await expect(page.getByRole('region', { name: 'Selected schools' })).toContainText('5 schools selected');
  await plan.chooseOption('Move to wave…', 'Wave 2');
  await plan.expectSaved();
  const pilot = page.getByRole('listitem', { name: 'Wave 1' });
  await expect(pilot).toContainText('0 schools');
  await expect(page.getByRole('listitem', { name: 'Wave 2' })).toContainText('20 schools');

  await plan.chooseOption('Show', 'Every school');
  await plan.chooseOption('Sort by', 'Name');
  for (const name of ['Academy of Health Sciences', 'Garfield Elementary', 'Hughes Middle School', 'Jefferson Elementary']) {
    await table.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await table.getByRole('checkbox', { name: 'Select Parks Middle School' }).check();
  await expect(page.getByRole('region', { name: 'Selected schools' })).toContainText('5 schools selected');
  await plan.chooseOption('Move to wave…', 'Wave 1');
  await plan.expectSaved();
  await expect(pilot).toContainText('5 schools');
  // A pilot that leaves out high-need schools is visible, in words.
  await expect(pilot).toContainText(/FRL 4\d% vs district 6\d%/);
  await expect(pilot).toContainText('Well below the district on FRL');
  await expectNoAxeViolations(page, 'waves with equity figures');
  await pilot.scrollIntoViewIfNeeded();
  await shot(page, '3-waves', true);

  // The move was one step: Undo empties the pilot again.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(pilot).toContainText('0 schools');
});
