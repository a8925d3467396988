/**
 * The desktop app's automatic backups, renderer side, in Chromium: the preload bridge is stood
 * in for by a page script that keeps backups in memory, since the Electron binary may be absent
 * (the Electron suite runs the real main process where it can). Checks that an edit sends a
 * backup, that the library's Backups view lists it and restores it as a new plan, that a
 * damaged backup is refused with its name, and that a plan changed without a backup gets one
 * when the app starts.
 */
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations } from '../support';

const PLAN = 'Eastside rotation pilot';

/** Stands in for the preload bridge: backups kept in memory, in `window.__backups`. */
function fakeDesktopBackups() {
  const store: { planId: string; planName: string; file: string; savedAt: string; bytes: number; content: string }[] = [];
  const w = window as unknown as Record<string, unknown>;
  w.__backups = store;
  w.__listed = 0;
  w.roadmapHost = {
    saveFile: async () => ({ status: 'cancelled' }),
    openFile: async () => ({ status: 'cancelled' }),
    printToPdf: async () => ({ status: 'cancelled' }),
    appInfo: async () => ({ name: 'Roadmap Planner', version: 'test', platform: 'linux', userDataPath: '/home/planner/.config/Roadmap Planner' }),
    writeBackup: async ({ planId, planName, content }: { planId: string; planName: string; content: string }) => {
      const savedAt = new Date().toISOString();
      const file = `${planId}/${savedAt.replace(/:/g, '-')} ${planName}.roadmap.json`;
      store.push({ planId, planName, file, savedAt, bytes: content.length, content });
      return { status: 'saved', file, savedAt };
    },
    listBackups: async () => {
      (w.__listed as number) += 1;
      return { folder: '/home/planner/.config/Roadmap Planner/Backups', backups: store.map(({ content: _content, ...entry }) => entry) };
    },
    readBackup: async ({ file }: { file: string }) => {
      const found = store.find((b) => b.file === file);
      if (!found) throw new Error(`Error invoking remote method 'backups:read': BackupError: Could not open the backup “${file}”: the folder or file no longer exists.`);
      return { file, content: found.content };
    },
    openBackupsFolder: async () => ({ folder: '/home/planner/.config/Roadmap Planner/Backups' }),
  };
}

const listed = (page: Page) => page.evaluate(() => (window as unknown as { __listed: number }).__listed);

test('an edit is backed up; Backups lists it, restores it as a new plan, and names a damaged one', async ({ page }) => {
  await page.addInitScript(fakeDesktopBackups);
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  // At start the app backs up every plan changed since its last backup; here there is none yet.
  await expect.poll(() => listed(page)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(0);
  await library.createPlan(PLAN, 'Eastside Schools');
  await plan.fill('Number of schools', '12');
  await plan.expectSaved();

  // The first change is sent at once, as a plan file.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(1);
  const sent = await page.evaluate(() => (window as unknown as { __backups: { planName: string; content: string }[] }).__backups[0]);
  expect(sent?.planName).toBe(PLAN);
  expect((JSON.parse(sent?.content ?? '{}') as { plan: { profile: { schoolCount: number } } }).plan.profile.schoolCount).toBe(12);

  // Within 5 minutes, a second change is not sent at once.
  await plan.fill('Number of schools', '13');
  await plan.expectSaved();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(1);

  // Leaving the plan sends the waiting change.
  await plan.backToLibrary();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(2);
  // The desktop app makes backups: no export reminder, no "Last exported" column.
  await expect(library.plansTable.getByRole('columnheader', { name: 'Last exported' })).toHaveCount(0);
  await expect(library.row(PLAN).getByRole('cell').nth(4)).toHaveText('less than a minute ago');

  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByRole('heading', { name: PLAN })).toBeVisible();
  await expect(dialog.getByRole('table', { name: PLAN }).getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(page, 'backups dialog');
  await page.screenshot({ path: '/tmp/backups-shots/backups-dialog.png' });

  // The newest backup (13 schools) restores as a new plan; the original is untouched.
  await dialog.getByRole('button', { name: 'Restore as a new plan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `${PLAN} (restored)` })).toBeVisible();
  await expect(plan.field('Number of schools')).toHaveValue('13');
  await expect(page.getByText(new RegExp(`Restored the backup of “${PLAN}” from .* as “${PLAN} \\(restored\\)”\\.`))).toBeVisible();
  await plan.backToLibrary();
  await expect(library.row(PLAN)).toBeVisible();
  await expect(library.row(`${PLAN} (restored)`)).toBeVisible();

  // A backup damaged on disk: refused with its name, the library unchanged.
  await page.evaluate(() => {
    const list = (window as unknown as { __backups: { content: string; planName: string }[] }).__backups;
    const newest = list[list.length - 1];
    if (newest) newest.content = '{"format":"roadmap-planner.plan","plan":{"name":7}}';
  });
  await page.getByRole('button', { name: 'Backups' }).click();
  await dialog.getByRole('button', { name: 'Restore as a new plan' }).first().click();
  const damagedName = await page.evaluate(() => {
    const list = (window as unknown as { __backups: { file: string }[] }).__backups;
    return list[list.length - 1]?.file.split('/')[1] ?? '';
  });
  await expect(dialog.getByText(`Could not restore “${damagedName}”`)).toBeVisible();
  await expect(dialog.getByText('Your library is unchanged. Try an older backup of the plan.')).toBeVisible();
  await expectNoAxeViolations(page, 'backups dialog with a damaged backup');
  await page.screenshot({ path: '/tmp/backups-shots/backups-damaged.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library.plansTable.getByRole('row')).toHaveCount(3);
});

test('a plan changed while nothing backed it up is backed up when the desktop app starts', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  // Made without the desktop bridge (as in a session whose backup never came), so no backup.
  await library.goto();
  await library.createPlan(PLAN, 'Eastside Schools');
  await plan.fill('Number of schools', '40');
  await plan.expectSaved();
  await plan.backToLibrary();

  // The desktop app starts: the library says when each plan was last backed up, and within
  // seconds the changed plan has a backup of what it is now.
  await page.addInitScript(fakeDesktopBackups);
  await page.reload();
  const lastBackedUp = library.row(PLAN).getByRole('cell').nth(4);
  await expect(library.plansTable.getByRole('columnheader', { name: 'Last backed up' })).toBeVisible();
  await expect(lastBackedUp).toHaveText('less than a minute ago');
  const sent = await page.evaluate(() => (window as unknown as { __backups: { planName: string; content: string }[] }).__backups);
  expect(sent).toHaveLength(1);
  expect((JSON.parse(sent[0]?.content ?? '{}') as { plan: { profile: { schoolCount: number } } }).plan.profile.schoolCount).toBe(40);
  await expect(page.getByText(/The app also keeps automatic backups of every changed plan in the Backups folder there/)).toBeVisible();
  await expectNoAxeViolations(page, 'library with Last backed up');
  await page.screenshot({ path: '/tmp/backups-shots/library-last-backed-up.png' });
});
