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
import { checkDatabaseVersion, DATABASE_NAME, reportNewerDatabase, versionWords, type DatabaseVersionCheck } from './database-version';
import { StorageError } from './storage-error';

export { DATABASE_NAME };

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

  private readonly guard: { refusal: StorageError | null; checking: Promise<DatabaseVersionCheck> | null };
  private readonly history: readonly SchemaVersion[];
  private readonly factory: IDBFactory | undefined;

  constructor(name: string = DATABASE_NAME, history: readonly SchemaVersion[] = SCHEMA_HISTORY, factory: IDBFactory | undefined = Dexie.dependencies.indexedDB) {
    // Set when the version check found a newer database: every open is refused with it.
    const guard = { refusal: null, checking: null };
    // Dexie reaches IndexedDB only through this factory, which refuses what would change a newer
    // database. Without IndexedDB at all, Dexie's own open says so (MissingAPI).
    super(name, factory ? { indexedDB: guardedFactory(factory, () => guard.refusal) } : {});
    this.guard = guard;
    this.history = history;
    this.factory = factory;
    for (const step of history) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }

  /**
   * Every open goes through the version check first: the app's first query (Dexie opens on
   * first use, and every query waits for the open), an explicit open, and a reopen after another
   * tab upgraded the database (Dexie closes on "versionchange" and opens again on next use).
   * A newer database is refused before Dexie touches it: the open, and every query waiting on
   * it, fails with a StorageError whose reason is 'newer-version', and nothing is written.
   */
  override open() {
    const { guard } = this;
    guard.checking ??= checkDatabaseVersion({ name: this.name, history: this.history, factory: this.factory }).finally(() => {
      guard.checking = null;
    });
    return Dexie.Promise.resolve(guard.checking).then(
      (check) => {
        if (check.kind === 'newer') {
          guard.refusal = newerDatabaseError(check);
          reportNewerDatabase(check);
        } else {
          guard.refusal = null;
        }
        return super.open();
      },
      // The check could not read the version (a broken profile): Dexie's own open says what is wrong.
      () => super.open(),
    );
  }
}

function newerDatabaseError(check: Extract<DatabaseVersionCheck, { kind: 'newer' }>): StorageError {
  return new StorageError(
    `Your plans were last opened by a newer version of Roadmap Planner (database version ${versionWords(check.found)}; this version knows up to ${versionWords(check.known)}). Update the app to open them, or open them in the newer version; nothing was changed.`,
    'newer-version',
  );
}

/**
 * IndexedDB as Dexie sees it. Opening without a version is how Dexie 4 goes on when the
 * database is newer than its schema (after a VersionError it opens at the version on disk,
 * then bumps it to add the tables it misses), so that is refused; so is every open once the
 * check has found a newer database. Opening at the app's own version never changes a newer
 * database: IndexedDB refuses it with a VersionError.
 */
function guardedFactory(factory: IDBFactory, refusal: () => StorageError | null): IDBFactory {
  return {
    open(name: string, version?: number) {
      const refused = refusal();
      if (refused) throw refused;
      if (version === undefined) {
        throw new StorageError('Your plans were last opened by a newer version of Roadmap Planner. Update the app to open them, or open them in the newer version; nothing was changed.', 'newer-version');
      }
      return factory.open(name, version);
    },
    deleteDatabase: (name: string) => factory.deleteDatabase(name),
    databases: () => factory.databases(),
    cmp: (first: unknown, second: unknown) => factory.cmp(first, second),
  };
}
