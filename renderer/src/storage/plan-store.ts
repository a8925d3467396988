/**
 * The store: every repository over one database, as one object the app and its commands use.
 * Each aggregate's reads and writes are in its own file (library, roadmap, schools,
 * resources, revisions, journal); how a write becomes one transaction with a ChangeSet is in transactions.ts.
 */
import type { PlannerDatabase } from './database';
import { createTransactions } from './transactions';
import { createLibraryRepository } from './library-repository';
import { createRoadmapRepository } from './roadmap-repository';
import { createSchoolsRepository } from './schools-repository';
import { createResourcesRepository } from './resources-repository';
import { createRevisionsRepository } from './revisions-repository';
import { createJournalRepository } from './journal-repository';

export type PlanStore = ReturnType<typeof createPlanStore>;

export function createPlanStore(db: PlannerDatabase, clock: () => Date = () => new Date()) {
  const tx = createTransactions(db, clock);
  return {
    ...createLibraryRepository(tx, clock),
    ...createRoadmapRepository(tx),
    ...createSchoolsRepository(tx),
    ...createResourcesRepository(tx),
    ...createRevisionsRepository(tx),
    ...createJournalRepository(tx),
    /** Undoes or redoes one edit of a plan, in one transaction. */
    applyChange: tx.applyChange,
  };
}

