/**
 * Fuzzing the roster CSV import as the dialog runs it on a picked file's bytes: decoded
 * (`decodeText`), parsed (`parseCsv`), columns guessed, checked (`checkRoster`) and turned into
 * the records the store writes (`importRecords`). Every file ends in schools the store accepts
 * or problems that name their line, never a throw, a hang or a polluted prototype.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../../renderer/src/domain/roster-csv';
import { checkRoster, guessChoices, guessNewIndicators, importRecords, rangeWarnings } from '../../../renderer/src/domain/roster-import';
import { decodeText } from '../../../renderer/src/domain/text-encoding';
import { indicatorSchema, schoolSchema, type IndicatorRow } from '../../../renderer/src/domain/schemas';
import { bytesArbitrary, damaged, fiftyMegabytes, FUZZ_OPTIONS, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_KEYS, readOnce, textDamageArbitrary } from './fuzz-support';

const PLAN_ID = '00000000-0000-4000-8000-000000000000';
const INDICATORS: IndicatorRow[] = [
  { id: '00000000-0000-4000-8000-0000000000a1', planId: PLAN_ID, order: 0, name: 'Reading proficiency', side: 'need', weight: 50, direction: 'higher-is-more', source: 'value', unit: '%', range: { min: 0, max: 100 } },
  { id: '00000000-0000-4000-8000-0000000000a2', planId: PLAN_ID, order: 1, name: 'FRL %', side: 'need', weight: 50, direction: 'higher-is-more', source: 'frlPercent', unit: '%', range: null },
];
const WAVES = [{ id: '00000000-0000-4000-8000-0000000000b1', name: 'Wave 1' }, { id: '00000000-0000-4000-8000-0000000000b2', name: '__proto__' }];

/** The whole import up to the write, as RosterImportDialog runs it. */
function readRoster(bytes: Uint8Array) {
  const { text } = decodeText(bytes, 'auto');
  const parsed = parseCsv(text);
  const choices = guessChoices(parsed, INDICATORS);
  const settings = guessNewIndicators(parsed);
  const result = checkRoster(parsed, choices, {}, WAVES);
  const warnings = rangeWarnings(result, choices, parsed, INDICATORS, settings);
  const records = importRecords(result, choices, parsed, PLAN_ID, INDICATORS, settings);
  return { parsed, result, warnings, records };
}

/** Schools and indicators the store accepts, or problems on lines the file has. */
function expectAnswer({ parsed, result, records }: ReturnType<typeof readRoster>): void {
  const lastLine = Math.max(parsed.headerLine, ...parsed.rows.map((r) => r.line));
  for (const problem of result.problems) {
    expect(problem.message).toMatch(/\S/);
    expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lastLine).toBe(true);
  }
  // Every indicator column gives each school a value or a blank (a header like "__proto__" must not lose it).
  for (const school of result.schools) expect(Object.keys(school.indicators).length).toBe(result.indicatorColumns.length);
  records.schools.forEach((school, order) => {
    const row = { ...school, id: `00000000-0000-4000-8000-${String(order).padStart(12, '0')}`, planId: PLAN_ID, order };
    const checked = schoolSchema.safeParse(row);
    if (!checked.success) throw new Error(`An imported school the store would refuse: ${JSON.stringify(row)}: ${checked.error.message}`);
  });
  records.newIndicators.forEach((indicator, order) => {
    const checked = indicatorSchema.safeParse({ ...indicator, order });
    if (!checked.success) throw new Error(`A new indicator the store would refuse: ${JSON.stringify(indicator)}: ${checked.error.message}`);
  });
}

/** Cells a roster holds, the awkward ones often: known headers, messy numbers, quotes, hostile keys. */
const cell = fc.oneof(
  fc.constantFrom(
    'School', 'School name', 'Name', 'Code', 'School code', 'Students', 'Enrollment', 'FRL %', 'FRL', 'Grade band', 'Grades', 'Wave', 'Reading proficiency',
    ...HOSTILE_KEYS, 'Adams Elementary', 'Wave 1', 'K-5', '6-8',
  ),
  fc.constantFrom('420', '1,234', '1.234,5', '45%', '0.64', '-3', '1e400', '1e-400', 'NaN', 'Infinity', '', '  ', '12 345', '$1,000', '(5)', '100.0000001', '99999999999', '4.2e3', '٣٤'),
  fc.string({ unit: 'binary', maxLength: 12 }),
).map((text) => (/[",;\t\r\n]/.test(text) && text.length % 2 === 0 ? `"${text.replaceAll('"', '""')}"` : text));

const csvText = fc.record({
  header: fc.array(cell, { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  damage: textDamageArbitrary,
}).map(({ header, rows, delimiter, newline, bom, damage }) => damaged(`${bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.join(delimiter)).join(newline)}`, damage));

const csvBytes = fc.oneof(
  { weight: 4, arbitrary: csvText.map((text) => new TextEncoder().encode(text)) },
  // The same as a spreadsheet in Windows might save it: UTF-16 with its mark, or single bytes.
  { weight: 1, arbitrary: csvText.map((text) => Uint8Array.from([0xff, 0xfe, ...Array.from(text, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()])) },
  { weight: 1, arbitrary: csvText.map((text) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)) },
  { weight: 2, arbitrary: bytesArbitrary },
);

describe(`the roster CSV import, fuzzed (${FUZZ_RUNS.toLocaleString('en-US')} cases)`, () => {
  it('answers every file with schools the store accepts or problems naming their line, never a throw, a hang or a polluted prototype', () => {
    fc.assert(fc.property(csvBytes, (bytes) => {
      expectAnswer(readOnce(bytes, () => readRoster(bytes)));
    }), FUZZ_OPTIONS);
  }, FUZZ_TEST_TIMEOUT_MS);

  it('answers wide and deep files: 20,000 columns of one name, 100,000 quotes, a cell of brackets', () => {
    const inputs = [
      `School,Students,${'Score,'.repeat(20_000)}\nAdams,420,${'1,'.repeat(20_000)}`,
      `School,Students\n${'"'.repeat(100_000)}`,
      `School,Students\n"${'""'.repeat(100_000)}",1`,
      `School,Students\n${'['.repeat(100_000)},1`,
      `School,${'\r'.repeat(100_000)}Students`,
    ];
    for (const text of inputs) {
      const bytes = new TextEncoder().encode(text);
      expectAnswer(readOnce(bytes, () => readRoster(bytes)));
    }
  }, 60_000);

  it('answers a 50 MB roster within the limit: refused as longer than any roster', () => {
    const row = (i: number) => `School ${i},SC${i},K-5,${400 + (i % 300)},${i % 100}%,Wave 1\n`;
    let text = 'School,Code,Grade band,Students,FRL %,Wave\n';
    const body: string[] = [];
    for (let i = 0; text.length + body.length * 40 < 50 * 1024 * 1024; i += 1) body.push(row(i));
    text += body.join('');
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeGreaterThan(50 * 1024 * 1024);
    const read = readOnce(`${bytes.byteLength} bytes of roster`, () => readRoster(bytes));
    expect(read.result.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/^The file has more than 20,000 rows/) })]);
    expect(read.records.schools).toEqual([]);
    // And 50 MB with no line break: one huge cell.
    const huge = new TextEncoder().encode(`School,Students\n"${fiftyMegabytes('Adams ')}",1`);
    expect(readOnce(`${huge.byteLength} bytes in one cell`, () => readRoster(huge)).result.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/a value longer than 10,000 characters/) })]);
  }, 120_000);
});
