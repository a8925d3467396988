import { expect, type Locator, type Page } from '@playwright/test';

/** A file handed to a file picker as bytes, as a test makes it. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

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

  /** On the Schools section: opens the roster import and hands it a file (a path, or bytes with a name); returns the dialog. */
  async openRosterImport(filePath: string | ChosenFile): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import roster…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import schools from a roster file' });
    const chooser = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a CSV or Excel file…' }).click();
    await (await chooser).setFiles(filePath);
    return dialog;
  }

  /** On the Resources section: opens the allocations import and hands it a workbook; returns the dialog. */
  async openAllocationImport(file: string | ChosenFile): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import allocations from a spreadsheet…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import allocations from a spreadsheet' });
    const chooser = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose an Excel file…' }).click();
    await (await chooser).setFiles(file);
    return dialog;
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'All plans' }).click();
  }
}
