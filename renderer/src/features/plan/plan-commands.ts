/**
 * Edits inside one plan, as commands. Each returns the store's ChangeSet (and the new record's
 * id for additions), which the plan's undo history records.
 */
import type { ChangeSet, PlanStore, PhaseChanges, PlanChanges } from '../../storage/plan-store';
import { newId } from '../../domain/ids';
import { nextPhaseDates } from '../../domain/phase-rules';
import { kindFromName } from '../../domain/roadmap-rules';
import type { SystemProfile } from '../../domain/schemas';

export interface PlanContext {
  store: PlanStore;
  now: () => Date;
}

export function updatePlan(ctx: PlanContext, planId: string, changes: PlanChanges): Promise<ChangeSet> {
  return ctx.store.updatePlan(planId, changes);
}

export function updateProfile(ctx: PlanContext, planId: string, changes: Partial<SystemProfile>): Promise<ChangeSet> {
  return ctx.store.updateProfile(planId, changes);
}

/** Adds a phase after the last one, a school year long. */
export async function addPhase(ctx: PlanContext, planId: string, name?: string): Promise<{ id: string; change: ChangeSet }> {
  const [row, phases] = await Promise.all([ctx.store.getPlanRow(planId), ctx.store.listPhases(planId)]);
  if (!row) throw new Error('This plan no longer exists.');
  const dates = nextPhaseDates(phases, row.schoolYearStartMonth, ctx.now());
  const phaseName = name?.trim() || `Phase ${phases.length + 1}`;
  return ctx.store.addPhase({ id: newId(), planId, name: phaseName, kind: kindFromName(phaseName), status: 'planned', goal: '', entryCriteria: '', gate: '', ...dates });
}

export function updatePhase(ctx: PlanContext, phaseId: string, changes: PhaseChanges): Promise<ChangeSet> {
  return ctx.store.updatePhase(phaseId, changes);
}

export function movePhase(ctx: PlanContext, phaseId: string, direction: -1 | 1): Promise<ChangeSet> {
  return ctx.store.movePhase(phaseId, direction);
}

export function deletePhase(ctx: PlanContext, phaseId: string): Promise<ChangeSet> {
  return ctx.store.deletePhase(phaseId);
}
