import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { LibraryPage } from './library-page';
import { PlanPage, type ChosenFile } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR } from '../support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Sheets = Parameters<typeof writeExcelFile>[0];

/** A workbook as Excel would hand it over: bytes with a name. */
async function workbook(name: string, sheets: Sheets): Promise<ChosenFile> {
  return { name, mimeType: XLSX, buffer: await writeExcelFile(sheets).toBuffer() };
}

test('a roster saved as an Excel workbook imports from its Schools sheet, reading a 45% cell as 45%', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Lakeside rollout', 'Lakeside Unified');
  const plan = new PlanPage(page);
  await plan.openSection('Schools');
  const file = await workbook('Lakeside roster.xlsx', [
    { sheet: 'Read me', data: [['Exported from the student information system, October count.']] },
    { sheet: 'Schools', data: [
      ['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)'],
      ['Harbor Elementary', 'LS-101', 'K-5', 412, { value: 0.45, format: '0%' }],
      [null, null, null, null, null],
      ['=HYPERLINK("http://x","y")', 'LS-102', '6-8', 655, { value: 0.725, format: '0.0%' }],
      ['Ridge High', 'LS-103', '9-12', 'about 900', { value: 0.3, format: '0%' }],
    ] },
  ] as Sheets);
  const dialog = await plan.openRosterImport(file);
  await expect(dialog.getByText('Lakeside roster.xlsx, sheet “Schools”: 3 rows under the header on row 1.')).toBeVisible();
  await expect(dialog.getByText('Read the sheet “Schools”.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Text encoding' })).toHaveCount(0);
  await expect(dialog.getByRole('status')).toHaveText('2 schools ready to import. 1 row with problems: fix a value below, or the row is skipped.');
  await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Schools sheet, row 5, Students: “about 900” is not a whole number.');
  const preview = dialog.getByRole('table', { name: /as they will be imported/ });
  await expect(preview.getByRole('row', { name: /Harbor Elementary/ }).getByRole('cell', { name: '45%', exact: true })).toBeVisible();
  await expect(preview.getByRole('row', { name: /HYPERLINK/ }).getByRole('cell', { name: '72.5%', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'roster import from a workbook');

  await dialog.getByRole('button', { name: 'Import 2 schools, skip 1 row' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
  const schools = page.getByRole('table', { name: 'Schools' });
  await expect(schools.getByRole('row', { name: /Harbor Elementary/ }).getByRole('cell', { name: '45%', exact: true })).toBeVisible();
  // Text that looks like a formula stays text, shown as written.
  await expect(schools.getByRole('row', { name: /=HYPERLINK\("http:\/\/x","y"\)/ })).toBeVisible();
});

// ——— Allocations ———

const PILOT = 'd8f87b58-8b6f-4b2a-8687-41be7ee80605';
const WAVE_1 = 'e2f7c126-b0d4-4628-b484-1b8d8f907c7f';
const GRANT = '0b7e3c1a-2f4d-4a6b-9c8d-1e2f3a4b5c6d';
const COACHES = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DEVICES = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';

/** Cedar Ridge (40 schools in two waves) with a grant and two allocation lines, as a plan file. */
function planWithAllocations(): string {
  const file = JSON.parse(readFileSync(join(FIXTURES_DIR, 'resources-plan.roadmap.json'), 'utf8')) as Record<string, unknown> & { plan: { id: string } };
  const planId = file.plan.id;
  const line = { planId, sourceId: GRANT, recurrence: 'one-time', untilPhaseId: null, perSchool: false, staffCost: null, flexible: false, areaId: null, note: '' };
  file.fundingSources = [{ id: GRANT, planId, order: 0, name: 'Innovation grant', amountCents: 500_000_00, type: 'state-grant', start: '2027-08-01', end: '2030-06-30', obligateBy: null, notes: '' }];
  file.allocations = [
    { ...line, id: COACHES, phaseId: PILOT, recipient: { kind: 'central' }, kind: 'money', amount: 120_000_00 },
    { ...line, id: DEVICES, phaseId: PILOT, recipient: { kind: 'wave', waveId: WAVE_1 }, kind: 'devices', amount: 300, sourceId: null },
  ];
  const path = join(tmpdir(), `xlsx-import-${process.pid}.roadmap.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

const HEADER = ['Phase', 'Through phase', 'Recipient', 'For each school in the wave', 'Kind', 'Amount (USD)', 'Quantity', 'Cost per FTE (USD)', 'Yearly cost increase (%)', 'Recurrence', 'Funding source', 'Flexible', 'Area', 'Note', 'Line ID'];
const money = (dollars: number) => ({ value: dollars, format: '"$"#,##0.00' });

function grid(page: Page) {
  return page.getByRole('grid', { name: 'Allocations by phase' });
}

test('allocations edited in a spreadsheet import back: checked, previewed, written in one step and undone in one', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.importFile(planWithAllocations());
  await expect(page.getByRole('heading', { level: 1, name: 'Cedar Ridge blended learning' })).toBeVisible();
  await plan.openSection('Resources');
  await expect(grid(page).getByRole('gridcell', { name: /^Central office, Pilot: \$120,000/ })).toBeVisible();

  // First a sheet with mistakes: each is named by sheet, row and column, and nothing can be imported.
  const wrong = await workbook('Cedar Ridge – Spreadsheet.xlsx', [{ sheet: 'Allocations', data: [
    HEADER,
    ['Pilot', null, 'Central office', null, 'Money', money(150_000), null, null, null, 'One-time', 'Innovation grant', 'No', null, null, COACHES],
    ['Pilot', null, 'Wave 9', 'Yes', 'Devices', null, 300, null, null, 'One-time', 'District budget', 'No', null, null, DEVICES],
    ['Pilots', null, 'Alder Creek Elementary', null, 'Money', money(25_000), null, null, null, 'One-time', 'District budget', 'No', null, null, null],
  ] }] as Sheets);
  let dialog = await plan.openAllocationImport(wrong);
  await expect(dialog.getByRole('status')).toHaveText('2 rows with problems: fix them in the spreadsheet and choose the file again. Nothing is imported until every row can be read.');
  const problems = dialog.getByRole('list', { name: 'Rows with problems' });
  await expect(problems).toContainText('Allocations sheet, row 3, Recipient: “Wave 9” is not the central office, a wave or a school of this plan.');
  await expect(problems).toContainText('Allocations sheet, row 4, Phase: “Pilots” is not a phase in this plan (its phases: Pilot, Expand, Scale, Sustain).');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The sheet fixed: one line changed, one added, one unchanged, none left out.
  const fixed = await workbook('Cedar Ridge – Spreadsheet.xlsx', [
    { sheet: 'Phases', data: [['Phase'], ['Pilot']] },
    { sheet: 'Allocations', data: [
      HEADER,
      ['Pilot', null, 'Central office', null, 'Money', money(150_000), null, null, null, 'One-time', 'Innovation grant', 'No', null, 'Two coaches', COACHES],
      ['Pilot', null, 'Wave 1', 'No', 'Devices', null, 300, null, null, 'One-time', 'District budget', 'No', null, null, DEVICES],
      ['Expand', null, 'Alder Creek Elementary', null, 'Money', money(25_000), null, null, null, 'One-time', 'District budget', 'Yes', null, null, null],
    ] },
  ] as Sheets);
  dialog = await plan.openAllocationImport(fixed);
  await expect(dialog.getByText('Read the sheet “Allocations”.')).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('1 line changed, 1 added, 1 unchanged.');
  const preview = dialog.getByRole('table', { name: 'Changes to import' });
  await expect(preview.getByRole('row', { name: /Changed/ })).toContainText('Amount: $120,000 → $150,000; Note: none → “Two coaches”');
  await expect(preview.getByRole('row', { name: /Added/ })).toContainText('Alder Creek Elementary');
  await expectNoAxeViolations(page, 'allocations import preview');
  await dialog.getByRole('button', { name: 'Import 2 changes' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
  await expect(page.getByRole('complementary', { name: 'Messages' })).toContainText('Imported allocations: 1 line changed, 1 line added.');
  await expect(grid(page).getByRole('gridcell', { name: /^Central office, Pilot: \$150,000/ })).toBeVisible();
  await expect(grid(page).getByRole('gridcell', { name: /^Alder Creek Elementary, Expand: \$25,000/ })).toBeAttached();

  // One Undo takes back the whole import.
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await plan.expectSaved();
  await expect(grid(page).getByRole('gridcell', { name: /^Central office, Pilot: \$120,000/ })).toBeVisible();
  await expect(grid(page).getByRole('gridcell', { name: /^Alder Creek Elementary, Expand: \$25,000/ })).toHaveCount(0);
});
