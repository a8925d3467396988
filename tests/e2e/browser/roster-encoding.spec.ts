import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR } from '../support';

// A roster saved by Excel on Windows as "CSV (Comma delimited)": Windows-1252 bytes, not UTF-8.
const ROSTER = `${FIXTURES_DIR}roster-windows-1252.csv`;
const SHOTS = '/tmp/encoding-shots/';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
}

/** Creates a plan and opens the roster import with the Windows-1252 file. */
async function startImport(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Mountain View rollout', 'Mountain View Unified');
  const plan = new PlanPage(page);
  await plan.openSection('Schools');
  const dialog = await plan.openRosterImport(ROSTER);
  await expect(dialog.getByRole('status')).toHaveText('7 schools ready to import.');
  return { plan, dialog };
}

test('the fixture really is Windows-1252, not UTF-8', () => {
  const bytes = readFileSync(ROSTER);
  expect(bytes.includes(Buffer.from([0x50, 0x65, 0xf1, 0x61]))).toBe(true); // "Peña" with ñ as 0xF1
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
});

test('a roster saved by Excel on Windows imports with its accents, and the preview says how it was read', async ({ page }) => {
  const { plan, dialog } = await startImport(page);
  await expect(dialog.getByText('Read as Windows-1252 (Excel on Windows), because the file is not UTF-8.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Text encoding' })).toHaveText('Automatic');
  const preview = dialog.getByRole('table', { name: /as they will be imported/ });
  await expect(preview.getByRole('row', { name: /Peña Elementary/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /“La Escuelita” Early Learning/ })).toBeVisible();
  await expect(dialog.getByText(/could not be read/)).toHaveCount(0);
  await shot(page, 'windows-1252-preview');
  await expectNoAxeViolations(page, 'roster import, Windows-1252');

  await dialog.getByRole('button', { name: 'Import 7 schools' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
  const schools = page.getByRole('table', { name: 'Schools' });
  for (const name of ['Peña Elementary', 'Muñoz Middle School', 'Café Street Elementary', '“La Escuelita” Early Learning', 'Ibáñez High School']) {
    await expect(schools.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(schools.getByText(/\uFFFD/)).toHaveCount(0);
  await shot(page, 'windows-1252-schools');
});

test('reading the same file as UTF-8 by hand flags every name with a character that could not be read', async ({ page }) => {
  const { plan, dialog } = await startImport(page);
  await plan.chooseOption('Text encoding', 'UTF-8');
  await expect(dialog.getByText('Read as UTF-8, as chosen.')).toBeVisible();
  await expect(dialog.getByRole('alert').filter({ hasText: '6 schools have a character that could not be read, flagged in the preview: choose another text encoding above, or they are imported as shown.' })).toBeVisible();
  const preview = dialog.getByRole('table', { name: /as they will be imported/ });
  const pena = preview.getByRole('row', { name: /Pe\uFFFDa Elementary/ });
  await expect(pena).toContainText('“Pe\uFFFDa Elementary” has a character that could not be read: check the file’s encoding.');
  // Rows past the first five are shown too when flagged; the one plain name is not flagged.
  await expect(preview.getByRole('row', { name: /Ib\uFFFD\uFFFDez High School/ })).toContainText('could not be read');
  await expect(preview.getByRole('row', { name: /Lincoln Elementary/ })).toHaveCount(0);
  await shot(page, 'utf-8-flagged');
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'utf-8-flagged-preview');
  await expectNoAxeViolations(page, 'roster import, flagged');

  // Back to Automatic: read as Windows-1252 again, and nothing is flagged.
  await plan.chooseOption('Text encoding', 'Automatic');
  await expect(dialog.getByText('Read as Windows-1252 (Excel on Windows), because the file is not UTF-8.')).toBeVisible();
  await expect(dialog.getByText(/could not be read/)).toHaveCount(0);
  await expect(preview.getByRole('row', { name: /Peña Elementary/ })).toBeVisible();
});
