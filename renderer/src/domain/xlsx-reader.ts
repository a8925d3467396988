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

/** A tag's attributes as [name, value], as written (names with any prefix, values not unescaped). */
function attributeList(attributes: string): [string, string][] {
  // A name starts only where no name character comes before it: tried from inside a long run of
  // name characters, it backtracked quadratically (100,000 characters took 40 s, found by the fuzz suite).
  return Array.from(attributes.matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g), (a) => [a[1] ?? '', a[2] ?? a[3] ?? '']);
}

/** The attributes of every `<tag …>` (any namespace prefix), in document order. */
function tags(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const [name, value] of attributeList(match[1] ?? '')) attributes[name] = unescapeXml(value);
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

/** The tags checkSheets looks at. */
const SHEET_TAGS: ReadonlySet<string> = new Set(['sheetData', 'row', 'c']);

/** The last row and column a spreadsheet has (XFD1048576). */
const SHEET_ROWS_MAX = 1_048_576;
const SHEET_COLUMNS_MAX = 16_384;

/**
 * Calls `visit` with each tag named in `wanted` (by its name without a namespace prefix; names
 * are at most 12 characters), where the workbook reader's parser (saxen) finds tags: a tag runs to the
 * first `>` outside quoted attribute values, and comments, CDATA and `<?…?>` are skipped whole.
 * Walking the part the same way matters: a tag this found at another place (`<c a="x>y" r="…">`
 * cut at the first `>`) would hide an attribute the reader acts on. Each character is looked at
 * a bounded number of times. Past where the parser would fail, this goes on, so it sees more.
 */
function eachTag(xml: string, wanted: ReadonlySet<string>, visit: (name: string, attributes: string) => void): void {
  let at = xml.indexOf('<');
  while (at !== -1) {
    let end: number;
    const skipped = xml.startsWith('<![CDATA[', at) ? ']]>' : xml.startsWith('<!--', at) ? '-->' : xml.charCodeAt(at + 1) === 63 ? '?>' : '';
    if (skipped) {
      const close = xml.indexOf(skipped, at);
      if (close === -1) return; // unclosed: the parser stops there
      end = close + skipped.length;
    } else {
      let x = at + 1;
      for (;; x += 1) {
        const code = xml.charCodeAt(x);
        if (Number.isNaN(code)) return;
        if (code === 34 || code === 39) {
          const close = xml.indexOf(code === 34 ? '"' : "'", x + 1);
          if (close !== -1) x = close;
        } else if (code === 62) break;
      }
      // The name runs to the first white space (a `/` before the `>` closes the tag), and the
      // reader drops a namespace prefix: `<x:c>` is a cell.
      const bodyEnd = xml.charCodeAt(x - 1) === 47 && x - 1 > at ? x - 1 : x;
      let nameEnd = at + 1;
      let localStart = -1;
      for (; nameEnd < bodyEnd; nameEnd += 1) {
        const code = xml.charCodeAt(nameEnd);
        if (code === 32 || (code > 8 && code < 14)) break;
        if (code === 58 && localStart === -1) localStart = nameEnd + 1;
      }
      if (localStart === -1) localStart = at + 1;
      if (nameEnd - localStart <= 12) {
        const name = xml.slice(localStart, nameEnd);
        if (wanted.has(name)) visit(name, xml.slice(nameEnd, bodyEnd));
      }
      end = x + 1;
    }
    at = xml.indexOf('<', end);
  }
}

/**
 * Every value a tag gives its `r` attribute, with or without a namespace prefix (the reader drops
 * it). Found anywhere in the tag, even inside another value, so none the reader reads is missed.
 */
function referenceValues(attributes: string): string[] {
  // As /(?<![\w.-])r\s*=\s*("[^"]*"|'[^']*')/g, by hand: a cell tag is read for every cell, and this is twice as fast.
  const values: string[] = [];
  const isSpace = (code: number) => code === 32 || (code > 8 && code < 14);
  for (let at = attributes.indexOf('r'); at !== -1; at = attributes.indexOf('r', at + 1)) {
    if (at > 0 && /[\w.-]/.test(attributes.charAt(at - 1))) continue;
    let x = at + 1;
    while (isSpace(attributes.charCodeAt(x))) x += 1;
    if (attributes.charCodeAt(x) !== 61) continue; // '='
    x += 1;
    while (isSpace(attributes.charCodeAt(x))) x += 1;
    const quote = attributes.charAt(x);
    if (quote !== '"' && quote !== "'") continue;
    const close = attributes.indexOf(quote, x + 1);
    if (close === -1) continue;
    values.push(attributes.slice(x + 1, close));
  }
  return values;
}

/** A value as a message quotes it: short, on one line. */
function quoted(value: string): string {
  const short = Array.from(value.slice(0, 24), (ch) => (ch.charCodeAt(0) < 32 || ch === '\u007f' ? ' ' : ch)).join('');
  return `“${short}${value.length > 24 ? '…' : ''}”`;
}

const DAMAGED_ADVICE = 'The file is damaged or was changed by hand: open it in Excel, save it again, and import that.';

/**
 * The cell a `<c r="…">` names, as [row, column], checked against what a spreadsheet can hold.
 * The workbook reader takes any characters before the digits as column letters and any number
 * after them as the row, then fills a row with empty cells up to that column (or the sheet with
 * empty rows up to that row) one at a time: `__proto__G1` made a column in the billions, and the
 * process died growing that row (found by the fuzz suite). Only a reference a spreadsheet writes
 * (capital letters, then digits, within XFD1048576) is let through.
 */
function checkedCell(value: string, where: string): [number, number] {
  const match = /^([A-Z]+)([0-9]+)$/.exec(value);
  if (!match) throw new WorkbookError(`${where} has a cell at ${quoted(value)}, which is not a cell address like B7. ${DAMAGED_ADVICE}`);
  const letters = match[1] ?? '';
  const digits = match[2] ?? '';
  let column = 0;
  for (const letter of letters.slice(0, 4)) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = digits.length > 7 ? Infinity : Number(digits);
  if (letters.length > 3 || column > SHEET_COLUMNS_MAX || row < 1 || row > SHEET_ROWS_MAX) {
    throw new WorkbookError(`${where}, cell ${quoted(value)} is outside what a spreadsheet can hold (A1 to XFD1048576). ${DAMAGED_ADVICE}`);
  }
  return [row, column];
}

/** The number a `<row r="…">` gives, checked the same way (the reader fills the sheet with empty rows up to it). */
function checkedRow(value: string, where: string): number {
  const row = /^[0-9]{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(row >= 1 && row <= SHEET_ROWS_MAX)) {
    throw new WorkbookError(`${where} has a row numbered ${quoted(value)}: a spreadsheet’s rows are numbered 1 to ${SHEET_ROWS_MAX.toLocaleString('en-US')}. ${DAMAGED_ADVICE}`);
  }
  return row;
}

/**
 * Throws a WorkbookError when a sheet names a row or cell a spreadsheet cannot hold, when a
 * worksheet has no `<sheetData>`, when the sheets span more cells than WORKBOOK_CELLS_MAX, or when
 * a part holds a stray `<`. `sheets` are
 * the parts the reader may read as sheets, with what to call each in a message ("Sheet “Schools”").
 */
function checkSheets(sheets: readonly { xml: string; where: string; worksheet: boolean }[], others: readonly string[]): void {
  for (const xml of others) {
    if (STRAY_LESS_THAN.test(xml)) throw new WorkbookError('The workbook could not be read: it is damaged (its data holds broken markup).');
  }
  let total = 0;
  for (const { xml, where, worksheet } of sheets) {
    if (STRAY_LESS_THAN.test(xml)) throw new WorkbookError('The workbook could not be read: it is damaged (its data holds broken markup).');
    // Rows and cells in document order: one without a number takes the next after the last.
    let rows = 0;
    let columns = 0;
    let row = 0;
    let column = 0;
    let sheetData = false;
    eachTag(xml, SHEET_TAGS, (name, attributes) => {
      if (name === 'sheetData') {
        sheetData = true;
        return;
      }
      const values = referenceValues(attributes);
      if (name === 'row') {
        let next = row + 1;
        for (const value of values) next = Math.max(next, checkedRow(value, where));
        row = next;
        column = 0;
      } else {
        let next = column + 1;
        for (const value of values) {
          const [r, c] = checkedCell(value, where);
          row = Math.max(row, r);
          next = Math.max(next, c);
        }
        column = next;
      }
      rows = Math.max(rows, row);
      columns = Math.max(columns, column);
    });
    // A sheet without one made the reader fail after the fact, and when a later sheet failed at
    // once, that failure went unhandled (found by the fuzz suite).
    if (worksheet && !sheetData) throw new WorkbookError(`${where} has no table of cells (no <sheetData>). ${DAMAGED_ADVICE}`);
    // Empty rows count too: the reader makes each one.
    total += rows * Math.max(columns, 1);
    if (total > WORKBOOK_CELLS_MAX) {
      throw new WorkbookError(`The workbook is too large to import: one of its sheets reaches row ${rows.toLocaleString('en-US')} and column ${columns.toLocaleString('en-US')}, more cells than an import reads (${WORKBOOK_CELLS_MAX.toLocaleString('en-US')}). Delete the rows and columns past the data, or save the sheet as CSV, and import that.`);
    }
  }
}

/** A character reference decoded as the reader's parser decodes it (a code past U+FFFF wraps around). */
function parserText(text: string): string {
  return text.replace(/&#(\d+);|&#x([0-9a-f]+);/gi, (_, decimal: string | undefined, hex: string | undefined) => String.fromCharCode(decimal !== undefined ? Number(decimal) : parseInt(hex ?? '0', 16)));
}

/** Every attribute of a tag as [name, value], names without a namespace prefix (the reader drops it). */
function attributePairs(attributes: string): [string, string][] {
  return attributeList(attributes).map(([name, value]) => [name.slice(name.indexOf(':') + 1), value]);
}

/**
 * The parts the workbook reader may read as sheets, each with what a message calls it: every part
 * under xl/worksheets/, and every part a relationship of the workbook points to, resolved both as
 * the reader resolves a target ("xl/" and the target, or the target without its leading "/") and
 * as a relative path. A superset, so no sheet the reader reads goes unchecked. `worksheet` marks
 * the parts a relationship of the worksheet type points to: the reader reads those as sheets.
 */
function sheetParts(files: Record<string, Uint8Array>, text: (name: string) => string): { xml: string; where: string; worksheet: boolean }[] {
  const resolved = (target: string) => new Set([target, unescapeXml(target), parserText(target)].flatMap((t) => [partPath(t), t.startsWith('/') ? t.slice(1) : `xl/${t}`]));
  const parts = new Set(Object.keys(files).filter((name) => name.startsWith('xl/worksheets/') && !name.endsWith('.rels')));
  const worksheets = new Set<string>();
  const partsById = new Map<string, Set<string>>();
  eachTag(text('xl/_rels/workbook.xml.rels'), new Set(['Relationship']), (_, attributes) => {
    const pairs = attributePairs(attributes);
    const targets = new Set(pairs.filter(([name]) => name === 'Target').flatMap(([, value]) => [...resolved(value)]));
    const worksheet = pairs.some(([name, value]) => name === 'Type' && value.endsWith('/worksheet'));
    for (const part of targets) {
      if (!Object.hasOwn(files, part)) continue;
      parts.add(part);
      if (worksheet) worksheets.add(part);
    }
    for (const [name, value] of pairs) if (name === 'Id') partsById.set(value, new Set([...(partsById.get(value) ?? []), ...targets]));
  });
  const names = new Map<string, string>();
  eachTag(text('xl/workbook.xml'), new Set(['sheet']), (_, attributes) => {
    const pairs = attributePairs(attributes);
    const name = pairs.find(([key]) => key === 'name')?.[1];
    if (name === undefined) return;
    for (const [key, id] of pairs) {
      if (key !== 'id') continue;
      for (const part of partsById.get(id) ?? []) if (!names.has(part)) names.set(part, unescapeXml(name));
    }
  });
  return [...parts].map((part) => {
    const name = names.get(part);
    return { xml: text(part), where: name !== undefined ? `Sheet ${quoted(name)}` : `The workbook’s part ${quoted(part)}`, worksheet: worksheets.has(part) };
  });
}

/**
 * Which cells of each sheet are formatted as percentages, by sheet name, as "row:column" keys.
 * Unpacks the .xml parts the workbook reader unpacks, refuses (checkSheets) any workbook it could
 * not read safely, then reads only the workbook, its relationships, its styles and the sheets' cell tags.
 */
async function percentCells(bytes: Uint8Array): Promise<Map<string, Set<string>>> {
  const { strFromU8, unzipSync } = await import('fflate');
  let files: Record<string, Uint8Array>;
  let unpackedBytes = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpackedBytes += Math.max(0, file.originalSize);
        // Every part the workbook reader unpacks (it reads any .xml a relationship points to as a sheet).
        return unpackedBytes <= WORKBOOK_BYTES_MAX && (file.name.endsWith('.xml') || file.name.endsWith('.xml.rels'));
      },
    });
  } catch {
    throw new WorkbookError('The file is not an Excel workbook (.xlsx): it could not be unpacked.');
  }
  if (unpackedBytes > WORKBOOK_BYTES_MAX) {
    throw new WorkbookError(`The workbook is too large to import: unpacked, it holds more than ${WORKBOOK_BYTES_MAX / 1024 / 1024} MB. A roster or an allocations sheet is far smaller: copy that sheet into a new workbook, or save it as CSV, and import that.`);
  }
  const text = (name: string) => {
    const file = Object.hasOwn(files, name) ? files[name] : undefined;
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

  checkSheets(sheetParts(files, text), [text('xl/sharedStrings.xml')]);

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
