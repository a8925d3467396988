/**
 * The IndexedDB database, typed. Tables are normalized by plan: every child record carries
 * its planId and is indexed by [planId+order] so one plan's records load with one range read.
 *
 * Schema history is append-only: every version ever shipped stays in schema-history.ts with its
 * upgrade, and tests open a database written by each older version.
 */
import { Dexie, type Table } from 'dexie';
import type { AllocationRow, Area, FundingSource, IndicatorRow, Milestone, Outcome, Phase, Plan, Position, School, Stance, Wave } from '../domain/schemas';
import type { Revision } from '../domain/revisions';
import type { JournalEntry } from '../domain/journal';
import { SCHEMA_HISTORY, type SchemaVersion } from './schema-history';

export const DATABASE_NAME = 'roadmap-planner';

// Dexie turns on its debug mode (long async stack traces) for pages served from localhost,
// which the browser mode is; a built app runs as the desktop one does.
if (import.meta.env?.PROD) Dexie.debug = false;

/** A plan as stored: the plan plus when it was moved to "Recently deleted" (null while in use). */
export interface PlanRow extends Plan {
  deletedAt: string | null;
}

/** A revision's saved state: the plan file text, gzipped, under the revision's id. */
export interface RevisionDataRow {
  id: string;
  bytes: Uint8Array;
}

export class PlannerDatabase extends Dexie {
  plans!: Table<PlanRow, string>;
  phases!: Table<Phase, string>;
  areas!: Table<Area, string>;
  stances!: Table<Stance, string>;
  positions!: Table<Position, string>;
  milestones!: Table<Milestone, string>;
  outcomes!: Table<Outcome, string>;
  indicators!: Table<IndicatorRow, string>;
  schools!: Table<School, string>;
  waves!: Table<Wave, string>;
  fundingSources!: Table<FundingSource, string>;
  allocations!: Table<AllocationRow, string>;
  revisions!: Table<Revision, string>;
  revisionData!: Table<RevisionDataRow, string>;
  journal!: Table<JournalEntry, string>;

  constructor(name: string = DATABASE_NAME, history: readonly SchemaVersion[] = SCHEMA_HISTORY) {
    super(name);
    for (const step of history) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
