/**
 * The resources grid as plain data: which rows are on screen, where a key moves or what it
 * does while a cell is being edited, and the words a cell is read with. No React here, so all
 * of it is unit-tested.
 */
import { ALLOCATION_KIND_LABELS } from '../../domain/schemas';
import { amountText, clearsCell, formatAmount, hasOwnLines, type AllocationKind, type GridCell } from '../../domain/resource-rules';
import { moveInGrid, type GridPosition, type GridSize } from '../../components/grid-navigation';

// ——— Windowing ———

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/**
 * The rows to render for a scroll position: those in view, plus `overscan` rows above and
 * below so a quick scroll does not show blank space. Rows all have the same height; `top` is
 * how far the body is scrolled, `height` how much of it is in view.
 */
export function rowWindow(top: number, height: number, rowHeight: number, count: number, overscan = 4): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.max(0, Math.min(count, last + overscan)) };
}

/** The scroll position that brings row `row` fully into a view of `height`, or `top` if it already is. */
export function scrollToRow(top: number, height: number, rowHeight: number, row: number): number {
  const rowTop = row * rowHeight;
  if (rowTop < top) return rowTop;
  if (rowTop + rowHeight > top + height) return Math.max(0, rowTop + rowHeight - height);
  return top;
}

// ——— Keys ———

/**
 * Where focus goes for a navigation key: as in the tight & loose matrix, except that Page Up
 * and Page Down move by `pageRows` (what is in view). Null for a key that does not navigate.
 */
export function gridMove(pos: GridPosition, key: string, size: GridSize, ctrl: boolean, pageRows: number): GridPosition | null {
  if (key === 'PageUp' || key === 'PageDown') {
    if (size.rows <= 0 || size.cols <= 0) return null;
    const step = Math.max(1, pageRows) * (key === 'PageUp' ? -1 : 1);
    return { row: Math.max(0, Math.min(size.rows - 1, pos.row + step)), col: Math.max(0, Math.min(size.cols - 1, pos.col)) };
  }
  return moveInGrid(pos, key, size, ctrl);
}

/** Whether a key typed on a cell starts editing it (and becomes its first character): digits, "$", "." and ",". */
export function startsTyping(key: string, modifiers: { ctrl: boolean; alt: boolean }): boolean {
  return !modifiers.ctrl && !modifiers.alt && /^[0-9$.,]$/.test(key);
}

/**
 * How a cell is being edited: 'typing' when a typed character started it (arrow keys then
 * save and move, as in a spreadsheet), 'editing' after Enter or F2 (arrow keys move the caret).
 */
export type EditMode = 'typing' | 'editing';

export type EditAction =
  | { kind: 'commit'; move: GridPosition | null }
  | { kind: 'cancel' };

/**
 * What a key does in the cell being edited: Enter saves and moves down (Shift+Enter up), Tab
 * and Shift+Tab save and move sideways, Escape cancels; in 'typing' mode the arrow keys save
 * and move. Moves stop at the edges of the editable cells (`size`). Null for keys that edit text.
 */
export function editKey(key: string, shift: boolean, mode: EditMode, pos: GridPosition, size: GridSize): EditAction | null {
  const to = (row: number, col: number): GridPosition => ({
    row: Math.max(0, Math.min(size.rows - 1, row)),
    col: Math.max(0, Math.min(size.cols - 1, col)),
  });
  switch (key) {
    case 'Escape': return { kind: 'cancel' };
    case 'Enter': return { kind: 'commit', move: to(pos.row + (shift ? -1 : 1), pos.col) };
    case 'Tab': return { kind: 'commit', move: to(pos.row, pos.col + (shift ? -1 : 1)) };
    default: break;
  }
  if (mode !== 'typing') return null;
  switch (key) {
    case 'ArrowUp': return { kind: 'commit', move: to(pos.row - 1, pos.col) };
    case 'ArrowDown': return { kind: 'commit', move: to(pos.row + 1, pos.col) };
    case 'ArrowLeft': return { kind: 'commit', move: to(pos.row, pos.col - 1) };
    case 'ArrowRight': return { kind: 'commit', move: to(pos.row, pos.col + 1) };
    default: return null;
  }
}

// ——— Words ———

/** The mark of an amount continued from an earlier phase. */
export const CONTINUED_MARK = '↳';

/**
 * The short line under a cell's amount: how the money recurs ("per year", "one-time" or
 * "mixed"), "×5" when its lines go to each of a wave's 5 schools, how many lines there are
 * when more than one, and what continues into the cell from earlier phases ("↳ +$80,000").
 * A cell holding only continued amounts says "continued". Flexible lines show as an icon.
 */
export function cellCaption(kind: AllocationKind, cell: GridCell | undefined, waveSchools: number | null = null): string {
  if (!cell) return '';
  if (!hasOwnLines(cell)) return cell.continued ? 'continued' : '';
  const parts: string[] = [];
  const count = cell.lineIds.length;
  if (kind === 'money') {
    if (cell.ongoing === count) parts.push('per year');
    else if (cell.oneTime === count) parts.push('one-time');
    else parts.push('mixed');
  }
  if ((cell.perSchool ?? 0) === count) parts.push(waveSchools === null ? 'each school' : `×${waveSchools}`);
  if (count > 1) parts.push(`${count} lines`);
  if (cell.continued) parts.push(`${CONTINUED_MARK} +${formatAmount(kind, cell.continued.amount)}`);
  return parts.join(' · ');
}

/** What a cell shows as its amount: its own lines, or "↳ $80,000" when it only shows amounts continued from earlier phases. */
export function cellAmount(kind: AllocationKind, cell: GridCell | undefined): string {
  if (!cell) return '';
  if (hasOwnLines(cell)) return formatAmount(kind, cell.amount);
  return cell.continued ? `${CONTINUED_MARK} ${formatAmount(kind, cell.continued.amount)}` : '';
}

/** What a cell's words need besides the cell: the wave's school count (null for other rows) and phase names. */
export interface CellContext {
  waveSchools: number | null;
  phaseName: (phaseId: string) => string;
}

function continuedText(kind: AllocationKind, cell: GridCell, context: CellContext | undefined): string {
  const continued = cell.continued;
  if (!continued) return '';
  const from = [...new Set(continued.fromPhaseIds)].map((id) => context?.phaseName(id) ?? 'an earlier phase');
  const yearly = kind === 'money' ? ' a year' : '';
  return `continued from ${from.join(' and ')}: ${amountText(kind, continued.amount)}${yearly} (edit it in ${from.join(' or ')})`;
}

/**
 * How a cell is read aloud: "Adams Elementary, Pilot: $50,000 a year, flexible",
 * "Wave 1, Pilot: $400,000 one-time for each of 5 schools ($2,000,000)", "Central office, Expand:
 * continued from Pilot: $475,000 a year (edit it in Pilot)" or "Central office, Scale: none".
 * `atOdds` adds that a flexible line contradicts a tight stance.
 */
export function cellLabel(rowName: string, phaseName: string, kind: AllocationKind, cell: GridCell | undefined, atOdds = false, context?: CellContext): string {
  if (!cell || (!hasOwnLines(cell) && !cell.continued)) return `${rowName}, ${phaseName}: none`;
  if (!hasOwnLines(cell)) return `${rowName}, ${phaseName}: ${continuedText(kind, cell, context)}`;
  const count = cell.lineIds.length;
  let text = amountText(kind, cell.amount);
  if (kind === 'money') {
    if (cell.ongoing === count) text += ' a year';
    else if (cell.oneTime === count) text += ' one-time';
    else text += ` (${cell.ongoing} recurring per year, ${cell.oneTime} one-time)`;
  }
  const schools = context?.waveSchools ?? null;
  if ((cell.perSchool ?? 0) === count && schools !== null) text += ` for each of ${schools} ${schools === 1 ? 'school' : 'schools'} (${amountText(kind, cell.amount * schools)})`;
  else if ((cell.perSchool ?? 0) > 0) text += `, ${cell.perSchool} for each school`;
  if (count > 1) text += `, ${count} lines`;
  if (cell.flexible > 0) text += count > 1 ? `, ${cell.flexible} flexible` : ', flexible';
  if (atOdds) text += ', a flexible line where the area is held tight';
  if (cell.continued) text += `; ${continuedText(kind, cell, context)}`;
  return `${rowName}, ${phaseName}: ${text}`;
}

/** The text a cell's editor starts with after Enter or F2: its amount as shown. */
export function editText(kind: AllocationKind, cell: GridCell | undefined): string {
  return cell && hasOwnLines(cell) ? formatAmount(kind, cell.amount) : '';
}

/** The undo label of a cell edit: "Set Money for Central office in Pilot to $120,000". */
export function cellEditLabel(kind: AllocationKind, rowName: string, phaseName: string, amount: number | null): string {
  const what = ALLOCATION_KIND_LABELS[kind];
  return clearsCell(amount)
    ? `Clear ${what} for ${rowName} in ${phaseName}`
    : `Set ${what} for ${rowName} in ${phaseName} to ${amountText(kind, amount)}`;
}
