import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../renderer/src/domain/roster-csv';
import { checkRoster, guessChoices, guessNewIndicators, importRecords, rangeWarnings, rosterMatcher, rosterUpdate, type ColumnChoice } from '../../../renderer/src/domain/roster-import';
import { samplePlan } from './plan-fixtures';

const fixture = readFileSync(new URL('../../fixtures/roster-120.csv', import.meta.url), 'utf8');

describe('roster import', () => {
  const bundle = samplePlan();
  const chronic = bundle.indicators.find((i) => i.name === 'Chronic absence');
  const parsed = parseCsv(fixture);

  it('guesses fields by header and feeds a number column to the indicator of the same name', () => {
    const id = (name: string) => `indicator:${bundle.indicators.find((i) => i.name === name)?.id ?? '?'}`;
    expect(guessChoices(parsed, bundle.indicators)).toEqual(['name', 'code', 'gradeBand', 'students', 'frlPercent', id('Chronic absence'), id('Leadership commitment'), id('Staff buy-in'), 'ignore']);
  });

  it('reads the 116 good schools of the messy fixture, reports the 4 bad rows by line, and takes fixes typed over bad cells', () => {
    const choices = guessChoices(parsed, bundle.indicators);
    const result = checkRoster(parsed, choices);
    expect(result.schools).toHaveLength(116);
    expect([...new Set(result.problems.map((p) => p.line))]).toEqual([15, 42, 81, 106]);

    const fixes: Record<number, Record<number, string>> = {};
    for (const p of result.problems) {
      const column = parsed.header.indexOf(p.column);
      const row = parsed.rows.find((r) => r.line === p.line);
      if (column < 0 || !row) continue;
      // A planner's fix: a plausible value in place of the bad one.
      (fixes[p.line] ??= {})[column] = { 0: 'Northgate Academy', 1: 'SD-9999', 3: '400', 4: '50%' }[column] ?? '';
    }
    expect(Object.keys(fixes)).toHaveLength(4);
    const fixed = checkRoster(parsed, choices, fixes);
    expect(fixed.problems).toEqual([]);
    expect(fixed.schools).toHaveLength(120);
    expect(fixed.schools.find((s) => s.code === 'SD-9999')).toBeDefined();
  });

  it('makes schools whose values name the chosen indicators, and new weight-0 need indicators for new columns', () => {
    const choices: ColumnChoice[] = ['name', 'code', 'gradeBand', 'students', 'frlPercent', 'new-indicator', 'ignore', 'ignore', 'ignore'];
    const result = checkRoster(parsed, choices);
    const { schools, newIndicators } = importRecords(result, choices, parsed, bundle.plan.id, bundle.indicators);
    expect(newIndicators).toEqual([expect.objectContaining({ name: 'Chronic Absence %', side: 'need', weight: 0, source: 'value' })]);
    const [timberline] = schools;
    expect(timberline).toMatchObject({ name: 'Timberline Elementary', code: 'SD-1007', students: 209, frlPercent: 76.7, waveId: null });
    expect(timberline?.values).toEqual({ [newIndicators[0]?.id ?? '']: 0.1 });

    const mapped = importRecords(checkRoster(parsed, guessChoices(parsed, bundle.indicators)), guessChoices(parsed, bundle.indicators), parsed, bundle.plan.id, bundle.indicators);
    expect(mapped.newIndicators).toEqual([]);
    expect(Object.keys(mapped.schools[0]?.values ?? {})).toHaveLength(3);
    expect(mapped.schools[0]?.values[chronic?.id ?? '']).toBe(0.1);
  });

  it('refuses two columns feeding one indicator, and schools the app could not store, with their line', () => {
    const both: ColumnChoice[] = ['name', 'code', 'gradeBand', `indicator:${chronic?.id}`, 'frlPercent', `indicator:${chronic?.id}`, 'ignore', 'ignore', 'ignore'];
    expect(checkRoster(parsed, both).problems[0]?.message).toMatch(/both feed the same indicator/);
    const long = parseCsv(`School,Students\n${'A'.repeat(130)},300\nShort,250000\nFine,20\n`);
    const result = checkRoster(long, ['name', 'students']);
    expect(result.schools.map((s) => s.name)).toEqual(['Fine']);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Line 2, School: the name is longer than 120 characters.',
      'Line 3, Students: 250,000 is more than 100,000 students.',
    ]);
  });
});

describe('the Riverside sample: new indicators on their side, with a stated range', () => {
  const bundle = samplePlan();
  const parsed = parseCsv(readFileSync(new URL('../../fixtures/riverside-unified-roster.csv', import.meta.url), 'utf8'));
  const choices = guessChoices(parsed, bundle.indicators);
  const settings = guessNewIndicators(parsed);

  it('feeds Chronic Absenteeism % to the plan’s Chronic absence, and makes the other extra columns new indicators', () => {
    const chronic = bundle.indicators.find((i) => i.name === 'Chronic absence');
    expect(choices).toEqual(['name', 'code', 'gradeBand', 'students', 'frlPercent', 'new-indicator', 'new-indicator', `indicator:${chronic?.id}`, ...Array(6).fill('new-indicator')]);
  });

  it('makes readiness indicators of readiness columns, and need indicators where lower means more need', () => {
    const result = checkRoster(parsed, choices);
    expect(result.schools).toHaveLength(40);
    const { newIndicators } = importRecords(result, choices, parsed, bundle.plan.id, bundle.indicators, settings);
    expect(newIndicators.map((i) => `${i.name}: ${i.side}, ${i.direction}, ${i.range ? `${i.range.min}–${i.range.max}` : '-'}, weight ${i.weight}`)).toEqual([
      'English Learners %: need, higher-is-more, 0–100, weight 0',
      'Students with Disabilities %: need, higher-is-more, 0–100, weight 0',
      'ELA Proficient %: need, lower-is-more, 0–100, weight 0',
      'Math Proficient %: need, lower-is-more, 0–100, weight 0',
      'Principal Years at School: readiness, higher-is-more, -, weight 0',
      'Teacher Retention %: readiness, higher-is-more, 0–100, weight 0',
      'Staff Readiness Survey (1-5): readiness, higher-is-more, 1–5, weight 0',
      'Students per Device: readiness, lower-is-more, -, weight 0',
    ]);
  });

  it('takes the planner’s changes to a guess', () => {
    const survey = parsed.header.indexOf('Staff Readiness Survey (1-5)');
    const changed = { ...settings, [survey]: { side: 'need' as const, direction: 'lower-is-more' as const, range: { min: 0, max: 10 }, unit: '' } };
    const { newIndicators } = importRecords(checkRoster(parsed, choices), choices, parsed, bundle.plan.id, bundle.indicators, changed);
    expect(newIndicators.find((i) => i.name === 'Staff Readiness Survey (1-5)')).toMatchObject({ side: 'need', direction: 'lower-is-more', range: { min: 0, max: 10 } });
  });

  it('flags a value outside its stated range with its line, and a fix clears it', () => {
    const survey = parsed.header.indexOf('Staff Readiness Survey (1-5)');
    const fixes = { 5: { [survey]: '10' } };
    const result = checkRoster(parsed, choices, fixes);
    expect(rangeWarnings(result, choices, parsed, bundle.indicators, settings)).toEqual([
      { line: 5, index: survey, column: 'Staff Readiness Survey (1-5)', message: 'Line 5, Staff Readiness Survey (1-5): 10 is outside 1–5.' },
    ]);
    expect(rangeWarnings(checkRoster(parsed, choices), choices, parsed, bundle.indicators, settings)).toEqual([]);
    const noRange = { ...settings, [survey]: { ...settings[survey], range: null } } as typeof settings;
    expect(rangeWarnings(result, choices, parsed, bundle.indicators, noRange)).toEqual([]);
  });
});

describe('a roster row and the school it updates', () => {
  const school = { id: 's1', planId: 'p', order: 0, name: 'Adams Elementary', code: 'A-01', gradeBand: 'K-5', students: 400, frlPercent: 60, values: { i1: 3, i2: 5 }, waveId: 'w1' };
  const other = { ...school, id: 's2', name: 'Baker Middle', code: '' };
  const row = { name: 'Adams ES', code: ' a-01 ', gradeBand: '', students: 420, frlPercent: null, values: { i2: 7 }, waveId: null };

  it('finds a school by code ignoring case and spaces, or else by name', () => {
    const match = rosterMatcher([school, other]);
    expect(match(row)?.id).toBe('s1');
    expect(match({ name: ' baker middle', code: '' })?.id).toBe('s2');
    expect(match({ name: 'Adams Elementary', code: 'Z-99' })?.id).toBe('s1');
    expect(match({ name: 'Baker Middle', code: 'A-01' })?.id).toBe('s1');
    expect(match({ name: 'Cedar High', code: '' })).toBeUndefined();
  });

  it('changes only what the row gives, and keeps the school\'s wave and other values', () => {
    expect(rosterUpdate(school, row)).toEqual({ ...school, name: 'Adams ES', code: ' a-01 ', students: 420, values: { i1: 3, i2: 7 } });
  });
});
