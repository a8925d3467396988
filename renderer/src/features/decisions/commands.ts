/** What a planner does in the decisions section, as commands: a position per phase, and why. */
import type { Named, PlanCommand } from '../../app/commands';
import { positionEditLabel, type Decision } from '../../domain/decisions';
import type { ChangeSet } from '../../storage/transactions';


/** Sets where the plan stands on a decision in one phase, from -2 (pole A) to 2 (pole B); null clears it. */
export function setPosition(planId: string, decision: Decision, phase: Named, position: number | null): PlanCommand<ChangeSet> {
  return {
    label: positionEditLabel(decision, phase.name, position),
    write: ({ store }) => store.setPosition(planId, phase.id, decision.number, { position }),
  };
}

/** Saves why the plan stands where it does on a decision in one phase, as it is typed. */
export function setPositionRationale(planId: string, decision: Pick<Decision, 'number'>, phase: Named, rationale: string): PlanCommand<ChangeSet> {
  const n = decision.number;
  return {
    label: `Edit the rationale for decision ${n} in ${phase.name}`,
    field: `position.${phase.id}.${n}.rationale`,
    write: ({ store }) => store.setPosition(planId, phase.id, n, { rationale }),
  };
}
