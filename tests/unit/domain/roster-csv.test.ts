import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_MAX,
  parseCsv,
  ROSTER_ROWS_MAX,
  parseNumber,
  suggestMapping,
  validateRoster,
  writeCsv,
  type CsvDelimiter,
} from '../../../renderer/src/domain/roster-csv';

const fixture = readFileSync(new URL('../../fixtures/roster-120.csv', import.meta.url), 'utf8');

describe('parseCsv', () => {
  it('strips the BOM, detects the delimiter, reads quotes and reports line numbers', () => {
    const parsed = parseCsv('\uFEFFName;Notes\r\n"A; B";"say ""hi""\nthere"\r\n\r\nC ; x \r\n;;\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['Name', 'Notes']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['A; B', 'say "hi"\nthere'] },
      { line: 5, cells: ['C', 'x'] },
    ]);
  });

  it('detects commas and tabs', () => {
    expect(parseCsv('a,b\n1,2').delimiter).toBe(',');
    expect(parseCsv('a\tb\n1\t2').rows[0]?.cells).toEqual(['1', '2']);
    expect(parseCsv('"Enrollment, total";FRL\n1;2').delimiter).toBe(';');
  });

  for (const delimiter of [',', ';'] as CsvDelimiter[]) {
    it(`round-trips any table written with quoting (${delimiter})`, () => {
      const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '"', ',', ';', '\t', '\n', '\r\n', 'é') });
      const table = fc
        .integer({ min: 2, max: 4 })
        .chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }))
        .map((rows) => rows.filter((r) => r.some((c) => c.trim() !== '')))
        .filter((rows) => rows.length > 0);
      fc.assert(
        fc.property(table, (rows) => {
          const parsed = parseCsv(writeCsv(rows, delimiter), { delimiter });
          expect([parsed.header, ...parsed.rows.map((r) => r.cells)]).toEqual(rows.map((r, i) => (i === 0 ? r.map((c) => c.trim()) : r)));
        }),
      );
    });
  }
});

describe('parseNumber', () => {
  it('reads the ways people write numbers', () => {
    expect(parseNumber('1,250')).toBe(1250);
    expect(parseNumber('1.250')).toBe(1250);
    expect(parseNumber('1 250')).toBe(1250);
    expect(parseNumber('1,250,000')).toBe(1250000);
    expect(parseNumber('1.250,5')).toBe(1250.5);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('12,5', { decimalComma: true })).toBe(12.5);
    expect(parseNumber('12,5')).toHaveProperty('error');
    expect(parseNumber('64%', { percent: true })).toBe(64);
    expect(parseNumber('12.500%', { percent: true })).toBe(12.5);
    expect(parseNumber('64%')).toHaveProperty('error');
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('about 300')).toHaveProperty('error');
    expect(parseNumber('12,50,0')).toHaveProperty('error');
  });

  it('round-trips formatted whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('en-US', 'de-DE', 'fr-FR'), fc.boolean(), (n, locale, decimalComma) => {
        expect(parseNumber(n.toLocaleString(locale), { decimalComma })).toBe(n);
      }),
    );
  });
});

describe('suggestMapping', () => {
  it('guesses fields from common headers, ignoring case and punctuation', () => {
    expect(suggestMapping(['School Name', 'CDS Code', 'Grade Band', 'Total Enrollment', 'Free/Reduced Lunch %', 'Principal'])).toEqual([
      'name', 'code', 'gradeBand', 'students', 'frlPercent', 'ignore',
    ]);
    expect(suggestMapping(['site', 'STUDENTS', '% frl', 'grades', 'code', 'School'])).toEqual([
      'name', 'students', 'frlPercent', 'gradeBand', 'code', 'ignore',
    ]);
  });

  it('makes mostly numeric unknown columns indicators', () => {
    const parsed = parseCsv('School;Enrollment;Attendance;Principal\nA;10;95%;Ms. Lee\nB;20;91,5;Mr. Park');
    expect(suggestMapping(parsed.header, parsed.rows)).toEqual(['name', 'students', 'indicator', 'ignore']);
  });
});

describe('hostile headers (found by the fuzz suite)', () => {
  it('reads headers named like Object’s own properties as plain columns', () => {
    // "constructor" found Object itself in the table of usual names, and the import then threw.
    const parsed = parseCsv('School,Students,constructor,__proto__,toString\nA,10,1,2,3');
    expect(suggestMapping(parsed.header, parsed.rows)).toEqual(['name', 'students', 'indicator', 'indicator', 'indicator']);
    const result = validateRoster(parsed, ['name', 'students', 'indicator', 'indicator', 'indicator']);
    // A column named "__proto__" keeps its value instead of setting the object's prototype.
    expect(Object.entries(result.schools[0]?.indicators ?? {})).toEqual([['constructor', 1], ['__proto__', 2], ['toString', 3]]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('refuses a file longer than any roster, or with a quote left open, with where and why (a 50 MB file took minutes)', () => {
    const long = parseCsv(`School,Students\n${'A,1\n'.repeat(ROSTER_ROWS_MAX + 1)}`);
    expect(long.rows.length).toBe(ROSTER_ROWS_MAX);
    expect(validateRoster(long, ['name', 'students'])).toMatchObject({ schools: [], problems: [{ line: 1, message: expect.stringMatching(/^The file has more than 20,000 rows/) }] });
    expect(parseCsv(`School,Students\n${'A,1\n'.repeat(ROSTER_ROWS_MAX)}`).refused).toBeUndefined();
    const open = parseCsv(`School,Students\nA,1\n"B${' x'.repeat(CELL_MAX)},2\nC,3`);
    expect(validateRoster(open, ['name', 'students']).problems).toEqual([{ line: 3, column: '', message: 'Line 3 has a value longer than 10,000 characters. A quote may be left open there, so the rest of the file reads as one value.' }]);
  });

  it('names 20,000 columns of one name in linear time', () => {
    // Counting up from “Score (2)” for every column took 90 seconds.
    const parsed = parseCsv(`School,Students,${'Score,'.repeat(20_000)}\nA,10,${'1,'.repeat(20_000)}`);
    const started = performance.now();
    const result = validateRoster(parsed, parsed.header.map((_, i) => (i === 0 ? 'name' : i === 1 ? 'students' : 'indicator')));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.indicatorColumns.map((c) => c.key).slice(0, 3)).toEqual(['Score', 'Score (2)', 'Score (3)']);
    expect(new Set(result.indicatorColumns.map((c) => c.key)).size).toBe(result.indicatorColumns.length);
  });
});

describe('validateRoster', () => {
  it('reports a missing required column once', () => {
    const parsed = parseCsv('School,Code\nA,1\nB,2');
    expect(validateRoster(parsed, ['name', 'code']).problems.map((p) => p.message)).toEqual(['No column is mapped to Students.']);
    expect(validateRoster(parsed, ['code', 'ignore']).problems.map((p) => p.message)).toEqual([
      'No column is mapped to School name.',
      'No column is mapped to Students.',
    ]);
  });

  it('flags bad cells, duplicate names and shifted rows, and keeps the good rows', () => {
    const parsed = parseCsv('School,Students,FRL,Grades\nA,"1,250",64%,k – 5\nB,about 300,,\na,10,-1\nC,-4,\nD,5,1,2,x\nE,12.5,');
    const result = validateRoster(parsed, ['name', 'students', 'frlPercent', 'gradeBand']);
    expect(result.schools).toEqual([{ name: 'A', code: '', gradeBand: 'K-5', students: 1250, frlPercent: 64, indicators: {} }]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Line 3, Students: “about 300” is not a whole number.',
      'Line 4, FRL: “-1” is below 0%.',
      'Line 5, Students: “-4” is below 0.',
      'Line 6 has 5 values but the header has 4 columns. A value containing , needs quotes around it.',
      'Line 7, Students: “12.5” is not a whole number.',
    ]);
    const dupes = validateRoster(parseCsv('School,Students\nA,1\n a ,2'), ['name', 'students']);
    expect(dupes.problems.map((p) => p.message)).toEqual(['Line 3, School: “a” is also the name of the school on line 2.']);
  });

  it('reads FRL written as fractions', () => {
    const result = validateRoster(parseCsv('School,Students,FRL\nA,10,0.64\nB,20,0.5'), ['name', 'students', 'frlPercent']);
    expect(result.schools.map((s) => s.frlPercent)).toEqual([64, 50]);
    expect(result.notes).toHaveLength(1);
  });

  it('reads the 120-school fixture: 116 schools and exactly the 4 broken rows', () => {
    const parsed = parseCsv(fixture);
    expect(parsed.delimiter).toBe(';');
    const mapping = suggestMapping(parsed.header, parsed.rows);
    expect(mapping).toEqual(['name', 'code', 'gradeBand', 'students', 'frlPercent', 'indicator', 'indicator', 'indicator', 'ignore']);
    const result = validateRoster(parsed, mapping);
    expect(result.problems).toEqual([
      { line: 15, column: 'Total Enrollment', message: 'Line 15, Total Enrollment: “n/a” is not a whole number.' },
      { line: 42, column: '% FRL', message: 'Line 42, % FRL: “112%” is above 100%.' },
      { line: 81, column: 'School Name', message: 'Line 81, School Name: the school name is empty.' },
      { line: 106, column: 'School Code', message: 'Line 106, School Code: “SD-1140” is also the code of the school on line 21.' },
    ]);
    expect(result.schools).toHaveLength(116);
    expect(result.notes).toEqual([]);
    // Thousands separators, decimal commas, quoted semicolons and multi-line quoted notes all read back.
    const byCode = new Map(result.schools.map((s) => [s.code, s]));
    expect(byCode.get('SD-1077')).toMatchObject({ name: 'Kingsley Middle School', gradeBand: '6-8', students: 1110, frlPercent: 68 });
    expect(byCode.get('SD-1007')).toMatchObject({ students: 209, frlPercent: 76.7, indicators: { 'Chronic Absence %': 0.1, 'Leadership Commitment (1-5)': 1, 'Staff Buy-in %': 80 } });
    expect(byCode.get('SD-1140')?.name).toBeTruthy();
    expect(result.schools.some((s) => s.name.includes('; '))).toBe(true);
    expect(result.schools.every((s) => s.students >= 180 && s.students <= 2400)).toBe(true);
    expect(parsed.rows.at(-1)?.line).toBe(126);
  });
});
