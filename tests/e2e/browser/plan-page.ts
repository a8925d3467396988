import { expect, type Locator, type Page } from '@playwright/test';

/** A file handed to a file picker as bytes, as a test makes it. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** One plan's workspace. */
/** The stance each key of the tight & loose matrix sets, as the cell's name says it. */
const STANCE_KEY_WORDS = { t: 'Tight', s: 'Shared', l: 'Loose' } as const;

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
  async openSection(name: 'Overview' | 'Roadmap' | 'Tight & loose' | 'Decisions' | 'Schools' | 'Need & readiness' | 'Waves' | 'Resources' | 'Vision & outcomes' | 'Journal' | 'History'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: name === 'Decisions' ? 'The seven decisions' : name })).toBeVisible();
  }

  /** On Tight & loose: sets an area's stance in a phase with its key (t, s or l), as a planner types it, and waits until it is saved. */
  async setStanceByKey(area: string, phase: string, key: 't' | 's' | 'l'): Promise<void> {
    const name = `${area.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ${phase}: `;
    const cell = this.page.getByRole('grid').getByRole('gridcell', { name: new RegExp(`^${name}`) });
    await cell.focus();
    await this.page.keyboard.press(key);
    await expect(cell).toHaveAccessibleName(new RegExp(`^${name}${STANCE_KEY_WORDS[key]}`));
    await this.expectSaved();
  }

  /** On the Schools section: opens the roster import and hands it a file (a path, or bytes with a name); returns the dialog. */
  openRosterImport(filePath: string | ChosenFile): Promise<Locator> {
    return this.openImport('Import roster…', 'Import schools from a roster file', 'Choose a CSV or Excel file…', filePath);
  }

  /** On the Resources section: opens the allocations import and hands it a workbook; returns the dialog. */
  openAllocationImport(file: string | ChosenFile): Promise<Locator> {
    return this.openImport('Import allocations from a spreadsheet…', 'Import allocations from a spreadsheet', 'Choose an Excel file…', file);
  }

  /** On the Schools section: adds one school through its dialog, as a planner types it. */
  async addSchool(school: { name: string; students: string; frlPercent: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add school' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a school' });
    await dialog.getByLabel('School name').fill(school.name);
    await dialog.getByLabel('Students').fill(school.students);
    await dialog.getByLabel('FRL share (%)').fill(school.frlPercent);
    await dialog.getByRole('button', { name: 'Add school' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens an import dialog with its button, and hands its file picker the file; returns the dialog. */
  private async openImport(button: string, dialogName: string, chooseButton: string, file: string | ChosenFile): Promise<Locator> {
    await this.page.getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog', { name: dialogName });
    const chooser = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: chooseButton }).click();
    await (await chooser).setFiles(file);
    return dialog;
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'All plans' }).click();
  }
}
