import { afterEach, describe, expect, it } from 'vitest';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { checkDatabaseVersion, newestSchemaVersion, newerDatabaseRefused } from '../../../renderer/src/storage/database-version';
import { SCHEMA_HISTORY } from '../../../renderer/src/storage/schema-history';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';
import { toStorageError } from '../../../renderer/src/storage/storage-error';
import { newId } from '../../../renderer/src/domain/ids';
import { samplePlan } from '../domain/plan-fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteRaw(name);
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('delete failed'));
  });
}

/** Opens a database with plain IndexedDB, as another app would; `upgrade` runs if the version is new. */
function openRaw(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

/** Everything in the database, table by table, read with plain IndexedDB. */
async function rawContents(name: string): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  const db = await openRaw(name);
  const tables: Record<string, unknown[]> = {};
  const storeNames = [...db.objectStoreNames];
  if (storeNames.length > 0) {
    const tx = db.transaction(storeNames, 'readonly');
    for (const store of storeNames) tables[store] = await request(tx.objectStore(store).getAll());
  }
  const { version } = db;
  db.close();
  return { version, tables };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

/**
 * A database as a newer Roadmap Planner (schema 7, stored as 70) leaves it: every table this
 * version knows, one it does not (`boardMeetings`), and a plan row.
 */
async function newerDatabase(name: string, options: { withEveryTable?: boolean } = {}) {
  const planRow = { ...samplePlan({ name: 'Riverside roadmap' }).plan, deletedAt: null };
  const meeting = { id: newId(), planId: planRow.id, date: '2027-03-12', agenda: 'Approve the pilot' };
  const db = await openRaw(name, 70, (raw) => {
    const tables = options.withEveryTable === false ? ['plans'] : Object.keys(Object.assign({}, ...SCHEMA_HISTORY.map((step) => step.stores)) as object);
    for (const table of tables) raw.createObjectStore(table, { keyPath: 'id' });
    raw.createObjectStore('boardMeetings', { keyPath: 'id' });
  });
  const tx = db.transaction(['plans', 'boardMeetings'], 'readwrite');
  tx.objectStore('plans').put(planRow);
  tx.objectStore('boardMeetings').put(meeting);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
  return { planRow, meeting };
}

describe('the version check', () => {
  it('knows the newest schema of this app', () => {
    expect(newestSchemaVersion()).toBe(SCHEMA_HISTORY.at(-1)?.version);
  });

  it('finds no database, and creates none, where there is none', async () => {
    const name = `missing-${newId()}`;
    expect(await checkDatabaseVersion({ name })).toEqual({ kind: 'ok', found: null, known: newestSchemaVersion() });
    expect(await databaseNames()).not.toContain(name);
  });

  it('lets this app open a database of its own version or an older one', async () => {
    const name = `older-${newId()}`;
    names.push(name);
    const older = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 3));
    await older.open();
    older.close();
    expect(await checkDatabaseVersion({ name })).toEqual({ kind: 'ok', found: 3, known: newestSchemaVersion() });
    const db = new PlannerDatabase(name);
    await db.open();
    db.close();
    expect(await checkDatabaseVersion({ name })).toEqual({ kind: 'ok', found: newestSchemaVersion(), known: newestSchemaVersion() });
  });

  it('reports a database a newer version wrote, and changes nothing in it', async () => {
    const name = `newer-${newId()}`;
    names.push(name);
    await newerDatabase(name);
    const before = await rawContents(name);
    expect(await checkDatabaseVersion({ name })).toEqual({ kind: 'newer', found: 7, known: newestSchemaVersion() });
    expect(await rawContents(name)).toEqual(before);
  });
});

describe('the app\'s open path on a newer database', () => {
  it('refuses to open it, leaves its version at 70 and every row in place, and says why', async () => {
    const name = `newer-${newId()}`;
    names.push(name);
    const { planRow, meeting } = await newerDatabase(name, { withEveryTable: false });
    const before = await rawContents(name);
    expect(before.version).toBe(70);

    // As the app does: the store over the database, used at once (Dexie opens on first use).
    const db = new PlannerDatabase(name);
    const store = createPlanStore(db);
    const listed = store.listPlans().catch((error: unknown) => error);
    const explicit = db.open().catch((error: unknown) => error);
    const failure = toStorageError(await listed, 'load your plans');
    expect(failure.reason).toBe('newer-version');
    expect(failure.message).toBe(
      'Could not load your plans: your plans were last opened by a newer version of Roadmap Planner (database version 7; this version knows up to 6). Update the app to open them, or open them in the newer version; nothing was changed.',
    );
    expect(toStorageError(await explicit, 'open your plans').reason).toBe('newer-version');
    // A write after the refusal is refused too.
    await expect(store.createPlan(samplePlan({ name: 'Lakeside roadmap' }))).rejects.toMatchObject({ reason: 'newer-version' });
    db.close();

    const after = await rawContents(name);
    expect(after.version).toBe(70);
    expect(after).toEqual(before);
    expect(after.tables.plans).toEqual([planRow]);
    expect(after.tables.boardMeetings).toEqual([meeting]);
    // The app shell hears of it, to show why, full screen.
    expect(newerDatabaseRefused()).toEqual({ kind: 'newer', found: 7, known: newestSchemaVersion() });
  });

  it('refuses a newer database that has every table this version knows (which Dexie would open and write to as it is)', async () => {
    const name = `newer-${newId()}`;
    names.push(name);
    await newerDatabase(name, { withEveryTable: true });
    const before = await rawContents(name);
    const db = new PlannerDatabase(name);
    await expect(createPlanStore(db).createPlan(samplePlan())).rejects.toMatchObject({ reason: 'newer-version' });
    db.close();
    expect(await rawContents(name)).toEqual(before);
  });

  it('never lets Dexie open a newer database at the version on disk, even when the check could not read it', async () => {
    const name = `newer-${newId()}`;
    names.push(name);
    await newerDatabase(name, { withEveryTable: false });
    const before = await rawContents(name);
    // A factory on which the check learns nothing (it lists no database and cannot open one
    // without a version): only the guard on Dexie's own opens stands between Dexie and the database.
    const blind: IDBFactory = {
      open: (dbName: string, version?: number) => {
        if (version === undefined) throw new DOMException('not here', 'UnknownError');
        return indexedDB.open(dbName, version);
      },
      databases: async () => [],
      deleteDatabase: (dbName: string) => indexedDB.deleteDatabase(dbName),
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    };
    const db = new PlannerDatabase(name, SCHEMA_HISTORY, blind);
    await expect(createPlanStore(db).createPlan(samplePlan())).rejects.toMatchObject({ reason: 'newer-version' });
    db.close();
    expect(await rawContents(name)).toEqual(before);
  });

  it('refuses to reopen once another tab has upgraded the database to a newer version', async () => {
    const name = `upgraded-${newId()}`;
    names.push(name);
    const db = new PlannerDatabase(name);
    const store = createPlanStore(db);
    const first = samplePlan({ name: 'First roadmap' });
    await store.createPlan(first);
    // A newer app in another tab: Dexie closes this connection on its "versionchange" and opens again on next use.
    const newer = await openRaw(name, 70, (raw) => raw.createObjectStore('boardMeetings', { keyPath: 'id' }));
    newer.close();
    const before = await rawContents(name);
    await expect(store.createPlan(samplePlan({ name: 'Second roadmap' }))).rejects.toMatchObject({ reason: 'newer-version' });
    db.close();
    expect(await rawContents(name)).toEqual(before);
  });
});
