/** Saving the plan as a Microsoft Project XML file, for offices that track projects in Project or ProjectLibre. */
import type { ShareContext } from './share-commands';
import { shareFileName } from '../../domain/file-names';
import { mspdiFile, MSPDI_EXTENSION } from '../../domain/mspdi-file';

const PROJECT_FILTERS = [{ name: 'Microsoft Project XML', extensions: [MSPDI_EXTENSION] }];

/** Saves the plan's phases, milestones and gates through the host: a download in the browser, a chosen file on the desktop. */
export async function saveProjectFile(ctx: ShareContext, planId: string) {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  return ctx.host.saveFile({ suggestedName: shareFileName(bundle.plan.name, 'Project', MSPDI_EXTENSION), content: mspdiFile(bundle), filters: PROJECT_FILTERS });
}
