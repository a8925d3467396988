import type { Phase, PlanBundle, School } from '../../../domain/schemas';
import { equityFigures, equityMeasures, intakeText, waveIntake } from '../../../domain/waves';
import { phaseSpan } from '../../../domain/phase-rules';
import { ReportSection, Empty } from './ReportSection';

function SchoolTable({ schools }: { schools: readonly School[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">School</th><th scope="col">Code</th><th scope="col">Grades</th>
          <th scope="col" className="num">Students</th><th scope="col" className="num">Free or reduced-price lunch</th>
        </tr>
      </thead>
      <tbody>
        {schools.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}</th>
            <td>{s.code}</td>
            <td>{s.gradeBand}</td>
            <td className="num">{s.students.toLocaleString('en-US')}</td>
            <td className="num">{s.frlPercent === null ? '—' : `${s.frlPercent}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The waves in order, each with the phase it joins in, its schools and how it compares with the district. */
export function WavesSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const { waves, schools } = bundle;
  const phaseOf = new Map(bundle.phases.map((p) => [p.id, p]));
  const shown = new Set(phases.map((p) => p.id));
  // A wave joining in a phase left out of the packet is left out too; one not yet scheduled stays.
  const listed = waves.filter((w) => w.phaseId === null || shown.has(w.phaseId));
  const intake = waveIntake(waves, schools);
  const measures = equityMeasures(bundle.indicators, schools);
  const unassigned = schools.filter((s) => s.waveId === null || !waves.some((w) => w.id === s.waveId));
  return (
    <ReportSection id="packet-waves" title="Waves and schools">
      {listed.length === 0 && <Empty>No waves yet.</Empty>}
      {listed.map((w) => {
        const phase = w.phaseId ? phaseOf.get(w.phaseId) : undefined;
        const own = schools.filter((s) => s.waveId === w.id);
        const figures = equityFigures(own, schools, measures);
        const counts = intake.get(w.id);
        return (
          <div key={w.id} className="wave">
            <h3>{w.name}</h3>
            <p>
              {phase ? <>Joins in <strong>{phase.name}</strong> ({phaseSpan(phase)}).</> : 'Not scheduled yet.'}
              {' '}{counts && intakeText(counts) ? `${intakeText(counts)}.` : 'No schools yet.'}
              {figures.length > 0 && <> {figures.map((f) => f.text).join(' · ')}.</>}
            </p>
            {w.notes.trim() && <p className="note">{w.notes}</p>}
            {own.length > 0 && <SchoolTable schools={own} />}
          </div>
        );
      })}
      {unassigned.length > 0 && (
        <div className="wave">
          <h3>Not in a wave yet</h3>
          <SchoolTable schools={unassigned} />
        </div>
      )}
    </ReportSection>
  );
}
