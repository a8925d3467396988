import { expect, type Locator, type Page } from '@playwright/test';

/** The plan library as a planner sees it. */
export class LibraryPage {
  readonly heading: Locator;
  readonly plansTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your plans' });
    this.plansTable = page.getByRole('table', { name: 'Plans' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await expect(this.heading).toBeVisible();
  }

  row(planName: string): Locator {
    return this.plansTable.getByRole('row').filter({ has: this.page.getByRole('link', { name: planName, exact: true }) });
  }

  async createPlan(name: string, systemName: string, start: RegExp = /Template: Pilot to scale/): Promise<void> {
    await this.page.getByRole('button', { name: /^(New plan|Start a plan)$/ }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByLabel('Plan name').fill(name);
    await dialog.getByLabel('School system').fill(systemName);
    await dialog.getByRole('radio', { name: start }).check();
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async openActions(planName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${planName}` }).click();
  }

  async chooseAction(planName: string, action: string | RegExp): Promise<void> {
    await this.openActions(planName);
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  /** Runs Import and hands the file picker the given file. */
  async importFile(filePath: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^Import (plan…|a plan file)$/ }).first().click();
    await (await chooser).setFiles(filePath);
  }
}
