import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations } from '../support';

const SHOTS = process.env.TL_SHOTS ?? '/tmp/tl-shots';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

function cell(page: Page, area: string, phase: string) {
  return page.getByRole('grid').getByRole('gridcell', { name: new RegExp(`^${area}, ${phase}: `) });
}

const details = (page: Page) => page.getByRole('region', { name: /^Curriculum and digital content in|^Details/ });

test('a district leader’s first plan from the template: a stance changes, the template’s words are flagged, and Keep as is clears the flag', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan('Riverside first plan', 'Riverside Unified');
  await plan.openSection('Tight & loose');

  // The template's rationale is marked as the template's.
  const curriculumPilot = cell(page, 'Curriculum and digital content', 'Pilot');
  await curriculumPilot.click();
  await expect(page.getByRole('textbox', { name: 'Rationale for Curriculum and digital content in Pilot' })).toHaveValue(/Pilot schools choose their own digital content/);
  await expect(page.getByText('From the template', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rationales to review' })).toHaveCount(0);

  // Curriculum becomes tight in the pilot: its rationale and decision 1's are flagged.
  await curriculumPilot.focus();
  await page.keyboard.press('t');
  await expect(curriculumPilot).toHaveAccessibleName('Curriculum and digital content, Pilot: Tight, rationale to review');
  await expect(curriculumPilot).toContainText('Review rationale');
  const reviewNote = page.getByRole('region', { name: 'Rationales to review' });
  await expect(reviewNote).toContainText('1 rationale from the template to review');
  await expect(page.getByText('From the template — review:')).toBeVisible();
  await expect(page.getByText(/the stance changed after it was written \(it is now Tight\)/)).toBeVisible();
  // Pilot is now 4 of 6 tight: more than half, so "mostly tight".
  await expect(page.getByRole('gridcell', { name: /^Summary, Pilot: 4 of 6 held tight/ })).toContainText('Balance: mostly tight');
  await expect(page.getByRole('gridcell', { name: /^Summary, Expand: / })).toContainText('Balance: leans tight');
  await plan.expectSaved();
  await shot(page, 'tl-review-flag');
  await expectNoAxeViolations(page, 'tight & loose with a rationale to review');

  await plan.openSection('Decisions');
  const decisionReview = page.getByRole('region', { name: 'Rationales to review' });
  await expect(decisionReview).toContainText('1 rationale from the template to review');
  await expect(decisionReview.getByRole('button', { name: 'Decision 1, Pilot' })).toBeVisible();
  const decision1 = page.getByRole('region', { name: /^1\. What should the district hold tight/ });
  await expect(decision1.getByRole('textbox', { name: 'Pilot rationale for decision 1' })).toHaveValue(/loose on how schools teach/);
  await expect(decision1.getByText(/From the template — review:/)).toBeVisible();
  // The other decisions' template words are marked, not flagged.
  const decision2 = page.getByRole('region', { name: /^2\. How fast/ });
  await expect(decision2.getByText('From the template', { exact: true })).toBeVisible();
  // Plain words first, the study's labels beside them.
  await expect(decision2.getByText('Fast rollout (“Fast and furious”)').first()).toBeVisible();
  await expect(decision2.getByText('Gradual rollout (“Slow and steady”)').first()).toBeVisible();
  const decision6 = page.getByRole('region', { name: /^6\. One comprehensive model/ });
  await expect(decision6.getByText('One complete model (“Prix fixe”)').first()).toBeVisible();
  await expect(decision6.getByText('Modular tools (“À la carte”)').first()).toBeVisible();
  await decision6.scrollIntoViewIfNeeded();
  await shot(page, 'tl-decision-6');
  await expect(page.getByRole('radiogroup', { name: 'Pilot position on decision 2' }).getByRole('radio', { name: 'Leans Gradual rollout' })).toBeChecked();
  await decisionReview.getByRole('button', { name: 'Decision 1, Pilot' }).click();
  await expect(decision1.getByRole('textbox', { name: 'Pilot rationale for decision 1' })).toBeFocused();
  await shot(page, 'tl-decisions-review');
  await expectNoAxeViolations(page, 'decisions with a rationale to review');

  // Keep as is: the flag goes, the words stay the template's.
  await decision1.getByRole('button', { name: 'Keep the rationale for decision 1 in Pilot as is' }).click();
  await expect(decisionReview).toHaveCount(0);
  await expect(decision1.getByText('From the template', { exact: true })).toBeVisible();

  // Moving decision 3 toward need flags "Pilot where schools are ready"; editing the words makes them the planner's.
  const decision3 = page.getByRole('region', { name: /^3\. Where to pilot/ });
  await page.getByRole('radiogroup', { name: 'Pilot position on decision 3' }).getByRole('radio', { name: 'Strongly Prioritize need' }).check();
  await expect(decision3.getByText(/From the template — review:/)).toBeVisible();
  const why3 = decision3.getByRole('textbox', { name: 'Pilot rationale for decision 3' });
  await why3.fill('Pilot in the schools with the greatest need, with extra coaching.');
  await why3.blur();
  await plan.expectSaved();
  await expect(decision3.getByText(/From the template/)).toHaveCount(0);

  // Back on the matrix, the cell's flag is still there until kept.
  await plan.openSection('Tight & loose');
  await page.getByRole('region', { name: 'Rationales to review' }).getByRole('button', { name: 'Curriculum and digital content in Pilot' }).click();
  await page.getByRole('button', { name: 'Keep the rationale for Curriculum and digital content in Pilot as is' }).click();
  await expect(page.getByRole('region', { name: 'Rationales to review' })).toHaveCount(0);
  await expect(cell(page, 'Curriculum and digital content', 'Pilot')).toHaveAccessibleName('Curriculum and digital content, Pilot: Tight');
  await expect(details(page).getByText('From the template', { exact: true })).toBeVisible();
});

test('a planner sets an area tight in every phase at once and undoes it in one step, and adds an area that starts loose', async ({ page }) => {
  const library = new LibraryPage(page);
  const plan = new PlanPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await library.goto();
  await library.createPlan('Riverside phases plan', 'Riverside Unified');
  await plan.openSection('Tight & loose');

  const phases = ['Pilot', 'Expand', 'Scale', 'Sustain'];
  const pd = 'Professional development and coaching';
  const stances = () => Promise.all(phases.map((p) => cell(page, pd, p).getAttribute('aria-label')));
  const before = await stances();
  expect(before.map((l) => l?.replace(/^.*: /, ''))).toEqual(['Loose', 'Shared (changed from Loose)', 'Shared', 'Shared']);

  // Tight in Expand, then in every phase at once.
  await cell(page, pd, 'Expand').focus();
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${pd} in Expand` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tight from Expand on' })).toBeVisible();
  await shot(page, 'tl-every-phase-buttons');
  await expectNoAxeViolations(page, 'tight & loose details with the phase buttons');
  await page.getByRole('button', { name: 'Tight in every phase' }).click();
  for (const p of phases) await expect(cell(page, pd, p)).toHaveAccessibleName(new RegExp(`^${pd}, ${p}: Tight`));
  await expect(page.getByText('Tight in every phase already.')).toBeVisible();
  // The button stays, with the focus on it, and the message says what changed.
  await expect(page.getByRole('button', { name: 'Tight in every phase' })).toBeFocused();
  await expect(page.getByText(`Set ${pd} to Tight in every phase: 3 phases changed.`)).toBeVisible();
  await plan.expectSaved();

  // One Undo puts back the three phases the button changed (Expand was set on its own).
  await page.keyboard.press('Control+z');
  await expect(cell(page, pd, 'Pilot')).toHaveAccessibleName(`${pd}, Pilot: Loose`);
  await expect(cell(page, pd, 'Expand')).toHaveAccessibleName(new RegExp(`^${pd}, Expand: Tight`));
  await expect(cell(page, pd, 'Scale')).toHaveAccessibleName(new RegExp(`^${pd}, Scale: Shared`));
  await expect(cell(page, pd, 'Sustain')).toHaveAccessibleName(`${pd}, Sustain: Shared`);

  // From this phase on.
  await cell(page, pd, 'Expand').click();
  await page.getByRole('button', { name: 'Tight from Expand on' }).click();
  await expect(cell(page, pd, 'Sustain')).toHaveAccessibleName(new RegExp(`^${pd}, Sustain: Tight`));
  await expect(cell(page, pd, 'Pilot')).toHaveAccessibleName(`${pd}, Pilot: Loose`);

  // A new area starts loose in every phase.
  await page.getByRole('button', { name: 'Edit the 6 areas' }).click();
  await page.getByRole('textbox', { name: 'New area name' }).fill('Family engagement');
  await page.getByRole('combobox', { name: 'Start as' }).click();
  await expect(page.getByRole('option')).toHaveText(['Undecided', 'Tight in every phase', 'Shared in every phase', 'Loose in every phase']);
  await page.getByRole('option', { name: 'Loose in every phase' }).click();
  await page.getByRole('button', { name: 'Add area' }).click();
  for (const p of phases) await expect(cell(page, 'Family engagement', p)).toHaveAccessibleName(`Family engagement, ${p}: Loose`);
  await expect(page.getByRole('combobox', { name: 'Start as' })).toHaveText('Undecided');
  await plan.expectSaved();
  await shot(page, 'tl-new-area-loose', true);
  await expectNoAxeViolations(page, 'tight & loose with the area editor open');
  // The new area and its stances go in one Undo.
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'Family engagement', 'Pilot')).toHaveCount(0);
});

test('the blank plan choice says what the six areas are', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await page.getByRole('button', { name: /^(New plan|Start a plan)$/ }).first().click();
  await expect(page.getByRole('radio', { name: /Blank plan/ })).toHaveAccessibleName(/six areas .*vision and outcomes, the model, curriculum and content, professional development, technology, and evaluation and data/);
});
