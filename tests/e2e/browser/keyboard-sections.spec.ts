import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR, tabTo } from '../support';

/**
 * Every section of a plan, start to finish, with the keyboard alone: reached from the section
 * navigation with Tab and Enter, its main task done with keys, and axe run on every state it
 * passes through. Clicks only set up data (a plan, a roster).
 */

const SHOTS = process.env.A11Y_SHOTS ?? '/tmp/a11y-shots';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

type SectionName = 'Overview' | 'Roadmap' | 'Tight & loose' | 'Decisions' | 'Schools' | 'Need & readiness' | 'Waves' | 'Resources' | 'Vision & outcomes' | 'Journal' | 'History';

async function newPlan(page: Page, name: string): Promise<PlanPage> {
  const library = new LibraryPage(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await library.goto();
  await library.createPlan(name, 'Riverside Unified');
  return new PlanPage(page);
}

/** Loads the plan afresh (focus at the top of the page), Tabs to the section's link in the navigation and follows it with Enter. */
async function reachSection(page: Page, name: SectionName): Promise<void> {
  await page.reload();
  const link = page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await tabTo(page, link, 60);
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: name === 'Decisions' ? 'The seven decisions' : name })).toBeVisible();
}

/** Sets up schools from the sample roster, by the import dialog (set-up, not the keyboard task). */
async function importRoster(page: Page, plan: PlanPage): Promise<void> {
  await plan.openSection('Schools');
  const dialog = await plan.openRosterImport(`${FIXTURES_DIR}riverside-unified-roster.csv`);
  await dialog.getByRole('button', { name: /^Import 40 schools/ }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
}

/** Axe on a screen with a select's list open, the list included (see REGION_MATCHER in ../support). */
async function expectNoAxeViolationsWithListOpen(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectNoAxeViolations(page, screen);
}

/** Presses a key until the element has the focus (arrow keys through a list or a menu). */
async function pressUntilFocused(page: Page, key: string, target: ReturnType<Page['getByRole']>, max = 20): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('Overview by keyboard: the system profile is filled in and a locale chosen from its list', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard overview');
  await plan.openSection('History');
  await reachSection(page, 'Overview');
  await expectNoAxeViolations(page, 'overview');

  await tabTo(page, plan.field('Number of schools'));
  await page.keyboard.type('40');
  await page.keyboard.press('Tab');
  await tabTo(page, page.getByRole('combobox', { name: 'Locale' }));
  await page.keyboard.press('ArrowDown');
  const suburban = page.getByRole('option', { name: 'Suburban', exact: true });
  await expectNoAxeViolationsWithListOpen(page, 'overview with the locale list open');
  await pressUntilFocused(page, 'ArrowDown', suburban);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveText('Suburban');
  await expect(page.getByRole('combobox', { name: 'Locale' })).toBeFocused();
  await expect(plan.field('Number of schools')).toHaveValue('40');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'overview after the profile is saved');
});

test('Roadmap by keyboard: a phase moves a month later from its bar, and the timeline’s table says so', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard roadmap');
  await reachSection(page, 'Roadmap');
  await expectNoAxeViolations(page, 'roadmap');

  const bar = page.getByRole('button', { name: /^Pilot, .* Pilot phase, Planned\.$/ });
  await tabTo(page, bar);
  const before = await bar.getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  const dialog = page.getByRole('dialog', { name: 'Move “Pilot”' });
  await expect(dialog.getByRole('button', { name: 'Move' })).toBeFocused();
  await expectNoAxeViolations(page, 'the move phase dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(bar).toBeFocused();
  await expect(bar).not.toHaveAttribute('aria-label', before ?? '');
  await plan.expectSaved();

  // The same dates in the timeline's table, shown by keyboard.
  const [, start, end] = /^Pilot, (.+) to (.+)\. Pilot phase/.exec((await bar.getAttribute('aria-label')) ?? '') ?? [];
  await tabTo(page, page.getByRole('button', { name: 'Show the timeline as a table' }));
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Phases and milestones in order' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /^1\. Pilot/ }).getByRole('cell').first()).toHaveText(`${start} – ${end}`);
  await expect(page.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page, 'roadmap after the move, with the table shown');
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'roadmap-timeline-table');
});

test('Tight & loose by keyboard: a cell is reached, set Tight with its key, and its rationale written and saved', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard tight and loose');
  await reachSection(page, 'Tight & loose');
  await expectNoAxeViolations(page, 'tight & loose');

  const grid = page.getByRole('grid', { name: 'Who holds each area, phase by phase' });
  await tabTo(page, grid.getByRole('gridcell', { name: /^Vision and outcomes, Pilot: / }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const cell = grid.getByRole('gridcell', { name: /^Curriculum and digital content, Pilot: / });
  await expect(cell).toBeFocused();
  await page.keyboard.press('t');
  await expect(cell).toHaveAccessibleName(/^Curriculum and digital content, Pilot: Tight/);
  await page.keyboard.press('Enter');
  const rationale = page.getByRole('textbox', { name: 'Rationale for Curriculum and digital content in Pilot' });
  await tabTo(page, rationale);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('One adopted core curriculum in the pilot, so results compare across schools.');
  await page.keyboard.press('Tab');
  await plan.expectSaved();
  await expect(rationale).toHaveValue('One adopted core curriculum in the pilot, so results compare across schools.');
  await expectNoAxeViolations(page, 'tight & loose after the rationale is saved');
});

test('Decisions by keyboard: a phase’s position moves with the arrow keys and its rationale is saved', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard decisions');
  await reachSection(page, 'Decisions');
  await expectNoAxeViolations(page, 'decisions');

  const positions = page.getByRole('radiogroup', { name: 'Expand position on decision 1' });
  await tabTo(page, positions.getByRole('radio', { name: 'Mid-way' }), 80);
  await page.keyboard.press('ArrowRight');
  await expect(positions.getByRole('radio', { name: 'Leans Decentralized implementation' })).toBeChecked();
  await expect(positions.getByRole('radio', { name: 'Leans Decentralized implementation' })).toBeFocused();
  const rationale = page.getByRole('textbox', { name: 'Expand rationale for decision 1' });
  await tabTo(page, rationale);
  await page.keyboard.type('Expansion schools choose their own rotation model once the pilot shows what works.');
  await page.keyboard.press('Tab');
  await plan.expectSaved();
  await expect(rationale).toHaveValue('Expansion schools choose their own rotation model once the pilot shows what works.');
  await expectNoAxeViolations(page, 'decisions after the position and rationale are saved');
});

test('Schools by keyboard: a school is added through its dialog', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard schools');
  await reachSection(page, 'Schools');
  await expectNoAxeViolations(page, 'schools, none yet');

  await tabTo(page, page.getByRole('button', { name: 'Add school' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a school' });
  await expect(dialog.getByLabel('School name')).toBeFocused();
  await page.keyboard.type('Lincoln Elementary');
  await tabTo(page, dialog.getByLabel('Students'));
  await page.keyboard.type('531');
  await tabTo(page, dialog.getByLabel('FRL share (%)'));
  await page.keyboard.type('75.4');
  await expectNoAxeViolations(page, 'the add school dialog');
  await tabTo(page, dialog.getByRole('button', { name: 'Add school' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Schools' }).getByRole('row', { name: /Lincoln Elementary/ })).toContainText('531');
  await expect(page.getByRole('status').filter({ hasText: /students$/ })).toHaveText('1 school · 531 students');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'schools after one is added');
});

test('Need & readiness by keyboard: the pilot leans all the way to need, and the chart reads as a table with its figures', async ({ page }) => {
  test.slow();
  const plan = await newPlan(page, 'Keyboard need and readiness');
  await importRoster(page, plan);
  // Set-up: weigh a readiness indicator, so every school has both scores.
  await plan.openSection('Need & readiness');
  await plan.fill('Weight of Staff Readiness Survey (1-5)', '30');
  await plan.expectSaved();
  await reachSection(page, 'Need & readiness');
  await expectNoAxeViolations(page, 'need & readiness');

  const slider = page.getByRole('slider', { name: 'Prioritize need or readiness in Pilot' });
  await tabTo(page, slider);
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('0');
  await expect(page.getByText('For Pilot (decision 3: strongly toward need), priority = 100% need + 0% readiness.')).toBeVisible();
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'need & readiness leaning to need');

  // The chart comes after every indicator: back past the top of the page is the shorter way there.
  await tabTo(page, page.getByRole('button', { name: 'Show need and readiness as a table' }), 40, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Need and readiness of each school, 0 to 100' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide the table' })).toBeFocused();
  await expect(table.getByRole('row')).toHaveCount(41);
  // Each school's figures are the ones its dot is drawn at, and the ranking's.
  const ranking = page.getByRole('table', { name: 'Schools ranked by priority' });
  for (const at of [1, 2]) {
    const ranked = ranking.getByRole('row').nth(at);
    const school = (await ranked.getByRole('rowheader').textContent()) ?? '';
    const need = (await ranked.getByRole('cell').nth(1).textContent()) ?? '';
    const readiness = (await ranked.getByRole('cell').nth(2).textContent()) ?? '';
    expect(need).toMatch(/^\d+$/);
    expect(readiness).toMatch(/^\d+$/);
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: school, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([need, readiness, /^(high|lower) need, (ready|not yet ready)$/, /^(Yes|No)$/]);
    await expect(page.locator('svg circle title').filter({ hasText: `${school}: need ${need}, readiness ${readiness}` })).toHaveCount(1);
  }
  await expectNoAxeViolations(page, 'need & readiness with the chart’s table shown');
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'need-readiness-table');
});

test('Waves by keyboard: a wave is added, named, and given a school from the list', async ({ page }) => {
  test.slow();
  const plan = await newPlan(page, 'Keyboard waves');
  await importRoster(page, plan);
  await reachSection(page, 'Waves');
  await expectNoAxeViolations(page, 'waves, none yet');

  await tabTo(page, page.getByRole('button', { name: 'Add a wave' }));
  await page.keyboard.press('Enter');
  const name = page.getByRole('textbox', { name: 'Wave 1 name' });
  await tabTo(page, name, 10, 'Shift+Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Pilot schools');
  await page.keyboard.press('Tab');
  await plan.expectSaved();
  const waveOf = page.getByRole('combobox', { name: 'Wave of Lincoln Elementary' });
  await tabTo(page, waveOf, 60);
  await page.keyboard.press('ArrowDown');
  await expectNoAxeViolationsWithListOpen(page, 'waves with a school’s wave list open');
  await pressUntilFocused(page, 'ArrowDown', page.getByRole('option', { name: 'Pilot schools' }));
  await page.keyboard.press('Enter');
  await expect(waveOf).toHaveText('Pilot schools');
  await expect(waveOf).toBeFocused();
  await expect(page.getByRole('listitem', { name: 'Pilot schools' })).toContainText('1 school · 531 students');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'waves after a school joins one');
});

test('Resources by keyboard: an amount is typed into the grid and shows in the money per fiscal year', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard resources');
  await reachSection(page, 'Resources');
  await expectNoAxeViolations(page, 'resources');

  const grid = page.getByRole('grid', { name: 'Allocations by phase' });
  const cell = grid.getByRole('gridcell', { name: /^Central office, Pilot: / });
  await tabTo(page, cell, 60);
  await page.keyboard.type('25000');
  await expectNoAxeViolations(page, 'resources while a cell is edited');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAccessibleName(/^Central office, Pilot: \$25,000/);
  await plan.expectSaved();
  await expect(grid.getByRole('gridcell', { name: /^Total for Pilot: \$25,000/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The same figures' }).getByRole('row', { name: /^FY2028/ })).toContainText('$25,000');
  await expectNoAxeViolations(page, 'resources after the amount is saved');
});

test('Vision & outcomes by keyboard: a result is recorded for a measure', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard outcomes');
  await reachSection(page, 'Vision & outcomes');
  await expectNoAxeViolations(page, 'vision & outcomes');

  const form = page.getByRole('form', { name: 'Add a result to Students meeting growth targets in reading' });
  await tabTo(page, form.getByRole('textbox', { name: 'Value of new result for Students meeting growth targets in reading' }), 60);
  await page.keyboard.type('43');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Spring screener, pilot schools');
  await tabTo(page, form.getByRole('button', { name: 'Add result to “Students meeting growth targets in reading”' }));
  await page.keyboard.press('Enter');
  const measure = page.getByRole('region', { name: 'Measure 1: Students meeting growth targets in reading' });
  await expect(measure).toContainText('Spring screener, pilot schools');
  await expect(measure).not.toContainText('None recorded yet');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'vision & outcomes after a result is added');
});

test('Journal by keyboard: an entry is written through its dialog', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard journal');
  await reachSection(page, 'Journal');
  await expectNoAxeViolations(page, 'journal, empty');

  await tabTo(page, page.getByRole('button', { name: 'New entry' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New journal entry' });
  await expect(dialog.getByRole('combobox', { name: 'Phase' })).toBeFocused();
  await tabTo(page, dialog.getByRole('radio', { name: 'Worked' }));
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('radio', { name: 'Worked' })).toBeChecked();
  await tabTo(page, dialog.getByRole('textbox', { name: 'What happened' }));
  await page.keyboard.type('Station rotation took hold in all four pilot schools within six weeks.');
  await expectNoAxeViolations(page, 'the new journal entry dialog');
  await tabTo(page, dialog.getByRole('button', { name: 'Add entry' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New entry' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('Station rotation took hold in all four pilot schools within six weeks.');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'journal with an entry');
});

test('History by keyboard: a revision is saved with its name and reason', async ({ page }) => {
  const plan = await newPlan(page, 'Keyboard history');
  await reachSection(page, 'History');
  await expectNoAxeViolations(page, 'history, empty');

  await tabTo(page, page.getByRole('button', { name: 'Save a revision…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Save a revision' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Draft for cabinet');
  await page.keyboard.press('Tab');
  await page.keyboard.type('First full draft before the cabinet meeting');
  await expectNoAxeViolations(page, 'the save a revision dialog');
  await tabTo(page, dialog.getByRole('button', { name: 'Save revision' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Revision “Draft for cabinet” added to History.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('First full draft before the cabinet meeting');
  await plan.expectSaved();
  await expectNoAxeViolations(page, 'history with a revision');
});
