/**
 * Milestone edits, as commands. Each returns the store's ChangeSet (and the new record's id for
 * additions), which the plan's undo history records. Phase edits are in plan/plan-commands.ts.
 */
import type { ChangeSet, MilestoneChanges } from '../../storage/plan-store';
import type { PlanContext } from '../plan/plan-commands';
import { newId } from '../../domain/ids';
import type { Milestone } from '../../domain/schemas';

export type MilestoneDraft = Pick<Milestone, 'name' | 'date' | 'phaseId' | 'owner'>;

export function addMilestone(ctx: PlanContext, planId: string, draft: MilestoneDraft): Promise<{ id: string; change: ChangeSet }> {
  return ctx.store.addMilestone({ id: newId(), planId, done: false, ...draft });
}

export function updateMilestone(ctx: PlanContext, milestoneId: string, changes: MilestoneChanges): Promise<ChangeSet> {
  return ctx.store.updateMilestone(milestoneId, changes);
}

export function deleteMilestone(ctx: PlanContext, milestoneId: string): Promise<ChangeSet> {
  return ctx.store.deleteMilestone(milestoneId);
}
