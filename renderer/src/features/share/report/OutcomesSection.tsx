import { format } from 'date-fns';
import type { Phase, PlanBundle } from '../../../domain/schemas';
import { formatMeasure, progressText, shortUnit, targetFor } from '../../../domain/outcome-rules';
import { ReportSection, Empty } from './ReportSection';

/** Phase columns per table: more would squeeze a portrait page; a long plan gets more tables. */
const PHASES_PER_TABLE = 5;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** The why of the plan, and how success is measured: each outcome's baseline and target per phase. */
export function OutcomesSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const { plan, outcomes } = bundle;
  const today = format(new Date(), 'yyyy-MM-dd');
  return (
    <ReportSection id="packet-outcomes" title="Vision and outcome measures">
      <h3>Vision</h3>
      {plan.vision.trim() ? plan.vision.split(/\n+/).map((line, i) => <p key={i} className="prose">{line}</p>) : <Empty>No vision written yet.</Empty>}
      <h3>Outcome measures and targets by the end of each phase</h3>
      {outcomes.length === 0 ? <Empty>No outcome measures yet.</Empty> : chunks(phases, PHASES_PER_TABLE).map((group, g) => (
        <table key={g}>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">Baseline</th>
              {group.map((p) => <th key={p.id} scope="col" className="num">{p.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => {
              const unit = shortUnit(o.unit);
              return (
                <tr key={o.id}>
                  <th scope="row">{o.name}{o.unit && <span className="unit"> ({o.unit})</span>}</th>
                  <td className="num">{o.baseline === null ? '—' : formatMeasure(o.baseline, unit)}</td>
                  {group.map((p) => {
                    const target = targetFor(o.targets, p.id);
                    return <td key={p.id} className="num">{target === null ? '—' : formatMeasure(target, unit)}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      {outcomes.length > 0 && (
        <>
          <h3>Progress so far</h3>
          <ul className="plain-list">
            {outcomes.map((o) => <li key={o.id}><strong>{o.name}:</strong> {progressText(o, phases, today)}</li>)}
          </ul>
        </>
      )}
    </ReportSection>
  );
}
