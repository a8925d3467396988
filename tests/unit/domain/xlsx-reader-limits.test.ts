/**
 * Cell and row references the workbook reader (read-excel-file) would turn into a grid too large
 * to build: it reads any characters before a reference's digits as column letters and any number
 * as the row, then fills the row (or the sheet) with empty cells one at a time, so
 * `<c r="__proto__G1">` asked for a row of billions of cells and V8 aborted the whole process
 * ("Fatal JavaScript invalid size error", found by the fuzz suite). readWorkbook refuses such a
 * workbook with a message naming the sheet and the cell before the reader sees it.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readWorkbook, WorkbookError } from '../../../renderer/src/domain/xlsx-reader';

const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** The smallest workbook the reader opens: one sheet, "Allocations", whose `<sheetData>` holds `data`, at `target`. */
function workbook(data: string, { target = 'worksheets/sheet1.xml', part = 'xl/worksheets/sheet1.xml' } = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Allocations" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET}" Target="${target}"/></Relationships>`),
    [part]: xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`),
  });
}

/** Reads `bytes` in a bounded time, expecting a WorkbookError whose message matches `message`. */
async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const started = performance.now();
  const error: unknown = await readWorkbook(bytes).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookError);
  expect((error as Error).message).toMatch(message);
  expect(performance.now() - started).toBeLessThan(2_000);
}

describe('readWorkbook, on cell and row references a spreadsheet cannot hold', () => {
  it('reads the minimal workbook with an ordinary reference', async () => {
    const [sheet] = await readWorkbook(workbook('<row r="2"><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>'));
    expect(sheet).toEqual({ name: 'Allocations', rows: [{ row: 2, cells: [null, null, { kind: 'text', text: 'x' }] }] });
  });

  it('refuses a cell at “__proto__G1”, which crashed the process (the fuzz suite’s case, reduced)', async () => {
    await expectRefused(workbook('<row><c r="__proto__G1" t="inlineStr"><is><t>x</t></is></c></row>'), /^Sheet “Allocations” has a cell at “__proto__G1”, which is not a cell address like B7\. /);
  });

  it('refuses a cell past XFD1048576, naming it', async () => {
    await expectRefused(workbook('<row><c r="XFE1048577"><v>1</v></c></row>'), /^Sheet “Allocations”, cell “XFE1048577” is outside what a spreadsheet can hold/);
    await expectRefused(workbook('<row><c r="ZZZZ1"><v>1</v></c></row>'), /^Sheet “Allocations”, cell “ZZZZ1” is outside/);
    await expectRefused(workbook('<row><c r="A0"><v>1</v></c></row>'), /^Sheet “Allocations”, cell “A0” is outside/);
  });

  it('refuses a row number the reader would fill a billion rows up to (A1e9 hung it)', async () => {
    await expectRefused(workbook('<row><c r="A1e9"><v>1</v></c></row>'), /^Sheet “Allocations” has a cell at “A1e9”/);
    await expectRefused(workbook('<row r="1e9"><c><v>1</v></c></row>'), /^Sheet “Allocations” has a row numbered “1e9”: a spreadsheet’s rows are numbered 1 to 1,048,576\./);
    await expectRefused(workbook('<row r="Infinity"/>'), /row numbered “Infinity”/);
  });

  it('finds the reference where the reader’s parser finds it: after a > in a quoted value, with a prefix, in a part outside xl/worksheets', async () => {
    await expectRefused(workbook('<row><c t="n>" r="__proto__G1"><v>1</v></c></row>'), /cell at “__proto__G1”/);
    await expectRefused(workbook('<row><c x:r="__proto__G1"><v>1</v></c></row>'), /cell at “__proto__G1”/);
    await expectRefused(workbook('<row><c r="__proto__G1"><v>1</v></c></row>', { target: '/data/cells.xml', part: 'data/cells.xml' }), /^Sheet “Allocations” has a cell at “__proto__G1”/);
  });

  it('leaves a tag inside a comment or CDATA alone, as the parser does', async () => {
    const [sheet] = await readWorkbook(workbook('<!-- <c r="__proto__G1"> --><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><![CDATA[<c r="ZZZZ1">]]>'));
    expect(sheet?.rows).toEqual([{ row: 1, cells: [{ kind: 'text', text: 'x' }] }]);
  });

  it('counts empty rows toward the cell limit (the reader makes every one), and reads a sheet that only reaches the last row in time', async () => {
    await expectRefused(workbook('<row r="1048576"><c r="E1048576"><v>1</v></c></row>'), /^The workbook is too large to import: one of its sheets reaches row 1,048,576 and column 5/);
    const started = performance.now();
    const [sheet] = await readWorkbook(workbook('<row r="1048576"></row>'));
    expect(sheet?.rows).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a worksheet with no <sheetData> before the reader fails on it later, unhandled, when a later sheet fails at once (found by the fuzz suite)', async () => {
    const sheet = (data: string) => xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${data}</worksheet>`);
    const rel = (n: number) => `<Relationship Id="rId${n}" Type="${WORKSHEET}" Target="worksheets/sheet${n}.xml"/>`;
    const bytes = zipSync({
      'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Schools" sheetId="1" r:id="rId1"/><sheet name="Allocations" sheetId="2" r:id="rId2"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1)}${rel(2)}</Relationships>`),
      'xl/worksheets/sheet1.xml': sheet('<dimension ref="A1"/>'),
      'xl/worksheets/sheet2.xml': sheet('<sheetData><row><c r="A1" t="s"><v>5</v></c></row></sheetData>'),
    });
    await expectRefused(bytes, /^Sheet “Schools” has no table of cells \(no <sheetData>\)\./);
  });
});
