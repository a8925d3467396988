import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { FIXTURES_DIR } from '../support';

// Riverside Unified, a year on: 40 schools in waves of 5, 15 and the rest, with money for each
// wave, approved by the board; then the pilot gate slows the plan (waves of 8, 12 and the rest),
// the second wave's money shrinks, and the journal records why.
const ROSTER = `${FIXTURES_DIR}riverside-unified-roster.csv`;
const PLAN = 'Riverside revisited';
const SHOTS = process.env.HISTORY_SHOTS ?? '/tmp/history-shots';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cell = (page: Page, row: string, phase: string) => page.getByRole('grid', { name: 'Allocations by phase' }).getByRole('gridcell', { name: new RegExp(`^${escape(row)}, ${escape(phase)}: `) });

async function setMoney(page: Page, wave: string, phase: string, amount: string): Promise<void> {
  await cell(page, wave, phase).click();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(cell(page, wave, phase)).toHaveAccessibleName(new RegExp(`^${wave}, ${phase}: \\$`));
}

async function proposeWaves(page: Page, plan: PlanPage, sizes: string): Promise<void> {
  await plan.openSection('Waves');
  await plan.fill('Schools per wave', sizes);
  await page.getByRole('button', { name: 'Propose' }).click();
  await page.getByRole('button', { name: 'Apply these waves' }).click();
  await expect(page.getByText(/^Applied 3 waves: 40 schools placed\./)).toBeVisible();
  await plan.expectSaved();
}

test('a district revisits its approved plan: the header and the changes page tell the same count, in words', async ({ page }) => {
  test.setTimeout(120_000);
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified', /Template: Pilot to scale — balanced/);
  await plan.openSection('Schools');
  const roster = await plan.openRosterImport(ROSTER);
  await roster.getByRole('button', { name: 'Import 40 schools' }).click();
  await expect(roster).toBeHidden();
  await plan.expectSaved();
  await proposeWaves(page, plan, '5, 15, the rest');
  await plan.openSection('Resources');
  await setMoney(page, 'Wave 1', 'Pilot', '400000');
  await setMoney(page, 'Wave 2', 'Expand', '900000');
  await plan.expectSaved();

  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'History', exact: true }).click();
  await page.getByRole('button', { name: 'Record a board approval…' }).click();
  const approval = page.getByRole('dialog', { name: 'Record a board approval' });
  await approval.getByLabel('Date approved').fill('2027-06-10');
  await approval.getByRole('button', { name: 'Record approval' }).click();
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Approved Jun 10, 2027 · no changes since' })).toBeVisible();

  // The pilot gate: slower, with less money for the second wave.
  await proposeWaves(page, plan, '8, 12, the rest');
  await plan.openSection('Resources');
  await setMoney(page, 'Wave 2', 'Expand', '750000');
  await plan.expectSaved();
  // The three schools ranked next joined the pilot wave (wave 3 keeps its 20), and the money moved.
  const link = header.getByRole('link', { name: 'Approved Jun 10, 2027 · 4 changes since' });
  await expect(link).toBeVisible();

  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'What changed since approval' })).toBeVisible();
  await expect(page.getByText('Approved by Board of Education on Jun 10, 2027 · 4 changes since')).toBeVisible();
  await expect(page.getByText('4 changes: 3 in Schools, 1 in Resources', { exact: true })).toBeVisible();
  const schools = page.getByRole('region', { name: /^Schools/ }).getByRole('listitem');
  await expect(schools).toHaveCount(3);
  for (const text of await schools.allInnerTexts()) expect(text).toMatch(/^.+: Wave 2 → Wave 1$/);
  await expect(page.getByRole('region', { name: /^Resources/ }).getByRole('listitem')).toHaveText(['FY2029 District budget: −$150,000']);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/district-changes.png`, fullPage: true });
});
