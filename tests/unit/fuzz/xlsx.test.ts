/**
 * Fuzzing the workbook readers: `readWorkbook` on a picked file's bytes (it answers with sheets or
 * refuses with a WorkbookError saying what to do), then the roster read from a sheet
 * (`sheetAsTable`, `checkRoster`) and the allocations sheet (`readAllocationSheet`), which answer
 * with records the store accepts or problems naming sheet, row and column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readAllocationSheet, type AllocationSheetPlan, type AllocationSheetResult } from '../../../renderer/src/domain/allocation-sheet';
import { ALLOCATION_COLUMNS } from '../../../renderer/src/domain/plan-tables';
import { checkRoster, guessChoices } from '../../../renderer/src/domain/roster-import';
import { allocationSchema, type PlanBundle } from '../../../renderer/src/domain/schemas';
import { pickSheet, readWorkbook, sheetAsTable, WorkbookError, type XlsxCell, type XlsxSheet } from '../../../renderer/src/domain/xlsx-reader';
import { planWorkbook } from '../../../renderer/src/domain/xlsx-workbook';
import { planBundleArbitrary } from '../support/plan-arbitrary';
import { bytesArbitrary, FUZZ_OPTIONS, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_KEYS, readOnce, readOnceAsync } from './fuzz-support';

/** A plan with some of every record (the one among a fixed sample with the most allocations), so its workbook has every sheet. */
const bundle: PlanBundle = fc.sample(planBundleArbitrary, { numRuns: 40, seed: 20261130 })
  .reduce((best, b) => (b.allocations.length + b.schools.length > best.allocations.length + best.schools.length ? b : best));
const plan: AllocationSheetPlan = { ...bundle, planId: bundle.plan.id };
let counter = 0;
const freshId = () => `bbbbbbbb-bbbb-4bbb-8bbb-${String(++counter % 1e12).padStart(12, '0')}`;

/** The parts of the plan's own workbook, as text, to mutate. */
let parts: [string, string][] = [];
beforeAll(async () => {
  parts = Object.entries(unzipSync(await planWorkbook(bundle))).map(([name, bytes]) => [name, strFromU8(bytes)]);
});

/** Markup the readers look for, and values that have broken readers elsewhere. */
const MARKUP = [
  '<c r="A1" t="s"><v>99999</v></c>', '<c r="XFD1048576"><v>1</v></c>', '<c r="A0"><v>1</v></c>', '<c r="ZZZZ1"><v>1</v></c>', '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
  '<c r="C3" s="999"><v>1e999</v></c>', '<c r="D4" t="b"><v>2</v></c>', '<c r="E5" t="d"><v>2027-02-30</v></c>', '<c r="F6" t="e"><v>#REF!</v></c>', '<c r="G7" t="str"><f>1/0</f><v>NaN</v></c>',
  '<row r="-1">', '<row r="1048577">', '</row>', '<row>', '<sheetData>', '</sheetData>', '<si><t>__proto__</t></si>', '<si><t>constructor</t></si>',
  '<sheet name="__proto__" sheetId="9" r:id="rId1"/>', '<sheet name="constructor" sheetId="1" r:id="rId9"/>', '<numFmt numFmtId="164" formatCode="0&#99999999;%"/>',
  '<xf numFmtId="164"/>', '<xf numFmtId="10"/>', '&#99999999;', '&#x110000;', '&#0;', '&constructor;', '&__proto__;', '&amp;', '<', '>', '"', '<!--', ']]>', '<![CDATA[', '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>', '<Relationship Id="rId1" Target="../../../../etc/passwd"/>', '<Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/>',
];

interface PartEdit { part: number; at: number; kind: 'insert' | 'cut' | 'delete' | 'drop-part' | 'huge' | 'deep'; text: string; length: number }
const partEdit: fc.Arbitrary<PartEdit> = fc.record({
  part: fc.nat(), at: fc.nat(), kind: fc.constantFrom('insert', 'insert', 'insert', 'cut', 'delete', 'drop-part', 'huge', 'deep'),
  text: fc.oneof(fc.constantFrom(...MARKUP), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...HOSTILE_KEYS)), length: fc.nat(200),
});

/** The plan's workbook with its XML edited, zipped again, sometimes with a byte of the zip flipped. */
function editedWorkbook(edits: readonly PartEdit[], flip: number | null): Uint8Array {
  const files = new Map(parts);
  for (const { part, at, kind, text, length } of edits) {
    const names = [...files.keys()];
    const name = names[part % names.length];
    if (name === undefined) break;
    const xml = files.get(name) ?? '';
    const position = xml.length === 0 ? 0 : at % xml.length;
    switch (kind) {
      case 'insert': files.set(name, `${xml.slice(0, position)}${text}${xml.slice(position)}`); break;
      case 'cut': files.set(name, xml.slice(0, position)); break;
      case 'delete': files.set(name, `${xml.slice(0, position)}${xml.slice(position + length)}`); break;
      case 'drop-part': files.delete(name); break;
      case 'huge': files.set(name, `${xml.slice(0, position)}${text.repeat(Math.ceil(100_000 / Math.max(1, text.length)))}${xml.slice(position)}`); break;
      case 'deep': files.set(name, `${xml.slice(0, position)}${'<a>'.repeat(20_000)}${xml.slice(position)}`); break;
    }
  }
  const zipped = zipSync(Object.fromEntries([...files].map(([name, xml]) => [name, strToU8(xml)])), { level: 0 });
  if (flip !== null && zipped.length > 0) zipped[flip % zipped.length] = (zipped[flip % zipped.length] ?? 0) ^ 0xff;
  return zipped;
}

const workbookBytes = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(partEdit, { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { freq: 5, nil: null })).map(([edits, flip]) => editedWorkbook(edits, flip)) },
  { weight: 1, arbitrary: bytesArbitrary.map((bytes) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes])) },
  { weight: 1, arbitrary: bytesArbitrary },
);

/** Every problem names its sheet and row; every line added or changed is one the store accepts. */
function expectAllocationAnswer(result: AllocationSheetResult, sheet: XlsxSheet): void {
  for (const problem of result.problems) {
    expect(problem.message).toMatch(/\S/);
    expect(Number.isInteger(problem.row) && problem.row >= 1).toBe(true);
    if (sheet.rows.length > 0) expect(problem.message).toContain('sheet');
  }
  for (const { line } of [...result.changed, ...result.added]) {
    const checked = allocationSchema.safeParse(line);
    if (!checked.success) throw new Error(`A line the store would refuse: ${JSON.stringify(line)}: ${checked.error.message}`);
    expect(line.planId).toBe(plan.planId);
  }
}

/** Everything the app reads from one workbook: its sheets, the roster sheet and the allocations sheet. */
async function readEverything(bytes: Uint8Array): Promise<void> {
  const read = await readOnceAsync(bytes, () => readWorkbook(bytes), (error) => error instanceof WorkbookError);
  if (!read.ok) {
    expect(read.error.message).toMatch(/\S/);
    return;
  }
  const roster = pickSheet(read.value, 'Schools');
  if (roster) {
    const parsed = sheetAsTable(roster);
    const result = readOnce(roster, () => checkRoster(parsed, guessChoices(parsed, bundle.indicators), {}, bundle.waves));
    for (const problem of result.problems) expect(problem.message).toMatch(/\S/);
  }
  const allocations = pickSheet(read.value, 'Allocations');
  if (allocations) expectAllocationAnswer(readOnce(allocations, () => readAllocationSheet(allocations, plan, freshId)), allocations);
}

/** Cells an edited allocations sheet holds: the plan's own names, hostile keys, awkward numbers and dates. */
const names = [...bundle.phases, ...bundle.waves, ...bundle.schools, ...bundle.fundingSources, ...bundle.areas].map((r) => r.name);
const cell: fc.Arbitrary<XlsxCell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...names, ...HOSTILE_KEYS, ...ALLOCATION_COLUMNS, 'Central office', 'Money', 'Devices', 'Staff', 'One-time', 'Ongoing', 'Yes', 'No', '1,000', '-5', '12.345', 'NaN', ...bundle.allocations.map((a) => a.id))
    .map((text): XlsxCell => ({ kind: 'text', text })),
  fc.string({ unit: 'binary', maxLength: 16 }).map((text): XlsxCell => ({ kind: 'text', text })),
  fc.tuple(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e15, 1e-7, 0.125, 2 ** 53)), fc.boolean()).map(([value, percent]): XlsxCell => ({ kind: 'number', value, percent })),
  fc.boolean().map((value): XlsxCell => ({ kind: 'boolean', value })),
  fc.constantFrom('2027-08-16', '2027-02-30', '0000-01-01', '2027-08-16 09:30').map((iso): XlsxCell => ({ kind: 'date', iso })),
);
const allocationSheet: fc.Arbitrary<XlsxSheet> = fc.record({
  name: fc.oneof(fc.constant('Allocations'), fc.string({ maxLength: 12 })),
  header: fc.oneof(
    fc.shuffledSubarray([...ALLOCATION_COLUMNS], { minLength: 0 }).map((h) => h.map((text): XlsxCell => ({ kind: 'text', text }))),
    fc.array(cell, { maxLength: 16 }),
  ),
  rows: fc.array(fc.tuple(fc.integer({ min: 1, max: 1_048_576 }), fc.array(cell, { maxLength: 17 })), { maxLength: 8 }),
}).map(({ name, header, rows }) => ({ name, rows: [{ row: 1, cells: header }, ...rows.map(([row, cells]) => ({ row, cells }))] }));

describe(`the workbook readers, fuzzed (${FUZZ_RUNS.toLocaleString('en-US')} cases each)`, () => {
  /**
   * Whole workbook files. Edited ones once aborted the test process ("Fatal JavaScript invalid
   * size error": read-excel-file filled a row up to the column `<c r="__proto__G1">` names, in the
   * billions); readWorkbook now refuses such references first (tests/unit/domain/xlsx-reader-limits.test.ts).
   * A case takes about 3–6 ms: the default 10,000 took 33–57 s on a slow 2-core machine.
   */
  it('answers every workbook file with sheets or a WorkbookError, and its sheets with records or problems; never a throw, a hang or a polluted prototype', async () => {
    await fc.assert(fc.asyncProperty(workbookBytes, readEverything), FUZZ_OPTIONS);
  }, FUZZ_TEST_TIMEOUT_MS);

  it('answers every allocations sheet with lines the store accepts or problems naming sheet, row and column', () => {
    fc.assert(fc.property(allocationSheet, (sheet) => {
      expectAllocationAnswer(readOnce(sheet, () => readAllocationSheet(sheet, plan, freshId)), sheet);
    }), FUZZ_OPTIONS);
  }, FUZZ_TEST_TIMEOUT_MS);

  it('answers a 50 MB workbook within the limit', async () => {
    // The plan's workbook with about 50 MB of rows added to its first sheet, zipped without compression: 50 MB of file.
    const [sheetName, xml] = parts.find(([name]) => name.startsWith('xl/worksheets/')) ?? ['', ''];
    const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>School ${r}</t></is></c><c r="B${r}"><v>${r % 900}</v></c></row>`;
    const rows: string[] = [];
    for (let r = 100, size = 0; size < 50 * 1024 * 1024; r += 1) {
      rows.push(row(r));
      size += rows[rows.length - 1]?.length ?? 0;
    }
    const files = new Map(parts);
    files.set(sheetName, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    const bytes = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])), { level: 0 });
    expect(bytes.byteLength).toBeGreaterThan(50 * 1024 * 1024);
    await readEverything(bytes);
    await expect(readWorkbook(bytes)).rejects.toThrow(/^The workbook is too large to import/);
  }, 120_000);
});
