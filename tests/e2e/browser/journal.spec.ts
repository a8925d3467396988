import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations } from '../support';

const SHOTS = process.env.JOURNAL_SHOTS ?? '/tmp/journal-shots';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const openSection = (page: Page, name: 'Journal' | 'History') => new PlanPage(page).openSection(name);

const list = (page: Page) => page.getByRole('list', { name: 'Journal entries, newest first' });
const entry = (page: Page, text: string) => list(page).getByRole('listitem').filter({ hasText: text });
const entryHeadings = (page: Page) => list(page).getByRole('heading', { level: 3 });
const count = (page: Page) => page.getByRole('status').filter({ hasText: / of \d+ (entry|entries)$/ });
const filters = (page: Page) => page.getByRole('group', { name: 'Filter entries' });

interface EntryInput {
  phase?: string;
  date: string;
  kind: 'Worked' | 'Did not work' | 'Changed course' | 'Evidence';
  text: string;
  author?: string;
  areas?: string[];
  decisions?: RegExp[];
  revision?: RegExp;
  internal?: boolean;
}

/** Picks options in a menu of the dialog (several for a multiple choice, which then closes with Escape). */
async function choose(page: Page, scope: Locator, label: string, options: (string | RegExp)[], multiple = false): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  if (multiple) await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  // The menu fades out after it closes; wait until it is gone so nothing lies over the dialog.
  await expect(page.locator('.MuiMenu-root')).toHaveCount(0);
}

async function fillEntry(page: Page, dialog: Locator, input: EntryInput): Promise<void> {
  if (input.phase) await choose(page, dialog, 'Phase', [input.phase]);
  await dialog.getByLabel('Date').fill(input.date);
  await dialog.getByRole('radio', { name: input.kind, exact: true }).check();
  await dialog.getByRole('textbox', { name: 'What happened' }).fill(input.text);
  if (input.author !== undefined) await dialog.getByRole('textbox', { name: 'Author' }).fill(input.author);
  if (input.areas) await choose(page, dialog, 'Areas', input.areas, true);
  if (input.decisions) await choose(page, dialog, 'Decisions', input.decisions, true);
  if (input.revision) await choose(page, dialog, 'Led to revision', [input.revision]);
  if (input.internal) await dialog.getByRole('checkbox', { name: 'Internal: leave out of shared reports' }).check();
}

async function addEntry(page: Page, input: EntryInput): Promise<void> {
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journal entry' });
  await fillEntry(page, dialog, input);
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(entry(page, input.text)).toBeVisible();
}

test('a planner keeps the inside story in the journal: adds each kind, filters, edits, deletes and undoes', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan('Riverside journal', 'Riverside Unified');

  // A revision the course change will point to.
  await openSection(page, 'History');
  await page.getByRole('button', { name: 'Save a revision…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save a revision' });
  await saveDialog.getByRole('textbox', { name: 'Name' }).fill('Pilot gate decision');
  await saveDialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(saveDialog).toHaveCount(0);

  // An empty journal says what it is for.
  await openSection(page, 'Journal');
  await expect(page.getByText(/^No entries yet\. Write down what schools and the central office learn/)).toBeVisible();
  await expectNoAxeViolations(page, 'the empty journal');

  // The first entry, by keyboard: the phase starts at the first one (none is under way yet), the
  // date at today; saving with no kind and no text says what is missing, next to each field.
  await page.getByRole('button', { name: 'New entry' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New journal entry' });
  await expect(dialog.getByRole('combobox', { name: 'Phase' })).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'Phase' })).toHaveText('1. Pilot');
  await expect(dialog.getByLabel('Date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(dialog.getByRole('radio')).toHaveCount(4);
  await expect(dialog.getByRole('radio', { name: 'Did not work' })).toHaveAccessibleDescription('Something that fell short: what happened and what it taught you.');
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await expect(dialog.getByText('Choose what the entry records.')).toBeVisible();
  await expect(dialog.getByText('The entry cannot be empty.')).toBeVisible();
  await dialog.getByLabel('Date').fill('');
  await expect(dialog.getByText(/^Date must be a real day/)).toBeVisible();
  await fillEntry(page, dialog, {
    date: '2026-09-15',
    kind: 'Worked',
    text: 'Station rotation took hold in all four pilot schools within six weeks.',
    author: 'Dana Ruiz',
    areas: ['Professional development and coaching'],
    decisions: [/^1\. What should the district hold tight/],
  });
  await expect(dialog.getByRole('combobox', { name: 'Areas' })).toHaveText('Professional development and coaching');
  await expect(dialog.getByRole('combobox', { name: 'Decisions' })).toHaveText('Decision 1');
  await shot(page, 'journal-dialog');
  await expectNoAxeViolations(page, 'the new journal entry dialog');
  await dialog.getByRole('button', { name: 'Add entry' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New entry' })).toBeFocused();

  // The author typed last comes back for the next entry.
  await page.getByRole('button', { name: 'New entry' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Author' })).toHaveValue('Dana Ruiz');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await addEntry(page, {
    date: '2026-10-20',
    kind: 'Did not work',
    text: 'The adaptive math tool did not fit the bell schedule; teachers dropped it by October.',
    areas: ['Curriculum and digital content'],
    decisions: [/^6\. /],
    internal: true,
  });
  await addEntry(page, {
    phase: '2. Expand',
    date: '2026-11-10',
    kind: 'Changed course',
    text: 'Expansion slowed to 8 schools so coaching can keep up.',
    decisions: [/^2\. /],
    revision: /^Pilot gate decision \(/,
  });
  await addEntry(page, { date: '2026-08-30', kind: 'Evidence', text: 'Fall survey: 72% of pilot teachers want more planning time.', author: '' });

  // Newest first, each with its kind in words, its date and its phase.
  await expect(count(page)).toHaveText('4 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([
    /^Changed course.*Nov 10, 2026.*Expand$/,
    /^Did not work.*Oct 20, 2026.*Pilot$/,
    /^Worked.*Sep 15, 2026.*Pilot$/,
    /^Evidence.*Aug 30, 2026.*Pilot$/,
  ]);
  const worked = entry(page, 'Station rotation');
  await expect(worked).toContainText('By Dana Ruiz');
  await expect(worked).toContainText('Professional development and coaching');
  await expect(worked).toContainText('Decision 1: Tight vs. loose');
  await expect(worked).not.toContainText('Internal');
  const failed = entry(page, 'adaptive math tool');
  await expect(failed).toContainText('Internal');
  await expect(failed).toContainText('Decision 6: Model vs. modular');
  await expect(entry(page, 'Expansion slowed')).toContainText(/Led to revision “Pilot gate decision” \(/);
  // "Did not work" is shown as "Worked" is: same type, same outline.
  const style = (l: Locator) => l.evaluate((el) => {
    const card = el.closest('li')?.firstElementChild as HTMLElement;
    const s = getComputedStyle(el);
    const c = getComputedStyle(card);
    return [s.fontSize, s.fontWeight, s.color, c.borderColor, c.backgroundColor].join('|');
  });
  expect(await style(failed.getByRole('heading'))).toBe(await style(worked.getByRole('heading')));
  await plan.expectSaved();
  await shot(page, 'journal-list', true);
  await expectNoAxeViolations(page, 'the journal with entries');

  // Filter by kind (several at once), by phase, by area and by decision.
  const kinds = filters(page).getByRole('group', { name: 'Kind' });
  await kinds.getByRole('button', { name: 'Did not work' }).click();
  await expect(kinds.getByRole('button', { name: 'Did not work' })).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText('1 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([/^Did not work/]);
  await kinds.getByRole('button', { name: 'Worked', exact: true }).click();
  await expect(count(page)).toHaveText('2 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([/^Did not work/, /^Worked/]);
  await shot(page, 'journal-kind-filter');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('4 of 4 entries');

  await choose(page, filters(page), 'Phase', ['2. Expand']);
  await expect(count(page)).toHaveText('1 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([/^Changed course/]);
  await choose(page, filters(page), 'Phase', ['Any phase']);
  await choose(page, filters(page), 'Area', ['Curriculum and digital content']);
  await expect(count(page)).toHaveText('1 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([/^Did not work/]);
  await choose(page, filters(page), 'Area', ['Any area']);
  await choose(page, filters(page), 'Decision', [/^1\. /]);
  await expect(filters(page).getByRole('combobox', { name: 'Decision' })).toHaveText('Decision 1: Tight vs. loose');
  await expect(count(page)).toHaveText('1 of 4 entries');
  await expect(entryHeadings(page)).toHaveText([/^Worked/]);

  // Filters that match nothing say so, and offer to clear them.
  await choose(page, filters(page), 'Phase', ['2. Expand']);
  await expect(count(page)).toHaveText('0 of 4 entries');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await shot(page, 'journal-no-match');
  await expectNoAxeViolations(page, 'the journal with no entry matching');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('4 of 4 entries');
  await expect(filters(page).getByRole('combobox', { name: 'Decision' })).toHaveText('Any decision');

  // Edit one: the dialog holds what was written.
  await worked.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit journal entry' });
  await expect(edit.getByRole('radio', { name: 'Worked', exact: true })).toBeChecked();
  await expect(edit.getByRole('textbox', { name: 'What happened' })).toHaveValue('Station rotation took hold in all four pilot schools within six weeks.');
  await expect(edit.getByRole('combobox', { name: 'Areas' })).toHaveText('Professional development and coaching');
  await expect(edit.getByRole('combobox', { name: 'Decisions' })).toHaveText('Decision 1');
  await edit.getByRole('textbox', { name: 'What happened' }).fill('Station rotation took hold in three of four pilot schools; the fourth needs a new schedule.');
  // Another decision, by keyboard: the menu opens on the one chosen, Enter ticks, Escape closes.
  await edit.getByRole('combobox', { name: 'Decisions' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /^1\. / })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(edit.getByRole('combobox', { name: 'Decisions' })).toHaveText('Decision 1, Decision 2');
  await expect(edit).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(entry(page, 'three of four pilot schools')).toContainText('By Dana Ruiz');
  await expect(entry(page, 'three of four pilot schools')).toContainText('Decision 2: Pace to scale');
  await expect(count(page)).toHaveText('4 of 4 entries');

  // Delete one: a message offers Undo, and Ctrl+Z undoes it too.
  await failed.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted the journal entry of Oct 20, 2026.')).toBeVisible();
  await expect(entry(page, 'adaptive math tool')).toHaveCount(0);
  await expect(count(page)).toHaveText('3 of 3 entries');
  await expect(page.getByRole('button', { name: 'New entry' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(entry(page, 'adaptive math tool')).toBeVisible();
  await expect(count(page)).toHaveText('4 of 4 entries');
  await expect(entry(page, 'adaptive math tool')).toContainText('Internal');

  await entry(page, 'Fall survey').getByRole('button', { name: 'Delete' }).click();
  await expect(count(page)).toHaveText('3 of 3 entries');
  await page.getByRole('complementary', { name: 'Messages' }).getByRole('button', { name: 'Undo' }).click();
  await expect(count(page)).toHaveText('4 of 4 entries');
  await plan.expectSaved();

  // The journal stays as it is after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  await expect(count(page)).toHaveText('4 of 4 entries');
});
