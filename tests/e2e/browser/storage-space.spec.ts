import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * Before the app's scripts: the browser's storage estimate gives fixed figures, and the disk
 * can be made "full" (every IndexedDB write refused with QuotaExceededError, as Chromium
 * refuses one past the app's quota) by setting window.__fullDisk.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(({ usage, quota }) => {
    Object.defineProperty(StorageManager.prototype, 'estimate', { configurable: true, value: async () => ({ usage, quota }) });
    const flags = window as unknown as { __fullDisk?: boolean };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function refuseWhenFull(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (flags.__fullDisk) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  }, { usage: 3.2 * MB, quota: 3.2 * MB + 1.9 * GB });
});

test('the library shows the space plans take and the space left, and a full disk says what can be freed and keeps what was saved', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await expect(page.getByText(/Plans are kept on this computer/)).toContainText('Plans and their history use 3.2 MB; about 1.9 GB is free on this computer.');

  await library.createPlan('Riverside roadmap', 'Riverside Unified');
  await plan.fill('Number of schools', '42');
  await plan.expectSaved();

  await page.evaluate(() => { (window as unknown as { __fullDisk: boolean }).__fullDisk = true; });
  await plan.fill('Number of schools', '44');
  const alert = page.getByRole('alert').filter({ hasText: 'out of storage space' });
  await expect(alert).toContainText('Could not save the plan: this computer is out of storage space for the app. Nothing was changed.');
  await expect(alert).toContainText('The plans use 3.2 MB of the 1.9 GB allowed.');
  await expect(alert).toContainText('To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.');
  await expectNoAxeViolations(page, 'a save refused for space');
  await saveScreenshot(page, 'save-refused-for-space');

  // What was saved before is still there: the refused value never was.
  await page.reload();
  await expect(plan.field('Number of schools')).toHaveValue('42');
  await library.goto();
  await expect(library.row('Riverside roadmap')).toBeVisible();
});

test('plans in Recently deleted can be removed for good to make room, after a confirmation, and plans in use stay', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  for (const name of ['Riverside roadmap', 'Lakeside roadmap']) {
    await library.createPlan(name, 'Unified');
    await library.goto();
  }
  await library.chooseAction('Lakeside roadmap', 'Delete');
  await page.getByRole('button', { name: /Recently deleted \(1\)/ }).click();

  // Cancel keeps it.
  await page.getByRole('button', { name: 'Remove all for good…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 plan for good?' });
  await expect(dialog).toContainText('The plan in Recently deleted, with its history, will be removed from this computer to make room. This cannot be undone; plans in use are not touched.');
  await expectNoAxeViolations(page, 'the confirmation to empty Recently deleted');
  await saveScreenshot(page, 'empty-recently-deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Recently deleted plans' })).toContainText('Lakeside roadmap');

  await page.getByRole('button', { name: 'Remove all for good…' }).click();
  await dialog.getByRole('button', { name: 'Remove for good' }).click();
  await expect(page.getByText('Removed 1 plan from Recently deleted for good.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Recently deleted/ })).toHaveCount(0);
  await expect(library.row('Riverside roadmap')).toBeVisible();
  await page.reload();
  await expect(library.row('Riverside roadmap')).toBeVisible();
  await expect(page.getByText('Lakeside roadmap')).toHaveCount(0);
});
