import { format } from 'date-fns';
import type { Phase, PlanBundle } from '../../../domain/schemas';
import { fiscalYearLabel, formatMoney } from '../../../domain/budget';
import { fiscalYearSpan } from '../../../domain/resource-rules';
import type { PacketBudget } from './packet-budget';
import { ReportSection, Empty } from './ReportSection';

/**
 * Money per fiscal year by funding source, with each cliff year (the first fiscal year after a
 * source ends while costs it paid go on) marked in words, and money per phase.
 */
export function MoneySection({ bundle, phases, budget }: { bundle: PlanBundle; phases: readonly Phase[]; budget: PacketBudget }) {
  const { breakdown, totals, cliffs } = budget;
  const fiscalStart = bundle.plan.fiscalYearStartMonth;
  const cliffYears = new Set(cliffs.filter((c) => !c.resolved).map((c) => c.year));
  const hasUncovered = breakdown.uncovered.some((c) => c > 0);
  return (
    <ReportSection id="packet-money" title="Money by fiscal year">
      {breakdown.years.length === 0 ? <Empty>No money allocated yet.</Empty> : (
        <table className="money">
          <caption className="note">By source; fiscal years start in {format(new Date(2000, fiscalStart - 1, 1), 'MMMM')}. A cliff year is the first without a source whose recurring costs go on.</caption>
          <thead>
            <tr>
              <th scope="col" className="col-fy">Fiscal year</th>
              {breakdown.series.map((s) => <th key={s.sourceId ?? 'district'} scope="col" className="num">{s.name}</th>)}
              <th scope="col" className="num">Total</th>
              {hasUncovered && <th scope="col" className="num">Not yet paid for</th>}
            </tr>
          </thead>
          <tbody>
            {breakdown.years.map((year, i) => {
              const cliff = cliffYears.has(year);
              return (
                <tr key={year} className={cliff ? 'cliff-year' : undefined}>
                  <th scope="row">
                    {fiscalYearLabel(year)}{cliff && <strong className="cliff-tag">: cliff year</strong>}
                    <span className="note block">{fiscalYearSpan(year, fiscalStart)}</span>
                  </th>
                  {breakdown.series.map((s) => <td key={s.sourceId ?? 'district'} className="num">{formatMoney(s.cents[i] ?? 0)}</td>)}
                  <td className="num">{formatMoney(breakdown.totals[i] ?? 0)}</td>
                  {hasUncovered && <td className="num">{(breakdown.uncovered[i] ?? 0) > 0 ? formatMoney(breakdown.uncovered[i] ?? 0) : '—'}</td>}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All years</th>
              {breakdown.series.map((s) => <td key={s.sourceId ?? 'district'} className="num">{formatMoney(s.cents.reduce((a, b) => a + b, 0))}</td>)}
              <td className="num">{formatMoney(totals.totalCents)}</td>
              {hasUncovered && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {cliffs.length > 0 && (
        <>
          <h3>Funding cliffs</h3>
          <ul className="plain-list">
            {cliffs.map((c) => <li key={`${c.sourceId}|${c.year}`}><strong>{fiscalYearLabel(c.year)}{c.resolved ? ' (covered)' : ' cliff'}:</strong> {c.message}</li>)}
          </ul>
        </>
      )}
      {phases.length > 0 && (
        <>
          <h3>Money by phase</h3>
          <table>
            <thead>
              <tr><th scope="col">Phase</th><th scope="col" className="num">Money</th><th scope="col" className="num">Of which staff</th><th scope="col" className="num">Per student</th></tr>
            </thead>
            <tbody>
              {phases.map((p) => {
                const perStudent = totals.perStudentByPhase[p.id] ?? null;
                return (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td className="num">{formatMoney(totals.byPhase[p.id] ?? 0)}</td>
                    <td className="num">{formatMoney(totals.staffByPhase[p.id] ?? 0)}</td>
                    <td className="num">{perStudent === null ? '—' : formatMoney(perStudent)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr><th scope="row">All phases</th><td className="num">{formatMoney(totals.totalCents)}</td><td className="num">{formatMoney(totals.staffCents)}</td><td /></tr>
            </tfoot>
          </table>
        </>
      )}
    </ReportSection>
  );
}
