/** What a planner does in the decisions section, as commands: a position per phase, why, and keeping a template's why. */
import type { Named, PlanCommand } from '../../app/commands';
import { positionEditLabel, type Decision } from '../../domain/decisions';
import { ORIGIN_AFTER_EDIT, originAfterKeep, positionChanges } from '../../domain/rationale-origin';
import type { Position } from '../../domain/schemas';
import type { PositionEdit } from '../../storage/roadmap-repository';
import type { ChangeSet } from '../../storage/transactions';

/** What a position command reads from the plan as shown: the phases in order and this decision's positions. */
export interface PositionContext {
  phaseIds: readonly string[];
  positions: readonly Position[];
}

/**
 * Sets where the plan stands on a decision in one phase, from -2 (pole A) to 2 (pole B); null
 * clears it. When the position changes, the template rationale that speaks for the phase (its
 * own, or the one written once on an earlier phase) is flagged for review in the same write.
 */
export function setPosition(planId: string, decision: Decision, phase: Named, position: number | null, context?: PositionContext): PlanCommand<ChangeSet> {
  const n = decision.number;
  return {
    label: positionEditLabel(decision, phase.name, position),
    write: ({ store }) => {
      const edits = context ? positionChanges(context.phaseIds, context.positions, phase.id, position) : [];
      if (edits.length <= 1) return store.setPosition(planId, phase.id, n, edits[0]?.changes ?? { position });
      return store.setStancesAndPositions(planId, [], edits.map((e): PositionEdit => ({ ...e, decision: n })));
    },
  };
}

/** Saves why the plan stands where it does on a decision in one phase, as it is typed; edited words are the planner's. */
export function setPositionRationale(planId: string, decision: Pick<Decision, 'number'>, phase: Named, rationale: string): PlanCommand<ChangeSet> {
  const n = decision.number;
  return {
    label: `Edit the rationale for decision ${n} in ${phase.name}`,
    field: `position.${phase.id}.${n}.rationale`,
    write: ({ store }) => store.setPosition(planId, phase.id, n, { rationale, rationaleOrigin: ORIGIN_AFTER_EDIT }),
  };
}

/** "Keep as is": clears the review flag on a template rationale; the words stay the template's. */
export function keepPositionRationale(planId: string, decision: Pick<Decision, 'number'>, phase: Named): PlanCommand<ChangeSet> {
  const n = decision.number;
  return {
    label: `Keep the rationale for decision ${n} in ${phase.name}`,
    write: ({ store }) => store.setPosition(planId, phase.id, n, { rationaleOrigin: originAfterKeep('template-review') }),
  };
}
