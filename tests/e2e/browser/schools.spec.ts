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

  await page.getByRole('button', { name: 'Import roster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import schools from a roster file' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a CSV file…' }).click();
  await (await chooser).setFiles(`${FIXTURES_DIR}roster-120.csv`);

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
});
