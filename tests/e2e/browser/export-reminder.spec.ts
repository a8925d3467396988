/**
 * Browser mode cannot back plans up on its own: the library says when each plan was last
 * exported and, after a week of changes without an export, offers one in a click.
 */
import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations } from '../support';

const PLAN = 'Northside blended pilot';
const DAY = 24 * 60 * 60_000;

test('a plan changed for 9 days since its last export is offered an export, which the click makes and the offer goes', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Northside Schools');
  await plan.backToLibrary();
  await expect(library.row(PLAN).getByRole('cell').nth(4)).toHaveText('Never');

  // Exported today: the library says so, and there is nothing to remind of.
  const first = page.waitForEvent('download');
  await library.chooseAction(PLAN, 'Export to file…');
  await first;
  await expect(library.row(PLAN).getByRole('cell').nth(4)).toHaveText(/less than a minute ago/);

  // A change after the export.
  await page.getByRole('link', { name: PLAN, exact: true }).click();
  await plan.fill('Number of schools', '17');
  await plan.expectSaved();
  await plan.backToLibrary();
  await expect(page.getByRole('region', { name: 'Plans to export' })).toHaveCount(0);

  // The export was 9 days ago.
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('roadmap-planner.last-export.')) ?? '');
  expect(key).not.toBe('');
  await page.evaluate(([k, at]) => localStorage.setItem(k, at), [key, new Date(Date.now() - 9 * DAY).toISOString()] as const);
  await page.reload();
  await expect(library.heading).toBeVisible();

  const offer = page.getByRole('region', { name: 'Plans to export' }).getByRole('alert');
  await expect(offer).toContainText(`“${PLAN}”: not exported for 9 days of changes.`);
  await expect(library.row(PLAN).getByRole('cell').nth(4)).toHaveText('9 days ago');
  await expectNoAxeViolations(page, 'library with an export reminder');
  await page.screenshot({ path: '/tmp/backups-shots/export-reminder.png' });

  const download = page.waitForEvent('download');
  await offer.getByRole('button', { name: 'Export now' }).click();
  expect((await download).suggestedFilename()).toBe(`${PLAN}.roadmap.json`);
  await expect(page.getByRole('region', { name: 'Plans to export' })).toHaveCount(0);
  await expect(library.row(PLAN).getByRole('cell').nth(4)).toHaveText(/less than a minute ago/);

  // And after a reload it stays gone.
  await page.reload();
  await expect(library.row(PLAN)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plans to export' })).toHaveCount(0);
});
