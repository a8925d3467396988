import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import Box from '@mui/material/Box';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import GlobalStyles from '@mui/material/GlobalStyles';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import EastIcon from '@mui/icons-material/East';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import TimelineOutlinedIcon from '@mui/icons-material/TimelineOutlined';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { usePendingValues } from '../../components/use-pending-values';
import { useSettledValue } from '../../components/use-settled-value';
import { visuallyHidden } from '../../components/visually-hidden';
import { STANCES, type StanceValue } from '../../domain/schemas';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { AreaList, type AreaItem } from './AreaList';
import { StanceDetails } from './StanceDetails';
import { StanceMatrix, type MatrixArea, type MatrixPhase } from './StanceMatrix';
import {
  addArea, deleteArea, describeArea, keepStanceRationale, moveArea, phasesToChange, renameArea, setStance, setStanceInPhases, setStanceText,
  type StanceContext, type StanceTextField,
} from './commands';
import type { Named } from '../../app/commands';
import { cellKey, holdsStance, previousStance, reviewCells, shiftLookup, stanceLookup, withPending } from './matrix-model';
import { phaseSpan } from '../../domain/phase-rules';
import { stanceLabel, STANCE_LABELS, STANCE_MEANINGS } from '../../domain/stance-words';
import { StanceIcon } from '../../components/stance-icons';
import { STANCE_COLORS } from '../../components/stance-palette';

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

/** A polite live region that re-renders alone when it speaks. */
const LiveRegion = memo(function LiveRegion({ speakRef }: { speakRef: RefObject<(text: string) => void> }) {
  const [text, setText] = useState('');
  useEffect(() => {
    speakRef.current = (next: string) => setText((previous) => (previous === next ? `${next}\u00a0` : next));
  }, [speakRef]);
  return <Box role="status" aria-live="polite" sx={visuallyHidden}>{text}</Box>;
});

function Legend() {
  return (
    <Box component="ul" aria-label="Key" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5, listStyle: 'none', p: 0, m: 0, mb: 1, '@media print': { mb: 0.5, '& li': { fontSize: '8pt' } } }}>
      {STANCES.map((s) => (
        <Box component="li" key={s} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontSize: '0.875rem' }}>
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, px: 0.75, py: 0.25, borderRadius: 1, bgcolor: STANCE_COLORS[s].background, color: STANCE_COLORS[s].text, fontWeight: 700 }}>
            <StanceIcon stance={s} sx={{ fontSize: '1.1rem' }} />
            {STANCE_LABELS[s]}
          </Box>
          {STANCE_MEANINGS[s]}
        </Box>
      ))}
      <Box component="li" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontSize: '0.875rem' }}>
        <EastIcon aria-hidden sx={{ fontSize: '1rem' }} />
        <span>“was …” marks a change from the phase before</span>
      </Box>
    </Box>
  );
}

function EmptyNote({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
      <Typography component="h3" variant="h3" gutterBottom>{title}</Typography>
      {children}
    </Paper>
  );
}

/** Layout of the section, as global rules (see StanceMatrix): plain elements that re-render for free. */
const LAYOUT_STYLES = (theme: Theme) => ({
  '.tl-layout': {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: theme.spacing(3),
    alignItems: 'start',
    marginBottom: theme.spacing(4),
    [theme.breakpoints.up('lg')]: { gridTemplateColumns: 'minmax(0, 1fr) 370px' },
    [theme.breakpoints.up('xl')]: { gridTemplateColumns: 'minmax(0, 1fr) 420px' },
  },
  '.tl-matrix-column': { minWidth: 0 },
  '.tl-details': {
    padding: theme.spacing(2),
    [theme.breakpoints.up('lg')]: { position: 'sticky', top: 128, maxHeight: 'calc(100vh - 144px)', overflowY: 'auto' },
  },
  '@page': { size: 'landscape', margin: '10mm' },
  '@media print': {
    '[data-tl-noprint]': { display: 'none !important' },
    '.tl-layout': { display: 'block' },
  },
});

/** The top of the section: the same elements every render, so React skips them. */
const SECTION_TOP = (
  <>
    <GlobalStyles styles={LAYOUT_STYLES} />
    <SectionHeading>Tight &amp; loose</SectionHeading>
    <Typography color="text.secondary" data-tl-noprint sx={{ mt: -1.5, mb: 2, maxWidth: '75ch' }}>
      For each area of implementation and each phase, decide what the central office holds tight, what each school holds loose, and what is shared. Even loose areas keep a few guardrails.
    </Typography>
  </>
);

const DETAILS_DELAY_MS = 150;

const MATRIX_TOP = (
  <>
    <Typography id="tl-matrix-heading" component="h3" variant="h3" sx={{ mb: 1, '@media print': { mb: 0.5 } }}>Who holds each area, phase by phase</Typography>
    <Legend />
    <Typography id="tl-matrix-help" variant="body2" color="text.secondary" data-tl-noprint sx={{ mb: 1.5 }}>
      Click a cell to see its details. With the keyboard: arrow keys move, T, S or L sets Tight, Shared or Loose, Delete clears, Enter opens the details.
    </Typography>
  </>
);

/**
 * Tight & loose: who holds each area of implementation in each phase (the central office,
 * the schools, or both), why, and the guardrails that hold regardless.
 */
export function TightLooseSection({ bundle }: SectionProps) {
  const run = useRunCommand();
  const planId = bundle.plan.id;
  const phases = useMemo(() => [...bundle.phases].sort(byOrder), [bundle.phases]);
  const areas = useMemo(() => [...bundle.areas].sort(byOrder), [bundle.areas]);
  // A write to phases or areas brings new row objects; the rows and columns keep their identity
  // until their own text changes. The keys are worked out only when those tables change, not on
  // every stance edit (formatting each phase's dates is the costly part).
  const phasesKey = useMemo(() => JSON.stringify(phases.map((p) => [p.id, p.name, phaseSpan(p)])), [phases]);
  const areasKey = useMemo(() => JSON.stringify(areas.map((a) => [a.id, a.name, a.description, a.builtIn])), [areas]);
  const matrixPhases = useMemo<MatrixPhase[]>(() => (JSON.parse(phasesKey) as [string, string, string][]).map(([id, name, span]) => ({ id, name, span })), [phasesKey]);
  const areaItems = useMemo<AreaItem[]>(() => (JSON.parse(areasKey) as [string, string, string, boolean][]).map(([id, name, description, builtIn]) => ({ id, name, description, builtIn })), [areasKey]);
  const matrixAreas = useMemo<MatrixArea[]>(() => areaItems.map((a) => ({ id: a.id, name: a.name })), [areaItems]);
  const phaseIds = useMemo(() => matrixPhases.map((p) => p.id), [matrixPhases]);
  const areaIds = useMemo(() => matrixAreas.map((a) => a.id), [matrixAreas]);
  // A pressed stance shows at once, laid over the stored ones until storage has it (or the write
  // fails, when the cell goes back). `isStored` changes only with the stored stances, so the
  // pending values are worked out again only when a stance is pressed or comes back.
  const stored = useMemo(() => stanceLookup(bundle.stances), [bundle.stances]);
  const isStored = useCallback((key: string, stance: StanceValue | null) => holdsStance(stored, key, stance), [stored]);
  // The same map while the stances on show are the same: a write finishing re-renders no matrix.
  const { pending, hold } = usePendingValues(isStored);
  const shown = useMemo(() => withPending(bundle.stances, pending), [bundle.stances, pending]);
  const lookup = useMemo(() => (shown === bundle.stances ? stored : stanceLookup(shown)), [shown, bundle.stances, stored]);
  const shifts = useMemo(() => shiftLookup(phaseIds, areaIds, shown), [phaseIds, areaIds, shown]);

  const [selectedCell, setSelected] = useState<{ areaId: string; phaseId: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const speakRef = useRef<(text: string) => void>(() => undefined);
  const gridBox = useRef<HTMLDivElement>(null);
  const detailsBox = useRef<HTMLDivElement>(null);
  const newNameRef = useRef<HTMLInputElement>(null);
  // The area editor opens on request (and by itself while there are no areas): its twenty rows of
  // buttons are setup work, not needed to read or set stances, and cost nothing until then.
  const [areasOpen, setAreasOpen] = useState(false);
  const toggleAreas = useCallback(() => setAreasOpen((open) => !open), []);

  // The latest names and stances, for callbacks that stay the same from render to render.
  const latest = useRef({ areas, phases, lookup, positions: bundle.positions });
  useEffect(() => {
    latest.current = { areas, phases, lookup, positions: bundle.positions };
  });
  /** What a stance command reads to flag template words it leaves out of date: the area's cells and decision 1. */
  const contextFor = (areaId: string): StanceContext => {
    const { phases: inOrder, lookup: cells, positions } = latest.current;
    const phaseIds = inOrder.map((p) => p.id);
    const current = new Map(phaseIds.flatMap((id) => {
      const record = cells.get(cellKey(areaId, id));
      return record ? [[id, record] as const] : [];
    }));
    return { phaseIds, current, decision1: positions.filter((p) => p.decision === 1) };
  };
  const names = (areaId: string, phaseId = ''): { area: Named; phase: Named } => ({
    area: { id: areaId, name: latest.current.areas.find((a) => a.id === areaId)?.name ?? 'the area' },
    phase: { id: phaseId, name: latest.current.phases.find((p) => p.id === phaseId)?.name ?? 'the phase' },
  });

  const inPlan = (c: { areaId: string; phaseId: string } | null) => {
    const area = c && areas.find((a) => a.id === c.areaId);
    const phase = c && phases.find((p) => p.id === c.phaseId);
    return area && phase ? { area, phase } : null;
  };
  const selected = inPlan(selectedCell) ? selectedCell : null;
  // The details follow the selection once it rests, so moving through the matrix does not mount
  // a panel of fields for every cell passed (and a stance pressed on the way does not wait behind
  // one); a cell the planner opens shows at once.
  const [openedCell, setOpened] = useState<{ areaId: string; phaseId: string } | null>(null);
  const restingCell = useSettledValue(selectedCell, DETAILS_DELAY_MS);
  const opened = openedCell && selectedCell && openedCell.areaId === selectedCell.areaId && openedCell.phaseId === selectedCell.phaseId;
  const details = inPlan(opened ? selectedCell : restingCell);
  const selectedArea = details?.area;
  const selectedPhase = details?.phase;

  useEffect(() => {
    if (focusRequest > 0) detailsBox.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [focusRequest]);

  const onSelect = useCallback((areaId: string, phaseId: string, open: boolean) => {
    setSelected((current) => (current?.areaId === areaId && current.phaseId === phaseId ? current : { areaId, phaseId }));
    if (open) {
      setOpened({ areaId, phaseId });
      setFocusRequest((n) => n + 1);
    }
  }, []);

  const onSetStance = useCallback(async (areaId: string, phaseId: string, stance: StanceValue | null) => {
    const { area, phase } = names(areaId, phaseId);
    const key = cellKey(areaId, phaseId);
    const current = latest.current.lookup.get(key)?.stance ?? null;
    if (current === stance) {
      speakRef.current(`${area.name} in ${phase.name} is already ${stanceLabel(stance)}.`);
      return true;
    }
    const saved = await hold(key, stance, run(setStance(planId, area, phase, stance, contextFor(areaId))));
    if (saved) speakRef.current(`${area.name} in ${phase.name}: ${stanceLabel(stance)}.`);
    return saved;
  }, [run, hold, planId]);

  const onSetInPhases = useCallback((areaId: string, phaseId: string, scope: 'every' | 'from', stance: StanceValue | null) => {
    const { area, phase } = names(areaId, phaseId);
    const all = latest.current.phases;
    const from = scope === 'from' ? all.findIndex((p) => p.id === phaseId) : 0;
    const chosen = all.slice(Math.max(from, 0)).map((p) => ({ id: p.id, name: p.name }));
    const context = contextFor(areaId);
    const where = scope === 'from' ? `from ${phase.name} on` : 'in every phase';
    if (phasesToChange(chosen.map((p) => p.id), stance, context.current) === 0) {
      speakRef.current(`${area.name} is already ${stanceLabel(stance)} ${where}.`);
      return;
    }
    void run(setStanceInPhases(planId, area, chosen, scope === 'from' ? phase : null, stance, context));
  }, [run, planId]);

  const onKeep = useCallback((areaId: string, phaseId: string) => {
    const { area, phase } = names(areaId, phaseId);
    void run(keepStanceRationale(planId, area, phase)).then((saved) => {
      if (saved) speakRef.current(`Kept the rationale for ${area.name} in ${phase.name} as it is.`);
    });
  }, [run, planId]);

  const onSaveText = useCallback((areaId: string, phaseId: string, field: StanceTextField, text: string) => {
    const { area, phase } = names(areaId, phaseId);
    return run(setStanceText(planId, area, phase, field, text));
  }, [run, planId]);

  const onReturn = useCallback((areaId: string, phaseId: string) => {
    gridBox.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(areaId, phaseId)}"]`)?.focus();
  }, []);

  const onAddArea = useCallback(async (name: string, start: StanceValue | null) => {
    // The editor stays open when the first area of a plan without any is added (it had opened by itself).
    setAreasOpen(true);
    const phaseIds = latest.current.phases.map((p) => p.id);
    const saved = await run(addArea(planId, name, start ? { stance: start, phaseIds } : null));
    if (saved) speakRef.current(`Added “${name}” as the last row of the matrix${start && phaseIds.length > 0 ? `, ${STANCE_LABELS[start]} in every phase` : ''}.`);
    return saved;
  }, [run, planId]);

  const onRename = useCallback((areaId: string, name: string) => run(renameArea(names(areaId).area, name)), [run]);

  const onDescribe = useCallback((areaId: string, description: string) => run(describeArea(names(areaId).area, description)), [run]);

  const onMove = useCallback((areaId: string, direction: -1 | 1) => {
    const { area } = names(areaId);
    void run(moveArea(area, direction)).then((saved) => {
      if (!saved) return;
      speakRef.current(`Moved ${area.name} ${direction < 0 ? 'up' : 'down'}.`);
    });
  }, [run]);

  const onDelete = useCallback((areaId: string) => {
    const { area } = names(areaId);
    const ids = latest.current.areas.map((a) => a.id);
    const index = ids.indexOf(areaId);
    const neighbour = ids[index + 1] ?? ids[index - 1] ?? null;
    void run(deleteArea(area)).then((saved) => {
      if (!saved) return;
      requestAnimationFrame(() => {
        const next = neighbour ? document.querySelector<HTMLElement>(`[data-delete="${neighbour}"]`) : null;
        (next ?? newNameRef.current)?.focus();
      });
    });
  }, [run]);

  // The panels beside and below the matrix are memoized elements: a stance edit elsewhere in the
  // grid re-renders the grid alone.
  const record = details ? lookup.get(cellKey(details.area.id, details.phase.id)) : undefined;
  const previous = details ? previousStance(details.area.id, details.phase.id, phaseIds, lookup) : null;
  const detailsStance = record?.stance ?? null;
  const areaCells = details ? new Map(phaseIds.flatMap((id) => {
    const r = lookup.get(cellKey(details.area.id, id));
    return r ? [[id, r] as const] : [];
  })) : null;
  const fromIndex = details ? phaseIds.indexOf(details.phase.id) : 0;
  const cell = selectedArea && selectedPhase ? {
    areaId: selectedArea.id,
    phaseId: selectedPhase.id,
    areaName: selectedArea.name,
    areaDescription: selectedArea.description,
    builtIn: selectedArea.builtIn,
    phaseName: selectedPhase.name,
    phaseSpan: phaseSpan(selectedPhase),
    stance: record?.stance ?? null,
    rationale: record?.rationale ?? '',
    rationaleOrigin: record?.rationaleOrigin ?? 'planner',
    owner: record?.owner ?? '',
    guardrails: record?.guardrails ?? '',
    previousStance: previous?.stance ?? null,
    previousPhaseName: previous ? (phases.find((p) => p.id === previous.phaseId)?.name ?? null) : null,
    firstPhase: fromIndex === 0,
    changesEveryPhase: areaCells ? phasesToChange(phaseIds, detailsStance, areaCells) : 0,
    changesFromHere: areaCells ? phasesToChange(phaseIds.slice(fromIndex), detailsStance, areaCells) : 0,
  } : null;
  const cellSignature = cell && JSON.stringify(cell);
  const detailsPanel = useMemo(() => {
    const shown = cellSignature ? (JSON.parse(cellSignature) as NonNullable<typeof cell>) : null;
    return (
      <Paper ref={detailsBox} variant="outlined" component="section" aria-labelledby="tl-details-heading" data-tl-noprint className="tl-details">
        {shown ? (
          <StanceDetails key={cellKey(shown.areaId, shown.phaseId)} {...shown} onSetStance={onSetStance} onSaveText={onSaveText} onSetInPhases={onSetInPhases} onKeep={onKeep} onReturn={onReturn} />
        ) : (
          <>
            <Typography id="tl-details-heading" component="h3" variant="h3" gutterBottom>Details</Typography>
            <Typography color="text.secondary">
              Select a cell to see why the area is held that way, who owns it, and its guardrails: click it, or move to it with the arrow keys and press Enter.
            </Typography>
          </>
        )}
      </Paper>
    );
  }, [cellSignature, onSetStance, onSaveText, onSetInPhases, onKeep, onReturn]);

  // The cells whose template rationale waits for review, as links by area above the matrix.
  const reviewSignature = useMemo(() => JSON.stringify(reviewCells(areaIds, phaseIds, bundle.stances)), [areaIds, phaseIds, bundle.stances]);
  const reviewNote = useMemo(() => {
    const cells = JSON.parse(reviewSignature) as { areaId: string; phaseId: string }[];
    if (cells.length === 0) return null;
    const byArea = matrixAreas.flatMap((a) => {
      const phasesHere = cells.filter((c) => c.areaId === a.id).flatMap((c) => matrixPhases.filter((p) => p.id === c.phaseId));
      return phasesHere.length > 0 ? [{ area: a, phases: phasesHere }] : [];
    });
    return (
      <Alert severity="warning" role="region" aria-label="Rationales to review" data-tl-noprint sx={{ mb: 1.5, typography: 'body2' }}>
        <strong>{cells.length === 1 ? '1 rationale from the template to review' : `${cells.length} rationales from the template to review`}</strong>
        {': the stance changed after the words were written, so they may no longer fit. Their cells say “Review rationale”.'}
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {byArea.map(({ area, phases: list }) => (
            <li key={area.id}>
              {`${area.name}: `}
              {list.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link component="button" type="button" variant="body2" aria-label={`${area.name} in ${p.name}`} sx={{ verticalAlign: 'baseline' }} onClick={() => onSelect(area.id, p.id, true)}>
                    {p.name}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </Box>
      </Alert>
    );
  }, [reviewSignature, matrixAreas, matrixPhases, onSelect]);

  const showAreaList = areasOpen || areaItems.length === 0;
  const areasPanel = useMemo(() => (
    <Paper variant="outlined" component="section" aria-labelledby="tl-areas-heading" data-tl-noprint sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: 2, rowGap: 1, mb: 0.5 }}>
        <Typography id="tl-areas-heading" component="h3" variant="h3">Areas</Typography>
        {areaItems.length > 0 && (
          <Button variant="outlined" aria-expanded={showAreaList} aria-controls="tl-area-editor" startIcon={showAreaList ? <ExpandLessIcon /> : <EditOutlinedIcon />} onClick={toggleAreas}>
            {showAreaList ? 'Close the area editor' : `Edit the ${areaItems.length} areas`}
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: '75ch' }}>
        The rows of the matrix. Those marked “Named in the study” come from The Learning Accelerator’s study of system leaders; rename or reword them to fit your system, reorder them, and add your own.
      </Typography>
      {showAreaList && (
        <div id="tl-area-editor">
          <AreaList areas={areaItems} onAdd={onAddArea} onRename={onRename} onDescribe={onDescribe} onMove={onMove} onDelete={onDelete} newNameRef={newNameRef} />
        </div>
      )}
    </Paper>
  ), [showAreaList, toggleAreas, areaItems, onAddArea, onRename, onDescribe, onMove, onDelete]);

  const empty = phases.length === 0 ? 'phases' : areas.length === 0 ? 'areas' : null;
  const emptyNote = useMemo(() => {
    if (empty === 'phases') {
      return (
        <EmptyNote title="The matrix needs phases">
          <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
            Each column of the matrix is a phase of your roadmap (pilot, expand, scale, sustain …). Add phases in the Roadmap section, then come back to decide who holds each area in each phase.
          </Typography>
          <Button variant="contained" startIcon={<TimelineOutlinedIcon />} href={routeHref(planRoute(planId, 'roadmap'))}>Go to the Roadmap</Button>
        </EmptyNote>
      );
    }
    if (empty === 'areas') {
      return (
        <EmptyNote title="No areas yet">
          <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
            Areas of implementation are the rows of the matrix: vision and outcomes, curriculum, professional development, devices, data … Add the ones your plan decides on.
          </Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => newNameRef.current?.focus()}>Add area</Button>
        </EmptyNote>
      );
    }
    return null;
  }, [empty, planId]);

  return (
    <section aria-labelledby="section-heading">
      {SECTION_TOP}
      {emptyNote ?? (
        <div className="tl-layout">
          <div ref={gridBox} className="tl-matrix-column">
            {MATRIX_TOP}
            {reviewNote}
            <StanceMatrix
              areas={matrixAreas}
              phases={matrixPhases}
              lookup={lookup}
              shifts={shifts}
              stances={bundle.stances}
              selected={selected}
              onSelect={onSelect}
              onSetStance={onSetStance}
              labelledBy="tl-matrix-heading"
              describedBy="tl-matrix-help"
            />
          </div>
          {detailsPanel}
        </div>
      )}
      {areasPanel}
      <LiveRegion speakRef={speakRef} />
    </section>
  );
}
