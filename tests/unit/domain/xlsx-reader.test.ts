import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellNumber, cellText, isPercentFormat, pickSheet, readWorkbook, sheetAsTable, WorkbookError } from '../../../renderer/src/domain/xlsx-reader';

type Sheets = Parameters<typeof writeExcelFile>[0];

/** A workbook written the way a spreadsheet writer writes one, as the bytes a file picker hands over. */
async function workbook(sheets: Sheets): Promise<Uint8Array> {
  const buffer = await writeExcelFile(sheets).toBuffer();
  return new Uint8Array(buffer);
}

describe('readWorkbook', () => {
  it('reads text, numbers, percentages, dates and true/false as typed cells, with each row’s number', async () => {
    const bytes = await workbook([{
      sheet: 'Schools',
      data: [
        ['School', 'Students', 'FRL', 'Opens', 'Charter'],
        ['Adams Elementary', 420, { value: 0.45, format: '0%' }, { value: new Date(Date.UTC(2027, 7, 16)), format: 'yyyy-mm-dd' }, true],
        [null, null, null, null, null],
        ['Baker Middle', 760.5, { value: 0.455, format: '0.0%' }, null, false],
      ],
    }] as Sheets);
    const [sheet] = await readWorkbook(bytes);
    expect(sheet?.name).toBe('Schools');
    // The blank row 3 is left out; row numbers are the sheet's.
    expect(sheet?.rows.map((r) => r.row)).toEqual([1, 2, 4]);
    const adams = sheet?.rows[1]?.cells ?? [];
    expect(adams[0]).toEqual({ kind: 'text', text: 'Adams Elementary' });
    expect(adams[1]).toEqual({ kind: 'number', value: 420, percent: false });
    expect(adams[2]).toEqual({ kind: 'number', value: 0.45, percent: true });
    expect(adams[3]).toEqual({ kind: 'date', iso: '2027-08-16' });
    expect(adams[4]).toEqual({ kind: 'boolean', value: true });
    expect(cellNumber(adams[2])).toBe(45);
    expect(cellText(adams[2])).toBe('45');
    const baker = sheet?.rows[2]?.cells ?? [];
    expect(cellNumber(baker[2])).toBe(45.5);
    expect(cellText(baker[1])).toBe('760.5');
    expect(baker[3]).toBeNull();
    expect(cellText(baker[4])).toBe('No');
  });

  it('keeps text that looks like a formula as text, and never as a formula’s result', async () => {
    const hostile = '=HYPERLINK("http://x","y")';
    const bytes = await workbook([{ sheet: 'Schools', data: [['School'], [hostile], ['+1 (555) 0100'], ['-not a number'], ['@SUM(A1)']] }] as Sheets);
    const [sheet] = await readWorkbook(bytes);
    expect(sheet?.rows.slice(1).map((r) => r.cells[0])).toEqual([
      { kind: 'text', text: hostile },
      { kind: 'text', text: '+1 (555) 0100' },
      { kind: 'text', text: '-not a number' },
      { kind: 'text', text: '@SUM(A1)' },
    ]);
  });

  it('reads every sheet in order, and a percentage format only where a sheet’s own cells have it', async () => {
    const bytes = await workbook([
      { sheet: 'Read me', data: [['About'], [0.5]] },
      { sheet: 'Schools', data: [['Share'], [{ value: 0.5, format: '0%' }]] },
    ] as Sheets);
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Read me', 'Schools']);
    expect(cellNumber(sheets[0]?.rows[1]?.cells[0])).toBe(0.5);
    expect(cellNumber(sheets[1]?.rows[1]?.cells[0])).toBe(50);
    expect(pickSheet(sheets, 'schools')?.name).toBe('Schools');
    expect(pickSheet(sheets, 'Allocations')?.name).toBe('Read me');
  });

  it('reads a percentage from a built-in format and from a hand-made workbook with a namespace prefix', async () => {
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = zipSync({
      '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
      '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': xml(`<x:workbook ${ns}><x:sheets><x:sheet name="Data &amp; more" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
      'xl/styles.xml': xml(`<x:styleSheet ${ns}><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="9" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`),
      'xl/worksheets/sheet1.xml': xml(`<x:worksheet ${ns}><x:sheetData><x:row r="2"><x:c r="B2" s="1"><x:v>0.45</x:v></x:c><x:c r="C2"><x:v>0.45</x:v></x:c></x:row></x:sheetData></x:worksheet>`),
    });
    const [sheet] = await readWorkbook(bytes);
    expect(sheet?.name).toBe('Data & more');
    expect(sheet?.rows).toEqual([{ row: 2, cells: [null, { kind: 'number', value: 0.45, percent: true }, { kind: 'number', value: 0.45, percent: false }] }]);
  });

  it('keeps a character reference past the last character, or an entity named like an object key, as written (found by the fuzz suite)', async () => {
    // `&#99999999;` in the styles made String.fromCodePoint throw a RangeError out of readWorkbook,
    // and `&constructor;` turned into the text of a function.
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
    const bytes = zipSync({
      '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
      '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Schools" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
      'xl/styles.xml': xml('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0&#99999999;&#x110000;"/><numFmt numFmtId="165" formatCode="0&constructor;%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>'),
      'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.5</v></c></row></sheetData></worksheet>'),
    });
    const [sheet] = await readWorkbook(bytes);
    expect(sheet?.rows[0]?.cells).toEqual([{ kind: 'number', value: 1, percent: false }, { kind: 'number', value: 0.5, percent: true }]);
  });

  it('refuses a workbook naming a sheet it does not hold with a WorkbookError, not a TypeError (found by the fuzz suite)', async () => {
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
    const bytes = zipSync({
      '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Schools" sheetId="1" r:id="rId1"/><sheet name="Ghost" sheetId="2" r:id="rId9"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'),
    });
    await expect(readWorkbook(bytes)).rejects.toThrow(new WorkbookError('The workbook could not be read: the sheet “Ghost” is damaged.'));
  });

  it('refuses a workbook too large to read in time before reading it (a 50 MB one took half a minute)', async () => {
    const big = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(11 * 1024 * 1024).fill(0x20) }, { level: 1 });
    await expect(readWorkbook(big)).rejects.toThrow(/^The workbook is too large to import: unpacked, it holds more than 10 MB/);
  });

  it('refuses a sheet that names a cell far past its data, which made the reader build a grid of billions and crash (found by the fuzz suite)', async () => {
    const bytes = await workbook([{ sheet: 'Schools', data: [['School', 'Students'], ['Adams', 420]] }] as Sheets);
    const files = unzipSync(bytes);
    const name = Object.keys(files).find((n) => n.startsWith('xl/worksheets/')) ?? '';
    files[name] = strToU8(strFromU8(files[name] ?? new Uint8Array()).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
    await expect(readWorkbook(zipSync(files))).rejects.toThrow(/^The workbook is too large to import: one of its sheets reaches row 1,048,576 and column 16,384/);
  });

  it('refuses a sheet with a stray < before long text as damaged, before its parser spends seconds on it (found by the fuzz suite)', async () => {
    const bytes = await workbook([{ sheet: 'Schools', data: [['School', 'Students'], ['Adams', 420]] }] as Sheets);
    const files = unzipSync(bytes);
    const name = Object.keys(files).find((n) => n.startsWith('xl/worksheets/')) ?? '';
    files[name] = strToU8(strFromU8(files[name] ?? new Uint8Array()).replace('</sheetData>', `<${'\u{cbec7}\u{767bf}'.repeat(50_000)}</sheetData>`));
    await expect(readWorkbook(zipSync(files))).rejects.toThrow(new WorkbookError('The workbook could not be read: it is damaged (its data holds broken markup).'));
  });

  it('answers a cell tag with a long run of garbage after its attributes in linear time (found by the fuzz suite: it took 40 s)', async () => {
    const bytes = await workbook([{ sheet: 'Schools', data: [['School', 'Students'], ['Adams', 420]] }] as Sheets);
    const files = unzipSync(bytes);
    const name = Object.keys(files).find((n) => n.startsWith('xl/worksheets/')) ?? '';
    files[name] = strToU8(strFromU8(files[name] ?? new Uint8Array()).replace(/<c r="A1"/, `<c r="A1"${'polluted'.repeat(12_500)}`));
    const started = process.cpuUsage();
    await expect(readWorkbook(zipSync(files))).rejects.toThrow(WorkbookError);
    const { user } = process.cpuUsage(started);
    expect(user / 1000).toBeLessThan(5_000);
  });

  it('refuses bytes that are not a workbook with a message that says what to do', async () => {
    await expect(readWorkbook(strToU8('School,Students\nAdams,420'))).rejects.toThrow(WorkbookError);
    await expect(readWorkbook(strToU8('School,Students'))).rejects.toThrow(/save it as “Excel Workbook \(\.xlsx\)” or as CSV/);
    await expect(readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(WorkbookError);
  });
});

describe('number formats and places', () => {
  it('tells a percentage format from one that only quotes or escapes a % sign', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.0%;[Red]-0.0%')).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('[$$-409]#,##0.00')).toBe(false);
  });

  it('refuses a sheet with more rows than any roster, as a CSV file is refused', () => {
    const rows = Array.from({ length: 20_002 }, (_, i) => ({ row: i + 1, cells: [{ kind: 'text' as const, text: `School ${i}` }] }));
    const table = sheetAsTable({ name: 'Schools', rows });
    expect(table.rows.length).toBe(20_000);
    expect(table.refused).toEqual({ line: 1, message: expect.stringMatching(/^The sheet “Schools” has more than 20,000 rows/) });
    expect(sheetAsTable({ name: 'Schools', rows: rows.slice(0, 20_001) }).refused).toBeUndefined();
  });

  it('turns a sheet into a table of text whose lines are the sheet’s rows', async () => {
    const bytes = await workbook([{ sheet: 'Schools', data: [[null], ['School', 'Students', 'FRL'], ['Adams', 420, { value: 0.45, format: '0%' }], [null, null, null], ['Baker', 123.456, 0.5]] }] as Sheets);
    const [sheet] = await readWorkbook(bytes);
    const table = sheetAsTable(sheet ?? { name: '', rows: [] });
    expect(table).toEqual({
      delimiter: ',', sheet: 'Schools', header: ['School', 'Students', 'FRL'], headerLine: 2,
      rows: [{ line: 3, cells: ['Adams', '420', '45'] }, { line: 5, cells: ['Baker', '123.456', '0.5'] }],
    });
  });
});
