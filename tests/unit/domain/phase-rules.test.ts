import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, format, parseISO } from 'date-fns';
import { nextPhaseDates, phaseDateProblem, phaseSpan, schoolYearLabel, schoolYearStart } from '../../../renderer/src/domain/phase-rules';
import { isoDateSchema } from '../../../renderer/src/domain/schemas';

const isoDate = fc.date({ min: new Date(2000, 0, 1), max: new Date(2060, 11, 31), noInvalidDate: true }).map((d) => format(d, 'yyyy-MM-dd'));

describe('phase dates', () => {
  it('requires a phase to end after it starts', () => {
    expect(phaseDateProblem('2027-08-01', '2028-07-31')).toBeNull();
    expect(phaseDateProblem('2027-08-01', '2027-08-01')).toEqual({ field: 'end', message: 'Must be after the start date (Aug 1, 2027).' });
    expect(phaseDateProblem('2027-08-01', '2026-01-15')?.field).toBe('end');
  });

  it('accepts exactly the pairs where the end is later', () => {
    fc.assert(fc.property(isoDate, isoDate, (start, end) => {
      expect(phaseDateProblem(start, end) === null).toBe(end > start);
    }));
  });

  it('places a new phase the day after the last one ends, a school year long', () => {
    expect(nextPhaseDates([{ end: '2028-07-31' }, { end: '2029-07-31' }], 8, new Date(2026, 10, 23))).toEqual({ start: '2029-08-01', end: '2030-07-31' });
    expect(nextPhaseDates([], 8, new Date(2026, 10, 23))).toEqual({ start: '2026-08-01', end: '2027-07-31' });
  });

  it('always gives a new phase valid dates after every existing phase', () => {
    fc.assert(fc.property(fc.array(isoDate, { maxLength: 8 }), fc.integer({ min: 1, max: 12 }), (ends, month) => {
      const { start, end } = nextPhaseDates(ends.map((e) => ({ end: e })), month, new Date(2026, 10, 23));
      expect(isoDateSchema.safeParse(start).success).toBe(true);
      expect(phaseDateProblem(start, end)).toBeNull();
      for (const e of ends) expect(start > e).toBe(true);
      if (ends.length > 0) expect(format(addDays(parseISO([...ends].sort().at(-1) ?? ''), 1), 'yyyy-MM-dd')).toBe(start);
    }));
  });

  it('names school years by the plan start month', () => {
    expect(schoolYearStart(new Date(2026, 10, 23), 8)).toEqual(new Date(2026, 7, 1));
    expect(schoolYearStart(new Date(2027, 2, 1), 8)).toEqual(new Date(2026, 7, 1));
    expect(schoolYearLabel(new Date(2027, 2, 1), 8)).toBe('2026–27');
    expect(schoolYearLabel(new Date(2027, 2, 1), 1)).toBe('2027');
  });
});

describe('dates in records', () => {
  it('accepts real calendar dates only', () => {
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2027-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2027-13-01').success).toBe(false);
    expect(isoDateSchema.safeParse('08/01/2027').success).toBe(false);
  });
});

describe('phaseSpan', () => {
  it('writes a phase span by month', () => {
    expect(phaseSpan({ start: '2026-08-01', end: '2027-07-31' })).toBe('Aug\u00a02026 – Jul\u00a02027');
    expect(phaseSpan({ start: 'soon', end: '2027-07-31' })).toBe('');
  });
});
