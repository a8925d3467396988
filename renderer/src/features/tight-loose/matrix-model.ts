/**
 * The tight & loose matrix as plain data: cell lookups, the words a cell is read with, and the
 * keyboard moves of the grid. No React here, so all of it is unit-tested.
 */
import { format, parseISO } from 'date-fns';
import { stanceShifts } from '../../domain/roadmap-rules';
import type { Phase, Stance, StanceValue } from '../../domain/schemas';

export const STANCE_LABELS: Record<StanceValue, string> = { tight: 'Tight', shared: 'Shared', loose: 'Loose' };

/** What a stance means, in a planner's words. */
export const STANCE_MEANINGS: Record<StanceValue, string> = {
  tight: 'the central office decides',
  shared: 'the central office and schools decide together',
  loose: 'each school decides',
};

export const NOT_SET = 'Not set';

export function stanceLabel(stance: StanceValue | null | undefined): string {
  return stance ? STANCE_LABELS[stance] : NOT_SET;
}

/** The key of one cell (one area in one phase) in the lookups below. */
export function cellKey(areaId: string, phaseId: string): string {
  return `${areaId}|${phaseId}`;
}

/** Every stance record by its cell. */
export function stanceLookup(stances: readonly Stance[]): Map<string, Stance> {
  return new Map(stances.map((s) => [cellKey(s.areaId, s.phaseId), s]));
}

/** The cells where an area's stance differs from the phase before (unset phases skipped), with the stance it was. */
export function shiftLookup(phaseIds: readonly string[], areaIds: readonly string[], stances: readonly Stance[]): Map<string, StanceValue> {
  return new Map(stanceShifts(phaseIds, areaIds, stances).map((s) => [cellKey(s.areaId, s.phaseId), s.from]));
}

/** How a cell is read aloud: "Curriculum, Pilot: Tight (changed from Loose)". */
export function cellLabel(areaName: string, phaseName: string, stance: StanceValue | null, shiftedFrom?: StanceValue | null): string {
  const shift = shiftedFrom ? ` (changed from ${STANCE_LABELS[shiftedFrom]})` : '';
  return `${areaName}, ${phaseName}: ${stanceLabel(stance)}${shift}`;
}

/** The undo label of a stance change: "Set Curriculum to Tight in Pilot". */
export function stanceEditLabel(areaName: string, phaseName: string, stance: StanceValue | null): string {
  return stance ? `Set ${areaName} to ${STANCE_LABELS[stance]} in ${phaseName}` : `Clear the stance of ${areaName} in ${phaseName}`;
}

/**
 * "Aug 2026 – Jul 2027": a phase's span, short enough for a column header. Month and year are
 * joined by a no-break space, so a narrow column wraps only after the dash.
 */
export function phaseSpan(phase: Pick<Phase, 'start' | 'end'>): string {
  const start = parseISO(phase.start);
  const end = parseISO(phase.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  return `${format(start, 'MMM\u00a0yyyy')} – ${format(end, 'MMM\u00a0yyyy')}`;
}

/**
 * The stance a key sets: T, S and L set Tight, Shared and Loose, Delete and Backspace clear it
 * (null). Undefined for any other key.
 */
export function stanceForKey(key: string): StanceValue | null | undefined {
  switch (key.toLowerCase()) {
    case 't': return 'tight';
    case 's': return 'shared';
    case 'l': return 'loose';
    case 'delete':
    case 'backspace': return null;
    default: return undefined;
  }
}

/** The phase before `phaseId` (in the order given) where the area had a stance, or null. */
export function previousStance(
  areaId: string, phaseId: string, phaseIds: readonly string[], lookup: ReadonlyMap<string, Pick<Stance, 'stance'>>,
): { phaseId: string; stance: StanceValue } | null {
  const index = phaseIds.indexOf(phaseId);
  for (let i = index - 1; i >= 0; i -= 1) {
    const id = phaseIds[i] as string;
    const stance = lookup.get(cellKey(areaId, id))?.stance ?? null;
    if (stance !== null) return { phaseId: id, stance };
  }
  return null;
}

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/** How many rows Page Up and Page Down move. */
export const PAGE_ROWS = 5;

/** The position inside a grid of `size` nearest to `pos` (0,0 for an empty grid). */
export function clampPosition(pos: GridPosition, size: GridSize): GridPosition {
  const clamp = (n: number, count: number) => Math.max(0, Math.min(count - 1, n));
  return { row: clamp(pos.row, size.rows), col: clamp(pos.col, size.cols) };
}

/**
 * Where focus goes for a navigation key in the grid (ARIA grid pattern): arrows move one cell
 * and stop at the edges, Home and End go to the first and last cell of the row, Ctrl+Home and
 * Ctrl+End to the first and last cell of the grid, Page Up and Page Down a few rows. Null for a
 * key that does not navigate.
 */
export function moveInGrid(pos: GridPosition, key: string, size: GridSize, ctrl = false): GridPosition | null {
  if (size.rows <= 0 || size.cols <= 0) return null;
  const { row, col } = clampPosition(pos, size);
  let next: GridPosition;
  switch (key) {
    case 'ArrowUp': next = { row: row - 1, col }; break;
    case 'ArrowDown': next = { row: row + 1, col }; break;
    case 'ArrowLeft': next = { row, col: col - 1 }; break;
    case 'ArrowRight': next = { row, col: col + 1 }; break;
    case 'Home': next = ctrl ? { row: 0, col: 0 } : { row, col: 0 }; break;
    case 'End': next = ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { row, col: size.cols - 1 }; break;
    case 'PageUp': next = { row: row - PAGE_ROWS, col }; break;
    case 'PageDown': next = { row: row + PAGE_ROWS, col }; break;
    default: return null;
  }
  return clampPosition(next, size);
}

/** Stances pressed but not yet back from storage, by cell key; null clears a cell. */
export type PendingStances = ReadonlyMap<string, StanceValue | null>;

/**
 * The stances as the planner should see them: the stored ones with the pressed-but-unsaved
 * ones laid over, so a key press shows at once. A cell with no stored record gets a stand-in.
 */
export function withPending(stances: readonly Stance[], pending: PendingStances): Stance[] {
  if (pending.size === 0) return stances as Stance[];
  const seen = new Set<string>();
  const shown = stances.map((s) => {
    const key = cellKey(s.areaId, s.phaseId);
    seen.add(key);
    return pending.has(key) ? { ...s, stance: pending.get(key) ?? null } : s;
  });
  for (const [key, stance] of pending) {
    if (seen.has(key)) continue;
    const [areaId = '', phaseId = ''] = key.split('|');
    shown.push({ id: `pending:${key}`, planId: '', areaId, phaseId, stance, rationale: '', owner: '', guardrails: '' });
  }
  return shown;
}

/** The pending stances storage has not caught up with yet; the same map when nothing settled. */
export function unsettled(pending: PendingStances, stored: ReadonlyMap<string, Stance>): PendingStances {
  let next: Map<string, StanceValue | null> | null = null;
  for (const [key, stance] of pending) {
    if ((stored.get(key)?.stance ?? null) === stance) {
      next ??= new Map(pending);
      next.delete(key);
    }
  }
  return next ?? pending;
}
