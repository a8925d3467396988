import type { Ref } from 'react';
import type { PlanBundle } from '../../../domain/schemas';
import { changeSummaryText } from '../../../domain/plan-diff';
import { ReportSection } from './ReportSection';
import { approvalLine, HOW_TO_APPROVE, type ApprovalChanges } from './report-history';

export const CHANGES_TITLE = 'What changed since approval';

/**
 * The changes from the approved revision to the plan now, as the History section's comparison
 * shows them: the approval and the count, the summary line, then each section's changes in words.
 * `level` is the heading level of the sections: 2 on a page of its own, 3 inside the packet.
 */
function ChangesBody({ approval, level, idPrefix }: { approval: ApprovalChanges; level: 2 | 3; idPrefix: string }) {
  if (approval.status === 'none') {
    return (
      <>
        <p>No revision of this plan is marked approved yet, so there is nothing to compare the plan with.</p>
        <p className="note">{HOW_TO_APPROVE}</p>
      </>
    );
  }
  if (approval.status === 'unreadable') {
    return (
      <>
        <p className="approval-line">{approvalLine(approval.approval, null)}</p>
        <div role="alert">
          <p>The approved revision could not be compared with the plan now.</p>
          <p>{approval.message}</p>
        </div>
      </>
    );
  }
  const { changes } = approval;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <p className="approval-line">{approvalLine(approval.approval, changes.summary.total)}</p>
      <p className="changes-summary">
        {changeSummaryText(changes)}{changes.summary.total === 0 ? ': the plan is as it was approved.' : ''}
      </p>
      {changes.sections.map((section) => (
        <section key={section.section} className="changes-group" aria-labelledby={`${idPrefix}-${section.section}`}>
          <Heading id={`${idPrefix}-${section.section}`} className="changes-heading">
            {section.label} <span className="unit">({section.changes.length})</span>
          </Heading>
          <ul className="plain-list">
            {section.changes.map((change, i) => <li key={`${change.recordId ?? ''}${i}`}>{change.text}</li>)}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * The packet's appendix: what changed since the board approved the plan. Left out when no
 * revision is approved: a board packet for a plan never approved has nothing to say here.
 */
export function ChangesSection({ approval }: { approval: ApprovalChanges }) {
  if (approval.status === 'none') return null;
  return (
    <ReportSection id="packet-changes" title={CHANGES_TITLE}>
      <ChangesBody approval={approval} level={3} idPrefix="packet-changes" />
    </ReportSection>
  );
}

/** "What changed since approval" as a report of its own: one page (or more) a board member can read alone. */
export function ChangesReport({ bundle, approval, headingRef }: { bundle: PlanBundle; approval: ApprovalChanges; headingRef: Ref<HTMLHeadingElement> }) {
  const { plan } = bundle;
  return (
    <section className="report-section report-changes" aria-labelledby="changes-title">
      <p className="report-plan-name">{plan.name}{plan.systemName ? ` · ${plan.systemName}` : ''}</p>
      <h1 id="changes-title" ref={headingRef} tabIndex={-1}>{CHANGES_TITLE}</h1>
      <ChangesBody approval={approval} level={2} idPrefix="changes" />
    </section>
  );
}
