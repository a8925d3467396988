/**
 * What a planner does to whole plans, as named commands shared by buttons, menus and shortcuts.
 * Destructive ones return what undoes them.
 */
import type { PlanStore } from '../../storage/plan-store';
import { copyName, copyPlanBundle } from '../../domain/plan-copy';

export interface LibraryContext {
  store: PlanStore;
  now: () => Date;
}

export async function createPlan(ctx: LibraryContext, input: { name: string; systemName: string; templateId: string | null }): Promise<string> {
  // The templates (three plans of JSON with their schema) are fetched with the New plan dialog, not at start.
  const { createPlanBundle } = await import('../../domain/templates');
  return ctx.store.createPlan(createPlanBundle({ ...input, today: ctx.now() }));
}

export async function duplicatePlan(ctx: LibraryContext, planId: string): Promise<string> {
  const bundle = await ctx.store.loadBundle(planId);
  if (!bundle) throw new Error('This plan no longer exists.');
  const taken = new Set((await ctx.store.listPlans()).map((p) => p.name));
  return ctx.store.createPlan(copyPlanBundle(bundle, copyName(bundle.plan.name, taken), ctx.now()));
}

export async function renamePlan(ctx: LibraryContext, planId: string, name: string): Promise<void> {
  await ctx.store.updatePlan(planId, { name });
}

/** Moves the plan to Recently deleted and returns the undo. */
export async function deletePlan(ctx: LibraryContext, planId: string): Promise<() => Promise<void>> {
  await ctx.store.deletePlan(planId);
  return () => restorePlan(ctx, planId);
}

/**
 * Removes every plan in Recently deleted for good, with its history, to make room (a full disk
 * names it as space that can be freed). No undo: the planner confirms first. Returns how many.
 */
export async function emptyRecentlyDeleted(ctx: LibraryContext): Promise<number> {
  return ctx.store.purgeDeleted({ all: true });
}

/** Brings a plan back from Recently deleted. */
export async function restorePlan(ctx: LibraryContext, planId: string): Promise<void> {
  await ctx.store.restorePlan(planId);
}
