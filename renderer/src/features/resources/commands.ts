/**
 * What a planner does in the Resources section, as commands: set a grid cell; add, change or
 * delete a line of a cell; add, change, move or delete a funding source. The labels are the
 * ones Undo shows.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { newId } from '../../domain/ids';
import { amountText, convertAmount, type AllocationKind, type GridCell, type NewLineDefaults, type RecipientRow } from '../../domain/resource-rules';
import { ALLOCATION_KIND_LABELS, FUNDING_TYPE_LABELS, type AllocationRow, type FundingSource, type FundingType, type Phase, type Plan, type StaffCost } from '../../domain/schemas';
import { isGrantType } from '../../domain/budget';
import { plural } from '../../domain/words';
import type { ChangeSet } from '../../storage/transactions';
import { cellEditLabel } from './grid-model';


/** A recipient's row, as a command names it. */
export type Recipient = Pick<RecipientRow, 'name' | 'recipient'>;

// ——— The grid ———

/**
 * The line a cell edit touches: the one the cell shows, or for an empty cell the id its new
 * line takes. The typed amount is shown under that id until storage has it, so a second edit
 * made before then finds the line the first one made (see cellWrite).
 */
export function cellLineId(shown: GridCell | undefined): string {
  return shown?.lineIds[0] ?? newId();
}

/** Sets one cell of the grid to a typed amount (nothing or zero clears it), with the line it touches. */
export function setCell(
  planId: string, row: Recipient, phase: Named, kind: AllocationKind, shown: GridCell | undefined, amount: number | null, defaults: NewLineDefaults,
): PlanCommand<ChangeSet> & { lineId: string } {
  const lineId = cellLineId(shown);
  return {
    lineId,
    label: cellEditLabel(kind, row.name, phase.name, amount),
    write: ({ store }) => store.setAllocationCell(planId, { phaseId: phase.id, recipient: row.recipient, kind }, lineId, amount, defaults),
  };
}

// ——— The lines of a cell ———

/** Where a line is, for its labels: its place in its cell, and the cell's recipient and phase. */
export interface LinePlace {
  /** From 0, in the order the lines are listed. */
  index: number;
  rowName: string;
  phaseName: string;
}

const lineName = (place: LinePlace) => `line ${place.index + 1}`;
const where = (place: LinePlace) => ` for ${place.rowName} in ${place.phaseName}`;

function changeLine(line: AllocationRow, place: LinePlace, label: string, changes: Partial<Omit<AllocationRow, 'id' | 'planId'>>, field?: string): PlanCommand<ChangeSet> {
  return {
    label: `${label}${where(place)}`,
    ...(field ? { field: `allocation.${line.id}.${field}` } : {}),
    write: ({ store }) => store.updateAllocation(line.id, changes),
  };
}

/** Adds an empty line to a cell, paid and recurring as the toolbar says. */
export function addLine(
  planId: string, row: Recipient, phase: Named, kind: AllocationKind, defaults: Pick<NewLineDefaults, 'sourceId' | 'recurrence'>,
): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: `Add a line for ${row.name} in ${phase.name}`,
    write: ({ store }) => store.addAllocation({
      id, planId, phaseId: phase.id, recipient: row.recipient, sourceId: defaults.sourceId, kind, amount: 0, recurrence: defaults.recurrence, flexible: false, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null,
    }),
  };
}

export function setLineAmount(line: AllocationRow, place: LinePlace, amount: number): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Change the amount of ${lineName(place)}`, { amount }, 'amount');
}

/** Makes a line count as another kind, keeping the number on show (see convertAmount); only staff lines keep a cost per FTE. */
export function setLineKind(line: AllocationRow, place: LinePlace, kind: AllocationKind): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Make ${lineName(place)} ${ALLOCATION_KIND_LABELS[kind]}`, {
    kind, amount: convertAmount(line.amount, line.kind, kind), staffCost: kind === 'staff-fte' ? line.staffCost : null,
  });
}

/** Changes what pays for a line; null is the district's own budget. */
export function setLineSource(line: AllocationRow, place: LinePlace, sourceId: string | null): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Change what pays for ${lineName(place)}`, { sourceId });
}

/** Makes a line recurring or one-time; a one-time line no longer continues into later phases. */
export function setLineRecurrence(line: AllocationRow, place: LinePlace, recurrence: AllocationRow['recurrence']): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Make ${lineName(place)} ${recurrence === 'ongoing' ? 'recurring' : 'one-time'}`, recurrence === 'ongoing' ? { recurrence } : { recurrence, untilPhaseId: null });
}

/** How far a recurring line continues: through a later phase, or its own phase only (null). */
export function setLineUntil(line: AllocationRow, place: LinePlace, until: Named | null): PlanCommand<ChangeSet> {
  const untilPhaseId = until === null || until.id === line.phaseId ? null : until.id;
  return changeLine(line, place, untilPhaseId === null ? `Keep ${lineName(place)} to ${place.phaseName}` : `Continue ${lineName(place)} through ${until?.name ?? 'a later phase'}`, { untilPhaseId });
}

/** Whether a wave's line goes to each school in the wave (true) or to the wave as a whole. */
export function setLinePerSchool(line: AllocationRow, place: LinePlace, perSchool: boolean): PlanCommand<ChangeSet> {
  return changeLine(line, place, perSchool ? `Give ${lineName(place)} to each school in the wave` : `Give ${lineName(place)} to the wave as a whole`, { perSchool });
}

/** What one FTE of a staff line costs a year, and its yearly increase; null when the money is not worked out from the staffing. */
export function setLineStaffCost(line: AllocationRow, place: LinePlace, staffCost: StaffCost | null, field: 'cost' | 'increase'): PlanCommand<ChangeSet> {
  return changeLine(line, place, field === 'cost' ? `Change the cost per FTE of ${lineName(place)}` : `Change the yearly increase of ${lineName(place)}`, { staffCost }, `staffCost.${field}`);
}

export function setLineArea(line: AllocationRow, place: LinePlace, areaId: string | null): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Change the area of ${lineName(place)}`, { areaId });
}

export function setLineFlexible(line: AllocationRow, place: LinePlace, flexible: boolean): PlanCommand<ChangeSet> {
  return changeLine(line, place, flexible ? `Make ${lineName(place)} flexible` : `Make ${lineName(place)} a fixed line`, { flexible });
}

export function setLineNote(line: AllocationRow, place: LinePlace, note: string): PlanCommand<ChangeSet> {
  return changeLine(line, place, `Edit the note on ${lineName(place)}`, { note: note.trim() }, 'note');
}

/** Deletes one line of a cell, saying what went (with Undo). */
export function deleteLine(planId: string, line: AllocationRow, place: LinePlace): PlanCommand<ChangeSet> {
  return {
    label: `Delete ${lineName(place)}${where(place)}`,
    announce: `Deleted a line of ${amountText(line.kind, line.amount)}${where(place)}.`,
    write: ({ store }) => store.deleteAllocations(planId, [line.id]),
  };
}

// ——— From a spreadsheet ———

/**
 * Writes the lines an allocations sheet changes and adds (checked by the domain's
 * readAllocationSheet) in one step, with one Undo; lines the sheet does not name stay.
 */
export function importAllocations(planId: string, lines: readonly AllocationRow[]): PlanCommand<{ added: number; updated: number; change: ChangeSet }> {
  return {
    label: 'Import allocations from a spreadsheet',
    announce: (r) => `Imported allocations: ${plural(r.updated, 'line')} changed, ${plural(r.added, 'line')} added.`,
    write: ({ store }) => store.importAllocations(planId, lines),
  };
}

// ——— Funding sources ———

/**
 * Adds a funding source at the end of the list, for the whole plan: from the first phase's
 * start to the last phase's end (the day the plan was made when it has no phases).
 */
export function addFundingSource(plan: Pick<Plan, 'id' | 'createdAt'>, phases: readonly Pick<Phase, 'start' | 'end'>[]): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  const start = phases[0]?.start ?? plan.createdAt.slice(0, 10);
  const end = phases.at(-1)?.end ?? start;
  return {
    id,
    label: 'Add a funding source',
    write: ({ store }) => store.addFundingSource({ id, planId: plan.id, name: 'New funding source', amountCents: 0, type: 'other', start, end, obligateBy: null, notes: '' }),
  };
}

const quoted = (source: Pick<FundingSource, 'name'>) => `“${source.name}”`;

function changeSource(source: FundingSource, label: string, key: string, changes: Partial<Omit<FundingSource, 'id' | 'planId' | 'order'>>): PlanCommand<ChangeSet> {
  return { label, field: `fundingSource.${source.id}.${key}`, write: ({ store }) => store.updateFundingSource(source.id, changes) };
}

export function renameFundingSource(source: FundingSource, name: string): PlanCommand<ChangeSet> {
  return changeSource(source, `Rename funding source ${quoted(source)}`, 'name', { name: name.trim() });
}

export function setFundingSourceAmount(source: FundingSource, amountCents: number): PlanCommand<ChangeSet> {
  return changeSource(source, `Change the amount of ${quoted(source)}`, 'amount', { amountCents });
}

export function setFundingSourceStart(source: FundingSource, start: string): PlanCommand<ChangeSet> {
  return changeSource(source, `Change the start of ${quoted(source)}`, 'start', { start });
}

/** The last day money may be spent: the spend-by date of a grant, the end of any other source. */
export function setFundingSourceEnd(source: FundingSource, end: string): PlanCommand<ChangeSet> {
  return changeSource(source, isGrantType(source.type) ? `Change the spend-by date of ${quoted(source)}` : `Change the end of ${quoted(source)}`, 'end', { end });
}

/** The last day a grant's money may be committed; null when not stated. */
export function setFundingSourceObligateBy(source: FundingSource, obligateBy: string | null): PlanCommand<ChangeSet> {
  return changeSource(source, `Change the obligate-by date of ${quoted(source)}`, 'obligateBy', { obligateBy });
}

/** What kind of money a source is (federal formula, a one-time grant, state, local …); only grants keep an obligate-by date. */
export function setFundingSourceType(source: FundingSource, type: FundingType): PlanCommand<ChangeSet> {
  return { label: `Make ${quoted(source)} ${FUNDING_TYPE_LABELS[type]}`, write: ({ store }) => store.updateFundingSource(source.id, isGrantType(type) ? { type } : { type, obligateBy: null }) };
}

export function setFundingSourceNotes(source: FundingSource, notes: string): PlanCommand<ChangeSet> {
  return changeSource(source, `Edit the notes on ${quoted(source)}`, 'notes', { notes });
}

/** Moves a funding source one place up (-1) or down (1) the list. */
export function moveFundingSource(source: FundingSource, direction: -1 | 1): PlanCommand<ChangeSet> {
  return {
    label: `Move funding source ${quoted(source)} ${direction < 0 ? 'up' : 'down'}`,
    write: ({ store }) => store.moveFundingSource(source.id, direction),
  };
}

/** Deletes a funding source; what it paid for stays, on the district's budget (said, with Undo). */
export function deleteFundingSource(source: FundingSource): PlanCommand<ChangeSet> {
  return {
    label: `Delete funding source ${quoted(source)}`,
    announce: `Deleted funding source ${quoted(source)}. What it paid for is now on the district budget.`,
    write: ({ store }) => store.deleteFundingSource(source.id),
  };
}
