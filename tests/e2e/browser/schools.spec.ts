import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR, saveScreenshot } from '../support';

test('a planner imports a messy 120-school roster, fixes the broken rows, and finds every school after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Lakeshore scale-up', 'Lakeshore Unified');
  await plan.openSection('Schools');
  await expect(page.getByText(/No schools yet/)).toBeVisible();

  const dialog = await plan.openRosterImport(`${FIXTURES_DIR}roster-120.csv`);

  // Columns are guessed from their headers; the absence column feeds the plan's own indicator.
  await expect(dialog.getByRole('combobox', { name: 'Read “Total Enrollment” as' })).toHaveText('Students (needed)');
  await expect(dialog.getByRole('combobox', { name: 'Read “Chronic Absence %” as' })).toHaveText('Indicator: Chronic absence');
  await expect(dialog.getByRole('combobox', { name: 'Read “Leadership Commitment (1-5)” as' })).toHaveText('Indicator: Leadership commitment');
  await expect(dialog.getByRole('status')).toHaveText('116 schools ready to import. 4 rows with problems: fix a value below, or the row is skipped.');
  const problems = dialog.getByRole('list', { name: 'Rows with problems' });
  await expect(problems.getByRole('listitem')).toHaveText([
    /Line 15, Total Enrollment: “n\/a” is not a whole number\./,
    /Line 42, % FRL: “112%” is above 100%\./,
    /Line 81, School Name: the school name is empty\./,
    /Line 106, School Code: “SD-1140” is also the code of the school on line 21\./,
  ]);
  await saveScreenshot(page, 'schools-import-problems');
  await expectNoAxeViolations(page, 'roster import');

  // Fix three rows in place; the fourth is skipped.
  await dialog.getByLabel('Fix Total Enrollment, line 15').fill('412');
  await dialog.getByLabel('Fix % FRL, line 42').fill('12%');
  await dialog.getByLabel('Fix School Name, line 81').fill('Northgate Academy');
  await expect(dialog.getByRole('status')).toHaveText('119 schools ready to import. 1 row with problems: fix a value below, or the row is skipped.');
  await dialog.getByRole('button', { name: 'Import 119 schools, skip 1 row' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 119 schools: 119 new, 0 updated.')).toBeVisible();
  await plan.expectSaved();
  await expect(page.getByRole('status').filter({ hasText: /schools ·/ })).toHaveText('119 schools · 115,477 students');
  await saveScreenshot(page, 'schools-list');
  await expectNoAxeViolations(page, 'schools');

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Schools' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /schools ·/ })).toHaveText('119 schools · 115,477 students');
  await page.getByLabel('Find a school').fill('Northgate');
  await expect(page.getByRole('table', { name: 'Schools' }).getByRole('row', { name: /Northgate Academy/ })).toBeVisible();

  // Need and readiness: weigh the indicators, then lean the pilot toward readiness and see the ranking change.
  await plan.openSection('Need & readiness');
  const ranking = page.getByRole('table', { name: 'Schools ranked by priority' });
  const firstRanked = () => ranking.getByRole('row').nth(1).getByRole('rowheader').textContent();
  await expect(page.getByRole('img', { name: /^Need against readiness for 119 schools\./ })).toBeVisible();
  await plan.fill('Weight of Chronic absence', '0');
  await plan.expectSaved();
  await expect(page.getByText('0% share', { exact: true })).toBeVisible();
  // The template's pilot leans toward readiness; all the way to need first.
  const slider = page.getByRole('slider', { name: 'Prioritize need or readiness in Pilot' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'Leans Prioritize readiness');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'Strongly Prioritize need');
  await expect(page.getByText('priority = 100% need + 0% readiness')).toBeVisible();
  const byNeed = await firstRanked();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'Strongly Prioritize readiness');
  await plan.expectSaved();
  await expect(ranking.getByRole('row').nth(1).getByRole('rowheader')).not.toHaveText(byNeed ?? '');
  await expect(page.getByText('priority = 0% need + 100% readiness')).toBeVisible();
  await saveScreenshot(page, 'need-readiness', { fullPage: true });
  await expectNoAxeViolations(page, 'need and readiness');

  // The same position shows under Decisions.
  await plan.openSection('Decisions');
  await expect(page.getByRole('radiogroup', { name: 'Pilot position on decision 3' }).getByRole('radio', { name: 'Strongly Prioritize readiness' })).toBeChecked();

  // Waves: propose two waves of 10 from the ranking, apply, and see the roadmap count them.
  await plan.openSection('Waves');
  await plan.fill('Schools per wave', '10');
  await plan.fill('Number of waves', '2');
  await page.getByRole('button', { name: 'Propose' }).click();
  const proposed = page.getByRole('table', { name: 'Proposed waves' });
  await expect(proposed.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('99 schools left in no wave.')).toBeVisible();
  await page.getByRole('button', { name: 'Apply these waves' }).click();
  await expect(page.getByText('Applied 2 waves: 20 schools placed.')).toBeVisible();
  await plan.expectSaved();
  const wave1 = page.getByRole('listitem', { name: 'Wave 1' });
  await expect(wave1).toContainText('10 schools');
  await expect(wave1.getByRole('combobox', { name: 'Joins in' })).toHaveText('Pilot');
  await saveScreenshot(page, 'waves', { fullPage: true });
  await expectNoAxeViolations(page, 'waves');

  await plan.openSection('Roadmap');
  await expect(page.getByRole('button', { name: /^Pilot, .*Wave 1 joins: \+10 schools, [\d,]+ students\.$/ })).toBeVisible();
  await expect(page.getByText(/^\+10 schools, [\d,]+ students$/).first()).toBeVisible();
  await saveScreenshot(page, 'roadmap-waves');

  await page.reload();
  await plan.openSection('Waves');
  await expect(page.getByRole('listitem', { name: 'Wave 2' })).toContainText('10 schools');
  await plan.openSection('Need & readiness');
  await expect(page.getByRole('slider', { name: 'Prioritize need or readiness in Pilot' })).toHaveAttribute('aria-valuetext', 'Strongly Prioritize readiness');
});

test('a planner adds a school by keyboard, is told what is wrong, edits it, and deletes it with Undo', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Cedar County plan', 'Cedar County Schools');
  await plan.openSection('Schools');
  await page.getByRole('button', { name: 'Add school' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a school' });
  await expect(dialog.getByLabel('School name')).toBeFocused();
  await page.keyboard.type('Adams Elementary');
  await dialog.getByLabel('Students').fill('about 300');
  await dialog.getByLabel('FRL share (%)').fill('140');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Students must be a number, like 1,250 or 75%.')).toBeVisible();
  await expect(dialog.getByText('FRL share cannot be above 100%.')).toBeVisible();
  await dialog.getByLabel('Students').fill('412');
  await dialog.getByLabel('FRL share (%)').fill('71.5');
  await dialog.getByLabel('Staff buy-in (%)').fill('64');
  await dialog.getByRole('button', { name: 'Add school' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Schools' });
  await expect(table.getByRole('row', { name: /Adams Elementary/ })).toContainText('71.5%');
  await expectNoAxeViolations(page, 'schools, one school');

  await page.getByRole('button', { name: 'Edit Adams Elementary' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Adams Elementary' });
  await expect(edit.getByLabel('Staff buy-in (%)')).toHaveValue('64');
  await edit.getByLabel('School code').fill('CC-101');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(table.getByRole('row', { name: /Adams Elementary/ })).toContainText('CC-101');

  // A second school may not take its code: a roster import finds schools by code.
  await page.getByRole('button', { name: 'Add school' }).click();
  const second = page.getByRole('dialog', { name: 'Add a school' });
  await second.getByLabel('School name').fill('Baker Middle');
  await second.getByLabel('Students').fill('600');
  await second.getByLabel('School code').fill('cc-101');
  await second.getByRole('button', { name: 'Add school' }).click();
  await expect(second.getByText('Another school in this plan has this code.')).toBeVisible();
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second).toBeHidden();

  await page.getByRole('checkbox', { name: 'Select Adams Elementary' }).check();
  await page.getByRole('region', { name: 'Selected schools' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No schools yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).last().click();
  await expect(table.getByRole('row', { name: /Adams Elementary/ })).toContainText('CC-101');
  await plan.openSection('Overview');
  await expect(page.getByRole('link', { name: '1 school', exact: true })).toBeVisible();
});
