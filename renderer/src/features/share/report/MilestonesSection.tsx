import type { Phase, PlanBundle } from '../../../domain/schemas';
import { MILESTONE_KIND_LABELS } from '../../../domain/schemas';
import { formatDisplayDate, phaseSpan } from '../../../domain/phase-rules';
import { ReportSection, Empty } from './ReportSection';

/** Every milestone in date order, then each phase's entry criteria and its go / no-go gate. */
export function MilestonesSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const shown = new Set(phases.map((p) => p.id));
  const phaseOf = new Map(bundle.phases.map((p) => [p.id, p]));
  const milestones = bundle.milestones.filter((m) => m.phaseId === null || shown.has(m.phaseId));
  return (
    <ReportSection id="packet-milestones" title="Milestones and gates">
      {milestones.length === 0 ? <Empty>No milestones yet.</Empty> : (
        <table>
          <thead>
            <tr>
              <th scope="col" className="col-date">Date</th><th scope="col">Milestone</th><th scope="col">Kind</th>
              <th scope="col">Phase</th><th scope="col">Owner</th><th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}>
                <td className="nowrap">{formatDisplayDate(m.date)}</td>
                <th scope="row">{m.name}</th>
                <td>{MILESTONE_KIND_LABELS[m.kind]}</td>
                <td className="nowrap">{m.phaseId ? phaseOf.get(m.phaseId)?.name ?? '—' : '—'}</td>
                <td>{m.owner || '—'}</td>
                <td>{m.done ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Entry criteria and go / no-go gates</h3>
      {phases.length === 0 ? <Empty>No phases yet.</Empty> : (
        <table>
          <thead>
            <tr><th scope="col" className="col-phase">Phase</th><th scope="col">Goal</th><th scope="col">To begin</th><th scope="col" className="col-gate">To move on (gate)</th></tr>
          </thead>
          <tbody>
            {phases.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}<span className="note block">{phaseSpan(p)}</span></th>
                <td className="prose-cell">{p.goal.trim() || '—'}</td>
                <td className="prose-cell">{p.entryCriteria.trim() || '—'}</td>
                <td className="prose-cell">{p.gate.trim() || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}
