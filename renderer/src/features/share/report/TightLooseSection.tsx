import type { Phase, PlanBundle, Stance } from '../../../domain/schemas';
import { STANCE_LABELS, STANCE_MEANINGS } from '../../../domain/stance-words';
import { stanceSummary } from '../../../domain/roadmap-rules';
import { STANCES } from '../../../domain/schemas';
import { ReportSection, StanceMark, Empty } from './ReportSection';

/** Guardrails are written one per line. */
const lines = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter((l) => l !== '');

/**
 * An area's phases in runs that read the same (stance, rationale, owner and guardrails), so a
 * stance held through several phases is printed once, for all of them.
 */
function runs(areaId: string, phases: readonly Phase[], stanceOf: ReadonlyMap<string, Stance>): { phases: Phase[]; stance: Stance | undefined }[] {
  const out: { phases: Phase[]; stance: Stance | undefined; key: string }[] = [];
  for (const phase of phases) {
    const stance = stanceOf.get(`${areaId}|${phase.id}`);
    const key = JSON.stringify([stance?.stance ?? null, stance?.rationale.trim() ?? '', stance?.owner ?? '', stance?.guardrails.trim() ?? '']);
    const last = out.at(-1);
    if (last && last.key === key) last.phases.push(phase);
    else out.push({ phases: [phase], stance, key });
  }
  return out;
}

/**
 * Who holds each area in each phase, on a landscape page: the matrix, then each area's stance
 * per phase with its rationale and the guardrails that hold even where it is loose.
 */
export function TightLooseSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const { areas, stances } = bundle;
  const areaIds = areas.map((a) => a.id);
  const stanceOf = new Map(stances.map((s) => [`${s.areaId}|${s.phaseId}`, s]));
  if (areas.length === 0 || phases.length === 0) {
    return <ReportSection id="packet-tight-loose" title="Tight & loose" wide><Empty>No areas or phases yet.</Empty></ReportSection>;
  }
  return (
    <ReportSection id="packet-tight-loose" title="Tight & loose" wide>
      <p className="legend">
        {STANCES.map((s) => <span key={s}><StanceMark stance={s} /> {STANCE_MEANINGS[s]}</span>)}
      </p>
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">Area</th>
            {phases.map((p) => <th key={p.id} scope="col">{p.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              {phases.map((p) => <td key={p.id} className="matrix-cell"><StanceMark stance={stanceOf.get(`${a.id}|${p.id}`)?.stance ?? null} /></td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">In all</th>
            {phases.map((p) => <td key={p.id} className="matrix-sum">{stanceSummary(p.id, areaIds, stances).text}</td>)}
          </tr>
        </tfoot>
      </table>
      <h3>Rationales and guardrails</h3>
      <table className="rationales">
        <thead>
          <tr>
            <th scope="col" className="col-area">Area</th>
            <th scope="col" className="col-phase">Phase</th>
            <th scope="col" className="col-stance">Stance</th>
            <th scope="col">Why</th>
            <th scope="col">Guardrails (hold even where loose)</th>
          </tr>
        </thead>
        <tbody>
          {areas.flatMap((a) => runs(a.id, phases, stanceOf).map((run, i) => {
            const s = run.stance;
            const guardrails = lines(s?.guardrails ?? '');
            const first = run.phases[0] as Phase;
            const last = run.phases[run.phases.length - 1] as Phase;
            return (
              <tr key={`${a.id}|${first.id}`} className={i === 0 ? 'first-of-area' : undefined}>
                <th scope="row">{a.name}</th>
                <td>{first === last ? first.name : `${first.name} – ${last.name}`}</td>
                <td><StanceMark stance={s?.stance ?? null} /></td>
                <td className="prose-cell">{s?.rationale.trim() || <span className="note">No rationale yet.</span>}{s?.owner ? <span className="note"> Owner: {s.owner}.</span> : null}</td>
                <td>{guardrails.length === 0 ? <span className="note">None</span> : <ul className="tight-list">{guardrails.map((g, k) => <li key={k}>{g}</li>)}</ul>}</td>
              </tr>
            );
          }))}
        </tbody>
      </table>
      <p className="note">Stances: {STANCES.map((s) => `${STANCE_LABELS[s]}: ${STANCE_MEANINGS[s]}`).join('; ')}.</p>
    </ReportSection>
  );
}
