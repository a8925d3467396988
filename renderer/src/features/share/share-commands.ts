/** Saving the plan in the formats people outside the app use. Reads the plan; writes nothing to it. */
import type { Host } from '../../host/host';
import type { PlanStore } from '../../storage/plan-store';
import { calendarFile, CALENDAR_EXTENSION, type CalendarOptions } from '../../domain/calendar-file';
import { shareFileName } from '../../domain/file-names';

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
