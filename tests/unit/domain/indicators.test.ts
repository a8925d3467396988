import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  equityGroup, guessIndicator, missingForPriority, missingSummary, missingText, outsideRange, parseRangeInput, rangeText, sameIndicatorName, schoolRangeWarnings,
} from '../../../renderer/src/domain/indicators';
import { parseCsv } from '../../../renderer/src/domain/roster-csv';

const sample = parseCsv(readFileSync(new URL('../../fixtures/riverside-unified-roster.csv', import.meta.url), 'utf8'));

describe('guessing what a new indicator measures from its name', () => {
  it('puts each of the Riverside sample’s extra columns on its side, with its direction and range', () => {
    const extra = sample.header.slice(5);
    expect(Object.fromEntries(extra.map((name) => {
      const g = guessIndicator(name);
      return [name, `${g.side}, ${g.direction}, ${g.range ? rangeText(g.range) : 'no range'}`];
    }))).toEqual({
      'English Learners %': 'need, higher-is-more, 0–100',
      'Students with Disabilities %': 'need, higher-is-more, 0–100',
      'Chronic Absenteeism %': 'need, higher-is-more, 0–100',
      'ELA Proficient %': 'need, lower-is-more, 0–100',
      'Math Proficient %': 'need, lower-is-more, 0–100',
      'Principal Years at School': 'readiness, higher-is-more, no range',
      'Teacher Retention %': 'readiness, higher-is-more, 0–100',
      'Staff Readiness Survey (1-5)': 'readiness, higher-is-more, 1–5',
      'Students per Device': 'readiness, lower-is-more, no range',
    });
  });

  it('gives a unit from the name: %, the stated range, or years', () => {
    expect(guessIndicator('Teacher Retention %').unit).toBe('%');
    expect(guessIndicator('Staff Readiness Survey (1-5)').unit).toBe('1–5');
    expect(guessIndicator('Principal Years at School').unit).toBe('years');
    expect(guessIndicator('Students per Device').unit).toBe('');
  });

  it('reads other common names, and leaves an unknown one as need, higher = more', () => {
    expect(guessIndicator('Attendance Rate')).toMatchObject({ side: 'need', direction: 'lower-is-more', range: { min: 0, max: 100 } });
    expect(guessIndicator('Achievement gap (points)')).toMatchObject({ side: 'need', direction: 'higher-is-more', range: null });
    expect(guessIndicator('Teacher turnover %')).toMatchObject({ side: 'readiness', direction: 'lower-is-more' });
    expect(guessIndicator('Leadership commitment (0 to 10)')).toMatchObject({ side: 'readiness', range: { min: 0, max: 10 } });
    expect(guessIndicator('Connectivity 1-4 scale')).toMatchObject({ side: 'readiness', range: { min: 1, max: 4 } });
    expect(guessIndicator('Suspensions per 100')).toMatchObject({ side: 'need', direction: 'higher-is-more' });
    expect(guessIndicator('2023-24 growth')).toEqual({ side: 'need', direction: 'higher-is-more', range: null, unit: '' });
  });

  it('names "Chronic Absenteeism %" and "Chronic absence" the same indicator', () => {
    expect(sameIndicatorName('Chronic Absenteeism %', 'Chronic absence')).toBe(true);
    expect(sameIndicatorName('Chronic Absenteeism %', 'Attendance')).toBe(false);
  });
});

describe('stated ranges', () => {
  it('reads a range as planners type it, and says what is wrong', () => {
    expect(parseRangeInput('1-5')).toEqual({ ok: true, value: { min: 1, max: 5 } });
    expect(parseRangeInput(' 0 – 100% ')).toEqual({ ok: true, value: { min: 0, max: 100 } });
    expect(parseRangeInput('0 to 1,000')).toEqual({ ok: true, value: { min: 0, max: 1000 } });
    expect(parseRangeInput('')).toEqual({ ok: true, value: null });
    expect(parseRangeInput('5-1')).toEqual({ ok: false, message: 'Range must run from a lower number to a higher one, like 1–5.' });
    expect(parseRangeInput('high')).toEqual({ ok: false, message: 'Range must be two numbers, lowest first, like 1–5 or 0–100.' });
  });

  it('flags values outside the range, in words naming the indicator', () => {
    const range = { min: 1, max: 5 };
    expect([0.5, 1, 5, 10, null].map((v) => outsideRange(v, range))).toEqual([true, false, false, true, false]);
    expect(outsideRange(10, null)).toBe(false);
    const indicators = [{ id: 'a', name: 'Staff Readiness Survey (1-5)', range }, { id: 'b', name: 'Teacher Retention %', range: { min: 0, max: 100 } }, { id: 'c', name: 'Students per Device', range: null }];
    expect(schoolRangeWarnings({ a: 10, b: 71, c: 40 }, indicators)).toEqual(['Staff Readiness Survey (1-5) is 10, outside 1–5']);
  });
});

describe('equity groups', () => {
  it('recognises the student groups a plan compares waves on, but not counts', () => {
    expect(['English Learners %', 'ELL', 'EL %', 'Students with Disabilities %', 'SWD', 'Special Education %', 'IEP share', 'Economically Disadvantaged %', 'Chronic Absenteeism %', '# ELL students', 'Staff Readiness Survey (1-5)'].map(equityGroup))
      .toEqual(['english-learners', 'english-learners', 'english-learners', 'disabilities', 'disabilities', 'disabilities', 'disabilities', 'low-income', null, null, null]);
  });
});

describe('what a priority is missing', () => {
  const indicators = [
    { id: 'frl', name: 'FRL share', side: 'need' as const, weight: 40 },
    { id: 'lead', name: 'Leadership commitment', side: 'readiness' as const, weight: 30 },
    { id: 'buy', name: 'Staff buy-in', side: 'readiness' as const, weight: 30 },
    { id: 'survey', name: 'Staff Readiness Survey (1-5)', side: 'readiness' as const, weight: 0 },
  ];

  it('names the side and the weighted indicators without values, and the values that weigh 0', () => {
    const missing = missingForPriority(indicators, { frl: 60, survey: 3.9 }, 75);
    expect(missing).toEqual([{ side: 'readiness', missing: ['Leadership commitment', 'Staff buy-in'], unweighted: ['Staff Readiness Survey (1-5)'] }]);
    expect(missingText(missing)).toBe('Missing readiness');
    expect(missingForPriority(indicators, { frl: 60, survey: 3.9 }, 0)).toEqual([]);
    expect(missingText(missingForPriority(indicators, {}, 50))).toBe('Missing need and readiness');
    expect(missingForPriority(indicators, { frl: 60, lead: 4 }, 75)).toEqual([]);
  });

  it('counts every indicator when a side weighs nothing, and a side with none at all', () => {
    const flat = indicators.map((i) => ({ ...i, weight: 0 }));
    expect(missingForPriority(flat, { frl: 60, survey: 3 }, 75)).toEqual([]);
    expect(missingForPriority(indicators.slice(0, 1), { frl: 60 }, 75)).toEqual([{ side: 'readiness', missing: [], unweighted: [] }]);
  });

  it('puts schools together per side', () => {
    const one = missingForPriority(indicators, { frl: 60, survey: 3.9 }, 75);
    const two = missingForPriority(indicators, {}, 75);
    expect(missingSummary([one, two, []])).toEqual([
      { side: 'need', missing: ['FRL share'], unweighted: [], schools: 1 },
      { side: 'readiness', missing: ['Leadership commitment', 'Staff buy-in'], unweighted: ['Staff Readiness Survey (1-5)'], schools: 2 },
    ]);
  });
});
