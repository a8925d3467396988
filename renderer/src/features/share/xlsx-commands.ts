/** Saving the plan as an Excel workbook. Reads the plan; writes nothing to it. */
import { shareFileName } from '../../domain/file-names';
import type { ShareContext } from './share-commands';

/** The workbook's extension, here so the first screen need not load the workbook writer to name a file. */
const XLSX_EXTENSION = 'xlsx';
const XLSX_FILTERS = [{ name: 'Excel workbook', extensions: [XLSX_EXTENSION] }];

/**
 * Saves every table of the plan as one workbook through the host: a download in the browser,
 * a chosen file on the desktop. The workbook writer is loaded only now, when it is asked for.
 */
export async function saveWorkbook(ctx: ShareContext, planId: string) {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const { planWorkbook } = await import('../../domain/xlsx-workbook');
  const content = await planWorkbook(bundle);
  return ctx.host.saveFile({ suggestedName: shareFileName(bundle.plan.name, 'Spreadsheet', XLSX_EXTENSION), content, filters: XLSX_FILTERS });
}
