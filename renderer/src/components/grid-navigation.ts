/** Keyboard moves inside a grid (the ARIA grid pattern), as plain data, shared by every grid in the app. */

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
