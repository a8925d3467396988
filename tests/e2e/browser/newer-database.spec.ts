import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

/** The app's database (storage/database.ts DATABASE_NAME). */
const DATABASE = 'roadmap-planner';
const PLAN_ID = '0b6f5a1e-6a8e-4c57-9a55-5b6c1d2e3f40';

interface RawState {
  version: number;
  tables: string[];
  plans: unknown[];
  meetings: unknown[];
}

/**
 * A page on the app's origin that is not the app, so the database can be laid down before the
 * app ever runs (the app would otherwise create its own on first load).
 */
async function gotoOriginWithoutApp(page: Page): Promise<void> {
  await page.route('**/not-the-app.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Setup</title>' }));
  await page.goto('/not-the-app.html');
}

/** What a newer Roadmap Planner (schema 7, stored as 70) leaves: its own extra table and a plan. */
async function createNewerDatabase(page: Page): Promise<void> {
  await page.evaluate(async ({ name, planId }) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 70);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('plans', { keyPath: 'id' });
        request.result.createObjectStore('boardMeetings', { keyPath: 'id' });
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['plans', 'boardMeetings'], 'readwrite');
        tx.objectStore('plans').put({ id: planId, name: 'Riverside roadmap', systemName: 'Riverside Unified', updatedAt: '2027-01-10T10:00:00.000Z', deletedAt: null });
        tx.objectStore('boardMeetings').put({ id: 'm1', planId, date: '2027-03-12' });
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      };
    });
  }, { name: DATABASE, planId: PLAN_ID });
}

/** The database as it is on disk, read with plain IndexedDB (opened without a version, which changes nothing). */
async function readRaw(page: Page): Promise<RawState> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const all = (table: string) => new Promise<unknown[]>((resolve, reject) => {
      if (!db.objectStoreNames.contains(table)) { resolve([]); return; }
      const request = db.transaction(table).objectStore(table).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    const state = { version: db.version, tables: [...db.objectStoreNames].sort(), plans: await all('plans'), meetings: await all('boardMeetings') };
    db.close();
    return state;
  }, DATABASE);
}

async function expectNewerMessage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Your plans need a newer version of Roadmap Planner' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('Your plans were last opened by a newer version of Roadmap Planner (database version 7; this version knows up to 6).', { exact: false })).toBeVisible();
  await expect(main.getByText(/Nothing was changed\./)).toBeVisible();
  await expect(main.getByText('Update Roadmap Planner to its newest version, then start it again: your plans open as you left them.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your backups and exported files' })).toBeVisible();
  await expect(main.getByText('Your plans are still kept in this browser profile, as the newer version left them.')).toBeVisible();
  await expect(main.getByText(/Plan files you exported \(\.roadmap\.json\) are where you saved them \(usually your Downloads folder\)/)).toBeVisible();
  // No library: not its heading, not its buttons.
  await expect(page.getByRole('heading', { name: 'Your plans', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New plan' })).toHaveCount(0);
}

test('plans last opened by a newer version are not opened, changed or wiped: the app says why and what to do', async ({ page }) => {
  await gotoOriginWithoutApp(page);
  await createNewerDatabase(page);
  const before = await readRaw(page);
  expect(before.version).toBe(70);
  expect(before.tables).toEqual(['boardMeetings', 'plans']);

  await page.goto('/#/');
  await expectNewerMessage(page);
  await expect(page).toHaveTitle('Your plans need a newer version — Roadmap Planner');
  await expectNoAxeViolations(page, 'the newer database message');
  await saveScreenshot(page, 'newer-database', { fullPage: true });
  // Longer than the app takes to reach for the database on its own (the library's list, the
  // housekeeping of Recently deleted after 1.5 s): still nothing written.
  await page.waitForTimeout(2500);
  expect(await readRaw(page)).toEqual(before);

  await page.reload();
  await expectNewerMessage(page);
  expect(await readRaw(page)).toEqual(before);

  // A link straight into a plan goes through the same check.
  await page.goto(`/#/plans/${PLAN_ID}/overview`);
  await page.reload();
  await expectNewerMessage(page);
  expect(await readRaw(page)).toEqual(before);
});

test('a tab whose database another tab\'s newer version upgrades stops at its next save, and changes nothing', async ({ page, context }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Riverside roadmap', 'Riverside Unified');
  await plan.fill('Students', '31,500');
  await plan.expectSaved();

  // Another tab, a newer version: it upgrades the database (this tab's connection lets it go).
  const other = await context.newPage();
  await gotoOriginWithoutApp(other);
  await other.evaluate(async (name) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 70);
      request.onupgradeneeded = () => { request.result.createObjectStore('boardMeetings', { keyPath: 'id' }); };
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
  }, DATABASE);
  const before = await readRaw(other);
  expect(before.version).toBe(70);

  // This tab's next save is refused before it writes, and the window says why.
  await page.bringToFront();
  await plan.field('Number of schools').fill('42');
  await expectNewerMessage(page);
  expect(await readRaw(other)).toEqual(before);
});
