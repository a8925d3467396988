/**
 * What a planner does in the tight & loose section, as commands: set a stance and its text, and
 * add, rename, describe, move or delete an area. The labels are the ones Undo shows.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import type { StanceValue } from '../../domain/schemas';
import type { ChangeSet } from '../../storage/transactions';
import { stanceEditLabel } from './matrix-model';


/** The words a stance carries besides the stance itself. */
export type StanceTextField = 'rationale' | 'owner' | 'guardrails';

const TEXT_EDIT_LABELS: Record<StanceTextField, (where: string) => string> = {
  rationale: (where) => `Edit the rationale for ${where}`,
  owner: (where) => `Edit the owner of ${where}`,
  guardrails: (where) => `Edit the guardrails for ${where}`,
};

/** Sets the stance of one area in one phase (null clears it). */
export function setStance(planId: string, area: Named, phase: Named, stance: StanceValue | null): PlanCommand<ChangeSet> {
  return {
    label: stanceEditLabel(area.name, phase.name, stance),
    write: ({ store }) => store.setStance(planId, area.id, phase.id, { stance }),
  };
}

/** Saves the rationale, owner or guardrails of one cell as they are typed. */
export function setStanceText(planId: string, area: Named, phase: Named, field: StanceTextField, text: string): PlanCommand<ChangeSet> {
  return {
    label: TEXT_EDIT_LABELS[field](`${area.name} in ${phase.name}`),
    field: `stance.${area.id}.${phase.id}.${field}`,
    write: ({ store }) => store.setStance(planId, area.id, phase.id, { [field]: text }),
  };
}

/** Adds an area of the planner's own as the last row of the matrix. */
export function addArea(planId: string, name: string): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: `Add area “${name}”`,
    write: ({ store }) => store.addArea({ id, planId, name, description: '', builtIn: false }),
  };
}

export function renameArea(area: Named, name: string): PlanCommand<ChangeSet> {
  return {
    label: `Rename area “${area.name}”`,
    field: `area.${area.id}.name`,
    write: ({ store }) => store.updateArea(area.id, { name }),
  };
}

export function describeArea(area: Named, description: string): PlanCommand<ChangeSet> {
  return {
    label: `Edit the description of ${area.name}`,
    field: `area.${area.id}.description`,
    write: ({ store }) => store.updateArea(area.id, { description }),
  };
}

/** Moves an area one row up (-1) or down (1). */
export function moveArea(area: Named, direction: -1 | 1): PlanCommand<ChangeSet> {
  return {
    label: `Move ${area.name} ${direction < 0 ? 'up' : 'down'}`,
    write: ({ store }) => store.moveArea(area.id, direction),
  };
}

/** Deletes an area with its stances in every phase; announced, so it can be undone from the message. */
export function deleteArea(area: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete area “${area.name}”`,
    announce: `Deleted area “${area.name}” and its stances.`,
    write: ({ store }) => store.deleteArea(area.id),
  };
}
