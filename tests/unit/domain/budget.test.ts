import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  budgetWarnings, charges, fiscalYearOf, formatMoney, parseMoney, schoolYearsOf, totals,
  type Allocation, type BudgetPhase, type FundingSource,
} from '../../../renderer/src/domain/budget';

const pilot: BudgetPhase = { id: 'p1', name: 'Pilot', start: '2022-08-01', end: '2023-07-31' };
const expand: BudgetPhase = { id: 'p2', name: 'Expand', start: '2023-08-01', end: '2025-07-31' };
const sustain: BudgetPhase = { id: 'p3', name: 'Sustain', start: '2025-08-01', end: '2027-07-31' };
const phases = [pilot, expand, sustain];
const esser: FundingSource = { id: 'esser', name: 'ESSER III', amountCents: 50_000_000, start: '2021-03-11', end: '2024-09-30' };

let n = 0;
const alloc = (over: Partial<Allocation>): Allocation => ({
  id: `a${++n}`, phaseId: 'p1', recipient: { kind: 'central' }, sourceId: null, kind: 'money', amount: 0, recurrence: 'one-time', flexible: false, ...over,
});

describe('parseMoney', () => {
  it('reads the usual ways of writing dollars', () => {
    expect(parseMoney('$1,250.50')).toBe(125050);
    expect(parseMoney('1250')).toBe(125000);
    expect(parseMoney('1250.5')).toBe(125050);
    expect(parseMoney(' $ 1 250 ')).toBe(125000);
    expect(parseMoney('1,250,000')).toBe(125_000_000);
    expect(parseMoney('1.250.000')).toBe(125_000_000);
    expect(parseMoney('.75')).toBe(75);
    expect(parseMoney('0')).toBe(0);
  });
  it('reads a decimal comma', () => {
    expect(parseMoney('1 250,50')).toBe(125050);
    expect(parseMoney('1.250,50')).toBe(125050);
    expect(parseMoney('12,5')).toBe(1250);
  });
  it('returns null for an empty field', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('   ')).toBeNull();
  });
  it('explains what it cannot read', () => {
    for (const text of ['-5', '$-5', '(5)', 'abc', '$', '1.250', '12.345', '1,25,0', '12,', '1e5', '99999999999999999', '90071992547409.92']) {
      expect(parseMoney(text), text).toHaveProperty('error');
    }
  });
});

describe('formatMoney', () => {
  it('writes dollars with separators', () => {
    expect(formatMoney(125050)).toBe('$1,250.50');
    expect(formatMoney(12_000_000)).toBe('$120,000');
    expect(formatMoney(12_000_000, { alwaysCents: true })).toBe('$120,000.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(-4000)).toBe('-$40');
  });
  it('round-trips through parseMoney', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (c, alwaysCents) => {
      expect(parseMoney(formatMoney(c, { alwaysCents }))).toBe(c);
    }));
  });
});

describe('calendar', () => {
  it('names fiscal years by the year they end in', () => {
    expect(fiscalYearOf('2024-06-30')).toBe(2024);
    expect(fiscalYearOf('2024-07-01')).toBe(2025);
    expect(fiscalYearOf('2024-10-01', 10)).toBe(2025);
    expect(fiscalYearOf('2024-12-31', 1)).toBe(2024);
    expect(fiscalYearOf(new Date(2024, 0, 15))).toBe(2024);
  });
  it('lists the school years a phase pays for', () => {
    expect(schoolYearsOf(expand, 8).map((y) => y.label)).toEqual(['2023–24', '2024–25']);
    expect(schoolYearsOf(pilot, 8)).toEqual([{ label: '2022–23', start: '2022-08-01', end: '2023-07-31' }]);
    // A September start year: the August days of a phase only make a year when long enough.
    expect(schoolYearsOf({ start: '2026-08-20', end: '2027-08-31' }, 9).map((y) => y.label)).toEqual(['2026–27']);
    expect(schoolYearsOf({ start: '2026-01-01', end: '2026-06-30' }, 8).map((y) => y.label)).toEqual(['2025–26']);
    expect(schoolYearsOf({ start: '2026-01-01', end: '2026-12-31' }, 1).map((y) => y.label)).toEqual(['2026']);
    // Even a very short phase pays for the year it starts in.
    expect(schoolYearsOf({ start: '2026-07-20', end: '2026-08-05' }, 8).map((y) => y.label)).toEqual(['2025–26']);
  });
});

describe('totals', () => {
  const allocations = [
    alloc({ phaseId: 'p1', amount: 10_000_000, recurrence: 'one-time', sourceId: 'esser' }), // devices bought at pilot start
    alloc({ phaseId: 'p2', amount: 3_000_000, recurrence: 'ongoing', sourceId: 'esser' }), // licenses, 2 school years
    alloc({ phaseId: 'p3', amount: 1_000_000, recurrence: 'ongoing' }),
    alloc({ phaseId: 'p2', kind: 'staff-fte', amount: 1.5, recurrence: 'ongoing' }),
    alloc({ phaseId: 'p2', kind: 'devices', amount: 300 }),
    alloc({ phaseId: 'p3', kind: 'training-hours', amount: 40, recipient: { kind: 'school', schoolId: 's1' } }),
    alloc({ phaseId: 'gone', amount: 999 }),
  ];
  const t = totals(allocations, phases, { studentsByPhase: { p1: 3, p2: 1200 }, schoolYearStartMonth: 8 });

  it('counts ongoing money once per school year and one-time money once', () => {
    expect(t.byPhase).toEqual({ p1: 10_000_000, p2: 6_000_000, p3: 2_000_000 });
    expect(t.totalCents).toBe(18_000_000);
    expect(t.bySource).toEqual([{ sourceId: 'esser', cents: 16_000_000 }, { sourceId: null, cents: 2_000_000 }]);
  });
  it('groups money by fiscal year', () => {
    expect(t.byFiscalYear).toEqual([
      { year: 2023, cents: 10_000_000 }, { year: 2024, cents: 3_000_000 }, { year: 2025, cents: 3_000_000 },
      { year: 2026, cents: 1_000_000 }, { year: 2027, cents: 1_000_000 },
    ]);
  });
  it('divides per student, rounding half up, and leaves phases without students empty', () => {
    expect(t.perStudentByPhase).toEqual({ p1: 3_333_333, p2: 5000, p3: null });
    expect(totals([alloc({ amount: 5 })], [pilot], { studentsByPhase: { p1: 2 } }).perStudentByPhase.p1).toBe(3); // 2.5 → 3
    expect(totals([alloc({ amount: 7 })], [pilot], { studentsByPhase: { p1: 2 } }).perStudentByPhase.p1).toBe(4); // 3.5 → 4
  });
  it('adds up staff, devices and training hours', () => {
    expect(t.unitsByPhase.p2).toEqual({ 'staff-fte': 1.5, devices: 300, 'training-hours': 0 });
    expect(t.units).toEqual({ 'staff-fte': 1.5, devices: 300, 'training-hours': 40 });
  });
  it('dates ongoing charges from the phase start when it starts mid-year', () => {
    const late: BudgetPhase = { id: 'x', name: 'Late', start: '2026-01-15', end: '2027-07-31' };
    expect(charges([alloc({ phaseId: 'x', amount: 100, recurrence: 'ongoing' })], [late]).map((c) => [c.date, c.fiscalYear]))
      .toEqual([['2026-01-15', 2026], ['2026-08-01', 2027]]);
  });
  it('puts charges in date order, and works them out once for the same lines, phases and calendar', () => {
    const lines = [alloc({ phaseId: 'p3', amount: 1 }), alloc({ phaseId: 'p1', amount: 2, recurrence: 'ongoing' }), alloc({ phaseId: 'p2', amount: 3 })];
    const first = charges(lines, phases);
    expect(first.map((c) => c.date)).toEqual([...first.map((c) => c.date)].sort());
    expect(first.map((c) => c.cents)).toEqual([2, 3, 1]);
    expect(charges(lines, phases)).toBe(first);
    expect(charges(lines, phases, { fiscalStartMonth: 1 })).not.toBe(first);
    expect(charges([...lines], phases)).toEqual(first);
  });
});

describe('budgetWarnings', () => {
  it('warns when a phase spends more than the source has left', () => {
    const small = { ...esser, amountCents: 12_000_000 };
    const warnings = budgetWarnings([small], [
      alloc({ phaseId: 'p1', amount: 10_000_000, sourceId: 'esser' }),
      alloc({ phaseId: 'p2', amount: 14_000_000, sourceId: 'esser' }),
    ], phases);
    expect(warnings).toEqual([{
      kind: 'over-budget', phaseId: 'p2', sourceId: 'esser', overCents: 12_000_000,
      message: 'Expand spends $120,000 more from ESSER III than it holds.',
    }]);
  });

  it('counts spending outside the source dates as unfunded, and flags the cliff', () => {
    const warnings = budgetWarnings([esser], [
      alloc({ phaseId: 'p2', amount: 3_000_000, recurrence: 'ongoing', sourceId: 'esser' }),
      alloc({ phaseId: 'p3', amount: 500_000, recurrence: 'one-time', sourceId: 'esser' }),
    ], phases);
    expect(warnings).toEqual([
      {
        kind: 'over-budget', phaseId: 'p3', sourceId: 'esser', overCents: 500_000,
        message: 'Sustain spends $5,000 from ESSER III outside the dates it covers (Mar 11, 2021 – Sep 30, 2024).',
      },
      {
        kind: 'cliff', sourceId: 'esser', year: 2025, ongoingCents: 3_000_000,
        message: 'ESSER III ends Sep 30, 2024, but $30,000 a year of ongoing costs it pays for continue. FY2025 is the first fiscal year without it.',
      },
    ]);
  });

  it('names the next fiscal year as the cliff when a source ends with its fiscal year', () => {
    const grant = { ...esser, end: '2025-06-30' };
    const [cliff] = budgetWarnings([grant], [alloc({ phaseId: 'p2', amount: 100, recurrence: 'ongoing', sourceId: 'esser' })], phases);
    expect(cliff).toMatchObject({ kind: 'cliff', year: 2026, ongoingCents: 100 });
  });

  it('has no cliff for one-time costs, or when the plan ends with the funding', () => {
    expect(budgetWarnings([esser], [alloc({ phaseId: 'p1', amount: 100, sourceId: 'esser' })], phases)).toEqual([]);
    expect(budgetWarnings([esser], [alloc({ phaseId: 'p1', amount: 100, recurrence: 'ongoing', sourceId: 'esser' })], [pilot])).toEqual([]);
  });

  it('ignores the district budget and unknown sources', () => {
    expect(budgetWarnings([esser], [alloc({ phaseId: 'p3', amount: 1e12, recurrence: 'ongoing' }), alloc({ phaseId: 'p3', amount: 5, sourceId: 'nope' })], phases)).toEqual([]);
  });
});

// ——— properties ———

const isoDay = fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true })
  .map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
const phaseArb = fc.tuple(isoDay, isoDay).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
const planArb = fc.record({
  phases: fc.array(phaseArb, { minLength: 1, maxLength: 4 }),
  allocations: fc.array(fc.record({
    phase: fc.nat(5),
    source: fc.option(fc.nat(2), { nil: null }),
    kind: fc.constantFrom<Allocation['kind']>('money', 'money', 'staff-fte', 'devices', 'training-hours'),
    amount: fc.integer({ min: 0, max: 1e11 }),
    recurrence: fc.constantFrom<Allocation['recurrence']>('one-time', 'ongoing'),
  }), { maxLength: 12 }),
  students: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
  schoolStart: fc.integer({ min: 1, max: 12 }),
  fiscalStart: fc.integer({ min: 1, max: 12 }),
}).map(({ phases: ps, allocations, students, schoolStart, fiscalStart }) => ({
  phases: ps.map(([start, end], i): BudgetPhase => ({ id: `p${i}`, name: `Phase ${i}`, start, end })),
  allocations: allocations.map((a, i): Allocation => ({
    id: `a${i}`, phaseId: `p${a.phase}`, recipient: { kind: 'central' }, sourceId: a.source === null ? null : `s${a.source}`,
    kind: a.kind, amount: a.amount, recurrence: a.recurrence, flexible: false,
  })),
  studentsByPhase: Object.fromEntries(students.map((s, i) => [`p${i}`, s])),
  settings: { schoolYearStartMonth: schoolStart, fiscalStartMonth: fiscalStart },
}));

describe('budget properties', () => {
  it('phase totals, source totals and fiscal-year totals all sum to the grand total, in integer cents', () => {
    fc.assert(fc.property(planArb, ({ phases: ps, allocations, studentsByPhase, settings }) => {
      const t = totals(allocations, ps, { studentsByPhase, ...settings });
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(Object.values(t.byPhase))).toBe(t.totalCents);
      expect(sum(t.bySource.map((s) => s.cents))).toBe(t.totalCents);
      expect(sum(t.byFiscalYear.map((y) => y.cents))).toBe(t.totalCents);
      const all = [t.totalCents, ...Object.values(t.byPhase), ...t.bySource.map((s) => s.cents), ...t.byFiscalYear.map((y) => y.cents),
        ...Object.values(t.perStudentByPhase).filter((v): v is number => v !== null)];
      for (const v of all) expect(Number.isSafeInteger(v)).toBe(true);
    }));
  });

  it('raises no warnings when every source is large and open-ended', () => {
    fc.assert(fc.property(planArb, ({ phases: ps, allocations, settings }) => {
      const sources: FundingSource[] = [0, 1, 2].map((i) => ({ id: `s${i}`, name: `Source ${i}`, amountCents: Number.MAX_SAFE_INTEGER, start: '1900-01-01', end: '9999-12-31' }));
      expect(budgetWarnings(sources, allocations, ps, settings)).toEqual([]);
    }));
  });

  it('over-budget amounts are positive integers that never exceed what the phase spends from the source', () => {
    fc.assert(fc.property(planArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 1e11 }), phaseArb), { minLength: 3, maxLength: 3 }), ({ phases: ps, allocations, settings }, raw) => {
      const sources = raw.map(([amountCents, [start, end]], i): FundingSource => ({ id: `s${i}`, name: `Source ${i}`, amountCents, start, end }));
      const spent = charges(allocations, ps, settings);
      for (const w of budgetWarnings(sources, allocations, ps, settings)) {
        if (w.kind !== 'over-budget') continue;
        const phaseSpend = spent.filter((c) => c.phaseId === w.phaseId && c.sourceId === w.sourceId).reduce((a, c) => a + c.cents, 0);
        expect(Number.isSafeInteger(w.overCents) && w.overCents > 0 && w.overCents <= phaseSpend).toBe(true);
      }
    }));
  });
});
