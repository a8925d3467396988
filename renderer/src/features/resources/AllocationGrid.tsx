import { memo, useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { ALLOCATION_KIND_LABELS } from '../../domain/schemas';
import { amountText, clearsCell, formatAmount, gridCellKey, hasOwnLines, parseAmount, type AllocationKind, type GridCell, type GridTotals, type RecipientRow } from '../../domain/resource-rules';
import { clampPosition, type GridPosition } from '../../components/grid-navigation';
import { cellIcon } from '../../components/stance-icons';
import { cellAmount, cellCaption, cellLabel, editKey, editText, gridMove, rowWindow, scrollToRow, startsTyping, type CellContext, type EditMode } from './grid-model';
import { colors } from '../../app/theme';

export interface GridPhase {
  id: string;
  name: string;
  /** "Aug 2027 – Jul 2028". */
  span: string;
}

export interface AllocationGridProps {
  rows: readonly RecipientRow[];
  phases: readonly GridPhase[];
  kind: AllocationKind;
  /** The cells of `kind`, by gridCellKey. */
  cells: ReadonlyMap<string, GridCell>;
  totals: GridTotals;
  /** Cells holding a flexible line whose area the plan holds tight in that phase. */
  atOdds: ReadonlySet<string>;
  /** The cell in focus (or last in focus) changed; null ids for a total. */
  onActiveChange: (rowKey: string | null, phaseId: string | null) => void;
  /** Saves a typed amount (null clears the cell). */
  onCommit: (row: RecipientRow, phase: GridPhase, amount: number | null) => void;
  /** Enter, typing or Delete on a cell with several lines: they are edited in the details. */
  onOpenLines: (row: RecipientRow, phase: GridPhase) => void;
  /**
   * Enter, typing or Delete on a cell that only shows amounts continued from an earlier phase:
   * the focus has gone to that phase's cell, where the line is edited.
   */
  onContinued: (row: RecipientRow, phase: GridPhase, from: GridPhase) => void;
  /** Schools per wave id (a wave's line may go to each of them). */
  schoolsByWave: Readonly<Record<string, number>>;
  labelledBy: string;
  describedBy: string;
}

/** Every row has the same height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 68;
const FOOTER_HEIGHT = 52;
const RECIPIENT_PX = 232;
const PHASE_MIN_PX = 112;
const TOTAL_PX = 124;
/** Height assumed before the scroll box is measured. */
const FIRST_VIEW_PX = 560;

interface Editing {
  row: number;
  col: number;
  text: string;
  mode: EditMode;
}

const FOCUS_RING = { outline: `3px solid ${colors.primary}`, outlineOffset: '-3px', boxShadow: `inset 0 0 0 5px ${colors.white}` };

/** Styles for the whole grid, written once as global rules scoped to .rs-grid (see StanceMatrix). */
const gridStyles = (theme: Theme) => {
  const line = `1px solid ${theme.palette.divider}`;
  return {
    '.rs-scroll': {
      overflow: 'auto',
      border: line,
      borderRadius: 4,
      backgroundColor: theme.palette.background.paper,
      position: 'relative',
      // What changes inside the grid (a cell typed into, rows scrolled in) is laid out inside it
      // alone, not the page: its height is set from its rows (see AllocationGrid), not from its content.
      contain: 'strict',
      // A cell scrolled to by the browser (on focus) clears the sticky header, totals and names.
      scrollPaddingTop: HEADER_HEIGHT,
      scrollPaddingBottom: FOOTER_HEIGHT,
      scrollPaddingLeft: RECIPIENT_PX,
    },
    '.rs-grid': { position: 'relative', fontSize: '0.875rem' },
    '.rs-grid [role="row"]': { display: 'grid', boxSizing: 'border-box' },
    '.rs-grid .rs-head': { position: 'sticky', top: 0, zIndex: 3, height: HEADER_HEIGHT, backgroundColor: theme.palette.grey[100] },
    '.rs-grid .rs-body': { position: 'relative' },
    '.rs-grid .rs-body [role="row"]': { position: 'absolute', left: 0, right: 0, height: ROW_HEIGHT },
    '.rs-grid .rs-foot': { position: 'sticky', bottom: 0, zIndex: 3, height: FOOTER_HEIGHT, backgroundColor: theme.palette.grey[100] },
    '.rs-grid [role="columnheader"], .rs-grid [role="rowheader"], .rs-grid [role="gridcell"]': {
      boxSizing: 'border-box', borderRight: line, borderBottom: line, padding: '6px 10px', minWidth: 0, overflow: 'hidden',
    },
    '.rs-grid [role="columnheader"]': { fontWeight: 600, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', textAlign: 'right' },
    '.rs-grid [role="columnheader"]:first-of-type': { textAlign: 'left' },
    '.rs-grid .rs-span': { display: 'block', fontWeight: 400, fontSize: '0.75rem', lineHeight: 1.3, color: theme.palette.text.secondary },
    '.rs-grid [role="rowheader"], .rs-grid [role="columnheader"]:first-of-type': {
      position: 'sticky', left: 0, zIndex: 2, backgroundColor: theme.palette.background.paper, borderRight: `2px solid ${theme.palette.divider}`,
    },
    '.rs-grid .rs-head [role="columnheader"]:first-of-type, .rs-grid .rs-foot [role="rowheader"]': { backgroundColor: theme.palette.grey[100] },
    '.rs-grid .rs-name': { display: 'block', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '.rs-grid .rs-detail': { display: 'block', fontSize: '0.75rem', color: theme.palette.text.secondary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '.rs-grid [role="row"][data-level="wave"] [role="rowheader"]': { backgroundColor: theme.palette.grey[50] },
    '.rs-grid [role="gridcell"]': { textAlign: 'right', cursor: 'cell', fontVariantNumeric: 'tabular-nums', position: 'relative' },
    '.rs-grid [role="gridcell"][data-total]': { backgroundColor: theme.palette.grey[50], fontWeight: 600, cursor: 'default' },
    '.rs-grid .rs-foot [role="gridcell"]': { backgroundColor: theme.palette.grey[100], fontWeight: 700 },
    '.rs-grid .rs-line': { display: 'flex', alignItems: 'center', gap: 2 },
    '.rs-grid .rs-amount': { display: 'block', marginLeft: 'auto', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
    '.rs-grid .rs-caption': { display: 'block', fontSize: '0.75rem', color: theme.palette.text.secondary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '.rs-grid .rs-odds': { color: theme.palette.warning.main },
    '.rs-grid [data-continued] .rs-amount': { fontWeight: 400, fontStyle: 'italic', color: theme.palette.text.secondary },
    '.rs-grid .rs-line > .rs-odds, .rs-grid .rs-line > .rs-flex': { display: 'inline-flex', flexShrink: 0 },
    '.rs-grid .rs-line svg': { width: '1rem', height: '1rem', fill: 'currentColor', flexShrink: 0 },
    '.rs-grid [data-active]': { boxShadow: `inset 0 0 0 2px ${theme.palette.primary.main}` },
    '.rs-grid [role="gridcell"]:focus': FOCUS_RING,
    '.rs-grid .rs-input': {
      width: '100%', boxSizing: 'border-box', font: 'inherit', fontWeight: 600, textAlign: 'right', padding: '4px 6px',
      border: `2px solid ${theme.palette.primary.main}`, borderRadius: 4, outline: 'none', backgroundColor: colors.white, color: theme.palette.text.primary,
    },
    '.rs-grid .rs-input[aria-invalid="true"]': { borderColor: theme.palette.error.main },
    '.rs-key': {
      display: 'flex', flexWrap: 'wrap', columnGap: 20, rowGap: 4, listStyle: 'none', padding: 0, margin: '8px 0 0', fontSize: '0.8125rem',
      '& li': { display: 'inline-flex', alignItems: 'center', gap: 4 },
      '& .rs-odds': { color: theme.palette.warning.main, display: 'inline-flex' },
      '& .rs-flex': { display: 'inline-flex' },
      '& svg': { width: '1rem', height: '1rem', fill: 'currentColor' },
    },
    '.rs-problem': { display: 'flex', alignItems: 'center', gap: 6, color: theme.palette.error.main, fontSize: '0.875rem', fontWeight: 600, '&:not(:empty)': { marginTop: 6 } },
  } as const;
};

const GridStyles = memo(function GridStyles() {
  return <GlobalStyles styles={gridStyles} />;
});

/** The marks of a cell (bare SVGs: many cells may show them), explained in the key below the grid. */
const ODDS_PATH = 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z';
const ODDS_ICON = <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={ODDS_PATH} /></svg>;
const FLEXIBLE_ICON = cellIcon('loose');

/** What the marks in the cells mean. */
export function GridKey() {
  return (
    <ul className="rs-key" aria-label="Key to the grid">
      <li><span className="rs-flex">{FLEXIBLE_ICON}</span>A flexible line: the school decides how to spend it</li>
      <li><span className="rs-odds">{ODDS_ICON}</span>A flexible line in an area the plan holds tight</li>
      <li>“per year”: recurring money, paid in every school year of the phase</li>
      <li>“↳”: a recurring line continued from an earlier phase (edit it in that phase)</li>
      <li>“×” and a number: an amount for each school in the wave, counted once per school</li>
    </ul>
  );
}

interface GridRowProps {
  index: number;
  row: RecipientRow;
  phases: readonly GridPhase[];
  kind: AllocationKind;
  cells: ReadonlyMap<string, GridCell>;
  total: number;
  atOdds: ReadonlySet<string>;
  template: string;
  /** The column with the roving tab stop in this row, or -1. */
  activeCol: number;
  editing: Editing | null;
  problemId: string | null;
  context: CellContext;
  inputRef: RefObject<HTMLInputElement | null>;
  onEditChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onEditBlur: () => void;
}

const sameCell = (a: GridCell | undefined, b: GridCell | undefined) => a === b || (a !== undefined && b !== undefined
  && a.amount === b.amount && a.ongoing === b.ongoing && a.oneTime === b.oneTime && a.flexible === b.flexible && a.perSchool === b.perSchool
  && a.continued?.amount === b.continued?.amount && a.continued?.fromPhaseIds.join() === b.continued?.fromPhaseIds.join()
  && a.lineIds.length === b.lineIds.length && a.lineIds.every((id, i) => id === b.lineIds[i]));

/**
 * Whether a row would show the same: every prop the same, except the maps of all cells and of
 * cells at odds, where only this row's cells are compared. An edit re-renders its own row, not every row in view.
 */
function sameRow(before: GridRowProps, after: GridRowProps): boolean {
  for (const key of Object.keys(after) as (keyof GridRowProps)[]) {
    if (key !== 'cells' && key !== 'atOdds' && key !== 'context' && before[key] !== after[key]) return false;
  }
  if (before.context.waveSchools !== after.context.waveSchools || before.context.phaseName !== after.context.phaseName) return false;
  if (before.cells === after.cells && before.atOdds === after.atOdds) return true;
  return after.phases.every((phase) => {
    const key = gridCellKey(after.row.key, phase.id);
    return sameCell(before.cells.get(key), after.cells.get(key)) && before.atOdds.has(key) === after.atOdds.has(key);
  });
}

/** One recipient's row. Memoized (see sameRow): scrolling renders only the rows coming into view. */
const GridRow = memo(function GridRow({ index, row, phases, kind, cells, total, atOdds, template, activeCol, editing, problemId, context, inputRef, onEditChange, onEditBlur }: GridRowProps) {
  return (
    <div role="row" aria-rowindex={index + 2} data-level={row.recipient.kind} style={{ top: index * ROW_HEIGHT, gridTemplateColumns: template }}>
      <div role="rowheader" title={row.name}>
        <span className="rs-name">{row.name}</span>
        <span className="rs-detail">{row.detail}</span>
      </div>
      {phases.map((phase, col) => {
        const key = gridCellKey(row.key, phase.id);
        const cell = cells.get(key);
        const odds = atOdds.has(key);
        const isEditing = editing !== null && editing.col === col;
        return (
          <div
            key={phase.id}
            role="gridcell"
            data-row={index}
            data-col={col}
            data-active={activeCol === col ? '' : undefined}
            tabIndex={activeCol === col && !isEditing ? 0 : -1}
            aria-label={cellLabel(row.name, phase.name, kind, cell, odds, context)}
            data-continued={cell && !hasOwnLines(cell) && cell.continued ? '' : undefined}
          >
            {isEditing ? (
              <input
                ref={inputRef}
                className="rs-input"
                value={editing.text}
                onChange={onEditChange}
                onBlur={onEditBlur}
                inputMode="decimal"
                autoComplete="off"
                aria-label={`${ALLOCATION_KIND_LABELS[kind]} for ${row.name} in ${phase.name}`}
                aria-invalid={problemId !== null}
                aria-describedby={problemId ?? undefined}
              />
            ) : (
              <>
                <span className="rs-line">
                  {odds && <span className="rs-odds">{ODDS_ICON}</span>}
                  {cell && cell.flexible > 0 && <span className="rs-flex">{FLEXIBLE_ICON}</span>}
                  <span className="rs-amount">{cellAmount(kind, cell)}</span>
                </span>
                <span className="rs-caption">{cellCaption(kind, cell, context.waveSchools)}</span>
              </>
            )}
          </div>
        );
      })}
      <div role="gridcell" data-row={index} data-col={phases.length} data-total="" data-active={activeCol === phases.length ? '' : undefined} tabIndex={activeCol === phases.length ? 0 : -1} aria-label={`${row.name}, all phases: ${amountText(kind, total)}`}>
        <span className="rs-amount">{total > 0 ? formatAmount(kind, total) : ''}</span>
      </div>
    </div>
  );
}, sameRow);

/**
 * What each recipient gets in each phase (ARIA grid pattern), as a spreadsheet: arrows,
 * Home / End (Ctrl for the whole grid) and Page Up / Down move; typing a number starts editing
 * the cell, Enter or F2 edits what it holds; while editing, Enter saves and moves down, Tab
 * and Shift+Tab save and move sideways, Escape cancels; Delete clears a cell. Only the rows in
 * view are in the page (with their aria-rowindex), so a plan with hundreds of schools opens at once.
 */
export const AllocationGrid = memo(function AllocationGrid({
  rows, phases, kind, cells, totals, atOdds, onActiveChange, onCommit, onOpenLines, onContinued, schoolsByWave, labelledBy, describedBy,
}: AllocationGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const editingRef = useRef<Editing | null>(null);
  const [activeState, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(FIRST_VIEW_PX);
  const [barPx, setBarPx] = useState(0);
  const problemId = useId();
  // The words of each row's cells: the same object for a row while its wave's school count and the phases stay the same.
  const phaseNameRef = useRef<(id: string) => string>(() => 'an earlier phase');
  useEffect(() => {
    phaseNameRef.current = (id: string) => phases.find((p) => p.id === id)?.name ?? 'an earlier phase';
  });
  const phaseName = useCallback((id: string) => phaseNameRef.current(id), []);
  const contextOf = (row: RecipientRow): CellContext => ({ waveSchools: row.recipient.kind === 'wave' ? schoolsByWave[row.recipient.waveId] ?? 0 : null, phaseName });

  const size = { rows: rows.length + 1, cols: phases.length + 1 };
  const active = clampPosition(activeState, size);
  const bodyHeight = Math.max(ROW_HEIGHT, viewHeight - HEADER_HEIGHT - FOOTER_HEIGHT);
  const pageRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
  const template = `${RECIPIENT_PX}px repeat(${phases.length}, minmax(${PHASE_MIN_PX}px, 1fr)) ${TOTAL_PX}px`;
  const minWidth = RECIPIENT_PX + phases.length * PHASE_MIN_PX + TOTAL_PX;
  // Every row, the header and the totals, up to a screenful: the box's height does not wait on its content.
  const boxHeight = `min(${HEADER_HEIGHT + rows.length * ROW_HEIGHT + FOOTER_HEIGHT + 2 + barPx}px, 620px, calc(100vh - 220px))`;

  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return undefined;
    const observer = new ResizeObserver(() => {
      setViewHeight(box.clientHeight);
      // The horizontal scroll bar's height, when there is one (the box has a 1px border above and below).
      setBarPx(Math.max(0, box.offsetHeight - box.clientHeight - 2));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // The rows in view, plus the one with the tab stop and the one being edited, wherever they are.
  const view = rowWindow(scrollTop, bodyHeight, ROW_HEIGHT, rows.length);
  const shown: number[] = [];
  for (let i = view.start; i < view.end; i += 1) shown.push(i);
  for (const extra of [active.row, editing?.row ?? -1]) {
    if (extra >= 0 && extra < rows.length && !shown.includes(extra)) shown.push(extra);
  }
  shown.sort((a, b) => a - b);

  const cellAt = (target: EventTarget | null): GridPosition | null => {
    const cell = target instanceof Element ? target.closest<HTMLElement>('[data-row]') : null;
    if (!cell) return null;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  };
  const editable = (pos: GridPosition) => pos.row < rows.length && pos.col < phases.length;

  const activate = (pos: GridPosition) => {
    setActive(pos);
    onActiveChange(rows[pos.row]?.key ?? null, phases[pos.col]?.id ?? null);
  };

  /** Makes a cell the tab stop, brings it into view and focuses it. */
  const focusCell = (pos: GridPosition) => {
    flushSync(() => activate(pos));
    const box = scrollRef.current;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`);
    if (box && pos.row < rows.length) {
      const top = scrollToRow(box.scrollTop, box.clientHeight - HEADER_HEIGHT - FOOTER_HEIGHT, ROW_HEIGHT, pos.row);
      if (top !== box.scrollTop) box.scrollTop = top;
    }
    if (box && cell) {
      const left = cell.offsetLeft - RECIPIENT_PX;
      const right = cell.offsetLeft + cell.offsetWidth;
      if (left < box.scrollLeft) box.scrollLeft = Math.max(0, left);
      else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth;
    }
    cell?.focus();
  };

  /** A cell showing only amounts continued from an earlier phase: the focus goes to that phase's cell, where the line is edited. */
  const goToSource = (pos: GridPosition, cell: GridCell | undefined): boolean => {
    const row = rows[pos.row];
    const phase = phases[pos.col];
    if (!row || !phase || !cell || hasOwnLines(cell) || !cell.continued) return false;
    const col = phases.findIndex((p) => p.id === cell.continued?.fromPhaseIds[0]);
    const from = phases[col];
    if (!from) return false;
    focusCell({ row: pos.row, col });
    onContinued(row, phase, from);
    return true;
  };

  const beginEdit = (pos: GridPosition, text: string | null, mode: EditMode) => {
    const row = rows[pos.row];
    const phase = phases[pos.col];
    if (!row || !phase) return;
    const cell = cells.get(gridCellKey(row.key, phase.id));
    if (goToSource(pos, cell)) return;
    if (cell && cell.lineIds.length > 1) {
      onOpenLines(row, phase);
      return;
    }
    const next: Editing = { row: pos.row, col: pos.col, text: text ?? editText(kind, cell), mode };
    editingRef.current = next;
    setProblem(null);
    flushSync(() => setEditing(next));
    const input = inputRef.current;
    input?.focus();
    input?.setSelectionRange(next.text.length, next.text.length);
  };

  const stopEditing = () => {
    editingRef.current = null;
    setEditing(null);
  };

  /** Saves the cell being edited; false (and the reason on show) when its text is not an amount. */
  const commit = (move: GridPosition | null, leaving = false): boolean => {
    const current = editingRef.current;
    if (!current) return true;
    const row = rows[current.row];
    const phase = phases[current.col];
    const read = parseAmount(kind, current.text);
    if (read !== null && typeof read === 'object') {
      if (leaving) {
        stopEditing();
        setProblem(`Not saved: ${read.error}`);
      } else {
        setProblem(read.error);
      }
      return false;
    }
    stopEditing();
    setProblem(null);
    if (row && phase) {
      const cell = cells.get(gridCellKey(row.key, phase.id));
      const before = cell && cell.lineIds.length > 0 ? cell.amount : null;
      // Clearing a cell that is empty already changes nothing.
      const after = clearsCell(read) && before === null ? null : read;
      if (after !== before) onCommit(row, phase, after);
    }
    if (!leaving) focusCell(move ?? { row: current.row, col: current.col });
    return true;
  };

  const onEditKeyDown = (event: KeyboardEvent) => {
    const current = editingRef.current;
    if (!current) return;
    const action = editKey(event.key, event.shiftKey, current.mode, current, { rows: rows.length, cols: phases.length });
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'cancel') {
      stopEditing();
      setProblem(null);
      focusCell({ row: current.row, col: current.col });
      return;
    }
    commit(action.move);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) {
      onEditKeyDown(event);
      return;
    }
    const pos = cellAt(event.target);
    if (!pos) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const next = event.altKey ? null : gridMove(pos, event.key, size, ctrl, pageRows);
    if (next) {
      event.preventDefault();
      focusCell(next);
      return;
    }
    if (!editable(pos)) return;
    if ((event.key === 'Enter' || event.key === 'F2') && !ctrl && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      beginEdit(pos, null, 'editing');
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && !ctrl && !event.altKey) {
      event.preventDefault();
      const row = rows[pos.row];
      const phase = phases[pos.col];
      const cell = row && phase ? cells.get(gridCellKey(row.key, phase.id)) : undefined;
      if (!row || !phase || !cell || goToSource(pos, cell)) return;
      if (!hasOwnLines(cell)) return;
      if (cell.lineIds.length > 1) onOpenLines(row, phase);
      else onCommit(row, phase, null);
      return;
    }
    if (startsTyping(event.key, { ctrl, alt: event.altKey })) {
      event.preventDefault();
      beginEdit(pos, event.key, 'typing');
    }
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const pos = cellAt(event.target);
    if (pos && editable(pos) && !(event.target instanceof HTMLInputElement)) beginEdit(pos, null, 'editing');
  };

  // Whatever puts the focus on a cell (Tab, a click, a script) makes it the one Tab returns to.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const pos = cellAt(event.target);
    if (pos && (pos.row !== active.row || pos.col !== active.col)) activate(pos);
  };

  // The row props stay the same from render to render, so scrolling re-renders only new rows.
  const onEditChange = useCallback((event: ChangeEvent<HTMLInputElement>) => {
    const current = editingRef.current;
    if (!current) return;
    const next = { ...current, text: event.target.value };
    editingRef.current = next;
    setEditing(next);
    setProblem(null);
  }, []);

  // Leaving the cell being edited (a click elsewhere) saves it, or says why it could not.
  const leaveRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    leaveRef.current = () => {
      if (editingRef.current) commit(null, true);
    };
  });
  const onEditBlur = useCallback(() => leaveRef.current(), []);

  return (
    <>
      <GridStyles />
      <div ref={scrollRef} className="rs-scroll" style={{ height: boxHeight }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div
          ref={gridRef}
          className="rs-grid"
          role="grid"
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          aria-rowcount={rows.length + 2}
          aria-colcount={phases.length + 2}
          onKeyDown={onKeyDown}
          onDoubleClick={onDoubleClick}
          onFocus={onFocus}
          style={{ minWidth }}
        >
          <div role="rowgroup" className="rs-head">
            <div role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
              <div role="columnheader">Recipient</div>
              {phases.map((p) => (
                <div key={p.id} role="columnheader">
                  {p.name}
                  {p.span && <span className="rs-span">{p.span}</span>}
                </div>
              ))}
              <div role="columnheader">All phases</div>
            </div>
          </div>
          <div role="rowgroup" className="rs-body" style={{ height: rows.length * ROW_HEIGHT }}>
            {shown.map((index) => {
              const row = rows[index] as RecipientRow;
              return (
                <GridRow
                  key={row.key}
                  index={index}
                  row={row}
                  phases={phases}
                  kind={kind}
                  cells={cells}
                  total={totals.byRow.get(row.key) ?? 0}
                  atOdds={atOdds}
                  template={template}
                  activeCol={active.row === index ? active.col : -1}
                  editing={editing?.row === index ? editing : null}
                  problemId={editing?.row === index && problem ? problemId : null}
                  context={contextOf(row)}
                  inputRef={inputRef}
                  onEditChange={onEditChange}
                  onEditBlur={onEditBlur}
                />
              );
            })}
          </div>
          <div role="rowgroup" className="rs-foot">
            <div role="row" aria-rowindex={rows.length + 2} style={{ gridTemplateColumns: template, height: FOOTER_HEIGHT }}>
              <div role="rowheader">
                <span className="rs-name">Total for the phase</span>
                {kind === 'money' && <span className="rs-detail">recurring: every school year</span>}
              </div>
              {phases.map((phase, col) => (
                <div
                  key={phase.id}
                  role="gridcell"
                  data-row={rows.length}
                  data-col={col}
                  data-active={active.row === rows.length && active.col === col ? '' : undefined}
                  tabIndex={active.row === rows.length && active.col === col ? 0 : -1}
                  aria-label={`Total for ${phase.name}: ${amountText(kind, totals.byPhase.get(phase.id) ?? 0)}`}
                >
                  <span className="rs-amount">{formatAmount(kind, totals.byPhase.get(phase.id) ?? 0)}</span>
                </div>
              ))}
              <div
                role="gridcell"
                data-row={rows.length}
                data-col={phases.length}
                data-active={active.row === rows.length && active.col === phases.length ? '' : undefined}
                tabIndex={active.row === rows.length && active.col === phases.length ? 0 : -1}
                aria-label={`Total for all phases: ${amountText(kind, totals.total)}`}
              >
                <span className="rs-amount">{formatAmount(kind, totals.total)}</span>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div id={problemId} className="rs-problem" role="alert">
        {problem && <ErrorOutlineIcon aria-hidden fontSize="small" />}
        {problem}
      </div>
    </>
  );
});
