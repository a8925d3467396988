/**
 * The resources grid and the rules around it, as plain data: who the rows are, what each cell
 * holds, how many students each phase serves, amounts as planners type them, money per fiscal
 * year by source, and how a budget line sits with the plan's tight / loose stance. The budget
 * maths itself (charges, totals, warnings) is in budget.ts.
 */
import { phaseIntake } from './waves';
import { charges, coveredPhaseIds, formatMoney, isGrantType, lineMultiplier, parseMoney, schoolYearsOf, staffYearCents, type BudgetSettings, type CliffWarning } from './budget';
import { formatNumber } from './numbers';
import { formatDisplayDate } from './phase-rules';
import { plural } from './words';
import { MONEY_MAX_CENTS, type AllocationRow, type FundingSource, type Phase, type RecipientValue, type School, type Stance, type StanceValue, type Wave } from './schemas';

export type AllocationKind = AllocationRow['kind'];

// ——— Rows and cells ———

/** One row of the grid: the central office, a wave or a school. */
export interface RecipientRow {
  /** "central", "wave:<id>" or "school:<id>". */
  key: string;
  recipient: RecipientValue;
  name: string;
  /** A short second line: what the row is and where it sits in the plan. */
  detail: string;
}

/** The key of a recipient in the grid's lookups. */
export function recipientKey(recipient: RecipientValue): string {
  if (recipient.kind === 'wave') return `wave:${recipient.waveId}`;
  if (recipient.kind === 'school') return `school:${recipient.schoolId}`;
  return 'central';
}

/** Whether two recipients are the same central office, wave or school. */
export function sameRecipient(a: RecipientValue, b: RecipientValue): boolean {
  if (a.kind === 'wave' && b.kind === 'wave') return a.waveId === b.waveId;
  if (a.kind === 'school' && b.kind === 'school') return a.schoolId === b.schoolId;
  return a.kind === 'central' && b.kind === 'central';
}

/** The key of one cell: one recipient in one phase. */
export function gridCellKey(rowKey: string, phaseId: string): string {
  return `${rowKey}|${phaseId}`;
}

/** The recipient and phase a cell key names (phase ids hold no "|"). */
export function splitGridCellKey(cellKey: string): { rowKey: string; phaseId: string } {
  const at = cellKey.lastIndexOf('|');
  return { rowKey: cellKey.slice(0, at), phaseId: cellKey.slice(at + 1) };
}

/**
 * The grid's rows: the central office, then each wave, then each school, both in the
 * planner's order. A wave says how many schools it has and the phase it starts in; a school
 * says its wave and how many students it has.
 */
export function recipientRows(
  waves: readonly Pick<Wave, 'id' | 'name' | 'phaseId'>[],
  schools: readonly Pick<School, 'id' | 'name' | 'waveId' | 'students'>[],
  phases: readonly Pick<Phase, 'id' | 'name'>[],
): RecipientRow[] {
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  const waveName = new Map(waves.map((w) => [w.id, w.name]));
  const schoolCount = new Map<string, number>();
  for (const s of schools) if (s.waveId) schoolCount.set(s.waveId, (schoolCount.get(s.waveId) ?? 0) + 1);
  const rows: RecipientRow[] = [{ key: 'central', recipient: { kind: 'central' }, name: 'Central office', detail: 'District-wide' }];
  for (const w of waves) {
    const starts = w.phaseId && phaseName.has(w.phaseId) ? `starts in ${phaseName.get(w.phaseId)}` : 'not scheduled';
    rows.push({ key: `wave:${w.id}`, recipient: { kind: 'wave', waveId: w.id }, name: w.name, detail: `${plural(schoolCount.get(w.id) ?? 0, 'school')} · ${starts}` });
  }
  for (const s of schools) {
    const wave = s.waveId ? waveName.get(s.waveId) : undefined;
    rows.push({ key: `school:${s.id}`, recipient: { kind: 'school', schoolId: s.id }, name: s.name, detail: `${wave ?? 'No wave'} · ${plural(s.students, 'student')}` });
  }
  return rows;
}

/** What one cell holds: the sum of its lines of one kind, and what kind of lines they are. */
export interface GridCell {
  /** The cell's own lines, summed as typed (a line for each school of a wave is not multiplied here). */
  amount: number;
  /** The cell's own lines (typed in this phase). */
  lineIds: string[];
  ongoing: number;
  oneTime: number;
  flexible: number;
  /** How many of its own lines go to each school of a wave. */
  perSchool?: number;
  /** Recurring lines of earlier phases that continue into this one (shown, not edited, here). */
  continued?: ContinuedAmount;
}

/** What continues into a cell from recurring lines typed in earlier phases. */
export interface ContinuedAmount {
  amount: number;
  lineIds: string[];
  /** The phase each of those lines is typed in, in the same order. */
  fromPhaseIds: string[];
}

/** Whether a cell has lines of its own (a cell may show only amounts continued from earlier phases). */
export const hasOwnLines = (cell: GridCell | undefined): boolean => cell !== undefined && cell.lineIds.length > 0;

/**
 * Every non-empty cell of one kind, by gridCellKey. Lines keep the order given. With the plan's
 * phase ids in order, a recurring line that continues into later phases shows in their cells
 * too, as a continued amount.
 */
export function gridCells(allocations: readonly AllocationRow[], kind: AllocationKind, phaseIds?: readonly string[]): Map<string, GridCell> {
  const cells = new Map<string, GridCell>();
  const cellAt = (key: string) => {
    let cell = cells.get(key);
    if (!cell) {
      cell = { amount: 0, lineIds: [], ongoing: 0, oneTime: 0, flexible: 0, perSchool: 0 };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const a of allocations) {
    if (a.kind !== kind) continue;
    const row = recipientKey(a.recipient);
    const cell = cellAt(gridCellKey(row, a.phaseId));
    cell.amount += a.amount;
    cell.lineIds.push(a.id);
    if (a.recurrence === 'ongoing') cell.ongoing += 1;
    else cell.oneTime += 1;
    if (a.flexible) cell.flexible += 1;
    if (a.perSchool && a.recipient.kind === 'wave') cell.perSchool = (cell.perSchool ?? 0) + 1;
    if (!phaseIds || !a.untilPhaseId || a.recurrence !== 'ongoing') continue;
    for (const phaseId of coveredPhaseIds(a, phaseIds).slice(1)) {
      const later = cellAt(gridCellKey(row, phaseId));
      later.continued ??= { amount: 0, lineIds: [], fromPhaseIds: [] };
      later.continued.amount += a.amount;
      later.continued.lineIds.push(a.id);
      later.continued.fromPhaseIds.push(a.phaseId);
    }
  }
  return cells;
}

/**
 * The lines of one cell: one recipient's lines of one kind in one phase, in a fixed order (by
 * id), so each keeps its place while it is edited.
 */
export function cellLines(allocations: readonly AllocationRow[], rowKey: string, phaseId: string, kind: AllocationKind): AllocationRow[] {
  return allocations
    .filter((a) => a.kind === kind && a.phaseId === phaseId && recipientKey(a.recipient) === rowKey)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ——— Typing into a cell ———

/** An amount of nothing or zero clears a cell: a grid never holds a zero line. */
export function clearsCell(amount: number | null): amount is null | 0 {
  return amount === null || amount === 0;
}

/** One cell of the grid as an edit names it: what one recipient gets of one kind in one phase. */
export interface AllocationCell {
  phaseId: string;
  recipient: RecipientValue;
  kind: AllocationKind;
}

/** How a line typed into an empty cell is paid for and whether it recurs. */
export type NewLineDefaults = Pick<AllocationRow, 'sourceId' | 'recurrence' | 'flexible'>;

/** What typing an amount into a cell does to storage. */
export type CellWrite =
  | { kind: 'none' }
  | { kind: 'remove'; line: AllocationRow }
  | { kind: 'put'; row: AllocationRow; before: AllocationRow | undefined };

/**
 * The one rule for which line a cell edit touches. `lineId` is the line the planner saw in the
 * cell, or, for an empty cell, the id its new line takes (so a quick second edit finds the
 * line the first one made); `found` is that line as stored now, if any. A line still in the
 * cell takes the amount, or goes when the amount clears the cell. Otherwise a new line with
 * `defaults` takes it: under `lineId` when nothing has that id, under `freshId()` when the id
 * now belongs to a line elsewhere (it moved, or another window reused the cell).
 */
export function cellWrite(
  planId: string, cell: AllocationCell, lineId: string, found: AllocationRow | undefined, amount: number | null, defaults: NewLineDefaults, freshId: () => string,
): CellWrite {
  const inCell = found !== undefined && found.planId === planId && found.phaseId === cell.phaseId && found.kind === cell.kind && sameRecipient(found.recipient, cell.recipient);
  if (inCell) return clearsCell(amount) ? { kind: 'remove', line: found } : { kind: 'put', row: { ...found, amount }, before: found };
  if (clearsCell(amount)) return { kind: 'none' };
  return {
    kind: 'put',
    row: { id: found === undefined ? lineId : freshId(), planId, phaseId: cell.phaseId, recipient: cell.recipient, kind: cell.kind, amount, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null, ...defaults },
    before: undefined,
  };
}

/** How many school years each phase pays ongoing costs for (see schoolYearsOf). */
export function schoolYearsByPhase(phases: readonly Pick<Phase, 'id' | 'start' | 'end'>[], schoolYearStartMonth: number): Map<string, number> {
  return new Map(phases.map((p) => [p.id, schoolYearsOf(p, schoolYearStartMonth).length]));
}

/**
 * What a line costs in one phase: recurring money once for every school year of the phase,
 * anything else as entered (an FTE is a yearly level, not multiplied), times `multiplier`
 * (the schools of a wave, for a line that goes to each school).
 */
export function lineTotal(line: Pick<AllocationRow, 'kind' | 'amount' | 'recurrence'>, years: number, multiplier = 1): number {
  const amount = line.amount * multiplier;
  return line.kind === 'money' && line.recurrence === 'ongoing' ? amount * years : amount;
}

export interface GridTotals {
  /** By row key. */
  byRow: Map<string, number>;
  /** By phase id. */
  byPhase: Map<string, number>;
  total: number;
}

/**
 * The grid's row and column totals for one kind, counted as lineTotal counts them, so the money
 * totals match the plan's budget per phase: a recurring line counts in every phase it
 * continues into (given the phase ids in order), and a line for each school of a wave counts
 * once per school.
 */
export function gridTotals(
  allocations: readonly AllocationRow[], kind: AllocationKind, yearsByPhase: ReadonlyMap<string, number>, phaseIds?: readonly string[], schoolsByWave?: Readonly<Record<string, number>>,
): GridTotals {
  const byRow = new Map<string, number>();
  const byPhase = new Map<string, number>();
  let total = 0;
  for (const a of allocations) {
    if (a.kind !== kind) continue;
    const row = recipientKey(a.recipient);
    const multiplier = lineMultiplier(a, schoolsByWave);
    for (const phaseId of phaseIds && a.untilPhaseId ? coveredPhaseIds(a, phaseIds) : [a.phaseId]) {
      const years = yearsByPhase.get(phaseId);
      if (years === undefined) continue;
      const amount = lineTotal(a, years, multiplier);
      byRow.set(row, (byRow.get(row) ?? 0) + amount);
      byPhase.set(phaseId, (byPhase.get(phaseId) ?? 0) + amount);
      total += amount;
    }
  }
  return { byRow, byPhase, total };
}

/** How many schools each wave has, by wave id. */
export function schoolsByWave(schools: readonly Pick<School, 'waveId'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of schools) if (s.waveId) counts[s.waveId] = (counts[s.waveId] ?? 0) + 1;
  return counts;
}

// ——— One line in words ———

/**
 * What a line amounts to, in words: "$400,000 for each of 5 schools = $2,000,000",
 * "$400,000 for the wave", "5 FTE × $95,000 = $475,000 a year, rising 3% a year", or just
 * the amount. `schools` is the wave's school count (for a wave's line).
 */
export function lineAmountText(line: Pick<AllocationRow, 'kind' | 'amount' | 'recurrence' | 'recipient' | 'perSchool' | 'staffCost'>, schools: number): string {
  // Money recurs "a year"; FTE, devices and hours are levels or counts.
  const yearly = line.kind === 'money' && line.recurrence === 'ongoing' ? ' a year' : '';
  const each = line.recipient.kind === 'wave' && line.perSchool;
  const units = each ? line.amount * schools : line.amount;
  const staff = line.kind === 'staff-fte' && line.staffCost ? line.staffCost : null;
  const parts: string[] = [];
  if (each) parts.push(`${amountText(line.kind, line.amount)}${yearly} for each of ${plural(schools, 'school')} = ${amountText(line.kind, units)}${yearly}`);
  else if (!staff) parts.push(`${amountText(line.kind, line.amount)}${yearly}${line.recipient.kind === 'wave' ? ' for the wave' : ''}`);
  if (staff) {
    const first = staffYearCents(units, staff, 0);
    const rise = staff.yearlyIncreasePercent > 0 ? `, rising ${formatNumber(staff.yearlyIncreasePercent, 2)}% a year` : '';
    const per = line.recurrence === 'ongoing' ? ' a year' : ' for one year';
    parts.push(`${amountText('staff-fte', units)} × ${formatMoney(staff.perFteCents)} = ${formatMoney(first)}${per}${rise}`);
  }
  return parts.join(': ');
}

/**
 * Students served in each phase: the students of every school whose wave starts in that phase
 * or an earlier one (by phase order). Schools that joined earlier stay in.
 */
export function studentsByPhase(
  phases: readonly Pick<Phase, 'id' | 'order'>[],
  waves: readonly Pick<Wave, 'id' | 'phaseId'>[],
  schools: readonly Pick<School, 'waveId' | 'students'>[],
): Record<string, number> {
  return Object.fromEntries(phaseIntake(phases, waves, schools).map((row) => [row.phaseId, row.total.students]));
}

// ——— Amounts as typed ———

/** The most FTE, devices or hours one line can hold. */
export const UNITS_MAX = 1_000_000;

const UNIT_WORDS: Record<Exclude<AllocationKind, 'money'>, [string, string]> = {
  'staff-fte': ['FTE', 'FTE'],
  devices: ['device', 'devices'],
  'training-hours': ['training hour', 'training hours'],
};


/** An amount as a cell shows it: "$120,000" for money (cents), "1.5" or "1,200" for units. */
export function formatAmount(kind: AllocationKind, amount: number): string {
  return kind === 'money' ? formatMoney(amount) : formatNumber(amount, 2);
}

/** An amount with its unit, for sentences and totals: "$120,000", "1.5 FTE", "1 device", "40 training hours". */
export function amountText(kind: AllocationKind, amount: number): string {
  if (kind === 'money') return formatMoney(amount);
  const [one, many] = UNIT_WORDS[kind];
  return `${formatNumber(amount, 2)} ${amount === 1 ? one : many}`;
}

/**
 * The amount a planner typed for a line of `kind`: cents for money (see parseMoney), a number
 * of FTE, devices or hours otherwise; null when the text is empty, or an error to show.
 * Devices are whole numbers; FTE and hours take up to two decimals; thousands may be grouped
 * with commas.
 */
export function parseAmount(kind: AllocationKind, text: string): number | null | { error: string } {
  if (kind === 'money') {
    const cents = parseMoney(text);
    if (typeof cents === 'number' && cents > MONEY_MAX_CENTS) return { error: `Enter at most ${formatMoney(MONEY_MAX_CENTS)}.` };
    return cents;
  }
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  if (compact.startsWith('-')) return { error: 'Enter an amount of zero or more.' };
  const what = kind === 'devices' ? 'a whole number of devices, like 120' : kind === 'staff-fte' ? 'a number of FTE, like 1.5' : 'a number of hours, like 40';
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^\.\d+$/.test(compact)) return { error: `Enter ${what}.` };
  const [whole = '', fraction = ''] = compact.replace(/,/g, '').split('.');
  if (kind === 'devices' && /[1-9]/.test(fraction)) return { error: `Enter ${what}.` };
  if (fraction.replace(/0+$/, '').length > 2) return { error: 'Use at most two decimals.' };
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  if (value > UNITS_MAX) return { error: `Enter at most ${formatNumber(UNITS_MAX, 2)}.` };
  return value;
}

/**
 * The amount a line keeps when its kind changes: the number on show, in the new kind's units
 * ($1,500 of money becomes 1,500 devices, and back). Devices round to whole numbers, FTE and
 * hours to two decimals, and units stop at UNITS_MAX.
 */
export function convertAmount(amount: number, from: AllocationKind, to: AllocationKind): number {
  if (from === to) return amount;
  const shown = from === 'money' ? amount / 100 : amount;
  if (to === 'money') return Math.min(MONEY_MAX_CENTS, Math.round(shown * 100));
  const units = to === 'devices' ? Math.round(shown) : Math.round(shown * 100) / 100;
  return Math.min(UNITS_MAX, units);
}

// ——— Funding sources ———

/** Why a funding source's dates cannot stand, or null: it must end on or after the day it starts. */
export function fundingDatesProblem(start: string, end: string): string | null {
  return end < start ? `The end date must be on or after the start date (${formatDisplayDate(start)}).` : null;
}

/** Why a grant's obligate-by date cannot stand, or null: on or after its start, on or before its spend-by date. */
export function obligateByProblem(start: string, obligateBy: string, end: string): string | null {
  if (obligateBy < start) return `The obligate-by date must be on or after the start date (${formatDisplayDate(start)}).`;
  if (obligateBy > end) return `The obligate-by date must be on or before the spend-by date (${formatDisplayDate(end)}).`;
  return null;
}

/** What a source's last date is called: "Spend by" for a grant, "End date" otherwise. */
export function fundingEndLabel(type: FundingSource['type']): string {
  return isGrantType(type) ? 'Spend by' : 'End date';
}

export { isGrantType };

/** What pays for lines without a funding source. */
export const DISTRICT_BUDGET = 'District budget';

/** The name of a source in sentences and tables; null is the district's own budget. */
export function sourceName(sourceId: string | null, sources: readonly Pick<FundingSource, 'id' | 'name'>[]): string {
  if (sourceId === null) return DISTRICT_BUDGET;
  return sources.find((s) => s.id === sourceId)?.name ?? DISTRICT_BUDGET;
}

// ——— Money per fiscal year by source ———

export interface FiscalSeries {
  /** Null for the district's own budget. */
  sourceId: string | null;
  name: string;
  /** Cents per fiscal year, in the order of `years`. */
  cents: number[];
}

export interface FiscalYearBreakdown {
  /** Every fiscal year from the first with money (or a cliff) to the last, with none left out. */
  years: number[];
  /** One series per source that pays for anything, in the plan's order, the district budget last. */
  series: FiscalSeries[];
  /** Cents per fiscal year, all sources together. */
  totals: number[];
  /** Recurring costs nothing pays for yet, per fiscal year (in each cliff year, what is still uncovered). */
  uncovered: number[];
}

/**
 * Money per fiscal year and source, for the chart and its table. `extraYears` (cliff years)
 * are included even when nothing is spent in them, and `cliffs` give each cliff year what is
 * still uncovered in it. A source no longer in `sources` counts as the district's budget.
 */
export function fiscalYearBreakdown(
  sources: readonly Pick<FundingSource, 'id' | 'name'>[],
  allocations: readonly AllocationRow[],
  phases: readonly Pick<Phase, 'id' | 'name' | 'start' | 'end'>[],
  settings: BudgetSettings = {},
  extraYears: readonly number[] = [],
  cliffs: readonly Pick<CliffWarning, 'year' | 'uncoveredCents'>[] = [],
): FiscalYearBreakdown {
  const known = new Set(sources.map((s) => s.id));
  const amounts = new Map<string | null, Map<number, number>>();
  const seen: number[] = [...extraYears, ...cliffs.map((c) => c.year)];
  for (const c of charges(allocations, phases, settings)) {
    const id = c.sourceId !== null && known.has(c.sourceId) ? c.sourceId : null;
    const byYear = amounts.get(id) ?? new Map<number, number>();
    byYear.set(c.fiscalYear, (byYear.get(c.fiscalYear) ?? 0) + c.cents);
    amounts.set(id, byYear);
    seen.push(c.fiscalYear);
  }
  if (seen.length === 0) return { years: [], series: [], totals: [], uncovered: [] };
  const first = Math.min(...seen);
  const last = Math.max(...seen);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const ids: (string | null)[] = [...sources.map((s) => s.id), null];
  const series = ids.filter((id) => amounts.has(id)).map((id) => ({
    sourceId: id,
    name: sourceName(id, sources),
    cents: years.map((y) => amounts.get(id)?.get(y) ?? 0),
  }));
  const totals = years.map((_, i) => series.reduce((sum, s) => sum + (s.cents[i] ?? 0), 0));
  const uncovered = years.map((y) => cliffs.filter((c) => c.year === y).reduce((sum, c) => sum + Math.max(0, c.uncoveredCents), 0));
  return { years, series, totals, uncovered };
}

// ——— Budget lines and the tight / loose stance ———

/**
 * How a budget line sits with the stance its area has in its phase:
 * - 'suggest-flexible': the area is held loose (schools decide) and the line is not flexible yet;
 * - 'flexible': the area is held loose and the line is flexible: schools decide how to spend it;
 * - 'contradicts': the area is held tight (the central office decides) but the line is flexible.
 */
export type StanceFit = 'suggest-flexible' | 'flexible' | 'contradicts';

/** The stance an area has in a phase, or null when the line has no area or the area no stance. */
export function stanceOf(areaId: string | null, phaseId: string, stances: readonly Pick<Stance, 'areaId' | 'phaseId' | 'stance'>[]): StanceValue | null {
  if (areaId === null) return null;
  return stances.find((s) => s.areaId === areaId && s.phaseId === phaseId)?.stance ?? null;
}

/** How a line sits with its area's stance in its phase; null when there is nothing to say. */
export function stanceFit(line: Pick<AllocationRow, 'areaId' | 'phaseId' | 'flexible'>, stances: readonly Pick<Stance, 'areaId' | 'phaseId' | 'stance'>[]): StanceFit | null {
  const stance = stanceOf(line.areaId, line.phaseId, stances);
  if (stance === 'loose') return line.flexible ? 'flexible' : 'suggest-flexible';
  if (stance === 'tight' && line.flexible) return 'contradicts';
  return null;
}

/** What a stance fit means, in a planner's words. */
export function stanceFitText(fit: StanceFit, areaName: string, phaseName: string): string {
  switch (fit) {
    case 'suggest-flexible': return `Schools decide: ${areaName} is held loose in ${phaseName}, so this can be a flexible line that each school spends as it sees fit.`;
    case 'flexible': return `Schools decide: flexible line. ${areaName} is held loose in ${phaseName}.`;
    case 'contradicts': return `${areaName} is held tight in ${phaseName} (the central office decides), but this line is flexible: the line contradicts the stance.`;
  }
}

/** The flexible lines whose area the plan holds tight in their phase. */
export function stanceContradictions(allocations: readonly AllocationRow[], stances: readonly Pick<Stance, 'areaId' | 'phaseId' | 'stance'>[]): AllocationRow[] {
  return allocations.filter((a) => stanceFit(a, stances) === 'contradicts');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The months a fiscal year covers, named as fiscalYearOf names it: FY2028 with a July start is
 * "Jul 2027 – Jun 2028"; with a January start, "Jan – Dec 2028".
 */
export function fiscalYearSpan(year: number, fiscalStartMonth: number): string {
  const start = MONTHS[fiscalStartMonth - 1] ?? 'Jul';
  if (fiscalStartMonth === 1) return `Jan – Dec ${year}`;
  const end = MONTHS[fiscalStartMonth - 2] ?? 'Jun';
  return `${start} ${year - 1} – ${end} ${year}`;
}
