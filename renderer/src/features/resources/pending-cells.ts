/**
 * Cell amounts typed but not yet back from storage (held by usePendingValues), laid over the
 * stored ones so an edit shows at once, with its row and phase totals. Plain data, unit-tested.
 */
import type { IsStored } from '../../components/use-pending-values';
import { clearsCell, gridCells, lineTotal, splitGridCellKey, type AllocationKind, type GridCell, type GridTotals } from '../../domain/resource-rules';
import type { AllocationRow } from '../../domain/schemas';

export interface PendingCell {
  kind: AllocationKind;
  /** The cell's line, or the id its new line takes. */
  lineId: string;
  /** The amount typed; nothing or zero clears the cell. */
  amount: number | null;
  recurrence: AllocationRow['recurrence'];
}

/** By `${kind}|${gridCellKey}`. */
export type PendingCells = ReadonlyMap<string, PendingCell>;

/** The stored cells of one kind, by gridCellKey. */
export type CellsOf = (kind: AllocationKind) => ReadonlyMap<string, GridCell>;

/** The key of a typed amount: its kind and its cell. */
export const pendingKey = (kind: AllocationKind, cellKey: string) => `${kind}|${cellKey}`;

/** The cell a pending key of `kind` is for. */
const cellOf = (key: string, kind: AllocationKind) => key.slice(kind.length + 1);

/** The cells of `kind` as the planner should see them: stored, with typed amounts laid over. */
export function withPendingCells(stored: ReadonlyMap<string, GridCell>, pending: PendingCells, kind: AllocationKind): ReadonlyMap<string, GridCell> {
  let shown: Map<string, GridCell> | null = null;
  for (const [key, p] of pending) {
    if (p.kind !== kind) continue;
    shown ??= new Map(stored);
    const cellKey = cellOf(key, kind);
    const current = stored.get(cellKey);
    if (clearsCell(p.amount)) shown.delete(cellKey);
    else if (current) shown.set(cellKey, { ...current, amount: p.amount });
    else shown.set(cellKey, { amount: p.amount, lineIds: [p.lineId], ongoing: p.recurrence === 'ongoing' ? 1 : 0, oneTime: p.recurrence === 'one-time' ? 1 : 0, flexible: 0 });
  }
  return shown ?? stored;
}

/**
 * The stored cells of every kind, each worked out once and only when asked for: those of the
 * kind on show are already at hand, and a typed amount of another kind (the planner switched
 * while it was saving) is rare.
 */
export function storedCellsOf(allocations: readonly AllocationRow[], kind: AllocationKind, cells: ReadonlyMap<string, GridCell>): CellsOf {
  const known = new Map<AllocationKind, ReadonlyMap<string, GridCell>>([[kind, cells]]);
  return (k) => {
    const found = known.get(k) ?? gridCells(allocations, k);
    known.set(k, found);
    return found;
  };
}

/** Whether storage holds what was typed into a cell: its amount, or no line at all when the amount clears it. */
export function cellStored(cellsOf: CellsOf): IsStored<PendingCell> {
  return (key, p) => {
    const stored = cellsOf(p.kind).get(cellOf(key, p.kind));
    const storedAmount = stored && stored.lineIds.length > 0 ? stored.amount : null;
    return storedAmount === (clearsCell(p.amount) ? null : p.amount);
  };
}

/**
 * The grid's totals with typed amounts laid over too, so a row and its phase total move with
 * the cell at once instead of after storage has answered. A cell of several lines is never
 * typed into, so a pending cell holds at most one stored line. (A line that continues into
 * later phases moves their totals once storage has it.)
 */
export function withPendingTotals(
  totals: GridTotals, stored: ReadonlyMap<string, GridCell>, pending: PendingCells, kind: AllocationKind, yearsByPhase: ReadonlyMap<string, number>,
  schoolsByWave: Readonly<Record<string, number>> = {},
): GridTotals {
  let adjusted: GridTotals | null = null;
  for (const [key, p] of pending) {
    if (p.kind !== kind) continue;
    const cellKey = cellOf(key, kind);
    const { rowKey, phaseId } = splitGridCellKey(cellKey);
    const years = yearsByPhase.get(phaseId);
    const current = stored.get(cellKey);
    if (years === undefined || (current && current.lineIds.length > 1)) continue;
    const recurrence = current ? (current.ongoing > 0 ? 'ongoing' : 'one-time') : p.recurrence;
    // A line for each school of a wave counts once per school.
    const times = current && (current.perSchool ?? 0) > 0 && rowKey.startsWith('wave:') ? schoolsByWave[rowKey.slice('wave:'.length)] ?? 0 : 1;
    const before = current ? lineTotal({ kind, amount: current.amount, recurrence }, years, times) : 0;
    const after = clearsCell(p.amount) ? 0 : lineTotal({ kind, amount: p.amount, recurrence }, years, times);
    if (after === before) continue;
    adjusted ??= { byRow: new Map(totals.byRow), byPhase: new Map(totals.byPhase), total: totals.total };
    adjusted.byRow.set(rowKey, (adjusted.byRow.get(rowKey) ?? 0) + after - before);
    adjusted.byPhase.set(phaseId, (adjusted.byPhase.get(phaseId) ?? 0) + after - before);
    adjusted.total += after - before;
  }
  return adjusted ?? totals;
}
