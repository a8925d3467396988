import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { chooseShareFormat, SHARE_FORMAT_NAMES, shareFormatRegion, shareFormatTab, openShareDialog } from './share-dialog';
import { expectNoAxeViolations, tabTo } from '../support';

const SHOTS = '/tmp/share-shots';
const PLAN = 'Riverside: north/south';
const SAFE = 'Riverside north south';

interface PlanFile {
  plan: { id: string };
  phases: { id: string; name: string; start: string; end: string; gate: string }[];
  milestones: { id: string; name: string; date: string; kind: string }[];
}

function calendarEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), end: event.endDate.toString(), allDay: event.startDate.isDate };
  });
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const openShare = (page: Page) => openShareDialog(page, PLAN);

test('a planner shares the plan as a plan file and as a calendar with every phase, gate and milestone', async ({ page }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  let dialog = await openShare(page);
  // One tab per format, the board packet's chosen on open, and only the chosen format's panel shown.
  await expect(dialog.getByRole('tablist', { name: 'Formats' }).getByRole('tab')).toHaveCount(SHARE_FORMAT_NAMES.length);
  for (const name of SHARE_FORMAT_NAMES) await expect(shareFormatTab(dialog, name)).toBeVisible();
  await expect(shareFormatTab(dialog, 'Board packet (PDF)')).toHaveAttribute('aria-selected', 'true');
  await expect(shareFormatRegion(dialog, 'Board packet (PDF)')).toContainText('For the school board and funders: the whole plan on paper, ready to approve.');
  await expect(dialog.getByRole('region')).toHaveCount(1);
  await expect(dialog.getByRole('region', { name: 'Calendar (.ics)' })).toHaveCount(0);

  await expect(await chooseShareFormat(dialog, 'Plan file (.roadmap.json)')).toContainText('For colleagues with Roadmap Planner; opens as the same plan.');
  const calendarRegion = await chooseShareFormat(dialog, 'Calendar (.ics)');
  await expect(calendarRegion).toContainText('For everyone’s calendar: phases, go / no-go gates and milestones.');
  await expect(dialog.getByRole('region', { name: 'Plan file (.roadmap.json)' })).toHaveCount(0);
  for (const part of ['Phases', 'Milestones', 'Go / no-go gates']) await expect(calendarRegion.getByRole('checkbox', { name: part })).toBeChecked();
  await expectNoAxeViolations(page, 'share dialog');
  await page.screenshot({ path: `${SHOTS}/share-dialog.png` });

  // The plan file, as the app exports it, tells the test what the plan holds.
  const planRegion = await chooseShareFormat(dialog, 'Plan file (.roadmap.json)');
  const planDownload = page.waitForEvent('download');
  await planRegion.getByRole('button', { name: 'Save plan file…' }).click();
  const planFile = await planDownload;
  expect(planFile.suggestedFilename()).toBe(`${SAFE}.roadmap.json`);
  await expect(dialog).toBeHidden();
  const plan = JSON.parse(readFileSync(await planFile.path(), 'utf8')) as PlanFile;
  expect(plan.phases.length).toBeGreaterThan(0);
  expect(plan.milestones.length).toBeGreaterThan(0);

  dialog = await openShare(page);
  const calendarDownload = page.waitForEvent('download');
  await (await chooseShareFormat(dialog, 'Calendar (.ics)')).getByRole('button', { name: 'Save calendar…' }).click();
  const calendar = await calendarDownload;
  expect(calendar.suggestedFilename()).toBe(`${SAFE} – Calendar.ics`);
  await expect(page.getByText(`Saved the calendar to your Downloads folder as ${SAFE} – Calendar.ics.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const text = readFileSync(await calendar.path(), 'utf8');
  await calendar.saveAs(testInfo.outputPath('calendar.ics'));
  const events = calendarEvents(text);
  const byUid = new Map(events.map((e) => [e.uid, e]));
  for (const phase of plan.phases) {
    expect(byUid.get(`phase-${phase.id}@${plan.plan.id}.roadmap-planner`)).toEqual({ uid: expect.any(String), summary: `Phase: ${phase.name}`, start: phase.start, end: dayAfter(phase.end), allDay: true });
    if (phase.gate.trim()) {
      expect(byUid.get(`gate-${phase.id}@${plan.plan.id}.roadmap-planner`)).toMatchObject({ summary: `Go / no-go: ${phase.name}`, start: phase.end, allDay: true });
    }
  }
  for (const m of plan.milestones) {
    const event = byUid.get(`milestone-${m.id}@${plan.plan.id}.roadmap-planner`);
    expect(event?.summary).toMatch(new RegExp(`: ${m.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(event?.start).toBe(m.date);
  }
  expect(events).toHaveLength(plan.phases.length + plan.phases.filter((p) => p.gate.trim()).length + plan.milestones.length);
});

test('the share dialog works with the keyboard alone', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  const more = page.getByRole('button', { name: 'More plan actions' });
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  const share = page.getByRole('menuitem', { name: 'Share…' });
  for (let i = 0; i < 5 && !(await share.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(share).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Share “${PLAN}”` });
  await expect(dialog).toBeVisible();

  // Tab reaches the chosen format's tab; the arrow keys move along the formats to the calendar,
  // and Tab goes on into its panel.
  const packetTab = shareFormatTab(dialog, 'Board packet (PDF)');
  const calendarTab = shareFormatTab(dialog, 'Calendar (.ics)');
  await tabTo(page, packetTab);
  for (let i = 0; i < SHARE_FORMAT_NAMES.length && !(await calendarTab.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(calendarTab).toBeFocused();
  await expect(calendarTab).toHaveAttribute('aria-selected', 'true');
  const calendar = shareFormatRegion(dialog, 'Calendar (.ics)');
  await page.keyboard.press('Tab');
  await expect(calendar.getByRole('checkbox', { name: 'Phases' })).toBeFocused();

  // Leave milestones out, with Tab and Space only.
  const milestones = calendar.getByRole('checkbox', { name: 'Milestones' });
  await tabTo(page, milestones);
  await page.keyboard.press('Space');
  await expect(milestones).not.toBeChecked();
  await page.screenshot({ path: `${SHOTS}/share-dialog-keyboard.png` });

  // Going to another format and back keeps the choice.
  await tabTo(page, calendarTab, 10, 'Shift+Tab');
  await page.keyboard.press('ArrowDown');
  await expect(shareFormatTab(dialog, 'MS Project (.xml)')).toHaveAttribute('aria-selected', 'true');
  await expect(milestones).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await expect(calendarTab).toHaveAttribute('aria-selected', 'true');
  await expect(milestones).not.toBeChecked();

  const save = calendar.getByRole('button', { name: 'Save calendar…' });
  await tabTo(page, save);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const events = calendarEvents(readFileSync(await (await download).path(), 'utf8'));
  expect(events.length).toBeGreaterThan(0);
  expect(events.filter((e) => e.uid.startsWith('milestone-'))).toEqual([]);
  expect(events.some((e) => e.uid.startsWith('phase-'))).toBe(true);
  expect(events.some((e) => e.uid.startsWith('gate-'))).toBe(true);
  await expect(dialog).toBeHidden();

  // Escape closes it again and gives the focus back to the menu button.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(share).toBeVisible();
  for (let i = 0; i < 5 && !(await share.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(more).toBeFocused();
});

test('a planner shares only the schools as a CSV file, and a hostile school name comes out as text', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  const hostile = '=HYPERLINK("http://x","y")';
  await plan.openSection('Schools');
  await plan.addSchool({ name: hostile, students: '412', frlPercent: '71.5' });

  const dialog = await openShare(page);
  const csv = await chooseShareFormat(dialog, 'Spreadsheet tables (.csv)');
  await expect(csv).toContainText('For the finance office and anyone with a spreadsheet: one file per table.');
  const tables = ['Phases', 'Milestones', 'Tight & loose', 'Decisions', 'Schools', 'Waves', 'Funding sources', 'Allocations', 'Money by fiscal year'];
  expect(await csv.getByRole('group', { name: 'Tables' }).getByRole('checkbox').count()).toBe(tables.length);
  for (const table of tables) await expect(csv.getByRole('checkbox', { name: table, exact: true })).toBeChecked();
  for (const table of tables.filter((t) => t !== 'Schools')) await csv.getByRole('checkbox', { name: table, exact: true }).uncheck();
  await expectNoAxeViolations(page, 'share dialog, CSV tables');
  await page.screenshot({ path: `${SHOTS}/share-dialog-csv.png`, fullPage: true });

  // Nothing chosen: the dialog says so and will not save.
  await csv.getByRole('checkbox', { name: 'Schools', exact: true }).uncheck();
  await expect(csv.getByRole('status')).toHaveText('Choose at least one table.');
  await expect(csv.getByRole('button', { name: 'Save CSV files…' })).toBeDisabled();
  await csv.getByRole('checkbox', { name: 'Schools', exact: true }).check();

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  const download = page.waitForEvent('download');
  await csv.getByRole('button', { name: 'Save CSV files…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${SAFE} – Schools.csv`);
  await expect(page.getByText(`Saved the Schools table to your Downloads folder as ${SAFE} – Schools.csv.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(downloads).toHaveLength(1);

  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  // The plan's indicators follow, one column each, as in the workbook.
  expect(header?.slice(0, 6)).toEqual(['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)', 'Wave']);
  expect(rows.map((row) => row.slice(0, 6))).toContainEqual([`'${hostile}`, '', '', '412', '71.5', '']);
  for (const row of rows) expect(row[0]).not.toMatch(/^\s*[=+\-@]/);
});

test('a planner shares a plan from the library’s row menu without opening it, in a narrow window', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');
  await page.getByRole('link', { name: 'All plans' }).click();

  // Narrow, the formats are a row of tabs above the panel instead of a list beside it.
  await page.setViewportSize({ width: 600, height: 800 });
  await library.chooseAction(PLAN, 'Share…');
  const dialog = page.getByRole('dialog', { name: `Share “${PLAN}”` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('tablist', { name: 'Formats' })).not.toHaveAttribute('aria-orientation', 'vertical');
  const calendarRegion = await chooseShareFormat(dialog, 'Calendar (.ics)');
  await expectNoAxeViolations(page, 'share dialog from the library, narrow');
  const download = page.waitForEvent('download');
  await calendarRegion.getByRole('button', { name: 'Save calendar…' }).click();
  const calendar = await download;
  expect(calendar.suggestedFilename()).toBe(`${SAFE} – Calendar.ics`);
  expect(calendarEvents(readFileSync(await calendar.path(), 'utf8')).length).toBeGreaterThan(0);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your plans' })).toBeVisible();
});
