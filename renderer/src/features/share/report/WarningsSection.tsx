import type { Phase, PlanBundle } from '../../../domain/schemas';
import { milestoneProblem, phaseTimingNotes } from '../../../domain/roadmap-rules';
import { amountText } from '../../../domain/resource-rules';
import { equityFigures, equityMeasures, equityWarning } from '../../../domain/waves';
import type { PacketBudget } from './packet-budget';
import { ReportSection, Empty } from './ReportSection';

interface Group {
  title: string;
  items: { key: string; text: string }[];
}

/**
 * What the plan's own rules still flag, by kind: the roadmap's overlaps and gaps and
 * milestones outside their phase, money a source cannot cover and uncovered cliffs, flexible
 * money for areas held tight, and waves that leave out high-need schools.
 */
export function WarningsSection({ bundle, phases, budget }: { bundle: PlanBundle; phases: readonly Phase[]; budget: PacketBudget }) {
  const phaseIds = new Set(phases.map((p) => p.id));
  const phaseName = (id: string) => bundle.phases.find((p) => p.id === id)?.name ?? 'a phase';
  const recipientName = (r: PlanBundle['allocations'][number]['recipient']) => {
    if (r.kind === 'central') return 'Central office';
    if (r.kind === 'wave') return bundle.waves.find((w) => w.id === r.waveId)?.name ?? 'A wave';
    return bundle.schools.find((s) => s.id === r.schoolId)?.name ?? 'A school';
  };
  const measures = equityMeasures(bundle.indicators, bundle.schools);
  const groups: Group[] = [
    {
      title: 'Roadmap',
      items: [
        ...phaseTimingNotes(phases, bundle.plan.schoolYearStartMonth).map((n) => ({ key: `${n.kind}|${n.first.id}|${n.second.id}`, text: n.message })),
        ...bundle.milestones.filter((m) => m.phaseId === null || phaseIds.has(m.phaseId)).flatMap((m) => {
          const problem = milestoneProblem(m, bundle.phases);
          return problem ? [{ key: `m|${m.id}`, text: `${m.name}: ${problem}` }] : [];
        }),
      ],
    },
    {
      title: 'Budget',
      items: budget.warnings.filter((w) => w.kind === 'over-budget' || !w.resolved).map((w, i) => ({ key: `b|${i}`, text: w.message })),
    },
    {
      title: 'Tight & loose',
      items: budget.contradictions.map((a) => {
        const area = bundle.areas.find((x) => x.id === a.areaId)?.name ?? 'its area';
        const phase = phaseName(a.phaseId);
        return { key: `c|${a.id}`, text: `${recipientName(a.recipient)}, ${phase}: a flexible line of ${amountText(a.kind, a.amount)} pays for ${area}, which the plan holds tight in ${phase}.` };
      }),
    },
    {
      title: 'Waves',
      items: bundle.waves.flatMap((w) => {
        const text = equityWarning(equityFigures(bundle.schools.filter((s) => s.waveId === w.id), bundle.schools, measures));
        return text ? [{ key: `w|${w.id}`, text: `${w.name}: ${text}` }] : [];
      }),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <ReportSection id="packet-warnings" title="Open warnings">
      {groups.length === 0 ? <Empty>The plan’s rules flag nothing.</Empty> : groups.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          <ul className="warnings">
            {g.items.map((item) => <li key={item.key}><strong className="warn-tag">Warning:</strong> {item.text}</li>)}
          </ul>
        </div>
      ))}
    </ReportSection>
  );
}
