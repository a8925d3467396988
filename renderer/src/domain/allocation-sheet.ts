/**
 * The plan's "Allocations" sheet, edited in a spreadsheet, read back: each row is one allocation
 * line, its phase, recipient, source and area named as the plan names them. A row with a Line ID
 * updates that line; a row without one adds a line; lines no row names are kept. Every row is
 * checked (names resolved, amounts read, the allocation schema) before anything is written, and
 * every problem names the sheet, the row and the column. Pure: no UI, no storage.
 */
import { parseMoney } from './budget';
import { ALLOCATION_COLUMNS, CENTRAL_OFFICE } from './plan-tables';
import { DISTRICT_BUDGET, parseAmount, UNITS_MAX, type AllocationKind } from './resource-rules';
import { parseNumber, sheetRowName } from './roster-csv';
import {
  ALLOCATION_KIND_LABELS, ALLOCATION_KINDS, allocationSchema, MONEY_MAX_CENTS, RECURRENCE_LABELS, RECURRENCES,
  type AllocationRow, type Area, type FundingSource, type Phase, type RecipientValue, type School, type Wave,
} from './schemas';
import { cellNumber, cellText, type XlsxCell, type XlsxSheet } from './xlsx-reader';

/** The sheet's columns, as the plan's workbook writes them (found by header, in any order). */
export type AllocationColumn = (typeof ALLOCATION_COLUMNS)[number];

/** The sheet a workbook's allocations are read from (or else its first sheet). */
export const ALLOCATIONS_SHEET = 'Allocations';

const REQUIRED: readonly AllocationColumn[] = ['Phase', 'Recipient', 'Kind', 'Recurrence'];

/** The plan's records a sheet's names and ids are resolved against. */
export interface AllocationSheetPlan {
  planId: string;
  phases: readonly Pick<Phase, 'id' | 'name' | 'order'>[];
  waves: readonly Pick<Wave, 'id' | 'name'>[];
  schools: readonly Pick<School, 'id' | 'name'>[];
  fundingSources: readonly Pick<FundingSource, 'id' | 'name'>[];
  areas: readonly Pick<Area, 'id' | 'name'>[];
  allocations: readonly AllocationRow[];
}

export interface SheetProblem {
  /** The sheet's row number (the header's for a problem with the whole sheet). */
  row: number;
  /** The column as the sheet names it. */
  column: string;
  /** A whole sentence: "Allocations sheet, row 14, Recipient: “Wave 9” is not …". */
  message: string;
}

export interface SheetLine {
  /** The sheet row it came from. */
  row: number;
  line: AllocationRow;
}

export interface AllocationSheetResult {
  sheet: string;
  /** Lines a row changes, with what they were. */
  changed: (SheetLine & { before: AllocationRow })[];
  /** Lines added by rows without a Line ID. */
  added: SheetLine[];
  /** Rows that name a line and leave it as it is. */
  unchanged: number;
  /** Lines of the plan no row names: kept as they are. */
  kept: number;
  problems: SheetProblem[];
}

/** Names compared as planners see them: ignoring case and extra spaces. */
const nameKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const q = (text: string) => `“${text}”`;

/** Finds a record by name; two records of one kind with one name cannot be told apart. */
function byName<T extends { id: string; name: string }>(rows: readonly T[]): (name: string) => T[] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(nameKey(row.name), [...(map.get(nameKey(row.name)) ?? []), row]);
  return (name) => map.get(nameKey(name)) ?? [];
}

/** Labels a planner reads (and the stored words) to values: "Staff (FTE)" or "staff-fte". */
function labelled<V extends string>(values: readonly V[], labels: Record<V, string>, extra: Record<string, V> = {}): (text: string) => V | undefined {
  const map = new Map<string, V>(Object.entries(extra).map(([k, v]) => [nameKey(k), v]));
  for (const value of values) {
    map.set(nameKey(value), value);
    map.set(nameKey(labels[value]), value);
  }
  return (text) => map.get(nameKey(text));
}

const kindOf = labelled(ALLOCATION_KINDS, ALLOCATION_KIND_LABELS, { staff: 'staff-fte', fte: 'staff-fte', 'training': 'training-hours', hours: 'training-hours' });
const recurrenceOf = labelled(RECURRENCES, RECURRENCE_LABELS, { recurring: 'ongoing', 'every year': 'ongoing', yearly: 'ongoing', 'one time': 'one-time', once: 'one-time' });

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);

/** Yes / No (or TRUE / FALSE) as a boolean; null for a blank cell; undefined when it is neither. */
function yesNo(cell: XlsxCell | null | undefined): boolean | null | undefined {
  if (!cell) return null;
  if (cell.kind === 'boolean') return cell.value;
  const text = nameKey(cellText(cell));
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** Sorted keys all the way down, so two rows compare by content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  return value;
}
const sameLine = (a: AllocationRow, b: AllocationRow) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Where a schema issue shows in the sheet. */
function issueColumn(path: readonly PropertyKey[], kind: AllocationKind): AllocationColumn {
  const [first, second] = path;
  if (first === 'amount') return kind === 'money' ? 'Amount (USD)' : 'Quantity';
  if (first === 'staffCost') return second === 'yearlyIncreasePercent' ? 'Yearly cost increase (%)' : 'Cost per FTE (USD)';
  if (first === 'note') return 'Note';
  if (first === 'untilPhaseId') return 'Through phase';
  if (first === 'sourceId') return 'Funding source';
  if (first === 'areaId') return 'Area';
  if (first === 'recipient') return 'Recipient';
  if (first === 'kind') return 'Kind';
  if (first === 'recurrence') return 'Recurrence';
  if (first === 'id') return 'Line ID';
  return 'Phase';
}

/** Dollars in a cell as cents: a number cell as it is, text as a planner types money. */
function centsOf(cell: XlsxCell): number | { error: string } {
  const number = cellNumber(cell);
  if (number !== null) {
    if (number < 0) return { error: `${cellText(cell)} is below zero; enter an amount of zero or more.` };
    const cents = Math.round(number * 100);
    return cents > MONEY_MAX_CENTS ? { error: `${cellText(cell)} is too large.` } : cents;
  }
  const parsed = parseMoney(cellText(cell));
  if (parsed === null) return { error: 'is empty.' };
  return typeof parsed === 'number' ? parsed : { error: `${q(cellText(cell))} is not an amount: ${parsed.error}` };
}

/** FTE, devices or hours in a cell: whole devices, at most two decimals, up to UNITS_MAX. */
function unitsOf(cell: XlsxCell, kind: Exclude<AllocationKind, 'money'>): number | { error: string } {
  const number = cellNumber(cell);
  if (number === null) {
    const parsed = parseAmount(kind, cellText(cell));
    if (parsed === null) return { error: 'is empty.' };
    return typeof parsed === 'number' ? parsed : { error: `${q(cellText(cell))}: ${parsed.error}` };
  }
  const what = kind === 'devices' ? 'a whole number of devices' : kind === 'staff-fte' ? 'a number of FTE' : 'a number of hours';
  if (number < 0) return { error: `${cellText(cell)} is below zero; enter ${what}.` };
  if (number > UNITS_MAX) return { error: `${cellText(cell)} is more than ${UNITS_MAX.toLocaleString('en-US')}.` };
  if (kind === 'devices' && !Number.isInteger(number)) return { error: `${cellText(cell)} is not ${what}.` };
  if (Math.abs(number * 100 - Math.round(number * 100)) > 1e-6) return { error: `${cellText(cell)} has more than two decimals.` };
  return Math.round(number * 100) / 100;
}

/**
 * Reads the allocations sheet against the plan. `freshId` gives each added line its id. Rows
 * with a problem add or change nothing; the result lists them all, so nothing is written until
 * the sheet reads cleanly.
 */
export function readAllocationSheet(sheet: XlsxSheet, plan: AllocationSheetPlan, freshId: () => string): AllocationSheetResult {
  const result: AllocationSheetResult = { sheet: sheet.name, changed: [], added: [], unchanged: 0, kept: plan.allocations.length, problems: [] };
  const [head, ...rows] = sheet.rows;
  if (!head) {
    result.problems.push({ row: 1, column: '', message: `The sheet ${q(sheet.name)} is empty: it needs a header row naming its columns (${ALLOCATION_COLUMNS.join(', ')}).` });
    return result;
  }
  // Columns by their header, wherever they are.
  const columns = new Map<AllocationColumn, number>();
  head.cells.forEach((cell, index) => {
    const known = ALLOCATION_COLUMNS.find((c) => nameKey(c) === nameKey(cellText(cell)));
    if (known && !columns.has(known)) columns.set(known, index);
  });
  const missing: AllocationColumn[] = REQUIRED.filter((c) => !columns.has(c));
  if (!columns.has('Amount (USD)') && !columns.has('Quantity')) missing.push('Amount (USD)');
  if (missing.length > 0) {
    for (const column of missing) {
      result.problems.push({ row: head.row, column, message: `${sheetRowName(sheet.name, head.row)}: the sheet has no ${q(column)} column. Its header row needs ${ALLOCATION_COLUMNS.map(q).join(', ')} (Line ID, notes and the optional columns may be left blank).` });
    }
    return result;
  }

  const phaseNamed = byName(plan.phases);
  const waveNamed = byName(plan.waves);
  const schoolNamed = byName(plan.schools);
  const sourceNamed = byName(plan.fundingSources);
  const areaNamed = byName(plan.areas);
  const phaseOrder = new Map(plan.phases.map((p) => [p.id, p.order]));
  const lines = new Map(plan.allocations.filter((a) => a.planId === plan.planId).map((a) => [a.id.toLowerCase(), a]));
  const rowOfLine = new Map<string, number>();

  for (const { row, cells } of rows) {
    const problems: SheetProblem[] = [];
    const report = (column: AllocationColumn, message: string) =>
      problems.push({ row, column, message: `${sheetRowName(sheet.name, row)}, ${column}: ${message}` });
    const cell = (column: AllocationColumn) => {
      const index = columns.get(column);
      return index === undefined ? null : cells[index] ?? null;
    };
    const text = (column: AllocationColumn) => cellText(cell(column)).trim();
    /** One record of a kind by its name, or a problem on the column. */
    const one = <T extends { id: string; name: string }>(column: AllocationColumn, found: T[], what: string, list: readonly { name: string }[]): T | undefined => {
      const name = text(column);
      if (found.length === 1) return found[0];
      if (found.length > 1) report(column, `more than one ${what} in the plan is called ${q(name)}; rename one in the plan first.`);
      else report(column, `${q(name)} is not ${what === 'area' ? 'an' : 'a'} ${what} in this plan (${list.length === 0 ? `it has no ${what}s` : `its ${what}s: ${list.map((r) => r.name).join(', ')}`}).`);
      return undefined;
    };

    for (const column of REQUIRED) if (text(column) === '') report(column, 'is empty.');

    // Which line: one the plan has, or a new one.
    let before: AllocationRow | undefined;
    const lineId = text('Line ID');
    if (lineId !== '') {
      before = lines.get(lineId.toLowerCase());
      const earlier = rowOfLine.get(lineId.toLowerCase());
      if (!before) report('Line ID', `no allocation line of this plan has the ID ${q(lineId)}. Clear the Line ID to add the row as a new line.`);
      else if (earlier !== undefined) report('Line ID', `row ${earlier} already names this line; each line can be in the sheet once.`);
      else rowOfLine.set(lineId.toLowerCase(), row);
    }

    const phase = text('Phase') === '' ? undefined : one('Phase', phaseNamed(text('Phase')), 'phase', plan.phases);

    const kindText = text('Kind');
    const kind = kindText === '' ? undefined : kindOf(kindText);
    if (kindText !== '' && !kind) report('Kind', `${q(kindText)} is not a kind of allocation; use ${ALLOCATION_KINDS.map((k) => q(ALLOCATION_KIND_LABELS[k])).join(', ')}.`);

    const recurrenceText = text('Recurrence');
    const recurrence = recurrenceText === '' ? undefined : recurrenceOf(recurrenceText);
    if (recurrenceText !== '' && !recurrence) report('Recurrence', `${q(recurrenceText)} is not a recurrence; use ${RECURRENCES.map((r) => q(RECURRENCE_LABELS[r])).join(' or ')}.`);

    // For each school in the wave: also tells a wave from a school of the same name.
    const eachCell = cell('For each school in the wave');
    const each = yesNo(eachCell);
    if (each === undefined) report('For each school in the wave', `${q(cellText(eachCell))} is not Yes or No.`);

    let recipient: RecipientValue | undefined;
    const recipientName = text('Recipient');
    if (recipientName !== '') {
      const waves = waveNamed(recipientName);
      const schools = schoolNamed(recipientName);
      if (nameKey(recipientName) === nameKey(CENTRAL_OFFICE)) recipient = { kind: 'central' };
      else if (waves.length > 0 && (schools.length === 0 || eachCell !== null)) {
        const wave = one('Recipient', waves, 'wave', plan.waves);
        if (wave) recipient = { kind: 'wave', waveId: wave.id };
      } else if (schools.length > 0) {
        const school = one('Recipient', schools, 'school', plan.schools);
        if (school) recipient = { kind: 'school', schoolId: school.id };
      } else {
        report('Recipient', `${q(recipientName)} is not the central office, a wave or a school of this plan. Use ${q(CENTRAL_OFFICE)}, a wave’s name or a school’s name.`);
      }
    }

    // The amount: dollars for money, a number of FTE, devices or hours otherwise.
    let amount: number | undefined;
    if (kind) {
      const column: AllocationColumn = kind === 'money' ? 'Amount (USD)' : 'Quantity';
      const other: AllocationColumn = kind === 'money' ? 'Quantity' : 'Amount (USD)';
      const value = cell(column);
      if (!value) {
        const hint = cell(other) ? ` (${other} is for ${kind === 'money' ? 'staff, devices and training hours' : 'money'})` : '';
        report(column, `is empty: a ${ALLOCATION_KIND_LABELS[kind]} line takes its ${kind === 'money' ? 'amount in dollars' : 'number'} here${hint}.`);
      } else {
        const read = kind === 'money' ? centsOf(value) : unitsOf(value, kind);
        if (typeof read === 'number') amount = read;
        else report(column, read.error);
      }
    }

    // A staff line's cost per FTE and its yearly increase.
    let staffCost: AllocationRow['staffCost'] = null;
    if (kind === 'staff-fte') {
      const costCell = cell('Cost per FTE (USD)');
      const riseCell = cell('Yearly cost increase (%)');
      let rise = 0;
      if (riseCell) {
        const number = cellNumber(riseCell) ?? parseNumber(cellText(riseCell), { percent: true });
        if (typeof number === 'number') rise = number;
        else report('Yearly cost increase (%)', `${q(cellText(riseCell))} is not a percentage.`);
      }
      if (costCell) {
        const cost = centsOf(costCell);
        if (typeof cost === 'number') staffCost = { perFteCents: cost, yearlyIncreasePercent: rise };
        else report('Cost per FTE (USD)', cost.error);
      } else if (riseCell) {
        report('Cost per FTE (USD)', 'is empty, but the yearly cost increase is set: enter the cost of one FTE, or clear the increase.');
      }
    }

    // How far a recurring line continues (a one-time line stays in its phase, as in the app).
    let untilPhaseId: string | null = null;
    if (recurrence === 'ongoing' && text('Through phase') !== '') {
      const until = one('Through phase', phaseNamed(text('Through phase')), 'phase', plan.phases);
      if (until && phase) {
        if ((phaseOrder.get(until.id) ?? 0) < (phaseOrder.get(phase.id) ?? 0)) report('Through phase', `${q(until.name)} comes before ${q(phase.name)}, the phase the line starts in.`);
        else if (until.id !== phase.id) untilPhaseId = until.id;
      }
    }

    let sourceId: string | null = null;
    const sourceName = text('Funding source');
    if (sourceName !== '' && nameKey(sourceName) !== nameKey(DISTRICT_BUDGET)) {
      const source = one('Funding source', sourceNamed(sourceName), 'funding source', plan.fundingSources);
      sourceId = source?.id ?? null;
    }

    const flexible = yesNo(cell('Flexible'));
    if (flexible === undefined) report('Flexible', `${q(cellText(cell('Flexible')))} is not Yes or No.`);

    let areaId: string | null = null;
    if (text('Area') !== '') areaId = one('Area', areaNamed(text('Area')), 'area', plan.areas)?.id ?? null;

    if (problems.length > 0 || !phase || !recipient || !kind || !recurrence || amount === undefined) {
      result.problems.push(...problems);
      continue;
    }
    const line: AllocationRow = {
      ...(before ?? {}),
      id: before?.id ?? freshId(),
      planId: plan.planId,
      phaseId: phase.id,
      recipient,
      sourceId,
      kind,
      amount,
      recurrence,
      untilPhaseId,
      perSchool: recipient.kind === 'wave' && each === true,
      staffCost,
      flexible: flexible === true,
      areaId,
      note: text('Note'),
    };
    const checked = allocationSchema.safeParse(line);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = issueColumn(issue.path, kind);
        result.problems.push({ row, column, message: `${sheetRowName(sheet.name, row)}, ${column}: ${issue.message}.` });
      }
      continue;
    }
    if (!before) result.added.push({ row, line: checked.data });
    else if (sameLine(before, checked.data)) result.unchanged += 1;
    else result.changed.push({ row, line: checked.data, before });
  }
  result.kept = plan.allocations.length - rowOfLine.size;
  return result;
}
