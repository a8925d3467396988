import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  budgetWarnings, charges, coveredPhaseIds, fiscalCliffs, fiscalYearOf, formatMoney, isGrantType, lastObligationDay, lineMultiplier, parseMoney, schoolYearsOf, staffYearCents, totals,
  type Allocation, type BudgetPhase, type FundingSource,
} from '../../../renderer/src/domain/budget';
import { MONEY_MAX_CENTS } from '../../../renderer/src/domain/schemas';

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
        pickups: [], uncoveredCents: 3_000_000, resolved: false,
        message: 'ESSER III ends Sep 30, 2024, but $30,000 a year of recurring costs it pays for continue. FY2025 is the first fiscal year without it.',
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

// ——— The leader's plan: a $1.2M grant ending June 30 of the pilot's second year ———

describe('recurring lines over phases', () => {
  const ids = phases.map((p) => p.id);

  it('covers its own phase, and through a later phase when it is recurring', () => {
    expect(coveredPhaseIds({ phaseId: 'p1', recurrence: 'ongoing', untilPhaseId: 'p3' }, ids)).toEqual(['p1', 'p2', 'p3']);
    expect(coveredPhaseIds({ phaseId: 'p2', recurrence: 'ongoing', untilPhaseId: null }, ids)).toEqual(['p2']);
    expect(coveredPhaseIds({ phaseId: 'p1', recurrence: 'one-time', untilPhaseId: 'p3' }, ids)).toEqual(['p1']);
    // An end before the line's own phase, or not in the plan, is its own phase only.
    expect(coveredPhaseIds({ phaseId: 'p2', recurrence: 'ongoing', untilPhaseId: 'p1' }, ids)).toEqual(['p2']);
    expect(coveredPhaseIds({ phaseId: 'p1', recurrence: 'ongoing', untilPhaseId: 'gone' }, ids)).toEqual(['p1']);
    expect(coveredPhaseIds({ phaseId: 'gone', recurrence: 'ongoing', untilPhaseId: 'p3' }, ids)).toEqual([]);
  });

  it('charges a continued line in every school year of every phase it covers, and counts it there in the totals', () => {
    const coach = alloc({ phaseId: 'p1', amount: 47_500_000, recurrence: 'ongoing', untilPhaseId: 'p2' });
    const list = charges([coach], phases);
    expect(list.map((c) => [c.phaseId, c.date, c.continued])).toEqual([
      ['p1', '2022-08-01', false], ['p2', '2023-08-01', true], ['p2', '2024-08-01', true],
    ]);
    const t = totals([coach], phases);
    expect(t.byPhase).toEqual({ p1: 47_500_000, p2: 95_000_000, p3: 0 });
    expect(t.totalCents).toBe(142_500_000);
    expect(t.byFiscalYear.map((y) => y.year)).toEqual([2023, 2024, 2025]);
  });

  it('counts continued staff, devices and hours in each phase they cover', () => {
    const t = totals([alloc({ phaseId: 'p1', kind: 'staff-fte', amount: 5, recurrence: 'ongoing', untilPhaseId: 'p3' })], phases);
    expect([t.unitsByPhase.p1?.['staff-fte'], t.unitsByPhase.p2?.['staff-fte'], t.unitsByPhase.p3?.['staff-fte']]).toEqual([5, 5, 5]);
  });
});

describe('staff lines: money follows from FTE × cost per FTE', () => {
  it('works out a year of staff, rising by the yearly increase', () => {
    expect(staffYearCents(5, { perFteCents: 9_500_000, yearlyIncreasePercent: 0 }, 3)).toBe(47_500_000);
    expect(staffYearCents(5, { perFteCents: 9_500_000, yearlyIncreasePercent: 3 }, 0)).toBe(47_500_000);
    expect(staffYearCents(5, { perFteCents: 9_500_000, yearlyIncreasePercent: 3 }, 1)).toBe(48_925_000);
    expect(staffYearCents(5, { perFteCents: 9_500_000, yearlyIncreasePercent: 3 }, 2)).toBe(50_392_750);
    expect(staffYearCents(1.5, { perFteCents: 3_333_333, yearlyIncreasePercent: 0 }, 0)).toBe(5_000_000); // rounded to the cent
    // A mistyped cost compounding for years stays within the largest amount the app accepts.
    expect(staffYearCents(936, { perFteCents: 774_102_939, yearlyIncreasePercent: 43 }, 14)).toBe(MONEY_MAX_CENTS);
  });

  it('charges a recurring staff line every school year, rising, through the phases it covers', () => {
    const coaches = alloc({ phaseId: 'p1', kind: 'staff-fte', amount: 5, recurrence: 'ongoing', untilPhaseId: 'p2', sourceId: 'esser', staffCost: { perFteCents: 9_500_000, yearlyIncreasePercent: 3 } });
    const list = charges([coaches], phases);
    expect(list.map((c) => [c.phaseId, c.cents, c.from, c.yearIndex])).toEqual([
      ['p1', 47_500_000, 'staff', 0], ['p2', 48_925_000, 'staff', 1], ['p2', 50_392_750, 'staff', 2],
    ]);
    const t = totals([coaches], phases);
    expect(t.byPhase).toEqual({ p1: 47_500_000, p2: 99_317_750, p3: 0 });
    expect(t.staffByPhase).toEqual(t.byPhase);
    expect(t.staffCents).toBe(t.totalCents);
    expect(t.bySource).toEqual([{ sourceId: 'esser', cents: 146_817_750 }]);
    // The FTE stay a yearly level.
    expect(t.unitsByPhase.p2?.['staff-fte']).toBe(5);
  });

  it('charges a one-time staff line for one year, and a staff line without a cost nothing', () => {
    const once = alloc({ phaseId: 'p2', kind: 'staff-fte', amount: 2, staffCost: { perFteCents: 10_000_000, yearlyIncreasePercent: 5 } });
    expect(charges([once], phases).map((c) => [c.date, c.cents])).toEqual([['2023-08-01', 20_000_000]]);
    expect(charges([alloc({ phaseId: 'p2', kind: 'staff-fte', amount: 2, recurrence: 'ongoing' })], phases)).toEqual([]);
  });
});

describe('lines for each school of a wave', () => {
  const wave = { kind: 'wave' as const, waveId: 'w1' };
  const schoolsByWave = { w1: 5, w2: 15 };

  it('multiplies by the wave’s school count only when the line goes to each school', () => {
    expect(lineMultiplier({ recipient: wave, perSchool: true }, schoolsByWave)).toBe(5);
    expect(lineMultiplier({ recipient: wave, perSchool: false }, schoolsByWave)).toBe(1);
    expect(lineMultiplier({ recipient: { kind: 'wave', waveId: 'w9' }, perSchool: true }, schoolsByWave)).toBe(0);
    expect(lineMultiplier({ recipient: { kind: 'central' }, perSchool: true }, schoolsByWave)).toBe(1);
  });

  it('counts $400,000 for each of 5 schools as $2,000,000, in money, units and staff cost', () => {
    const lines = [
      alloc({ phaseId: 'p1', recipient: wave, amount: 40_000_000, perSchool: true }),
      alloc({ phaseId: 'p1', recipient: wave, amount: 40_000_000, perSchool: false }),
      alloc({ phaseId: 'p1', recipient: wave, kind: 'devices', amount: 30, perSchool: true }),
      alloc({ phaseId: 'p2', recipient: wave, kind: 'staff-fte', amount: 1, perSchool: true, staffCost: { perFteCents: 8_000_000, yearlyIncreasePercent: 0 } }),
    ];
    const t = totals(lines, phases, { schoolsByWave });
    expect(t.byPhase.p1).toBe(240_000_000);
    expect(t.unitsByPhase.p1?.devices).toBe(150);
    expect(t.byPhase.p2).toBe(40_000_000);
    expect(t.unitsByPhase.p2?.['staff-fte']).toBe(5);
    // Without school counts the wave has no schools: nothing goes to each of them.
    expect(totals(lines, phases).byPhase.p1).toBe(40_000_000);
  });

  it('works the charges out again when the school counts change', () => {
    const lines = [alloc({ recipient: wave, amount: 100, perSchool: true })];
    expect(charges(lines, phases, { schoolsByWave })[0]?.cents).toBe(500);
    expect(charges(lines, phases, { schoolsByWave: { w1: 6 } })[0]?.cents).toBe(600);
  });
});

describe('fiscal cliffs and who picks them up', () => {
  // Pilot Aug 2027 – Jul 2029 (two school years), Expand, then Scale; the grant must be spent by June 30 of the pilot's second year.
  const pilot2: BudgetPhase = { id: 'pilot', name: 'Pilot', start: '2027-08-01', end: '2029-07-31' };
  const expand2: BudgetPhase = { id: 'expand', name: 'Expand', start: '2029-08-01', end: '2030-07-31' };
  const scale2: BudgetPhase = { id: 'scale', name: 'Scale', start: '2030-08-01', end: '2031-07-31' };
  const plan = [pilot2, expand2, scale2];
  const grant: FundingSource = { id: 'g', name: 'Federal innovation grant', amountCents: 120_000_000, start: '2027-07-01', end: '2029-06-30', type: 'federal-grant', obligateBy: null };
  const coaches = (over: Partial<Allocation> = {}) => alloc({ phaseId: 'pilot', amount: 47_500_000, recurrence: 'ongoing', sourceId: 'g', ...over });

  it('warns about a recurring cost the grant pays when nothing picks it up, at the spend-by date', () => {
    const [cliff] = fiscalCliffs([grant], [coaches()], plan);
    expect(cliff).toMatchObject({ year: 2030, ongoingCents: 47_500_000, uncoveredCents: 47_500_000, resolved: false, pickups: [] });
    expect(cliff?.message).toBe('Federal innovation grant must be spent by Jun 30, 2029, but $475,000 a year of recurring costs it pays for continue. FY2030 is the first fiscal year without it.');
  });

  it('is covered when the district budget picks up the same cost from the cliff year, and says who picks it up', () => {
    const district = alloc({ phaseId: 'expand', amount: 47_500_000, recurrence: 'ongoing', sourceId: null, untilPhaseId: 'scale' });
    const warnings = budgetWarnings([grant], [coaches(), district], plan);
    expect(warnings).toEqual([{
      kind: 'cliff', sourceId: 'g', year: 2030, ongoingCents: 47_500_000, uncoveredCents: 0, resolved: true,
      pickups: [{ sourceId: null, cents: 47_500_000, year: 2030 }],
      message: 'Federal innovation grant must be spent by Jun 30, 2029. District budget picks up $475,000 a year from FY2030: the $475,000 a year of recurring costs it paid for are covered.',
    }]);
  });

  it('says what is still uncovered after a partial pick-up, and names another source that picks up', () => {
    const levy: FundingSource = { id: 'levy', name: 'Local levy', amountCents: 1e10, start: '2029-07-01', end: '2035-06-30', type: 'local', obligateBy: null };
    const part = alloc({ phaseId: 'expand', amount: 30_000_000, recurrence: 'ongoing', sourceId: 'levy' });
    const [cliff] = fiscalCliffs([grant, levy], [coaches(), part], plan);
    expect(cliff).toMatchObject({ resolved: false, uncoveredCents: 17_500_000, pickups: [{ sourceId: 'levy', cents: 30_000_000, year: 2030 }] });
    expect(cliff?.message).toBe('Federal innovation grant must be spent by Jun 30, 2029, but $475,000 a year of recurring costs it pays for continue. Local levy picks up $300,000 a year from FY2030; $175,000 a year is still uncovered. FY2030 is the first fiscal year without it.');
  });

  it('only counts the same cost: the same recipient and kind, and the area when the cost has one', () => {
    const elsewhere = alloc({ phaseId: 'expand', amount: 47_500_000, recurrence: 'ongoing', recipient: { kind: 'wave', waveId: 'w1' } });
    const oneTime = alloc({ phaseId: 'expand', amount: 47_500_000 });
    expect(fiscalCliffs([grant], [coaches(), elsewhere, oneTime], plan)[0]).toMatchObject({ resolved: false, pickups: [] });
    const coaching = coaches({ areaId: 'coaching' });
    expect(fiscalCliffs([grant], [coaching, alloc({ phaseId: 'expand', amount: 47_500_000, recurrence: 'ongoing', areaId: 'devices' })], plan)[0]).toMatchObject({ resolved: false });
    expect(fiscalCliffs([grant], [coaching, alloc({ phaseId: 'expand', amount: 47_500_000, recurrence: 'ongoing', areaId: 'coaching' })], plan)[0]).toMatchObject({ resolved: true });
  });

  it('leaves the cliff year uncovered when the pick-up starts a year later', () => {
    const late = alloc({ phaseId: 'scale', amount: 47_500_000, recurrence: 'ongoing' });
    const [cliff] = fiscalCliffs([grant], [coaches(), late], plan);
    expect(cliff).toMatchObject({ resolved: false, uncoveredCents: 47_500_000, pickups: [{ sourceId: null, cents: 47_500_000, year: 2031 }] });
  });

  it('counts a staff cost at what it would cost in the first year without the grant', () => {
    const staff = coaches({ kind: 'staff-fte', amount: 5, staffCost: { perFteCents: 9_500_000, yearlyIncreasePercent: 2 } });
    // Two school years paid by the grant (year 0 and 1): the cliff year is year 2.
    const [cliff] = fiscalCliffs([grant], [staff], plan);
    expect(cliff?.ongoingCents).toBe(staffYearCents(5, { perFteCents: 9_500_000, yearlyIncreasePercent: 2 }, 2));
    const pickUp = alloc({ phaseId: 'expand', kind: 'staff-fte', amount: 5, recurrence: 'ongoing', staffCost: { perFteCents: 9_500_000, yearlyIncreasePercent: 0 } });
    expect(fiscalCliffs([grant], [staff, pickUp], plan)[0]).toMatchObject({ resolved: false, uncoveredCents: (cliff?.ongoingCents ?? 0) - 47_500_000 });
  });

  it('takes the latest phase’s lines for a cost typed again in each phase', () => {
    const first = coaches({ amount: 40_000_000 });
    const second = coaches({ phaseId: 'p-2', amount: 47_500_000 });
    const twoPhases: BudgetPhase[] = [{ ...pilot2, end: '2028-07-31' }, { id: 'p-2', name: 'Pilot year 2', start: '2028-08-01', end: '2029-07-31' }, expand2];
    expect(fiscalCliffs([grant], [first, second], twoPhases)[0]?.ongoingCents).toBe(47_500_000);
  });
});

describe('obligate-by dates', () => {
  const titleIV: FundingSource = { id: 't4', name: 'Title IV-A', amountCents: 1e10, start: '2021-07-01', end: '2024-09-30', type: 'federal-formula', obligateBy: '2023-09-30' };

  it('only grants have one, and it must come before the spend-by date to count', () => {
    expect(isGrantType('federal-formula')).toBe(true);
    expect(isGrantType('state-grant')).toBe(true);
    expect(isGrantType('local')).toBe(false);
    expect(lastObligationDay(titleIV)).toBe('2023-09-30');
    expect(lastObligationDay({ ...titleIV, type: 'local' })).toBe('2024-09-30');
    expect(lastObligationDay({ ...titleIV, obligateBy: null })).toBe('2024-09-30');
  });

  it('warns about money obligated after the obligate-by date, saying which date', () => {
    // Expand starts Aug 1, 2023 (before Sep 30, 2023); its second school year starts Aug 1, 2024: too late to obligate.
    const warnings = budgetWarnings([titleIV], [alloc({ phaseId: 'p2', amount: 1_000_000, recurrence: 'ongoing', sourceId: 't4' })], [pilot, expand]);
    expect(warnings.filter((w) => w.kind === 'over-budget')).toEqual([{
      kind: 'over-budget', phaseId: 'p2', sourceId: 't4', overCents: 1_000_000,
      message: 'Expand spends $10,000 from Title IV-A obligated after its obligate-by date, Sep 30, 2023.',
    }]);
  });

  it('names both problems when money falls after the obligate-by date and after the spend-by date', () => {
    const warnings = budgetWarnings([titleIV], [alloc({ phaseId: 'p2', amount: 1_000_000, recurrence: 'ongoing', sourceId: 't4', untilPhaseId: 'p3' })], phases);
    const over = warnings.find((w) => w.kind === 'over-budget' && w.phaseId === 'p3');
    expect(over?.message).toBe('Sustain spends $20,000 from Title IV-A outside the dates it covers (Jul 1, 2021 – Sep 30, 2024).');
    const both = budgetWarnings([{ ...titleIV, amountCents: 0 }], [alloc({ phaseId: 'p2', amount: 1_000_000, recurrence: 'ongoing', sourceId: 't4' })], [pilot, expand]);
    expect(both[0]?.message).toBe('Expand spends $20,000 more from Title IV-A than it holds, including $10,000 obligated after its obligate-by date, Sep 30, 2023.');
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
    until: fc.option(fc.nat(5), { nil: null }),
    wave: fc.boolean(),
    perSchool: fc.boolean(),
    staffCost: fc.option(fc.record({ perFteCents: fc.integer({ min: 0, max: 1e9 }), yearlyIncreasePercent: fc.integer({ min: 0, max: 50 }) }), { nil: null }),
  }), { maxLength: 12 }),
  students: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
  schoolStart: fc.integer({ min: 1, max: 12 }),
  fiscalStart: fc.integer({ min: 1, max: 12 }),
}).map(({ phases: ps, allocations, students, schoolStart, fiscalStart }) => ({
  phases: ps.map(([start, end], i): BudgetPhase => ({ id: `p${i}`, name: `Phase ${i}`, start, end })),
  allocations: allocations.map((a, i): Allocation => ({
    id: `a${i}`, phaseId: `p${a.phase}`, recipient: a.wave ? { kind: 'wave', waveId: 'w' } : { kind: 'central' }, sourceId: a.source === null ? null : `s${a.source}`,
    kind: a.kind, amount: a.kind === 'money' ? a.amount : a.amount % 1000, recurrence: a.recurrence, flexible: false,
    untilPhaseId: a.until === null ? null : `p${a.until}`, perSchool: a.perSchool, staffCost: a.kind === 'staff-fte' ? a.staffCost : null,
  })),
  studentsByPhase: Object.fromEntries(students.map((s, i) => [`p${i}`, s])),
  settings: { schoolYearStartMonth: schoolStart, fiscalStartMonth: fiscalStart, schoolsByWave: { w: 3 } },
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
      expect(sum(Object.values(t.staffByPhase))).toBe(t.staffCents);
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
