import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

const shot = (page: Page, name: string, fullPage = false) => saveScreenshot(page, name, { fullPage });

const revisions = (page: Page) => page.getByRole('table', { name: 'Revisions, newest first' });
const row = (page: Page, name: string) => revisions(page).getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

test('a planner saves a revision with its reason, changes the plan, compares, restores it and undoes the restore', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan('Riverside history', 'Riverside Unified');
  await plan.openSection('History');
  await expect(page.getByText(/^No revisions yet\./)).toBeVisible();
  await expect(page.getByText('History takes 0 KB on this computer (0 revisions).')).toBeVisible();

  // Save a revision, by keyboard: the name is required, the reason says why.
  await page.getByRole('button', { name: 'Save a revision…' }).focus();
  await page.keyboard.press('Enter');
  const saveDialog = page.getByRole('dialog', { name: 'Save a revision' });
  const name = saveDialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(saveDialog.getByText('The name cannot be empty.')).toBeVisible();
  await name.fill('Draft for cabinet');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pilot gate: expand to 12 schools, slower than planned');
  await expectNoAxeViolations(page, 'the save a revision dialog');
  await saveDialog.getByRole('button', { name: 'Save revision' }).focus();
  await page.keyboard.press('Enter');
  await expect(saveDialog).toHaveCount(0);
  await expect(page.getByText('Revision “Draft for cabinet” added to History.')).toBeVisible();
  const draft = row(page, 'Draft for cabinet');
  await expect(draft).toContainText('Pilot gate: expand to 12 schools, slower than planned');
  await expect(draft).toContainText('Saved by you');
  await expect(draft).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
  await expect(draft).toContainText(/\d+(\.\d)? KB/);
  await expect(page.getByText(/^History takes [\d.]+ KB on this computer \(1 revision\)\.$/)).toBeVisible();

  // Two changes: Curriculum goes tight in the pilot, and the pilot is renamed.
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Tight & loose', exact: true }).click();
  await plan.setStanceByKey('Curriculum and digital content', 'Pilot', 't');
  await plan.openSection('Roadmap');
  await plan.fill('Phase 1 name', 'Try-out');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Try-out');
  await plan.expectSaved();

  // Compare with the plan now: the summary on top, the changes in words below.
  await plan.openSection('History');
  await page.getByRole('button', { name: 'Compare “Draft for cabinet” with the plan now' }).focus();
  await page.keyboard.press('Enter');
  const compare = page.getByRole('dialog', { name: '“Draft for cabinet” and the plan now' });
  await expect(compare.getByText('2 changes: 1 in Roadmap, 1 in Tight & loose', { exact: true })).toBeVisible();
  await expect(compare.getByRole('region', { name: /^Roadmap/ }).getByRole('listitem')).toHaveText(['Pilot renamed to Try-out']);
  await expect(compare.getByRole('region', { name: /^Tight & loose/ }).getByRole('listitem')).toHaveText(['Curriculum and digital content in Try-out: Loose → Tight']);
  await shot(page, 'history-compare');
  await expectNoAxeViolations(page, 'the compare dialog');
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);

  // Restore the draft, from the row's menu, by keyboard.
  const more = page.getByRole('button', { name: 'More actions for “Draft for cabinet”' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Restore…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const restore = page.getByRole('dialog', { name: 'Restore “Draft for cabinet”?' });
  await expect(restore).toContainText('First, the plan as it is now is saved in History as “Before restoring “Draft for cabinet””.');
  await expectNoAxeViolations(page, 'the restore dialog');
  await expect(restore.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(restore.getByRole('button', { name: 'Restore' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Restored “Draft for cabinet”. The plan as it was before is kept in History.')).toBeVisible();
  const kept = row(page, 'Before restoring “Draft for cabinet”');
  await expect(kept).toContainText('Automatic: before a restore');
  await expect(page.getByText(/^History takes [\d.]+ KB on this computer \(2 revisions\)\.$/)).toBeVisible();
  await plan.expectSaved();
  await shot(page, 'history-section', true);
  await expectNoAxeViolations(page, 'the history section');

  // The phase has its old name again; Ctrl+Z brings the new one back, and the kept revision stays.
  await plan.openSection('Roadmap');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Pilot');
  await page.keyboard.press('Control+z');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Try-out');
  await plan.expectSaved();
  await plan.openSection('History');
  await expect(row(page, 'Before restoring “Draft for cabinet”')).toBeVisible();

  // Compare two revisions: tick both (no third can be ticked), then compare.
  await page.getByRole('checkbox', { name: 'Choose “Draft for cabinet” to compare' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: 'Choose “Before restoring “Draft for cabinet”” to compare' }).check();
  await page.getByRole('button', { name: 'Compare two revisions' }).click();
  const two = page.getByRole('dialog', { name: '“Draft for cabinet” and “Before restoring “Draft for cabinet””' });
  await expect(two.getByText('2 changes: 1 in Roadmap, 1 in Tight & loose', { exact: true })).toBeVisible();
  await two.getByRole('button', { name: 'Close' }).click();

  // Only named revisions hides the automatic one; delete the draft, then Undo brings it back.
  await page.getByLabel('Only named and approved').check();
  await expect(row(page, 'Before restoring “Draft for cabinet”')).toHaveCount(0);
  await page.getByLabel('Only named and approved').uncheck();
  await page.getByRole('button', { name: 'More actions for “Draft for cabinet”' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(row(page, 'Draft for cabinet')).toHaveCount(0);
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Draft for cabinet')).toBeVisible();
});

test('the plan as it was before the day’s first change is kept in History by itself', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Riverside daily', 'Riverside Unified');
  await plan.openSection('Roadmap');
  await plan.fill('Phase 1 name', 'Try-out');
  await plan.expectSaved();
  await plan.fill('Phase 2 name', 'Grow');
  await plan.expectSaved();

  await plan.openSection('History');
  const today = new Date().toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  const daily = row(page, `Before the first change on ${today}`);
  await expect(daily).toContainText('first change of the day');
  // One a day: the second edit kept nothing more.
  await expect(revisions(page).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: `Compare “Before the first change on ${today}” with the plan now` }).click();
  const compare = page.getByRole('dialog', { name: `“Before the first change on ${today}” and the plan now` });
  await expect(compare.getByText('2 changes: 2 in Roadmap', { exact: true })).toBeVisible();
  await expect(compare.getByRole('region', { name: /^Roadmap/ }).getByRole('listitem')).toHaveText(['Pilot renamed to Try-out', 'Expand renamed to Grow']);
});
