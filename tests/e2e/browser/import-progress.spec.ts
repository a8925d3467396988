import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { expectNoAxeViolations } from '../support';
import { generateLargePlan } from '../../bench/generate';
import { serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { bytesToBase64, type FileRevision } from '../../../renderer/src/domain/plan-file-history';
import { gzipText } from '../../../renderer/src/domain/gzip-text';
import { newId } from '../../../renderer/src/domain/ids';

/**
 * A plan file with a long history (a district's years of revisions, each a whole plan) takes
 * seconds to check before anything is saved. The import says how far it is, revision by
 * revision, and can be cancelled, leaving the library as it was.
 */
const REVISIONS = 40;
const APP = { name: 'Roadmap Planner', version: '0.1.0' };
let filePath = '';
let planName = '';

test.beforeAll(async () => {
  const bundle = generateLargePlan();
  planName = bundle.plan.name;
  const text = serializePlanFile(bundle, APP, '2026-11-30T09:00:00.000Z');
  const data = bytesToBase64(await gzipText(text));
  const revisions: FileRevision[] = Array.from({ length: REVISIONS }, (_, i) => ({
    id: newId(),
    createdAt: new Date(Date.UTC(2026, 0, 1 + i * 7, 9)).toISOString(),
    name: `Weekly draft ${i + 1}`,
    reason: '',
    kind: 'named',
    formatVersion: (JSON.parse(text) as { formatVersion: number }).formatVersion,
    approval: null,
    data,
  }));
  filePath = test.info().outputPath('district-history.roadmap.json');
  writeFileSync(filePath, serializePlanFile(bundle, APP, '2026-11-30T09:00:00.000Z', { journal: [], revisions }));
});

test('a file with a long history shows how far its check is, can be cancelled, and imports whole when left to finish', async ({ page }) => {
  // The page is busy while it reads the file, so what the dialog said then is noted as it appears.
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __progressSeen: Set<string> }).__progressSeen = seen;
    new MutationObserver(() => {
      const text = document.getElementById('import-progress-text')?.textContent;
      if (text) seen.add(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const library = new LibraryPage(page);
  await library.goto();

  // A laptop slower than this machine: the check of 40 revisions takes long enough to watch.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await library.importFile(filePath);
  const dialog = page.getByRole('dialog', { name: 'Importing “district-history.roadmap.json”' });
  // The file (9 MB) is read first, holding the page, then each revision is checked, with the page
  // free between them.
  const checking = dialog.getByText(new RegExp(`^Checking the plan’s history: revision \\d+ of ${REVISIONS}\\. Nothing is saved until every part is checked\\.$`));
  await expect(checking).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => Number(await dialog.getByRole('progressbar', { name: /Checking the plan’s history/ }).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...(window as unknown as { __progressSeen: Set<string> }).__progressSeen][0])).toBe('Reading the plan in the file. Nothing is saved until every part is checked.');

  // Escape, as the Cancel button, stops the check between two revisions.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('Import cancelled. Your library is unchanged.')).toBeVisible();
  await expect(library.plansTable).toHaveCount(0);

  // Left to finish, the plan arrives with every revision.
  await library.importFile(filePath);
  await expect(checking).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('import-progress.png') });
  await expectNoAxeViolations(page, 'import progress');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByText(`Imported “${planName}” with its history: ${REVISIONS} revisions and 0 journal entries.`)).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toBeHidden();
});
