/**
 * What a planner does in Vision & outcomes, as commands: write the vision, and add, edit, move
 * and delete outcome measures with their baseline, targets and results. The labels are the
 * ones Undo shows.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import { withActual, withTarget, withoutActual, type Actual } from '../../domain/outcome-rules';
import { formatDisplayDate } from '../../domain/phase-rules';
import type { ChangeSet } from '../../storage/transactions';


/** The name a measure takes when it is added, for the planner to type over. */
export const NEW_MEASURE_NAME = 'New outcome measure';

const quoted = (outcome: Named) => `“${outcome.name}”`;
const outcomeField = (outcome: Named, key: string) => `outcome.${outcome.id}.${key}`;
const sameActual = (a: Actual, b: Actual) => a.date === b.date && a.value === b.value && a.note === b.note;

export function setVision(planId: string, vision: string): PlanCommand<ChangeSet> {
  return { label: 'Edit the vision', field: 'plan.vision', write: ({ store }) => store.updatePlan(planId, { vision }) };
}

export function addOutcome(planId: string): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: 'Add an outcome measure',
    write: ({ store }) => store.addOutcome({ id, planId, name: NEW_MEASURE_NAME, unit: '', baseline: null, targets: [], actuals: [] }),
  };
}

export function renameOutcome(outcome: Named, name: string): PlanCommand<ChangeSet> {
  return {
    label: `Rename the outcome measure ${quoted(outcome)}`,
    field: outcomeField(outcome, 'name'),
    write: ({ store }) => store.updateOutcome(outcome.id, { name: name.trim() }),
  };
}

export function setOutcomeUnit(outcome: Named, unit: string): PlanCommand<ChangeSet> {
  return {
    label: `Edit the unit of ${quoted(outcome)}`,
    field: outcomeField(outcome, 'unit'),
    write: ({ store }) => store.updateOutcome(outcome.id, { unit: unit.trim() }),
  };
}

/** The baseline (null clears it). */
export function setOutcomeBaseline(outcome: Named, baseline: number | null): PlanCommand<ChangeSet> {
  return {
    label: `Edit the baseline of ${quoted(outcome)}`,
    field: outcomeField(outcome, 'baseline'),
    write: ({ store }) => store.updateOutcome(outcome.id, { baseline }),
  };
}

/**
 * The target for the end of one phase (null clears it). Targets are stored as one list, kept in
 * the order of `phaseIds`; the new target joins the list as stored when the write runs, so quick
 * edits to two phases' targets both stay.
 */
export function setOutcomeTarget(outcome: Named, phase: Named, value: number | null, phaseIds: readonly string[]): PlanCommand<ChangeSet> {
  return {
    label: `Set the ${phase.name} target for ${quoted(outcome)}`,
    field: outcomeField(outcome, `target.${phase.id}`),
    write: ({ store }) => store.updateOutcome(outcome.id, (current) => ({ targets: withTarget(current.targets, phase.id, value, phaseIds) })),
  };
}

/** Records a result, in date order among those stored when the write runs. */
export function addOutcomeResult(outcome: Named, actual: Actual): PlanCommand<ChangeSet> {
  return {
    label: `Add a result to ${quoted(outcome)}`,
    write: ({ store }) => store.updateOutcome(outcome.id, (current) => ({ actuals: withActual(current.actuals, actual) })),
  };
}

/** Deletes one result; results have no id, so it is found by its date, value and note among those stored. */
export function deleteOutcomeResult(outcome: Named, actual: Actual): PlanCommand<ChangeSet> {
  const what = `the result of ${formatDisplayDate(actual.date)} for ${quoted(outcome)}`;
  return {
    label: `Delete ${what}`,
    announce: `Deleted ${what}.`,
    write: ({ store }) => store.updateOutcome(outcome.id, (current) => ({ actuals: withoutActual(current.actuals, current.actuals.findIndex((a) => sameActual(a, actual))) })),
  };
}

export function moveOutcome(outcome: Named, direction: -1 | 1): PlanCommand<ChangeSet> {
  return {
    label: `Move ${quoted(outcome)} ${direction === -1 ? 'up' : 'down'}`,
    write: ({ store }) => store.moveOutcome(outcome.id, direction),
  };
}

export function deleteOutcome(outcome: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete ${quoted(outcome)}`,
    announce: `Deleted outcome measure ${quoted(outcome)}.`,
    write: ({ store }) => store.deleteOutcome(outcome.id),
  };
}
