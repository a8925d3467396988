import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR, saveScreenshot, tabTo } from '../support';

const PLAN = 'Riverside personalized learning';
const SYSTEM = 'Riverside Unified School District';

/** The file without the moment it was written, which differs between two exports of the same plan. */
function withoutExportTime(text: string): unknown {
  const { exportedAt: _exportedAt, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

test('a planner creates a plan from the template, edits it, finds it after a reload, exports, deletes and imports it back', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();

  await expect(page.getByRole('heading', { name: 'Plan how your pilot becomes a system-wide strategy' })).toBeVisible();
  await expectNoAxeViolations(page, 'empty library');
  await saveScreenshot(page, 'library-empty');

  await page.getByRole('button', { name: 'Start a plan' }).click();
  await expectNoAxeViolations(page, 'new plan dialog');
  await saveScreenshot(page, 'new-plan-dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await library.createPlan(PLAN, SYSTEM);
  await plan.fill('Number of schools', '42');
  await plan.fill('Students', '31,500');
  await plan.fill('FRL students (%)', '64');
  await plan.chooseOption('Locale', 'Urban');
  await plan.chooseOption('School year starts in', 'September');

  await plan.openSection('Roadmap');
  for (const [i, name] of ['Pilot', 'Expand', 'Scale', 'Sustain'].entries()) {
    await expect(plan.phase(i + 1)).toHaveAccessibleName(`Phase ${i + 1}: ${name}`);
  }
  await plan.fill('Phase 1 goal', 'Eight schools try station rotation in grades 3–5.');

  // A phase must end after it starts: the rule is shown, and the bad date is not saved.
  const expandEnd = plan.field('Phase 2 end');
  const savedEnd = await expandEnd.inputValue();
  const expandStart = await plan.field('Phase 2 start').inputValue();
  await expandEnd.fill('2020-01-15');
  await expect(plan.phase(2).getByText(/Must be after the start date/)).toBeVisible();
  await expectNoAxeViolations(page, 'plan with a date error');
  await expandEnd.fill(savedEnd);
  await expandEnd.blur();
  await expect(plan.phase(2).getByText(/Must be after the start date/)).toHaveCount(0);
  expect(await plan.field('Phase 2 start').inputValue()).toBe(expandStart);

  await plan.expectSaved();
  await expectNoAxeViolations(page, 'roadmap section with edits');

  await page.reload();
  await expect(plan.field('Phase 1 goal')).toHaveValue('Eight schools try station rotation in grades 3–5.');
  await expect(plan.field('Phase 2 end')).toHaveValue(savedEnd);
  await plan.openSection('Overview');
  await expect(plan.field('Number of schools')).toHaveValue('42');
  await expect(plan.field('Students')).toHaveValue('31,500');
  await expect(plan.field('FRL students (%)')).toHaveValue('64');
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveText('Urban');
  await expect(page.getByRole('combobox', { name: 'School year starts in' })).toHaveText('September');

  await plan.backToLibrary();
  const row = library.row(PLAN);
  await expect(row.getByRole('cell').nth(1)).toHaveText(SYSTEM);
  await expect(row.getByRole('cell').nth(3)).toHaveText('4');
  await expectNoAxeViolations(page, 'library with a plan');
  await saveScreenshot(page, 'library');

  const download = page.waitForEvent('download');
  await library.chooseAction(PLAN, 'Export to file…');
  const exported = await download;
  expect(exported.suggestedFilename()).toBe(`${PLAN}.roadmap.json`);
  const exportPath = testInfo.outputPath(exported.suggestedFilename());
  await exported.saveAs(exportPath);
  const firstExport = readFileSync(exportPath, 'utf8');
  const file = JSON.parse(firstExport) as { format: string; formatVersion: number; plan: { name: string; profile: { schoolCount: number } }; phases: unknown[] };
  expect(file.format).toBe('roadmap-planner.plan');
  expect(file.formatVersion).toBe(5);
  expect(file.plan.profile.schoolCount).toBe(42);
  expect(file.phases).toHaveLength(4);

  await library.chooseAction(PLAN, 'Delete');
  await expect(page.getByText(`Moved “${PLAN}” to Recently deleted.`)).toBeVisible();
  await expect(library.plansTable).toHaveCount(0);
  await page.getByRole('button', { name: /Recently deleted \(1\)/ }).click();
  await expect(page.getByRole('table', { name: 'Recently deleted plans' })).toContainText(PLAN);
  await expectNoAxeViolations(page, 'library with recently deleted plans');
  await saveScreenshot(page, 'library-recently-deleted');

  // The deleted plan is still in Recently deleted, so the app asks before replacing it.
  await library.importFile(exportPath);
  const conflict = page.getByRole('dialog', { name: 'This plan is already in your library' });
  await expect(conflict).toBeVisible();
  await expectNoAxeViolations(page, 'import conflict dialog');
  await conflict.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText(`Replaced “${PLAN}”.`)).toBeVisible();
  await expect(library.row(PLAN)).toBeVisible();

  const again = page.waitForEvent('download');
  await library.chooseAction(PLAN, 'Export to file…');
  const secondPath = testInfo.outputPath('second.roadmap.json');
  await (await again).saveAs(secondPath);
  expect(withoutExportTime(readFileSync(secondPath, 'utf8'))).toEqual(withoutExportTime(firstExport));
});

test('importing a broken, foreign or newer file explains what is wrong and changes nothing', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Lakeside pilot', 'Lakeside School District');
  await new PlanPage(page).backToLibrary();
  await expect(library.row('Lakeside pilot')).toBeVisible();

  const cases: [string, RegExp][] = [
    ['malformed.roadmap.json', /not valid JSON \(line 6, column \d+\)/],
    ['foreign.json', /not a Roadmap Planner plan file/],
    ['newer-version.roadmap.json', /newer version of Roadmap Planner \(file format 99; this version reads up to 5\)/],
    ['bad-phase-dates.roadmap.json', /Phase 2 “Expand” › end: Must be after the start date/],
  ];
  for (const [fixture, message] of cases) {
    if (fixture === 'foreign.json') {
      // Import also has a shortcut.
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Control+o');
      await (await chooser).setFiles(join(FIXTURES_DIR, fixture));
    } else {
      await library.importFile(join(FIXTURES_DIR, fixture));
    }
    const dialog = page.getByRole('dialog', { name: `Could not import “${fixture}”` });
    await expect(dialog).toContainText(message);
    await expect(dialog).toContainText('Your library is unchanged.');
    if (fixture === 'bad-phase-dates.roadmap.json') {
      await expect(dialog).toContainText('Phase 3 “Scale” › start: must be a date written as YYYY-MM-DD');
      await expectNoAxeViolations(page, 'import problems dialog');
      await saveScreenshot(page, 'import-problems');
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(library.plansTable.getByRole('row')).toHaveCount(2);
  await expect(library.row('Lakeside pilot')).toBeVisible();
});

test('an address to a plan that is not there says so and leads back', async ({ page }) => {
  await page.goto('/#/plans/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'plan not found');
  await page.getByRole('link', { name: 'Back to your plans' }).click();
  await expect(new LibraryPage(page).heading).toBeVisible();
});

test('duplicate, rename and undo a delete from the library', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Northside roadmap', 'Northside Public Schools');
  await new PlanPage(page).backToLibrary();

  // The row menu by keyboard: open it, move to Duplicate, choose it.
  await page.getByRole('button', { name: 'Actions for Northside roadmap' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(library.row('Northside roadmap (copy)')).toBeVisible();
  await expect(library.row('Northside roadmap (copy)').getByRole('cell').nth(3)).toHaveText('4');

  await library.chooseAction('Northside roadmap (copy)', 'Rename…');
  const rename = page.getByRole('dialog', { name: 'Rename plan' });
  await rename.getByLabel('Plan name').fill('Northside — scale scenario');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(library.row('Northside — scale scenario')).toBeVisible();

  await library.chooseAction('Northside roadmap', 'Delete');
  await expect(library.row('Northside roadmap')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.row('Northside roadmap')).toBeVisible();
  await expect(library.plansTable.getByRole('row')).toHaveCount(3);
});

test('a planner builds a blank plan with the keyboard alone', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await expect(library.heading).toBeFocused();
  expect(await page.title()).toBe('Your plans — Roadmap Planner');

  await tabTo(page, page.getByRole('button', { name: 'Start a plan' }));
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await expect(dialog.getByLabel('Plan name')).toBeFocused();
  await page.keyboard.type('Hillcrest blended learning');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hillcrest Charter Network');
  await page.keyboard.press('Tab');
  // Arrow keys move between the start-from choices; Blank plan is last, one step up from the first.
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: /Blank plan/ })).toBeChecked();
  await page.keyboard.press('Enter');

  // The new screen announces itself: its heading has the focus and names the window.
  const heading = page.getByRole('heading', { level: 1, name: 'Hillcrest blended learning' });
  await expect(heading).toBeFocused();
  expect(await page.title()).toBe('Overview — Hillcrest blended learning — Roadmap Planner');
  await expect(page.getByText('No phases yet.', { exact: false })).toBeVisible();

  // To the roadmap through the section navigation; its heading takes the focus.
  await tabTo(page, page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Roadmap' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Roadmap' })).toBeFocused();
  expect(await page.title()).toBe('Roadmap — Hillcrest blended learning — Roadmap Planner');

  await tabTo(page, page.getByRole('button', { name: 'Add the first phase' }));
  await page.keyboard.press('Enter');
  // The new phase's name takes the focus, selected, so typing names it.
  await expect(plan.field('Phase 1 name')).toBeFocused();
  await page.keyboard.type('Pilot');
  await page.keyboard.press('Tab');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Pilot');
  const add = page.getByRole('button', { name: 'Add phase' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expect(plan.phase(2)).toBeVisible();

  // The second phase starts the day after the first ends.
  const firstEnd = await plan.field('Phase 1 end').inputValue();
  const secondStart = await plan.field('Phase 2 start').inputValue();
  expect(new Date(secondStart).getTime() - new Date(firstEnd).getTime()).toBe(86_400_000);

  // Reorder by keyboard, then delete and undo with Ctrl+Z.
  await tabTo(page, page.getByRole('button', { name: 'Move Phase 2 earlier' }), 10, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Phase 2');
  // At the top its "earlier" button is off, so the focus moved to "later", beside Delete.
  await expect(page.getByRole('button', { name: 'Move Phase 2 later' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, page.getByRole('button', { name: 'Delete Phase 2' }), 5);
  await page.keyboard.press('Enter');
  await expect(plan.phase(2)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Phases' })).toBeFocused();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
  await page.keyboard.press('Control+z');
  await expect(plan.phase(2)).toHaveAccessibleName('Phase 2: Pilot');
  // Redo deletes it again, and undo brings it back once more.
  await page.keyboard.press('Control+Shift+z');
  await expect(plan.phase(2)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(plan.phase(2)).toHaveAccessibleName('Phase 2: Pilot');
  await plan.expectSaved();

  await page.reload();
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Phase 2');
  await expect(plan.phase(2)).toHaveAccessibleName('Phase 2: Pilot');

  // Export with its shortcut, even straight after typing: what is on screen is what is exported.
  await plan.field('Phase 2 goal').focus();
  await page.keyboard.type('Two schools, grades 6–8.');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const exported = await download;
  expect(exported.suggestedFilename()).toBe('Hillcrest blended learning.roadmap.json');
  const file = JSON.parse(readFileSync(await exported.path(), 'utf8')) as { phases: { name: string; goal: string }[] };
  expect(file.phases.map((p) => [p.name, p.goal])).toEqual([['Phase 2', ''], ['Pilot', 'Two schools, grades 6–8.']]);
});

test('a full disk gets a clear message, the plan keeps its last saved state, and leaving the field again retries', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Eastview roadmap', 'Eastview Schools');
  await plan.fill('Number of schools', '12');
  await plan.expectSaved();

  // Every IndexedDB write fails from here on, as it does when the disk is full.
  const fillTheDisk = () => page.evaluate(() => {
    const store = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
    store.realPut = store.put;
    store.realAdd = store.add;
    const fail = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    store.put = fail;
    store.add = fail;
  });
  await fillTheDisk();
  await plan.fill('Number of schools', '99');
  await expect(page.getByRole('alert')).toContainText('Could not save the plan: this computer is out of storage space for the app. Nothing was changed.');
  await expect(plan.saveState).toHaveText('Not saved');
  await expectNoAxeViolations(page, 'plan with a failed save');
  await saveScreenshot(page, 'plan-save-failed');
  await page.reload();
  await expect(plan.field('Number of schools')).toHaveValue('12');

  await fillTheDisk();
  await plan.fill('Number of schools', '99');
  await expect(plan.saveState).toHaveText('Not saved');
  await page.evaluate(() => {
    const store = IDBObjectStore.prototype as IDBObjectStore & { realPut: IDBObjectStore['put']; realAdd: IDBObjectStore['add'] };
    store.put = store.realPut;
    store.add = store.realAdd;
  });
  // Another field saving does not hide that this one is still unsaved.
  await plan.fill('School system', 'Eastview Public Schools');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Eastview Public Schools');
  await expect(plan.saveState).toHaveText('Not saved');
  await plan.field('Number of schools').focus();
  await plan.field('Number of schools').blur();
  await plan.expectSaved();
  await page.reload();
  await expect(plan.field('Number of schools')).toHaveValue('99');
  await expect(plan.field('School system')).toHaveValue('Eastview Public Schools');
});
