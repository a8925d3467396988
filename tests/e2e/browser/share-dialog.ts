import { expect, type Locator, type Page } from '@playwright/test';

/** The share dialog's formats, as their tabs name them, in order. */
export const SHARE_FORMAT_NAMES = [
  'Board packet (PDF)',
  'School briefs (PDF)',
  'Spreadsheet (.xlsx)',
  'Spreadsheet tables (.csv)',
  'Calendar (.ics)',
  'MS Project (.xml)',
  'Plan file (.roadmap.json)',
] as const;

export type ShareFormatName = (typeof SHARE_FORMAT_NAMES)[number];

/** The share dialog's tab for a format. */
export function shareFormatTab(dialog: Locator, format: ShareFormatName): Locator {
  return dialog.getByRole('tablist', { name: 'Formats' }).getByRole('tab', { name: format, exact: true });
}

/** The share dialog's panel for a format: the region named by its heading, inside the tab panel named by its tab. */
export function shareFormatRegion(dialog: Locator, format: ShareFormatName): Locator {
  return dialog.getByRole('tabpanel', { name: format, exact: true }).getByRole('region', { name: format, exact: true });
}

/** In the share dialog: clicks a format's tab, as a planner chooses it, and returns that format's region. */
export async function chooseShareFormat(dialog: Locator, format: ShareFormatName): Promise<Locator> {
  const tab = shareFormatTab(dialog, format);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const region = shareFormatRegion(dialog, format);
  await expect(region).toBeVisible();
  return region;
}

/** In a plan: opens Share… from the plan's More plan actions menu; returns the dialog. */
export async function openShareDialog(page: Page, planName: string): Promise<Locator> {
  await page.getByRole('button', { name: 'More plan actions' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: `Share “${planName}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}
