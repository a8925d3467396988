import { afterEach, beforeEach } from 'vitest';
import type { CommandContext } from '../../../renderer/src/app/commands';
import { newId } from '../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../../renderer/src/storage/plan-store';

/** What each test is given: its own database, the store over it, a command context, and the plan in it. */
export interface TestStore {
  db: PlannerDatabase;
  store: PlanStore;
  ctx: CommandContext;
  bundle: PlanBundle;
}

/**
 * Before each test: a fresh database on fake IndexedDB, a store over it on the clock `now`, and
 * the plan `plan()` makes, saved; `take` gets them. After each test the database is deleted.
 */
export function useTestStore(plan: () => PlanBundle, take: (made: TestStore) => void, now: () => Date = () => new Date('2026-11-24T09:00:00Z')): void {
  let db: PlannerDatabase | undefined;
  beforeEach(async () => {
    db = new PlannerDatabase(`test-${newId()}`);
    const store = createPlanStore(db, now);
    await db.open();
    const bundle = plan();
    await store.createPlan(bundle);
    take({ db, store, ctx: { store, now }, bundle });
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });
}
