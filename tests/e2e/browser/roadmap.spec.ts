import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot, tabTo } from '../support';

const SECTIONS = ['Overview', 'Roadmap', 'Tight & loose', 'Decisions', 'Schools', 'Need & readiness', 'Waves', 'Resources', 'Vision & outcomes'] as const;

/** The value of a date field, moved by whole months (the timeline's keyboard steps). */
function plusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}

function cell(page: Page, area: string, phase: string) {
  return page.getByRole('grid').getByRole('gridcell', { name: new RegExp(`^${area}, ${phase}: `) });
}

test('a planner builds a roadmap from a blank plan: phases, stances, positions and an outcome, all there after a reload', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Maple Valley roadmap', 'Maple Valley Unified', /Blank plan/);
  await plan.fill('Number of schools', '75');
  await plan.fill('FRL students (%)', '68');
  await plan.chooseOption('Locale', 'Urban');

  // Phases by keyboard: add, name, add again.
  await plan.openSection('Roadmap');
  await tabTo(page, page.getByRole('button', { name: 'Add the first phase' }));
  await page.keyboard.press('Enter');
  await expect(plan.field('Phase 1 name')).toBeFocused();
  await page.keyboard.type('Pilot');
  await page.keyboard.press('Tab');
  await tabTo(page, page.getByRole('button', { name: 'Add phase' }));
  await page.keyboard.press('Enter');
  await expect(plan.field('Phase 2 name')).toBeFocused();
  await page.keyboard.type('Scale');
  await page.keyboard.press('Tab');
  await plan.expectSaved();

  // On the timeline, the arrow keys move a phase by a month; undo puts it back.
  const start = await plan.field('Phase 2 start').inputValue();
  const bar = page.getByRole('button', { name: /^Scale, / });
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(plan.field('Phase 2 start')).toHaveValue(plusMonths(start, 1));
  await page.keyboard.press('Shift+ArrowRight');
  await expect(plan.field('Phase 2 start')).toHaveValue(plusMonths(start, 1));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(plan.field('Phase 2 start')).toHaveValue(start);
  // Moved a month later, the phase leaves a gap that the roadmap points out.
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/days with no phase between “Pilot” and “Scale”/)).toBeVisible();

  await plan.chooseOption('Phase 2 status', 'Planned');
  await plan.fill('Phase 1 go / no-go gate', 'Reading growth at or above 44% in pilot classrooms.');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add milestone' });
  await dialog.getByLabel('Milestone name').fill('Board approves expansion');
  await dialog.getByLabel('Owner').fill('Superintendent');
  await dialog.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByRole('checkbox', { name: 'Done: Board approves expansion' })).toBeVisible();
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'roadmap section');

  // Stances in the matrix: the keyboard sets them, a shift between phases is marked.
  await plan.openSection('Tight & loose');
  await cell(page, 'Curriculum and digital content', 'Pilot').click();
  await page.keyboard.press('l');
  await expect(cell(page, 'Curriculum and digital content', 'Pilot')).toHaveAccessibleName('Curriculum and digital content, Pilot: Loose');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('t');
  await expect(cell(page, 'Curriculum and digital content', 'Scale')).toHaveAccessibleName('Curriculum and digital content, Scale: Tight (changed from Loose)');
  await cell(page, 'Vision and outcomes', 'Pilot').click();
  await page.keyboard.press('t');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('t');
  await expect(page.getByRole('grid')).toContainText('1 of 6 held tight, 1 loose, 4 not set.');
  // Enter opens the details of the cell in focus.
  await page.keyboard.press('Enter');
  await page.getByLabel('Guardrails for Vision and outcomes in Scale').fill('Common outcome measures in every school');
  await page.getByLabel('Guardrails for Vision and outcomes in Scale').blur();
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'tight & loose section');

  // Positions on the decisions, beside the survey and the patterns for systems like this one.
  await plan.openSection('Decisions');
  const pilotOnOne = page.getByRole('radiogroup', { name: 'Pilot position on decision 1' });
  await pilotOnOne.getByRole('radio', { name: 'Leans Centralized implementation' }).check();
  await page.getByRole('radiogroup', { name: 'Scale position on decision 2' }).getByRole('radio', { name: 'Strongly Gradual rollout' }).check();
  await expect(page.getByText('Larger systems (60 to 100 schools) more often centralized; yours has 75 schools.')).toBeVisible();
  await expect(page.getByText(/35%/).first()).toBeVisible();
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'decisions section');

  // The vision and one outcome measure with a baseline and a target.
  await plan.openSection('Vision & outcomes');
  await plan.fill('Vision', 'Every student knows where they are going in their learning and how to get there.');
  await page.getByRole('button', { name: 'Add outcome measure' }).click();
  await expect(plan.field('Measure 1 name')).toBeFocused();
  await page.keyboard.type('Students meeting reading growth targets');
  await page.keyboard.press('Tab');
  await plan.fill('Students meeting reading growth targets unit', '%');
  await plan.fill('Students meeting reading growth targets baseline', '41');
  await plan.fill('Students meeting reading growth targets target for Pilot', '44');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'vision and outcomes section');

  await page.reload();
  await expect(plan.field('Vision')).toHaveValue('Every student knows where they are going in their learning and how to get there.');
  await expect(plan.field('Students meeting reading growth targets target for Pilot')).toHaveValue('44');
  await expect(plan.field('Students meeting reading growth targets baseline')).toHaveValue('41');
  await plan.openSection('Decisions');
  await expect(page.getByRole('radiogroup', { name: 'Pilot position on decision 1' }).getByRole('radio', { name: 'Leans Centralized implementation' })).toBeChecked();
  await plan.openSection('Tight & loose');
  await expect(cell(page, 'Curriculum and digital content', 'Scale')).toHaveAccessibleName('Curriculum and digital content, Scale: Tight (changed from Loose)');
  await expect(cell(page, 'Vision and outcomes', 'Scale')).toHaveAccessibleName('Vision and outcomes, Scale: Tight');
  await plan.openSection('Roadmap');
  await expect(plan.field('Phase 1 go / no-go gate')).toHaveValue('Reading growth at or above 44% in pilot classrooms.');
  await expect(plan.field('Phase 2 start')).toHaveValue(plusMonths(start, 1));
  await expect(page.getByRole('checkbox', { name: 'Done: Board approves expansion' })).toBeVisible();
  await plan.openSection('Overview');
  await expect(page.getByText('1 of 7 decisions with a position', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '2 of 7 decisions with a position' })).toBeVisible();
});

test('a planner edits the rows of the matrix: opens the area editor by keyboard, adds, renames, moves and deletes an area with Undo', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await library.goto();
  await library.createPlan('Riverside roadmap', 'Riverside Unified', /Template: Pilot to scale — balanced/);
  await plan.openSection('Tight & loose');
  const areaList = page.getByRole('list', { name: 'Areas' });
  const toggle = page.getByRole('button', { name: 'Edit the 6 areas' });
  // Closed until asked for: the matrix's rows are setup, not needed to set stances.
  await expect(areaList).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await tabTo(page, toggle, 400);
  await page.keyboard.press('Enter');
  await expect(areaList.getByRole('listitem')).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Close the area editor' })).toHaveAttribute('aria-expanded', 'true');

  await plan.fill('New area name', 'Family engagement');
  await page.getByRole('button', { name: 'Add area' }).click();
  await expect(areaList.getByRole('listitem')).toHaveCount(7);
  await expect(cell(page, 'Family engagement', 'Pilot')).toBeVisible();

  await page.getByRole('button', { name: 'Edit Family engagement' }).click();
  await expect(plan.field('Area 7 name')).toBeFocused();
  await plan.fill('Area 7 name', 'Family and community engagement');
  await plan.expectSaved();
  await expect(cell(page, 'Family and community engagement', 'Pilot')).toBeVisible();

  await page.getByRole('button', { name: 'Move Family and community engagement up' }).click();
  await expect(areaList.getByRole('listitem').nth(5)).toHaveAccessibleName('Area 6: Family and community engagement');
  await expect(page.getByRole('grid').getByRole('rowheader').nth(5)).toContainText('Family and community engagement');
  await expectNoAxeViolations(page, 'tight & loose with the area editor open');
  await saveScreenshot(page, 'tight-loose-area-editor');

  await page.getByRole('button', { name: 'Delete Family and community engagement' }).click();
  await expect(cell(page, 'Family and community engagement', 'Pilot')).toHaveCount(0);
  await expect(areaList.getByRole('listitem')).toHaveCount(6);
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, 'Family and community engagement', 'Pilot')).toBeVisible();
  await expect(areaList.getByRole('listitem').nth(5)).toHaveAccessibleName('Area 6: Family and community engagement');

  await page.getByRole('button', { name: 'Close the area editor' }).click();
  await expect(areaList).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit the 7 areas' })).toBeFocused();

  // In a plan without areas the editor is open by itself, and stays open once the first new one is added.
  await page.keyboard.press('Enter');
  for (let left = 7; left > 0; left -= 1) {
    await areaList.getByRole('button', { name: /^Delete / }).first().click();
    await expect(areaList.getByRole('listitem')).toHaveCount(left - 1);
  }
  await plan.expectSaved();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No areas yet' })).toBeVisible();
  await expect(plan.field('New area name')).toBeVisible();
  // The note's button leads to the name field of the editor.
  await page.getByRole('main').getByRole('button', { name: 'Add area' }).first().click();
  await expect(plan.field('New area name')).toBeFocused();
  await page.keyboard.type('Scheduling');
  await page.keyboard.press('Enter');
  await expect(areaList.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Close the area editor' })).toBeVisible();
  await expect(cell(page, 'Scheduling', 'Pilot')).toBeVisible();
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`every section of a template plan at ${viewport.width}×${viewport.height}: no axe violations, screenshots`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const library = new LibraryPage(page);
    const plan = new PlanPage(page);
    await library.goto();
    await library.createPlan('Lakeshore roadmap', 'Lakeshore Public Schools', /Template: Pilot to scale — balanced/);
    await plan.fill('Number of schools', '75');
    await plan.fill('FRL students (%)', '68');
    await plan.chooseOption('Locale', 'Urban');
    await plan.expectSaved();
    for (const section of SECTIONS) {
      if (section !== 'Overview') await plan.openSection(section);
      if (section === 'Tight & loose') await cell(page, 'Professional development and coaching', 'Expand').click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoAxeViolations(page, `${section} at ${viewport.width}`);
      const slug = section.toLowerCase().replace(/[^a-z]+/g, '-');
      await saveScreenshot(page, `section-${slug}-${viewport.width}`);
      await saveScreenshot(page, `section-${slug}-${viewport.width}-full`, { fullPage: true });
    }
  });
}
