/**
 * Reading a district's school roster from a CSV export: parsing (delimiter detection, BOM, RFC 4180 quotes),
 * guessing which column is which, reading messy numbers and checking every row with a plain message.
 * Pure TypeScript: no UI, no storage.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based line of the file on which this row starts (quoted line breaks make rows span lines). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /**
   * Set when the rows come from a spreadsheet's sheet (named so): a line is then the sheet's row
   * number, and a cell that was a number in the sheet is written plainly (see sheetToParsed).
   */
  sheet?: string;
  header: string[];
  /** 1-based line of the header (blank lines before it are skipped). */
  headerLine: number;
  rows: CsvRow[];
  /**
   * Set when the file is refused whole while parsing, with where and why: more than
   * ROSTER_ROWS_MAX rows (only that many were read), or a value longer than CELL_MAX.
   */
  refused?: { line: number; message: string };
}

/**
 * More rows than any school system has schools (the largest US district has under 2,000). A
 * longer file is refused with a message rather than read to its end: a 50 MB file took minutes.
 */
export const ROSTER_ROWS_MAX = 20_000;

/**
 * Longer than any value in a roster. A longer one is nearly always a quote left open, which runs
 * to the end of the file; saying so beats checking 50 MB as a school's name (which took seconds).
 */
export const CELL_MAX = 10_000;

interface RawRecord {
  line: number;
  cells: string[];
}

/**
 * Splits text into records per RFC 4180, leniently: records end at CRLF, LF or CR; a field that starts with `"`
 * (after optional spaces) is quoted, `""` inside it is one quote, and it may hold delimiters and line breaks;
 * a quote inside an unquoted field is kept as a character; an unclosed quote runs to the end of the text.
 * Unquoted fields are trimmed; quoted content is kept exactly.
 */
function tokenize(text: string, delimiter: CsvDelimiter, maxRecords = Infinity): RawRecord[] {
  const records: RawRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i <= n && records.length < maxRecords) {
    if (i === n) break;
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      // One field.
      let j = i;
      while (j < n && (text[j] === ' ' || (text[j] === '\t' && delimiter !== '\t'))) j++;
      let value: string;
      if (text[j] === '"') {
        let k = j + 1;
        let content = '';
        for (;;) {
          const q = text.indexOf('"', k);
          if (q === -1) {
            content += text.slice(k);
            k = n;
            break;
          }
          content += text.slice(k, q);
          if (text[q + 1] === '"') {
            content += '"';
            k = q + 2;
          } else {
            k = q + 1;
            break;
          }
        }
        line += countLineBreaks(content);
        // Anything between the closing quote and the next delimiter is kept (trimmed), leniently.
        let m = k;
        while (m < n && text[m] !== delimiter && text[m] !== '\n' && text[m] !== '\r') m++;
        value = content + text.slice(k, m).trim();
        i = m;
      } else {
        let m = j;
        while (m < n && text[m] !== delimiter && text[m] !== '\n' && text[m] !== '\r') m++;
        value = text.slice(j, m).trim();
        i = m;
      }
      cells.push(value);
      if (i >= n) {
        endOfRecord = true;
        i = n + 1;
      } else if (text[i] === delimiter) {
        i++;
      } else {
        // A line break.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    records.push({ line: startLine, cells });
  }
  return records;
}

function countLineBreaks(s: string): number {
  return (s.match(/\r\n|\r|\n/g) ?? []).length;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Picks the delimiter: the one that splits the first rows (up to 20, blank ones skipped) into the same number of
 * columns, more than one; among those, the one giving the most columns. Ties go to `;`, then tab, then `,`
 * (a header like "Enrollment, total;FRL" is more likely semicolon-separated). Falls back to `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; columns: number; consistent: boolean } | null = null;
  for (const delimiter of [';', '\t', ','] as const) {
    const records = tokenize(text, delimiter, 40).filter((r) => !isBlank(r.cells)).slice(0, 20);
    const columns = records[0]?.cells.length ?? 0;
    if (columns < 2) continue;
    const consistent = records.every((r) => r.cells.length === columns);
    if (
      !best ||
      (consistent && !best.consistent) ||
      (consistent === best.consistent && columns > best.columns)
    ) {
      best = { delimiter, columns, consistent };
    }
  }
  return best?.delimiter ?? ',';
}

/**
 * Parses a CSV export: strips a UTF-8 byte-order mark, detects `,`, `;` or tab (unless given), reads quoted
 * fields per RFC 4180, drops rows whose cells are all blank and takes the first remaining row as the header.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): ParsedCsv {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  // Read at most the header and ROSTER_ROWS_MAX rows, with room for blank lines, and one more to tell a file that goes on.
  const limit = 2 * (ROSTER_ROWS_MAX + 1);
  const all = tokenize(body, delimiter, limit + 1);
  const records = all.slice(0, limit).filter((r) => !isBlank(r.cells));
  const tooLong = all.length > limit || records.length > ROSTER_ROWS_MAX + 1;
  const [head, ...rest] = records.slice(0, ROSTER_ROWS_MAX + 1);
  const huge = records.find((r) => r.cells.some((c) => c.length > CELL_MAX));
  const refused = tooLong
    ? { line: head?.line ?? 1, message: `The file has more than ${ROSTER_ROWS_MAX.toLocaleString('en-US')} rows, more than any school system has schools. Check that it is the roster (one row per school), or split it.` }
    : huge
      ? { line: huge.line, message: `Line ${huge.line} has a value longer than ${CELL_MAX.toLocaleString('en-US')} characters. A quote may be left open there, so the rest of the file reads as one value.` }
      : null;
  return {
    delimiter,
    header: head ? head.cells.map((c) => c.trim()) : [],
    headerLine: head?.line ?? 1,
    rows: rest.map((r) => ({ line: r.line, cells: r.cells })),
    ...(refused ? { refused } : {}),
  };
}

/** Writes rows as CSV, quoting a cell only when it needs it (delimiter, quote, line break, edge spaces). */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim()
      ? `"${cell.replaceAll('"', '""')}"`
      : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

export interface NumberOptions {
  /** A percentage: a trailing `%` is allowed, and a lone separator is always a decimal point ("12.500%" is 12.5). */
  percent?: boolean;
  /** The file writes decimals with a comma (usual with `;`-separated files): "12,5" is 12.5. */
  decimalComma?: boolean;
  /**
   * The text came from a spreadsheet's number cell, written plainly ("123.456", "-0.5"): it is read
   * as that number, never with a thousands separator.
   */
  plain?: boolean;
}

export type ParsedNumber = number | null | { error: string };

const SPACES = /[\s\u00A0\u202F\u2009]/g;

/**
 * Reads a number as people write it. Returns null for an empty cell and `{ error }` when it cannot be read.
 *
 * The rules:
 * - Spaces (also non-breaking and thin spaces) only ever separate thousands: "1 250" is 1250.
 * - When both `.` and `,` appear, the last one is the decimal mark and the other separates thousands:
 *   "1,250.5" and "1.250,5" are both 1250.5.
 * - A mark that appears more than once separates thousands: "1,250,000" and "1.250.000".
 * - A single `.` or `,` followed by exactly three digits, after one to three digits not starting with 0,
 *   separates thousands: "1,250" and "1.250" are both 1250 — except in percentages, where it is a decimal mark.
 * - Otherwise a single `.` is a decimal point; a single `,` is a decimal comma only with `decimalComma`
 *   ("12,5" is 12.5 in a `;` file and unclear in a `,` file).
 * - Thousands groups must be well formed: "12,50,0" is refused.
 * - A leading `-`/`+` (or −) is a sign; `%` at the end is allowed only with `percent`.
 */
export function parseNumber(text: string, options: NumberOptions = {}): ParsedNumber {
  let s = text.trim();
  if (s === '') return null;
  if (options.plain && /^-?\d+(\.\d+)?$/.test(s)) return Number(s) === 0 ? 0 : Number(s);
  const notNumber = { error: 'is not a number' };
  if (s.endsWith('%')) {
    if (!options.percent) return { error: 'has a % sign where a plain number is expected' };
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (/^[-+\u2212]/.test(s)) {
    sign = s[0] === '+' ? 1 : -1;
    s = s.slice(1).trim();
  }
  if (!/^\d[\d.,\s\u00A0\u202F\u2009]*$/.test(s) || !/\d$/.test(s)) return notNumber;
  const hasSpace = /[\s\u00A0\u202F\u2009]/.test(s);
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;

  let integerPart: string;
  let fraction = '';
  let thousands: string | null = hasSpace ? ' ' : null;
  const normalized = s.replace(SPACES, ' ');

  if (dots > 0 && commas > 0) {
    const decimal = normalized.lastIndexOf('.') > normalized.lastIndexOf(',') ? '.' : ',';
    const other = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) !== 1 || hasSpace) return notNumber;
    const at = normalized.lastIndexOf(decimal);
    integerPart = normalized.slice(0, at);
    fraction = normalized.slice(at + 1);
    if (fraction.includes(other)) return notNumber;
    thousands = other;
  } else if (dots + commas === 0) {
    integerPart = normalized;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const count = dots + commas;
    const at = normalized.indexOf(mark);
    const before = normalized.slice(0, at);
    const after = normalized.slice(at + 1);
    if (count > 1) {
      if (hasSpace) return notNumber;
      integerPart = normalized;
      thousands = mark;
    } else if (hasSpace) {
      // "1 250,5" or "1 250.5": the mark is decimal, spaces are thousands.
      if (mark === ',' && !options.decimalComma && /^\d{3}$/.test(after)) return notNumber;
      integerPart = before;
      fraction = after;
    } else if (!options.percent && /^\d{3}$/.test(after) && /^[1-9]\d{0,2}$/.test(before)) {
      integerPart = normalized;
      thousands = mark;
    } else if (mark === ',' && !options.decimalComma) {
      return { error: 'is unclear (a comma here could be a decimal comma)' };
    } else {
      integerPart = before;
      fraction = after;
    }
  }

  if (thousands !== null) {
    const groups = integerPart.split(thousands);
    const [first, ...restGroups] = groups;
    if (!first || !/^\d{1,3}$/.test(first) || restGroups.some((g) => !/^\d{3}$/.test(g))) return notNumber;
    integerPart = groups.join('');
  }
  if (!/^\d+$/.test(integerPart) || !/^\d*$/.test(fraction)) return notNumber;
  const value = sign * Number(fraction ? `${integerPart}.${fraction}` : integerPart);
  return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : notNumber;
}

function isError(value: ParsedNumber): value is { error: string } {
  return typeof value === 'object' && value !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping columns to fields

export type RosterField = 'name' | 'code' | 'gradeBand' | 'students' | 'frlPercent' | 'wave';
/** What a column is read as: one of the fields, a free-named indicator (named after its header), or nothing. */
export type ColumnTarget = RosterField | 'indicator' | 'ignore';
/** One target per column of the header, by position (headers may repeat). */
export type RosterMapping = ColumnTarget[];

export interface RosterFieldInfo {
  field: RosterField;
  label: string;
  required: boolean;
  description: string;
}

export const ROSTER_FIELDS: readonly RosterFieldInfo[] = [
  { field: 'name', label: 'School name', required: true, description: 'The school’s name.' },
  { field: 'code', label: 'School code', required: false, description: 'The district or state code; must be unique.' },
  { field: 'gradeBand', label: 'Grade band', required: false, description: 'Grades served, such as K-5, 6-8 or 9-12.' },
  { field: 'students', label: 'Students', required: true, description: 'Students enrolled, a whole number.' },
  {
    field: 'frlPercent',
    label: 'FRL %',
    required: false,
    description: 'Share of students who qualify for free or reduced-price lunch, 0 to 100.',
  },
  { field: 'wave', label: 'Wave', required: false, description: 'The wave the school joins in, by its name; a blank cell keeps the school’s wave.' },
];

/** "Free/Reduced Lunch %" → "free reduced lunch percent". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('%', ' percent ')
    .replaceAll('#', ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bpct\b|\bperc\b/g, 'percent')
    .replace(/\s+/g, ' ');
}

/** A map, not an object: a header named "constructor" or "__proto__" must not find Object's own properties (found by the fuzz suite). */
const EXACT = new Map<string, RosterField>();
const exact = (field: RosterField, names: string[]) => names.forEach((n) => EXACT.set(normalizeHeader(n), field));
exact('name', ['School Name', 'School', 'Site', 'Site Name', 'Name', 'Campus', 'Campus Name', 'Building', 'Building Name', 'School Site', 'Facility Name', 'Location', 'Location Name']);
exact('code', ['School Code', 'Code', 'CDS Code', 'School ID', 'Site ID', 'Site Code', 'ID', 'School Number', 'School No', 'NCES ID', 'NCES School ID', 'State School ID', 'Campus ID', 'Building Code', 'Location Code', 'LEA Code']);
exact('gradeBand', ['Grade Band', 'Grades', 'Grade Span', 'Grade Range', 'Grade Levels', 'Grade Level', 'Level', 'School Level', 'Grades Served', 'Span', 'School Type', 'Grade Configuration']);
exact('students', ['Enrollment', 'Students', 'Total Enrollment', 'Student Count', 'Enrolled', 'Number of Students', '# Students', 'Total Students', 'Enrollment Total', 'Headcount', 'Membership', 'Student Enrollment', 'Total Membership', 'Enrollment Count']);
exact('wave', ['Wave', 'Wave Name', 'Cohort', 'Rollout Wave']);
exact('frlPercent', ['% FRL', 'FRL %', 'FRL', 'FRL Percent', 'Percent FRL', 'Free/Reduced Lunch %', 'Free/Reduced Lunch', 'Free and Reduced Lunch %', 'FRPL %', '% FRPL', 'FRPL', 'FARMS %', 'FARMS', 'Pct Free/Reduced', '% Free/Reduced']);

/** Whether a header is one of the usual names of a field ("Students", "School Code"), not just close to one. */
export function isKnownHeader(header: string): boolean {
  return EXACT.has(normalizeHeader(header));
}

function guessField(header: string): RosterField | null {
  const h = normalizeHeader(header);
  const found = EXACT.get(h);
  if (found) return found;
  const words = new Set(h.split(' '));
  const isCount = words.has('count') || words.has('number');
  if (words.has('frl') || words.has('frpl') || words.has('farms') || (words.has('free') && (words.has('reduced') || words.has('lunch')))) {
    return isCount && !words.has('percent') ? null : 'frlPercent';
  }
  if (words.has('enrollment') || words.has('enrolment') || (words.has('students') && (words.has('total') || isCount))) return 'students';
  if (words.has('grade') || words.has('grades')) return 'gradeBand';
  if (words.has('wave')) return 'wave';
  if ((words.has('school') || words.has('site') || words.has('campus')) && (words.has('name') || words.size === 1)) return 'name';
  if (words.has('code') || words.has('id') || words.has('cds')) return 'code';
  return null;
}

/**
 * Guesses a target for every column from common header names, ignoring case and punctuation. Each field goes to the
 * first column that matches it; other columns become indicators when their values (if rows are given) are mostly
 * numbers, and are ignored otherwise (or when no rows are given).
 */
export function suggestMapping(header: readonly string[], rows: readonly CsvRow[] = []): RosterMapping {
  const taken = new Set<RosterField>();
  return header.map((column, index) => {
    const field = guessField(column);
    if (field && !taken.has(field)) {
      taken.add(field);
      return field;
    }
    const values = rows.map((r) => r.cells[index]?.trim() ?? '').filter((v) => v !== '');
    const numeric = values.filter((v) => {
      const parsed = parseNumber(v, { percent: true, decimalComma: true });
      return typeof parsed === 'number';
    });
    return values.length > 0 && numeric.length >= values.length * 0.8 ? 'indicator' : 'ignore';
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

export interface RosterSchool {
  name: string;
  code: string;
  gradeBand: string;
  students: number;
  frlPercent: number | null;
  indicators: Record<string, number | null>;
  /** The wave's name as written, when a column is read as the wave (blank: keep the school's wave). */
  wave?: string;
  /** The plan's wave that name stands for, once checked against the plan (see checkRoster). */
  waveId?: string;
}

export interface RosterProblem {
  /** 1-based line in the file; the header's line for problems with the whole file. */
  line: number;
  /** The column as the file names it, or the field's label when no column is mapped. */
  column: string;
  /** A whole sentence: "Line 14, Students: “about 300” is not a whole number." (or "Schools sheet, row 14, …"). */
  message: string;
}

export interface RosterResult {
  schools: RosterSchool[];
  /** The file line each school came from, in the same order as `schools`. */
  lines: number[];
  problems: RosterProblem[];
  /** Things done to the data that the planner should know about (not problems). */
  notes: string[];
  /** The columns read as indicators, and the key each school's values use for them. */
  indicatorColumns: { index: number; key: string }[];
}

/** "k – 5" → "K-5", "pk-8" → "PK-8". */
export function normalizeGradeBand(text: string): string {
  return text
    .trim()
    .replace(/\s*[-\u2010-\u2015]\s*/g, '-')
    .replace(/\b(pk|tk|k)\b/gi, (m) => m.toUpperCase())
    .replace(/\s+/g, ' ');
}

const q = (text: string) => `“${text}”`;

/** "Schools sheet, row 14" (a sheet already called "… sheet" or "Sheet1" is not called a sheet twice). */
export function sheetRowName(sheet: string, row: number): string {
  return `${/sheet/i.test(sheet) ? sheet : `${sheet} sheet`}, row ${row}`;
}

/** Where a row is, to start a message: "Line 14" in a file, "Schools sheet, row 14" in a workbook. */
export function rowPlace(parsed: Pick<ParsedCsv, 'sheet'>, line: number): string {
  return parsed.sheet === undefined ? `Line ${line}` : sheetRowName(parsed.sheet, line);
}

/** What a row is called inside a sentence: "line" in a file, "row" in a sheet. */
export function lineWord(parsed: Pick<ParsedCsv, 'sheet'>): string {
  return parsed.sheet === undefined ? 'line' : 'row';
}

/**
 * Checks every row against the mapping. Returns the rows that are fine as schools (so the good ones can be imported)
 * and one problem per bad cell, with its line. Duplicated codes or names are flagged on the later row, which is left
 * out. A required field with no column is reported once and then nothing is read.
 *
 * FRL written as fractions: when every FRL value in the file lies between 0 and 1, none has a `%`, and at least one
 * is strictly between them ("0.64"), the column is read as fractions and multiplied by 100 (a note says so).
 */
export function validateRoster(
  parsed: ParsedCsv,
  mapping: RosterMapping,
  options: { decimalComma?: boolean } = {},
): RosterResult {
  const decimalComma = options.decimalComma ?? parsed.delimiter === ';';
  const plain = parsed.sheet !== undefined;
  const problems: RosterProblem[] = [];
  const notes: string[] = [];
  const columnName = (index: number) => parsed.header[index] || `Column ${index + 1}`;
  if (parsed.refused) return { schools: [], lines: [], problems: [{ ...parsed.refused, column: '' }], notes, indicatorColumns: [] };

  const columnsOf = (field: RosterField) => mapping.flatMap((t, i) => (t === field && i < parsed.header.length ? [i] : []));
  const single: Partial<Record<RosterField, number>> = {};
  for (const info of ROSTER_FIELDS) {
    const columns = columnsOf(info.field);
    if (columns.length === 0) {
      if (info.required) {
        problems.push({ line: parsed.headerLine, column: info.label, message: `No column is mapped to ${info.label}.` });
      }
    } else if (columns.length > 1) {
      const names = columns.map((i) => q(columnName(i)));
      problems.push({
        line: parsed.headerLine,
        column: info.label,
        message: `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are all mapped to ${info.label}; choose one.`,
      });
    } else {
      single[info.field] = columns[0];
    }
  }
  if (problems.length > 0) return { schools: [], lines: [], problems, notes, indicatorColumns: [] };

  const indicatorColumns: { index: number; key: string }[] = [];
  const usedKeys = new Set<string>();
  // The next number to try for each name: counting up from 2 every time took minutes for a file
  // with 20,000 columns of one name (found by the fuzz suite).
  const nextNumber = new Map<string, number>();
  mapping.forEach((target, index) => {
    if (target !== 'indicator' || index >= parsed.header.length) return;
    const base = columnName(index);
    let key = base;
    let n = nextNumber.get(base) ?? 2;
    for (; usedKeys.has(key); n++) key = `${base} (${n})`;
    nextNumber.set(base, n);
    usedKeys.add(key);
    indicatorColumns.push({ index, key });
  });

  const cell = (row: CsvRow, index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? '').trim());

  // FRL as fractions?
  const frlIndex = single.frlPercent;
  let frlFactor = 1;
  if (frlIndex !== undefined) {
    const written = parsed.rows.map((r) => cell(r, frlIndex)).filter((v) => v !== '');
    const values = written.map((v) => parseNumber(v, { percent: true, decimalComma, plain }));
    if (
      written.length > 0 &&
      written.every((v) => !v.endsWith('%')) &&
      values.every((v) => typeof v === 'number' && v >= 0 && v <= 1) &&
      values.some((v) => typeof v === 'number' && v > 0 && v < 1)
    ) {
      frlFactor = 100;
      notes.push(`${columnName(frlIndex)} was written as fractions (like 0.64), so it was read as percentages (64%).`);
    }
  }

  const schools: RosterSchool[] = [];
  const lines: number[] = [];
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();

  for (const row of parsed.rows) {
    const rowProblems: RosterProblem[] = [];
    const report = (index: number, message: string) =>
      rowProblems.push({ line: row.line, column: columnName(index), message: `${rowPlace(parsed, row.line)}, ${columnName(index)}: ${message}` });

    if (row.cells.length > parsed.header.length && row.cells.slice(parsed.header.length).some((c) => c.trim() !== '')) {
      const sep = parsed.delimiter === '\t' ? 'tab' : parsed.delimiter;
      problems.push({
        line: row.line,
        column: '',
        message: `Line ${row.line} has ${row.cells.length} values but the header has ${parsed.header.length} columns. A value containing ${sep} needs quotes around it.`,
      });
      continue;
    }

    const nameIndex = single.name as number;
    const name = cell(row, nameIndex).replace(/\s+/g, ' ');
    if (name === '') report(nameIndex, 'the school name is empty.');

    const code = cell(row, single.code);
    const gradeBand = normalizeGradeBand(cell(row, single.gradeBand));

    const studentsIndex = single.students as number;
    const studentsText = cell(row, studentsIndex);
    let students = 0;
    const parsedStudents = parseNumber(studentsText, { decimalComma, plain });
    if (parsedStudents === null) report(studentsIndex, 'the number of students is empty.');
    else if (isError(parsedStudents) || !Number.isInteger(parsedStudents)) report(studentsIndex, `${q(studentsText)} is not a whole number.`);
    else if (parsedStudents < 0) report(studentsIndex, `${q(studentsText)} is below 0.`);
    else students = parsedStudents;

    let frlPercent: number | null = null;
    if (frlIndex !== undefined) {
      const text = cell(row, frlIndex);
      const value = parseNumber(text, { percent: true, decimalComma, plain });
      if (isError(value)) report(frlIndex, `${q(text)} is not a percentage.`);
      else if (value !== null) {
        const percent = Math.round(value * frlFactor * 1e6) / 1e6;
        if (percent < 0) report(frlIndex, `${q(text)} is below 0%.`);
        else if (percent > 100) report(frlIndex, `${q(text)} is above 100%.`);
        else frlPercent = percent;
      }
    }

    const indicators: Record<string, number | null> = {};
    for (const { index, key } of indicatorColumns) {
      const text = cell(row, index);
      const value = parseNumber(text, { percent: true, decimalComma, plain });
      if (isError(value)) report(index, `${q(text)} is not a number.`);
      // Defined, not assigned: a column named "__proto__" keeps its values (found by the fuzz suite).
      else Object.defineProperty(indicators, key, { value, enumerable: true, writable: true, configurable: true });
    }

    if (rowProblems.length === 0) {
      const codeKey = code.toLowerCase();
      const nameKey = name.toLowerCase();
      const codeLine = codeKey ? seenCodes.get(codeKey) : undefined;
      const nameLine = seenNames.get(nameKey);
      if (codeLine !== undefined && single.code !== undefined) {
        report(single.code, `${q(code)} is also the code of the school on ${lineWord(parsed)} ${codeLine}.`);
      } else if (nameLine !== undefined) {
        report(nameIndex, `${q(name)} is also the name of the school on ${lineWord(parsed)} ${nameLine}.`);
      }
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    if (code) seenCodes.set(code.toLowerCase(), row.line);
    seenNames.set(name.toLowerCase(), row.line);
    const wave = single.wave === undefined ? {} : { wave: cell(row, single.wave).replace(/\s+/g, ' ') };
    schools.push({ name, code, gradeBand, students, frlPercent, indicators, ...wave });
    lines.push(row.line);
  }
  return { schools, lines, problems, notes, indicatorColumns };
}
