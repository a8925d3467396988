import { memo, startTransition, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import TimelineOutlinedIcon from '@mui/icons-material/TimelineOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { lazyView } from '../../components/lazy-view';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { untilOnScreen } from '../../components/until-on-screen';
import { useStableRows } from '../../components/use-stable-rows';
import { useSettledValue } from '../../components/use-settled-value';
import { visuallyHidden } from '../../components/visually-hidden';
import { budgetWarnings, coveredPhaseIds, totals as budgetTotals, type CliffWarning } from '../../domain/budget';
import {
  amountText, cellLines, fiscalYearBreakdown, gridCellKey, recipientKey, recipientRows, schoolsByWave as countSchoolsByWave, schoolYearsByPhase, sourceName, stanceContradictions, studentsByPhase,
  type AllocationKind, type NewLineDefaults, type RecipientRow,
} from '../../domain/resource-rules';
import type { AllocationRow, FundingSource } from '../../domain/schemas';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { phaseSpan } from '../../domain/phase-rules';
import { GridKey, type GridPhase } from './AllocationGrid';
import { BudgetTotalsTables } from './BudgetTotalsTables';
import { BudgetWarningList, type StanceNote } from './BudgetWarningList';
import { CellLines, type ContinuedLine, type LinesCell } from './CellLines';
import { cliffsByYear } from './chart-model';
import { addFundingSource, addLine, deleteFundingSource, deleteLine, importAllocations, moveFundingSource, type LinePlace } from './commands';
import { EditableGrid } from './EditableGrid';
import { FundingChart } from './FundingChart';
import { FundingSources, type SourceUse } from './FundingSources';
import { GridToolbar } from './GridToolbar';

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

// Memoized: typing in the grid re-renders the section (the cell in focus, the amounts on their
// way to storage), and these parts only need to follow when what they show has changed.
const Warnings = memo(BudgetWarningList);
const Sources = memo(FundingSources);
const Toolbar = memo(GridToolbar);
const Lines = memo(CellLines);
const Chart = memo(FundingChart);
const Totals = memo(BudgetTotalsTables);
const Key = memo(GridKey);
const NO_LINES: AllocationRow[] = [];
// The import and its workbook reader load when asked for, not with the section.
const importDialog = lazyView(async () => (await import('./AllocationImportDialog')).AllocationImportDialog);
const NO_CONTINUED: ContinuedLine[] = [];
const LINES_DELAY_MS = 150;
const BUDGET_DELAY_MS = 250;

/** A polite live region that re-renders alone when it speaks. */
const LiveRegion = memo(function LiveRegion({ speakRef }: { speakRef: RefObject<(text: string) => void> }) {
  const [text, setText] = useState('');
  useEffect(() => {
    speakRef.current = (next: string) => setText((previous) => (previous === next ? `${next}\u00a0` : next));
  }, [speakRef]);
  return <Box role="status" aria-live="polite" sx={visuallyHidden}>{text}</Box>;
});

/** Layout of the section, as global rules: the grid beside the lines of the cell in focus on wide screens. */
const LAYOUT_STYLES = (theme: Theme) => ({
  '.rs-layout': {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: theme.spacing(2),
    alignItems: 'start',
    [theme.breakpoints.up('lg')]: { gridTemplateColumns: 'minmax(0, 1fr) 340px' },
    [theme.breakpoints.up('xl')]: { gridTemplateColumns: 'minmax(0, 1fr) 420px' },
  },
  '.rs-lines': {
    padding: theme.spacing(2),
    [theme.breakpoints.up('lg')]: { position: 'sticky', top: 128, maxHeight: 'calc(100vh - 144px)', overflowY: 'auto' },
  },
});

/** The top of the section: the same elements every render, so React skips them. */
const SECTION_TOP = (
  <>
    <GlobalStyles styles={LAYOUT_STYLES} />
    <SectionHeading description="The money, staff time, devices and training hours each phase puts where: to the central office, to a wave of schools, or to one school; where the money comes from, and what happens when a grant ends.">
      Resources
    </SectionHeading>
  </>
);

/** How the grid is used, below its toolbar (the grid's description). */
const GRID_HELP = (
  <Typography id="rs-grid-help" variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: '95ch' }}>
    Type a number on a cell to set it; Enter or F2 edits it, Enter saves and moves down, Tab saves and moves right, Escape cancels, Delete clears. Arrow keys move. Recurring money is per school year; totals count every school year of the phases a line covers. A cell with several lines is edited in its lines; a cell marked ↳ shows a recurring line continued from an earlier phase, edited there.
  </Typography>
);

type ActiveCell = { rowKey: string | null; phaseId: string | null };

/**
 * Resources: the funding sources the plan draws on, and the money, staff time, devices and
 * training hours each recipient gets in each phase, with totals, the warnings a board or a
 * funder would raise, and money per fiscal year by source.
 */
export function ResourcesSection({ bundle }: SectionProps) {
  const run = useRunCommand();
  const { plan, allocations, fundingSources: sources, stances } = bundle;
  const planId = plan.id;
  const createdAt = plan.createdAt;
  const phases = useMemo(() => [...bundle.phases].sort(byOrder), [bundle.phases]);
  const areas = useMemo(() => [...bundle.areas].sort(byOrder), [bundle.areas]);
  const gridPhases = useMemo<GridPhase[]>(() => phases.map((p) => ({ id: p.id, name: p.name, span: phaseSpan(p) })), [phases]);
  const rows = useMemo(() => recipientRows(bundle.waves, bundle.schools, phases), [bundle.waves, bundle.schools, phases]);
  const calendar = useMemo(() => ({ schoolYearStartMonth: plan.schoolYearStartMonth, fiscalStartMonth: plan.fiscalYearStartMonth }), [plan.schoolYearStartMonth, plan.fiscalYearStartMonth]);

  // What the grid shows and edits, and how new lines are paid for.
  const [kind, setKind] = useState<AllocationKind>('money');
  const [chosenSource, setSource] = useState<string | null>(null);
  const [recurrence, setRecurrence] = useState<AllocationRow['recurrence']>('one-time');
  const newLineSource = chosenSource !== null && sources.some((s) => s.id === chosenSource) ? chosenSource : null;
  const newLines = useMemo<NewLineDefaults>(() => ({ sourceId: newLineSource, recurrence, flexible: false }), [newLineSource, recurrence]);

  const yearsByPhase = useMemo(() => schoolYearsByPhase(phases, plan.schoolYearStartMonth), [phases, plan.schoolYearStartMonth]);
  const waveSchools = useMemo(() => countSchoolsByWave(bundle.schools), [bundle.schools]);
  // Stays the same object while the counts are the same (editing a school's name does not re-render the grid).
  const waveSchoolsKey = JSON.stringify(waveSchools);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the counts
  const schoolsByWave = useMemo(() => waveSchools, [waveSchoolsKey]);
  const budgetSettings = useMemo(() => ({ ...calendar, schoolsByWave }), [calendar, schoolsByWave]);
  const students = useMemo(() => studentsByPhase(phases, bundle.waves, bundle.schools), [phases, bundle.waves, bundle.schools]);
  // The budget-wide figures (warnings, sources, the chart, the totals) follow
  // once edits pause, in a deferred render: amounts typed one after another reach the grid, its
  // totals and storage first, with no wait on the sums of every line in between.
  const settled = useDeferredValue(useSettledValue(allocations, BUDGET_DELAY_MS));
  const budget = useMemo(() => budgetTotals(settled, phases, { ...budgetSettings, studentsByPhase: students }), [settled, phases, budgetSettings, students]);
  const warnings = useMemo(() => budgetWarnings(sources, settled, phases, budgetSettings), [sources, settled, phases, budgetSettings]);
  const nameOfSource = useCallback((id: string) => sourceName(id, sources), [sources]);
  const nameOfPhase = useCallback((id: string) => phases.find((p) => p.id === id)?.name ?? 'a phase', [phases]);
  const cliffs = useMemo(() => cliffsByYear(warnings, nameOfSource), [warnings, nameOfSource]);
  const cliffWarnings = useMemo(() => warnings.filter((w): w is CliffWarning => w.kind === 'cliff'), [warnings]);
  const breakdown = useMemo(() => fiscalYearBreakdown(sources, settled, phases, budgetSettings, [], cliffWarnings), [sources, settled, phases, budgetSettings, cliffWarnings]);

  const contradictions = useMemo(() => stanceContradictions(settled, stances), [settled, stances]);
  const atOdds = useMemo(() => new Set(contradictions.filter((a) => a.kind === kind).map((a) => gridCellKey(recipientKey(a.recipient), a.phaseId))), [contradictions, kind]);
  const stanceNotes = useMemo<StanceNote[]>(() => contradictions.map((a) => {
    const row = rows.find((r) => r.key === recipientKey(a.recipient))?.name ?? 'A recipient';
    const phase = nameOfPhase(a.phaseId);
    const area = areas.find((x) => x.id === a.areaId)?.name ?? 'its area';
    return { id: a.id, text: `${row}, ${phase}: a flexible line of ${amountText(a.kind, a.amount)} pays for ${area}, which the plan holds tight in ${phase} (the central office decides). Make the line fixed, or hold the area loose or shared.` };
  }), [contradictions, rows, areas, nameOfPhase]);

  const sourceUses = useMemo(() => {
    const uses = new Map<string, SourceUse>();
    for (const s of sources) uses.set(s.id, { plannedCents: budget.bySource.find((b) => b.sourceId === s.id)?.cents ?? 0, overCents: 0, cliffYear: null, uncoveredCents: 0, pickupText: '' });
    for (const w of warnings) {
      const use = uses.get(w.sourceId);
      if (!use) continue;
      if (w.kind === 'over-budget') use.overCents += w.overCents;
      else {
        use.cliffYear = w.year;
        use.uncoveredCents = w.uncoveredCents;
        use.pickupText = w.pickups.map((p) => `${sourceName(p.sourceId, sources)} picks up ${amountText('money', p.cents)} a year from FY${p.year}`).join('; ');
      }
    }
    return uses;
  }, [sources, budget, warnings]);
  const overBySource = useMemo(() => new Map([...sourceUses].map(([id, u]) => [id, u.overCents])), [sourceUses]);

  // The cell in focus in the grid, whose lines show beside it.
  const [activeState, setActive] = useState<ActiveCell | undefined>(undefined);
  const firstCell = useMemo<ActiveCell>(() => ({ rowKey: rows[0]?.key ?? null, phaseId: phases[0]?.id ?? null }), [rows, phases]);
  const active: ActiveCell = activeState ?? firstCell;
  // The lines panel follows the focus once it rests: moving and typing through the grid do not
  // wait on the panel's form (and a typed amount's write does not wait behind it).
  const shownActive = useSettledValue(active, LINES_DELAY_MS);
  const activeRow = rows.find((r) => r.key === shownActive.rowKey) ?? null;
  const activePhase = phases.find((p) => p.id === shownActive.phaseId) ?? null;
  const activeWaveSchools = activeRow?.recipient.kind === 'wave' ? schoolsByWave[activeRow.recipient.waveId] ?? 0 : null;
  const linesCell = useMemo<LinesCell | null>(
    () => (activeRow && activePhase ? { rowName: activeRow.name, phaseId: activePhase.id, phaseName: activePhase.name, kind, waveSchools: activeWaveSchools } : null),
    [activeRow, activePhase, kind, activeWaveSchools],
  );
  // The lines follow storage at once (a line added or deleted in the panel shows there straight
  // away), and stay the same array while the cell's own lines hold the same, so edits to other
  // cells do not re-render the panel.
  const lines = useStableRows(useMemo(() => (activeRow && activePhase ? cellLines(allocations, activeRow.key, activePhase.id, kind) : NO_LINES), [allocations, activeRow, activePhase, kind]));
  // Recurring lines of earlier phases that continue into the cell on show.
  const phaseIds = useMemo(() => phases.map((p) => p.id), [phases]);
  const continuedRaw = useMemo(() => {
    if (!activeRow || !activePhase) return NO_CONTINUED;
    const found = allocations.filter((a) => a.kind === kind && a.phaseId !== activePhase.id && a.untilPhaseId && recipientKey(a.recipient) === activeRow.key
      && coveredPhaseIds(a, phaseIds).includes(activePhase.id));
    return found.length === 0 ? NO_CONTINUED : found.map((line) => ({ line, fromPhaseName: phases.find((p) => p.id === line.phaseId)?.name ?? 'an earlier phase' }));
  }, [allocations, activeRow, activePhase, kind, phaseIds, phases]);
  const continuedKey = JSON.stringify(continuedRaw);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the lines
  const continued = useMemo(() => continuedRaw, [continuedKey]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [focusLineId, setFocusLineId] = useState<string | null>(null);
  const [focusSourceId, setFocusSourceId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  // The chart and the totals below the grid come in after it has painted, in a transition a key press can interrupt.
  const [showBelow, setShowBelow] = useState(false);
  useEffect(() => {
    startTransition(() => setShowBelow(true));
  }, []);

  const speakRef = useRef<(text: string) => void>(() => undefined);
  const gridBox = useRef<HTMLDivElement>(null);

  // The latest values, for callbacks that stay the same from render to render (so the grid and the panels do not re-render).
  const latest = useRef({ kind, newLineSource, recurrence, activeRow, activePhase, phases, sources, rows });
  useEffect(() => {
    latest.current = { kind, newLineSource, recurrence, activeRow, activePhase, phases, sources, rows };
  });
  const speak = useCallback((text: string) => speakRef.current(text), []);

  const onActiveChange = useCallback((rowKey: string | null, phaseId: string | null) => {
    setActive((current) => (current?.rowKey === rowKey && current.phaseId === phaseId ? current : { rowKey, phaseId }));
  }, []);

  const onOpenLines = useCallback((row: RecipientRow, phase: GridPhase, count: number) => {
    speakRef.current(`${row.name}, ${phase.name} has ${count} lines: edit them one by one in the lines beside the grid.`);
    setFocusRequest((n) => n + 1);
  }, []);

  const onContinued = useCallback((row: RecipientRow, phase: GridPhase, from: GridPhase) => {
    speakRef.current(`${row.name}, ${phase.name} shows a recurring line continued from ${from.name}: it is edited in ${from.name}, now in focus. Its line says how far it continues.`);
  }, []);

  const onGoToLine = useCallback((line: AllocationRow) => {
    const { phases: ps } = latest.current;
    const rowIndex = latest.current.rows.findIndex((r) => r.key === recipientKey(line.recipient));
    const col = ps.findIndex((p) => p.id === line.phaseId);
    const cell = gridBox.current?.querySelector<HTMLElement>(`[role="gridcell"][data-row="${rowIndex}"][data-col="${col}"]`);
    if (cell) cell.focus();
    else speakRef.current('Scroll the grid to that row to edit the line.');
  }, []);

  const onReturn = useCallback(() => {
    gridBox.current?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus();
  }, []);

  const onAddLine = useCallback(async () => {
    const { activeRow: row, activePhase: phase, kind: k, newLineSource: sourceId, recurrence: r } = latest.current;
    if (!row || !phase) return;
    const command = addLine(planId, row, phase, k, { sourceId, recurrence: r });
    if (await run(command)) setFocusLineId(command.id);
  }, [run, planId]);

  const onLineKindChange = useCallback((to: AllocationKind) => {
    speakRef.current(`The line now counts as ${to === 'money' ? 'money' : to.replace('-', ' ')}: choose that kind above the grid to see it.`);
  }, []);

  const onDeleteLine = useCallback((line: AllocationRow, index: number) => {
    const { activeRow: row, activePhase: phase } = latest.current;
    if (!row || !phase) return;
    const place: LinePlace = { index, rowName: row.name, phaseName: phase.name };
    void run(deleteLine(planId, line, place)).then((done) => {
      if (done) requestAnimationFrame(() => onReturn());
    });
  }, [run, planId, onReturn]);

  const onAddSource = useCallback(async () => {
    const command = addFundingSource({ id: planId, createdAt }, latest.current.phases);
    if (await run(command)) {
      setFocusSourceId(command.id);
      speakRef.current('Added a funding source at the end of the list. Name it, then set its amount and dates.');
    }
  }, [run, planId, createdAt]);

  const onMoveSource = useCallback((source: FundingSource, direction: -1 | 1) => {
    const name = `“${source.name}”`;
    void run(moveFundingSource(source, direction)).then((done) => {
      if (!done) return;
      speakRef.current(`Moved ${name} ${direction < 0 ? 'up' : 'down'}.`);
      // The button pressed keeps the focus once the list has reordered, or its neighbour at an end.
      untilOnScreen(() => {
        const ids = latest.current.sources.map((s) => s.id);
        if (ids.indexOf(source.id) === -1) return true;
        const pressed = document.querySelector<HTMLButtonElement>(`[aria-label="Move ${name} ${direction < 0 ? 'up' : 'down'}"]`);
        const other = document.querySelector<HTMLButtonElement>(`[aria-label="Move ${name} ${direction < 0 ? 'down' : 'up'}"]`);
        const target = pressed && !pressed.disabled ? pressed : other;
        target?.focus();
        return document.activeElement === target;
      }, 10);
    });
  }, [run]);

  const onDeleteSource = useCallback((source: FundingSource) => {
    const ids = latest.current.sources.map((s) => s.id);
    const index = ids.indexOf(source.id);
    const neighbour = ids[index + 1] ?? ids[index - 1] ?? null;
    void run(deleteFundingSource(source)).then((done) => {
      if (!done) return;
      untilOnScreen(() => {
        const next = (neighbour ? document.querySelector<HTMLElement>(`[data-source-delete="${neighbour}"]`) : null) ?? document.querySelector<HTMLElement>('[data-source-add]');
        next?.focus();
        return next !== null && document.activeElement === next;
      }, 10);
    });
  }, [run]);

  const addSource = useCallback(() => void onAddSource(), [onAddSource]);
  const addLineNow = useCallback(() => void onAddLine(), [onAddLine]);
  const sourceOptions = useMemo(() => sources.map((s) => ({ id: s.id, name: s.name })), [sources]);
  const areaOptions = useMemo(() => areas.map((a) => ({ id: a.id, name: a.name })), [areas]);

  if (phases.length === 0) {
    return (
      <section aria-labelledby="section-heading">
        {SECTION_TOP}
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography component="h3" variant="h3" gutterBottom>Resources need phases</Typography>
          <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
            Each column of the resources grid is a phase of your roadmap. Add phases in the Roadmap section, then come back to allocate money, staff, devices and training to each.
          </Typography>
          <Button variant="contained" startIcon={<TimelineOutlinedIcon />} href={routeHref(planRoute(planId, 'roadmap'))}>Go to the Roadmap</Button>
        </Paper>
      </section>
    );
  }

  return (
    <section aria-labelledby="section-heading">
      {SECTION_TOP}
      <Warnings warnings={warnings} stanceNotes={stanceNotes} phaseName={nameOfPhase} sourceName={nameOfSource} />
      <Sources
        sources={sources}
        uses={sourceUses}
        focusId={focusSourceId}
        onAdd={addSource}
        onMove={onMoveSource}
        onDelete={onDeleteSource}
      />
      <Paper variant="outlined" component="section" aria-labelledby="rs-grid-heading" sx={{ p: 2, mb: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
          <Typography id="rs-grid-heading" component="h3" variant="h3" gutterBottom>Allocations by phase</Typography>
          <Button variant="outlined" size="small" startIcon={<UploadFileOutlinedIcon />} onClick={() => setImporting(true)}>Import allocations from a spreadsheet…</Button>
        </Box>
        <Toolbar
          kind={kind}
          sourceId={newLineSource}
          recurrence={recurrence}
          sources={sourceOptions}
          onKind={setKind}
          onSource={setSource}
          onRecurrence={setRecurrence}
        />
        {GRID_HELP}
        {rows.length === 1 && (
          <Alert severity="info" role="note" sx={{ mb: 1.5 }}>
            No waves or schools yet, so only the central office has a row. Add schools in <Link href={routeHref(planRoute(planId, 'schools'))}>Schools</Link> and group them in <Link href={routeHref(planRoute(planId, 'waves'))}>Waves</Link> to give them resources.
          </Alert>
        )}
        <div className="rs-layout">
          <div ref={gridBox}>
            <EditableGrid
              planId={planId}
              rows={rows}
              phases={gridPhases}
              kind={kind}
              allocations={allocations}
              yearsByPhase={yearsByPhase}
              schoolsByWave={schoolsByWave}
              atOdds={atOdds}
              defaults={newLines}
              onActiveChange={onActiveChange}
              onOpenLines={onOpenLines}
              onContinued={onContinued}
              speak={speak}
              labelledBy="rs-grid-heading"
              describedBy="rs-grid-help"
            />
            <Key />
          </div>
          <Lines
            cell={linesCell}
            lines={lines}
            continued={continued}
            phases={gridPhases}
            sources={sourceOptions}
            areas={areaOptions}
            stances={stances}
            focusRequest={focusRequest}
            focusLineId={focusLineId}
            onAdd={addLineNow}
            onKindChange={onLineKindChange}
            onDelete={onDeleteLine}
            onReturn={onReturn}
            onGoToLine={onGoToLine}
          />
        </div>
      </Paper>
      {showBelow && (
        <>
          <Chart breakdown={breakdown} cliffs={cliffs} fiscalStartMonth={plan.fiscalYearStartMonth} />
          <Totals phases={gridPhases} budget={budget} students={students} sources={sources} overBySource={overBySource} />
        </>
      )}
      <LiveRegion speakRef={speakRef} />
      <Suspense fallback={null}>
        {importing && <importDialog.View bundle={bundle} onClose={() => setImporting(false)} onImport={(lines) => run(importAllocations(planId, lines))} />}
      </Suspense>
    </section>
  );
}
