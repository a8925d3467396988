import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { LibraryPage } from './library-page';
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

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'More plan actions' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: `Share “${PLAN}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a planner shares the plan as a plan file and as a calendar with every phase, gate and milestone', async ({ page }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');

  let dialog = await openShare(page);
  await expect(dialog.getByRole('region', { name: 'Plan file (.roadmap.json)' })).toContainText('For colleagues with Roadmap Planner; opens as the same plan.');
  await expect(dialog.getByRole('region', { name: 'Calendar (.ics)' })).toContainText('For everyone’s calendar: phases, go / no-go gates and milestones.');
  for (const part of ['Phases', 'Milestones', 'Go / no-go gates']) await expect(dialog.getByRole('checkbox', { name: part })).toBeChecked();
  await expectNoAxeViolations(page, 'share dialog');
  await page.screenshot({ path: `${SHOTS}/share-dialog.png` });

  // The plan file, as the app exports it, tells the test what the plan holds.
  const planDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save plan file…' }).click();
  const planFile = await planDownload;
  expect(planFile.suggestedFilename()).toBe(`${SAFE}.roadmap.json`);
  await expect(dialog).toBeHidden();
  const plan = JSON.parse(readFileSync(await planFile.path(), 'utf8')) as PlanFile;
  expect(plan.phases.length).toBeGreaterThan(0);
  expect(plan.milestones.length).toBeGreaterThan(0);

  dialog = await openShare(page);
  const calendarDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save calendar…' }).click();
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

  // Leave milestones out, with Tab and Space only.
  const milestones = dialog.getByRole('checkbox', { name: 'Milestones' });
  await tabTo(page, milestones);
  await page.keyboard.press('Space');
  await expect(milestones).not.toBeChecked();
  await page.screenshot({ path: `${SHOTS}/share-dialog-keyboard.png` });
  const save = dialog.getByRole('button', { name: 'Save calendar…' });
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
