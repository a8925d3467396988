import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../../app/store';
import { errorMessage } from '../../../domain/messages';
import { comparePlans } from '../../../domain/plan-diff';
import { latestApproved } from '../../../domain/revisions';
import type { PlanBundle } from '../../../domain/schemas';
import type { ApprovalChanges, ReportHistory } from './report-history';

/** The approved revision's plan, or why it could not be read, for the revision it belongs to. */
type Baseline = { revisionId: string } & ({ ok: true; bundle: PlanBundle } | { ok: false; message: string });

/**
 * The plan's history for a report: the changes since the latest approved revision and the
 * journal, kept live like the plan itself. The approved revision's saved state is read once per
 * revision (saved states never change); the comparison is redone as the plan changes. Null while
 * anything is still loading, so a report never prints "Draft" first and "Approved" a moment later.
 * With `enabled` false (school briefs) nothing is read and the report has no history.
 */
export function useReportHistory(planId: string, bundle: PlanBundle | null | undefined, enabled: boolean): ReportHistory | null {
  const revisions = useLiveQuery(() => (enabled ? planStore.listRevisions(planId) : []), [planId, enabled]);
  const journal = useLiveQuery(() => (enabled ? planStore.listJournal(planId) : []), [planId, enabled]);
  const approved = revisions ? latestApproved(revisions) : null;
  const approvedId = approved?.id ?? null;
  const [baseline, setBaseline] = useState<Baseline | null>(null);

  useEffect(() => {
    if (approvedId === null) return undefined;
    let current = true;
    planStore.loadRevision(approvedId).then(
      ({ bundle: then }) => { if (current) setBaseline({ revisionId: approvedId, ok: true, bundle: then }); },
      (error: unknown) => { if (current) setBaseline({ revisionId: approvedId, ok: false, message: errorMessage(error) }); },
    );
    return () => { current = false; };
  }, [approvedId]);

  const approval = approved?.approval ?? null;
  const approvalChanges = useMemo((): ApprovalChanges | null => {
    if (!bundle || revisions === undefined) return null;
    if (approvedId === null || approval === null) return { status: 'none' };
    // Still reading the approved revision (or the one read belongs to an earlier approval).
    if (baseline?.revisionId !== approvedId) return null;
    return baseline.ok
      ? { status: 'compared', approval, changes: comparePlans(baseline.bundle, bundle) }
      : { status: 'unreadable', approval, message: baseline.message };
  }, [bundle, revisions, approvedId, approval, baseline]);

  if (!enabled) return { approval: { status: 'none' }, journal: [] };
  if (approvalChanges === null || journal === undefined) return null;
  return { approval: approvalChanges, journal };
}
