/** Saving the plan in the formats people outside the app use. Reads the plan; writes nothing to it. */
import type { Host } from '../../host/host';
import type { PlanStore } from '../../storage/plan-store';
import { calendarFile, CALENDAR_EXTENSION, type CalendarOptions } from '../../domain/calendar-file';
import { shareFileName } from '../../domain/file-names';
import { csvTable, CSV_EXTENSION, CSV_TABLE_LABELS, CSV_TABLES, type CsvTable } from '../../domain/csv-tables';

export interface ShareContext {
  store: Pick<PlanStore, 'loadBundle'>;
  host: Pick<Host, 'saveFile'>;
  now: () => Date;
}

const CALENDAR_FILTERS = [{ name: 'Calendar', extensions: [CALENDAR_EXTENSION] }];

/** Saves the plan's calendar through the host: a download in the browser, a chosen file on the desktop. */
export async function saveCalendar(ctx: ShareContext, planId: string, include: CalendarOptions) {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const content = calendarFile(bundle, include, ctx.now());
  return ctx.host.saveFile({ suggestedName: shareFileName(bundle.plan.name, 'Calendar', CALENDAR_EXTENSION), content, filters: CALENDAR_FILTERS });
}

const CSV_FILTERS = [{ name: 'Spreadsheet table (CSV)', extensions: [CSV_EXTENSION] }];

/**
 * Saves each chosen table as its own CSV file through the host, one after another, in the
 * dialog's order. Stops when the planner cancels a file; says which files were saved.
 */
export async function saveCsvTables(ctx: ShareContext, planId: string, tables: readonly CsvTable[]) {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const locations: string[] = [];
  for (const table of CSV_TABLES.filter((t) => tables.includes(t))) {
    const suggestedName = shareFileName(bundle.plan.name, CSV_TABLE_LABELS[table], CSV_EXTENSION);
    const result = await ctx.host.saveFile({ suggestedName, content: csvTable(bundle, table), filters: CSV_FILTERS });
    if (result.status === 'cancelled') return { status: 'cancelled' as const, locations };
    locations.push(result.location);
  }
  return { status: 'saved' as const, locations };
}
