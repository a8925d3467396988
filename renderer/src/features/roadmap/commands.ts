/**
 * What a planner does on the roadmap, as commands: add, edit, move and delete phases (on their
 * cards or on the timeline), and add, edit and delete milestones. The labels are the ones Undo
 * shows; a command with a `field` is one being typed in.
 */
import type { AddCommand, CommandContext, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import { formatDisplayDate, nextPhaseDates } from '../../domain/phase-rules';
import { kindFromName } from '../../domain/roadmap-rules';
import { PHASE_KIND_LABELS, PHASE_STATUS_LABELS, type Milestone, type PhaseKind, type PhaseStatus } from '../../domain/schemas';
import { dateSpanText, type DateChange, type PhaseDates } from '../../domain/timeline';
import type { Carry } from '../../domain/phase-moves';
import { plural } from '../../domain/words';
import type { ChangeSet } from '../../storage/transactions';


export type MilestoneDraft = Pick<Milestone, 'name' | 'date' | 'phaseId' | 'owner' | 'kind'>;

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

/** ", with its milestones and the phases after it": what a move carried, for its undo label. */
function carried(carry: Carry | undefined): string {
  if (!carry || (!carry.milestones && !carry.following)) return '';
  if (carry.milestones && carry.following) return ', with its milestones and the phases after it';
  return carry.milestones ? ', with its milestones' : ', with the phases after it';
}

/** "Moved “Pilot” with 5 milestones and the 3 phases after it.", counted from what the write changed. */
function movedMessage(phase: Named, carry: Carry | undefined): PlanCommand<ChangeSet>['announce'] {
  if (!carry || (!carry.milestones && !carry.following)) return undefined;
  return (change) => {
    const phases = change.changes.filter((c) => c.table === 'phases').length - 1;
    const milestones = change.changes.filter((c) => c.table === 'milestones').length;
    const parts = [];
    if (milestones > 0) parts.push(plural(milestones, 'milestone'));
    if (phases > 0) parts.push(`the ${plural(phases, 'phase')} after it`);
    return parts.length === 0 ? `Moved ${quoted(phase)}.` : `Moved ${quoted(phase)} with ${parts.join(' and ')}.`;
  };
}

/** New dates for a phase, alone (a plain edit of it) or with what the planner chose to carry (one transaction). */
function writeDates(phase: Named, dates: PhaseDates, carry: Carry | undefined) {
  return ({ store }: CommandContext) => (carry ? store.reschedulePhase(phase.id, dates, carry) : store.updatePhase(phase.id, { start: dates.start, end: dates.end }));
}

/**
 * The start or the end typed in a phase's date field. With `carry`, its milestones and the
 * phases after it move too, in the same write (see domain/phase-moves.ts).
 */
export function setPhaseDate(phase: Named & PhaseDates, which: 'start' | 'end', date: string, carry?: Carry): PlanCommand<ChangeSet> {
  const dates = { start: which === 'start' ? date : phase.start, end: which === 'end' ? date : phase.end };
  return {
    label: `Change the ${which} of ${quoted(phase)}${carried(carry)}`,
    // Moves that carry other records stand alone in the undo history; a plain date edit merges like typing.
    field: carry && (carry.milestones || carry.following) ? undefined : phaseField(phase, which),
    announce: movedMessage(phase, carry),
    write: carry ? writeDates(phase, dates, carry) : ({ store }) => store.updatePhase(phase.id, { [which]: date }),
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

/** New dates from the timeline's arrow keys: the phase, its start or its end, a month earlier or later; with `carry`, what goes with it. */
export function nudgePhaseDates(phase: Named, dates: PhaseDates, change: DateChange, months: number, carry?: Carry): PlanCommand<ChangeSet> {
  const verb = change === 'move' ? 'Move' : change === 'start' ? 'Start' : 'End';
  return {
    label: `${verb} ${quoted(phase)} a month ${months < 0 ? 'earlier' : 'later'}${carried(carry)}`,
    announce: movedMessage(phase, carry),
    write: writeDates(phase, dates, carry),
  };
}

/** New dates from dragging a bar, or one of its ends, on the timeline; with `carry`, what goes with it. */
export function dragPhaseDates(phase: Named, dates: PhaseDates, change: DateChange, carry?: Carry): PlanCommand<ChangeSet> {
  const label = change === 'start' ? `Start ${quoted(phase)} on ${formatDisplayDate(dates.start)}`
    : change === 'end' ? `End ${quoted(phase)} on ${formatDisplayDate(dates.end)}`
      : `Move ${quoted(phase)} to ${dateSpanText(dates)}`;
  return { label: `${label}${carried(carry)}`, announce: movedMessage(phase, carry), write: writeDates(phase, dates, carry) };
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
    write: ({ store }) => store.addMilestone({ id, planId, done: false, ...draft }),
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
