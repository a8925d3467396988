/**
 * The plan as one Excel workbook (.xlsx): a sheet per table of plan-tables.ts, in that order,
 * for the finance office. Numbers are numbers, dates real dates, money in a dollar format and
 * percentages in a percent format, so the figures add up as they are. Each sheet has its
 * header in row 1, frozen, with filters on it, and columns wide enough to read.
 *
 * Text is always written as text (a shared string in a cell formatted as Text), never as a
 * formula, whatever it starts with: "=HYPERLINK(…)" in a school's name stays those characters.
 *
 * Heavy for the first screen (it carries a zip writer): load it with a dynamic import.
 */
import writeXlsxFile, { type Cell, type CellObject, type Feature, type Sheet } from 'write-excel-file/universal';
import { formatMoney } from './budget';
import { planTables, type PlanTable, type TableCell } from './plan-tables';
import type { PlanBundle } from './schemas';

/** Excel's own number formats, as Excel writes them. */
export const XLSX_FORMATS = {
  money: '"$"#,##0.00',
  /** Whole percentages (45%) and ones with decimals (2.5%) each read naturally. */
  percent: '0%',
  percentDecimals: '0.0#%',
  integer: '#,##0',
  date: 'yyyy-mm-dd',
  text: '@',
} as const;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** 'yyyy-MM-dd' as midnight UTC: the writer turns UTC dates into Excel's day numbers, so no day shifts. */
function utcDate(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

const LINE_BREAK = /[\r\n]/;

/**
 * A cell as the writer takes it. Text with line breaks (a phase's gate, a list) wraps so its
 * lines read as lines; every cell sits at the top, so a row made tall by one still reads across.
 */
function sheetCell(cell: TableCell): Cell {
  const value = cellValue(cell);
  if (value === null) return null;
  return cell?.kind === 'text' && LINE_BREAK.test(cell.text) ? { ...value, alignVertical: 'top', wrap: true } : { ...value, alignVertical: 'top' };
}

function cellValue(cell: TableCell): CellObject | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text': return { value: cell.text, type: String, format: XLSX_FORMATS.text };
    case 'yes-no': return { value: cell.yes ? 'Yes' : 'No', type: String, format: XLSX_FORMATS.text };
    case 'integer': return Number.isFinite(cell.value) ? { value: cell.value, type: Number, format: XLSX_FORMATS.integer } : null;
    case 'number': return Number.isFinite(cell.value) ? { value: cell.value, type: Number } : null;
    case 'money': return Number.isFinite(cell.cents) ? { value: Math.round(cell.cents) / 100, type: Number, format: XLSX_FORMATS.money } : null;
    case 'percent': {
      if (!Number.isFinite(cell.percent)) return null;
      return { value: cell.percent / 100, type: Number, format: Number.isInteger(cell.percent) ? XLSX_FORMATS.percent : XLSX_FORMATS.percentDecimals };
    }
    case 'date': return { value: utcDate(cell.date), type: Date, format: XLSX_FORMATS.date };
  }
}

/** Roughly how many characters a cell takes on screen, as its format shows it. */
function shownLength(cell: TableCell): number {
  if (cell === null) return 0;
  switch (cell.kind) {
    case 'text': return Math.max(0, ...cell.text.split(/\r\n|\r|\n/).map((line) => [...line].length));
    case 'yes-no': return 3;
    case 'integer': return Math.round(cell.value).toLocaleString('en-US').length;
    case 'number': return String(cell.value).length;
    case 'money': return formatMoney(cell.cents, { alwaysCents: true }).length;
    case 'percent': return `${cell.percent}%`.length;
    case 'date': return 10;
  }
}

/** Each column as wide as its header or its widest value, within reason: long text runs on past the cell. */
function columnWidths(table: PlanTable): { width: number }[] {
  return table.header.map((label, column) => {
    // Header text is bold: a little wider than its characters.
    const widest = Math.max([...label].length + 1, ...table.rows.map((row) => shownLength(row[column] ?? null)));
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
  });
}

/** "A", "B" … "Z", "AA" …: the letters of a column, from 0. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The header and every row: where the filters go. */
function filterRange(table: PlanTable): string {
  return `A1:${columnLetters(Math.max(0, table.header.length - 1))}${table.rows.length + 1}`;
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A range on a named sheet, as a defined name holds it: 'Tight & loose'!$A$1:$G$25. */
function absoluteRange(sheetName: string, range: string): string {
  const [from = 'A1', to = 'A1'] = range.split(':');
  const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, (_, column: string, row: string) => `$${column}$${row}`);
  return `'${sheetName.replace(/'/g, "''")}'!${absolute(from)}:${absolute(to)}`;
}

function insertAfter(xml: string, marker: string, markup: string, file: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`Could not find ${marker} in ${file} while writing the workbook.`);
  return xml.slice(0, at + marker.length) + markup + xml.slice(at + marker.length);
}

/**
 * What the writer leaves out: filters on every sheet's header (an <autoFilter> right after the
 * sheet's data, where the file format wants it, and the hidden name Excel keeps for it), and a
 * frozen header pane written as Excel writes one (the writer's pane names a right-hand pane a
 * sheet frozen only at the top does not have).
 */
function filtersAndFrozenHeader(tables: readonly PlanTable[]): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, _options, { sheetIndex }) => {
            const table = tables[sheetIndex];
            if (!table) return xml;
            const file = `the ${table.label} sheet`;
            const pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
            // Replacements are functions throughout: a replacement string would read "$1" in a range as a pattern.
            const withPane = xml.replace(/<pane\b[^>]*\/>/, () => pane);
            if (!withPane.includes(pane)) throw new Error(`Could not freeze the header row of ${file}.`);
            const filter = `<autoFilter ref="${filterRange(table)}"/>`;
            return withPane.includes('<sheetData/>')
              ? withPane.replace('<sheetData/>', () => `<sheetData/>${filter}`)
              : insertAfter(withPane, '</sheetData>', filter, file);
          },
        },
        'xl/workbook.xml': {
          transform: (xml) => {
            const names = tables.map((table, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(absoluteRange(table.label, filterRange(table)))}</definedName>`).join('');
            if (xml.includes('<definedNames/>')) return xml.replace('<definedNames/>', () => `<definedNames>${names}</definedNames>`);
            if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', () => `${names}</definedNames>`);
            return insertAfter(xml, '</sheets>', `<definedNames>${names}</definedNames>`, 'the workbook');
          },
        },
      },
    },
  };
}

function sheetOf(table: PlanTable): Sheet<Blob> {
  const header: Cell[] = table.header.map((label) => ({ value: label, type: String, format: XLSX_FORMATS.text, fontWeight: 'bold' }));
  return {
    sheet: table.label,
    data: [header, ...table.rows.map((row) => table.header.map((_, column) => sheetCell(row[column] ?? null)))],
    columns: columnWidths(table),
    stickyRowsCount: 1,
  };
}

/** The plan's workbook, as the bytes of an .xlsx file. */
export async function planWorkbook(bundle: PlanBundle): Promise<Uint8Array<ArrayBuffer>> {
  const tables = planTables(bundle);
  const blob = await writeXlsxFile(tables.map(sheetOf), { features: [filtersAndFrozenHeader(tables)] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
