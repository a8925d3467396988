import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations } from '../support';

/** Screenshots of this spec, for a person to look at. */
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/roadmap-shots';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** A yyyy-MM-dd date moved by whole months, the last day of a month staying the last day. */
function plusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const isLast = d === lastDay(y, m - 1);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const day = isLast ? lastDay(target.getUTCFullYear(), target.getUTCMonth()) : Math.min(d, lastDay(target.getUTCFullYear(), target.getUTCMonth()));
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day)).toISOString().slice(0, 10);
}

/** "Aug 1, 2027" for 2027-08-01, as the app writes dates. */
function display(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`;
}

async function templatePlan(page: Page, name: string): Promise<PlanPage> {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan(name, 'Lakeshore Public Schools', /Template: Pilot to scale — balanced/);
  await plan.openSection('Roadmap');
  return plan;
}

async function phaseDates(plan: PlanPage): Promise<string[][]> {
  const dates: string[][] = [];
  for (let i = 1; i <= 4; i += 1) dates.push([await plan.field(`Phase ${i} start`).inputValue(), await plan.field(`Phase ${i} end`).inputValue()]);
  return dates;
}

test('moving the Pilot a month later on the timeline takes its milestones and the phases after it along, and one Undo puts all back', async ({ page }) => {
  const plan = await templatePlan(page, 'Lakeshore first plan');
  const before = await phaseDates(plan);
  const pilotStart = before[0]?.[0] ?? '';
  const sustainGate = plusMonths(before[2]?.[0] ?? '', 9);
  const timeline = page.getByRole('group', { name: /^Timeline, / });
  await expect(timeline.getByRole('button', { name: `Milestone: Pilot classrooms open, ${display(pilotStart)}` })).toBeVisible();
  await expect(timeline.getByRole('button', { name: `Go / no-go: Go / no-go decision for sustain, ${display(sustainGate)}` })).toBeVisible();

  // By keyboard: the arrow key asks what goes with the phase.
  const bar = timeline.getByRole('button', { name: /^Pilot, / });
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  const dialog = page.getByRole('dialog', { name: 'Move “Pilot”' });
  await expect(dialog).toContainText(`“Pilot” will run ${display(plusMonths(pilotStart, 1))} to ${display(plusMonths(before[0]?.[1] ?? '', 1))}`);
  const own = dialog.getByRole('checkbox', { name: /^Move its 5 milestones a month later too/ });
  const following = dialog.getByRole('checkbox', { name: /^Move the 3 phases after it a month later too, with their 3 milestones/ });
  await expect(own).toBeChecked();
  await expect(following).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Move' })).toBeFocused();
  await expectNoAxeViolations(page, 'move phase dialog');
  await shot(page, 'move-phase-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(bar).toBeFocused();

  const moved = before.map(([start, end]) => [plusMonths(start ?? '', 1), plusMonths(end ?? '', 1)]);
  await expect.poll(() => phaseDates(plan)).toEqual(moved);
  await expect(timeline.getByRole('button', { name: `Milestone: Pilot classrooms open, ${display(plusMonths(pilotStart, 1))}` })).toBeVisible();
  await expect(timeline.getByRole('button', { name: `Go / no-go: Go / no-go decision for sustain, ${display(plusMonths(sustainGate, 1))}` })).toBeVisible();
  await expect(page.getByText(/outside its phase/i)).toHaveCount(0);
  await expect(page.getByText(/with no phase between/)).toHaveCount(0);
  await plan.expectSaved();

  // One undo, every date back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => phaseDates(plan)).toEqual(before);
  await expect(timeline.getByRole('button', { name: `Milestone: Pilot classrooms open, ${display(pilotStart)}` })).toBeVisible();
  await expect(timeline.getByRole('button', { name: `Go / no-go: Go / no-go decision for sustain, ${display(sustainGate)}` })).toBeVisible();

  // Cancelling leaves everything where it was; unticking both moves the phase alone.
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => phaseDates(plan)).toEqual(before);
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await own.uncheck();
  await following.uncheck();
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(plan.field('Phase 1 start')).toHaveValue(plusMonths(pilotStart, 1));
  await expect(plan.field('Phase 2 start')).toHaveValue(before[1]?.[0] ?? '');
  await expect(page.getByText(/“Pilot” and “Expand” overlap by/)).toBeVisible();
  await expect(timeline.getByRole('button', { name: `Milestone: Pilot classrooms open, ${display(pilotStart)}` })).toBeVisible();
});

test('milestone kinds: chosen in the dialog, listed in the table, marked on the timeline and named there on hover, on focus and in print', async ({ page }) => {
  const plan = await templatePlan(page, 'Lakeshore kinds');
  const pilotStart = await plan.field('Phase 1 start').inputValue();
  const date = plusMonths(pilotStart, 2);

  await page.getByRole('button', { name: 'Add milestone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add milestone' });
  await dialog.getByLabel('Milestone name').fill('Consult the teachers’ union on schedules');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  // Each kind beside its mark (a letter but for a plain milestone), named by the kind alone.
  const options = page.getByRole('option');
  await expect(options).toHaveCount(5);
  for (const [i, kind] of ['Milestone', 'Board meeting', 'Union consultation', 'Family engagement', 'Go / no-go'].entries()) {
    await expect(options.nth(i)).toHaveAccessibleName(kind);
    await expect(options.nth(i)).toHaveText(`${['', 'B', 'U', 'F', 'G'][i]}${kind}`);
  }
  await page.getByRole('option', { name: 'Union consultation' }).click();
  await dialog.getByLabel('Date').fill(date);
  await expectNoAxeViolations(page, 'milestone dialog with a kind');
  await shot(page, 'milestone-dialog-kind');
  await dialog.getByRole('button', { name: 'Add milestone' }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole('row', { name: /Consult the teachers’ union on schedules/ });
  await expect(row.getByRole('cell').nth(2)).toHaveText('UUnion consultation');
  await expect(page.getByRole('row', { name: /Board update/ }).getByRole('cell').nth(2)).toHaveText('BBoard meeting');

  // On the timeline: its own mark (a letter, not a colour), and its name, kind and date on hover.
  const timeline = page.getByRole('group', { name: /^Timeline, / });
  const marker = timeline.getByRole('button', { name: `Union consultation: Consult the teachers’ union on schedules, ${display(date)}` });
  await expect(marker).toHaveText('U');
  await expect(timeline.getByRole('button', { name: /^Board meeting: Board update, / })).toHaveText('B');
  await expect(timeline.getByRole('button', { name: /^Go \/ no-go: Go \/ no-go decision for expansion, / })).toHaveText('G');
  const tip = timeline.locator('.tl-tip');
  await marker.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(`Consult the teachers’ union on schedules\nUnion consultation · ${display(date)}`, { useInnerText: true });
  await shot(page, 'milestone-tooltip-hover');
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();

  // By keyboard: Tab from the Pilot bar reaches its first milestone; the arrows go on to the next.
  await timeline.getByRole('button', { name: /^Pilot, / }).focus();
  await page.keyboard.press('Tab');
  const first = timeline.getByRole('button', { name: `Milestone: Pilot classrooms open, ${display(pilotStart)}` });
  await expect(first).toBeFocused();
  await expect(tip).toContainText(`Pilot classrooms open`);
  await expect(tip).toContainText(`Milestone · ${display(pilotStart)}`);
  await page.keyboard.press('ArrowRight');
  await expect(marker).toBeFocused();
  await expect(tip).toContainText(`Union consultation · ${display(date)}`);
  await shot(page, 'milestone-tooltip-focus');
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit milestone' });
  await expect(edit.getByRole('combobox', { name: 'Kind' })).toHaveText('UUnion consultation');
  await edit.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Family engagement' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  const family = timeline.getByRole('button', { name: `Family engagement: Consult the teachers’ union on schedules, ${display(date)}` });
  await expect(family).toHaveText('F');
  await expect(row.getByRole('cell').nth(2)).toHaveText('FFamily engagement');
  await plan.expectSaved();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(page, 'roadmap with milestone kinds');
  await shot(page, 'roadmap-kinds', true);

  // On paper, the markers are named beside the timeline.
  const printed = page.getByRole('region', { name: 'Milestones on the timeline' });
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed).toContainText(`${display(date)}: Consult the teachers’ union on schedules (Family engagement)`);
  await expect(printed).toContainText(`${display(pilotStart)}: Pilot classrooms open (Milestone)`);
  await shot(page, 'roadmap-print', true);
  await page.emulateMedia({ media: 'screen' });
});

test('the template plan reports no gap for the summer between school years, but still points out a real gap', async ({ page }) => {
  const plan = await templatePlan(page, 'Lakeshore summers');
  await expect(page.getByText('Each phase starts the day after the one before it ends: no gaps or overlaps.')).toBeVisible();
  const pilotEnd = await plan.field('Phase 1 end').inputValue();
  const year = pilotEnd.slice(0, 4);
  const expandStart = await plan.field('Phase 2 start').inputValue();
  expect(expandStart).toBe(`${year}-08-01`);

  // The Pilot ends with the school year on June 30; Expand still starts on August 1.
  await plan.fill('Phase 1 end', `${year}-06-30`);
  const dialog = page.getByRole('dialog', { name: 'Change the dates of “Pilot”' });
  const following = dialog.getByRole('checkbox', { name: /^Move the 3 phases after it a month earlier too/ });
  await expect(following).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /milestones a month/ })).toHaveCount(0);
  await following.uncheck();
  await dialog.getByRole('button', { name: 'Change dates' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(plan.field('Phase 1 end')).toHaveValue(`${year}-06-30`);
  await expect(plan.field('Phase 2 start')).toHaveValue(expandStart);
  await expect(page.getByText(/with no phase between/)).toHaveCount(0);
  await expect(page.getByText('No gaps or overlaps: each phase follows the one before it (the summer between school years is not a gap).')).toBeVisible();
  await plan.expectSaved();
  await shot(page, 'summer-no-gap');

  // Expand starting in September, after the school year's first month, leaves a real gap.
  await plan.fill('Phase 2 start', `${year}-09-01`);
  const change = page.getByRole('dialog', { name: 'Change the dates of “Expand”' });
  await expect(change.getByRole('checkbox', { name: /^Move its milestone a month later too/ })).not.toBeChecked();
  await change.getByRole('button', { name: 'Change dates' }).click();
  await expect(page.getByText('62 days with no phase between “Pilot” and “Expand”.')).toBeVisible();
  await plan.openSection('Overview');
  await expect(page.getByText('62 days with no phase between “Pilot” and “Expand”.')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/with no phase between/)).toHaveCount(0);
});
