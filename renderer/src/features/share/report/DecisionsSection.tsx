import type { Phase, PlanBundle } from '../../../domain/schemas';
import { DECISIONS, SURVEY_SOURCE, TIGHT_LOOSE_FINDINGS, midwayShare, poleName, positionLabel, profilePatterns, type Decision } from '../../../domain/decisions';
import { ReportSection } from './ReportSection';

function surveyText(decision: Decision): string {
  const split = decision.survey;
  if (!split) return 'The study published no figures for this decision.';
  const who = split.respondents ? ` (${split.respondents} leaders)` : '';
  return `${split.poleA}% ${decision.poleA}, ${midwayShare(split)}% mid-way, ${split.poleB}% ${decision.poleB}${who}.`;
}

/** The seven decisions: where the plan stands in each phase, beside what the study's leaders said. */
export function DecisionsSection({ bundle, phases }: { bundle: PlanBundle; phases: readonly Phase[] }) {
  const { plan, positions } = bundle;
  const positionOf = new Map(positions.map((p) => [`${p.decision}|${p.phaseId}`, p]));
  return (
    <ReportSection id="packet-decisions" title="The seven decisions">
      <p className="note">{SURVEY_SOURCE} On decision 1, {TIGHT_LOOSE_FINDINGS.dedicatedResourcesPercent}% dedicated time and resources to the tension and {TIGHT_LOOSE_FINDINGS.topChallengePercent}% called it a top challenge.</p>
      {DECISIONS.map((d) => {
        const patterns = profilePatterns(d.number, plan.profile);
        return (
          <div key={d.number} className="decision">
            <h3>{d.number}. {d.question}</h3>
            <p className="poles"><span>{poleName(d, 'A')}</span><span aria-hidden="true"> ⟷ </span><span className="report-hidden"> or </span><span>{poleName(d, 'B')}</span></p>
            <p><strong>Survey of leaders:</strong> {surveyText(d)}</p>
            {patterns.map((p, i) => <p key={i} className="note">{p}</p>)}
            <table>
              <thead>
                <tr><th scope="col" className="col-phase">Phase</th><th scope="col" className="col-position">The plan’s position</th><th scope="col">Why</th></tr>
              </thead>
              <tbody>
                {phases.map((p) => {
                  const pos = positionOf.get(`${d.number}|${p.id}`);
                  return (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>{positionLabel(d, pos?.position ?? null)}</td>
                      <td>{pos?.rationale.trim() || <span className="note">No rationale yet.</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </ReportSection>
  );
}
