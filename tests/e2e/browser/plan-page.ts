import { expect, type Locator, type Page } from '@playwright/test';

/** One plan's workspace. */
export class PlanPage {
  readonly saveState: Locator;

  constructor(readonly page: Page) {
    this.saveState = page.getByRole('status').filter({ hasText: /saved|Saving/i });
  }

  field(label: string | RegExp): Locator {
    return this.page.getByRole('main').getByLabel(label, { exact: typeof label === 'string' });
  }

  phase(index: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Phase ${index}:`) });
  }

  async fill(label: string, value: string): Promise<void> {
    const field = this.field(label);
    await field.fill(value);
    await field.blur();
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('All changes saved');
  }

  async chooseOption(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Opens a section of the plan from its navigation, as a planner clicks it. */
  async openSection(name: 'Overview' | 'Roadmap' | 'Tight & loose' | 'Decisions' | 'Schools' | 'Need & readiness' | 'Waves' | 'Resources' | 'Vision & outcomes'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: name === 'Decisions' ? 'The seven decisions' : name })).toBeVisible();
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'All plans' }).click();
  }
}
