import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Axe's best-practice "region" rule wants all content inside landmarks, and counts a dialog as one
 * (its default `regionMatcher` is the first four selectors below). An open select's list or a
 * menu is the same kind of transient popup: MUI portals it to the page's end, as it does a
 * dialog, so that it can hide the page behind it from screen readers while it is open (its
 * modal manager sets aria-hidden on the page's other children); moved inside a landmark it could
 * not. It holds the focus, and its combobox or button names it (aria-controls, aria-labelledby),
 * so it is counted here as a region as a dialog is. Every other rule runs on it as it does on the
 * page.
 */
const REGION_MATCHER = 'dialog, [role=dialog], [role=alertdialog], svg, [role=listbox], [role=menu]';
// axe.run takes options per check (`checks`), which the RunOptions type leaves out.
const AXE_OPTIONS: Parameters<AxeBuilder['options']>[0] & { checks: Record<string, { options: unknown }> } = {
  checks: { region: { options: { regionMatcher: REGION_MATCHER } } },
};

/** Fails with the list of violations when axe finds any accessibility problem on the page. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // The pointer rests where the last click left it; a tooltip it raised there (portalled to the
  // page's end, outside its landmarks) is hover state, not the screen under test.
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options(AXE_OPTIONS)
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: options.fullPage ?? false });
}

/** Presses Tab (or Shift+Tab, going back) until the element has the focus, as a keyboard user would reach it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reachable with Tab within ${maxPresses} presses`).toBeFocused();
}
