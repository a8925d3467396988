import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useRunCommand } from '../../app/plan-history';
import { usePendingValues } from '../../components/use-pending-values';
import { clearsCell, gridCellKey, gridCells, gridTotals, type AllocationKind, type NewLineDefaults, type RecipientRow } from '../../domain/resource-rules';
import type { AllocationRow } from '../../domain/schemas';
import { AllocationGrid, type GridPhase } from './AllocationGrid';
import { setCell } from './commands';
import { cellStored, pendingKey, storedCellsOf, withPendingCells, withPendingTotals, type PendingCell } from './pending-cells';

export interface EditableGridProps {
  planId: string;
  rows: readonly RecipientRow[];
  phases: readonly GridPhase[];
  kind: AllocationKind;
  allocations: readonly AllocationRow[];
  /** How many school years each phase pays recurring money for. */
  yearsByPhase: ReadonlyMap<string, number>;
  /** Schools per wave id (a wave's line may go to each of them). */
  schoolsByWave: Readonly<Record<string, number>>;
  atOdds: ReadonlySet<string>;
  /** How a line typed into an empty cell is paid for and whether it recurs. */
  defaults: NewLineDefaults;
  onActiveChange: (rowKey: string | null, phaseId: string | null) => void;
  /** Enter, typing or Delete on a cell of `count` lines: they are edited beside the grid. */
  onOpenLines: (row: RecipientRow, phase: GridPhase, count: number) => void;
  /** Enter, typing or Delete on a cell showing only amounts continued from `from`: the focus has gone there. */
  onContinued: (row: RecipientRow, phase: GridPhase, from: GridPhase) => void;
  /** Says something in the section's live region. */
  speak: (text: string) => void;
  labelledBy: string;
  describedBy: string;
}

/**
 * The grid as the planner edits it: each amount typed is set through its command and shows at
 * once in its cell and in its row and phase totals, over what storage holds, until storage has
 * it. What is typed lives here, so a write finishing or storage catching up re-renders the grid
 * alone, not the section around it.
 */
export const EditableGrid = memo(function EditableGrid({
  planId, rows, phases, kind, allocations, yearsByPhase, schoolsByWave, atOdds, defaults, onActiveChange, onOpenLines, onContinued, speak, labelledBy, describedBy,
}: EditableGridProps) {
  const run = useRunCommand();
  const phaseIds = useMemo(() => phases.map((p) => p.id), [phases]);
  const stored = useMemo(() => gridCells(allocations, kind, phaseIds), [allocations, kind, phaseIds]);
  const isStored = useMemo(() => cellStored(storedCellsOf(allocations, kind, stored)), [allocations, kind, stored]);
  // The same map while the amounts on show are the same: only a change on screen re-renders the grid.
  const { pending: typed, hold } = usePendingValues<PendingCell>(isStored);
  const cells = useMemo(() => withPendingCells(stored, typed, kind), [stored, typed, kind]);
  const storedSums = useMemo(() => gridTotals(allocations, kind, yearsByPhase, phaseIds, schoolsByWave), [allocations, kind, yearsByPhase, phaseIds, schoolsByWave]);
  const totals = useMemo(() => withPendingTotals(storedSums, stored, typed, kind, yearsByPhase, schoolsByWave), [storedSums, stored, typed, kind, yearsByPhase, schoolsByWave]);

  // The latest values, for callbacks that stay the same from render to render (so the grid does not re-render).
  const latest = useRef({ kind, cells, defaults });
  useEffect(() => {
    latest.current = { kind, cells, defaults };
  });

  const onCommit = useCallback((row: RecipientRow, phase: GridPhase, amount: number | null) => {
    const { kind: k, cells: shown, defaults: d } = latest.current;
    const cellKey = gridCellKey(row.key, phase.id);
    const command = setCell(planId, row, phase, k, shown.get(cellKey), amount, d);
    void hold(pendingKey(k, cellKey), { kind: k, lineId: command.lineId, amount, recurrence: d.recurrence }, run(command)).then((done) => {
      if (done && clearsCell(amount)) speak(`Cleared ${row.name}, ${phase.name}.`);
    });
  }, [run, hold, planId, speak]);

  const openLines = useCallback((row: RecipientRow, phase: GridPhase) => {
    onOpenLines(row, phase, latest.current.cells.get(gridCellKey(row.key, phase.id))?.lineIds.length ?? 0);
  }, [onOpenLines]);

  return (
    <AllocationGrid
      rows={rows}
      phases={phases}
      kind={kind}
      cells={cells}
      totals={totals}
      atOdds={atOdds}
      onActiveChange={onActiveChange}
      onCommit={onCommit}
      onOpenLines={openLines}
      onContinued={onContinued}
      schoolsByWave={schoolsByWave}
      labelledBy={labelledBy}
      describedBy={describedBy}
    />
  );
});
