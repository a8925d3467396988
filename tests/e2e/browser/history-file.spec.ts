import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { chooseShareFormat, openShareDialog } from './share-dialog';
import { expectNoAxeViolations } from '../support';

const PLAN = 'Riverside travels';

const openSection = (page: Page, name: 'Journal' | 'History') => new PlanPage(page).openSection(name);

async function saveRevision(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save a revision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save a revision' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(dialog).toHaveCount(0);
}

const revisionRow = (page: Page, name: string) => page.getByRole('table', { name: 'Revisions, newest first' }).getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

test('a plan file saved with history brings its revisions, approval and journal to another computer; a damaged revision is named and left out', async ({ page, browser }, testInfo) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  // Two revisions, the second approved by the board, and one journal entry.
  await openSection(page, 'History');
  await saveRevision(page, 'Cabinet draft');
  await plan.openSection('Roadmap');
  await plan.fill('Phase 1 name', 'Try-out');
  await plan.expectSaved();
  await openSection(page, 'History');
  await page.getByRole('button', { name: 'Record a board approval…' }).click();
  const approval = page.getByRole('dialog', { name: 'Record a board approval' });
  await approval.getByLabel('Date approved').fill('2027-03-12');
  await approval.getByRole('textbox', { name: 'Reference' }).fill('Resolution 2027-14');
  await approval.getByRole('button', { name: 'Record approval' }).click();
  await expect(revisionRow(page, 'Approved plan')).toContainText('Approved Mar 12, 2027 · Board of Education · Resolution 2027-14');
  await openSection(page, 'Journal');
  await page.getByRole('button', { name: 'New entry' }).click();
  const entry = page.getByRole('dialog', { name: 'New journal entry' });
  await entry.getByLabel('Date').fill('2027-04-02');
  await entry.getByRole('radio', { name: 'Did not work', exact: true }).check();
  await entry.getByRole('textbox', { name: 'What happened' }).fill('The adaptive math tool did not fit the bell schedule.');
  await entry.getByRole('button', { name: 'Add entry' }).click();
  await expect(entry).toHaveCount(0);

  // Share → Plan file, with history.
  const share = await openShareDialog(page, PLAN);
  const planFile = await chooseShareFormat(share, 'Plan file (.roadmap.json)');
  await planFile.getByRole('checkbox', { name: /^Include history: revisions and journal/ }).check();
  const download = page.waitForEvent('download');
  await planFile.getByRole('button', { name: 'Save plan file…' }).click();
  const withHistory = testInfo.outputPath('with-history.roadmap.json');
  await (await download).saveAs(withHistory);
  const text = readFileSync(withHistory, 'utf8');
  const file = JSON.parse(text) as { formatVersion: number; revisions: { name: string; data: string }[]; journal: unknown[] };
  expect(file.formatVersion).toBe(5);
  expect(file.revisions.map((r) => r.name).sort()).toEqual(['Approved plan', 'Cabinet draft']);
  expect(file.journal).toHaveLength(1);

  // A damaged copy: one revision's saved state altered in the middle.
  const cabinet = file.revisions.find((r) => r.name === 'Cabinet draft');
  if (!cabinet) throw new Error('the cabinet draft is missing from the file');
  const bytes = Buffer.from(cabinet.data, 'base64');
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  const damagedPath = testInfo.outputPath('damaged.roadmap.json');
  writeFileSync(damagedPath, text.replace(cabinet.data, bytes.toString('base64')));

  // Another computer (an empty library): the plan arrives with its history.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const library2 = new LibraryPage(page2);
  await library2.goto();
  await library2.importFile(withHistory);
  await expect(page2.getByText(`Imported “${PLAN}” with its history: 2 revisions and 1 journal entry.`)).toBeVisible();
  await expect(page2.getByRole('banner').getByRole('link', { name: 'Approved Mar 12, 2027 · no changes since' })).toBeVisible();
  await openSection(page2, 'History');
  await expect(revisionRow(page2, 'Approved plan')).toContainText('the baseline');
  await expect(revisionRow(page2, 'Cabinet draft')).toBeVisible();
  await page2.getByRole('button', { name: 'Compare “Cabinet draft” with the plan now' }).click();
  await expect(page2.getByRole('dialog').getByText('1 change: 1 in Roadmap', { exact: true })).toBeVisible();
  await page2.keyboard.press('Escape');
  await openSection(page2, 'Journal');
  await expect(page2.getByText('The adaptive math tool did not fit the bell schedule.')).toBeVisible();
  await other.close();

  // A third: the damaged file imports the plan and the readable revision, and names the other.
  const third = await browser.newContext();
  const page3 = await third.newPage();
  const library3 = new LibraryPage(page3);
  await library3.goto();
  await library3.importFile(damagedPath);
  const message = page3.getByRole('complementary', { name: 'Messages' });
  await expect(message).toContainText(`Imported “${PLAN}” with its history: 1 revision and 1 journal entry. One revision in the file could not be read and was left out: “Cabinet draft” of`);
  await expect(message).toContainText('its data is damaged.');
  // The message comes as the plan opens; axe looks at the plan it opened on.
  await expect(page3.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  await expectNoAxeViolations(page3, 'the import message with a damaged revision');
  await openSection(page3, 'History');
  await expect(revisionRow(page3, 'Approved plan')).toBeVisible();
  await expect(revisionRow(page3, 'Cabinet draft')).toHaveCount(0);
  await third.close();
});
