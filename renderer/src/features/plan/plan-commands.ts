/** Edits inside one plan, as commands; destructive ones return their undo. */
import type { PlanStore, PhaseChanges, PlanChanges } from '../../storage/plan-store';
import { newId } from '../../domain/ids';
import { nextPhaseDates } from '../../domain/phase-rules';
import type { SystemProfile } from '../../domain/schemas';

export interface PlanContext {
  store: PlanStore;
  now: () => Date;
}

export function updatePlan(ctx: PlanContext, planId: string, changes: PlanChanges): Promise<void> {
  return ctx.store.updatePlan(planId, changes);
}

export function updateProfile(ctx: PlanContext, planId: string, changes: Partial<SystemProfile>): Promise<void> {
  return ctx.store.updateProfile(planId, changes);
}

/** Adds a phase after the last one, a school year long, and returns its id. */
export async function addPhase(ctx: PlanContext, planId: string): Promise<string> {
  const [row, phases] = await Promise.all([ctx.store.getPlanRow(planId), ctx.store.listPhases(planId)]);
  if (!row) throw new Error('This plan no longer exists.');
  const dates = nextPhaseDates(phases, row.schoolYearStartMonth, ctx.now());
  return ctx.store.addPhase({ id: newId(), planId, name: `Phase ${phases.length + 1}`, goal: '', ...dates });
}

export function updatePhase(ctx: PlanContext, phaseId: string, changes: PhaseChanges): Promise<void> {
  return ctx.store.updatePhase(phaseId, changes);
}

export function movePhase(ctx: PlanContext, phaseId: string, direction: -1 | 1): Promise<void> {
  return ctx.store.movePhase(phaseId, direction);
}

export async function deletePhase(ctx: PlanContext, phaseId: string): Promise<() => Promise<void>> {
  const removed = await ctx.store.deletePhase(phaseId);
  return () => ctx.store.restorePhase(removed);
}
