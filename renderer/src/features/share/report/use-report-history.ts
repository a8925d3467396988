import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from '../../../app/store';
import { useBaseline } from '../../../app/use-baseline';
import { comparePlans } from '../../../domain/plan-diff';
import type { PlanBundle } from '../../../domain/schemas';
import type { ApprovalChanges, ReportHistory } from './report-history';

/**
 * The plan's history for a report: the changes since the latest approved revision and the
 * journal, kept live like the plan itself (the baseline is the one the plan screen uses). Null
 * while anything is still loading, so a report never prints "Draft" first and "Approved" a
 * moment later. With `enabled` false (school briefs) nothing is read and the report has no history.
 */
export function useReportHistory(planId: string, bundle: PlanBundle | null | undefined, enabled: boolean): ReportHistory | null {
  const baseline = useBaseline(planId, enabled);
  const journal = useLiveQuery(() => (enabled ? planStore.listJournal(planId) : []), [planId, enabled]);
  const approval = useMemo((): ApprovalChanges | null => {
    if (!bundle) return null;
    switch (baseline.status) {
      case 'loading': return null;
      case 'none': return { status: 'none' };
      case 'ready': return { status: 'compared', approval: baseline.revision.approval, changes: comparePlans(baseline.bundle, bundle) };
      case 'unreadable': return { status: 'unreadable', approval: baseline.revision.approval, message: baseline.message };
    }
  }, [bundle, baseline]);

  if (!enabled) return { approval: { status: 'none' }, journal: [] };
  if (approval === null || journal === undefined) return null;
  return { approval, journal };
}
