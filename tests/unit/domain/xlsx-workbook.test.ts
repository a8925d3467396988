import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { strFromU8, unzipSync } from 'fflate';
import { planWorkbook, XLSX_FORMATS } from '../../../renderer/src/domain/xlsx-workbook';
import { ALLOCATION_COLUMNS, PLAN_TABLE_LABELS, PLAN_TABLES, planTable, SCHOOL_COLUMNS, type PlanTableKey } from '../../../renderer/src/domain/plan-tables';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { samplePlan, withSchools } from './plan-fixtures';

const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '   =1',
  'Ünïcödé "quoted" name 🚀🏫',
  'مدرسة النور الابتدائية',
  `O'Brien & <Sons>`,
  'x'.repeat(500),
];

/** A realistic plan (template, schools, waves, a grant that ends, a staff line) with hostile names in every kind of place. */
function hostilePlan(): PlanBundle {
  const bundle = withSchools(samplePlan());
  const [first, , third] = bundle.phases;
  if (!first || !third) throw new Error('the template has three phases or more');
  const schools = [
    ...bundle.schools,
    ...HOSTILE.map((name, i) => ({ ...bundle.schools[0]!, id: `bbbbbbbb-bbbb-4bbb-8bbb-${String(i).padStart(12, '0')}`, order: 10 + i, name, code: name.slice(0, 40), gradeBand: name.slice(0, 20), frlPercent: 45.5, waveId: null, values: {} })),
  ];
  const staff = {
    ...bundle.allocations[0]!, id: 'cccccccc-cccc-4ccc-8ccc-000000000001', kind: 'staff-fte' as const, amount: 1.5, recurrence: 'ongoing' as const,
    untilPhaseId: third.id, staffCost: { perFteCents: 95_000_50, yearlyIncreasePercent: 2.5 }, note: '=HYPERLINK("http://x","y")',
  };
  return {
    ...bundle,
    phases: bundle.phases.map((p, i) => (i === 0 ? { ...p, goal: '=HYPERLINK("http://x","y")' } : p)),
    waves: bundle.waves.map((w, i) => (i === 0 ? { ...w, name: '=cmd|" /C calc"!A0' } : w)),
    fundingSources: bundle.fundingSources.map((f) => ({ ...f, name: '@Innovation "grant"' })),
    stances: bundle.stances.map((s, i) => (i === 0 ? { ...s, guardrails: '=1+1\nOne shared rubric' } : s)),
    schools,
    allocations: [...bundle.allocations, staff],
  };
}

type Sheets = Awaited<ReturnType<typeof readXlsxFile>>;
type Value = string | number | boolean | Date | null;

async function readBack(bytes: Uint8Array): Promise<Sheets> {
  return readXlsxFile(Buffer.from(bytes), { trim: false });
}

function rowsOf(sheets: Sheets, key: PlanTableKey): Value[][] {
  const sheet = sheets.find((s) => s.sheet === PLAN_TABLE_LABELS[key]);
  if (!sheet) throw new Error(`no ${PLAN_TABLE_LABELS[key]} sheet`);
  return sheet.data as unknown as Value[][];
}

/** The parts of the file, by path, as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

/** The number format a cell is shown with, read from the sheet's style index and styles.xml. */
function cellFormat(files: Record<string, string>, sheetIndex: number, ref: string): string | null {
  const sheet = files[`xl/worksheets/sheet${sheetIndex + 1}.xml`] ?? '';
  const cell = new RegExp(`<c r="${ref}"([^>]*)>`).exec(sheet);
  if (!cell) throw new Error(`no cell ${ref} in sheet ${sheetIndex + 1}`);
  const style = /\bs="(\d+)"/.exec(cell[1] ?? '');
  if (!style) return null;
  const styles = files['xl/styles.xml'] ?? '';
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map((m) => m[1] ?? '');
  const numFmtId = /numFmtId="(\d+)"/.exec(xfs[Number(style[1])] ?? '')?.[1];
  if (!numFmtId) return null;
  const code = new RegExp(`<numFmt numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1];
  return code?.replace(/&quot;/g, '"') ?? `built-in ${numFmtId}`;
}

const column = (key: PlanTableKey, bundle: PlanBundle, name: string) => {
  const index = planTable(bundle, key).header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return index;
};
const letter = (index: number) => String.fromCharCode(65 + index);

describe('planWorkbook', async () => {
  const bundle = hostilePlan();
  const bytes = await planWorkbook(bundle);
  const sheets = await readBack(bytes);
  const files = parts(bytes);

  it('has one sheet per table, named and ordered as planners read them, each with its header in row 1', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['Phases', 'Milestones', 'Tight & loose', 'Decisions', 'Schools', 'Waves', 'Funding sources', 'Allocations', 'Money by fiscal year']);
    for (const key of PLAN_TABLES) {
      const table = planTable(bundle, key);
      const [header, ...rows] = rowsOf(sheets, key);
      expect(header, table.label).toEqual(table.header);
      expect(rows, table.label).toHaveLength(table.rows.length);
      expect(rows.length, table.label).toBeGreaterThan(0);
    }
  });

  it('writes dates as dates, on the day they are (no time-zone shift)', () => {
    const [, ...rows] = rowsOf(sheets, 'phases');
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    rows.forEach((row, i) => {
      expect(row[3]).toBeInstanceOf(Date);
      expect((row[3] as Date).toISOString().slice(0, 10)).toBe(phases[i]?.start);
      expect((row[4] as Date).toISOString().slice(0, 10)).toBe(phases[i]?.end);
    });
    const [, ...milestones] = rowsOf(sheets, 'milestones');
    for (const row of milestones) expect(row[2]).toBeInstanceOf(Date);
    expect(cellFormat(files, PLAN_TABLES.indexOf('phases'), 'D2')).toBe(XLSX_FORMATS.date);
  });

  it('writes the Schools sheet to its contract: numbers, FRL as a percent, the wave by name, then the indicators by name', () => {
    const [header, ...rows] = rowsOf(sheets, 'schools');
    const indicators = [...bundle.indicators].sort((a, b) => a.order - b.order).filter((i) => i.source === 'value');
    expect(header).toEqual([...SCHOOL_COLUMNS, ...indicators.map((i) => i.name)]);
    expect(rows[0]?.slice(0, 7)).toEqual(['Adams Elementary', 'R-100', 'K-5', 420, 0.81, '=cmd|" /C calc"!A0', 12]);
    expect(rows[2]?.slice(3, 7)).toEqual([1210, null, null, 4]);
    const schoolsSheet = PLAN_TABLES.indexOf('schools');
    expect(cellFormat(files, schoolsSheet, 'E2')).toBe(XLSX_FORMATS.percent);
    // 45.5% keeps its decimal.
    expect(rows[3]?.[4]).toBeCloseTo(0.455, 10);
    expect(cellFormat(files, schoolsSheet, 'E5')).toBe(XLSX_FORMATS.percentDecimals);
    expect(cellFormat(files, schoolsSheet, 'D2')).toBe(XLSX_FORMATS.integer);
  });

  it('writes the Allocations sheet to its contract: money in a currency format, the increase as a percent, each line’s id last', () => {
    const [header, ...rows] = rowsOf(sheets, 'allocations');
    expect(header).toEqual([...ALLOCATION_COLUMNS]);
    expect(header?.at(-1)).toBe('Line ID');
    const amount = column('allocations', bundle, 'Amount (USD)');
    const perFte = column('allocations', bundle, 'Cost per FTE (USD)');
    const increase = column('allocations', bundle, 'Yearly cost increase (%)');
    const central = rows.find((r) => r.at(-1) === 'aaaaaaaa-aaaa-4aaa-8aaa-000000000040');
    expect(central?.[amount]).toBe(120_000);
    expect(central?.[10]).toBe('@Innovation "grant"');
    const staffIndex = rows.findIndex((r) => r.at(-1) === 'cccccccc-cccc-4ccc-8ccc-000000000001');
    const staff = rows[staffIndex];
    expect(staff?.[perFte]).toBe(95_000.5);
    expect(staff?.[increase]).toBeCloseTo(0.025, 10);
    expect(staff?.[column('allocations', bundle, 'Quantity')]).toBe(1.5);
    expect(staff?.[13]).toBe('=HYPERLINK("http://x","y")');
    expect(new Set(rows.map((r) => r.at(-1))).size).toBe(bundle.allocations.length);
    const sheet = PLAN_TABLES.indexOf('allocations');
    const centralRow = rows.indexOf(central as Value[]) + 2;
    expect(cellFormat(files, sheet, `${letter(amount)}${centralRow}`)).toBe(XLSX_FORMATS.money);
    expect(cellFormat(files, sheet, `${letter(perFte)}${staffIndex + 2}`)).toBe(XLSX_FORMATS.money);
    expect(cellFormat(files, sheet, `${letter(increase)}${staffIndex + 2}`)).toBe(XLSX_FORMATS.percentDecimals);
  });

  it('writes funding sources and money by fiscal year as amounts, with the cliff year marked', () => {
    const [, source] = rowsOf(sheets, 'fundingSources');
    expect(source?.[2]).toBe(750_000);
    expect(cellFormat(files, PLAN_TABLES.indexOf('fundingSources'), 'C2')).toBe(XLSX_FORMATS.money);
    const [header, ...rows] = rowsOf(sheets, 'moneyByFiscalYear');
    expect(header?.slice(0, 2)).toEqual(['Fiscal year', 'Months']);
    expect(header).toContain('@Innovation "grant" (USD)');
    expect(header?.slice(-3)).toEqual(['Total (USD)', 'Uncovered (USD)', 'Fiscal cliff']);
    for (const row of rows) {
      expect(row[0]).toMatch(/^FY\d{4}$/);
      for (const amount of row.slice(2, -1)) expect(typeof amount).toBe('number');
      const sources = row.slice(2, -3) as number[];
      expect(row.at(-3)).toBeCloseTo(sources.reduce((sum, n) => sum + n, 0), 2);
    }
    const cliffs = rows.filter((r) => typeof r.at(-1) === 'string' && (r.at(-1) as string).startsWith('Fiscal cliff: first year without @Innovation "grant"'));
    expect(cliffs).toHaveLength(1);
    expect(cellFormat(files, PLAN_TABLES.indexOf('moneyByFiscalYear'), 'C2')).toBe(XLSX_FORMATS.money);
  });

  it('writes the tight & loose matrix and the decisions with the survey figures as percentages', () => {
    const [, ...stances] = rowsOf(sheets, 'tightLoose');
    expect(stances).toHaveLength(bundle.areas.length * bundle.phases.length);
    expect(stances.some((r) => r[6] === '=1+1; One shared rubric')).toBe(true);
    const [header, ...decisions] = rowsOf(sheets, 'decisions');
    expect(decisions).toHaveLength(7 * bundle.phases.length);
    const first = decisions[0];
    expect(first?.[0]).toBe(1);
    expect(first?.slice(8, 12)).toEqual([0.35, 0.39, 0.26, 89]);
    const third = decisions.find((r) => r[0] === 3);
    expect(third?.slice(8, 12)).toEqual([null, null, null, null]);
    expect(header?.[6]).toBe('Position (-2 to +2)');
    expect(decisions.every((r) => r[6] === null || (typeof r[6] === 'number' && r[6] >= -2 && r[6] <= 2))).toBe(true);
    expect(cellFormat(files, PLAN_TABLES.indexOf('decisions'), 'I2')).toBe(XLSX_FORMATS.percent);
  });

  it('keeps hostile text intact and as text: quotes, emoji, right-to-left, 500 characters, formulas', () => {
    const [, ...rows] = rowsOf(sheets, 'schools');
    const hostile = rows.slice(3);
    expect(hostile.map((r) => r[0])).toEqual(HOSTILE);
    expect(hostile.map((r) => r[1])).toEqual(HOSTILE.map((n) => n.slice(0, 40)));
    expect(rowsOf(sheets, 'phases')[1]?.[5]).toBe('=HYPERLINK("http://x","y")');
    // Text cells are formatted as Text, so editing one in Excel keeps it text too.
    expect(cellFormat(files, PLAN_TABLES.indexOf('schools'), 'A5')).toBe(XLSX_FORMATS.text);
    for (const [path, xml] of Object.entries(files)) {
      if (!path.startsWith('xl/worksheets/sheet')) continue;
      expect(xml, path).not.toMatch(/<f[\s>/]/);
      expect(xml, path).not.toMatch(/t="(?:str|inlineStr)"/);
    }
    expect(files['xl/sharedStrings.xml']).toContain('<t>=HYPERLINK("http://x","y")</t>');
    expect(files['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">   =1</t>');
  });

  it('freezes the header row, filters it and sizes the columns on every sheet, with the parts in the order Excel requires', () => {
    const workbook = files['xl/workbook.xml'] ?? '';
    PLAN_TABLES.forEach((key, index) => {
      const table = planTable(bundle, key);
      const xml = files[`xl/worksheets/sheet${index + 1}.xml`] ?? '';
      expect(xml, table.label).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      const last = letter(table.header.length - 1);
      const range = `A1:${last}${table.rows.length + 1}`;
      expect(xml, table.label).toContain(`<autoFilter ref="${range}"/>`);
      const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)" customWidth="1"\/>/g)].map((m) => Number(m[2]));
      expect(widths, table.label).toHaveLength(table.header.length);
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(8);
      for (const width of widths) expect(width).toBeLessThanOrEqual(60);
      const order = ['<sheetViews>', '<cols>', '<sheetData>', '<autoFilter'].map((tag) => xml.indexOf(tag));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0))), table.label).toBe(true);
      const sheetName = table.label.replace(/&/g, '&amp;');
      expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'${sheetName}'!$A$1:$${last}$${table.rows.length + 1}</definedName>`);
    });
    // The first sheet opens selected; only one does.
    expect(Object.entries(files).filter(([path, xml]) => path.startsWith('xl/worksheets/sheet') && xml.includes('tabSelected="1"'))).toHaveLength(1);
    // Names are wide enough to read and long text does not make a column wider than a screen.
    const schools = files[`xl/worksheets/sheet${PLAN_TABLES.indexOf('schools') + 1}.xml`] ?? '';
    expect(schools).toContain('<col min="1" max="1" width="60" customWidth="1"/>');
  });

  it('writes a plan with no schools, money or phases as sheets with their headers', async () => {
    const empty: PlanBundle = { ...samplePlan({ templateId: null }), schools: [], waves: [], fundingSources: [], allocations: [], milestones: [] };
    const back = await readBack(await planWorkbook(empty));
    expect(back.map((s) => s.sheet)).toEqual(PLAN_TABLES.map((k) => PLAN_TABLE_LABELS[k]));
    expect(rowsOf(back, 'schools')[0]?.slice(0, 6)).toEqual([...SCHOOL_COLUMNS]);
    expect(rowsOf(back, 'allocations')).toHaveLength(1);
    expect(rowsOf(back, 'moneyByFiscalYear')).toHaveLength(1);
  });
});
