/**
 * Reading an Excel workbook (.xlsx) into sheets of typed cells: text, numbers, dates and
 * true/false, with blank rows left out and each row keeping its number in the sheet (so a
 * message can say "Schools sheet, row 14"). Values come from read-excel-file, loaded on demand;
 * it does not say how a number is formatted, so which cells are formatted as percentages is read
 * here from the workbook's styles (a cell showing 45% holds 0.45). Text is never run as a
 * formula: a cell holding `=HYPERLINK(…)` as text stays that text.
 *
 * Both libraries load on demand, so code that only reads cells (cellText, cellNumber) can import
 * this module without making the first screen pay for reading workbooks.
 */
import { ROSTER_ROWS_MAX, type ParsedCsv } from './roster-csv';

export type XlsxCell =
  | { kind: 'text'; text: string }
  /** `percent`: the cell is formatted as a percentage, so 0.45 shows as 45%. */
  | { kind: 'number'; value: number; percent: boolean }
  /** A date as `yyyy-MM-dd`, with ` HH:mm` when it has a time of day. */
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean };

export interface XlsxRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** By column, from column A; null for an empty cell. */
  cells: (XlsxCell | null)[];
}

export interface XlsxSheet {
  name: string;
  /** Rows with at least one value, in order. */
  rows: XlsxRow[];
}

/** A file that is not a workbook this reader can open; the message says what to do. */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

/** Whether the bytes start like a zip archive (every .xlsx is one). */
function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ——— Number formats ———

/** Excel's built-in percentage formats (0% and 0.00%). */
const BUILT_IN_PERCENT = new Set([9, 10]);

/** Whether a format code shows a percentage: a `%` outside quoted text, escapes and [brackets]. */
export function isPercentFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_./g, '');
  return bare.includes('%');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      // A reference past the last character (`&#99999999;`) would make fromCodePoint throw: keep it as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] ?? whole) : whole;
  });
}

/** The attributes of every `<tag …>` (any namespace prefix), in document order. */
function tags(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    // A name starts only where no name character comes before it: tried from inside a long run of
    // name characters, it backtracked quadratically (100,000 characters took 40 s, found by the fuzz suite).
    for (const a of (match[1] ?? '').matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1] ?? ''] = unescapeXml(a[2] ?? a[3] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

/** The part of `xml` inside the first `<tag>…</tag>`, or ''. */
function section(xml: string, tag: string): string {
  const match = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>`).exec(xml);
  return match?.[1] ?? '';
}

/** "C12" → [12, 3] (1-based row and column). */
function cellAddress(ref: string): [number, number] | null {
  const match = /^([A-Z]{1,3})(\d+)$/i.exec(ref.trim());
  if (!match) return null;
  const letters = (match[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(match[2]), column];
}

/** Resolves a relationship target against the folder of the part that names it. */
function partPath(target: string, base = 'xl/'): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${base}${target}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/**
 * The most a workbook may hold unpacked. A roster of 2,000 schools is about 1 MB; reading 50 MB
 * took half a minute (found by the fuzz suite), so a larger file is refused before it is read.
 */
const WORKBOOK_BYTES_MAX = 10 * 1024 * 1024;

/**
 * The most cells the sheets may span, counting every cell from A1 to each sheet's last row and
 * column. The workbook reader builds a full grid to the farthest cell any sheet names: one cell
 * at XFD1048576 in a 1 KB file asked for 17 billion and crashed the process (found by the fuzz
 * suite). A roster of 2,000 schools in 30 columns spans 60,000.
 */
const WORKBOOK_CELLS_MAX = 5_000_000;

/**
 * A `<` that starts no tag, comment or declaration: markup no spreadsheet writes. The workbook
 * reader's parser gives up on it, but only after seconds when long text follows it (found by the
 * fuzz suite), so such a part is refused here first.
 */
const STRAY_LESS_THAN = /<(?![A-Za-z_:/?!])/;

/**
 * Throws a WorkbookError when the sheets (their XML) span more cells than WORKBOOK_CELLS_MAX, or
 * a part holds a stray `<`.
 */
function checkSheets(sheets: readonly string[]): void {
  let total = 0;
  for (const xml of sheets) {
    if (STRAY_LESS_THAN.test(xml)) throw new WorkbookError('The workbook could not be read: it is damaged (its data holds broken markup).');
    // Rows and cells in document order: one without a number takes the next after the last.
    let rows = 0;
    let columns = 0;
    let row = 0;
    let column = 0;
    for (const match of xml.matchAll(/<(?:[\w.-]+:)?(row|c)\b([^>]*)>/g)) {
      const r = /(?<![\w:.-])r\s*=\s*["']([^"']*)["']/.exec(match[2] ?? '')?.[1];
      if (match[1] === 'row') {
        row = r !== undefined && Number.isFinite(Number(r)) ? Math.max(Number(r), row + 1) : row + 1;
        column = 0;
      } else {
        const address = r ? cellAddress(r) : null;
        if (address) row = Math.max(row, address[0]);
        column = address ? Math.max(address[1], column + 1) : column + 1;
      }
      rows = Math.max(rows, row);
      columns = Math.max(columns, column);
    }
    total += rows * columns;
    if (total > WORKBOOK_CELLS_MAX) {
      throw new WorkbookError(`The workbook is too large to import: one of its sheets reaches row ${rows.toLocaleString('en-US')} and column ${columns.toLocaleString('en-US')}, more cells than an import reads (${WORKBOOK_CELLS_MAX.toLocaleString('en-US')}). Delete the rows and columns past the data, or save the sheet as CSV, and import that.`);
    }
  }
}

/**
 * Which cells of each sheet are formatted as percentages, by sheet name, as "row:column" keys.
 * Reads only the workbook, its relationships, its styles and the sheets' cell tags.
 */
async function percentCells(bytes: Uint8Array): Promise<Map<string, Set<string>>> {
  const { strFromU8, unzipSync } = await import('fflate');
  let files: Record<string, Uint8Array>;
  let unpackedBytes = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpackedBytes += Math.max(0, file.originalSize);
        return unpackedBytes <= WORKBOOK_BYTES_MAX && (file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' || file.name === 'xl/styles.xml' || file.name === 'xl/sharedStrings.xml' || file.name.startsWith('xl/worksheets/'));
      },
    });
  } catch {
    throw new WorkbookError('The file is not an Excel workbook (.xlsx): it could not be unpacked.');
  }
  if (unpackedBytes > WORKBOOK_BYTES_MAX) {
    throw new WorkbookError(`The workbook is too large to import: unpacked, it holds more than ${WORKBOOK_BYTES_MAX / 1024 / 1024} MB. A roster or an allocations sheet is far smaller: copy that sheet into a new workbook, or save it as CSV, and import that.`);
  }
  const text = (name: string) => {
    const file = files[name];
    return file ? strFromU8(file) : '';
  };
  const styles = text('xl/styles.xml');
  const custom = new Map(tags(section(styles, 'numFmts'), 'numFmt').map((f) => [Number(f.numFmtId), f.formatCode ?? '']));
  const percentStyles = new Set<number>();
  tags(section(styles, 'cellXfs'), 'xf').forEach((xf, index) => {
    const id = Number(xf.numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isPercentFormat(code) : BUILT_IN_PERCENT.has(id)) percentStyles.add(index);
  });

  checkSheets(Object.keys(files).filter((name) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml').map(text));

  const targets = new Map(tags(text('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.Id ?? '', r.Target ?? '']));
  const result = new Map<string, Set<string>>();
  for (const sheet of tags(section(text('xl/workbook.xml'), 'sheets'), 'sheet')) {
    const name = sheet.name ?? '';
    const relId = Object.entries(sheet).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1] ?? '';
    const cells = new Set<string>();
    result.set(name, cells);
    if (percentStyles.size === 0) continue;
    const target = targets.get(relId);
    if (!target) continue;
    for (const c of tags(text(partPath(target)), 'c')) {
      const address = c.r ? cellAddress(c.r) : null;
      if (address && c.s !== undefined && percentStyles.has(Number(c.s))) cells.add(`${address[0]}:${address[1]}`);
    }
  }
  return result;
}

// ——— Reading ———

/** A date as the sheet shows it: the day, and the time of day when it has one (read as UTC, as the reader gives it). */
function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * Reads every sheet of a workbook, in workbook order. Throws a WorkbookError with a planner's
 * message when the bytes are not a workbook (an older .xls, a renamed file, a damaged one).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<XlsxSheet[]> {
  if (!looksLikeXlsx(bytes)) {
    throw new WorkbookError('The file is not an Excel workbook (.xlsx). An older .xls or another spreadsheet file: open it and save it as “Excel Workbook (.xlsx)” or as CSV.');
  }
  const percents = await percentCells(bytes);
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = await readXlsxFile(buffer);
  } catch (error) {
    throw new WorkbookError(`The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return sheets.map(({ sheet, data }) => {
    // A damaged sheet can come back without its rows (found by the fuzz suite: it threw a TypeError).
    if (!Array.isArray(data)) throw new WorkbookError(`The workbook could not be read: the sheet “${String(sheet)}” is damaged.`);
    const percent = percents.get(sheet) ?? new Set<string>();
    const rows: XlsxRow[] = [];
    data.forEach((values, r) => {
      if (!Array.isArray(values)) return;
      const cells = values.map((value, c): XlsxCell | null => {
        if (value === null || value === undefined) return null;
        if (typeof value === 'string') return value.trim() === '' ? null : { kind: 'text', text: value };
        if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, percent: percent.has(`${r + 1}:${c + 1}`) } : null;
        if (typeof value === 'boolean') return { kind: 'boolean', value };
        if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: 'date', iso: dateText(value) };
        return { kind: 'text', text: String(value) };
      });
      if (cells.some((cell) => cell !== null)) rows.push({ row: r + 1, cells });
    });
    return { name: sheet, rows };
  });
}

/** The sheet named `preferred` (ignoring case and spaces around it) when the workbook has one, or else its first sheet. */
export function pickSheet(sheets: readonly XlsxSheet[], preferred: string): XlsxSheet | undefined {
  const wanted = preferred.trim().toLowerCase();
  return sheets.find((s) => s.name.trim().toLowerCase() === wanted) ?? sheets[0];
}

// ——— Cells as values ———

/** Rounds away binary noise (0.455 × 100 = 45.50000000000001). */
const tidy = (value: number) => Number(value.toPrecision(12));

/** A number cell's value as the sheet shows it: a percentage cell holding 0.45 is 45. Null for any other cell. */
export function cellNumber(cell: XlsxCell | null | undefined): number | null {
  if (!cell || cell.kind !== 'number') return null;
  return cell.percent ? tidy(cell.value * 100) : cell.value;
}

/** A number written plainly: digits, an optional point and decimals, no exponent or grouping. */
function plainNumberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

/** A cell as text: numbers plainly (percentages as the number of percent), dates as yyyy-MM-dd, true/false as Yes/No. */
export function cellText(cell: XlsxCell | null | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'number': return plainNumberText(cellNumber(cell) ?? cell.value);
    case 'date': return cell.iso;
    case 'boolean': return cell.value ? 'Yes' : 'No';
  }
}

/**
 * A sheet as a table of text, the shape a CSV file is read into: its first row is the header, a
 * line is the sheet's row number, and cells read as cellText writes them (so a 45% cell is "45").
 */
export function sheetAsTable(sheet: XlsxSheet): ParsedCsv {
  const [head, ...rest] = sheet.rows;
  // As for a CSV file: more rows than any roster has are refused, not checked one by one.
  const tooLong = rest.length > ROSTER_ROWS_MAX;
  return {
    delimiter: ',',
    sheet: sheet.name,
    header: head ? head.cells.map((c) => cellText(c).trim()) : [],
    headerLine: head?.row ?? 1,
    rows: rest.slice(0, ROSTER_ROWS_MAX).map((r) => ({ line: r.row, cells: r.cells.map(cellText) })),
    ...(tooLong ? { refused: { line: head?.row ?? 1, message: `The sheet “${sheet.name}” has more than ${ROSTER_ROWS_MAX.toLocaleString('en-US')} rows, more than any school system has schools. Check that it is the roster (one row per school), or split it.` } } : {}),
  };
}
