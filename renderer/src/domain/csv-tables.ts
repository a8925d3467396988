/**
 * The plan's tables (plan-tables.ts) as CSV files (RFC 4180), one file per table, for the
 * finance office and anyone with a spreadsheet. Written by hand: it is small, adds nothing to
 * the app's download, and keeps full control of quoting and of formula injection.
 *
 * Every file: UTF-8 with a byte-order mark (so Excel reads accents, emoji and right-to-left
 * text), CRLF line ends, a header row in plain words, numbers unformatted (money as dollars
 * with "(USD)" in the header, percentages with "%" in the header), dates as YYYY-MM-DD and
 * related records by name. Text that a spreadsheet would run as a formula is written as text.
 */
import { PLAN_TABLE_LABELS, PLAN_TABLES, planTable, type PlanTableKey, type TableCell } from './plan-tables';
import type { PlanBundle } from './schemas';

export const CSV_EXTENSION = 'csv';
export const CSV_TABLES = PLAN_TABLES;
export type CsvTable = PlanTableKey;
/** The table's name as planners read it, also the end of its file name. */
export const CSV_TABLE_LABELS: Record<CsvTable, string> = PLAN_TABLE_LABELS;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text a spreadsheet would read as a formula: starting with = + - @, also after leading
 * spaces, or with a tab or carriage return (OWASP "CSV injection").
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/u;

/** Text: a leading `'` when it looks like a formula; quoted when it holds a comma, quote, CR or LF. */
function textField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Cents as a plain number of dollars: 120000000 → "1200000.00" (the cents always two digits). */
function dollars(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.round(Math.abs(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const plainNumber = (value: number) => (Number.isFinite(value) ? String(value) : '');

/** One field. Numbers are written as they are, never guarded as text, so negative numbers stay numbers. */
function csvField(cell: TableCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text': return textField(cell.text);
    case 'integer':
    case 'number': return plainNumber(cell.value);
    case 'money': return dollars(cell.cents);
    case 'percent': return plainNumber(cell.percent);
    case 'date': return cell.date;
    case 'yes-no': return cell.yes ? 'Yes' : 'No';
  }
}

/** One table of the plan as the text of a CSV file. */
export function csvTable(bundle: PlanBundle, table: CsvTable): string {
  const { header, rows } = planTable(bundle, table);
  const lines = [header.map(textField).join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return BOM + lines.join(CRLF) + CRLF;
}
