/**
 * What a planner does on the roadmap, as commands: add, edit, move and delete phases (on their
 * cards or on the timeline), and add, edit and delete milestones. The labels are the ones Undo
 * shows; a command with a `field` is one being typed in.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import { formatDisplayDate, nextPhaseDates } from '../../domain/phase-rules';
import { kindFromName } from '../../domain/roadmap-rules';
import { PHASE_KIND_LABELS, PHASE_STATUS_LABELS, type Milestone, type PhaseKind, type PhaseStatus } from '../../domain/schemas';
import { dateSpanText, type DateChange, type PhaseDates } from '../../domain/timeline';
import { plural } from '../../domain/words';
import type { ChangeSet } from '../../storage/transactions';


export type MilestoneDraft = Pick<Milestone, 'name' | 'date' | 'phaseId' | 'owner'>;

/** The long texts of a phase. */
export type PhaseTextField = 'goal' | 'entryCriteria' | 'gate';

const TEXT_LABELS: Record<PhaseTextField, string> = {
  goal: 'the goal',
  entryCriteria: 'the entry criteria',
  gate: 'the go / no-go gate',
};

const quoted = (phase: Named) => `“${phase.name}”`;
const phaseField = (phase: Named, key: string) => `phase.${phase.id}.${key}`;

/**
 * Adds a phase after the last one, a school year long, named `name` or "Phase N". Its dates
 * come from the phases stored when the write runs, so two quick additions follow each other.
 */
export function addPhase(planId: string, name?: string): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: 'Add a phase',
    write: async ({ store, now }) => {
      const [row, phases] = await Promise.all([store.getPlanRow(planId), store.listPhases(planId)]);
      if (!row) throw new Error('This plan no longer exists.');
      const dates = nextPhaseDates(phases, row.schoolYearStartMonth, now());
      const phaseName = name?.trim() || `Phase ${phases.length + 1}`;
      return store.addPhase({ id, planId, name: phaseName, kind: kindFromName(phaseName), status: 'planned', goal: '', entryCriteria: '', gate: '', ...dates });
    },
  };
}

export function renamePhase(phase: Named, name: string): PlanCommand<ChangeSet> {
  return {
    label: `Rename ${quoted(phase)}`,
    field: phaseField(phase, 'name'),
    write: ({ store }) => store.updatePhase(phase.id, { name: name.trim() }),
  };
}

export function setPhaseKind(phase: Named, kind: PhaseKind): PlanCommand<ChangeSet> {
  return {
    label: `Make ${quoted(phase)} a ${PHASE_KIND_LABELS[kind]} phase`,
    write: ({ store }) => store.updatePhase(phase.id, { kind }),
  };
}

export function setPhaseStatus(phase: Named, status: PhaseStatus): PlanCommand<ChangeSet> {
  return {
    label: `Mark ${quoted(phase)} as ${PHASE_STATUS_LABELS[status]}`,
    write: ({ store }) => store.updatePhase(phase.id, { status }),
  };
}

/** The start or the end typed in a phase's date field. */
export function setPhaseDate(phase: Named, which: 'start' | 'end', date: string): PlanCommand<ChangeSet> {
  return {
    label: `Change the ${which} of ${quoted(phase)}`,
    field: phaseField(phase, which),
    write: ({ store }) => store.updatePhase(phase.id, { [which]: date }),
  };
}

/** The goal, entry criteria or go / no-go gate, as typed. */
export function setPhaseText(phase: Named, field: PhaseTextField, text: string): PlanCommand<ChangeSet> {
  return {
    label: `Edit ${TEXT_LABELS[field]} of ${quoted(phase)}`,
    field: phaseField(phase, field),
    write: ({ store }) => store.updatePhase(phase.id, { [field]: text }),
  };
}

/** New dates from the timeline's arrow keys: the phase, its start or its end, a month earlier or later. */
export function nudgePhaseDates(phase: Named, dates: PhaseDates, change: DateChange, months: number): PlanCommand<ChangeSet> {
  const verb = change === 'move' ? 'Move' : change === 'start' ? 'Start' : 'End';
  return {
    label: `${verb} ${quoted(phase)} a month ${months < 0 ? 'earlier' : 'later'}`,
    write: ({ store }) => store.updatePhase(phase.id, { start: dates.start, end: dates.end }),
  };
}

/** New dates from dragging a bar, or one of its ends, on the timeline. */
export function dragPhaseDates(phase: Named, dates: PhaseDates, change: DateChange): PlanCommand<ChangeSet> {
  const label = change === 'start' ? `Start ${quoted(phase)} on ${formatDisplayDate(dates.start)}`
    : change === 'end' ? `End ${quoted(phase)} on ${formatDisplayDate(dates.end)}`
      : `Move ${quoted(phase)} to ${dateSpanText(dates)}`;
  return { label, write: ({ store }) => store.updatePhase(phase.id, { start: dates.start, end: dates.end }) };
}

/** Swaps a phase with the one before (-1) or after (+1) it in the list. */
export function movePhase(phase: Named, direction: -1 | 1): PlanCommand<ChangeSet> {
  return {
    label: `Move ${quoted(phase)} ${direction < 0 ? 'up' : 'down'} the list`,
    write: ({ store }) => store.movePhase(phase.id, direction),
  };
}

/** Deletes a phase with everything that belongs to it; the message counts the milestones that went with it. */
export function deletePhase(phase: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete phase ${quoted(phase)}`,
    announce: (change) => {
      const milestones = change.changes.filter((c) => c.table === 'milestones' && c.after === undefined).length;
      return `Deleted phase ${quoted(phase)}${milestones > 0 ? ` and its ${plural(milestones, 'milestone')}` : ''}.`;
    },
    write: ({ store }) => store.deletePhase(phase.id),
  };
}

export function addMilestone(planId: string, draft: MilestoneDraft): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: `Add milestone “${draft.name}”`,
    write: ({ store }) => store.addMilestone({ id, planId, done: false, kind: 'milestone', ...draft }),
  };
}

/** Saves the milestone dialog over an existing milestone. */
export function editMilestone(milestone: Named, draft: MilestoneDraft): PlanCommand<ChangeSet> {
  return {
    label: `Edit milestone “${draft.name}”`,
    write: ({ store }) => store.updateMilestone(milestone.id, draft),
  };
}

export function markMilestoneDone(milestone: Named, done: boolean): PlanCommand<ChangeSet> {
  return {
    label: done ? `Mark “${milestone.name}” done` : `Mark “${milestone.name}” not done`,
    write: ({ store }) => store.updateMilestone(milestone.id, { done }),
  };
}

export function deleteMilestone(milestone: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete milestone “${milestone.name}”`,
    announce: `Deleted milestone “${milestone.name}”.`,
    write: ({ store }) => store.deleteMilestone(milestone.id),
  };
}
