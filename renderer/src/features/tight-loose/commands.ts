/**
 * What a planner does in the tight & loose section, as commands: set a stance (in one phase or
 * several at once) and its text, keep a template's rationale, and add, rename, describe, move or
 * delete an area. The labels are the ones Undo shows.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import { plural } from '../../domain/words';
import { ORIGIN_AFTER_EDIT, originAfterChange, originAfterKeep, rationalesToFlag } from '../../domain/rationale-origin';
import type { Position, Stance, StanceValue } from '../../domain/schemas';
import { STANCE_LABELS } from '../../domain/stance-words';
import type { PositionEdit, StanceEdit } from '../../storage/roadmap-repository';
import type { ChangeSet } from '../../storage/transactions';
import { stanceEditLabel } from './matrix-model';


/** The words a stance carries besides the stance itself. */
export type StanceTextField = 'rationale' | 'owner' | 'guardrails';

const TEXT_EDIT_LABELS: Record<StanceTextField, (where: string) => string> = {
  rationale: (where) => `Edit the rationale for ${where}`,
  owner: (where) => `Edit the owner of ${where}`,
  guardrails: (where) => `Edit the guardrails for ${where}`,
};

/** What a stance command reads from the plan as shown, to flag template words it leaves out of date. */
export interface StanceContext {
  /** The phases in plan order. */
  phaseIds: readonly string[];
  /** The area's stance records by phase id (those it has). */
  current: ReadonlyMap<string, Pick<Stance, 'stance' | 'rationale' | 'rationaleOrigin'>>;
  /** Decision 1's positions: its rationale explains the whole matrix. */
  decision1: readonly Position[];
}

const NO_CONTEXT: StanceContext = { phaseIds: [], current: new Map(), decision1: [] };

/**
 * The writes that set an area's stance in some phases: each cell that changes, with its template
 * rationale flagged for review, and decision 1's template rationale covering those phases flagged too.
 */
function stanceEdits(areaId: string, phaseIds: readonly string[], stance: StanceValue | null, context: StanceContext): { stances: StanceEdit[]; positions: PositionEdit[] } {
  const changed = phaseIds.filter((phaseId) => (context.current.get(phaseId)?.stance ?? null) !== stance);
  const stances = changed.map((phaseId): StanceEdit => {
    const record = context.current.get(phaseId);
    const origin = record ? originAfterChange(record) : null;
    return { areaId, phaseId, changes: origin && origin !== record?.rationaleOrigin ? { stance, rationaleOrigin: origin } : { stance } };
  });
  const positions = rationalesToFlag(context.phaseIds, context.decision1, changed).map((p): PositionEdit => ({
    phaseId: p.phaseId, decision: 1, changes: { rationaleOrigin: originAfterChange(p) },
  }));
  return { stances, positions };
}

/**
 * Sets the stance of one area in one phase (null clears it). A template rationale of the cell,
 * and decision 1's, are flagged for review in the same write (see domain/rationale-origin.ts).
 */
export function setStance(planId: string, area: Named, phase: Named, stance: StanceValue | null, context: StanceContext = NO_CONTEXT): PlanCommand<ChangeSet> {
  return {
    label: stanceEditLabel(area.name, phase.name, stance),
    write: ({ store }) => {
      const { stances, positions } = stanceEdits(area.id, [phase.id], stance, context);
      const changes = stances[0]?.changes ?? { stance };
      // Most presses flag nothing: the one-record write, as fast as it was.
      return positions.length === 0 ? store.setStance(planId, area.id, phase.id, changes) : store.setStancesAndPositions(planId, [{ areaId: area.id, phaseId: phase.id, changes }], positions);
    },
  };
}

/**
 * Sets an area's stance in several phases at once, one Undo: every phase (`from` null) or
 * from one phase on. Phases already holding it are left alone.
 */
export function setStanceInPhases(planId: string, area: Named, phases: readonly Named[], from: Named | null, stance: StanceValue | null, context: StanceContext = NO_CONTEXT): PlanCommand<ChangeSet> {
  const where = from ? `from ${from.name} on` : 'in every phase';
  const label = stance ? `Set ${area.name} to ${STANCE_LABELS[stance]} ${where}` : `Clear the stance of ${area.name} ${where}`;
  return {
    label,
    announce: (change) => `${label}: ${plural(change.changes.filter((c) => c.table === 'stances').length, 'phase')} changed.`,
    write: ({ store }) => {
      const { stances, positions } = stanceEdits(area.id, phases.map((p) => p.id), stance, context);
      return store.setStancesAndPositions(planId, stances, positions);
    },
  };
}

/** How many phases a setStanceInPhases would change: none means there is nothing to do. */
export function phasesToChange(phaseIds: readonly string[], stance: StanceValue | null, current: StanceContext['current']): number {
  return phaseIds.filter((id) => (current.get(id)?.stance ?? null) !== stance).length;
}

/** Saves the rationale, owner or guardrails of one cell as they are typed; an edited rationale becomes the planner's. */
export function setStanceText(planId: string, area: Named, phase: Named, field: StanceTextField, text: string): PlanCommand<ChangeSet> {
  return {
    label: TEXT_EDIT_LABELS[field](`${area.name} in ${phase.name}`),
    field: `stance.${area.id}.${phase.id}.${field}`,
    write: ({ store }) => store.setStance(planId, area.id, phase.id, field === 'rationale' ? { rationale: text, rationaleOrigin: ORIGIN_AFTER_EDIT } : { [field]: text }),
  };
}

/** "Keep as is": clears the review flag on a cell's template rationale; the words stay the template's. */
export function keepStanceRationale(planId: string, area: Named, phase: Named): PlanCommand<ChangeSet> {
  return {
    label: `Keep the rationale for ${area.name} in ${phase.name}`,
    write: ({ store }) => store.setStance(planId, area.id, phase.id, { rationaleOrigin: originAfterKeep('template-review') }),
  };
}

/**
 * Adds an area of the planner's own as the last row of the matrix, undecided or starting from
 * one stance in every phase given (one write, one Undo).
 */
export function addArea(planId: string, name: string, start: { stance: StanceValue; phaseIds: readonly string[] } | null = null): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  const area = { id, planId, name, description: '', builtIn: false };
  return {
    id,
    label: start ? `Add area “${name}”, ${STANCE_LABELS[start.stance]} in every phase` : `Add area “${name}”`,
    write: ({ store }) => (start && start.phaseIds.length > 0
      ? store.addAreaWithStances(area, start.phaseIds.map((phaseId) => ({ phaseId, stance: start.stance })))
      : store.addArea(area)),
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
