import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { chooseShareFormat } from './share-dialog';
import { expectNoAxeViolations } from '../support';

const PLAN = 'Riverside: north/south';
const SAFE = 'Riverside north south';

test('a planner saves the whole plan as one Excel workbook for the finance office, a hostile school name kept as text', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  // Which scripts the page has loaded: the workbook writer must wait until it is asked for.
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  const hostile = '=HYPERLINK("http://x","y")';
  await plan.openSection('Schools');
  await plan.addSchool({ name: hostile, students: '412', frlPercent: '71.5' });

  await page.getByRole('button', { name: 'More plan actions' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: `Share “${PLAN}”` });
  const section = await chooseShareFormat(dialog, 'Spreadsheet (.xlsx)');
  await expect(section).toContainText('For the finance office: every table in one workbook, numbers ready to add up.');
  await expectNoAxeViolations(page, 'share dialog, spreadsheet');
  expect(scripts.filter((url) => /xlsx-workbook/.test(url))).toEqual([]);

  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Save spreadsheet…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${SAFE} – Spreadsheet.xlsx`);
  await expect(page.getByText(`Saved the spreadsheet to your Downloads folder as ${SAFE} – Spreadsheet.xlsx.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(scripts.filter((url) => /xlsx-workbook/.test(url))).toHaveLength(1);

  const bytes = readFileSync(await file.path());
  const sheets = await readXlsxFile(bytes, { trim: false });
  expect(sheets.map((s) => s.sheet)).toEqual(['Phases', 'Milestones', 'Tight & loose', 'Decisions', 'Schools', 'Waves', 'Funding sources', 'Allocations', 'Money by fiscal year']);
  const schools = sheets.find((s) => s.sheet === 'Schools')?.data ?? [];
  expect(schools[0]?.slice(0, 6)).toEqual(['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)', 'Wave']);
  const row = schools.find((r) => r[0] === hostile);
  expect(row?.slice(3, 5)).toEqual([412, 0.715]);
  const phases = sheets.find((s) => s.sheet === 'Phases')?.data ?? [];
  expect(phases[1]?.[3]).toBeInstanceOf(Date);
  // No cell is a formula, whatever its text.
  for (const [path, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
    if (path.startsWith('xl/worksheets/sheet')) expect(strFromU8(data), path).not.toMatch(/<f[\s>/]/);
  }
});
