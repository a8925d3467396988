import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

/**
 * Two tabs on one plan (one browser profile, so one database): each shows the other's edits as
 * they are saved, and an Undo in one never writes back a record the other has changed since.
 */
test('two tabs on one plan show each other’s edits, and an undo of a record changed in the other tab is refused', async ({ context }) => {
  // Two pages at once, and axe: slower than one page on a loaded machine.
  test.setTimeout(120_000);
  const pageA = await context.newPage();
  const library = new LibraryPage(pageA);
  const a = new PlanPage(pageA);
  await library.goto();
  await library.createPlan('Two windows roadmap', 'Riverside Unified');
  await a.openSection('Roadmap');

  const pageB = await context.newPage();
  const b = new PlanPage(pageB);
  await pageB.goto(pageA.url());
  await expect(b.field('Phase 1 name')).toHaveValue('Pilot');

  // A renames two phases; B shows both without a reload.
  await a.fill('Phase 2 name', 'Expand, year two');
  await a.expectSaved();
  await a.fill('Phase 1 name', 'Pilot year');
  await a.expectSaved();
  await expect(b.field('Phase 2 name')).toHaveValue('Expand, year two');
  await expect(b.field('Phase 1 name')).toHaveValue('Pilot year');

  // B renames the first phase again; A shows it.
  await b.fill('Phase 1 name', 'Pilot, spring');
  await b.expectSaved();
  await expect(a.field('Phase 1 name')).toHaveValue('Pilot, spring');

  // A's Undo would put back “Pilot” over B's name: refused, with nothing changed in either tab.
  await pageA.getByRole('button', { name: 'Undo' }).click();
  const refusal = pageA.getByRole('status').filter({ hasText: 'Could not undo' });
  await expect(refusal).toHaveText('Could not undo: Rename “Pilot”. The phase “Pilot, spring” was changed since, perhaps in another window. Nothing was changed.');
  await expect(a.field('Phase 1 name')).toHaveValue('Pilot, spring');
  await expect(b.field('Phase 1 name')).toHaveValue('Pilot, spring');
  // Nothing is left unsaved: the refusal is not a failed save.
  await a.expectSaved();
  await expectNoAxeViolations(pageA, 'an undo refused because another tab changed the phase');
  await saveScreenshot(pageA, 'two-windows-undo-refused');

  // The refused step is off the list: the next Undo takes back A's other edit, in both tabs.
  await expect(pageA.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await pageA.getByRole('button', { name: 'Undo' }).click();
  await expect(pageA.getByRole('status').filter({ hasText: /^Undone: Rename “Expand”/ })).toBeVisible();
  await expect(a.field('Phase 2 name')).toHaveValue('Expand');
  await expect(b.field('Phase 2 name')).toHaveValue('Expand');
  await expect(a.field('Phase 1 name')).toHaveValue('Pilot, spring');
  await expect(pageA.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // B's own Undo still works on what B did.
  await pageB.getByRole('button', { name: 'Undo' }).click();
  await expect(b.field('Phase 1 name')).toHaveValue('Pilot year');
  await expect(a.field('Phase 1 name')).toHaveValue('Pilot year');
});
