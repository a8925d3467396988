import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { checkRoster, guessChoices, importRecords, rosterMatcher, rosterUpdate } from '../../../renderer/src/domain/roster-import';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { pickSheet, readWorkbook, sheetAsTable, type XlsxSheet } from '../../../renderer/src/domain/xlsx-reader';
import { planWorkbook } from '../../../renderer/src/domain/xlsx-workbook';
import { samplePlan, withSchools } from './plan-fixtures';

type Sheets = Parameters<typeof writeExcelFile>[0];
const bundle: PlanBundle = withSchools(samplePlan());
const own = bundle.indicators.filter((i) => i.source === 'value');

async function rosterSheet(sheets: Sheets): Promise<XlsxSheet> {
  const read = await readWorkbook(new Uint8Array(await writeExcelFile(sheets).toBuffer()));
  const sheet = pickSheet(read, 'Schools');
  if (!sheet) throw new Error('the workbook has a sheet');
  return sheet;
}

describe('a roster from a workbook', () => {
  it('imports the plan’s own Schools sheet back to the same schools', async () => {
    const sheet = pickSheet(await readWorkbook(await planWorkbook(bundle)), 'Schools');
    const parsed = sheetAsTable(sheet as XlsxSheet);
    expect(parsed.sheet).toBe('Schools');
    const choices = guessChoices(parsed, bundle.indicators);
    expect(choices.slice(0, 6)).toEqual(['name', 'code', 'gradeBand', 'students', 'frlPercent', 'wave']);
    // Every one of the plan's own indicators, by its exact name.
    expect(choices.slice(6)).toEqual(own.map((i) => `indicator:${i.id}`));
    const result = checkRoster(parsed, choices, {}, bundle.waves);
    expect(result.problems).toEqual([]);
    const { schools, newIndicators } = importRecords(result, choices, parsed, bundle.plan.id, bundle.indicators);
    expect(newIndicators).toEqual([]);
    const match = rosterMatcher(bundle.schools);
    for (const row of schools) {
      const school = match(row);
      expect(school && rosterUpdate(school, row)).toEqual(school);
    }
    expect(schools).toHaveLength(bundle.schools.length);
  });

  it('reads a 45% cell as 45, puts schools in the wave a row names, and keeps a blank wave', async () => {
    const sheet = await rosterSheet([
      { sheet: 'Read me', data: [['This workbook lists our schools.']] },
      { sheet: 'Schools', data: [
        ['School', 'Code', 'Students', 'Free or reduced-price lunch (%)', 'Wave'],
        ['Adams Elementary', 'R-100', 420, { value: 0.45, format: '0%' }, 'wave 2'],
        ['Baker Middle', 'R-101', 760, { value: 0.5, format: '0%' }, null],
        ['Dunmore Academy', 'R-900', 300, { value: 0.625, format: '0.0%' }, 'Wave 1'],
      ] },
    ] as Sheets);
    const parsed = sheetAsTable(sheet);
    const choices = guessChoices(parsed, bundle.indicators);
    const result = checkRoster(parsed, choices, {}, bundle.waves);
    expect(result.problems).toEqual([]);
    expect(result.schools.map((s) => [s.name, s.frlPercent, s.waveId])).toEqual([
      ['Adams Elementary', 45, 'aaaaaaaa-aaaa-4aaa-8aaa-000000000002'],
      ['Baker Middle', 50, undefined],
      ['Dunmore Academy', 62.5, 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001'],
    ]);
    const { schools } = importRecords(result, choices, parsed, bundle.plan.id, bundle.indicators);
    const match = rosterMatcher(bundle.schools);
    const [adams, baker] = schools;
    // Adams moves from Wave 1 to Wave 2; Baker keeps Wave 2 (its cell is blank).
    expect(adams && rosterUpdate(match(adams) as PlanBundle['schools'][number], adams).waveId).toBe('aaaaaaaa-aaaa-4aaa-8aaa-000000000002');
    expect(baker && rosterUpdate(match(baker) as PlanBundle['schools'][number], baker).waveId).toBe('aaaaaaaa-aaaa-4aaa-8aaa-000000000002');
  });

  it('names the sheet and the row in each problem, a wave the plan does not have among them', async () => {
    const sheet = await rosterSheet([{ sheet: 'Schools', data: [
      ['School', 'Students', 'Wave'],
      ['Adams Elementary', 420, 'Wave 9'],
      ['Baker Middle', 'about 300', null],
      ['=HYPERLINK("http://x","y")', 123.456, null],
      ['Adams Elementary', 10, null],
    ] }] as Sheets);
    const parsed = sheetAsTable(sheet);
    const result = checkRoster(parsed, guessChoices(parsed, bundle.indicators), {}, bundle.waves);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Schools sheet, row 2, Wave: “Wave 9” is not a wave in this plan (its waves: Wave 1, Wave 2). Correct the name, or clear it to keep the school’s wave.',
      'Schools sheet, row 3, Students: “about 300” is not a whole number.',
      // A spreadsheet's number is never read with a thousands separator.
      'Schools sheet, row 4, Students: “123.456” is not a whole number.',
      'Schools sheet, row 5, School: “Adams Elementary” is also the name of the school on row 2.',
    ]);
    expect(result.schools).toEqual([]);
    // Fixed in place: the wave cleared keeps the school's wave; a formula-like name stays text.
    const fixed = checkRoster(parsed, guessChoices(parsed, bundle.indicators), { 2: { 2: '' }, 4: { 1: '123' } }, bundle.waves);
    expect(fixed.schools.map((s) => s.name)).toEqual(['Adams Elementary', '=HYPERLINK("http://x","y")']);
    expect(fixed.problems.map((p) => p.message)).toEqual([
      'Schools sheet, row 3, Students: “about 300” is not a whole number.',
      'Schools sheet, row 5, School: “Adams Elementary” is also the name of the school on row 2.',
    ]);
  });
});
