import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { colors } from '../../../app/theme';
import { formatMoney } from '../../../domain/budget';
import { formatNumber } from '../../../domain/numbers';
import { amountText } from '../../../domain/resource-rules';
import { clipText, rankText, schoolBrief, shortList, type BriefArea, type BriefIndicator, type SchoolBrief } from '../../../domain/school-briefs';
import type { PlanBundle } from '../../../domain/schemas';
import { STANCE_MEANINGS } from '../../../domain/stance-words';
import './school-briefs.css';

/**
 * How much of each list a page shows, from the most to the least: a brief starts at the first
 * and steps down while its page would overflow, so an ordinary school's page shows all it has
 * and a very full one still fits on one page. Longer lists end in "and N more" (the totals
 * still count everything).
 */
interface Fit {
  phases: number;
  areas: number;
  guardrails: number;
  lines: number;
  indicators: number;
}
const FITS: readonly Fit[] = [
  { phases: 6, areas: 5, guardrails: 3, lines: 9, indicators: 7 },
  { phases: 6, areas: 5, guardrails: 3, lines: 8, indicators: 6 },
  { phases: 6, areas: 5, guardrails: 2, lines: 8, indicators: 6 },
  { phases: 5, areas: 4, guardrails: 2, lines: 7, indicators: 5 },
  { phases: 4, areas: 3, guardrails: 2, lines: 6, indicators: 4 },
  { phases: 4, areas: 3, guardrails: 1, lines: 5, indicators: 4 },
  { phases: 3, areas: 2, guardrails: 1, lines: 4, indicators: 3 },
  { phases: 2, areas: 2, guardrails: 0, lines: 3, indicators: 2 },
];
/** The page's height for a brief (the report's portrait letter page less its margins, 9.7in), less a little, in CSS px. */
const PAGE_BODY_PX = 9.6 * 96;
const GOAL_CHARS = 95;
const GUARDRAIL_CHARS = 95;
const AREA_CHARS = 60;
const NAMES_CHARS = 90;
const MAX_FISCAL_YEARS = 6;

/** The stance fills come from the theme; the printed CSS reads them as variables. */
const THEME_VARS = {
  '--brief-ink': colors.ink,
  '--brief-heading': colors.stance.tight.text,
  '--brief-muted': colors.axis,
  '--brief-rule': colors.gridMajor,
  '--brief-rule-light': colors.gridLine,
  '--brief-fill': colors.headerFill,
  '--brief-tight-bg': colors.stance.tight.background,
  '--brief-tight-text': colors.stance.tight.text,
  '--brief-shared-bg': colors.stance.shared.background,
  '--brief-shared-text': colors.stance.shared.text,
  '--brief-loose-bg': colors.stance.loose.background,
  '--brief-loose-text': colors.stance.loose.text,
  '--brief-bar': colors.primary,
} as CSSProperties;

/** One printed page per chosen school, for its principal, in the order given. */
export function SchoolBriefs({ bundle, schoolIds }: { bundle: PlanBundle; schoolIds: readonly string[] }) {
  const briefs = useMemo(() => {
    const known = new Set(bundle.schools.map((s) => s.id));
    return schoolIds.filter((id) => known.has(id)).map((id) => schoolBrief(bundle, id));
  }, [bundle, schoolIds]);
  if (briefs.length === 0) {
    return (
      <div className="school-briefs" style={THEME_VARS}>
        <section className="school-brief">
          <h2>No schools to brief</h2>
          <p>None of the chosen schools is in this plan. Add schools in the plan’s Schools section, or choose others.</p>
        </section>
      </div>
    );
  }
  return (
    <div className="school-briefs" style={THEME_VARS}>
      {briefs.map((brief) => <BriefPage key={brief.schoolId} brief={brief} />)}
    </div>
  );
}

function BriefPage({ brief }: { brief: SchoolBrief }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  // The fit a brief is shown at; a changed plan starts again from the fullest.
  const [fitted, setFitted] = useState({ brief, level: 0 });
  const level = fitted.brief === brief ? fitted.level : 0;
  if (fitted.brief !== brief) setFitted({ brief, level: 0 });
  useLayoutEffect(() => {
    const body = bodyRef.current;
    // The page is laid out at the paper's width on screen too, so its height here is its height on paper.
    if (body && level < FITS.length - 1 && body.getBoundingClientRect().height > PAGE_BODY_PX) setFitted({ brief, level: level + 1 });
  }, [brief, level]);
  const fit = FITS[level] ?? (FITS[0] as Fit);

  const headingId = `brief-${brief.schoolId}`;
  const facts = [
    brief.code && `School ID ${brief.code}`,
    brief.gradeBand && `Grades ${brief.gradeBand}`,
    `${formatNumber(brief.students)} students`,
    brief.frlPercent !== null && `FRL ${formatNumber(brief.frlPercent, 1)}%`,
  ].filter(Boolean).join(' · ');
  return (
    <article className="school-brief" aria-labelledby={headingId}>
      <div ref={bodyRef} className="brief-body">
        <header className="brief-header">
          <p className="brief-kicker">School brief · {[brief.systemName, brief.planName].filter(Boolean).join(' · ')}</p>
          <h2 id={headingId}>{brief.name}</h2>
          <p className="brief-facts">{facts}</p>
          <p className="brief-join">{brief.joinText}</p>
        </header>
        <PhasesPart brief={brief} fit={fit} />
        <DecidesPart brief={brief} fit={fit} />
        <ResourcesPart brief={brief} fit={fit} />
        <ScoresPart brief={brief} fit={fit} />
      </div>
    </article>
  );
}

function PhasesPart({ brief, fit }: { brief: SchoolBrief; fit: Fit }) {
  if (brief.phases.length === 0) {
    return (
      <section className="brief-part">
        <h3>Phases</h3>
        <p>No phases for this school yet: they follow once its wave is placed in a phase.</p>
      </section>
    );
  }
  const { shown, more } = shortList(brief.phases, fit.phases);
  const last = brief.phases.at(-1);
  return (
    <section className="brief-part">
      <h3>Phases it goes through</h3>
      <table className="brief-table brief-phases">
        <colgroup><col className="c-phase" /><col className="c-when" /><col /></colgroup>
        <thead><tr><th scope="col">Phase</th><th scope="col">When</th><th scope="col">Goal</th></tr></thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}{p.joins && <span className="brief-joins"> ◀ joins</span>}</th>
              <td>{p.span}</td>
              <td>{p.goal ? clipText(p.goal, GOAL_CHARS) : <span className="brief-muted">No goal written yet</span>}</td>
            </tr>
          ))}
          {more > 0 && last && (
            <tr><td colSpan={3} className="brief-more">and {more} more {more === 1 ? 'phase' : 'phases'}, through {last.name} ({last.span})</td></tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function StanceTag({ area }: { area: BriefArea }) {
  return <span className={`brief-stance brief-stance-${area.stance}`}>{area.stanceLabel}</span>;
}

function AreaList({ areas, empty, fit, guardrails = true }: { areas: readonly BriefArea[]; empty: string; fit: Fit; guardrails?: boolean }) {
  if (areas.length === 0) return <p className="brief-muted">{empty}</p>;
  const { shown, more } = shortList(areas, fit.areas);
  return (
    <ul className="brief-areas">
      {shown.map((area) => {
        const rails = shortList(guardrails ? area.guardrails : [], fit.guardrails + 1);
        return (
          <li key={area.areaId}>
            <StanceTag area={area} /> <strong>{clipText(area.name, AREA_CHARS)}</strong>
            {rails.shown.length > 0 && (
              <ul className="brief-guardrails" aria-label={`Guardrails for ${area.name}`}>
                {rails.shown.map((g, i) => <li key={i}>{clipText(g, GUARDRAIL_CHARS)}</li>)}
                {rails.more > 0 && <li className="brief-more">and {rails.more} more {rails.more === 1 ? 'guardrail' : 'guardrails'}</li>}
              </ul>
            )}
          </li>
        );
      })}
      {more > 0 && <li className="brief-more">and {more} more: {clipText(areas.slice(shown.length).map((a) => a.name).join(', '), NAMES_CHARS)}</li>}
    </ul>
  );
}

function DecidesPart({ brief, fit }: { brief: SchoolBrief; fit: Fit }) {
  const phase = brief.joinPhase;
  if (!phase) {
    return (
      <section className="brief-part">
        <h3>Who decides what</h3>
        <p>Once the school is in a wave placed in a phase, this shows what the central office holds tight in its first phase, with the guardrails, and what the school decides.</p>
      </section>
    );
  }
  return (
    <section className="brief-part">
      <h3>Who decides what in {phase.name}, its first phase</h3>
      <div className="brief-columns">
        <div>
          <h4>The central office holds tight</h4>
          <p className="brief-caption">Tight: {STANCE_MEANINGS.tight}. Guardrails are the standards every school keeps.</p>
          <AreaList areas={brief.tight} empty="Nothing held tight in this phase." fit={fit} />
        </div>
        <div>
          <h4>The school decides</h4>
          <p className="brief-caption">Loose: {STANCE_MEANINGS.loose}, within the guardrails.</p>
          <AreaList areas={brief.loose} empty="Nothing held loose in this phase." fit={fit} />
          {brief.shared.length > 0 && (
            <>
              <h4>Decided together</h4>
              <AreaList areas={brief.shared} empty="" fit={fit} guardrails={brief.loose.length === 0} />
            </>
          )}
        </div>
      </div>
      {brief.notSet.length > 0 && <p className="brief-muted">Not decided yet: {clipText(brief.notSet.join(', '), NAMES_CHARS)}</p>}
    </section>
  );
}

function ResourcesPart({ brief, fit }: { brief: SchoolBrief; fit: Fit }) {
  const { lines, totalCents, byFiscalYear, units } = brief.resources;
  if (lines.length === 0) {
    return (
      <section className="brief-part">
        <h3>What comes to the school</h3>
        <p>No money, staff, devices or training planned for this school or its wave yet.</p>
      </section>
    );
  }
  const { shown, more } = shortList(lines, fit.lines);
  const years = shortList(byFiscalYear, MAX_FISCAL_YEARS);
  const unitParts = [
    units['staff-fte'] > 0 && `Staff ${amountText('staff-fte', units['staff-fte'])}`,
    units.devices > 0 && `Devices ${formatNumber(units.devices, 2)}`,
    units['training-hours'] > 0 && `Training ${amountText('training-hours', units['training-hours'])}`,
  ].filter(Boolean);
  return (
    <section className="brief-part">
      <h3>What comes to the school</h3>
      <table className="brief-table brief-lines">
        <colgroup><col className="c-line-phase" /><col className="c-line-what" /><col className="c-line-amount" /><col /><col className="c-line-fy" /><col className="c-line-source" /></colgroup>
        <thead>
          <tr><th scope="col">Phase</th><th scope="col">What</th><th scope="col">For this school</th><th scope="col">How it is counted</th><th scope="col">Fiscal year</th><th scope="col">Paid from</th></tr>
        </thead>
        <tbody>
          {shown.map((line) => (
            <tr key={line.allocationId}>
              <td>{line.phaseName}{line.untilPhaseName && `–${line.untilPhaseName}`}</td>
              <td>{line.kindLabel}{line.flexible && <span className="brief-flag"> · school decides</span>}</td>
              <td className="num">{line.amountText}</td>
              <td className="brief-wrap"><span className="brief-clamp">{line.basisText}{line.areaName && ` · ${line.areaName}`}</span></td>
              <td>{line.fiscalYearText}</td>
              <td>{line.source}</td>
            </tr>
          ))}
          {more > 0 && <tr><td colSpan={6} className="brief-more">and {more} more {more === 1 ? 'line' : 'lines'}, counted in the totals below</td></tr>}
        </tbody>
      </table>
      <p className="brief-totals">
        <strong>Money in all: {formatMoney(totalCents)}</strong>
        {years.shown.length > 0 && <> ({years.shown.map((y) => `${y.label} ${formatMoney(y.cents)}`).join(' · ')}{years.more > 0 && ` · and ${years.more} more fiscal years`})</>}
        {unitParts.length > 0 && <> · {unitParts.join(' · ')}, counted in every phase a line covers</>}
      </p>
    </section>
  );
}

function ScoreSide({ label, score, rank, indicators, fit }: { label: string; score: number | null; rank: string; indicators: readonly BriefIndicator[]; fit: Fit }) {
  // The indicators that count most first, so a cut list leaves out those that count least.
  const byWeight = [...indicators].sort((a, b) => b.weightPercent - a.weightPercent);
  const { shown, more } = shortList(byWeight, fit.indicators);
  const value = score === null ? null : Math.round(score);
  return (
    <div>
      <h4>{label}: {value === null ? 'not scored' : `${value} of 100`}</h4>
      <div className="brief-bar" role="img" aria-label={value === null ? `${label}: not scored` : `${label} ${value} of 100`}>
        <span style={{ width: `${value ?? 0}%` }} />
      </div>
      <p className="brief-caption">{rank}{value !== null && ' (1st = most)'}</p>
      {indicators.length === 0
        ? <p className="brief-muted">No {label.toLowerCase()} indicators in this plan.</p>
        : (
          <table className="brief-table brief-indicators">
            <colgroup><col /><col className="c-ind-value" /><col className="c-ind-score" /><col className="c-ind-weight" /></colgroup>
            <thead><tr><th scope="col">Indicator</th><th scope="col" className="num">Value</th><th scope="col" className="num">Score</th><th scope="col" className="num">Weight</th></tr></thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}{i.directionText && <span className="brief-muted"> ({i.directionText})</span>}</th>
                  <td className="num">{i.valueText}</td>
                  <td className="num">{i.score === null ? '–' : Math.round(i.score)}</td>
                  <td className="num">{`${Math.round(i.weightPercent)}%`}</td>
                </tr>
              ))}
              {more > 0 && <tr><td colSpan={4} className="brief-more">and {more} more {more === 1 ? 'indicator' : 'indicators'}</td></tr>}
            </tbody>
          </table>
        )}
    </div>
  );
}

function ScoresPart({ brief, fit }: { brief: SchoolBrief; fit: Fit }) {
  const { scores } = brief;
  return (
    <section className="brief-part">
      <h3>Need and readiness{scores.quadrant && `: ${scores.quadrant}`}</h3>
      <p className="brief-caption">Scores run 0–100 against the plan’s other schools; each indicator’s score places the school’s value among theirs, and the weights say how much it counts.</p>
      <div className="brief-columns">
        <ScoreSide label="Need" score={scores.need} rank={rankText(scores.needRank, scores.needOf)} indicators={scores.indicators.filter((i) => i.side === 'need')} fit={fit} />
        <ScoreSide label="Readiness" score={scores.readiness} rank={rankText(scores.readinessRank, scores.readinessOf)} indicators={scores.indicators.filter((i) => i.side === 'readiness')} fit={fit} />
      </div>
    </section>
  );
}
