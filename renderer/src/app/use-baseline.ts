/**
 * The plan's approved baseline, live: the revision a body approved most recently, read once per
 * revision (its state is unzipped and checked) and kept while the plan is open, and how many
 * changes the plan has had since. The plan header, the timeline and History show the same count.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { planStore } from './store';
import { errorMessage } from '../domain/messages';
import { comparePlans, type PlanChanges } from '../domain/plan-diff';
import { latestApproved, type Approval, type Revision } from '../domain/revisions';
import type { PlanBundle } from '../domain/schemas';

export type ApprovedRevision = Revision & { approval: Approval };

export type Baseline =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; revision: ApprovedRevision; bundle: PlanBundle }
  | { status: 'unreadable'; revision: ApprovedRevision; message: string };

// A revision's state never changes once saved: one read per revision while the app runs.
const read = new Map<string, Promise<PlanBundle>>();
function readOnce(id: string): Promise<PlanBundle> {
  let found = read.get(id);
  if (!found) {
    found = planStore.loadRevision(id).then((r) => r.bundle);
    found.catch(() => read.delete(id));
    read.set(id, found);
  }
  return found;
}

/**
 * The plan's baseline: the latest approved revision and the plan it holds. The same object for
 * as long as neither changes. With `enabled` false nothing is read (a report that shows no history).
 */
export function useBaseline(planId: string, enabled = true): Baseline {
  const revisions = useLiveQuery(() => (enabled ? planStore.listRevisions(planId) : []), [planId, enabled]);
  const revision = useMemo(() => (revisions ? latestApproved(revisions) : undefined), [revisions]);
  const [loaded, setLoaded] = useState<{ id: string; bundle: PlanBundle } | { id: string; message: string } | null>(null);
  const id = revision?.id ?? null;
  useEffect(() => {
    if (!id) return undefined;
    let current = true;
    readOnce(id).then(
      (bundle) => { if (current) setLoaded({ id, bundle }); },
      (error: unknown) => { if (current) setLoaded({ id, message: errorMessage(error) }); },
    );
    return () => { current = false; };
  }, [id]);
  return useMemo((): Baseline => {
    if (revision === undefined) return { status: 'loading' };
    if (revision === null) return { status: 'none' };
    if (!loaded || loaded.id !== revision.id) return { status: 'loading' };
    return 'bundle' in loaded ? { status: 'ready', revision, bundle: loaded.bundle } : { status: 'unreadable', revision, message: loaded.message };
  }, [revision, loaded]);
}

/**
 * What changed since the baseline, worked out again as the plan changes (deferred, so typing
 * never waits on it). Null while there is no readable baseline.
 */
export function useChangesSinceBaseline(baseline: Baseline, bundle: PlanBundle): PlanChanges | null {
  const now = useDeferredValue(bundle);
  const then = baseline.status === 'ready' ? baseline.bundle : null;
  return useMemo(() => (then ? comparePlans(then, now) : null), [then, now]);
}
