/**
 * Money, staff time, devices and training hours per phase, and the warnings a funder or board
 * would raise: a phase spending more from a source than it holds, and ongoing costs that
 * outlive their funding (a fiscal cliff). Money is always integer cents.
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';

export interface FundingSource {
  id: string;
  name: string;
  amountCents: number;
  /** First day the money may be spent, `yyyy-MM-dd`. */
  start: string;
  /** Last day the money may be spent, `yyyy-MM-dd`. Open-ended sources use a far-off date. */
  end: string;
}

export type Recipient = { kind: 'central' } | { kind: 'wave'; waveId: string } | { kind: 'school'; schoolId: string };
export type AllocationKind = 'money' | 'staff-fte' | 'devices' | 'training-hours';
export type UnitKind = Exclude<AllocationKind, 'money'>;

export interface Allocation {
  id: string;
  phaseId: string;
  recipient: Recipient;
  /** Where the money comes from; null for the district's own budget (never warned about). */
  sourceId: string | null;
  kind: AllocationKind;
  /** Cents for money; otherwise units (FTE, devices, hours). For ongoing money: cents per school year. */
  amount: number;
  recurrence: 'one-time' | 'ongoing';
  flexible: boolean;
}

export interface BudgetPhase {
  id: string;
  name: string;
  start: string;
  end: string;
}

export interface CalendarSettings {
  /** Month (1–12) the school year starts; 8 (August) unless the plan says otherwise. */
  schoolYearStartMonth?: number;
  /** Month (1–12) the fiscal year starts; 7 (July) unless the plan says otherwise. */
  fiscalStartMonth?: number;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const toDate = (date: string | Date) => (typeof date === 'string' ? parseISO(date) : date);
const cents = (amount: number) => (Number.isFinite(amount) ? Math.round(amount) : 0);

// ——— Money text ———


/**
 * Cents from what a planner typed, null when the field is empty, or an error to show.
 * Accepts "$1,250.50", "1250", "1250.5", "$ 1 250", "1.250.000" and, with a decimal comma,
 * "1 250,50" or "1.250,50". Rules: with both "." and "," the last one is the decimal mark;
 * a lone "," followed by one or two digits is a decimal comma ("12,5" = $12.50), otherwise
 * "," groups thousands ("1,250" = $1,250); a lone "." is a decimal point unless it appears
 * more than once ("1.250.000"), so "1.250" is an error (three decimal digits), not a guess.
 * Spaces are ignored. Negative amounts and more than two decimal digits are errors.
 */
export function parseMoney(text: string): number | null | { error: string } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  if (/^-|^\$-|^\(.*\)$/.test(compact)) return { error: 'Enter an amount of zero or more.' };
  const body = compact.replace(/^\$/, '');
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { error: 'Enter an amount in dollars, like $1,250.50.' };
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) decimalMark = body.indexOf(',') === lastComma && /,\d{1,2}$/.test(body) ? ',' : null;
  else if (lastDot >= 0) decimalMark = body.indexOf('.') === lastDot ? '.' : null;
  const split = decimalMark === null ? -1 : body.lastIndexOf(decimalMark);
  const whole = split >= 0 ? body.slice(0, split) : body;
  const fraction = split >= 0 ? body.slice(split + 1) : '';
  const group = decimalMark === ',' ? '.' : decimalMark === '.' ? ',' : lastComma >= 0 ? ',' : '.';
  if (whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) {
    return { error: 'Check the thousands separators, like $1,250,000.' };
  }
  const digits = whole.split(group).join('');
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction)) return { error: 'Enter an amount in dollars, like $1,250.50.' };
  if (fraction.length > 2) return { error: 'Use at most two digits for cents.' };
  if (digits === '' && fraction === '') return { error: 'Enter an amount in dollars, like $1,250.50.' };
  const dollars = digits.replace(/^0+(?=\d)/, '');
  const total = dollars.length > 16 ? Infinity : Number(dollars || '0') * 100 + Number(fraction.padEnd(2, '0'));
  // Cents must stay exact integers: up to about $90 trillion.
  return Number.isSafeInteger(total) ? total : { error: 'That amount is too large.' };
}

const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const DOLLARS_AND_CENTS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * "$1,250.50". Whole-dollar amounts drop ".00" ("$120,000") unless `alwaysCents` is set,
 * which suits columns of figures. Negative amounts read "-$40.00".
 */
export function formatMoney(amountCents: number, options: { alwaysCents?: boolean } = {}): string {
  const value = cents(amountCents);
  const abs = Math.abs(value);
  // Formatted from its exact decimal text, not a float: cents stay exact however large.
  const exact = `${value < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
  return (abs % 100 === 0 && !options.alwaysCents ? DOLLARS : DOLLARS_AND_CENTS).format(exact);
}

// ——— Calendar ———

export interface SchoolYear {
  /** "2026–27" ("2027" when school years start in January). */
  label: string;
  start: string;
  end: string;
}

function schoolYearContaining(date: Date, startMonth: number): Date {
  const monthIndex = startMonth - 1;
  const year = date.getMonth() >= monthIndex ? date.getFullYear() : date.getFullYear() - 1;
  return new Date(year, monthIndex, 1);
}

function schoolYearFrom(start: Date, startMonth: number): SchoolYear {
  const label = startMonth === 1 ? String(start.getFullYear()) : `${start.getFullYear()}–${String((start.getFullYear() + 1) % 100).padStart(2, '0')}`;
  return { label, start: iso(start), end: iso(addDays(addMonths(start, 12), -1)) };
}

/** Overlaps shorter than this at either end of a phase do not make it pay for another school year. */
const MIN_OVERLAP_DAYS = 30;

/**
 * The school years a phase pays ongoing costs for: every school year it overlaps by at least
 * 30 days, and always at least the school year it starts in. A phase from Aug 1, 2026 to
 * Jul 31, 2028 (August start) covers 2026–27 and 2027–28.
 */
export function schoolYearsOf(phase: Pick<BudgetPhase, 'start' | 'end'>, schoolYearStartMonth: number): SchoolYear[] {
  const start = parseISO(phase.start);
  const end = parseISO(phase.end);
  const years: SchoolYear[] = [];
  for (let yearStart = schoolYearContaining(start, schoolYearStartMonth); yearStart <= end; yearStart = addMonths(yearStart, 12)) {
    const yearEnd = addDays(addMonths(yearStart, 12), -1);
    const from = start > yearStart ? start : yearStart;
    const to = end < yearEnd ? end : yearEnd;
    if (differenceInCalendarDays(to, from) + 1 >= MIN_OVERLAP_DAYS) years.push(schoolYearFrom(yearStart, schoolYearStartMonth));
  }
  if (years.length === 0) years.push(schoolYearFrom(schoolYearContaining(start, schoolYearStartMonth), schoolYearStartMonth));
  return years;
}

/**
 * The fiscal year a date falls in, named by the calendar year it ends in (the US habit:
 * with a July start, FY2027 runs Jul 1, 2026 – Jun 30, 2027). With a January start it is the calendar year.
 */
export function fiscalYearOf(date: string | Date, fiscalStartMonth = 7): number {
  const d = toDate(date);
  if (fiscalStartMonth === 1) return d.getFullYear();
  return d.getMonth() >= fiscalStartMonth - 1 ? d.getFullYear() + 1 : d.getFullYear();
}

export const fiscalYearLabel = (year: number) => `FY${year}`;

// ——— Charges and totals ———

/** One dated payment: one-time money once at its phase's start, ongoing money once per school year. */
export interface Charge {
  allocationId: string;
  phaseId: string;
  sourceId: string | null;
  /** The day the money is counted, `yyyy-MM-dd`: the phase start, or the start of the school year within the phase. */
  date: string;
  fiscalYear: number;
  cents: number;
}

/** The charges last worked out for an allocations array (per array: totals, warnings and the chart each ask for them). */
const chargesMemo = new WeakMap<readonly Allocation[], { phases: readonly BudgetPhase[]; schoolStart: number; fiscalStart: number; result: readonly Charge[] }>();

/**
 * Every money payment the allocations make, in date order. Allocations for unknown phases are
 * left out. The arrays are read as immutable: asked again for the same allocations, phases and
 * calendar, the same result comes back without being worked out again.
 */
export function charges(allocations: readonly Allocation[], phases: readonly BudgetPhase[], settings: CalendarSettings = {}): readonly Charge[] {
  const schoolStart = settings.schoolYearStartMonth ?? 8;
  const fiscalStart = settings.fiscalStartMonth ?? 7;
  const known = chargesMemo.get(allocations);
  if (known && known.phases === phases && known.schoolStart === schoolStart && known.fiscalStart === fiscalStart) return known.result;
  const byId = new Map(phases.map((p) => [p.id, p]));
  // Dates are worked out once per phase, not once per allocation: a plan holds thousands of lines over a dozen phases.
  const dated = new Map<string, { once: { date: string; fiscalYear: number }[]; yearly: { date: string; fiscalYear: number }[] }>();
  const datesOf = (phase: BudgetPhase) => {
    let found = dated.get(phase.id);
    if (!found) {
      const at = (date: string) => ({ date, fiscalYear: fiscalYearOf(date, fiscalStart) });
      found = { once: [at(phase.start)], yearly: schoolYearsOf(phase, schoolStart).map((y) => at(y.start > phase.start ? y.start : phase.start)) };
      dated.set(phase.id, found);
    }
    return found;
  };
  // Charges fall on few distinct days (a phase's start and its school years' starts): grouped by
  // day and the days put in order, rather than thousands of charges sorted one by one.
  const byDate = new Map<string, Charge[]>();
  for (const a of allocations) {
    const phase = byId.get(a.phaseId);
    if (a.kind !== 'money' || !phase) continue;
    const { once, yearly } = datesOf(phase);
    for (const { date, fiscalYear } of a.recurrence === 'one-time' ? once : yearly) {
      const charge = { allocationId: a.id, phaseId: phase.id, sourceId: a.sourceId, date, fiscalYear, cents: cents(a.amount) };
      const day = byDate.get(date);
      if (day) day.push(charge);
      else byDate.set(date, [charge]);
    }
  }
  const result = [...byDate.keys()].sort().flatMap((date) => byDate.get(date) ?? []);
  chargesMemo.set(allocations, { phases, schoolStart, fiscalStart, result });
  return result;
}

export type Units = Record<UnitKind, number>;
const noUnits = (): Units => ({ 'staff-fte': 0, devices: 0, 'training-hours': 0 });

export interface BudgetTotals {
  totalCents: number;
  /** Money per phase id (every phase present, 0 when nothing is allocated). */
  byPhase: Record<string, number>;
  /** Money per source, in order of first appearance; sourceId null is the district's own budget. */
  bySource: { sourceId: string | null; cents: number }[];
  /** Money per fiscal year, earliest first. */
  byFiscalYear: { year: number; cents: number }[];
  /** Money per student per phase, rounded half up; null when the phase has no student count. */
  perStudentByPhase: Record<string, number | null>;
  /** FTE, devices and training hours per phase as entered (not multiplied by years: an FTE is a yearly level). */
  unitsByPhase: Record<string, Units>;
  units: Units;
}

/** Integer division rounded half up, for non-negative or negative amounts alike (half rounds toward +∞). */
function divideHalfUp(amount: number, by: number): number {
  return Math.floor((2 * amount + by) / (2 * by));
}

export function totals(
  allocations: readonly Allocation[],
  phases: readonly BudgetPhase[],
  options: CalendarSettings & { studentsByPhase?: Record<string, number> } = {},
): BudgetTotals {
  const byPhase: Record<string, number> = Object.fromEntries(phases.map((p) => [p.id, 0]));
  const sources = new Map<string | null, number>();
  const years = new Map<number, number>();
  let totalCents = 0;
  for (const c of charges(allocations, phases, options)) {
    totalCents += c.cents;
    byPhase[c.phaseId] = (byPhase[c.phaseId] ?? 0) + c.cents;
    sources.set(c.sourceId, (sources.get(c.sourceId) ?? 0) + c.cents);
    years.set(c.fiscalYear, (years.get(c.fiscalYear) ?? 0) + c.cents);
  }
  const unitsByPhase: Record<string, Units> = Object.fromEntries(phases.map((p) => [p.id, noUnits()]));
  const units = noUnits();
  for (const a of allocations) {
    const phaseUnits = unitsByPhase[a.phaseId];
    if (a.kind === 'money' || !phaseUnits || !Number.isFinite(a.amount)) continue;
    phaseUnits[a.kind] += a.amount;
    units[a.kind] += a.amount;
  }
  const perStudentByPhase: Record<string, number | null> = Object.fromEntries(phases.map((p) => {
    const students = options.studentsByPhase?.[p.id];
    const count = students !== undefined && Number.isFinite(students) ? Math.round(students) : 0;
    return [p.id, count > 0 ? divideHalfUp(byPhase[p.id] ?? 0, count) : null];
  }));
  return {
    totalCents,
    byPhase,
    bySource: [...sources].map(([sourceId, amount]) => ({ sourceId, cents: amount })),
    byFiscalYear: [...years].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, cents: amount })),
    perStudentByPhase,
    unitsByPhase,
    units,
  };
}

// ——— Warnings ———

export interface OverBudgetWarning {
  kind: 'over-budget';
  phaseId: string;
  sourceId: string;
  overCents: number;
  message: string;
}

export interface CliffWarning {
  kind: 'cliff';
  sourceId: string;
  /** The cliff year: the fiscal year containing the first day without the funding. */
  year: number;
  /** Ongoing cost per school year the source pays for when it ends. */
  ongoingCents: number;
  message: string;
}

export type BudgetWarning = OverBudgetWarning | CliffWarning;

const displayDate = (isoDate: string) => format(parseISO(isoDate), 'MMM d, yyyy');

/**
 * What the budget cannot stand on.
 * - over-budget: phases draw on a source in date order; a phase is warned about for what it
 *   spends beyond what is left of the source, plus whatever it charges to the source outside
 *   the source's dates (that money does not exist).
 * - cliff: a source pays ongoing costs, and the plan has a phase running past the source's end.
 *   The ongoing cost is what the source pays per school year in the last phase (by start)
 *   that starts on or before the source ends and has ongoing costs from it.
 * Allocations without a source, or with a source not in `sources`, raise no warnings.
 */
export function budgetWarnings(
  sources: readonly FundingSource[],
  allocations: readonly Allocation[],
  phases: readonly BudgetPhase[],
  settings: CalendarSettings = {},
): BudgetWarning[] {
  const fiscalStart = settings.fiscalStartMonth ?? 7;
  const orderedPhases = [...phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const bySourceAndPhase = new Map<string, Charge[]>();
  for (const c of charges(allocations, phases, settings)) {
    const key = `${c.sourceId ?? ''}|${c.phaseId}`;
    const list = bySourceAndPhase.get(key);
    if (list) list.push(c);
    else bySourceAndPhase.set(key, [c]);
  }
  const warnings: BudgetWarning[] = [];
  for (const source of sources) {
    let remaining = Math.max(0, cents(source.amountCents));
    for (const phase of orderedPhases) {
      const own = bySourceAndPhase.get(`${source.id}|${phase.id}`) ?? [];
      if (own.length === 0) continue;
      const inside = own.filter((c) => c.date >= source.start && c.date <= source.end).reduce((sum, c) => sum + c.cents, 0);
      const outside = own.reduce((sum, c) => sum + c.cents, 0) - inside;
      const beyond = Math.max(0, inside - remaining);
      remaining = Math.max(0, remaining - inside);
      const overCents = beyond + outside;
      if (overCents <= 0) continue;
      const dates = `${displayDate(source.start)} – ${displayDate(source.end)}`;
      const message = outside === 0
        ? `${phase.name} spends ${formatMoney(overCents)} more from ${source.name} than it holds.`
        : beyond === 0
          ? `${phase.name} spends ${formatMoney(outside)} from ${source.name} outside the dates it covers (${dates}).`
          : `${phase.name} spends ${formatMoney(overCents)} more from ${source.name} than it holds, including ${formatMoney(outside)} outside the dates it covers (${dates}).`;
      warnings.push({ kind: 'over-budget', phaseId: phase.id, sourceId: source.id, overCents, message });
    }

    const continues = phases.some((p) => p.end > source.end);
    if (!continues) continue;
    let ongoingCents = 0;
    for (const phase of orderedPhases) {
      if (phase.start > source.end) break;
      const perYear = allocations
        .filter((a) => a.phaseId === phase.id && a.sourceId === source.id && a.kind === 'money' && a.recurrence === 'ongoing')
        .reduce((sum, a) => sum + cents(a.amount), 0);
      if (perYear > 0) ongoingCents = perYear;
    }
    if (ongoingCents <= 0) continue;
    const firstDayWithout = iso(addDays(parseISO(source.end), 1));
    const year = fiscalYearOf(firstDayWithout, fiscalStart);
    warnings.push({
      kind: 'cliff',
      sourceId: source.id,
      year,
      ongoingCents,
      message: `${source.name} ends ${displayDate(source.end)}, but ${formatMoney(ongoingCents)} a year of ongoing costs it pays for continue. ${fiscalYearLabel(year)} is the first fiscal year without it.`,
    });
  }
  return warnings;
}
