import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvTable } from '../../../renderer/src/domain/csv-tables';
import { planTable, PLAN_TABLES, type TableCell } from '../../../renderer/src/domain/plan-tables';
import { fiscalCliffs, fiscalYearLabel, totals } from '../../../renderer/src/domain/budget';
import { DECISIONS, positionLabel } from '../../../renderer/src/domain/decisions';
import { schoolsByWave } from '../../../renderer/src/domain/resource-rules';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { samplePlan, withSchools } from './plan-fixtures';

const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);
const shown = (cell: TableCell | undefined) => {
  if (cell === undefined || cell === null) return null;
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'money': return cell.cents;
    case 'percent': return cell.percent;
    case 'date': return cell.date;
    case 'yes-no': return cell.yes;
    default: return cell.value;
  }
};

function csvRows(bundle: PlanBundle, which: (typeof PLAN_TABLES)[number]): string[][] {
  return Papa.parse<string[]>(csvTable(bundle, which).slice(1, -2), { newline: '\r\n' }).data;
}

describe('planTable', () => {
  const bundle = withSchools(samplePlan());
  const phases = byOrder(bundle.phases);

  it('gives every table a row of cells per header label', () => {
    for (const key of PLAN_TABLES) {
      const table = planTable(bundle, key);
      for (const row of table.rows) expect(row, table.label).toHaveLength(table.header.length);
    }
  });

  it('gives every area in every phase its stance in words, with its rationale, owner and guardrails', () => {
    const table = planTable(bundle, 'tightLoose');
    expect(table.label).toBe('Tight & loose');
    expect(table.header).toEqual(['Area', 'Phase', 'Stance', 'Who decides', 'Rationale', 'Owner', 'Guardrails']);
    const areas = byOrder(bundle.areas);
    expect(table.rows.map((r) => [shown(r[0]), shown(r[1])])).toEqual(areas.flatMap((a) => phases.map((p) => [a.name, p.name])));
    const held = bundle.stances.find((s) => s.stance === 'tight' && s.guardrails.includes('\n'));
    if (!held) throw new Error('the template holds an area tight with guardrails');
    const row = table.rows.find((r) => shown(r[0]) === areas.find((a) => a.id === held.areaId)?.name && shown(r[1]) === phases.find((p) => p.id === held.phaseId)?.name);
    expect(row?.slice(2).map(shown)).toEqual(['Tight', 'The central office decides', held.rationale, held.owner, held.guardrails.split('\n').map((g) => g.trim()).filter(Boolean).join('; ')]);
    // An area with no stance in a phase says so.
    const open = planTable({ ...bundle, stances: [] }, 'tightLoose').rows[0];
    expect(open?.slice(2).map(shown)).toEqual(['Not set', '', '', '', '']);
  });

  it('gives each of the seven decisions in each phase the plan’s position and the survey figures', () => {
    const table = planTable(bundle, 'decisions');
    expect(table.rows).toHaveLength(DECISIONS.length * phases.length);
    for (const decision of DECISIONS) {
      phases.forEach((phase, i) => {
        const row = table.rows[(decision.number - 1) * phases.length + i];
        const position = bundle.positions.find((p) => p.decision === decision.number && p.phaseId === phase.id)?.position ?? null;
        expect(shown(row?.[0])).toBe(decision.number);
        expect(shown(row?.[4])).toBe(phase.name);
        expect(shown(row?.[5])).toBe(positionLabel(decision, position));
        expect(shown(row?.[6])).toBe(position);
      });
    }
    const csv = csvRows(bundle, 'decisions');
    expect(csv[1]?.slice(8)).toEqual(['35', '39', '26', '89']);
    // Decision 2: 16% fast, 68% gradual, the rest mid-way; no count of leaders published.
    expect(csv[1 + phases.length]?.slice(8)).toEqual(['16', '16', '68', '']);
    expect(csv[1 + 2 * phases.length]?.slice(8)).toEqual(['', '', '', '']);
  });

  it('gives money per fiscal year and source as the budget totals it, with the cliff year marked', () => {
    const settings = { schoolYearStartMonth: bundle.plan.schoolYearStartMonth, fiscalStartMonth: bundle.plan.fiscalYearStartMonth, schoolsByWave: schoolsByWave(bundle.schools) };
    const budget = totals(bundle.allocations, phases, settings);
    const [cliff] = fiscalCliffs(bundle.fundingSources, bundle.allocations, phases, settings);
    if (!cliff) throw new Error('the grant ends before the plan does, with recurring costs');
    // The district's own budget pays only training hours here, so it has no money column.
    const withDistrictMoney = { ...bundle, allocations: [...bundle.allocations, { ...bundle.allocations[0]!, id: 'eeeeeeee-eeee-4eee-8eee-000000000001', sourceId: null, amount: 10_000_00 }] };
    expect(planTable(withDistrictMoney, 'moneyByFiscalYear').header).toContain('District budget (USD)');
    const table = planTable(bundle, 'moneyByFiscalYear');
    expect(table.header).toEqual(['Fiscal year', 'Months', 'Innovation grant (USD)', 'Total (USD)', 'Uncovered (USD)', 'Fiscal cliff']);
    const byYear = new Map(table.rows.map((r) => [shown(r[0]), r]));
    for (const { year, cents } of budget.byFiscalYear) expect(shown(byYear.get(fiscalYearLabel(year))?.[3])).toBe(cents);
    const marked = table.rows.filter((r) => shown(r[5]) !== '');
    expect(marked.map((r) => shown(r[0]))).toEqual([fiscalYearLabel(cliff.year)]);
    expect(shown(marked[0]?.[4])).toBe(cliff.uncoveredCents);
    expect(shown(marked[0]?.[5])).toBe('Fiscal cliff: first year without Innovation grant, $45,000 a year uncovered');
    expect(shown(marked[0]?.[1])).toBe('Jul 2029 – Jun 2030');
    const csv = csvRows(bundle, 'moneyByFiscalYear');
    expect(csv[0]?.[2]).toBe('Innovation grant (USD)');
    expect(csv.find((r) => r[0] === fiscalYearLabel(cliff.year))?.[4]).toBe('45000.00');
  });

  it('gives a plan with no money an empty money table, with its header', () => {
    const table = planTable({ ...bundle, allocations: [] }, 'moneyByFiscalYear');
    expect(table.rows).toEqual([]);
    expect(table.header).toEqual(['Fiscal year', 'Months', 'Total (USD)', 'Uncovered (USD)', 'Fiscal cliff']);
  });
});
