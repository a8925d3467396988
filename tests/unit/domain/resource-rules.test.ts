import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, totals } from '../../../renderer/src/domain/budget';
import {
  cellWrite, clearsCell, sameRecipient,
  amountText, cellLines, convertAmount, DISTRICT_BUDGET, fiscalYearBreakdown, fiscalYearSpan, formatAmount, fundingDatesProblem, fundingEndLabel, gridCellKey, gridCells, gridTotals, hasOwnLines, lineAmountText, lineTotal,
  obligateByProblem, schoolsByWave,
  parseAmount, recipientKey, recipientRows, schoolYearsByPhase, sourceName, stanceContradictions, stanceFit, stanceFitText, stanceOf, studentsByPhase, UNITS_MAX,
} from '../../../renderer/src/domain/resource-rules';
import { ALLOCATION_KINDS, MONEY_MAX_CENTS, type AllocationRow, type RecipientValue, type Stance } from '../../../renderer/src/domain/schemas';

const PLAN = '00000000-0000-4000-8000-000000000000';
const phases = [
  { id: 'p1', name: 'Pilot', order: 0, start: '2027-08-01', end: '2028-07-31' },
  { id: 'p2', name: 'Expand', order: 1, start: '2028-08-01', end: '2030-07-31' },
  { id: 'p3', name: 'Scale', order: 2, start: '2030-08-01', end: '2031-07-31' },
];
const waves = [
  { id: 'w1', name: 'Wave 1', phaseId: 'p1' },
  { id: 'w2', name: 'Wave 2', phaseId: 'p2' },
  { id: 'w3', name: 'Wave 3', phaseId: null },
];
const schools = [
  { id: 's1', name: 'Adams Elementary', waveId: 'w1', students: 400 },
  { id: 's2', name: 'Baker Middle', waveId: 'w2', students: 700 },
  { id: 's3', name: 'Cedar High', waveId: 'w3', students: 1_200 },
  { id: 's4', name: 'Dunmore Academy', waveId: null, students: 1 },
];

let counter = 0;
function line(overrides: Partial<AllocationRow>): AllocationRow {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    planId: PLAN, phaseId: 'p1', recipient: { kind: 'central' }, sourceId: null, kind: 'money', amount: 100_00,
    recurrence: 'one-time', flexible: false, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null, ...overrides,
  };
}

describe('rows of the grid', () => {
  it('keys each kind of recipient apart', () => {
    expect(recipientKey({ kind: 'central' })).toBe('central');
    expect(recipientKey({ kind: 'wave', waveId: 'w1' })).toBe('wave:w1');
    expect(recipientKey({ kind: 'school', schoolId: 'w1' })).toBe('school:w1');
    expect(gridCellKey('wave:w1', 'p1')).toBe('wave:w1|p1');
  });

  it('lists the central office, then the waves, then the schools, each with what it is', () => {
    const rows = recipientRows(waves, schools, phases);
    expect(rows.map((r) => r.name)).toEqual(['Central office', 'Wave 1', 'Wave 2', 'Wave 3', 'Adams Elementary', 'Baker Middle', 'Cedar High', 'Dunmore Academy']);
    expect(rows.map((r) => r.detail)).toEqual([
      'District-wide',
      '1 school · starts in Pilot',
      '1 school · starts in Expand',
      '1 school · not scheduled',
      'Wave 1 · 400 students',
      'Wave 2 · 700 students',
      'Wave 3 · 1,200 students',
      'No wave · 1 student',
    ]);
    expect(rows[1]?.recipient).toEqual({ kind: 'wave', waveId: 'w1' });
    expect(rows[4]?.recipient).toEqual({ kind: 'school', schoolId: 's1' });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('has only the central office row in a plan without waves or schools', () => {
    expect(recipientRows([], [], phases)).toHaveLength(1);
  });
});

describe('cells', () => {
  const wave: RecipientValue = { kind: 'wave', waveId: 'w1' };
  const rows = [
    line({ amount: 120_000_00, recurrence: 'ongoing' }),
    line({ recipient: wave, amount: 80_000_00, recurrence: 'ongoing', flexible: true }),
    line({ recipient: wave, amount: 15_000_00 }),
    line({ recipient: wave, kind: 'devices', amount: 120 }),
    line({ recipient: wave, phaseId: 'p2', amount: 5_00 }),
  ];

  it('sums each recipient’s lines of one kind in one phase, and says what kind of lines they are', () => {
    const cells = gridCells(rows, 'money');
    expect(cells.get('central|p1')).toEqual({ amount: 120_000_00, lineIds: [rows[0]?.id], ongoing: 1, oneTime: 0, flexible: 0, perSchool: 0 });
    expect(cells.get('wave:w1|p1')).toEqual({ amount: 95_000_00, lineIds: [rows[1]?.id, rows[2]?.id], ongoing: 1, oneTime: 1, flexible: 1, perSchool: 0 });
    expect(cells.get('wave:w1|p2')?.amount).toBe(5_00);
    expect(cells.size).toBe(3);
    expect(gridCells(rows, 'devices').get('wave:w1|p1')?.amount).toBe(120);
    expect(gridCells(rows, 'staff-fte').size).toBe(0);
  });

  it('lists one cell’s lines in a fixed order, whatever order they come in', () => {
    const found = cellLines([...rows].reverse(), 'wave:w1', 'p1', 'money');
    expect(found.map((l) => l.id)).toEqual([rows[1]?.id, rows[2]?.id]);
    expect(cellLines(rows, 'wave:w1', 'p1', 'devices')).toHaveLength(1);
    expect(cellLines(rows, 'school:s1', 'p1', 'money')).toEqual([]);
  });

  it('counts ongoing money once per school year of its phase, and everything else as entered', () => {
    const years = schoolYearsByPhase(phases, 8);
    expect([...years.values()]).toEqual([1, 2, 1]);
    expect(lineTotal({ kind: 'money', amount: 10_00, recurrence: 'ongoing' }, 2)).toBe(20_00);
    expect(lineTotal({ kind: 'money', amount: 10_00, recurrence: 'one-time' }, 2)).toBe(10_00);
    expect(lineTotal({ kind: 'staff-fte', amount: 1.5, recurrence: 'ongoing' }, 2)).toBe(1.5);
    const sums = gridTotals([...rows, line({ phaseId: 'p2', amount: 1_000_00, recurrence: 'ongoing' })], 'money', years);
    expect(sums.byPhase.get('p1')).toBe(215_000_00);
    expect(sums.byPhase.get('p2')).toBe(2_000_00 + 5_00);
    expect(sums.byRow.get('central')).toBe(122_000_00);
    expect(sums.byRow.get('wave:w1')).toBe(95_005_00);
    expect(sums.total).toBe(217_005_00);
  });

  it('leaves out lines of phases that are not in the grid', () => {
    const sums = gridTotals([line({ phaseId: 'gone' })], 'money', schoolYearsByPhase(phases, 8));
    expect(sums.total).toBe(0);
  });

  it('totals money per phase exactly as the budget does (property)', () => {
    const years = schoolYearsByPhase(phases, 8);
    const arbitraryLine = fc.record({
      phaseId: fc.constantFrom('p1', 'p2', 'p3'),
      amount: fc.integer({ min: 0, max: 10_000_000_00 }),
      recurrence: fc.constantFrom('one-time' as const, 'ongoing' as const),
      kind: fc.constantFrom(...ALLOCATION_KINDS),
    });
    fc.assert(fc.property(fc.array(arbitraryLine, { maxLength: 30 }), (specs) => {
      const lines = specs.map((s) => line(s));
      const grid = gridTotals(lines, 'money', years);
      const budget = totals(lines, phases, { schoolYearStartMonth: 8 });
      for (const p of phases) expect(grid.byPhase.get(p.id) ?? 0).toBe(budget.byPhase[p.id]);
      expect(grid.total).toBe(budget.totalCents);
      expect([...grid.byRow.values()].reduce((a, b) => a + b, 0)).toBe(grid.total);
    }));
  });
});

describe('recurring lines continued into later phases, and lines for each school of a wave', () => {
  const ids = phases.map((p) => p.id);
  const wave: RecipientValue = { kind: 'wave', waveId: 'w1' };

  it('shows a continued line in the later phases’ cells, marked as continued, and not where it is not recurring', () => {
    const coach = line({ amount: 475_000_00, recurrence: 'ongoing', untilPhaseId: 'p3' });
    const cells = gridCells([coach, line({ phaseId: 'p2', amount: 10_00 }), line({ amount: 5_00, untilPhaseId: 'p3' })], 'money', ids);
    expect(cells.get('central|p1')).toMatchObject({ amount: 475_005_00, lineIds: [coach.id, expect.any(String)] });
    expect(cells.get('central|p1')?.continued).toBeUndefined();
    expect(cells.get('central|p2')).toMatchObject({ amount: 10_00, continued: { amount: 475_000_00, lineIds: [coach.id], fromPhaseIds: ['p1'] } });
    expect(cells.get('central|p3')).toMatchObject({ amount: 0, lineIds: [], continued: { amount: 475_000_00 } });
    expect(hasOwnLines(cells.get('central|p3'))).toBe(false);
    expect(hasOwnLines(cells.get('central|p2'))).toBe(true);
    // Without the phase order, a cell holds its own lines only.
    expect(gridCells([coach], 'money').size).toBe(1);
  });

  it('totals a continued line in each phase it covers, and a line for each school once per school', () => {
    const years = schoolYearsByPhase(phases, 8);
    const lines = [
      line({ amount: 100_00, recurrence: 'ongoing', untilPhaseId: 'p3' }),
      line({ recipient: wave, amount: 400_000_00, perSchool: true }),
      line({ recipient: wave, amount: 400_000_00, perSchool: false, phaseId: 'p2' }),
    ];
    const sums = gridTotals(lines, 'money', years, ids, { w1: 5 });
    expect(sums.byPhase.get('p1')).toBe(100_00 + 2_000_000_00);
    expect(sums.byPhase.get('p2')).toBe(200_00 + 400_000_00);
    expect(sums.byPhase.get('p3')).toBe(100_00);
    expect(sums.byRow.get('wave:w1')).toBe(2_400_000_00);
    expect(lineTotal({ kind: 'money', amount: 10_00, recurrence: 'ongoing' }, 2, 5)).toBe(100_00);
    expect(schoolsByWave([{ waveId: 'w1' }, { waveId: 'w1' }, { waveId: null }, { waveId: 'w2' }])).toEqual({ w1: 2, w2: 1 });
  });

  it('totals money exactly as the budget does, with continued lines and lines for each school (property)', () => {
    const years = schoolYearsByPhase(phases, 8);
    const counts = { w1: 5, w2: 15 };
    const arbitraryLine = fc.record({
      phaseId: fc.constantFrom('p1', 'p2', 'p3'),
      untilPhaseId: fc.constantFrom(null, 'p1', 'p2', 'p3'),
      amount: fc.integer({ min: 0, max: 10_000_000_00 }),
      recurrence: fc.constantFrom('one-time' as const, 'ongoing' as const),
      kind: fc.constantFrom(...ALLOCATION_KINDS),
      recipient: fc.constantFrom<RecipientValue>({ kind: 'central' }, { kind: 'wave', waveId: 'w1' }, { kind: 'wave', waveId: 'w2' }),
      perSchool: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(arbitraryLine, { maxLength: 30 }), (specs) => {
      const lines = specs.map((s) => line(s));
      const grid = gridTotals(lines, 'money', years, ids, counts);
      const budget = totals(lines, phases, { schoolYearStartMonth: 8, schoolsByWave: counts });
      for (const p of phases) expect(grid.byPhase.get(p.id) ?? 0).toBe(budget.byPhase[p.id]);
      expect(grid.total).toBe(budget.totalCents);
      const fte = gridTotals(lines, 'staff-fte', years, ids, counts);
      for (const p of phases) expect(fte.byPhase.get(p.id) ?? 0).toBeCloseTo(budget.unitsByPhase[p.id]?.['staff-fte'] ?? 0, 6);
    }));
  });

  it('says what a line amounts to: for the wave or for each school, and staff as FTE × cost', () => {
    expect(lineAmountText(line({ recipient: wave, amount: 400_000_00, perSchool: true }), 5)).toBe('$400,000 for each of 5 schools = $2,000,000');
    expect(lineAmountText(line({ recipient: wave, amount: 400_000_00 }), 5)).toBe('$400,000 for the wave');
    expect(lineAmountText(line({ amount: 475_000_00, recurrence: 'ongoing' }), 0)).toBe('$475,000 a year');
    expect(lineAmountText(line({ kind: 'staff-fte', amount: 5, recurrence: 'ongoing', staffCost: { perFteCents: 95_000_00, yearlyIncreasePercent: 3 } }), 0))
      .toBe('5 FTE × $95,000 = $475,000 a year, rising 3% a year');
    expect(lineAmountText(line({ recipient: wave, kind: 'staff-fte', amount: 1, perSchool: true, recurrence: 'ongoing', staffCost: { perFteCents: 80_000_00, yearlyIncreasePercent: 0 } }), 5))
      .toBe('1 FTE for each of 5 schools = 5 FTE: 5 FTE × $80,000 = $400,000 a year');
    expect(lineAmountText(line({ recipient: wave, kind: 'devices', amount: 30 }), 5)).toBe('30 devices for the wave');
  });
});

describe('studentsByPhase', () => {
  it('counts the schools whose wave has started by each phase, earlier waves staying in', () => {
    expect(studentsByPhase(phases, waves, schools)).toEqual({ p1: 400, p2: 1_100, p3: 1_100 });
  });

  it('goes by phase order, not by the order phases are listed in', () => {
    const reordered = [{ ...phases[2], order: 0 }, { ...phases[0], order: 1 }, { ...phases[1], order: 2 }] as typeof phases;
    expect(studentsByPhase(reordered, waves, schools)).toEqual({ p3: 0, p1: 400, p2: 1_100 });
  });

  it('never counts schools without a wave, or in a wave linked to no phase or a missing one', () => {
    const result = studentsByPhase(phases, [...waves, { id: 'w4', phaseId: 'gone' }], [...schools, { waveId: 'w4', students: 9 }]);
    expect(result.p3).toBe(1_100);
  });
});

describe('amounts as typed', () => {
  it('reads money with parseMoney, in cents', () => {
    expect(parseAmount('money', '$1,250,000')).toBe(1_250_000_00);
    expect(parseAmount('money', '80,000')).toBe(80_000_00);
    expect(parseAmount('money', '')).toBeNull();
    expect(parseAmount('money', '12.345')).toEqual({ error: 'Use at most two digits for cents.' });
    expect(parseAmount('money', '$200,000,000,000')).toEqual({ error: `Enter at most ${formatMoney(MONEY_MAX_CENTS)}.` });
  });

  it('reads FTE and hours with up to two decimals, devices as whole numbers', () => {
    expect(parseAmount('staff-fte', '1.5')).toBe(1.5);
    expect(parseAmount('staff-fte', ' .25 ')).toBe(0.25);
    expect(parseAmount('training-hours', '1,200')).toBe(1_200);
    expect(parseAmount('devices', '120')).toBe(120);
    expect(parseAmount('devices', '120.0')).toBe(120);
    expect(parseAmount('devices', '')).toBeNull();
    expect(parseAmount('devices', '12.5')).toEqual({ error: 'Enter a whole number of devices, like 120.' });
    expect(parseAmount('staff-fte', '1.255')).toEqual({ error: 'Use at most two decimals.' });
    expect(parseAmount('staff-fte', '-1')).toEqual({ error: 'Enter an amount of zero or more.' });
    expect(parseAmount('training-hours', '12h')).toEqual({ error: 'Enter a number of hours, like 40.' });
    expect(parseAmount('training-hours', '1,20')).toEqual({ error: 'Enter a number of hours, like 40.' });
    expect(parseAmount('devices', String(UNITS_MAX + 1))).toEqual({ error: 'Enter at most 1,000,000.' });
  });

  it('reads back what it shows, for every kind (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MONEY_MAX_CENTS }), (cents) => {
      expect(parseAmount('money', formatAmount('money', cents))).toBe(cents);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: UNITS_MAX * 100 }), fc.constantFrom('staff-fte' as const, 'training-hours' as const), (hundredths, kind) => {
      const value = hundredths / 100;
      expect(parseAmount(kind, formatAmount(kind, value))).toBe(value);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: UNITS_MAX }), (devices) => {
      expect(parseAmount('devices', formatAmount('devices', devices))).toBe(devices);
    }));
  });

  it('writes amounts with their units', () => {
    expect(amountText('money', 120_000_00)).toBe('$120,000');
    expect(amountText('staff-fte', 1.5)).toBe('1.5 FTE');
    expect(amountText('devices', 1)).toBe('1 device');
    expect(amountText('devices', 1_200)).toBe('1,200 devices');
    expect(amountText('training-hours', 40)).toBe('40 training hours');
  });

  it('keeps the number on show when a line changes kind', () => {
    expect(convertAmount(1_500_00, 'money', 'devices')).toBe(1_500);
    expect(convertAmount(1_500_50, 'money', 'staff-fte')).toBe(1_500.5);
    expect(convertAmount(1.5, 'staff-fte', 'money')).toBe(1_50);
    expect(convertAmount(2.5, 'staff-fte', 'devices')).toBe(3);
    expect(convertAmount(5_000_000_00, 'money', 'training-hours')).toBe(UNITS_MAX);
    expect(convertAmount(7, 'devices', 'devices')).toBe(7);
  });
});

describe('funding sources', () => {
  it('wants an end on or after the start, and says so with the start date', () => {
    expect(fundingDatesProblem('2027-08-01', '2029-06-30')).toBeNull();
    expect(fundingDatesProblem('2027-08-01', '2027-08-01')).toBeNull();
    expect(fundingDatesProblem('2027-08-01', '2027-01-31')).toBe('The end date must be on or after the start date (Aug 1, 2027).');
  });

  it('names the district budget for lines without a source, or with one that is gone', () => {
    const sources = [{ id: 'g', name: 'Innovation grant' }];
    expect(sourceName('g', sources)).toBe('Innovation grant');
    expect(sourceName(null, sources)).toBe(DISTRICT_BUDGET);
    expect(sourceName('gone', sources)).toBe(DISTRICT_BUDGET);
  });

  it('names the months of a fiscal year', () => {
    expect(fiscalYearSpan(2028, 7)).toBe('Jul 2027 – Jun 2028');
    expect(fiscalYearSpan(2028, 10)).toBe('Oct 2027 – Sep 2028');
    expect(fiscalYearSpan(2028, 1)).toBe('Jan – Dec 2028');
  });
});

describe('fiscalYearBreakdown', () => {
  const sources = [{ id: 'g', name: 'Innovation grant' }, { id: 'l', name: 'Local levy' }];

  it('splits money by fiscal year and source, the district budget last, with every year in between', () => {
    const lines = [
      line({ sourceId: 'g', amount: 100_00, recurrence: 'ongoing' }),
      line({ phaseId: 'p3', amount: 50_00 }),
      line({ phaseId: 'p3', sourceId: 'gone', amount: 7_00 }),
      line({ kind: 'devices', amount: 999 }),
    ];
    const result = fiscalYearBreakdown(sources, lines, phases, { schoolYearStartMonth: 8, fiscalStartMonth: 7 });
    expect(result.years).toEqual([2028, 2029, 2030, 2031]);
    expect(result.series).toEqual([
      { sourceId: 'g', name: 'Innovation grant', cents: [100_00, 0, 0, 0] },
      { sourceId: null, name: DISTRICT_BUDGET, cents: [0, 0, 0, 57_00] },
    ]);
    expect(result.totals).toEqual([100_00, 0, 0, 57_00]);
  });

  it('takes in cliff years with no money, and is empty without money or cliffs', () => {
    const result = fiscalYearBreakdown(sources, [line({ sourceId: 'l' })], phases, {}, [2030]);
    expect(result.years).toEqual([2028, 2029, 2030]);
    expect(result.totals).toEqual([100_00, 0, 0]);
    expect(fiscalYearBreakdown(sources, [], phases)).toEqual({ years: [], series: [], totals: [], uncovered: [] });
  });

  it('adds up to the budget’s total (property)', () => {
    const arbitraryLine = fc.record({
      phaseId: fc.constantFrom('p1', 'p2', 'p3'),
      amount: fc.integer({ min: 0, max: 1_000_000_00 }),
      recurrence: fc.constantFrom('one-time' as const, 'ongoing' as const),
      sourceId: fc.constantFrom(null, 'g', 'l'),
    });
    fc.assert(fc.property(fc.array(arbitraryLine, { maxLength: 20 }), fc.integer({ min: 1, max: 12 }), (specs, fiscalStartMonth) => {
      const lines = specs.map((s) => line(s));
      const result = fiscalYearBreakdown(sources, lines, phases, { fiscalStartMonth });
      const sum = result.totals.reduce((a, b) => a + b, 0);
      expect(sum).toBe(totals(lines, phases, { fiscalStartMonth }).totalCents);
      for (let i = 1; i < result.years.length; i += 1) expect(result.years[i]).toBe((result.years[i - 1] ?? 0) + 1);
    }));
  });
});

describe('grant dates', () => {
  it('wants an obligate-by date between the start and the spend-by date', () => {
    expect(obligateByProblem('2027-07-01', '2028-09-30', '2029-06-30')).toBeNull();
    expect(obligateByProblem('2027-07-01', '2027-06-30', '2029-06-30')).toBe('The obligate-by date must be on or after the start date (Jul 1, 2027).');
    expect(obligateByProblem('2027-07-01', '2029-07-01', '2029-06-30')).toBe('The obligate-by date must be on or before the spend-by date (Jun 30, 2029).');
  });

  it('calls a grant’s last date its spend-by date', () => {
    expect(fundingEndLabel('federal-grant')).toBe('Spend by');
    expect(fundingEndLabel('federal-formula')).toBe('Spend by');
    expect(fundingEndLabel('local')).toBe('End date');
    expect(fundingEndLabel('other')).toBe('End date');
  });

  it('gives each cliff year what is still uncovered in it', () => {
    const result = fiscalYearBreakdown([], [line({})], phases, {}, [], [{ year: 2030, uncoveredCents: 475_000_00 }, { year: 2030, uncoveredCents: 5_00 }]);
    expect(result.years).toEqual([2028, 2029, 2030]);
    expect(result.uncovered).toEqual([0, 0, 475_005_00]);
  });
});

describe('budget lines and the tight / loose stance', () => {
  const stances: Pick<Stance, 'areaId' | 'phaseId' | 'stance'>[] = [
    { areaId: 'curriculum', phaseId: 'p1', stance: 'loose' },
    { areaId: 'technology', phaseId: 'p1', stance: 'tight' },
    { areaId: 'model', phaseId: 'p1', stance: 'shared' },
    { areaId: 'curriculum', phaseId: 'p2', stance: null },
  ];

  it('finds the stance of a line’s area in its phase', () => {
    expect(stanceOf('curriculum', 'p1', stances)).toBe('loose');
    expect(stanceOf('curriculum', 'p2', stances)).toBeNull();
    expect(stanceOf('curriculum', 'p3', stances)).toBeNull();
    expect(stanceOf(null, 'p1', stances)).toBeNull();
  });

  it('offers a flexible line where the area is loose, marks one that is, and flags one where it is tight', () => {
    expect(stanceFit({ areaId: 'curriculum', phaseId: 'p1', flexible: false }, stances)).toBe('suggest-flexible');
    expect(stanceFit({ areaId: 'curriculum', phaseId: 'p1', flexible: true }, stances)).toBe('flexible');
    expect(stanceFit({ areaId: 'technology', phaseId: 'p1', flexible: true }, stances)).toBe('contradicts');
  });

  it('has nothing to say about fixed lines in tight areas, shared areas, unset stances or lines without an area', () => {
    expect(stanceFit({ areaId: 'technology', phaseId: 'p1', flexible: false }, stances)).toBeNull();
    expect(stanceFit({ areaId: 'model', phaseId: 'p1', flexible: true }, stances)).toBeNull();
    expect(stanceFit({ areaId: 'curriculum', phaseId: 'p2', flexible: true }, stances)).toBeNull();
    expect(stanceFit({ areaId: null, phaseId: 'p1', flexible: true }, stances)).toBeNull();
  });

  it('says what each fit means, naming the area and the phase', () => {
    expect(stanceFitText('suggest-flexible', 'Curriculum', 'Pilot')).toBe('Schools decide: Curriculum is held loose in Pilot, so this can be a flexible line that each school spends as it sees fit.');
    expect(stanceFitText('flexible', 'Curriculum', 'Pilot')).toBe('Schools decide: flexible line. Curriculum is held loose in Pilot.');
    expect(stanceFitText('contradicts', 'Technology', 'Pilot')).toBe('Technology is held tight in Pilot (the central office decides), but this line is flexible: the line contradicts the stance.');
  });

  it('lists the flexible lines in tight areas', () => {
    const lines = [
      line({ areaId: 'technology', flexible: true }),
      line({ areaId: 'technology', flexible: false }),
      line({ areaId: 'curriculum', flexible: true }),
      line({ areaId: 'technology', phaseId: 'p2', flexible: true }),
    ];
    expect(stanceContradictions(lines, stances)).toEqual([lines[0]]);
  });
});

describe('typing an amount into a cell', () => {
  const planId = 'p1';
  const cell = { phaseId: 'ph1', recipient: { kind: 'wave', waveId: 'w1' } as RecipientValue, kind: 'money' as const };
  const defaults = { sourceId: 's1', recurrence: 'ongoing' as const, flexible: false };
  const line: AllocationRow = { id: 'l1', planId, phaseId: 'ph1', recipient: { kind: 'wave', waveId: 'w1' }, sourceId: null, kind: 'money', amount: 500, recurrence: 'one-time', flexible: true, areaId: 'a1', note: 'kept', untilPhaseId: null, perSchool: false, staffCost: null };
  const fresh = () => 'fresh';

  it('clears a cell with nothing or zero, never with another amount', () => {
    expect([clearsCell(null), clearsCell(0), clearsCell(1), clearsCell(-0)]).toEqual([true, true, false, true]);
  });

  it('changes the line the cell shows, keeping everything else about it, or removes it when cleared', () => {
    expect(cellWrite(planId, cell, 'l1', line, 900, defaults, fresh)).toEqual({ kind: 'put', row: { ...line, amount: 900 }, before: line });
    expect(cellWrite(planId, cell, 'l1', line, 0, defaults, fresh)).toEqual({ kind: 'remove', line });
    expect(cellWrite(planId, cell, 'l1', line, null, defaults, fresh)).toEqual({ kind: 'remove', line });
  });

  it('gives an empty cell a new line under the id the cell chose, with the toolbar\'s source and recurrence', () => {
    const decided = cellWrite(planId, cell, 'chosen', undefined, 700, defaults, fresh);
    expect(decided).toMatchObject({ kind: 'put', before: undefined, row: { id: 'chosen', amount: 700, sourceId: 's1', recurrence: 'ongoing', areaId: null, note: '' } });
    expect(cellWrite(planId, cell, 'chosen', undefined, 0, defaults, fresh)).toEqual({ kind: 'none' });
  });

  it('never touches a line outside the cell: another recipient, phase, kind or plan gets a new line under a fresh id', () => {
    const elsewhere: AllocationRow[] = [
      { ...line, recipient: { kind: 'central' } },
      { ...line, recipient: { kind: 'wave', waveId: 'w2' } },
      { ...line, phaseId: 'ph2' },
      { ...line, kind: 'devices' },
      { ...line, planId: 'p2' },
    ];
    for (const found of elsewhere) {
      expect(cellWrite(planId, cell, 'l1', found, 900, defaults, fresh)).toMatchObject({ kind: 'put', before: undefined, row: { id: 'fresh', amount: 900 } });
      expect(cellWrite(planId, cell, 'l1', found, null, defaults, fresh)).toEqual({ kind: 'none' });
    }
  });

  it('tells recipients apart by kind and id', () => {
    expect(sameRecipient({ kind: 'central' }, { kind: 'central' })).toBe(true);
    expect(sameRecipient({ kind: 'school', schoolId: 'a' }, { kind: 'school', schoolId: 'a' })).toBe(true);
    expect(sameRecipient({ kind: 'school', schoolId: 'a' }, { kind: 'wave', waveId: 'a' })).toBe(false);
    expect(sameRecipient({ kind: 'wave', waveId: 'a' }, { kind: 'wave', waveId: 'b' })).toBe(false);
  });
});
