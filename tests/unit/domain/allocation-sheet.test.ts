import { describe, expect, it } from 'vitest';
import { readAllocationSheet, type AllocationColumn, type AllocationSheetPlan } from '../../../renderer/src/domain/allocation-sheet';
import { ALLOCATION_COLUMNS } from '../../../renderer/src/domain/plan-tables';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { pickSheet, readWorkbook, type XlsxCell, type XlsxSheet } from '../../../renderer/src/domain/xlsx-reader';
import { planWorkbook } from '../../../renderer/src/domain/xlsx-workbook';
import { samplePlan, withSchools } from './plan-fixtures';

const bundle: PlanBundle = withSchools(samplePlan());
const plan: AllocationSheetPlan = { ...bundle, planId: bundle.plan.id };
const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
const [first, second, third] = phases;
const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;
const area = bundle.areas[0];
if (!first || !second || !third || !area) throw new Error('the sample plan has three phases and an area');

type Values = Partial<Record<AllocationColumn, string | number | boolean | { percent: number }>>;
const cellOf = (value: Values[AllocationColumn]): XlsxCell | null => {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value, percent: false };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'number', value: value.percent / 100, percent: true };
};
/** A sheet with the workbook's header in row 1 and one row per value set, from row 2. */
function sheet(rows: Values[], header: readonly string[] = ALLOCATION_COLUMNS): XlsxSheet {
  return {
    name: 'Allocations',
    rows: [
      { row: 1, cells: header.map((h) => ({ kind: 'text', text: h })) },
      ...rows.map((values, i) => ({ row: i + 2, cells: header.map((h) => cellOf(values[h as AllocationColumn])) })),
    ],
  };
}
let counter = 0;
const freshId = () => `bbbbbbbb-bbbb-4bbb-8bbb-${String(++counter).padStart(12, '0')}`;

const money: Values = { Phase: first.name, Recipient: 'Central office', Kind: 'Money', 'Amount (USD)': 1000, Recurrence: 'One-time', 'Funding source': 'District budget', Flexible: 'No' };

describe('readAllocationSheet', () => {
  it('reads the plan’s own workbook back as it is: nothing changed, nothing added', async () => {
    const sheets = await readWorkbook(await planWorkbook(bundle));
    const allocations = pickSheet(sheets, 'Allocations');
    expect(allocations?.name).toBe('Allocations');
    const result = readAllocationSheet(allocations as XlsxSheet, plan, freshId);
    expect(result.problems).toEqual([]);
    expect([result.changed.length, result.added.length, result.unchanged, result.kept]).toEqual([0, 0, 3, 0]);
  });

  it('updates the line a Line ID names, adds a row without one, and keeps lines no row names', () => {
    const result = readAllocationSheet(sheet([
      { ...money, 'Amount (USD)': 150_000.5, 'Funding source': 'Innovation grant', 'Line ID': id(40), Note: 'Raised after the board vote' },
      { Phase: second.name, 'Through phase': third.name, Recipient: 'Wave 2', 'For each school in the wave': 'Yes', Kind: 'Staff (FTE)', Quantity: 1.5, 'Cost per FTE (USD)': 95_000, 'Yearly cost increase (%)': { percent: 3 }, Recurrence: 'Recurring (every year)', Flexible: true, Area: area.name },
    ]), plan, freshId);
    expect(result.problems).toEqual([]);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]?.before.amount).toBe(120_000_00);
    expect(result.changed[0]?.line).toMatchObject({ id: id(40), amount: 150_000_50, sourceId: id(30), note: 'Raised after the board vote', recipient: { kind: 'central' } });
    expect(result.added).toEqual([{ row: 3, line: {
      id: expect.stringMatching(/^bbbbbbbb-/) as unknown as string, planId: bundle.plan.id, phaseId: second.id, untilPhaseId: third.id, recipient: { kind: 'wave', waveId: id(2) }, perSchool: true,
      kind: 'staff-fte', amount: 1.5, staffCost: { perFteCents: 95_000_00, yearlyIncreasePercent: 3 }, recurrence: 'ongoing', sourceId: null, flexible: true, areaId: area.id, note: '',
    } }]);
    expect(result.kept).toBe(2);
  });

  it('reads names ignoring case and spaces, a one-time line without its through phase, and a school and a wave of one name apart', () => {
    const named = { ...plan, schools: [...plan.schools, { id: id(19), name: 'Wave 1' }] };
    const result = readAllocationSheet(sheet([
      { ...money, Phase: `  ${first.name.toUpperCase()} `, Recipient: 'central OFFICE', 'Through phase': third.name, Kind: 'money', Recurrence: 'one-time' },
      { ...money, Recipient: 'Wave 1', 'For each school in the wave': 'No' },
      { ...money, Recipient: 'Wave 1' },
    ]), named, freshId);
    expect(result.problems).toEqual([]);
    expect(result.added.map((a) => [a.line.recipient, a.line.untilPhaseId])).toEqual([
      [{ kind: 'central' }, null], [{ kind: 'wave', waveId: id(1) }, null], [{ kind: 'school', schoolId: id(19) }, null],
    ]);
  });

  it('names the sheet, the row and the column in every problem, and adds or changes nothing from a row with one', () => {
    const rows: [Values, AllocationColumn, RegExp][] = [
      [{ ...money, Phase: 'Phase 9' }, 'Phase', /“Phase 9” is not a phase in this plan \(its phases: /],
      [{ ...money, Recipient: 'Nowhere High' }, 'Recipient', /“Nowhere High” is not the central office, a wave or a school/],
      [{ ...money, Kind: 'Laptops' }, 'Kind', /“Laptops” is not a kind of allocation; use “Money”, “Staff \(FTE\)”, “Devices”, “Training hours”/],
      [{ ...money, 'Amount (USD)': -5 }, 'Amount (USD)', /-5 is below zero/],
      [{ ...money, 'Amount (USD)': 'lots' }, 'Amount (USD)', /“lots” is not an amount/],
      [{ ...money, Kind: 'Devices' }, 'Quantity', /is empty: a Devices line takes its number here \(Amount \(USD\) is for money\)/],
      [{ ...money, Kind: 'Devices', Quantity: 2.5 }, 'Quantity', /2\.5 is not a whole number of devices/],
      [{ ...money, Recurrence: 'Sometimes' }, 'Recurrence', /“Sometimes” is not a recurrence/],
      [{ ...money, 'Funding source': 'Lottery' }, 'Funding source', /“Lottery” is not a funding source in this plan \(its funding sources: Innovation grant\)/],
      [{ ...money, Area: 'Cafeteria' }, 'Area', /“Cafeteria” is not an area in this plan/],
      [{ ...money, Flexible: 'Maybe' }, 'Flexible', /“Maybe” is not Yes or No/],
      [{ ...money, Phase: second.name, 'Through phase': first.name, Recurrence: 'Recurring (every year)' }, 'Through phase', /comes before/],
      [{ ...money, 'Line ID': 'cccccccc-cccc-4ccc-8ccc-000000000000' }, 'Line ID', /no allocation line of this plan has the ID/],
      [{ ...money, Note: 'x'.repeat(121) }, 'Note', /must be at most 120 characters/],
      [{ ...money, Kind: 'Staff (FTE)', Quantity: 1, 'Cost per FTE (USD)': 90_000, 'Yearly cost increase (%)': { percent: 60 } }, 'Yearly cost increase (%)', /must be at most 50%/],
      [{ ...money, Kind: 'Staff (FTE)', Quantity: 1, 'Yearly cost increase (%)': 3 }, 'Cost per FTE (USD)', /is empty, but the yearly cost increase is set/],
      [{ ...money, Recipient: '' }, 'Recipient', /is empty/],
      [{ ...money, 'Line ID': id(41) }, 'Line ID', /^$/], // named once here …
      [{ ...money, 'Line ID': id(41) }, 'Line ID', /row 19 already names this line/], // … and again
    ];
    const result = readAllocationSheet(sheet(rows.map(([values]) => values)), plan, freshId);
    const expected = rows.flatMap(([, column, pattern], i) => (pattern.source === '^$' ? [] : [{ row: i + 2, column, pattern }]));
    expect(result.problems.map((p) => [p.row, p.column])).toEqual(expected.map((e) => [e.row, e.column]));
    result.problems.forEach((problem, i) => {
      const want = expected[i];
      expect(problem.message.startsWith(`Allocations sheet, row ${problem.row}, ${problem.column}: `)).toBe(true);
      expect(problem.message).toMatch(want?.pattern ?? /never/);
    });
    // Only the one good row (the first naming line 41) counts.
    expect([result.added.length, result.changed.length + result.unchanged]).toEqual([0, 1]);
  });

  it('says which columns a sheet without the workbook’s header lacks', () => {
    const result = readAllocationSheet(sheet([{ Phase: first.name }], ['Phase', 'Budget']), plan, freshId);
    expect(result.problems.map((p) => p.column)).toEqual(['Recipient', 'Kind', 'Recurrence', 'Amount (USD)']);
    expect(result.problems[0]?.message).toMatch(/^Allocations sheet, row 1: the sheet has no “Recipient” column\./);
    expect(readAllocationSheet({ name: 'Allocations', rows: [] }, plan, freshId).problems[0]?.message).toMatch(/The sheet “Allocations” is empty/);
  });
});
