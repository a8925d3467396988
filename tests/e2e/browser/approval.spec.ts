import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

const shot = (page: Page, name: string, fullPage = false) => saveScreenshot(page, name, { fullPage });

const row = (page: Page, name: string) => page.getByRole('table', { name: 'Revisions, newest first' }).getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
const plusMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
};

test('a board approves a revision; the header counts the changes since, the timeline shows the slips, and restoring the approved plan is undoable', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan('Riverside approval', 'Riverside Unified');

  // Two revisions over two steps, each with its reason.
  await plan.openSection('History');
  const save = async (name: string, reason: string) => {
    await page.getByRole('button', { name: 'Save a revision…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save a revision' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Save revision' }).click();
    await expect(row(page, name)).toBeVisible();
  };
  await save('First draft', 'Drafted with the cabinet.');
  await plan.openSection('Roadmap');
  await plan.fill('Phase 1 goal', 'Eight schools try station rotation in grades 3–5.');
  await plan.expectSaved();
  await plan.openSection('History');
  await save('Board draft', 'Pilot gate: expand to 12 schools, slower than planned.');
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside approval' }).locator('..')).not.toContainText('Approved');

  // Mark the board draft approved, by keyboard, from its menu.
  await page.getByRole('button', { name: 'More actions for “Board draft”' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Mark as approved…' }).click();
  const approve = page.getByRole('dialog', { name: 'Mark “Board draft” as approved' });
  await approve.getByRole('textbox', { name: 'Approved by' }).fill('');
  await approve.getByRole('button', { name: 'Record approval' }).click();
  await expect(approve.getByText('Who approved it cannot be empty.')).toBeVisible();
  await approve.getByLabel('Date approved').fill('2027-03-12');
  await approve.getByRole('textbox', { name: 'Approved by' }).fill('Board of Education');
  await approve.getByRole('textbox', { name: 'Reference' }).fill('Resolution 2027-14');
  await expectNoAxeViolations(page, 'the approval dialog');
  await approve.getByRole('button', { name: 'Record approval' }).click();
  await expect(approve).toHaveCount(0);
  await expect(row(page, 'Board draft')).toContainText('Approved Mar 12, 2027 · Board of Education · Resolution 2027-14 · the baseline');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Approved Mar 12, 2027 · no changes since' })).toBeVisible();

  // Three more changes: a phase ends two months later, a stance goes tight, a phase is renamed.
  await plan.openSection('Roadmap');
  const scaleEnd = await plan.field('Phase 3 end').inputValue();
  await plan.fill('Phase 3 end', plusMonths(scaleEnd, 12));
  const dates = page.getByRole('dialog', { name: 'Change the dates of “Scale”' });
  await dates.getByRole('checkbox', { name: /^Move the phase after it/ }).uncheck();
  await dates.getByRole('button', { name: 'Change dates' }).click();
  await plan.expectSaved();
  await plan.fill('Phase 1 name', 'Try-out');
  await plan.expectSaved();
  await plan.openSection('Tight & loose');
  await plan.setStanceByKey('Curriculum and digital content', 'Try-out', 't');
  await expect(header.getByRole('link', { name: 'Approved Mar 12, 2027 · 3 changes since' })).toBeVisible();

  // The timeline draws the approved dates and says what moved, in words.
  await plan.openSection('Roadmap');
  await expect(page.getByText('Dashed outlines show the approved dates. Since approval: Scale ends 12 months later.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Scale, .* Approved dates: / })).toBeVisible();
  await shot(page, 'approval-timeline');
  await page.getByLabel(/^Show the approved dates/).uncheck();
  await expect(page.getByText(/Since approval:/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Scale, .* Approved dates: / })).toHaveCount(0);
  await page.getByLabel(/^Show the approved dates/).check();

  // What changed since approval, as a page to print.
  await header.getByRole('link', { name: 'Approved Mar 12, 2027 · 3 changes since' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /What changed since approval/ })).toBeVisible();
  await expect(page.getByText(/3 changes since/).first()).toBeVisible();
  await expect(page.getByText('Pilot renamed to Try-out')).toBeVisible();
  await expect(page.getByText('Curriculum and digital content in Try-out: Loose → Tight')).toBeVisible();
  await shot(page, 'approval-changes-report', true);
  await page.goBack();

  // Restore the approved plan: no changes since. Undo brings the three back.
  await plan.openSection('History');
  await page.getByRole('button', { name: 'More actions for “Board draft”' }).click();
  await page.getByRole('menuitem', { name: 'Restore…' }).click();
  await page.getByRole('dialog', { name: 'Restore “Board draft”?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored “Board draft”. The plan as it was before is kept in History.')).toBeVisible();
  await expect(header.getByRole('link', { name: 'Approved Mar 12, 2027 · no changes since' })).toBeVisible();
  await shot(page, 'approval-history', true);
  await expectNoAxeViolations(page, 'the history section with an approval');
  await header.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(header.getByRole('link', { name: 'Approved Mar 12, 2027 · 3 changes since' })).toBeVisible();

  // Deleting the approved revision asks first; Undo puts it back with its approval.
  await page.getByRole('button', { name: 'More actions for “Board draft”' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete an approved revision?' });
  await expect(ask).toContainText('“Board draft” is the plan approved by the Board of Education on Mar 12, 2027 (Resolution 2027-14).');
  await ask.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Board draft')).toHaveCount(0);
  await expect(header.getByText(/^Approved/)).toHaveCount(0);
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Board draft')).toContainText('Approved Mar 12, 2027');
  await expect(header.getByRole('link', { name: 'Approved Mar 12, 2027 · 3 changes since' })).toBeVisible();
});
