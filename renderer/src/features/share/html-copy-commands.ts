/** Saving the read-only copy: the shown report as one web page that carries the plan file. */
import type { ShareContext } from './share-commands';
import { serializePlanFile } from '../../domain/plan-file';
import { shareFileName } from '../../domain/file-names';
import { nowTimestamp } from '../../domain/ids';
import { HTML_COPY_EXTENSION, htmlCopyDocument } from '../../domain/html-copy';
import { collectReportCss, serializeForCopy } from './collect-styles';

export type HtmlCopyContext = ShareContext & { appVersion: string };

const HTML_COPY_FILTERS = [{ name: 'Web page', extensions: [HTML_COPY_EXTENSION] }];

/**
 * Saves the content shown under `root` (the rendered report) with the styles it uses, and the
 * plan file as the native export writes it, so Import restores the same plan from the page.
 */
export async function saveHtmlCopy(ctx: HtmlCopyContext, planId: string, root: Element) {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const planFileText = serializePlanFile(bundle, { name: 'Roadmap Planner', version: ctx.appVersion }, nowTimestamp(ctx.now()));
  const content = htmlCopyDocument({
    title: bundle.plan.name,
    lang: root.ownerDocument.documentElement.lang || 'en',
    bodyHtml: serializeForCopy(root),
    css: collectReportCss(root),
    planFileText,
  });
  return ctx.host.saveFile({ suggestedName: shareFileName(bundle.plan.name, 'Read-only copy', HTML_COPY_EXTENSION), content, filters: HTML_COPY_FILTERS });
}
