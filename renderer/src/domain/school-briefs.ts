/**
 * A school's brief: the one page a principal reads to know what the plan means for their
 * school. Its wave and when it joins, the phases it goes through, what the central office
 * holds tight and what the school decides in its first phase, what comes to it (its own
 * lines, and its part of its wave's lines), and where it stands on need and readiness.
 *
 * Everything is worked out with the plan's own rules (budget, waves, scoring, stance words),
 * so a brief never says something the planner's screens do not.
 */
import { parseISO } from 'date-fns';
import { charges, fiscalYearLabel, hasStaffCost, totals, type Allocation, type BudgetSettings, type BudgetTotals, type Charge, type Units } from './budget';
import { schoolValues, scoringInput } from './indicators';
import { formatNumber } from './numbers';
import { formatDisplayDate, phaseSpan, schoolYearLabel } from './phase-rules';
import { amountText, recipientKey, schoolsByWave, sourceName } from './resource-rules';
import { stanceSummary } from './roadmap-rules';
import { ALLOCATION_KIND_LABELS, PHASE_KIND_LABELS, type AllocationRow, type IndicatorRow, type Phase, type PlanBundle, type School, type StanceValue } from './schemas';
import { normalize, quadrant, scoreSchools, type Quadrant, type SchoolScore } from './school-scoring';
import { STANCE_LABELS, STANCE_MEANINGS } from './stance-words';

/** A phase the school goes through. */
export interface BriefPhase {
  id: string;
  name: string;
  kind: string;
  /** "Aug 2027 – Jul 2028". */
  span: string;
  start: string;
  end: string;
  goal: string;
  /** The go / no-go gate: what must be true to move on. */
  gate: string;
  /** The phase the school's wave joins in. */
  joins: boolean;
  /** How the phase holds its areas: "4 of 6 held tight, 2 shared." */
  stanceText: string;
}

/** One area as the school meets it in its first phase. */
export interface BriefArea {
  areaId: string;
  name: string;
  stance: StanceValue;
  /** "Tight". */
  stanceLabel: string;
  /** "the central office decides". */
  meaning: string;
  rationale: string;
  /** The central standards that hold in this area, one per line as the planner wrote them. */
  guardrails: string[];
}

/** How a line reaches the school. */
export type BriefLineBasis = 'school' | 'each-school' | 'wave-share';

/** One line of money, staff time, devices or training that comes to the school. */
export interface BriefLine {
  allocationId: string;
  kind: AllocationRow['kind'];
  /** "Money", "Staff (FTE)" … */
  kindLabel: string;
  basis: BriefLineBasis;
  /** What the school gets of it: "$40,000 a year", "2 FTE", "6 devices"; a staff line with a cost adds its first year's money. */
  amountText: string;
  /** How that follows from the line: "This school’s own line", "Each school in Wave 2 gets this", "Equal share (1 of 5) of $200,000 for Wave 2". */
  basisText: string;
  /** What the school gets, in the line's units (cents for money); for a recurring line, per school year. */
  amount: number;
  recurring: boolean;
  /** The phase the line is entered in, and the last it continues into. */
  phaseId: string;
  phaseName: string;
  untilPhaseName: string | null;
  /** Fiscal years the line falls in, earliest first. */
  fiscalYears: number[];
  /** "FY2028" or "FY2028–FY2030". */
  fiscalYearText: string;
  /** What the school's part costs over all those years (cents; 0 for lines without money). */
  totalCents: number;
  source: string;
  areaName: string | null;
  /** The school decides how to spend it. */
  flexible: boolean;
  note: string;
}

/** One indicator behind a score. */
export interface BriefIndicator {
  id: string;
  name: string;
  side: IndicatorRow['side'];
  /** The school's value as entered, or null when not known. */
  value: number | null;
  /** "75.4%", "3.9 (1–5)", "Not known". */
  valueText: string;
  /** Where the value sits among the plan's schools on this side, 0–100 (more need / more ready = higher); null when not known. */
  score: number | null;
  /** Its share of its side's weight, in percent (0 when it does not count). */
  weightPercent: number;
  /** "lower is more need" when a lower value counts as more. */
  directionText: string;
}

export interface BriefScores {
  /** 0–100; null when the school has no value that counts on that side. */
  need: number | null;
  readiness: number | null;
  /** Place among the plan's schools with a score, 1 = most need / most ready. */
  needRank: number | null;
  readinessRank: number | null;
  /** How many schools have a score on each side. */
  needOf: number;
  readinessOf: number;
  quadrant: Quadrant | null;
  indicators: BriefIndicator[];
}

export interface BriefResources {
  lines: BriefLine[];
  /** All money coming to the school, over every fiscal year. */
  totalCents: number;
  byFiscalYear: { year: number; label: string; cents: number }[];
  /** FTE, devices and training hours as the plan counts them: in every phase a line covers. */
  units: Units;
}

export interface SchoolBrief {
  schoolId: string;
  name: string;
  code: string;
  gradeBand: string;
  students: number;
  frlPercent: number | null;
  planName: string;
  systemName: string;
  wave: { id: string; name: string; schools: number; notes: string } | null;
  /** The phase the school's wave joins in; null without a wave or when the wave is not scheduled. */
  joinPhase: BriefPhase | null;
  /** In plain words: "Joins with Wave 2 in Expand, starting Aug 1, 2028 (school year 2028–29)." */
  joinText: string;
  /** The phase it joins in and every later one, in plan order. */
  phases: BriefPhase[];
  /** Areas in its first phase, in the planner's order, by stance. */
  tight: BriefArea[];
  shared: BriefArea[];
  loose: BriefArea[];
  /** Areas with no stance yet in its first phase. */
  notSet: string[];
  resources: BriefResources;
  scores: BriefScores;
  fiscalYearStartMonth: number;
}

/** Names inside a sentence are cut to this many characters, so the sentence stays a sentence. */
const NAME_IN_TEXT = 60;

const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

/** "1st", "2nd", "3rd", "11th", "22nd": a school's place in a ranking. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
}

/** "8th of 40 schools", or "Not scored" when the school has no score on that side. */
export function rankText(rank: number | null, of: number): string {
  return rank === null ? 'Not scored' : `${ordinal(rank)} of ${of.toLocaleString('en-US')} ${of === 1 ? 'school' : 'schools'}`;
}

/** A planner's guardrails, one per line, without blank lines or list marks. */
export function guardrailLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter((line) => line !== '');
}

/** "FY2028", "FY2028–FY2030", or "" when none. Gaps are not spelled out: a line is paid in the span. */
export function fiscalYearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? fiscalYearLabel(first) : `${fiscalYearLabel(first)}–${fiscalYearLabel(last)}`;
}

/**
 * At most `max` items to print, and how many are left for an "and N more" line. When the list
 * is cut, the last place goes to that line, so the printed rows never exceed `max`.
 */
export function shortList<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  if (items.length <= max) return { shown: [...items], more: 0 };
  const keep = Math.max(0, max - 1);
  return { shown: items.slice(0, keep), more: items.length - keep };
}

/** Text cut at a word near `max` characters, with an ellipsis, so a long rationale cannot push a brief onto a second page. */
export function clipText(text: string, max: number): string {
  // Counted in characters, not UTF-16 units, so an emoji is never cut in half.
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1);
  // A cut that falls inside a word goes back to the word's start, unless that loses too much.
  const space = chars[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).join('').replace(/[\s,;:.–-]+$/, '')}…`;
}

function briefPhase(phase: Phase, joins: boolean, bundle: PlanBundle, areaIds: readonly string[]): BriefPhase {
  return {
    id: phase.id, name: phase.name, kind: PHASE_KIND_LABELS[phase.kind], span: phaseSpan(phase), start: phase.start, end: phase.end,
    goal: phase.goal, gate: phase.gate, joins, stanceText: stanceSummary(phase.id, areaIds, bundle.stances).text,
  };
}

/**
 * The school's part of a line, as a line of its own: a wave's line "for each school" once
 * (not times the wave's schools), a line "for the wave" split equally between its schools.
 * The budget rules then date and cost it exactly as they do the plan's own lines.
 */
function schoolPart(line: AllocationRow, waveSchools: number): Allocation {
  const part: Allocation = { ...line, perSchool: false };
  if (line.recipient.kind === 'wave' && !line.perSchool) part.amount = waveSchools > 0 ? line.amount / waveSchools : 0;
  return part;
}

/** What every brief of a plan reads the same way, worked out once per bundle. */
interface PlanContext {
  phases: Phase[];
  phaseName: Map<string, string>;
  phaseIndex: Map<string, number>;
  areaName: Map<string, string>;
  schoolsByWave: Record<string, number>;
  settings: BudgetSettings;
  /** The plan's lines by recipient key ("school:<id>", "wave:<id>"), for phases in the plan. */
  linesFor: Map<string, AllocationRow[]>;
  /** The lines of one recipient as a school meets them, and their totals, by recipient key: a wave's lines serve every school in it. */
  groups: Map<string, LineGroup>;
}

interface LineGroup {
  lines: BriefLine[];
  totals: BudgetTotals;
}

const contextMemo = new WeakMap<PlanBundle, PlanContext>();

function planContext(bundle: PlanBundle): PlanContext {
  const known = contextMemo.get(bundle);
  if (known) return known;
  const phases = byOrder(bundle.phases);
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  const linesFor = new Map<string, AllocationRow[]>();
  for (const a of bundle.allocations) {
    if (a.recipient.kind === 'central' || !phaseName.has(a.phaseId)) continue;
    const key = recipientKey(a.recipient);
    const list = linesFor.get(key);
    if (list) list.push(a);
    else linesFor.set(key, [a]);
  }
  const context: PlanContext = {
    phases, phaseName, phaseIndex: new Map(phases.map((p, i) => [p.id, i])), areaName: new Map(bundle.areas.map((a) => [a.id, a.name])),
    schoolsByWave: schoolsByWave(bundle.schools),
    settings: { schoolYearStartMonth: bundle.plan.schoolYearStartMonth, fiscalStartMonth: bundle.plan.fiscalYearStartMonth },
    linesFor, groups: new Map(),
  };
  contextMemo.set(bundle, context);
  return context;
}

const KINDS = Object.keys(ALLOCATION_KIND_LABELS);

/** Lines in plan order: by phase, then the school's own lines before its wave's, then by kind. */
function lineOrder(context: PlanContext) {
  return (a: BriefLine, b: BriefLine) => (context.phaseIndex.get(a.phaseId) ?? 0) - (context.phaseIndex.get(b.phaseId) ?? 0)
    || Number(a.basis !== 'school') - Number(b.basis !== 'school')
    || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.allocationId < b.allocationId ? -1 : 1);
}

/** One recipient's lines (a school's, or a wave's) as one of its schools meets them, dated and costed by the budget rules. */
function lineGroup(bundle: PlanBundle, context: PlanContext, key: string): LineGroup {
  const known = context.groups.get(key);
  if (known) return known;
  const own = context.linesFor.get(key) ?? [];
  const waveId = key.startsWith('wave:') ? key.slice('wave:'.length) : null;
  const waveName = bundle.waves.find((w) => w.id === waveId)?.name ?? 'the wave';
  const waveSchools = waveId ? (context.schoolsByWave[waveId] ?? 0) : 0;
  const { phases, phaseName, areaName, settings } = context;
  const parts = own.map((line) => schoolPart(line, waveSchools));
  const moneyCharges = charges(parts, phases, settings);
  // FTE, devices and hours are not charges; they are dated as money would be on the same line, so their fiscal years follow the same rule.
  const unitDates = charges(parts.filter((p) => p.kind !== 'money' && !hasStaffCost(p)).map((p) => ({ ...p, kind: 'money' as const, staffCost: null })), phases, settings);
  const chargesOf = new Map<string, Charge[]>();
  for (const c of [...moneyCharges, ...unitDates]) {
    const list = chargesOf.get(c.allocationId);
    if (list) list.push(c);
    else chargesOf.set(c.allocationId, [c]);
  }
  const lines = own.map((line, i): BriefLine => {
    const part = parts[i] as Allocation;
    const dated = chargesOf.get(line.id) ?? [];
    // A staff line with a cost has money charges; other lines of units have only their dates.
    const paid = line.kind === 'money' || hasStaffCost(part) ? dated : [];
    const fiscalYears = [...new Set(dated.map((c) => c.fiscalYear))].sort((a, b) => a - b);
    const recurring = line.recurrence === 'ongoing';
    const yearly = line.kind === 'money' && recurring ? ' a year' : '';
    const basis: BriefLineBasis = line.recipient.kind === 'school' ? 'school' : line.perSchool ? 'each-school' : 'wave-share';
    const whole = `${amountText(line.kind, line.amount)}${yearly}`;
    const basisText = basis === 'school'
      ? 'This school’s own line'
      : basis === 'each-school'
        ? `Each school in ${clipText(waveName, NAME_IN_TEXT)} gets this`
        : `Equal share (1 of ${waveSchools}) of ${whole} for ${clipText(waveName, NAME_IN_TEXT)}`;
    const staff = line.kind === 'staff-fte' && line.staffCost ? ` (${amountText('money', paid[0]?.cents ?? 0)}${recurring ? ' a year at first' : ''})` : '';
    return {
      allocationId: line.id,
      kind: line.kind,
      kindLabel: ALLOCATION_KIND_LABELS[line.kind],
      basis,
      amountText: `${amountText(line.kind, line.kind === 'money' ? Math.round(part.amount) : part.amount)}${yearly}${staff}`,
      basisText,
      amount: part.amount,
      recurring,
      phaseId: line.phaseId,
      phaseName: phaseName.get(line.phaseId) ?? '',
      untilPhaseName: recurring && line.untilPhaseId && line.untilPhaseId !== line.phaseId ? (phaseName.get(line.untilPhaseId) ?? null) : null,
      fiscalYears,
      fiscalYearText: fiscalYearsText(fiscalYears),
      totalCents: paid.reduce((sum, c) => sum + c.cents, 0),
      source: sourceName(line.sourceId, bundle.fundingSources),
      areaName: line.areaId ? (areaName.get(line.areaId) ?? null) : null,
      flexible: line.flexible,
      note: line.note,
    };
  });
  const group = { lines, totals: totals(parts, phases, settings) };
  context.groups.set(key, group);
  return group;
}

/** The school's own lines and its wave's, put together: totals add up, as the school's part of each line is its own line. */
function briefLines(bundle: PlanBundle, school: School): BriefResources {
  const context = planContext(bundle);
  const groups = [lineGroup(bundle, context, `school:${school.id}`)];
  if (school.waveId !== null) groups.push(lineGroup(bundle, context, `wave:${school.waveId}`));
  const years = new Map<number, number>();
  const units: Units = { 'staff-fte': 0, devices: 0, 'training-hours': 0 };
  for (const { totals: t } of groups) {
    for (const y of t.byFiscalYear) years.set(y.year, (years.get(y.year) ?? 0) + y.cents);
    for (const kind of Object.keys(units) as (keyof Units)[]) units[kind] += t.units[kind];
  }
  return {
    lines: groups.flatMap((g) => g.lines).sort(lineOrder(context)),
    totalCents: groups.reduce((sum, g) => sum + g.totals.totalCents, 0),
    byFiscalYear: [...years].sort(([a], [b]) => a - b).map(([year, cents]) => ({ year, label: fiscalYearLabel(year), cents })),
    units,
  };
}

function valueText(indicator: IndicatorRow, value: number | null): string {
  if (value === null) return 'Not known';
  const unit = indicator.unit.trim();
  if (unit === '%') return `${formatNumber(value, 1)}%`;
  if (unit === '') return formatNumber(value, 2);
  // A unit that is a range ("1–5") reads as a scale, any other as a unit after the number.
  return /^\d/.test(unit) ? `${formatNumber(value, 2)} (${unit})` : `${formatNumber(value, 2)} ${unit}`;
}

/** What scoring gives every school of a plan, worked out once per bundle: each brief reads its own row. */
interface PlanScores {
  indicators: IndicatorRow[];
  scores: SchoolScore[];
  /** Each indicator's values placed 0–100 among the schools, by indicator id, in school order. */
  columns: Map<string, (number | null)[]>;
  rowOf: Map<string, number>;
}
const scoresMemo = new WeakMap<PlanBundle, PlanScores>();

function planScores(bundle: PlanBundle): PlanScores {
  const known = scoresMemo.get(bundle);
  if (known) return known;
  const indicators = byOrder(bundle.indicators);
  const input = scoringInput(indicators, bundle.schools);
  const result: PlanScores = {
    indicators,
    scores: scoreSchools(input.schools, input.indicators),
    columns: new Map(indicators.map((i) => [i.id, normalize(input.schools.map((s) => s.values[i.id] ?? null), i.direction)])),
    rowOf: new Map(bundle.schools.map((s, row) => [s.id, row])),
  };
  scoresMemo.set(bundle, result);
  return result;
}

function briefScores(bundle: PlanBundle, school: School): BriefScores {
  const { indicators, scores, columns, rowOf } = planScores(bundle);
  const row = rowOf.get(school.id) ?? -1;
  const mine = scores[row];
  const rankOf = (side: 'need' | 'readiness') => {
    const known = scores.map((s) => s[side]).filter((v): v is number => v !== null);
    const value = mine?.[side] ?? null;
    // Ties share a place: 1 + how many schools score strictly higher.
    return { rank: value === null ? null : 1 + known.filter((v) => v > value + 1e-9).length, of: known.length };
  };
  const values = schoolValues(school, indicators);
  const sideWeights = (side: IndicatorRow['side']) => {
    const own = indicators.filter((i) => i.side === side);
    const weights = own.map((i) => (Number.isFinite(i.weight) && i.weight > 0 ? i.weight : 0));
    // As scoring counts them: all weights zero means every indicator counts the same.
    const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
    const total = effective.reduce((a, b) => a + b, 0);
    return new Map(own.map((i, k) => [i.id, total > 0 ? ((effective[k] ?? 0) / total) * 100 : 0]));
  };
  const weightShare = new Map([...sideWeights('need'), ...sideWeights('readiness')]);
  const briefIndicators = indicators.map((indicator): BriefIndicator => {
    const column = columns.get(indicator.id) ?? [];
    const value = values[indicator.id] ?? null;
    const lower = indicator.direction === 'lower-is-more';
    return {
      id: indicator.id, name: indicator.name, side: indicator.side, value, valueText: valueText(indicator, value),
      score: column[row] ?? null,
      weightPercent: weightShare.get(indicator.id) ?? 0,
      directionText: lower ? `lower is ${indicator.side === 'need' ? 'more need' : 'more ready'}` : '',
    };
  });
  const need = rankOf('need');
  const readiness = rankOf('readiness');
  return {
    need: mine?.need ?? null, readiness: mine?.readiness ?? null,
    needRank: need.rank, readinessRank: readiness.rank, needOf: need.of, readinessOf: readiness.of,
    quadrant: quadrant(mine?.need ?? null, mine?.readiness ?? null),
    indicators: briefIndicators,
  };
}

/**
 * Everything a school's brief shows. Throws when the school is not in the plan (a caller's
 * mistake, not a planner's). The bundle is read as immutable: what every brief of it shares
 * (scores, a wave's lines) is worked out once for it.
 */
export function schoolBrief(bundle: PlanBundle, schoolId: string): SchoolBrief {
  const school = bundle.schools.find((s) => s.id === schoolId);
  if (!school) throw new Error(`School ${schoolId} is not in the plan “${bundle.plan.name}”.`);
  const context = planContext(bundle);
  const { phases } = context;
  const areas = byOrder(bundle.areas);
  const areaIds = areas.map((a) => a.id);
  const counts = context.schoolsByWave;
  const wave = school.waveId ? bundle.waves.find((w) => w.id === school.waveId) : undefined;
  const joinIndex = wave?.phaseId ? phases.findIndex((p) => p.id === wave.phaseId) : -1;
  const joinRow = joinIndex >= 0 ? phases[joinIndex] : undefined;
  const briefPhases = joinIndex >= 0 ? phases.slice(joinIndex).map((p, i) => briefPhase(p, i === 0, bundle, areaIds)) : [];
  const joinPhase = briefPhases[0] ?? null;

  let joinText: string;
  if (!wave) joinText = 'Not in a wave yet: the plan does not say when this school joins.';
  else if (!joinRow) joinText = `In ${clipText(wave.name, NAME_IN_TEXT)}, which is not scheduled yet: the plan does not say when it joins.`;
  else joinText = `Joins with ${clipText(wave.name, NAME_IN_TEXT)} in ${clipText(joinRow.name, NAME_IN_TEXT)}, starting ${formatDisplayDate(joinRow.start)} (school year ${schoolYearLabel(parseISO(joinRow.start), bundle.plan.schoolYearStartMonth)}).`;

  const tight: BriefArea[] = [];
  const shared: BriefArea[] = [];
  const loose: BriefArea[] = [];
  const notSet: string[] = [];
  if (joinRow) {
    const inPhase = new Map(bundle.stances.filter((s) => s.phaseId === joinRow.id).map((s) => [s.areaId, s]));
    for (const area of areas) {
      const stance = inPhase.get(area.id);
      if (!stance?.stance) {
        notSet.push(area.name);
        continue;
      }
      const entry: BriefArea = {
        areaId: area.id, name: area.name, stance: stance.stance, stanceLabel: STANCE_LABELS[stance.stance], meaning: STANCE_MEANINGS[stance.stance],
        rationale: stance.rationale, guardrails: guardrailLines(stance.guardrails),
      };
      ({ tight, shared, loose })[stance.stance].push(entry);
    }
  }

  return {
    schoolId: school.id, name: school.name, code: school.code, gradeBand: school.gradeBand, students: school.students, frlPercent: school.frlPercent,
    planName: bundle.plan.name, systemName: bundle.plan.systemName,
    wave: wave ? { id: wave.id, name: wave.name, schools: counts[wave.id] ?? 0, notes: wave.notes } : null,
    joinPhase, joinText, phases: briefPhases,
    tight, shared, loose, notSet,
    resources: briefLines(bundle, school),
    scores: briefScores(bundle, school),
    fiscalYearStartMonth: bundle.plan.fiscalYearStartMonth,
  };
}
