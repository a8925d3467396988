import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { chooseShareFormat, openShareDialog } from './share-dialog';
import { expectNoAxeViolations } from '../support';

const SHOTS = process.env.REPORT_CHANGES_SHOTS ?? '/tmp/report-changes-shots';
const PLAN = 'Riverside changes';
const APPROVAL = { date: '2028-06-12', body: 'Board of Education', reference: 'Resolution 2028-14' };

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** The plan's id, from the address of its screen. */
function planIdOf(page: Page): string {
  const id = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`Not on a plan's screen: ${page.url()}`);
  return id;
}

/*
 * The helpers below write the app's IndexedDB database straight, as another window would: the
 * reports read what is stored, whoever wrote it. Marking a revision approved and writing journal
 * entries have screens of their own elsewhere; this spec is about what the reports make of them.
 * Each opens the database itself (the page's content security policy allows no code sent as
 * text), then reloads the page: the app's live queries only hear of writes made through the app.
 */

/** Marks the plan's revision of that name approved, as the History section's "Mark as approved…" does. */
async function approve(page: Page, planId: string, revisionName: string): Promise<void> {
  await page.evaluate(({ planId: plan, name, approval }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('roadmap-planner');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('revisions', 'readwrite');
      const store = tx.objectStore('revisions');
      const all = store.getAll();
      all.onsuccess = () => {
        const revision = (all.result as { planId: string; name: string }[]).find((r) => r.planId === plan && r.name === name);
        if (!revision) { reject(new Error(`no revision “${name}”`)); return; }
        store.put({ ...revision, approval });
      };
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { planId, name: revisionName, approval: APPROVAL });
  await page.reload();
}

/** Journal entries about the plan's phases (by position; -1: a phase since removed). The first names an area and decision 2. */
async function addJournal(page: Page, planId: string, entries: { phase: number; kind: string; text: string; internal: boolean; author: string; date: string }[]): Promise<void> {
  await page.evaluate(({ planId: plan, entries: wanted }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('roadmap-planner');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['phases', 'areas', 'journal'], 'readwrite');
      const phases = tx.objectStore('phases').getAll();
      const areas = tx.objectStore('areas').getAll();
      areas.onsuccess = () => {
        const own = (phases.result as { id: string; planId: string; order: number }[]).filter((p) => p.planId === plan).sort((a, b) => a.order - b.order);
        const area = (areas.result as { id: string; planId: string; order: number }[]).filter((a) => a.planId === plan).sort((a, b) => a.order - b.order)[0];
        wanted.forEach((e, i) => {
          const n = String(i + 1).padStart(12, '0');
          const now = new Date(Date.UTC(2028, 0, 1, 0, 0, i)).toISOString();
          tx.objectStore('journal').put({
            id: `dddddddd-dddd-4ddd-8ddd-${n}`, planId: plan, phaseId: e.phase < 0 ? `eeeeeeee-eeee-4eee-8eee-${n}` : own[e.phase]?.id,
            date: e.date, kind: e.kind, text: e.text, author: e.author, areaIds: area && i === 0 ? [area.id] : [], decisions: i === 0 ? [2] : [],
            revisionId: null, internal: e.internal, createdAt: now, updatedAt: now,
          });
        });
      };
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { planId, entries });
  await page.reload();
}

/** Removes a revision's saved state, as damage on disk would. */
async function loseRevisionData(page: Page, planId: string, revisionName: string): Promise<void> {
  await page.evaluate(({ planId: plan, name }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('roadmap-planner');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['revisions', 'revisionData'], 'readwrite');
      const all = tx.objectStore('revisions').getAll();
      all.onsuccess = () => {
        const revision = (all.result as { id: string; planId: string; name: string }[]).find((r) => r.planId === plan && r.name === name);
        if (revision) tx.objectStore('revisionData').delete(revision.id);
      };
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { planId, name: revisionName });
  await page.reload();
}

const openShare = (page: Page) => openShareDialog(page, PLAN);

test('what changed since approval: on its own page, in the board packet and on its cover, with the journal', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');
  const planId = planIdOf(page);

  // No approval yet: the page says so, and how to mark one.
  await page.goto(`/#/plans/${planId}/report/changes`);
  await expect(page.getByRole('heading', { level: 1, name: 'What changed since approval' })).toBeVisible();
  await expect(page.getByText('No revision of this plan is marked approved yet, so there is nothing to compare the plan with.')).toBeVisible();
  await expect(page.getByText('To mark one, open History, open a revision’s menu and choose Mark as approved….')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Report' }).getByRole('button', { name: 'Print or save as PDF…' })).toBeVisible();
  await shot(page, 'changes-none');
  // The packet leaves the appendix out and its cover says Draft.
  await page.goto(`/#/plans/${planId}/report/packet`);
  await expect(page.getByRole('heading', { level: 2, name: 'Milestones and gates' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What changed since approval' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toHaveCount(0);
  await expect(page.locator('.cover-facts')).toContainText('StatusDraft');

  // Save a revision in History and mark it approved.
  await page.goto(`/#/plans/${planId}/history`);
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await page.getByRole('button', { name: 'Save a revision…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save a revision' });
  await saveDialog.getByRole('textbox', { name: 'Name' }).fill('Adopted plan');
  await saveDialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByText('Revision “Adopted plan” added to History.')).toBeVisible();
  await approve(page, planId, 'Adopted plan');

  // Nothing changed yet: the cover says approved, the page says no changes.
  await page.goto(`/#/plans/${planId}/report/packet`);
  await expect(page.locator('.cover-facts')).toContainText('StatusApproved by Board of Education, Jun 12, 2028');
  await page.goto(`/#/plans/${planId}/report/changes`);
  await expect(page.getByText('Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14) · 0 changes since', { exact: true })).toBeVisible();
  await expect(page.getByText('No changes: the plan is as it was approved.', { exact: true })).toBeVisible();

  // Two changes: Curriculum goes tight in the pilot, and the pilot is renamed.
  await page.goto(`/#/plans/${planId}`);
  await plan.openSection('Tight & loose');
  await plan.setStanceByKey('Curriculum and digital content', 'Pilot', 't');
  await plan.openSection('Roadmap');
  await plan.fill('Phase 1 name', 'Try-out');
  await expect(plan.phase(1)).toHaveAccessibleName('Phase 1: Try-out');
  await plan.expectSaved();

  // The page: the approval and the count, the summary, each section's changes in words.
  await page.goto(`/#/plans/${planId}/report/changes`);
  await expect(page.getByRole('heading', { level: 1, name: 'What changed since approval' })).toBeVisible();
  await expect(page.getByText('Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14) · 2 changes since', { exact: true })).toBeVisible();
  await expect(page.getByText('2 changes: 1 in Roadmap, 1 in Tight & loose', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Roadmap/ }).getByRole('listitem')).toHaveText(['Pilot renamed to Try-out']);
  await expect(page.getByRole('region', { name: /^Tight & loose/ }).getByRole('listitem')).toHaveText(['Curriculum and digital content in Try-out: Loose → Tight']);
  await expectNoAxeViolations(page, 'the changes report');
  await shot(page, 'changes-report');

  // On paper: the same words, the plan's name and the page number in the margin.
  const pdf = testInfo.outputPath('changes.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const layout = run('pdftotext', ['-layout', pdf, '-']);
  const text = squeeze(run('pdftotext', [pdf, '-']));
  for (const words of ['What changed since approval', 'Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14) · 2 changes since', '2 changes: 1 in Roadmap, 1 in Tight & loose', 'Pilot renamed to Try-out', 'Curriculum and digital content in Try-out: Loose → Tight']) {
    expect(text).toContain(words);
  }
  expect(layout).toContain('Page 1 of 1');
  expect(layout).toContain(PLAN);
  mkdirSync(SHOTS, { recursive: true });
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${SHOTS}/changes-pdf`]);

  // The journal: one shared entry and one internal, one whose phase is gone, "did not work" among them.
  await addJournal(page, planId, [
    { phase: 0, kind: 'did-not-work', text: 'Station rotation stalled without a second adult in the room.', internal: false, author: 'M. Ortiz', date: '2027-11-03' },
    { phase: 0, kind: 'worked', text: 'Weekly data huddles kept the pilot teachers on track.', internal: false, author: '', date: '2027-12-01' },
    { phase: 0, kind: 'evidence', text: 'Principal at Lincoln wants out; keep this between us.', internal: true, author: 'J. Park', date: '2027-12-15' },
    { phase: -1, kind: 'changed-course', text: 'Dropped the summer bridge phase.', internal: false, author: '', date: '2027-09-01' },
  ]);

  // The share dialog: the journal is off and what changed since approval on; internal entries are left out.
  await page.goto(`/#/plans/${planId}`);
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  const dialog = await openShare(page);
  const packet = await chooseShareFormat(dialog, 'Board packet (PDF)');
  await expect(packet.getByRole('checkbox', { name: 'What changed since approval' })).toBeChecked();
  await expect(packet.getByRole('checkbox', { name: 'Journal', exact: true })).not.toBeChecked();
  const leaveOut = packet.getByRole('checkbox', { name: /^Leave out internal journal entries/ });
  await expect(leaveOut).toBeChecked();
  await expect(leaveOut).toBeDisabled();
  await expect(packet).toContainText('1 entry of 4 is marked internal.');
  await expect(packet.getByRole('button', { name: 'Preview what changed since approval…' })).toBeVisible();
  await packet.getByRole('checkbox', { name: 'Journal', exact: true }).check();
  await expect(leaveOut).toBeEnabled();
  await shot(page, 'share-packet', false);
  await expectNoAxeViolations(page, 'the share dialog with the journal');
  const planFile = await chooseShareFormat(dialog, 'Plan file (.roadmap.json)');
  const withHistory = planFile.getByRole('checkbox', { name: /^Include history: revisions and journal/ });
  await expect(withHistory).not.toBeChecked();
  await expect(planFile).toContainText('Adds 1 revision and 4 journal entries, so the file opens with the plan’s history.');
  await shot(page, 'share-plan-file', false);
  // Ticked, the plan file carries the revision and the whole journal, internal entries included.
  await withHistory.check();
  const download = page.waitForEvent('download');
  await planFile.getByRole('button', { name: 'Save plan file…' }).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { revisions?: unknown[]; journal?: unknown[] };
  expect(saved.revisions).toHaveLength(1);
  expect(saved.journal).toHaveLength(4);

  // The choices are the dialog's own: open again, the journal is off until chosen.
  const again = await openShare(page);
  const packetAgain = await chooseShareFormat(again, 'Board packet (PDF)');
  await expect(packetAgain.getByRole('checkbox', { name: 'Journal', exact: true })).not.toBeChecked();
  await packetAgain.getByRole('checkbox', { name: 'Journal', exact: true }).check();
  await packetAgain.getByRole('button', { name: 'Preview board packet…' }).click();
  await expect(page).toHaveURL(/\/report\/packet\?sections=[a-z,-]*journal,changes(&|$)/);

  // The packet: the cover says a draft based on the approval; the journal by phase; the appendix last.
  await expect(page.locator('.cover-facts')).toContainText('StatusDraft · based on the plan approved Jun 12, 2028 (2 changes since)');
  const journal = page.getByRole('region', { name: 'Journal', exact: true });
  await expect(journal.getByRole('heading', { level: 3 })).toHaveText(['Try-out', 'Other entries']);
  const tryOut = journal.getByRole('region', { name: 'Try-out' }).getByRole('listitem');
  await expect(tryOut).toHaveCount(2);
  await expect(tryOut.first()).toContainText('Did not work · Nov 3, 2027 · M. Ortiz');
  await expect(tryOut.first()).toContainText('Station rotation stalled without a second adult in the room.');
  await expect(tryOut.first()).toContainText('Decisions: 2. How fast from pilot to scale? How to sustain?');
  await expect(tryOut.first()).toContainText('Areas:');
  await expect(tryOut.nth(1)).toContainText('Worked · Dec 1, 2027');
  await expect(journal.getByRole('region', { name: 'Other entries' })).toContainText('Changed course · Sep 1, 2027Dropped the summer bridge phase.');
  await expect(journal).not.toContainText('Principal at Lincoln');
  // "Did not work" in the same type as "Worked".
  const weights = await journal.locator('.journal-kind').evaluateAll((els) => els.map((el) => `${getComputedStyle(el).fontWeight} ${getComputedStyle(el).fontSize} ${getComputedStyle(el).color}`));
  expect(new Set(weights).size).toBe(1);
  const appendix = page.getByRole('region', { name: 'What changed since approval' });
  await expect(appendix).toContainText('2 changes: 1 in Roadmap, 1 in Tight & loose');
  await expect(appendix.getByRole('listitem')).toHaveText(['Pilot renamed to Try-out', 'Curriculum and digital content in Try-out: Loose → Tight']);
  const sections = await page.locator('.packet > section.report-section > h2').allTextContents();
  expect(sections.slice(-2)).toEqual(['Journal', 'What changed since approval']);
  await expectNoAxeViolations(page, 'the board packet with the journal and the changes');
  await shot(page, 'packet-journal');

  const packetPdf = testInfo.outputPath('packet.pdf');
  await page.pdf({ path: packetPdf, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const packetText = squeeze(run('pdftotext', [packetPdf, '-']));
  expect(packetText).toContain('Draft · based on the plan approved Jun 12, 2028 (2 changes since)');
  expect(packetText).toContain('Station rotation stalled without a second adult in the room.');
  expect(packetText).toContain('Did not work');
  expect(packetText).not.toContain('Principal at Lincoln');
  expect(packetText).toContain('Curriculum and digital content in Try-out: Loose → Tight');
  run('pdftoppm', ['-png', '-r', '50', packetPdf, `${SHOTS}/packet-pdf`]);

  // Asked for, internal entries print too.
  await page.goto(`/#/plans/${planId}/report/packet?sections=journal&internal=include`);
  await expect(page.getByRole('region', { name: 'Journal', exact: true })).toContainText('Principal at Lincoln wants out; keep this between us.');

  // An approved revision whose saved state is lost: the page says which and why, and nothing breaks.
  await loseRevisionData(page, planId, 'Adopted plan');
  await page.goto(`/#/plans/${planId}/report/changes`);
  await expect(page.getByRole('heading', { level: 1, name: 'What changed since approval' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The approved revision could not be compared with the plan now.');
  await expect(page.getByRole('alert')).toContainText('“Adopted plan”');
  await expect(page.getByText('Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14)', { exact: true })).toBeVisible();
  await shot(page, 'changes-unreadable');
  await page.goto(`/#/plans/${planId}/report/packet?sections=cover,changes`);
  await expect(page.locator('.cover-facts')).toContainText('StatusDraft');
  await expect(page.getByRole('region', { name: 'What changed since approval' }).getByRole('alert')).toContainText('could not be read');
});
