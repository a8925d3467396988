/**
 * What changed between two states of a plan, in the planner's words, grouped by the plan's
 * sections: phases moved, stances shifted, schools that changed wave, money moved per fiscal
 * year and source … Records are matched by id (stances and positions by their cell: area ×
 * phase, phase × decision), so reordering rows reports nothing, and neither do times, the
 * plan's id or the order fields. Money is compared as the budget adds it up (per fiscal year
 * and source, and units per phase), not row by row, so splitting or regrouping lines that
 * add up to the same budget is not reported as a change.
 */
import { differenceInCalendarDays, differenceInMonths, format, parseISO } from 'date-fns';
import { charges, fiscalYearLabel, formatMoney, totals, type Allocation, type BudgetPhase, type BudgetSettings } from './budget';
import { DECISIONS, positionLabel } from './decisions';
import { formatNumber } from './numbers';
import { formatMeasure } from './outcome-rules';
import { formatDisplayDate } from './phase-rules';
import { DISTRICT_BUDGET, fundingEndLabel, recipientKey, schoolsByWave } from './resource-rules';
import {
  ALLOCATION_KIND_LABELS, FUNDING_TYPE_LABELS, LOCALE_LABELS, MILESTONE_KIND_LABELS, PHASE_KIND_LABELS, PHASE_STATUS_LABELS,
  type AllocationRow, type FundingSource, type IndicatorRow, type Milestone, type Outcome, type Phase, type Plan, type PlanBundle,
  type Position, type School, type Stance, type Wave,
} from './schemas';
import { NOT_SET, stanceLabel } from './stance-words';
import { plural } from './words';

/**
 * The plan's sections, in the order the plan screen shows them. The same keys and words as the
 * app's PLAN_SECTIONS but History, which holds no plan content (the domain cannot import the app; a test keeps the two the same).
 */
export const CHANGE_SECTIONS = [
  { key: 'overview', label: 'Overview' },
  { key: 'roadmap', label: 'Roadmap' },
  { key: 'tight-loose', label: 'Tight & loose' },
  { key: 'decisions', label: 'Decisions' },
  { key: 'schools', label: 'Schools' },
  { key: 'priorities', label: 'Need & readiness' },
  { key: 'waves', label: 'Waves' },
  { key: 'resources', label: 'Resources' },
  { key: 'outcomes', label: 'Vision & outcomes' },
] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number]['key'];

export interface PlanChange {
  text: string;
  /** The record the change is about, where there is one (not for budget totals). */
  recordId?: string;
}

export interface SectionChanges {
  section: ChangeSection;
  label: string;
  changes: PlanChange[];
}

export interface PlanChanges {
  summary: { total: number; bySection: { section: ChangeSection; count: number }[] };
  /** Only sections with changes, in the plan's order. */
  sections: SectionChanges[];
}

// ——— Words ———

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: number) => MONTH_NAMES[month - 1] ?? String(month);

/** A phase's start reads as a month when it is the first of one ("Jan 2029"), otherwise as a day. */
function startText(isoDate: string): string {
  return isoDate.endsWith('-01') ? format(parseISO(isoDate), 'MMM yyyy') : formatDisplayDate(isoDate);
}

/** "5 months later", "12 days earlier": whole months, days when under a month. */
function shiftText(from: string, to: string): string {
  const a = parseISO(from);
  const b = parseISO(to);
  const days = differenceInCalendarDays(b, a);
  const months = differenceInMonths(b, a);
  const size = months !== 0 ? plural(Math.abs(months), 'month') : plural(Math.abs(days), 'day');
  return `${size} ${days < 0 ? 'earlier' : 'later'}`;
}

/** Short text as a value: blank reads "none". */
const shown = (text: string) => (text.trim() === '' ? 'none' : text);
const numberOr = (value: number | null | undefined, unit = '') => (value === null || value === undefined ? NOT_SET : `${formatNumber(value, 2)}${unit}`);
const measureOr = (value: number | null | undefined, unit: string) => (value === null || value === undefined ? NOT_SET : formatMeasure(value, unit));

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) as string}`;
}

/** "−$120,000" or "+$40,000": the sign a planner reads in a column of changes. */
function signedMoney(cents: number): string {
  return `${cents < 0 ? '\u2212' : '+'}${formatMoney(Math.abs(cents))}`;
}

// ——— Matching ———

interface Matched<T> {
  /** Pairs in the after plan's order, then records only in the before plan, in its order. */
  pairs: { before: T | undefined; after: T | undefined }[];
}

/** Records of both sides matched by key; `order` sorts each side (so row order never matters). */
function match<T>(before: readonly T[], after: readonly T[], key: (row: T) => string, order: (a: T, b: T) => number): Matched<T> {
  const keyed = (rows: readonly T[]) => {
    const map = new Map<string, T>();
    const counts = new Map<string, number>();
    // Rows sharing a key (which the plan's rules do not allow) are told apart by their place in order.
    for (const row of [...rows].sort(order)) {
      const k = key(row);
      const n = counts.get(k) ?? 0;
      counts.set(k, n + 1);
      map.set(n === 0 ? k : `${k}#${n}`, row);
    }
    return map;
  };
  const b = keyed(before);
  const a = keyed(after);
  const pairs: Matched<T>['pairs'] = [];
  for (const [k, row] of a) pairs.push({ before: b.get(k), after: row });
  for (const [k, row] of b) if (!a.has(k)) pairs.push({ before: row, after: undefined });
  return { pairs };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) => a.order - b.order || byId(a, b);
const byStart = (a: Phase, b: Phase) => a.start.localeCompare(b.start) || byOrder(a, b);
const byDate = (a: Milestone, b: Milestone) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name) || byId(a, b);

/** Names of records by id, looked up in the after plan first, then the before plan. */
function namer(before: readonly { id: string; name: string }[], after: readonly { id: string; name: string }[]) {
  const names = new Map<string, string>();
  for (const r of before) names.set(r.id, r.name);
  for (const r of after) names.set(r.id, r.name);
  return (id: string | null, none: string) => (id === null ? none : names.get(id) ?? none);
}

/** The text fields that changed, as one "Pilot: goal and gate edited" line (no text diff). */
function editedTexts<T>(before: T, after: T, fields: readonly [keyof T, string][]): string | null {
  const edited = fields.filter(([field]) => before[field] !== after[field]).map(([, label]) => label);
  return edited.length === 0 ? null : `${joinAnd(edited)} edited`;
}

type Add = (section: ChangeSection, text: string, recordId?: string) => void;

// ——— Sections ———

function compareBasics(before: Plan, after: Plan, add: Add): void {
  const id = after.id;
  if (before.name !== after.name) add('overview', `Plan name: ${before.name} → ${after.name}`, id);
  if (before.systemName !== after.systemName) add('overview', `School system: ${shown(before.systemName)} → ${shown(after.systemName)}`, id);
  const p = before.profile;
  const q = after.profile;
  if (p.schoolCount !== q.schoolCount) add('overview', `Number of schools: ${numberOr(p.schoolCount)} → ${numberOr(q.schoolCount)}`, id);
  if (p.studentCount !== q.studentCount) add('overview', `Students: ${numberOr(p.studentCount)} → ${numberOr(q.studentCount)}`, id);
  if (p.frlPercent !== q.frlPercent) add('overview', `FRL students: ${numberOr(p.frlPercent, '%')} → ${numberOr(q.frlPercent, '%')}`, id);
  if (p.locale !== q.locale) add('overview', `Locale: ${p.locale ? LOCALE_LABELS[p.locale] : NOT_SET} → ${q.locale ? LOCALE_LABELS[q.locale] : NOT_SET}`, id);
  if (before.schoolYearStartMonth !== after.schoolYearStartMonth) {
    add('overview', `School year starts in: ${monthName(before.schoolYearStartMonth)} → ${monthName(after.schoolYearStartMonth)}`, id);
  }
  if (before.fiscalYearStartMonth !== after.fiscalYearStartMonth) {
    add('overview', `Fiscal year starts in: ${monthName(before.fiscalYearStartMonth)} → ${monthName(after.fiscalYearStartMonth)}`, id);
  }
  // The vision is written on the Vision & outcomes page.
  if (before.vision !== after.vision) add('outcomes', 'Vision edited', id);
}

const PHASE_TEXTS: [keyof Phase, string][] = [['goal', 'goal'], ['entryCriteria', 'entry criteria'], ['gate', 'go / no-go gate']];

function comparePhases(before: readonly Phase[], after: readonly Phase[], add: Add): void {
  for (const { before: b, after: a } of match(before, after, (p) => p.id, byStart).pairs) {
    if (!b && a) { add('roadmap', `Phase added: ${a.name}, ${formatDisplayDate(a.start)} – ${formatDisplayDate(a.end)}`, a.id); continue; }
    if (b && !a) { add('roadmap', `Phase removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('roadmap', `${b.name} renamed to ${a.name}`, a.id);
    const starts = b.start !== a.start ? `starts ${startText(a.start)}` : null;
    const ends = b.end !== a.end ? `ends ${formatDisplayDate(a.end)}` : null;
    if (starts && ends) {
      const startShift = shiftText(b.start, a.start);
      const endShift = shiftText(b.end, a.end);
      add('roadmap', startShift === endShift
        ? `${a.name} now ${starts} and ${ends}, ${startShift}`
        : `${a.name} now ${starts}, ${startShift}, and ${ends}, ${endShift}`, a.id);
    } else if (starts) add('roadmap', `${a.name} now ${starts}, ${shiftText(b.start, a.start)}`, a.id);
    else if (ends) add('roadmap', `${a.name} now ${ends}, ${shiftText(b.end, a.end)}`, a.id);
    if (b.kind !== a.kind) add('roadmap', `${a.name}: kind ${PHASE_KIND_LABELS[b.kind]} → ${PHASE_KIND_LABELS[a.kind]}`, a.id);
    if (b.status !== a.status) add('roadmap', `${a.name}: status ${PHASE_STATUS_LABELS[b.status]} → ${PHASE_STATUS_LABELS[a.status]}`, a.id);
    const texts = editedTexts(b, a, PHASE_TEXTS);
    if (texts) add('roadmap', `${a.name}: ${texts}`, a.id);
  }
}

function compareMilestones(before: readonly Milestone[], after: readonly Milestone[], phaseName: ReturnType<typeof namer>, add: Add): void {
  for (const { before: b, after: a } of match(before, after, (m) => m.id, byDate).pairs) {
    if (!b && a) { add('roadmap', `Milestone added: ${a.name}, ${formatDisplayDate(a.date)}`, a.id); continue; }
    if (b && !a) { add('roadmap', `Milestone removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('roadmap', `Milestone ${b.name} renamed to ${a.name}`, a.id);
    if (b.date !== a.date) add('roadmap', `${a.name} now on ${formatDisplayDate(a.date)}, ${shiftText(b.date, a.date)}`, a.id);
    if (b.done !== a.done) add('roadmap', a.done ? `${a.name} marked done` : `${a.name} no longer marked done`, a.id);
    if (b.kind !== a.kind) add('roadmap', `${a.name}: kind ${MILESTONE_KIND_LABELS[b.kind]} → ${MILESTONE_KIND_LABELS[a.kind]}`, a.id);
    if (b.phaseId !== a.phaseId) add('roadmap', `${a.name}: phase ${phaseName(b.phaseId, 'None')} → ${phaseName(a.phaseId, 'None')}`, a.id);
    if (b.owner !== a.owner) add('roadmap', `${a.name}: owner ${shown(b.owner)} → ${shown(a.owner)}`, a.id);
  }
}

/** Records present in both plans: cells of a removed or added area or phase go with it, unreported. */
const inBoth = (before: readonly { id: string }[], after: readonly { id: string }[]) => {
  const b = new Set(before.map((r) => r.id));
  return new Set(after.filter((r) => b.has(r.id)).map((r) => r.id));
};

const STANCE_TEXTS: [keyof Pick<Stance, 'rationale' | 'guardrails'>, string][] = [['rationale', 'rationale'], ['guardrails', 'guardrails']];

function compareTightLoose(before: PlanBundle, after: PlanBundle, phaseName: ReturnType<typeof namer>, add: Add): void {
  for (const { before: b, after: a } of match(before.areas, after.areas, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('tight-loose', `Area added: ${a.name}`, a.id); continue; }
    if (b && !a) { add('tight-loose', `Area removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('tight-loose', `Area ${b.name} renamed to ${a.name}`, a.id);
    if (b.description !== a.description) add('tight-loose', `${a.name}: description edited`, a.id);
  }
  const areas = inBoth(before.areas, after.areas);
  const phases = inBoth(before.phases, after.phases);
  const areaName = namer(before.areas, after.areas);
  const areaOrder = new Map(after.areas.map((r) => [r.id, r.order]));
  const phaseOrder = new Map([...after.phases].sort(byStart).map((p, i) => [p.id, i]));
  const cell = (s: Stance) => `${s.areaId}|${s.phaseId}`;
  const order = (x: Stance, y: Stance) => (areaOrder.get(x.areaId) ?? 0) - (areaOrder.get(y.areaId) ?? 0)
    || (phaseOrder.get(x.phaseId) ?? 0) - (phaseOrder.get(y.phaseId) ?? 0) || byId(x, y);
  const kept = (rows: readonly Stance[]) => rows.filter((s) => areas.has(s.areaId) && phases.has(s.phaseId));
  for (const { before: b, after: a } of match(kept(before.stances), kept(after.stances), cell, order).pairs) {
    const row = (a ?? b) as Stance;
    const label = `${areaName(row.areaId, 'An area')} in ${phaseName(row.phaseId, 'a phase')}`;
    // A cell without a record reads as one not decided yet.
    const was = { stance: b?.stance ?? null, owner: b?.owner ?? '', rationale: b?.rationale ?? '', guardrails: b?.guardrails ?? '' };
    const now = { stance: a?.stance ?? null, owner: a?.owner ?? '', rationale: a?.rationale ?? '', guardrails: a?.guardrails ?? '' };
    if (was.stance !== now.stance) add('tight-loose', `${label}: ${stanceLabel(was.stance)} → ${stanceLabel(now.stance)}`, row.id);
    if (was.owner !== now.owner) add('tight-loose', `${label}: owner ${shown(was.owner)} → ${shown(now.owner)}`, row.id);
    // The rationale's origin follows from edits reported here (a template's text flagged for review), so it is not a change of its own.
    const texts = editedTexts(was, now, STANCE_TEXTS);
    if (texts) add('tight-loose', `${label}: ${texts}`, row.id);
  }
}

function compareDecisions(before: PlanBundle, after: PlanBundle, phaseName: ReturnType<typeof namer>, add: Add): void {
  const phases = inBoth(before.phases, after.phases);
  const phaseOrder = new Map([...after.phases].sort(byStart).map((p, i) => [p.id, i]));
  const kept = (rows: readonly Position[]) => rows.filter((p) => phases.has(p.phaseId));
  const order = (x: Position, y: Position) => x.decision - y.decision || (phaseOrder.get(x.phaseId) ?? 0) - (phaseOrder.get(y.phaseId) ?? 0) || byId(x, y);
  for (const { before: b, after: a } of match(kept(before.positions), kept(after.positions), (p) => `${p.phaseId}|${p.decision}`, order).pairs) {
    const row = (a ?? b) as Position;
    const decision = DECISIONS.find((d) => d.number === row.decision);
    const label = `Decision ${row.decision} in ${phaseName(row.phaseId, 'a phase')}`;
    const was = b?.position ?? null;
    const now = a?.position ?? null;
    if (was !== now) {
      add('decisions', decision ? `${label}: ${positionLabel(decision, was)} → ${positionLabel(decision, now)}` : `${label}: ${numberOr(was)} → ${numberOr(now)}`, row.id);
    }
    if ((b?.rationale ?? '') !== (a?.rationale ?? '')) add('decisions', `${label}: rationale edited`, row.id);
  }
}

function compareSchools(before: PlanBundle, after: PlanBundle, add: Add): void {
  const waveName = namer(before.waves, after.waves);
  const indicatorName = namer(before.indicators, after.indicators);
  // Values of an indicator added or removed go with it, unreported.
  const indicators = [...after.indicators].sort(byOrder).filter((i) => before.indicators.some((j) => j.id === i.id));
  const waveOf = (id: string | null) => waveName(id, 'No wave');
  for (const { before: b, after: a } of match<School>(before.schools, after.schools, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('schools', `School added: ${a.name}${a.waveId ? `, in ${waveOf(a.waveId)}` : ''}`, a.id); continue; }
    if (b && !a) { add('schools', `School removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('schools', `${b.name} renamed to ${a.name}`, a.id);
    if (b.waveId !== a.waveId) add('schools', `${a.name}: ${waveOf(b.waveId)} → ${waveOf(a.waveId)}`, a.id);
    if (b.students !== a.students) add('schools', `${a.name}: students ${numberOr(b.students)} → ${numberOr(a.students)}`, a.id);
    if (b.frlPercent !== a.frlPercent) add('schools', `${a.name}: FRL students ${numberOr(b.frlPercent, '%')} → ${numberOr(a.frlPercent, '%')}`, a.id);
    if (b.code !== a.code) add('schools', `${a.name}: code ${shown(b.code)} → ${shown(a.code)}`, a.id);
    if (b.gradeBand !== a.gradeBand) add('schools', `${a.name}: grade band ${shown(b.gradeBand)} → ${shown(a.gradeBand)}`, a.id);
    for (const indicator of indicators) {
      const was = b.values[indicator.id] ?? null;
      const now = a.values[indicator.id] ?? null;
      if (was !== now) add('schools', `${a.name}: ${indicatorName(indicator.id, 'indicator')} ${numberOr(was)} → ${numberOr(now)}`, a.id);
    }
  }
}

const SIDE_WORDS: Record<IndicatorRow['side'], string> = { need: 'need', readiness: 'readiness' };
const DIRECTION_WORDS: Record<IndicatorRow['direction'], string> = { 'higher-is-more': 'higher is more', 'lower-is-more': 'lower is more' };
const SOURCE_WORDS: Record<IndicatorRow['source'], string> = { value: 'school values', frlPercent: 'FRL share' };
const rangeText = (range: IndicatorRow['range']) => (range ? `${formatNumber(range.min)}–${formatNumber(range.max)}` : 'none');

function compareIndicators(before: readonly IndicatorRow[], after: readonly IndicatorRow[], add: Add): void {
  for (const { before: b, after: a } of match(before, after, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('priorities', `Indicator added: ${a.name} (${SIDE_WORDS[a.side]})`, a.id); continue; }
    if (b && !a) { add('priorities', `Indicator removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('priorities', `Indicator ${b.name} renamed to ${a.name}`, a.id);
    if (b.side !== a.side) add('priorities', `${a.name}: counts toward ${SIDE_WORDS[b.side]} → ${SIDE_WORDS[a.side]}`, a.id);
    if (b.weight !== a.weight) add('priorities', `${a.name}: weight ${formatNumber(b.weight, 2)} → ${formatNumber(a.weight, 2)}`, a.id);
    if (b.direction !== a.direction) add('priorities', `${a.name}: ${DIRECTION_WORDS[b.direction]} → ${DIRECTION_WORDS[a.direction]}`, a.id);
    if (b.source !== a.source) add('priorities', `${a.name}: read from ${SOURCE_WORDS[b.source]} → ${SOURCE_WORDS[a.source]}`, a.id);
    if (b.unit !== a.unit) add('priorities', `${a.name}: unit ${shown(b.unit)} → ${shown(a.unit)}`, a.id);
    if (b.range?.min !== a.range?.min || b.range?.max !== a.range?.max) {
      add('priorities', `${a.name}: range ${rangeText(b.range)} → ${rangeText(a.range)}`, a.id);
    }
  }
}

function compareWaves(before: readonly Wave[], after: readonly Wave[], phaseName: ReturnType<typeof namer>, add: Add): void {
  const startsIn = (id: string | null) => phaseName(id, 'Not scheduled');
  for (const { before: b, after: a } of match(before, after, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('waves', `Wave added: ${a.name}${a.phaseId ? `, starting in ${startsIn(a.phaseId)}` : ''}`, a.id); continue; }
    if (b && !a) { add('waves', `Wave removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('waves', `Wave ${b.name} renamed to ${a.name}`, a.id);
    if (b.phaseId !== a.phaseId) add('waves', `${a.name}: starts in ${startsIn(b.phaseId)} → ${startsIn(a.phaseId)}`, a.id);
    if (b.notes !== a.notes) add('waves', `${a.name}: notes edited`, a.id);
  }
}

const optionalDate = (date: string | null) => (date === null ? NOT_SET : formatDisplayDate(date));

function compareFundingSources(before: readonly FundingSource[], after: readonly FundingSource[], add: Add): void {
  for (const { before: b, after: a } of match(before, after, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('resources', `Funding source added: ${a.name}, ${formatMoney(a.amountCents)}`, a.id); continue; }
    if (b && !a) { add('resources', `Funding source removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('resources', `Funding source ${b.name} renamed to ${a.name}`, a.id);
    if (b.amountCents !== a.amountCents) add('resources', `${a.name}: amount ${formatMoney(b.amountCents)} → ${formatMoney(a.amountCents)}`, a.id);
    if (b.type !== a.type) add('resources', `${a.name}: type ${FUNDING_TYPE_LABELS[b.type]} → ${FUNDING_TYPE_LABELS[a.type]}`, a.id);
    if (b.start !== a.start) add('resources', `${a.name}: start ${formatDisplayDate(b.start)} → ${formatDisplayDate(a.start)}`, a.id);
    if (b.end !== a.end) add('resources', `${a.name}: ${fundingEndLabel(a.type).toLowerCase()} ${formatDisplayDate(b.end)} → ${formatDisplayDate(a.end)}`, a.id);
    if (b.obligateBy !== a.obligateBy) add('resources', `${a.name}: obligate by ${optionalDate(b.obligateBy)} → ${optionalDate(a.obligateBy)}`, a.id);
    if (b.notes !== a.notes) add('resources', `${a.name}: notes edited`, a.id);
  }
}

// ——— Budget ———

interface Budget {
  /** Cents per `${fiscalYear}|${sourceId}` ('' for the district's own budget). */
  money: Map<string, number>;
  /** FTE, devices and training hours per phase. */
  units: Record<string, Record<'staff-fte' | 'devices' | 'training-hours', number>>;
}

/** The plan's budget as the Resources section adds it up, in a row order that does not depend on how rows were stored. */
function budgetOf(bundle: PlanBundle): Budget {
  const phases: BudgetPhase[] = [...bundle.phases].sort(byOrder);
  // Sorted by id: sums of fractional units then come out the same to the last bit, however rows are ordered.
  const allocations: Allocation[] = [...bundle.allocations].sort(byId);
  const settings: BudgetSettings = {
    schoolYearStartMonth: bundle.plan.schoolYearStartMonth,
    fiscalStartMonth: bundle.plan.fiscalYearStartMonth,
    schoolsByWave: schoolsByWave(bundle.schools),
  };
  const known = new Set(bundle.fundingSources.map((s) => s.id));
  const money = new Map<string, number>();
  for (const c of charges(allocations, phases, settings)) {
    // Money from a source no longer in the plan counts as the district's own, as the Resources section shows it.
    const key = `${c.fiscalYear}|${c.sourceId !== null && known.has(c.sourceId) ? c.sourceId : ''}`;
    money.set(key, (money.get(key) ?? 0) + c.cents);
  }
  return { money, units: totals(allocations, phases, settings).unitsByPhase };
}

const UNIT_KINDS = ['staff-fte', 'devices', 'training-hours'] as const;

function compareBudget(before: PlanBundle, after: PlanBundle, phaseName: ReturnType<typeof namer>, add: Add): void {
  const was = budgetOf(before);
  const now = budgetOf(after);
  const sourceName = namer(before.fundingSources, after.fundingSources);
  const sourceOrder = new Map<string, number>([
    ...[...before.fundingSources].sort(byOrder).map((s, i) => [s.id, 1000 + i] as const),
    ...[...after.fundingSources].sort(byOrder).map((s, i) => [s.id, i] as const),
  ]);
  const moved = [...new Set([...was.money.keys(), ...now.money.keys()])]
    .map((key) => {
      const [year = '0', sourceId = ''] = key.split('|');
      return { year: Number(year), sourceId, cents: (now.money.get(key) ?? 0) - (was.money.get(key) ?? 0) };
    })
    .filter((m) => m.cents !== 0)
    .sort((x, y) => x.year - y.year || (sourceOrder.get(x.sourceId) ?? Infinity) - (sourceOrder.get(y.sourceId) ?? Infinity));
  for (const m of moved) {
    add('resources', `${fiscalYearLabel(m.year)} ${m.sourceId === '' ? DISTRICT_BUDGET : sourceName(m.sourceId, DISTRICT_BUDGET)}: ${signedMoney(m.cents)}`);
  }
  // Units of a phase added or removed go with it, unreported; its money is in the lines above.
  for (const phase of [...after.phases].sort(byStart)) {
    const b = was.units[phase.id];
    const a = now.units[phase.id];
    if (!a || !b) continue;
    for (const kind of UNIT_KINDS) {
      const from = formatNumber(b[kind], 2);
      const to = formatNumber(a[kind], 2);
      // Compared as shown (to two decimals), so rounding dust in sums of fractions is not a change.
      if (from !== to) add('resources', `${ALLOCATION_KIND_LABELS[kind]} in ${phaseName(phase.id, 'a phase')}: ${from} → ${to}`);
    }
  }
}

/**
 * Lines whose edits the budget totals do not show: who they go to, whether schools decide, the
 * area they pay for, the note. One line per phase (or per pair of phases a line moved between).
 */
function compareAllocationRows(before: readonly AllocationRow[], after: readonly AllocationRow[], phaseName: ReturnType<typeof namer>, phases: readonly Phase[], add: Add): void {
  const groups = new Map<string, { from: string; to: string; count: number; aspects: Set<string> }>();
  for (const { before: b, after: a } of match(before, after, (r) => r.id, byId).pairs) {
    if (!a || !b) continue;
    const aspects: string[] = [];
    if (recipientKey(b.recipient) !== recipientKey(a.recipient)) aspects.push('recipient');
    if (b.flexible !== a.flexible) aspects.push('flexibility');
    if (b.areaId !== a.areaId) aspects.push('area');
    if (b.note !== a.note) aspects.push('note');
    if (aspects.length === 0 && b.phaseId === a.phaseId) continue;
    const key = `${b.phaseId}|${a.phaseId}`;
    const group = groups.get(key) ?? { from: b.phaseId, to: a.phaseId, count: 0, aspects: new Set<string>() };
    group.count += 1;
    for (const aspect of aspects) group.aspects.add(aspect);
    groups.set(key, group);
  }
  const place = new Map([...phases].sort(byStart).map((p, i) => [p.id, i]));
  const sorted = [...groups.values()].sort((x, y) => (place.get(x.to) ?? Infinity) - (place.get(y.to) ?? Infinity) || (place.get(x.from) ?? Infinity) - (place.get(y.from) ?? Infinity) || x.from.localeCompare(y.from));
  for (const g of sorted) {
    const lines = plural(g.count, 'resource line');
    const what = g.aspects.size > 0 ? ` (${joinAnd([...g.aspects])})` : '';
    add('resources', g.from === g.to
      ? `${phaseName(g.to, 'A phase')}: ${lines} edited${what}`
      : `${lines} moved from ${phaseName(g.from, 'a phase')} to ${phaseName(g.to, 'a phase')}${what}`);
  }
}

// ——— Outcomes ———

/** Results are matched by date; those that differ on a date count as edited, the rest as added or removed. */
function actualsText(before: Outcome['actuals'], after: Outcome['actuals']): string | null {
  const byDate = (rows: Outcome['actuals']) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.date, [...(map.get(r.date) ?? []), JSON.stringify([r.value, r.note])]);
    return map;
  };
  const b = byDate(before);
  const a = byDate(after);
  let added = 0;
  let removed = 0;
  let edited = 0;
  for (const date of new Set([...b.keys(), ...a.keys()])) {
    const was = [...(b.get(date) ?? [])];
    const now = [...(a.get(date) ?? [])];
    for (let i = now.length - 1; i >= 0; i -= 1) {
      const same = was.indexOf(now[i] as string);
      if (same >= 0) { was.splice(same, 1); now.splice(i, 1); }
    }
    const both = Math.min(was.length, now.length);
    edited += both;
    added += now.length - both;
    removed += was.length - both;
  }
  const parts = [
    added > 0 ? `${plural(added, 'result')} added` : null,
    edited > 0 ? `${plural(edited, 'result')} edited` : null,
    removed > 0 ? `${plural(removed, 'result')} removed` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

function compareOutcomes(before: PlanBundle, after: PlanBundle, phaseName: ReturnType<typeof namer>, add: Add): void {
  const phases = [...after.phases].sort(byStart).filter((p) => before.phases.some((q) => q.id === p.id));
  for (const { before: b, after: a } of match(before.outcomes, after.outcomes, (r) => r.id, byOrder).pairs) {
    if (!b && a) { add('outcomes', `Outcome measure added: ${a.name}`, a.id); continue; }
    if (b && !a) { add('outcomes', `Outcome measure removed: ${b.name}`, b.id); continue; }
    if (!a || !b) continue;
    if (b.name !== a.name) add('outcomes', `Outcome measure ${b.name} renamed to ${a.name}`, a.id);
    if (b.unit !== a.unit) add('outcomes', `${a.name}: unit ${shown(b.unit)} → ${shown(a.unit)}`, a.id);
    if (b.baseline !== a.baseline) add('outcomes', `${a.name}: baseline ${measureOr(b.baseline, b.unit)} → ${measureOr(a.baseline, a.unit)}`, a.id);
    // Targets of a phase added or removed go with it. The first target for a phase is the one the app reads.
    for (const phase of phases) {
      const was = b.targets.find((t) => t.phaseId === phase.id)?.value ?? null;
      const now = a.targets.find((t) => t.phaseId === phase.id)?.value ?? null;
      if (was !== now) add('outcomes', `${a.name}: target for ${phaseName(phase.id, 'a phase')} ${measureOr(was, b.unit)} → ${measureOr(now, a.unit)}`, a.id);
    }
    const results = actualsText(b.actuals, a.actuals);
    if (results) add('outcomes', `${a.name}: ${results}`, a.id);
  }
}

// ——— The comparison ———

/** What changed from `before` to `after`, section by section, in the planner's words. */
export function comparePlans(before: PlanBundle, after: PlanBundle): PlanChanges {
  const found = new Map<ChangeSection, PlanChange[]>();
  const add: Add = (section, text, recordId) => {
    const list = found.get(section) ?? [];
    list.push(recordId === undefined ? { text } : { text, recordId });
    found.set(section, list);
  };
  const phaseName = namer(before.phases, after.phases);
  compareBasics(before.plan, after.plan, add);
  comparePhases(before.phases, after.phases, add);
  compareMilestones(before.milestones, after.milestones, phaseName, add);
  compareTightLoose(before, after, phaseName, add);
  compareDecisions(before, after, phaseName, add);
  compareSchools(before, after, add);
  compareIndicators(before.indicators, after.indicators, add);
  compareWaves(before.waves, after.waves, phaseName, add);
  compareFundingSources(before.fundingSources, after.fundingSources, add);
  compareBudget(before, after, phaseName, add);
  compareAllocationRows(before.allocations, after.allocations, phaseName, after.phases, add);
  compareOutcomes(before, after, phaseName, add);

  const sections: SectionChanges[] = CHANGE_SECTIONS.flatMap(({ key, label }) => {
    const changes = found.get(key);
    return changes ? [{ section: key, label, changes }] : [];
  });
  return {
    summary: {
      total: sections.reduce((sum, s) => sum + s.changes.length, 0),
      bySection: sections.map((s) => ({ section: s.section, count: s.changes.length })),
    },
    sections,
  };
}

/** "14 changes: 3 in Roadmap, 2 in Tight & loose, …", or "No changes". */
export function changeSummaryText(changes: PlanChanges): string {
  if (changes.summary.total === 0) return 'No changes';
  const label = (key: ChangeSection) => CHANGE_SECTIONS.find((s) => s.key === key)?.label ?? key;
  return `${plural(changes.summary.total, 'change')}: ${changes.summary.bySection.map((s) => `${formatNumber(s.count)} in ${label(s.section)}`).join(', ')}`;
}
