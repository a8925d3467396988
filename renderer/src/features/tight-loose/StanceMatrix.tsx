import { memo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import { colors } from '../../app/theme';
import { stanceSummary } from '../../domain/roadmap-rules';
import { balanceWords } from '../../domain/stance-balance';
import { cellKey, cellLabel, stanceForKey } from './matrix-model';
import { clampPosition, moveInGrid, type GridPosition } from '../../components/grid-navigation';
import { stanceLabel, STANCE_LABELS } from '../../domain/stance-words';
import { STANCE_COLORS } from '../../components/stance-palette';
import { cellIcon } from '../../components/stance-icons';
import type { Stance, StanceValue } from '../../domain/schemas';

export interface MatrixArea {
  id: string;
  name: string;
}

export interface MatrixPhase {
  id: string;
  name: string;
  /** "Aug 2026 – Jul 2027". */
  span: string;
}

export interface StanceMatrixProps {
  areas: readonly MatrixArea[];
  phases: readonly MatrixPhase[];
  /** Stance records by cellKey(areaId, phaseId). */
  lookup: ReadonlyMap<string, Stance>;
  /** Cells whose stance changed from an earlier phase, with the stance it was. */
  shifts: ReadonlyMap<string, StanceValue>;
  stances: readonly Stance[];
  selected: { areaId: string; phaseId: string } | null;
  /** Click (open = false) or Enter / Space (open = true) on a cell. */
  onSelect: (areaId: string, phaseId: string, open: boolean) => void;
  /** T, S, L, Delete or Backspace on a cell. */
  onSetStance: (areaId: string, phaseId: string, stance: StanceValue | null) => unknown;
  labelledBy: string;
  describedBy: string;
}

const AREA_COLUMN_PX = 200;
const PHASE_COLUMN_MIN_PX = 116;

interface StanceCellProps {
  row: number;
  col: number;
  areaId: string;
  phaseId: string;
  areaName: string;
  phaseName: string;
  stance: StanceValue | null;
  shiftedFrom: StanceValue | null;
  /** The cell's rationale is the template's and flagged for review. */
  review: boolean;
  tabbable: boolean;
  selected: boolean;
}

/** Material's FlagOutlined as a bare SVG, like the stance icons (see components/stance-icons.tsx). */
const FLAG_ICON = (
  <svg className="tl-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="m12.36 6 .4 2H18v6h-3.36l-.4-2H7V6zM14 4H5v17h2v-7h5.6l.4 2h7V6h-5.6z" />
  </svg>
);

/** One area in one phase. Memoized on plain values, so an edit re-renders only the cells it changes. */
const StanceCell = memo(function StanceCell({ row, col, areaId, phaseId, areaName, phaseName, stance, shiftedFrom, review, tabbable, selected }: StanceCellProps) {
  return (
    <td
      role="gridcell"
      className="tl-cell"
      data-row={row}
      data-col={col}
      data-cell={cellKey(areaId, phaseId)}
      data-stance={stance ?? 'unset'}
      data-shift={shiftedFrom ? '' : undefined}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={selected}
      aria-label={cellLabel(areaName, phaseName, stance, shiftedFrom, review)}
    >
      <span className="tl-stance">
        {cellIcon(stance ?? 'unset')}
        <span>{stanceLabel(stance)}</span>
      </span>
      {shiftedFrom && (
        <span className="tl-shift">
          {cellIcon('arrow')}
          {`was ${STANCE_LABELS[shiftedFrom]}`}
        </span>
      )}
      {review && (
        <span className="tl-review">
          {FLAG_ICON}
          Review rationale
        </span>
      )}
    </td>
  );
});

interface SummaryCellProps {
  row: number;
  col: number;
  phaseName: string;
  text: string;
  balance: string;
  tabbable: boolean;
}

const SummaryCell = memo(function SummaryCell({ row, col, phaseName, text, balance, tabbable }: SummaryCellProps) {
  return (
    <td role="gridcell" className="tl-summary" data-row={row} data-col={col} tabIndex={tabbable ? 0 : -1} aria-label={`Summary, ${phaseName}: ${text} Balance: ${balance}.`}>
      <span className="tl-summary-text">{text}</span>
      <span className="tl-balance">{`Balance: ${balance}`}</span>
    </td>
  );
});

const FOCUS_RING = { outline: `3px solid ${colors.primary}`, outlineOffset: '-3px', boxShadow: `inset 0 0 0 5px ${colors.white}` };

const cellColors = Object.fromEntries(Object.entries(STANCE_COLORS).map(([stance, c]) => [
  `td.tl-cell[data-stance="${stance}"]`, { backgroundColor: c.background, color: c.text },
]));

/**
 * Styles for the whole grid, written once as global rules scoped to .tl-grid: 240 plain cells
 * with no styles of their own stay cheap to render, and a re-render does not restyle them.
 */
const matrixStyles = (theme: Theme) => {
  const line = `1px solid ${theme.palette.divider}`;
  return {
    '.tl-scroll': { overflowX: 'auto', scrollPaddingLeft: AREA_COLUMN_PX, contain: 'paint' },
    '.tl-grid': {
      borderCollapse: 'separate',
      borderSpacing: 0,
      tableLayout: 'fixed',
      width: '100%',
      '& th, & td': { borderRight: line, borderBottom: line, padding: 8, textAlign: 'left', verticalAlign: 'top' },
      '& thead th': { borderTop: line, backgroundColor: theme.palette.grey[100], fontWeight: 600, verticalAlign: 'bottom' },
      '& th:first-of-type': { borderLeft: line, position: 'sticky', left: 0, zIndex: 1, backgroundColor: theme.palette.background.paper },
      '& thead th:first-of-type': { backgroundColor: theme.palette.grey[100] },
      '& .tl-phase-span': { display: 'block', fontWeight: 400, fontSize: '0.8125rem', color: theme.palette.text.secondary },
      '& tbody th': { fontWeight: 600, fontSize: '0.9375rem', overflowWrap: 'anywhere' },
      // Each cell paints on its own: a pressed stance repaints its cell, not the whole table.
      '& td.tl-cell': { cursor: 'pointer', height: 56, userSelect: 'none', contain: 'paint' },
      ...cellColors,
      '& td.tl-cell[data-stance="unset"] .tl-stance': { fontWeight: 400, fontStyle: 'italic' },
      '& td.tl-cell:hover': { filter: 'brightness(0.96)' },
      '& td.tl-cell[aria-selected="true"]': { boxShadow: `inset 0 0 0 3px ${colors.ink}` },
      '& td:focus': FOCUS_RING,
      '& td.tl-cell[aria-selected="true"]:focus': { ...FOCUS_RING, boxShadow: `inset 0 0 0 5px ${colors.white}, inset 0 0 0 8px ${colors.ink}` },
      '& td.tl-cell[data-shift]': { borderLeft: '4px solid currentColor' },
      '& .tl-icon': { width: '1.25rem', height: '1.25rem', fill: 'currentColor', flexShrink: 0 },
      '& .tl-stance': { display: 'flex', alignItems: 'center', gap: 6, fontWeight: 700, fontSize: '0.9375rem' },
      '& .tl-review': { display: 'flex', alignItems: 'center', gap: 4, marginTop: 2, fontSize: '0.8125rem', fontWeight: 600, '& .tl-icon': { width: '1rem', height: '1rem' } },
      '& .tl-shift': { display: 'flex', alignItems: 'center', gap: 4, marginTop: 2, fontSize: '0.8125rem', fontWeight: 500, '& .tl-icon': { width: '1rem', height: '1rem' } },
      '& tfoot th, & tfoot td': { backgroundColor: theme.palette.grey[50], fontSize: '0.8125rem' },
      '& tfoot th:first-of-type': { backgroundColor: theme.palette.grey[50] },
      '& .tl-summary-text': { display: 'block' },
      '& .tl-balance': { display: 'block', marginTop: 4, fontWeight: 600 },
    },
    '@media print': {
      '.tl-scroll': { overflow: 'visible' },
      '.tl-grid': {
        minWidth: '0 !important',
        fontSize: '9pt',
        '& .tl-area-col': { width: '17% !important' },
        '& th, & td, & tbody th, & tfoot th, & tfoot td': { padding: '2px 4px', borderColor: colors.black, fontSize: '9pt', lineHeight: 1.2 },
        '& tr': { breakInside: 'avoid' },
        '& thead th, & thead th:first-of-type, & tfoot th, & tfoot td, & tfoot th:first-of-type': { backgroundColor: 'transparent' },
        '& th:first-of-type': { position: 'static' },
        '& td.tl-cell': { height: 'auto' },
        '& td.tl-cell, & td.tl-cell:hover, & td.tl-cell[aria-selected="true"], & td.tl-cell[aria-selected="true"]:focus, & td:focus': { outline: 'none', boxShadow: 'none', filter: 'none' },
        '& .tl-stance': { fontSize: '9pt', gap: 3 },
        '& .tl-stance .tl-icon': { width: '10pt', height: '10pt' },
        '& .tl-shift': { marginTop: 0, fontSize: '7.5pt', '& .tl-icon': { width: '8pt', height: '8pt' } },
        '& .tl-phase-span': { fontSize: '7.5pt' },
        '& .tl-balance': { marginTop: 0 },
        // A note to the planner, not part of the plan on paper.
        '& .tl-review': { display: 'none' },
      },
    },
  } as const;
};

/** The grid's styles, mounted once with the grid and never re-rendered. */
const MatrixStyles = memo(function MatrixStyles() {
  return <GlobalStyles styles={matrixStyles} />;
});

/**
 * The areas × phases grid (ARIA grid pattern). Tab enters it once, on the last cell used;
 * arrows, Home/End (Ctrl for the whole grid) and Page Up/Down move; T, S and L set the
 * stance, Delete clears it, Enter or Space opens the cell's details. The last row sums up
 * each phase. Keys and clicks are handled once on the table, not per cell.
 */
export const StanceMatrix = memo(function StanceMatrix({ areas, phases, lookup, shifts, stances, selected, onSelect, onSetStance, labelledBy, describedBy }: StanceMatrixProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const [activeState, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const size = { rows: areas.length + 1, cols: phases.length };
  const active = clampPosition(activeState, size);
  const areaIds = areas.map((a) => a.id);

  const cellAt = (target: EventTarget | null): GridPosition | null => {
    const cell = target instanceof Element ? target.closest<HTMLElement>('td[data-row]') : null;
    if (!cell) return null;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  };

  const focusCell = (pos: GridPosition) => {
    setActive(pos);
    tableRef.current?.querySelector<HTMLElement>(`td[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const pos = cellAt(event.target);
    if (!pos) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const next = event.altKey ? null : moveInGrid(pos, event.key, size, ctrl);
    if (next) {
      event.preventDefault();
      focusCell(next);
      return;
    }
    const area = areas[pos.row];
    const phase = phases[pos.col];
    if (!area || !phase || ctrl || event.altKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(area.id, phase.id, true);
      return;
    }
    const stance = event.shiftKey ? undefined : stanceForKey(event.key);
    if (stance === undefined) return;
    event.preventDefault();
    onSetStance(area.id, phase.id, stance);
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const pos = cellAt(event.target);
    const area = pos && areas[pos.row];
    const phase = pos && phases[pos.col];
    if (area && phase) onSelect(area.id, phase.id, false);
  };

  // Whatever puts the focus on a cell (Tab, a click, a script) makes it the one Tab returns to.
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const pos = cellAt(event.target);
    if (pos && (pos.row !== active.row || pos.col !== active.col)) setActive(pos);
  };

  return (
    <div className="tl-scroll">
      <MatrixStyles />
      <table
        className="tl-grid"
        ref={tableRef}
        role="grid"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
        style={{ minWidth: AREA_COLUMN_PX + phases.length * PHASE_COLUMN_MIN_PX }}
      >
        <colgroup>
          <col className="tl-area-col" style={{ width: AREA_COLUMN_PX }} />
          {phases.map((p) => <col key={p.id} />)}
        </colgroup>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col">Area</th>
            {phases.map((p) => (
              <th key={p.id} role="columnheader" scope="col">
                {p.name}
                {p.span && <span className="tl-phase-span">{p.span}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((area, row) => (
            <tr key={area.id} role="row">
              <th role="rowheader" scope="row">{area.name}</th>
              {phases.map((phase, col) => {
                const key = cellKey(area.id, phase.id);
                return (
                  <StanceCell
                    key={phase.id}
                    row={row}
                    col={col}
                    areaId={area.id}
                    phaseId={phase.id}
                    areaName={area.name}
                    phaseName={phase.name}
                    stance={lookup.get(key)?.stance ?? null}
                    shiftedFrom={shifts.get(key) ?? null}
                    review={lookup.get(key)?.rationaleOrigin === 'template-review'}
                    tabbable={active.row === row && active.col === col}
                    selected={selected?.areaId === area.id && selected.phaseId === phase.id}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr role="row">
            <th role="rowheader" scope="row">Summary</th>
            {phases.map((phase, col) => {
              const summary = stanceSummary(phase.id, areaIds, stances);
              return (
                <SummaryCell
                  key={phase.id}
                  row={areas.length}
                  col={col}
                  phaseName={phase.name}
                  text={summary.text}
                  balance={balanceWords(summary)}
                  tabbable={active.row === areas.length && active.col === col}
                />
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
});
