/**
 * The indicators a plan starts with, on each side of decision 3: need (who most needs the
 * work) and readiness (who can make it work first). Planners rename, reweight and add their own.
 */
import { newId } from './ids';
import { formatNumber, parseNumberInput } from './numbers';
import type { IndicatorRow, IndicatorSideValue, School } from './schemas';
import type { Indicator, IndicatorDirection, ScoredSchool } from './school-scoring';

type Suggested = Pick<IndicatorRow, 'name' | 'side' | 'weight' | 'direction' | 'source' | 'unit'>;

export const SUGGESTED_INDICATORS: readonly Suggested[] = [
  { name: 'FRL share', side: 'need', weight: 40, direction: 'higher-is-more', source: 'frlPercent', unit: '%' },
  { name: 'Achievement gap', side: 'need', weight: 30, direction: 'higher-is-more', source: 'value', unit: 'points' },
  { name: 'Chronic absence', side: 'need', weight: 30, direction: 'higher-is-more', source: 'value', unit: '%' },
  { name: 'Leadership commitment', side: 'readiness', weight: 30, direction: 'higher-is-more', source: 'value', unit: '1–5' },
  { name: 'Staff buy-in', side: 'readiness', weight: 30, direction: 'higher-is-more', source: 'value', unit: '%' },
  { name: 'Devices per student', side: 'readiness', weight: 20, direction: 'higher-is-more', source: 'value', unit: '' },
  { name: 'Connectivity', side: 'readiness', weight: 20, direction: 'higher-is-more', source: 'value', unit: '1–5' },
];

export function suggestedIndicators(planId: string, firstOrder = 0): IndicatorRow[] {
  return SUGGESTED_INDICATORS.map((s, i) => ({ ...s, id: newId(), planId, order: firstOrder + i, range: s.unit === '%' ? { min: 0, max: 100 } : s.unit === '1–5' ? { min: 1, max: 5 } : null }));
}

/** The scoring view of the plan's indicators and schools: values keyed by indicator id. */
export function scoringInput(indicators: readonly IndicatorRow[], schools: readonly School[]): { indicators: Indicator[]; schools: ScoredSchool[] } {
  return {
    indicators: indicators.map((i) => ({ key: i.id, label: i.name, side: i.side, weight: i.weight, direction: i.direction })),
    schools: schools.map((s) => ({ id: s.id, name: s.name, students: s.students, values: schoolValues(s, indicators) })),
  };
}

/** A school's value for every indicator, reading FRL share from the school's own field. */
export function schoolValues(school: School, indicators: readonly IndicatorRow[]): Record<string, number | null> {
  return Object.fromEntries(indicators.map((i) => [i.id, i.source === 'frlPercent' ? school.frlPercent : school.values[i.id] ?? null]));
}

/** The stated range of an indicator's values: "1–5", "0–100%". */
export type IndicatorRange = NonNullable<IndicatorRow['range']>;

const nameKey = (text: string) => text.toLowerCase().replace(/\(.*?\)/g, ' ').replaceAll('%', ' ').replace(/\b(percent|pct|rate|share)\b/g, ' ').replace(/\babsenteeism\b/g, 'absence').replace(/[^a-z0-9]+/g, ' ').trim();

/** "Chronic Absence %" and "Chronic absence", or "Leadership Commitment (1-5)" and "Leadership commitment", name the same indicator. */
export function sameIndicatorName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

// ——— Guessing what a new indicator measures, from its name ———

/** What a new indicator is taken to be until the planner says otherwise. */
export interface IndicatorGuess {
  side: IndicatorSideValue;
  direction: IndicatorDirection;
  range: IndicatorRange | null;
  unit: string;
}

const words = (name: string) => ` ${name.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim()} `;
const has = (text: string, patterns: readonly RegExp[]) => patterns.some((p) => p.test(text));

/** Readiness: what lets a school make the work succeed first (leaders, staff, devices, experience). */
const READINESS = [
  /readiness|\bready\b/, /survey/, /buy ?in/, /commitment/, /retention/, /turnover/, /vacanc/, /\byears?\b/, /tenure/, /experience/,
  /device/, /laptop|chromebook|tablet|computer/, /connectivity|bandwidth|broadband|wi ?fi|internet/, /\bpd\b|professional (learning|development)|training/,
  /leader(ship)?\b/, /principal/, /capacity/, /climate/, /engagement/, /blended|prior pilot/, /staff/, /teachers?\b(?! of)/,
];
/** Need words that win over readiness words: "teacher vacancies in high-poverty schools" is still need. */
const NEED = [
  /\bfrl\b|\bfrpl\b|poverty|low income|economically disadvantaged|free|reduced/, /absen/, /\bgap\b/, /english learner|\bells?\b|\bels?\b|\blep\b|multilingual|emergent bilingual/,
  /disabilit|\bswd\b|special ed|\bsped\b|\biep\b/, /suspension|expulsion|discipline/, /dropout|drop out/, /mobility/, /homeless|foster|migrant/,
  /proficien|achievement|attainment|\bscores?\b|passing|pass rate|graduation|on track|meeting standard|attendance/,
];
/** Where a lower value means more: attendance and proficiency for need, students per device and turnover for readiness. */
const LOWER_IS_MORE_NEED = [/proficien|achievement(?! gap)|attainment|\bscores?\b|passing|pass rate|graduation|on track|meeting standard|attendance(?! gap)/];
const LOWER_IS_MORE_READINESS = [/per device|per computer|per laptop|students per/, /turnover|vacanc|attrition/];

/** A range written in a name: "(1-5)", "(0 to 10)", "1–5 scale" (not a year span like "2023-24"). */
const NUM = '(-?\\d+(?:\\.\\d+)?)';
const STATED_RANGE = new RegExp(`\\(\\s*${NUM}\\s*(?:-|–|—|to)\\s*${NUM}\\s*\\)|${NUM}\\s*(?:-|–|—|to)\\s*${NUM}[\\s-]*(?:point\\s*)?scale`, 'i');
const PERCENT = /%|\bpercent(age)?\b|\bpct\b|\brate\b|\bshare\b|\bproportion\b/;

/**
 * Side, direction, stated range and unit for a new indicator, guessed from its name (a roster
 * column's header): "Staff Readiness Survey (1-5)" is readiness, higher = more, 1–5;
 * "ELA Proficient %" is need, lower = more need, 0–100; anything else is need, higher = more.
 */
export function guessIndicator(name: string): IndicatorGuess {
  const text = words(name);
  const need = has(text, NEED);
  const side: IndicatorSideValue = !need && has(text, READINESS) ? 'readiness' : 'need';
  const lower = side === 'need' ? has(text, LOWER_IS_MORE_NEED) && !/\bgap\b|absen/.test(text) : has(text, LOWER_IS_MORE_READINESS);
  const stated = STATED_RANGE.exec(name);
  const [min, max] = stated ? [Number(stated[1] ?? stated[3]), Number(stated[2] ?? stated[4])] : [NaN, NaN];
  const percent = PERCENT.test(name.toLowerCase());
  const range = stated && min < max ? { min, max } : percent ? { min: 0, max: 100 } : null;
  const unit = percent && !stated ? '%' : stated && min < max ? rangeText({ min, max }) : /\byears?\b/.test(text) ? 'years' : '';
  return { side, direction: lower ? 'lower-is-more' : 'higher-is-more', range, unit };
}

/** "1–5", "0–100". */
export function rangeText(range: IndicatorRange): string {
  return `${formatNumber(range.min)}–${formatNumber(range.max)}`;
}

export type RangeInput = { ok: true; value: IndicatorRange | null } | { ok: false; message: string };

/** Reads a range as a planner types it: "1-5", "1–5", "0 to 100", "0-100%"; blank is no stated range. */
export function parseRangeInput(text: string, label = 'Range'): RangeInput {
  const cleaned = text.trim().replace(/%$/, '').trim();
  if (cleaned === '') return { ok: true, value: null };
  const match = /^(-?[\d,.]+)\s*(?:-|–|—|to)\s*(-?[\d,.]+)$/i.exec(cleaned);
  if (!match) return { ok: false, message: `${label} must be two numbers, lowest first, like 1–5 or 0–100.` };
  const min = parseNumberInput(match[1] ?? '', label, { required: true });
  const max = parseNumberInput(match[2] ?? '', label, { required: true });
  if (!min.ok) return min;
  if (!max.ok) return max;
  if ((min.value ?? 0) >= (max.value ?? 0)) return { ok: false, message: `${label} must run from a lower number to a higher one, like 1–5.` };
  return { ok: true, value: { min: min.value ?? 0, max: max.value ?? 0 } };
}

/** Whether a value lies outside a stated range (never, without one). */
export function outsideRange(value: number | null | undefined, range: IndicatorRange | null): boolean {
  return range !== null && typeof value === 'number' && (value < range.min || value > range.max);
}

/** "Staff Readiness Survey (1-5) is 10, outside 1–5": one line per value outside its indicator's range. */
export function schoolRangeWarnings(values: Readonly<Record<string, number | null | undefined>>, indicators: readonly Pick<IndicatorRow, 'id' | 'name' | 'range'>[]): string[] {
  return indicators.flatMap((i) => {
    const value = values[i.id];
    return outsideRange(value, i.range) && i.range ? [`${i.name} is ${formatNumber(value as number)}, outside ${rangeText(i.range)}`] : [];
  });
}

// ——— Equity groups ———

/** The student groups whose share in a wave the plan compares with the district's. */
export type EquityGroup = 'english-learners' | 'disabilities' | 'low-income' | 'homeless' | 'foster' | 'migrant';

const EQUITY_PATTERNS: readonly [EquityGroup, RegExp][] = [
  ['english-learners', /english (language )?learners?|\bells?\b|\bels?\b|\blep\b|limited english|multilingual learners?|emergent bilinguals?/],
  ['disabilities', /disabilit|\bswd\b|special ed|\bsped\b|\biep\b|\bieps\b/],
  ['low-income', /low income|economically disadvantaged|\becon dis\b|poverty/],
  ['homeless', /homeless|mckinney/],
  ['foster', /foster/],
  ['migrant', /migrant/],
];

/**
 * The student group an indicator measures the share of, guessed from its name ("English
 * Learners %", "ELL", "SWD %", "Special Education", "IEP"), or null. Counts ("# ELL") are not shares.
 */
export function equityGroup(name: string): EquityGroup | null {
  const text = words(name);
  if (/\b(count|number|total)\b|#/.test(name.toLowerCase())) return null;
  return EQUITY_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

// ——— What a school's priority is missing ———

/** One side of decision 3 that leaves a school without a priority, and why. */
export interface MissingSide {
  side: IndicatorSideValue;
  /** The side's indicators that count (carry weight) and have no value for the school(s). */
  missing: string[];
  /** The side's indicators the school(s) do have values for, but that weigh 0 and so do not count. */
  unweighted: string[];
}

const knownValue = (value: number | null | undefined) => typeof value === 'number' && Number.isFinite(value);

/**
 * Why a school has no priority at a slider (0 = need only … 100 = readiness only): each side
 * that counts at that slider and has no value on an indicator that carries weight (when every
 * indicator on a side weighs 0, they all count). Empty when the school has a priority.
 * `values` are the school's values by indicator id (`schoolValues`).
 */
export function missingForPriority(indicators: readonly Pick<IndicatorRow, 'id' | 'name' | 'side' | 'weight'>[], values: Readonly<Record<string, number | null | undefined>>, slider: number): MissingSide[] {
  const sides: IndicatorSideValue[] = [];
  if (!(slider >= 100)) sides.push('need');
  if (!(slider <= 0)) sides.push('readiness');
  return sides.flatMap((side) => {
    const own = indicators.filter((i) => i.side === side);
    const weighted = own.some((i) => i.weight > 0) ? own.filter((i) => i.weight > 0) : own;
    if (weighted.some((i) => knownValue(values[i.id]))) return [];
    return [{ side, missing: weighted.map((i) => i.name), unweighted: own.filter((i) => i.weight <= 0 && knownValue(values[i.id]) && !weighted.includes(i)).map((i) => i.name) }];
  });
}

/** "Missing readiness", "Missing need and readiness": a row's words for what its priority lacks. */
export function missingText(missing: readonly Pick<MissingSide, 'side'>[]): string {
  return missing.length === 0 ? '' : `Missing ${missing.map((m) => m.side).join(' and ')}`;
}

/** Per side, what the schools without a priority lack, put together: how many schools, which indicators. */
export function missingSummary(perSchool: readonly MissingSide[][]): (MissingSide & { schools: number })[] {
  const bySide = new Map<IndicatorSideValue, MissingSide & { schools: number }>();
  for (const sides of perSchool) {
    for (const m of sides) {
      const found = bySide.get(m.side) ?? { side: m.side, missing: [], unweighted: [], schools: 0 };
      found.schools += 1;
      for (const name of m.missing) if (!found.missing.includes(name)) found.missing.push(name);
      for (const name of m.unweighted) if (!found.unweighted.includes(name)) found.unweighted.push(name);
      bySide.set(m.side, found);
    }
  }
  return [...bySide.values()].sort((a, b) => (a.side === b.side ? 0 : a.side === 'need' ? -1 : 1));
}
