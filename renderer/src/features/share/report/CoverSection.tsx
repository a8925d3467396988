import type { Ref } from 'react';
import { format } from 'date-fns';
import type { Phase, PlanBundle } from '../../../domain/schemas';
import { phaseSpan } from '../../../domain/phase-rules';

/**
 * The packet's first page: the plan, the system, the date it was printed and its status (a draft,
 * or approved, or a draft based on an approval when it changed since). With
 * the cover left out, only the title heads the first section's page.
 */
export function CoverSection({ bundle, phases, headingRef, full, status }: {
  bundle: PlanBundle;
  phases: readonly Phase[];
  headingRef: Ref<HTMLHeadingElement>;
  full: boolean;
  /** "Draft", or how the plan stands against its approval. */
  status: string;
}) {
  const { plan } = bundle;
  if (!full) return <h1 className="report-title" ref={headingRef} tabIndex={-1}>{plan.name}: Board packet</h1>;
  return (
    <section className="report-section report-cover" aria-labelledby="packet-cover">
      <p className="cover-kind">Board packet</p>
      <h1 id="packet-cover" className="cover-title" ref={headingRef} tabIndex={-1}>{plan.name}</h1>
      {plan.systemName && <p className="cover-system">{plan.systemName}</p>}
      <dl className="cover-facts">
        <div><dt>Status</dt><dd>{status}</dd></div>
        <div><dt>Printed</dt><dd>{format(new Date(), 'MMMM d, yyyy')}</dd></div>
        {phases.length > 0 && <div><dt>Phases</dt><dd>{phases.length} ({phaseSpan({ start: phases[0]!.start, end: phases[phases.length - 1]!.end })})</dd></div>}
      </dl>
    </section>
  );
}
