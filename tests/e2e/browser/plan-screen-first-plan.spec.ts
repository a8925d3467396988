import { expect, test } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, saveScreenshot } from '../support';

// What a district leader met in a first real plan, on the plan screen as a whole: an Undo that
// acted out of sight, and a section that opened where the last one had been scrolled to.

test('an Undo that changes another section says what and where, and links there', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Riverside roadmap', 'Riverside Unified');
  const plan = new PlanPage(page);

  await plan.openSection('Vision & outcomes');
  const vision = plan.field('Vision');
  const before = await vision.inputValue();
  await vision.fill('Every student owns their learning, in every school.');
  await vision.blur();
  await plan.expectSaved();

  // On Resources, the first Undo reaches back to the vision: the message says so.
  await plan.openSection('Resources');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const message = page.getByRole('complementary', { name: 'Messages' });
  await expect(message).toContainText('Undone on Vision & outcomes: Edit the vision.');
  await saveScreenshot(page, 'undo-out-of-sight');
  await expectNoAxeViolations(page, 'undo message with a link');

  await message.getByRole('link', { name: 'Show Vision & outcomes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vision & outcomes' })).toBeVisible();
  await expect(plan.field('Vision')).toHaveValue(before);

  // Redone from here, where the vision is on show: no "where" needed.
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(message).toContainText('Redone: Edit the vision.');
  await expect(message).not.toContainText('Redone on');
  await expect(plan.field('Vision')).toHaveValue('Every student owns their learning, in every school.');
});

test('a section opens at its top, not where the last one was scrolled to', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Scrolling plan', 'Riverside Unified');
  const plan = new PlanPage(page);
  await plan.openSection('Roadmap');
  await expect(plan.phase(1)).toBeVisible();
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await plan.openSection('Tight & loose');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('the library says plainly what may happen to plans kept in the browser', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const footer = page.getByText(/Plans are kept on this computer/);
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(/disk space/);
  await expect(footer).not.toContainText('marked persistent');
});

test('moving the need-or-readiness slider flags decision 3’s template words for review, there and under Decisions', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Lean plan', 'Riverside Unified');
  const plan = new PlanPage(page);
  await plan.openSection('Need & readiness');
  const review = page.getByText(/The template’s rationale for decision 3 was written for the lean it had/);
  await expect(review).toHaveCount(0);
  // Toward need, by keyboard, as the leader did with the slider.
  const slider = page.getByRole('slider', { name: 'Prioritize need or readiness in Pilot' });
  await slider.focus();
  await page.keyboard.press('Home');
  await plan.expectSaved();
  await expect(review).toBeVisible();
  await expectNoAxeViolations(page, 'need and readiness with a rationale to review');
  await review.getByRole('link', { name: 'review it under Decisions' }).click();
  const decision3 = page.getByRole('region', { name: /^3\. Where to pilot/ });
  await expect(decision3.getByText(/From the template — review:/)).toBeVisible();
});
