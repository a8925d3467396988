import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import PauseCircleOutlinedIcon from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutlinedIcon from '@mui/icons-material/PlayCircleOutlined';
import { formatDisplayDate, phaseDateProblem } from '../../domain/phase-rules';
import { MILESTONE_KINDS, MILESTONE_KIND_LABELS, PHASE_KIND_LABELS, PHASE_STATUS_LABELS, type Milestone, type Phase } from '../../domain/schemas';
import {
  DEFAULT_ZOOM, LABEL_WIDTH, PX_PER_MONTH, ZOOMS, ZOOM_LABELS, barExtent, dateSpanText, dateToX, dragPhase, headerCells, monthOffset, shiftPhase,
  timelineRange, timelineWidth, type DateChange, type HeaderCell, type PhaseDates, type TimelineRange, type Zoom,
} from '../../domain/timeline';
import type { RunCommand } from '../../app/plan-history';
import { usePendingValues } from '../../components/use-pending-values';
import { visuallyHidden } from '../../components/visually-hidden';
import { dragPhaseDates, movePhase, nudgePhaseDates } from './commands';
import type { Carry } from '../../domain/phase-moves';
import { MARK_SIZE, KindMark, markClass, markLabel, markSx, markText } from './milestone-marks';
import type { Reschedule } from './MovePhaseDialog';
import { KIND_COLORS } from './phase-style';
import { TimelineTable } from './TimelineTable';
import type { PhaseIntakeText } from './wave-intake';
import { colors } from '../../app/theme';

const HEADER_H = 24;
const ROW_H = 58;
const BAR_TOP = 6;
const BAR_H = 36;
/** Pointer travel (px) before a press on a bar counts as a drag rather than a click. */
const DRAG_THRESHOLD = 3;
/** How close (px) to a bar's end a press resizes instead of moving. */
const EDGE_ZONE = 10;
/** Grid lines every month, quarter or school year, by zoom. */
const GRID_MONTHS: Record<Zoom, number> = { months: 1, quarters: 3, years: 12 };

export interface TimelineProps {
  /** The h3 that names the timeline, shown beside the zoom control. */
  heading: ReactNode;
  phases: Phase[];
  milestones: Milestone[];
  schoolYearStartMonth: number;
  today: Date;
  /** Runs the timeline's edits (a new order), each one undoable; resolves false when not saved. */
  run: RunCommand;
  /** New dates for a phase (offering to carry its milestones and the phases after it); resolves false when not saved. */
  reschedule: Reschedule;
  /** Tells the planner why a change was refused. */
  onRefuse: (message: string) => void;
  onOpenDetails: (phase: Phase) => void;
  onOpenMilestone: (milestone: Milestone) => void;
  /** What the waves joining each phase bring in, in words, by phase id. */
  intake?: ReadonlyMap<string, PhaseIntakeText>;
  /** The dates the approved plan gave each phase, by phase id: drawn as outlines behind today's bars, so slips show. */
  approved?: ReadonlyMap<string, PhaseDates>;
}

const KEY_HELP = 'Drag a bar to move a phase, or drag its ends to change its dates. Keyboard, on a bar: Left/Right arrows move it a month, '
  + 'Shift+arrows change its end, Alt+arrows its start, Alt+Up/Down reorders, Enter edits its details. '
  + 'Tab from a bar reaches its milestones: Left/Right go from one to the next, Enter edits one.';

function StatusIcon({ status }: { status: Phase['status'] }) {
  const sx = { fontSize: 14, flexShrink: 0 };
  if (status === 'complete') return <CheckCircleIcon aria-hidden sx={sx} />;
  if (status === 'underway') return <PlayCircleOutlinedIcon aria-hidden sx={sx} />;
  if (status === 'on-hold') return <PauseCircleOutlinedIcon aria-hidden sx={sx} />;
  return null;
}

/** Positions scale with the zoom through the --tl-px variable (px per month), so a zoom change re-renders none of these. */
const atMonths = (months: number) => `calc(var(--tl-px) * ${months})`;

const HeaderRow = memo(function HeaderRow({ title, cells, text, sticky = false }: { title: string; cells: HeaderCell[]; text: 'label' | 'narrow'; sticky?: boolean }) {
  return (
    <div className={sticky ? 'tl-row tl-header tl-sticky-labels' : 'tl-row tl-header'} style={{ height: HEADER_H }}>
      <div className="tl-label tl-header-label">{title}</div>
      <div className="tl-track">
        {cells.map((cell) => (
          <div key={cell.key} className="tl-cell" title={cell.title} style={{ left: atMonths(cell.offset), width: atMonths(cell.span) }}>
            <span className="tl-cell-text">{text === 'narrow' ? cell.narrowLabel : cell.label}</span>
          </div>
        ))}
      </div>
    </div>
  );
});

/**
 * Where a milestone marker is centred: on its day, but never so close to the start of the
 * track that the row names cover half of it (the timeline opens on the plan's first day).
 */
const markerAt = (months: number) => `max(${atMonths(months)}, 6px)`;

/**
 * Milestone markers: plain positioned elements (500 of them must render fast), one shape and
 * letter per kind. Clicks, keys and the tooltip are handled once, on the timeline, not per marker.
 * One marker in a row is in the Tab order; Left/Right go through the rest.
 */
interface MarkersProps {
  milestones: Milestone[];
  range: TimelineRange;
}

/** Markers re-render only when a milestone they show changes, not with every new copy of the plan from storage. */
function sameMarkers(a: MarkersProps, b: MarkersProps): boolean {
  return a.range === b.range && a.milestones.length === b.milestones.length
    && a.milestones.every((m, i) => {
      const n = b.milestones[i];
      return n !== undefined && m.id === n.id && m.date === n.date && m.name === n.name && m.done === n.done && m.kind === n.kind;
    });
}

const MilestoneMarkers = memo(function MilestoneMarkers({ milestones, range }: MarkersProps) {
  // Milestones on the same day stand side by side rather than on top of one another.
  const sameDay = new Map<string, number>();
  return (
    <>
      {milestones.map((m, i) => {
        const beside = sameDay.get(m.date) ?? 0;
        sameDay.set(m.date, beside + 1);
        const left = markerAt(monthOffset(m.date, range));
        return (
          <span
            key={m.id}
            role="button"
            tabIndex={i === 0 ? 0 : -1}
            aria-label={markLabel(m, formatDisplayDate(m.date))}
            data-ms={m.id}
            className={`${markClass(m.kind, m.done)} tl-ms`}
            style={{ left: beside === 0 ? left : `calc(${left} + ${beside * (MARK_SIZE + 2)}px)` }}
          >
            {markText(m.kind, m.done)}
          </span>
        );
      })}
    </>
  );
}, sameMarkers);

/** Within a few pixels of a bar's end (its border included) a press resizes; anywhere else it moves. */
function changeAt(event: PointerEvent<HTMLElement>): DateChange {
  const rect = event.currentTarget.getBoundingClientRect();
  const zone = Math.min(EDGE_ZONE, rect.width / 4);
  if (event.clientX - rect.left <= zone) return 'start';
  if (rect.right - event.clientX <= zone) return 'end';
  return 'move';
}

interface PhaseRowProps {
  phase: Phase;
  index: number;
  dates: PhaseDates;
  milestones: Milestone[];
  range: TimelineRange;
  zoom: Zoom;
  onCommit: (phase: Phase, dates: PhaseDates, change: DateChange) => void;
  onKeyDown: (phase: Phase, event: KeyboardEvent<HTMLDivElement>) => void;
  onOpenDetails: (phase: Phase) => void;
  intake: PhaseIntakeText | undefined;
  approved: PhaseDates | undefined;
}

interface Drag {
  change: DateChange;
  pointerId: number;
  originX: number;
  moved: boolean;
  preview: PhaseDates;
}

/** One phase: its name in the sticky column, its bar (drag to move, edges to resize) and its milestones. */
const PhaseRow = memo(function PhaseRow({ phase, index, dates, milestones, range, zoom, onCommit, onKeyDown, onOpenDetails, intake, approved }: PhaseRowProps) {
  const px = PX_PER_MONTH[zoom];
  const [drag, setDrag] = useState<Drag | null>(null);
  const shown = drag?.moved ? drag.preview : dates;
  const { left, width } = barExtent(shown, range, px);
  const span = dateSpanText(shown);
  const colors = KIND_COLORS[phase.kind];
  const kindStatus = `${PHASE_KIND_LABELS[phase.kind]} · ${PHASE_STATUS_LABELS[phase.status]}`;
  const moved = approved !== undefined && (approved.start !== dates.start || approved.end !== dates.end);
  const outline = moved ? barExtent(approved, range, px) : null;
  const approvedText = moved ? ` Approved dates: ${dateSpanText(approved)}.` : '';

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const change = changeAt(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    event.preventDefault();
    setDrag({ change, pointerId: event.pointerId, originX: event.clientX, moved: false, preview: dates });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) {
      // The pointer shows what a press would do here: resize near an end, move elsewhere.
      event.currentTarget.style.cursor = changeAt(event) === 'move' ? '' : 'ew-resize';
      return;
    }
    if (event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.originX;
    if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
    // A drag that would end the phase before it starts keeps the last good position.
    const preview = dragPhase(dates, drag.change, dx, range, zoom) ?? drag.preview;
    if (drag.moved && preview.start === drag.preview.start && preview.end === drag.preview.end) return;
    setDrag({ ...drag, moved: true, preview });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (drag.moved && (drag.preview.start !== dates.start || drag.preview.end !== dates.end)) onCommit(phase, drag.preview, drag.change);
    setDrag(null);
  };

  return (
    <div className="tl-row" style={{ height: ROW_H }}>
      <div className="tl-label tl-phase-label">
        <span className="tl-phase-name" title={phase.name}>{`${index + 1}. ${phase.name}`}</span>
        <span className={drag?.moved ? 'tl-phase-dates tl-live' : 'tl-phase-dates'}>{`${formatDisplayDate(shown.start)} – ${formatDisplayDate(shown.end)}`}</span>
        {intake && <span className="tl-phase-intake" title={intake.full}>{intake.short}</span>}
      </div>
      <div className="tl-track">
        {outline && <div className="tl-approved" aria-hidden style={{ left: outline.left, width: outline.width }} />}
        <div
          role="button"
          tabIndex={0}
          data-phase-bar={phase.id}
          aria-label={`${phase.name}, ${span}. ${PHASE_KIND_LABELS[phase.kind]} phase, ${PHASE_STATUS_LABELS[phase.status]}.${intake ? ` ${intake.full}.` : ''}${approvedText}`}
          aria-describedby="timeline-keys"
          title={`${phase.name} (${kindStatus}): ${span}${approvedText}`}
          className={`tl-bar${phase.status === 'on-hold' ? ' tl-bar-hold' : ''}${drag?.moved ? ' tl-dragging' : ''}`}
          style={{ left, width, background: phase.status === 'on-hold' ? undefined : colors.fill, borderColor: colors.edge, ['--edge' as string]: colors.edge, ['--fill' as string]: colors.fill }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onDoubleClick={() => onOpenDetails(phase)}
          onKeyDown={(event) => {
            if (drag && event.key === 'Escape') {
              event.preventDefault();
              setDrag(null);
              return;
            }
            onKeyDown(phase, event);
          }}
        >
          <span className="tl-edge tl-edge-start" aria-hidden />
          <span className="tl-bar-text">
            <span className="tl-bar-name">{phase.name}</span>
            <span className="tl-bar-meta">
              <StatusIcon status={phase.status} />
              <span>{drag?.moved ? `${formatDisplayDate(shown.start)} – ${formatDisplayDate(shown.end)}` : kindStatus}</span>
            </span>
          </span>
          <span className="tl-edge tl-edge-end" aria-hidden />
        </div>
        <MilestoneMarkers milestones={milestones} range={range} />
      </div>
    </div>
  );
});

const EMPTY: Milestone[] = [];

/**
 * Phases as bars over school years, with their milestones and a line for today. Bars move and
 * resize by mouse and by keyboard; each change is one undoable edit.
 */
export function Timeline({ heading, phases, milestones, schoolYearStartMonth, today, run, reschedule, onRefuse, onOpenDetails, onOpenMilestone, intake, approved }: TimelineProps) {
  const [zoom, setZoom] = useState<Zoom>(DEFAULT_ZOOM);
  const px = PX_PER_MONTH[zoom];
  const scroller = useRef<HTMLDivElement>(null);
  /** The month at the middle of the view when the zoom changed, to keep it there. */
  const zoomAnchor = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inner = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const milestoneById = useMemo(() => new Map(milestones.map((m) => [m.id, m])), [milestones]);

  // Dates written from here but not yet back from storage, so a bar does not jump back meanwhile.
  const stored = useMemo(() => new Map(phases.map((p) => [p.id, p])), [phases]);
  const isStored = useCallback((id: string, dates: PhaseDates) => {
    const phase = stored.get(id);
    return phase !== undefined && phase.start === dates.start && phase.end === dates.end;
  }, [stored]);
  const { pending, hold } = usePendingValues(isStored);
  const datesOf = useCallback((phase: Phase): PhaseDates => pending.get(phase.id) ?? phase, [pending]);

  const span = useMemo(() => {
    const dates: string[] = [];
    for (const p of phases) dates.push(p.start, p.end);
    for (const m of milestones) dates.push(m.date);
    // Approved dates of the phases still in the plan stay in view, so an outline is never cut off.
    for (const p of phases) {
      const was = approved?.get(p.id);
      if (was) dates.push(was.start, was.end);
    }
    return timelineRange(dates, today, schoolYearStartMonth);
  }, [phases, milestones, today, schoolYearStartMonth, approved]);
  // The same range object for as long as the span is the same, so rows and markers can skip re-rendering.
  const rangeStart = span.start.getTime();
  const range = useMemo<TimelineRange>(() => ({ start: new Date(rangeStart), months: span.months, startMonth: span.startMonth }), [rangeStart, span.months, span.startMonth]);
  const header = useMemo(() => headerCells(range), [range]);
  const trackWidth = range.months * px;
  const todayX = dateToX(today, range, px);
  // A plan that starts in a later school year opens on its own years; today is then off to the left.
  const todayBefore = todayX < 0;

  const byPhase = useMemo(() => {
    const ids = new Set(phases.map((p) => p.id));
    const map = new Map<string | null, Milestone[]>();
    for (const m of milestones) {
      const key = m.phaseId !== null && ids.has(m.phaseId) ? m.phaseId : null;
      const list = map.get(key);
      if (list) list.push(m);
      else map.set(key, [m]);
    }
    return map;
  }, [phases, milestones]);
  const loose = byPhase.get(null) ?? EMPTY;

  // Open where the plan is: at today while a phase runs, else at the first phase, unless that is near the start anyway.
  const firstX = phases.length > 0 ? Math.min(...phases.map((p) => dateToX(p.start, range, px))) : 0;
  const lastX = phases.length > 0 ? Math.max(...phases.map((p) => dateToX(p.end, range, px))) : 0;
  const openAt = useRef(todayX >= firstX && todayX <= lastX ? todayX : firstX);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const visible = el.clientWidth - LABEL_WIDTH;
    const x = openAt.current;
    if (x > visible / 2) el.scrollTo({ left: x - 2 * PX_PER_MONTH[DEFAULT_ZOOM], behavior: 'instant' });
  }, []);

  // After a zoom change, the month that was in the middle of the view stays there.
  useLayoutEffect(() => {
    const el = scroller.current;
    const anchor = zoomAnchor.current;
    if (!el || anchor === null) return;
    zoomAnchor.current = null;
    el.scrollTo({ left: Math.max(0, anchor * PX_PER_MONTH[zoom] - (el.clientWidth - LABEL_WIDTH) / 2), behavior: 'instant' });
  }, [zoom]);

  const changeZoom = (next: Zoom | null) => {
    if (!next || next === zoom) return;
    const el = scroller.current;
    if (el) zoomAnchor.current = (el.scrollLeft + (el.clientWidth - LABEL_WIDTH) / 2) / px;
    setZoom(next);
  };

  const focusBar = (phaseId: string) => {
    const bar = scroller.current?.querySelector<HTMLElement>(`[data-phase-bar="${phaseId}"]`);
    if (bar && document.activeElement !== bar) bar.focus();
  };

  const write = useCallback((phase: Phase, dates: PhaseDates, change: DateChange, make: Parameters<Reschedule>[3]) => {
    void hold(phase.id, dates, reschedule(phase, dates, change, make)).then((saved) => {
      if (saved) setAnnouncement(`${phase.name}: ${dateSpanText(dates)}.`);
    });
  }, [hold, reschedule]);

  const onCommitDrag = useCallback((phase: Phase, dates: PhaseDates, change: DateChange) => {
    write(phase, dates, change, (carry?: Carry) => dragPhaseDates(phase, dates, change, carry));
  }, [write]);

  const onBarKeyDown = useCallback((phase: Phase, event: KeyboardEvent<HTMLDivElement>) => {
    const { key, altKey, shiftKey, ctrlKey, metaKey } = event;
    if (ctrlKey || metaKey) return;
    const index = phases.findIndex((p) => p.id === phase.id);
    if (key === 'Enter') {
      event.preventDefault();
      onOpenDetails(phase);
    } else if ((key === 'ArrowLeft' || key === 'ArrowRight') && !(altKey && shiftKey)) {
      event.preventDefault();
      const months = key === 'ArrowLeft' ? -1 : 1;
      const change: DateChange = shiftKey ? 'end' : altKey ? 'start' : 'move';
      const next = shiftPhase(datesOf(phase), change, months);
      if (phaseDateProblem(next.start, next.end)) {
        onRefuse(`Not changed: “${phase.name}” must end after it starts (it would run ${dateSpanText(next)}).`);
        return;
      }
      write(phase, next, change, (carry?: Carry) => nudgePhaseDates(phase, next, change, months, carry));
    } else if ((key === 'ArrowUp' || key === 'ArrowDown') && !shiftKey) {
      event.preventDefault();
      const direction = key === 'ArrowUp' ? -1 : 1;
      const neighbour = phases[index + direction];
      if (!altKey) {
        if (neighbour) focusBar(neighbour.id);
        return;
      }
      if (!neighbour) {
        setAnnouncement(`${phase.name} is already ${direction < 0 ? 'first' : 'last'}.`);
        return;
      }
      void run(movePhase(phase, direction)).then((saved) => {
        if (!saved) return;
        setAnnouncement(`${phase.name} is now phase ${index + direction + 1} of ${phases.length}.`);
        // Moving the row in the page can take the focus away from its bar: give it back.
        requestAnimationFrame(() => focusBar(phase.id));
      });
    }
  }, [phases, datesOf, write, onOpenDetails, run, onRefuse]);

  // Milestone markers: one tooltip for all of them (name, kind, date) on hover and on focus, and
  // their clicks and keys, handled here rather than on each of them.
  const showTip = (marker: HTMLElement) => {
    const m = milestoneById.get(marker.dataset.ms ?? '');
    const el = tip.current;
    const box = inner.current;
    const view = scroller.current;
    if (!m || !el || !box || !view) return;
    const [name, meta] = [el.firstElementChild, el.lastElementChild];
    if (name) name.textContent = m.name;
    if (meta) meta.textContent = `${MILESTONE_KIND_LABELS[m.kind]} · ${formatDisplayDate(m.date)}${m.done ? ' · done' : ''}`;
    el.hidden = false;
    const b = box.getBoundingClientRect();
    const r = marker.getBoundingClientRect();
    const minLeft = view.scrollLeft + LABEL_WIDTH + 4;
    const maxLeft = view.scrollLeft + view.clientWidth - el.offsetWidth - 4;
    el.style.left = `${Math.max(minLeft, Math.min(maxLeft, r.left + r.width / 2 - b.left - el.offsetWidth / 2))}px`;
    el.style.top = `${r.top - b.top - el.offsetHeight - 6}px`;
  };
  const hideTip = () => {
    if (tip.current) tip.current.hidden = true;
  };
  const markerOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-ms]') : null);
  const openMarker = (marker: HTMLElement) => {
    const m = milestoneById.get(marker.dataset.ms ?? '');
    if (m) onOpenMilestone(m);
  };
  const onMarkerKey = (event: KeyboardEvent<HTMLElement>) => {
    const marker = markerOf(event.target);
    if (!marker) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMarker(marker);
    } else if (event.key === 'Escape') {
      hideTip();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const row = [...(marker.parentElement?.querySelectorAll<HTMLElement>('[data-ms]') ?? [])];
      const at = row.indexOf(marker);
      const next = event.key === 'Home' ? row[0] : event.key === 'End' ? row.at(-1) : row[at + (event.key === 'ArrowLeft' ? -1 : 1)];
      if (!next || next === marker) return;
      // One marker per row in the Tab order: the one last reached.
      marker.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  };

  const gridStep = GRID_MONTHS[zoom] * px;
  const yearStep = 12 * px;

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        {heading}
        <Box sx={{ width: 16 }} />
        <Typography id="timeline-zoom-label" variant="body2" sx={{ fontWeight: 600, displayPrint: 'none' }}>Zoom</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={zoom}
          onChange={(_, next: Zoom | null) => changeZoom(next)}
          aria-labelledby="timeline-zoom-label"
        >
          {ZOOMS.map((z) => <ToggleButton key={z} value={z} sx={{ px: 1.5, py: 0.25, textTransform: 'none', fontWeight: 600 }}>{ZOOM_LABELS[z]}</ToggleButton>)}
        </ToggleButtonGroup>
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" aria-hidden sx={{ gap: 2, alignItems: 'center', typography: 'body2', color: 'text.secondary' }}>
          {MILESTONE_KINDS.map((kind) => (
            <Box key={kind} component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}><KindMark kind={kind} />{MILESTONE_KIND_LABELS[kind]}</Box>
          ))}
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}><KindMark kind="milestone" done />Done (filled)</Box>
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}><Box component="span" sx={{ width: 2, height: 14, bgcolor: TODAY }} />Today</Box>
        </Stack>
      </Stack>
      <Typography id="timeline-keys" variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: '120ch', displayPrint: 'none' }}>{KEY_HELP}</Typography>
      <Box
        ref={scroller}
        style={{ ['--tl-px' as string]: `${px}px` }}
        role="group"
        aria-label={`Timeline, ${header.years[0]?.label ?? ''} to ${header.years.at(-1)?.label ?? ''}`}
        sx={timelineSx}
        onClick={(event) => {
          const marker = markerOf(event.target);
          if (marker) openMarker(marker);
        }}
        onKeyDown={onMarkerKey}
        onPointerOver={(event) => {
          const marker = markerOf(event.target);
          if (marker) showTip(marker);
        }}
        onPointerOut={(event) => {
          const marker = markerOf(event.target);
          if (!marker || marker.contains(event.relatedTarget as Node | null)) return;
          const focused = markerOf(document.activeElement);
          if (focused) showTip(focused);
          else hideTip();
        }}
        onFocus={(event) => {
          const marker = markerOf(event.target);
          if (marker) showTip(marker);
        }}
        onBlur={(event) => {
          if (markerOf(event.target)) hideTip();
        }}
      >
        <div ref={inner} className="tl-inner" style={{ width: timelineWidth(range, zoom) }}>
          <div aria-hidden>
            <HeaderRow title="School year" cells={header.years} text="label" sticky />
            <HeaderRow title="Quarter" cells={header.quarters} text="label" />
            {zoom !== 'years' && <HeaderRow title="Month" cells={header.months} text={zoom === 'months' ? 'label' : 'narrow'} />}
          </div>
          <div className="tl-body">
            <div
              className="tl-grid"
              style={{
                width: trackWidth,
                backgroundImage: `linear-gradient(to right, ${colors.gridMajor} 1px, transparent 1px), linear-gradient(to right, ${colors.gridMinor} 1px, transparent 1px)`,
                backgroundSize: `${yearStep}px 100%, ${gridStep}px 100%`,
              }}
            />
            <div className="tl-row tl-today-row" aria-hidden>
              <div className="tl-label" />
              <div className="tl-track">
                {todayBefore ? (
                  <span className="tl-today-tag" style={{ left: 0 }} title="Today is before the first school year shown.">
                    {`◂ Today, ${formatDisplayDate(todayIso(today))}`}
                  </span>
                ) : (
                  <span className="tl-today-tag" style={{ left: todayX }}>{`Today, ${formatDisplayDate(todayIso(today))}`}</span>
                )}
              </div>
            </div>
            {phases.map((phase, index) => (
              <PhaseRow
                key={phase.id}
                phase={phase}
                index={index}
                dates={datesOf(phase)}
                milestones={byPhase.get(phase.id) ?? EMPTY}
                range={range}
                zoom={zoom}
                onCommit={onCommitDrag}
                onKeyDown={onBarKeyDown}
                onOpenDetails={onOpenDetails}
                intake={intake?.get(phase.id)}
                approved={approved?.get(phase.id)}
              />
            ))}
            {loose.length > 0 && (
              <div className="tl-row tl-loose" style={{ height: 30 }}>
                <div className="tl-label tl-phase-label"><span className="tl-phase-name">Not in a phase</span></div>
                <div className="tl-track">
                  <MilestoneMarkers milestones={loose} range={range} />
                </div>
              </div>
            )}
            {!todayBefore && <div className="tl-today-line" aria-hidden style={{ left: LABEL_WIDTH + todayX }} />}
          </div>
          <div ref={tip} className="tl-tip" aria-hidden hidden><strong /><span /></div>
        </div>
      </Box>
      <TimelineTable phases={phases} milestones={byPhase} datesOf={datesOf} />
      <Box aria-live="polite" sx={visuallyHidden}>{announcement}</Box>
    </Box>
  );
}

const todayIso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const TODAY = colors.today;


const timelineSx = {
  position: 'relative',
  overflowX: 'auto',
  overflowY: 'hidden',
  overscrollBehaviorX: 'contain',
  scrollBehavior: 'smooth',
  scrollPaddingLeft: `${LABEL_WIDTH + 8}px`,
  scrollPaddingRight: '8px',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'background.paper',
  '& .tl-inner': { position: 'relative', minWidth: '100%' },
  '& .tl-row': { display: 'flex', position: 'relative' },
  '& .tl-label': {
    position: 'sticky', left: 0, zIndex: 3, flex: `0 0 ${LABEL_WIDTH}px`, width: LABEL_WIDTH, boxSizing: 'border-box',
    bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider', px: 1.5,
  },
  '& .tl-track': { position: 'relative', flex: '1 0 auto' },
  '& .tl-header': { borderBottom: 1, borderColor: 'divider', bgcolor: colors.headerFill },
  '& .tl-header .tl-label': { bgcolor: colors.headerFill },
  '& .tl-header-label': { display: 'flex', alignItems: 'center', fontSize: 12, color: 'text.secondary' },
  '& .tl-cell': {
    position: 'absolute', top: 0, bottom: 0, boxSizing: 'border-box', borderLeft: `1px solid ${colors.gridEdge}`,
    fontSize: 12, lineHeight: `${HEADER_H}px`, px: '4px', overflow: 'clip', whiteSpace: 'nowrap', color: 'text.primary',
  },
  // School years keep their names in view while they are partly scrolled away.
  '& .tl-sticky-labels .tl-cell-text': { position: 'sticky', left: LABEL_WIDTH + 4 },
  '& .tl-body': { position: 'relative', pb: 1 },
  '& .tl-grid': { position: 'absolute', top: 0, bottom: 0, left: LABEL_WIDTH, pointerEvents: 'none' },
  '& .tl-today-row': { height: 22 },
  '& .tl-today-tag': {
    position: 'absolute', top: 3, ml: '-1px', zIndex: 2, whiteSpace: 'nowrap',
    bgcolor: TODAY, color: colors.white, fontSize: 11, fontWeight: 700, lineHeight: '16px', px: 0.75, borderRadius: 0.5,
  },
  '& .tl-today-line': { position: 'absolute', top: 19, bottom: 0, width: 2, ml: '-1px', bgcolor: TODAY, zIndex: 2, pointerEvents: 'none' },
  '& .tl-phase-label': { display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: '2px', minWidth: 0 },
  '& .tl-phase-name': { fontSize: 13.5, fontWeight: 600, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  '& .tl-phase-dates': { fontSize: 12, color: 'text.secondary', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .tl-phase-dates.tl-live': { color: 'primary.main', fontWeight: 700 },
  '& .tl-phase-intake': { fontSize: 12, color: 'text.primary', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .tl-bar': {
    position: 'absolute', top: BAR_TOP, height: BAR_H, boxSizing: 'border-box', zIndex: 1,
    border: '1px solid', borderLeftWidth: 4, borderRadius: 1, color: colors.barText,
    display: 'flex', alignItems: 'stretch', cursor: 'grab', touchAction: 'none', userSelect: 'none', overflow: 'clip',
    '&:focus-visible, &.tl-dragging': { outline: `3px solid ${colors.focus}`, outlineOffset: 2 },
    '&.tl-dragging': { cursor: 'grabbing', boxShadow: 3 },
    '&:hover .tl-edge': { bgcolor: 'var(--edge)', opacity: 0.35 },
  },
  // The approved dates: a dashed outline around and behind the bar, seen where the phase has moved.
  '& .tl-approved': {
    position: 'absolute', top: BAR_TOP - 4, height: BAR_H + 8, boxSizing: 'border-box', zIndex: 0,
    border: `2px dashed ${colors.ink}`, borderRadius: 1, pointerEvents: 'none',
  },
  '& .tl-bar-hold': {
    backgroundImage: `repeating-linear-gradient(135deg, var(--fill) 0 6px, ${colors.white} 6px 10px)`,
  },
  '& .tl-edge': { flex: `0 0 ${EDGE_ZONE - 4}px`, cursor: 'ew-resize', zIndex: 1 },
  // The name stays in view while the start of a long bar is scrolled away.
  '& .tl-bar-text': {
    position: 'sticky', left: LABEL_WIDTH + 4, flex: '0 1 auto', minWidth: 0, maxWidth: '100%', overflow: 'hidden',
    display: 'flex', flexDirection: 'column', justifyContent: 'center', px: '2px', pointerEvents: 'none',
  },
  '& .tl-edge-end': { ml: 'auto' },
  '& .tl-bar-name, & .tl-bar-meta': { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: 1.25 },
  '& .tl-bar-name': { fontSize: 13, fontWeight: 700 },
  '& .tl-bar-meta': { fontSize: 11.5, display: 'flex', alignItems: 'center', gap: '3px', '& > span': { overflow: 'hidden', textOverflow: 'ellipsis' } },
  ...markSx,
  '& .tl-ms': { position: 'absolute', top: ROW_H - MARK_SIZE - 1, ml: `-${MARK_SIZE / 2}px`, cursor: 'pointer' },
  '& .tl-ms:hover, & .tl-ms:focus-visible': { outline: `2px solid ${colors.focus}`, outlineOffset: 1, zIndex: 2 },
  '& .tl-loose .tl-ms': { top: 8 },
  '& .tl-tip': {
    position: 'absolute', zIndex: 6, maxWidth: 320, px: 1, py: 0.5, borderRadius: 1, pointerEvents: 'none',
    bgcolor: colors.ink, color: colors.white, fontSize: 12, lineHeight: 1.35, boxShadow: 2,
    '& strong, & span': { display: 'block' },
    '&[hidden]': { display: 'none' },
  },
  '@media print': { ...markSx['@media print'], '& .tl-tip': { display: 'none' } },
} as const;
