/**
 * Which schema wrote the database, read before the app opens it, so that a database written by
 * a newer version of the app (the planner tried the newer app, then went back) is never opened,
 * changed or wiped by this one.
 *
 * The record of which schema wrote the database is IndexedDB's own version number: every
 * version of the app opens the database at its newest schema (SCHEMA_HISTORY), and IndexedDB
 * keeps the highest version ever opened. Dexie stores schema version N as N × 10 (so version 6
 * is 60 on disk). A newer app leaves a higher number behind; nothing else is needed to know.
 *
 * Why a check of our own: Dexie 4, asked to open a database at a version lower than the one on
 * disk, quietly opens it at the version on disk and, if tables it knows are missing, bumps the
 * version and adds them: the newer database is changed, the library shows empty, and the
 * VersionError that would have said so never reaches the planner.
 *
 * No Dexie here, on purpose: the app shell asks this before the database code is fetched.
 */
import { SCHEMA_HISTORY, type SchemaVersion } from './schema-history';

export const DATABASE_NAME = 'roadmap-planner';

/** What the check found: a database this app may open (or none yet), or one a newer app wrote. */
export type DatabaseVersionCheck =
  | { kind: 'ok'; found: number | null; known: number }
  | { kind: 'newer'; found: number; known: number };

/** The newest schema version this app knows (6 for the 60 stored on disk). */
export function newestSchemaVersion(history: readonly SchemaVersion[] = SCHEMA_HISTORY): number {
  return Math.max(0, ...history.map((step) => step.version));
}

/** A version as a planner reads it: 7, or 7.1 for a database Dexie bumped by one. */
export function versionWords(version: number): string {
  return String(Math.round(version * 10) / 10);
}

/** The native IndexedDB version of the database, or null when there is none; opens nothing for good. */
async function storedVersion(name: string, factory: IDBFactory): Promise<number | null> {
  // Listing the databases first avoids opening a missing one at all (Chromium, Electron and
  // fake-indexeddb all list; an older browser that cannot falls through to the open below).
  if (typeof factory.databases === 'function') {
    try {
      const listed = (await factory.databases()).find((info) => info.name === name);
      if (!listed) return null;
    } catch {
      // Fall through to opening it.
    }
  }
  return new Promise((resolve, reject) => {
    // Opened without a version: IndexedDB opens it at whatever version it has, and changes nothing.
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a missing database gets here (version 0 to 1). Aborting the upgrade leaves it
      // uncreated: the app's own open creates it, at the app's schema, as it always has.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (request.error?.name === 'AbortError') resolve(null);
      else reject(request.error ?? new Error(`Could not read the version of the database “${name}”.`));
    };
    // Another tab is upgrading the database: the answer comes once it has finished.
    request.onblocked = () => undefined;
  });
}

/**
 * Reads the database's version with plain IndexedDB, before Dexie opens it, and says whether
 * this app may open it. Nothing is created, deleted or changed; the connection is closed at once.
 */
export async function checkDatabaseVersion(options: { name?: string; history?: readonly SchemaVersion[]; factory?: IDBFactory } = {}): Promise<DatabaseVersionCheck> {
  const { name = DATABASE_NAME, history = SCHEMA_HISTORY, factory = globalThis.indexedDB } = options;
  const known = newestSchemaVersion(history);
  const stored = await storedVersion(name, factory);
  if (stored === null || stored === 0) return { kind: 'ok', found: null, known };
  const found = stored / 10;
  return stored > Math.round(known * 10) ? { kind: 'newer', found, known } : { kind: 'ok', found, known };
}

/** What the app's open path found, for the app shell: set when a newer database was refused. */
let refused: Extract<DatabaseVersionCheck, { kind: 'newer' }> | null = null;
const listeners = new Set<() => void>();

/** Records that the app's database was refused as newer (the shell then shows why, full screen). */
export function reportNewerDatabase(check: Extract<DatabaseVersionCheck, { kind: 'newer' }>): void {
  if (refused?.found === check.found && refused.known === check.known) return;
  refused = check;
  for (const listener of listeners) listener();
}

/** The refusal, if the app's database turned out to be newer since the app started (another tab upgraded it). */
export function newerDatabaseRefused(): Extract<DatabaseVersionCheck, { kind: 'newer' }> | null {
  return refused;
}

/** Calls back when a newer database is refused; returns the way to stop (for useSyncExternalStore). */
export function subscribeNewerDatabase(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
