/**
 * Money, staff time, devices and training hours per phase, and the warnings a funder or board
 * would raise: a phase spending more from a source than it holds, and ongoing costs that
 * outlive their funding (a fiscal cliff). Money is always integer cents.
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { MONEY_MAX_CENTS, type FundingType } from './schemas';

export interface FundingSource {
  id: string;
  name: string;
  amountCents: number;
  /** First day the money may be spent, `yyyy-MM-dd`. */
  start: string;
  /** Last day the money may be spent ("spend by" for a grant), `yyyy-MM-dd`. Open-ended sources use a far-off date. */
  end: string;
  /** What kind of money it is (FUNDING_TYPES); grants have an obligate-by date. */
  type?: FundingType;
  /** For a grant: the last day money may be committed (obligated), or null when not stated. */
  obligateBy?: string | null;
}

export type Recipient = { kind: 'central' } | { kind: 'wave'; waveId: string } | { kind: 'school'; schoolId: string };
export type AllocationKind = 'money' | 'staff-fte' | 'devices' | 'training-hours';
export type UnitKind = Exclude<AllocationKind, 'money'>;

/** What one FTE costs a year (salary plus benefits, cents) and how much that rises each year (percent). */
export interface StaffCost {
  perFteCents: number;
  yearlyIncreasePercent: number;
}

export interface Allocation {
  id: string;
  phaseId: string;
  recipient: Recipient;
  /** Where the money comes from; null for the district's own budget (never warned about). */
  sourceId: string | null;
  kind: AllocationKind;
  /** Cents for money; otherwise units (FTE, devices, hours). For recurring money: cents per school year. */
  amount: number;
  recurrence: 'one-time' | 'ongoing';
  flexible: boolean;
  /** A recurring line continues through this later phase (null or absent: its own phase only). */
  untilPhaseId?: string | null;
  /** A wave's line: true when the amount goes to each school in the wave. */
  perSchool?: boolean;
  /** A staff line's cost per FTE: its money follows from FTE × cost. */
  staffCost?: StaffCost | null;
  /** The tight / loose area it pays for, if any. */
  areaId?: string | null;
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

/** The calendar, and how many schools each wave has (for lines that go to each school of a wave). */
export interface BudgetSettings extends CalendarSettings {
  /** Schools per wave id; a wave not listed has none. */
  schoolsByWave?: Readonly<Record<string, number>>;
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

// ——— Lines over phases, schools and staff ———

/** Recurring lines are those that recur every school year; one-time lines are paid once. */
export const isRecurring = (line: Pick<Allocation, 'recurrence'>) => line.recurrence === 'ongoing';

/**
 * The phases a line counts in, given the plan's phases in order: its own phase, and for a
 * recurring line with `untilPhaseId`, every phase after it through that one. An end before
 * the line's own phase, or not in the plan, is read as its own phase only. Empty when the
 * line's phase is not in the plan.
 */
export function coveredPhaseIds(line: Pick<Allocation, 'phaseId' | 'recurrence' | 'untilPhaseId'>, phaseIds: readonly string[]): string[] {
  const from = phaseIds.indexOf(line.phaseId);
  if (from < 0) return [];
  const until = isRecurring(line) && line.untilPhaseId ? phaseIds.indexOf(line.untilPhaseId) : -1;
  return until > from ? phaseIds.slice(from, until + 1) : [line.phaseId];
}

/** How many times a line's amount counts: the wave's school count for a line that goes to each school of a wave, otherwise 1. */
export function lineMultiplier(line: Pick<Allocation, 'recipient' | 'perSchool'>, schoolsByWave: Readonly<Record<string, number>> = {}): number {
  if (line.recipient.kind !== 'wave' || !line.perSchool) return 1;
  const count = schoolsByWave[line.recipient.waveId] ?? 0;
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/** Whether a line's money follows from its staffing: a staff line with a cost per FTE. */
export function hasStaffCost(line: Pick<Allocation, 'kind' | 'staffCost'>): line is Pick<Allocation, 'kind'> & { staffCost: StaffCost } {
  return line.kind === 'staff-fte' && line.staffCost !== null && line.staffCost !== undefined;
}

/**
 * What `fte` FTE cost in the `yearIndex`-th school year (0 for the first): FTE × cost per
 * FTE, raised by the yearly increase once per year, rounded to the cent.
 */
export function staffYearCents(fte: number, cost: StaffCost, yearIndex: number): number {
  const rate = 1 + (Number.isFinite(cost.yearlyIncreasePercent) ? Math.max(0, cost.yearlyIncreasePercent) : 0) / 100;
  // A year of one line is held to the largest amount the app accepts: a compounding increase on
  // a mistyped cost would otherwise outgrow exact whole cents in the plan's totals.
  return Math.min(MONEY_MAX_CENTS, cents(fte * cost.perFteCents * rate ** Math.max(0, yearIndex)));
}

// ——— Charges and totals ———

/**
 * One dated payment: one-time money once at its phase's start, recurring money once per school
 * year of every phase the line covers; a staff line with a cost per FTE pays FTE × cost the
 * same way (rising by its yearly increase).
 */
export interface Charge {
  allocationId: string;
  /** The phase the payment falls in (for a continued line, a later phase than its own). */
  phaseId: string;
  sourceId: string | null;
  /** The day the money is counted, `yyyy-MM-dd`: the phase start, or the start of the school year within the phase. */
  date: string;
  fiscalYear: number;
  cents: number;
  /** Where the money comes from: typed money, or staff worked out from FTE × cost. */
  from: 'money' | 'staff';
  /** The line's own phase is another one: the line continues into this one. */
  continued: boolean;
  /** 0 for the line's first payment, then 1, 2 … (the years a staff cost has risen). */
  yearIndex: number;
}

/** The charges last worked out for an allocations array (per array: totals, warnings and the chart each ask for them). */
const chargesMemo = new WeakMap<readonly Allocation[], {
  phases: readonly BudgetPhase[]; schoolStart: number; fiscalStart: number; schools: BudgetSettings['schoolsByWave']; result: readonly Charge[];
}>();

/**
 * Every money payment the allocations make, in date order. Allocations for unknown phases are
 * left out. `phases` are in the plan's order (a recurring line continues through the phases
 * after its own in that order). The arrays are read as immutable: asked again for the same
 * allocations, phases, calendar and school counts, the same result comes back without being
 * worked out again.
 */
export function charges(allocations: readonly Allocation[], phases: readonly BudgetPhase[], settings: BudgetSettings = {}): readonly Charge[] {
  const schoolStart = settings.schoolYearStartMonth ?? 8;
  const fiscalStart = settings.fiscalStartMonth ?? 7;
  const schools = settings.schoolsByWave;
  const known = chargesMemo.get(allocations);
  if (known && known.phases === phases && known.schoolStart === schoolStart && known.fiscalStart === fiscalStart && known.schools === schools) return known.result;
  const byId = new Map(phases.map((p) => [p.id, p]));
  const phaseIds = phases.map((p) => p.id);
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
  const add = (charge: Charge) => {
    const day = byDate.get(charge.date);
    if (day) day.push(charge);
    else byDate.set(charge.date, [charge]);
  };
  for (const a of allocations) {
    const own = byId.get(a.phaseId);
    if (!own) continue;
    const staff = hasStaffCost(a);
    if (a.kind !== 'money' && !staff) continue;
    const times = lineMultiplier(a, schools);
    const base = { allocationId: a.id, sourceId: a.sourceId, from: staff ? 'staff' as const : 'money' as const };
    const amountAt = (yearIndex: number) => (staff ? staffYearCents(a.amount * times, a.staffCost as StaffCost, yearIndex) : cents(a.amount * times));
    if (!isRecurring(a)) {
      const { date, fiscalYear } = (staff ? datesOf(own).yearly[0] : undefined) ?? (datesOf(own).once[0] as { date: string; fiscalYear: number });
      add({ ...base, phaseId: own.id, date, fiscalYear, cents: amountAt(0), continued: false, yearIndex: 0 });
      continue;
    }
    const covered = a.untilPhaseId ? coveredPhaseIds(a, phaseIds) : [a.phaseId];
    let yearIndex = 0;
    for (const phaseId of covered) {
      const phase = byId.get(phaseId) as BudgetPhase;
      for (const { date, fiscalYear } of datesOf(phase).yearly) {
        add({ ...base, phaseId, date, fiscalYear, cents: amountAt(yearIndex), continued: phaseId !== a.phaseId, yearIndex });
        yearIndex += 1;
      }
    }
  }
  const result = [...byDate.keys()].sort().flatMap((date) => byDate.get(date) ?? []);
  chargesMemo.set(allocations, { phases, schoolStart, fiscalStart, schools, result });
  return result;
}

export type Units = Record<UnitKind, number>;
const noUnits = (): Units => ({ 'staff-fte': 0, devices: 0, 'training-hours': 0 });

export interface BudgetTotals {
  totalCents: number;
  /** Money per phase id (every phase present, 0 when nothing is allocated), staff costs included. */
  byPhase: Record<string, number>;
  /** The part of byPhase that is staff cost worked out from FTE × cost per FTE. */
  staffByPhase: Record<string, number>;
  /** All staff cost worked out from FTE × cost per FTE. */
  staffCents: number;
  /** Money per source, in order of first appearance; sourceId null is the district's own budget. */
  bySource: { sourceId: string | null; cents: number }[];
  /** Money per fiscal year, earliest first. */
  byFiscalYear: { year: number; cents: number }[];
  /** Money per student per phase, rounded half up; null when the phase has no student count. */
  perStudentByPhase: Record<string, number | null>;
  /**
   * FTE, devices and training hours per phase as entered (not multiplied by years: an FTE is a
   * yearly level), in every phase a recurring line covers, times the schools of a wave for a
   * line that goes to each school.
   */
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
  options: BudgetSettings & { studentsByPhase?: Record<string, number> } = {},
): BudgetTotals {
  const byPhase: Record<string, number> = Object.fromEntries(phases.map((p) => [p.id, 0]));
  const staffByPhase: Record<string, number> = Object.fromEntries(phases.map((p) => [p.id, 0]));
  const sources = new Map<string | null, number>();
  const years = new Map<number, number>();
  let totalCents = 0;
  let staffCents = 0;
  for (const c of charges(allocations, phases, options)) {
    totalCents += c.cents;
    byPhase[c.phaseId] = (byPhase[c.phaseId] ?? 0) + c.cents;
    if (c.from === 'staff') {
      staffByPhase[c.phaseId] = (staffByPhase[c.phaseId] ?? 0) + c.cents;
      staffCents += c.cents;
    }
    sources.set(c.sourceId, (sources.get(c.sourceId) ?? 0) + c.cents);
    years.set(c.fiscalYear, (years.get(c.fiscalYear) ?? 0) + c.cents);
  }
  const unitsByPhase: Record<string, Units> = Object.fromEntries(phases.map((p) => [p.id, noUnits()]));
  const units = noUnits();
  const phaseIds = phases.map((p) => p.id);
  for (const a of allocations) {
    if (a.kind === 'money' || !Number.isFinite(a.amount)) continue;
    const amount = a.amount * lineMultiplier(a, options.schoolsByWave);
    for (const phaseId of a.untilPhaseId ? coveredPhaseIds(a, phaseIds) : [a.phaseId]) {
      const phaseUnits = unitsByPhase[phaseId];
      if (!phaseUnits) continue;
      phaseUnits[a.kind] += amount;
      units[a.kind] += amount;
    }
  }
  const perStudentByPhase: Record<string, number | null> = Object.fromEntries(phases.map((p) => {
    const students = options.studentsByPhase?.[p.id];
    const count = students !== undefined && Number.isFinite(students) ? Math.round(students) : 0;
    return [p.id, count > 0 ? divideHalfUp(byPhase[p.id] ?? 0, count) : null];
  }));
  return {
    totalCents,
    byPhase,
    staffByPhase,
    staffCents,
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

/** Who pays, after a source ends, for recurring costs it paid for. */
export interface CliffPickup {
  /** Null for the district's own budget. */
  sourceId: string | null;
  /** Per school year. */
  cents: number;
  /** The fiscal year the pick-up starts. */
  year: number;
}

export interface CliffWarning {
  kind: 'cliff';
  sourceId: string;
  /** The cliff year: the fiscal year containing the first day without the funding. */
  year: number;
  /** Recurring cost per school year the source pays for when it ends (what it would cost in the cliff year). */
  ongoingCents: number;
  /** What other sources pay of it from the cliff year on, per school year. */
  pickups: CliffPickup[];
  /** What nothing pays for yet in the cliff year, per school year (0 when the cliff is covered). */
  uncoveredCents: number;
  /** Every recurring cost is picked up: the cliff is covered and no longer a warning. */
  resolved: boolean;
  message: string;
}

export type BudgetWarning = OverBudgetWarning | CliffWarning;

const displayDate = (isoDate: string) => format(parseISO(isoDate), 'MMM d, yyyy');

/** Grants (federal formula, one-time federal or state grants) have an obligate-by and a spend-by date. */
export function isGrantType(type: FundingType | undefined): boolean {
  return type === 'federal-formula' || type === 'federal-grant' || type === 'state-grant';
}

/** "ends Jun 30, 2029", or for a grant "must be spent by Jun 30, 2029". */
function endsText(source: FundingSource): string {
  return isGrantType(source.type) ? `must be spent by ${displayDate(source.end)}` : `ends ${displayDate(source.end)}`;
}

/** The last day money may be committed from a source: a grant's obligate-by date when it has one (before its end), otherwise its end. */
export function lastObligationDay(source: Pick<FundingSource, 'end' | 'obligateBy' | 'type'>): string {
  return isGrantType(source.type) && source.obligateBy && source.obligateBy < source.end ? source.obligateBy : source.end;
}

const recipientId = (r: Recipient) => (r.kind === 'wave' ? `wave:${r.waveId}` : r.kind === 'school' ? `school:${r.schoolId}` : 'central');

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) as string}`;
}

/**
 * The fiscal cliffs of the plan, each with who picks up what: a source pays recurring costs
 * (recurring money, or staff with a cost per FTE), and the plan has a phase running past the
 * source's end ("spend by" for a grant). The costs counted are, for each recurring cost (the
 * same recipient, kind and area), those of the latest phase starting on or before the end that
 * the source pays it in, at what they would cost in the first school year without the source.
 * A cost is picked up by a recurring line of the same recipient and kind (and area, when the
 * cost has one) paid from another source or the district budget, that pays after the source
 * ends; what it pays in the cliff year covers the cost, up to the cost. A cliff whose costs are
 * all covered is resolved.
 */
export function fiscalCliffs(
  sources: readonly FundingSource[],
  allocations: readonly Allocation[],
  phases: readonly BudgetPhase[],
  settings: BudgetSettings = {},
): CliffWarning[] {
  const fiscalStart = settings.fiscalStartMonth ?? 7;
  const phaseIds = phases.map((p) => p.id);
  const phaseIndex = new Map(phaseIds.map((id, i) => [id, i]));
  const byId = new Map(phases.map((p) => [p.id, p]));
  const chargesOf = new Map<string, Charge[]>();
  for (const c of charges(allocations, phases, settings)) {
    const list = chargesOf.get(c.allocationId);
    if (list) list.push(c);
    else chargesOf.set(c.allocationId, [c]);
  }
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const recurringCosts = allocations.filter((a) => isRecurring(a) && byId.has(a.phaseId) && (a.kind === 'money' || hasStaffCost(a)));
  const cliffs: CliffWarning[] = [];
  for (const source of sources) {
    if (!phases.some((p) => p.end > source.end)) continue;
    const firstDayWithout = iso(addDays(parseISO(source.end), 1));
    const year = fiscalYearOf(firstDayWithout, fiscalStart);
    // Each recurring cost the source pays, by recipient, kind and area: the lines of its latest phase.
    const costs = new Map<string, { recipient: string; kind: AllocationKind; areaId: string | null; last: number; lines: Allocation[] }>();
    for (const a of recurringCosts) {
      if (a.sourceId !== source.id || (byId.get(a.phaseId) as BudgetPhase).start > source.end) continue;
      const covered = (a.untilPhaseId ? coveredPhaseIds(a, phaseIds) : [a.phaseId]).filter((id) => (byId.get(id) as BudgetPhase).start <= source.end);
      const last = Math.max(...covered.map((id) => phaseIndex.get(id) ?? -1));
      const key = `${recipientId(a.recipient)}|${a.kind}|${a.areaId ?? ''}`;
      const cost = costs.get(key);
      if (!cost || last > cost.last) costs.set(key, { recipient: recipientId(a.recipient), kind: a.kind, areaId: a.areaId ?? null, last, lines: [a] });
      else if (last === cost.last) cost.lines.push(a);
    }
    // What each line would cost in the first school year without the source.
    const costAfter = (a: Allocation) => {
      const paid = (chargesOf.get(a.id) ?? []).filter((c) => c.date <= source.end).length;
      return hasStaffCost(a) ? staffYearCents(a.amount * lineMultiplier(a, settings.schoolsByWave), a.staffCost, paid) : cents(a.amount * lineMultiplier(a, settings.schoolsByWave));
    };
    const used = new Set<string>();
    const pickups = new Map<string, CliffPickup>();
    let ongoingCents = 0;
    let uncoveredCents = 0;
    // Costs with an area first, so a pick-up line with that area goes to them before a cost without one.
    for (const cost of [...costs.values()].sort((x, y) => Number(y.areaId !== null) - Number(x.areaId !== null))) {
      const need = cost.lines.reduce((sum, a) => sum + costAfter(a), 0);
      if (need <= 0) continue;
      ongoingCents += need;
      let covered = 0;
      for (const b of recurringCosts) {
        if (used.has(b.id) || b.sourceId === source.id || b.kind !== cost.kind || recipientId(b.recipient) !== cost.recipient) continue;
        if (cost.areaId !== null && b.areaId !== cost.areaId) continue;
        const after = (chargesOf.get(b.id) ?? []).find((c) => c.date > source.end);
        if (!after) continue;
        used.add(b.id);
        const key = `${b.sourceId ?? ''}|${after.fiscalYear}`;
        const pickup = pickups.get(key) ?? { sourceId: b.sourceId, cents: 0, year: after.fiscalYear };
        pickup.cents += after.cents;
        pickups.set(key, pickup);
        if (after.fiscalYear <= year) covered += after.cents;
      }
      uncoveredCents += Math.max(0, need - covered);
    }
    if (ongoingCents <= 0) continue;
    const picked = [...pickups.values()].sort((x, y) => x.year - y.year);
    const pickupText = joinAnd(picked.map((p) => `${p.sourceId === null ? 'District budget' : names.get(p.sourceId) ?? 'District budget'} picks up ${formatMoney(p.cents)} a year from ${fiscalYearLabel(p.year)}`));
    const ends = `${source.name} ${endsText(source)}`;
    const without = `${fiscalYearLabel(year)} is the first fiscal year without it.`;
    const resolved = uncoveredCents <= 0;
    const message = resolved
      ? `${ends}. ${pickupText}: the ${formatMoney(ongoingCents)} a year of recurring costs it paid for are covered.`
      : picked.length === 0
        ? `${ends}, but ${formatMoney(ongoingCents)} a year of recurring costs it pays for continue. ${without}`
        : `${ends}, but ${formatMoney(ongoingCents)} a year of recurring costs it pays for continue. ${pickupText}; ${formatMoney(uncoveredCents)} a year is still uncovered. ${without}`;
    cliffs.push({ kind: 'cliff', sourceId: source.id, year, ongoingCents, pickups: picked, uncoveredCents: Math.max(0, uncoveredCents), resolved, message });
  }
  return cliffs;
}

/**
 * What the budget cannot stand on.
 * - over-budget: phases draw on a source in date order; a phase is warned about for what it
 *   spends beyond what is left of the source, plus whatever it charges to the source outside
 *   the source's dates (that money does not exist), or, for a source with an obligate-by date,
 *   after that date (it can no longer be committed).
 * - cliff: see fiscalCliffs; covered cliffs come back too, with `resolved` set, so the section
 *   can say who picks them up.
 * Allocations without a source, or with a source not in `sources`, raise no warnings.
 */
export function budgetWarnings(
  sources: readonly FundingSource[],
  allocations: readonly Allocation[],
  phases: readonly BudgetPhase[],
  settings: BudgetSettings = {},
): BudgetWarning[] {
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
    const obligateBy = lastObligationDay(source);
    for (const phase of orderedPhases) {
      const own = bySourceAndPhase.get(`${source.id}|${phase.id}`) ?? [];
      if (own.length === 0) continue;
      const sum = (list: readonly Charge[]) => list.reduce((total, c) => total + c.cents, 0);
      const inside = sum(own.filter((c) => c.date >= source.start && c.date <= obligateBy));
      const late = sum(own.filter((c) => c.date > obligateBy && c.date <= source.end));
      const outside = sum(own) - inside - late;
      const beyond = Math.max(0, inside - remaining);
      remaining = Math.max(0, remaining - inside);
      const overCents = beyond + outside + late;
      if (overCents <= 0) continue;
      const dates = `${displayDate(source.start)} – ${displayDate(source.end)}`;
      const parts: string[] = [];
      if (outside > 0) parts.push(`${formatMoney(outside)} outside the dates it covers (${dates})`);
      if (late > 0) parts.push(`${formatMoney(late)} obligated after its obligate-by date, ${displayDate(obligateBy)}`);
      let message: string;
      if (parts.length === 0) message = `${phase.name} spends ${formatMoney(overCents)} more from ${source.name} than it holds.`;
      else if (beyond > 0) message = `${phase.name} spends ${formatMoney(overCents)} more from ${source.name} than it holds, including ${joinAnd(parts)}.`;
      else if (outside > 0 && late > 0) message = `${phase.name} spends ${formatMoney(overCents)} from ${source.name} it cannot use: ${joinAnd(parts)}.`;
      else if (outside > 0) message = `${phase.name} spends ${formatMoney(outside)} from ${source.name} outside the dates it covers (${dates}).`;
      else message = `${phase.name} spends ${formatMoney(late)} from ${source.name} obligated after its obligate-by date, ${displayDate(obligateBy)}.`;
      warnings.push({ kind: 'over-budget', phaseId: phase.id, sourceId: source.id, overCents, message });
    }
  }
  warnings.push(...fiscalCliffs(sources, allocations, phases, settings));
  return warnings;
}
