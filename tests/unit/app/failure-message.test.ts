import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failureMessage } from '../../../renderer/src/app/failure-message';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../../renderer/src/storage/plan-store';
import { StorageError } from '../../../renderer/src/storage/storage-error';
import { newId } from '../../../renderer/src/domain/ids';
import { normalized, samplePlan } from '../domain/plan-fixtures';

const MB = 1024 * 1024;
const fullDisk = () => Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });

let db: PlannerDatabase;
let store: PlanStore;
beforeEach(() => {
  db = new PlannerDatabase(`test-${newId()}`);
  store = createPlanStore(db);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('a write refused for space', () => {
  it('says how much is used and what can be freed, and leaves what was saved as it was', async () => {
    const saved = samplePlan({ name: 'Riverside roadmap' });
    await store.createPlan(saved);
    const before = normalized(await store.loadBundle(saved.plan.id));

    // The second plan's phases fail as a full disk would, after its plan row was written in the same transaction.
    vi.spyOn(db.phases, 'bulkAdd').mockImplementation(() => { throw fullDisk(); });
    const other = samplePlan({ name: 'Lakeside roadmap' });
    const error = await store.createPlan(other).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('quota');

    const estimate = vi.fn(async () => ({ usage: 59.6 * MB, quota: 60 * MB }));
    expect(await failureMessage(error, estimate)).toBe(
      'Could not create the plan: this computer is out of storage space for the app. Nothing was changed. The plans use 59.6 MB of the 60 MB allowed. To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.',
    );
    expect(estimate).toHaveBeenCalledTimes(1);

    vi.restoreAllMocks();
    // Nothing already saved was touched, and nothing of the refused plan was left behind.
    expect(normalized(await store.loadBundle(saved.plan.id))).toEqual(before);
    expect(await store.getPlanRow(other.plan.id)).toBeUndefined();
    expect((await store.listPlans()).map((p) => p.name)).toEqual(['Riverside roadmap']);
  });

  it('goes without the figures when the browser gives no estimate, or is slow to', async () => {
    const error = new StorageError('Could not save the plan: this computer is out of storage space for the app. Nothing was changed. Free some disk space and try again.', 'quota');
    const advice = 'To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.';
    expect(await failureMessage(error, async () => null)).toBe(`Could not save the plan: this computer is out of storage space for the app. Nothing was changed. ${advice}`);
    expect(await failureMessage(error, () => Promise.reject(new Error('denied')))).toContain(`Nothing was changed. ${advice}`);
    vi.useFakeTimers();
    try {
      const slow = failureMessage(error, () => new Promise(() => undefined));
      await vi.advanceTimersByTimeAsync(1000);
      expect(await slow).toContain(`Nothing was changed. ${advice}`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves every other failure\'s message as it was, without asking for an estimate', async () => {
    const estimate = vi.fn(async () => ({ usage: MB, quota: 2 * MB }));
    const aborted = new StorageError('Could not save the plan: the save was interrupted. Nothing was changed; try again.', 'aborted');
    expect(await failureMessage(aborted, estimate)).toBe(aborted.message);
    expect(await failureMessage(new Error('boom'), estimate)).toBe('boom');
    expect(estimate).not.toHaveBeenCalled();
  });
});
