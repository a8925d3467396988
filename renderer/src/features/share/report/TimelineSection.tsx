import { format, parseISO } from 'date-fns';
import type { Milestone, Phase, PlanBundle } from '../../../domain/schemas';
import { PHASE_KIND_LABELS, MILESTONE_KIND_LABELS } from '../../../domain/schemas';
import { timelineRange } from '../../../domain/timeline';
import { MONTHS_PER_SLICE, timelineSlices, type TimelineSlice } from '../../../domain/report-timeline';
import { formatDisplayDate, phaseSpan } from '../../../domain/phase-rules';
import { ReportSection, Empty } from './ReportSection';

/** Height of one line of milestone marks, in points. */
const LANE_PT = 15;

const pct = (share: number) => `${(share * 100).toFixed(3)}%`;

function Slice({ slice, phases, milestones, numberOf }: { slice: TimelineSlice; phases: readonly Phase[]; milestones: readonly Milestone[]; numberOf: Map<string, number> }) {
  const byId = new Map(phases.map((p) => [p.id, p]));
  const marks = new Map(milestones.map((m) => [m.id, m]));
  const title = `${format(slice.start, 'MMM yyyy')} – ${format(slice.end, 'MMM yyyy')}`;
  return (
    <div className="timeline-slice">
      <h3>{title}</h3>
      <div className="tl" role="table" aria-label={`Roadmap, ${title}`}>
        <div className="tl-row tl-head" role="row">
          <div className="tl-label" role="columnheader">School year</div>
          <div className="tl-track" role="cell">
            {slice.years.map((y) => <div key={y.key} className="tl-cell tl-year" style={{ left: pct(y.offset / MONTHS_PER_SLICE), width: pct(y.span / MONTHS_PER_SLICE) }}>{y.label}</div>)}
          </div>
        </div>
        <div className="tl-row tl-head" role="row">
          <div className="tl-label" role="columnheader">Month</div>
          <div className="tl-track" role="cell">
            {slice.monthCells.map((m) => <div key={m.key} className="tl-cell tl-month" style={{ left: pct(m.offset / MONTHS_PER_SLICE), width: pct(m.span / MONTHS_PER_SLICE) }}>{m.label}</div>)}
          </div>
        </div>
        {slice.bars.map((bar) => {
          const phase = byId.get(bar.id);
          if (!phase) return null;
          return (
            <div key={bar.id} className="tl-row" role="row">
              <div className="tl-label" role="rowheader">
                <span className="tl-name">{phase.name}</span>
                <span className="tl-dates">{phaseSpan(phase)}</span>
              </div>
              <div className="tl-track tl-grid" role="cell" style={{ backgroundSize: `${pct(1 / MONTHS_PER_SLICE)} 100%` }}>
                <div className={`tl-bar kind-${phase.kind}${bar.continuesBefore ? ' from-before' : ''}${bar.continuesAfter ? ' goes-on' : ''}`} style={{ left: pct(bar.left), width: pct(bar.width) }}>
                  {bar.continuesBefore && '◂ '}{PHASE_KIND_LABELS[phase.kind]}{bar.continuesAfter && ' ▸'}
                </div>
              </div>
            </div>
          );
        })}
        {slice.marks.length > 0 && (
          <div className="tl-row" role="row">
            <div className="tl-label" role="rowheader"><span className="tl-name">Milestones</span></div>
            <div
              className="tl-track tl-grid tl-marks"
              role="cell"
              style={{ backgroundSize: `${pct(1 / MONTHS_PER_SLICE)} 100%`, minHeight: `${(Math.max(...slice.marks.map((m) => m.lane)) + 1) * LANE_PT + 6}pt` }}
            >
              {slice.marks.map((mark) => (
                <span key={mark.id} className={`tl-mark${marks.get(mark.id)?.kind === 'go-no-go' ? ' gate' : ''}`} style={{ left: pct(mark.at), top: `${3 + mark.lane * LANE_PT}pt` }}>{numberOf.get(mark.id)}</span>
              ))}
            </div>
          </div>
        )}
      </div>
      {slice.marks.length > 0 && (
        <ol className="tl-legend">
          {slice.marks.map((mark) => {
            const m = marks.get(mark.id);
            if (!m) return null;
            return <li key={mark.id} value={numberOf.get(mark.id)}>{formatDisplayDate(m.date)}: {m.name} <span className="note">({MILESTONE_KIND_LABELS[m.kind]})</span></li>;
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * The roadmap on landscape pages, two school years per page: each page repeats the school-year
 * and month header, and a phase that runs on is marked where it is cut.
 */
export function TimelineSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const { plan } = bundle;
  const phaseIds = new Set(phases.map((p) => p.id));
  const milestones = bundle.milestones.filter((m) => m.phaseId === null || phaseIds.has(m.phaseId));
  const dates = [...phases.flatMap((p) => [p.start, p.end]), ...milestones.map((m) => m.date)];
  const earliest = dates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
  if (earliest === null) {
    return <ReportSection id="packet-timeline" title="Roadmap timeline" wide><Empty>No phases yet.</Empty></ReportSection>;
  }
  // The plan's own dates set the span (not today's), with no margin: paper has no edge to scroll past.
  const range = timelineRange(dates, parseISO(earliest), plan.schoolYearStartMonth, 0);
  const slices = timelineSlices(range, phases, milestones);
  const numberOf = new Map(milestones.map((m, i) => [m.id, i + 1]));
  return (
    <ReportSection id="packet-timeline" title="Roadmap timeline" wide>
      {slices.map((slice) => <Slice key={slice.offset} slice={slice} phases={phases} milestones={milestones} numberOf={numberOf} />)}
    </ReportSection>
  );
}
