/**
 * Fault injection for storage tests: a Dexie DBCore middleware that counts every write request
 * (one `mutate` per put, add, delete or bulk call, as the store makes them) and, when told, makes
 * the Nth one fail. A crash, a full disk or a browser killing the page all end the same way for
 * IndexedDB: the transaction under way never commits. Sweeping N over every write an operation
 * makes shows whether any of those endings leaves a plan half written.
 *
 * Ways the Nth request fails:
 * - `throw`: the request is refused before it reaches the database (an I/O error).
 * - `abort`: the request is made, then the transaction is aborted at once, as when the page is
 *   closed; for the last request of a transaction this is the crash just before it commits.
 * - `half`: a bulk request writes the first half of its rows and reports the rest failed (a disk
 *   that fills up mid-way); Dexie then rejects with a BulkError that the store must not swallow.
 *
 * The middleware is installed before the database opens (Dexie builds its stack at open), so
 * the database is made here, and it stays inert until `failAt` or `count` is called.
 */
import { vi } from 'vitest';
import type { DBCoreMutateRequest, DBCoreMutateResponse, Dexie } from 'dexie';
import { newId } from '../../../renderer/src/domain/ids';
import { PlannerDatabase } from '../../../renderer/src/storage/database';

export type FaultMode = 'throw' | 'abort' | 'half';
export const FAULT_MODES: readonly FaultMode[] = ['throw', 'abort', 'half'];

/** One write request as the middleware saw it. */
export interface WriteRequest {
  table: string;
  type: DBCoreMutateRequest['type'];
  rows: number;
}

/** The fault an injected failure throws, so a test can tell it from a real bug. */
export class InjectedFault extends Error {}

export class Faults {
  private armed: { mode: FaultMode; at: number } | null = null;
  private counting = false;
  /** Write requests seen since `count` or `failAt`. */
  requests: WriteRequest[] = [];
  /** Whether the armed fault was reached. */
  fired = false;

  /** Counts write requests from now on, failing none. */
  count(): void {
    this.counting = true;
    this.armed = null;
    this.requests = [];
    this.fired = false;
  }

  /** Fails the `at`th write request (1-based) from now on, in the given way. */
  failAt(mode: FaultMode, at: number): void {
    this.count();
    this.armed = { mode, at };
  }

  /** Stops counting and failing. */
  off(): void {
    this.counting = false;
    this.armed = null;
  }

  /** @internal the middleware's hook. */
  mutate(table: string, req: DBCoreMutateRequest, down: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>): Promise<DBCoreMutateResponse> {
    if (!this.counting) return down(req);
    this.requests.push({ table, type: req.type, rows: rowCount(req) });
    const armed = this.armed;
    if (!armed || this.requests.length !== armed.at) return down(req);
    this.fired = true;
    this.armed = null;
    const refused = () => Promise.reject(new InjectedFault(`Injected fault: write ${armed.at} (${req.type} on ${table}) was refused.`));
    switch (armed.mode) {
      case 'throw':
        return refused();
      case 'abort': {
        const made = down(req);
        req.trans.abort();
        return made;
      }
      case 'half':
        return halfWritten(req, down) ?? refused();
    }
  }
}

function rowCount(req: DBCoreMutateRequest): number {
  if (req.type === 'add' || req.type === 'put') return req.values.length;
  if (req.type === 'delete') return req.keys.length;
  return 1;
}

/** Writes the first half of a plain bulk request and reports the rest as failed; undefined where the request cannot be split. */
function halfWritten(req: DBCoreMutateRequest, down: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>): Promise<DBCoreMutateResponse> | undefined {
  if (req.type === 'deleteRange' || (req.type === 'put' && (req.criteria || req.updates || req.changeSpec))) return undefined;
  const total = rowCount(req);
  const kept = Math.floor(total / 2);
  const first = req.type === 'delete'
    ? { ...req, keys: req.keys.slice(0, kept) }
    : { ...req, values: req.values.slice(0, kept), ...(req.keys ? { keys: req.keys.slice(0, kept) } : {}) };
  const written = kept > 0 ? down(first) : Promise.resolve<DBCoreMutateResponse>({ numFailures: 0, failures: {}, lastResult: undefined, results: [] });
  return written.then((res) => {
    const failures: Record<number, Error> = { ...res.failures };
    for (let i = kept; i < total; i++) failures[i] = new InjectedFault(`Injected fault: row ${i + 1} of ${total} was not written (disk full).`);
    return { ...res, numFailures: res.numFailures + total - kept, failures, results: [...(res.results ?? []), ...Array<undefined>(total - kept).fill(undefined)] };
  });
}

/** A fresh planner database with the fault middleware in its stack (not yet open). */
export function faultyDatabase(): { db: PlannerDatabase; faults: Faults } {
  const db = new PlannerDatabase(`faults-${newId()}`);
  const faults = new Faults();
  db.use({
    stack: 'dbcore',
    name: 'fault-injection',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return { ...table, mutate: (req) => faults.mutate(name, req, (r) => table.mutate(r)) };
      },
    }),
  });
  return { db, faults };
}

// ——— The database as data ———

/** Every row of every table, as stored: what `restoreRows` writes back. */
export type StoredRows = Record<string, unknown[]>;

/** Every table's rows, read in one transaction. */
export async function storedRows(db: Dexie): Promise<StoredRows> {
  return db.transaction('r', db.tables, async () => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const))));
}

/** Makes every table hold exactly `rows` again, in one transaction (faults off). */
export async function restoreRows(db: Dexie, rows: StoredRows): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkAdd(rows[table.name] ?? []);
    }
  });
}

/** JSON with object keys sorted and bytes as hex: two equal records read the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('') };
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** The database as canonical records: `table|primary key` to the record's canonical JSON. */
export type DatabaseState = Map<string, string>;

export async function databaseState(db: Dexie): Promise<DatabaseState> {
  const rows = await storedRows(db);
  const state: DatabaseState = new Map();
  for (const table of db.tables) {
    const key = table.schema.primKey.keyPath as string;
    for (const row of rows[table.name] ?? []) state.set(`${table.name}|${String((row as Record<string, unknown>)[key])}`, canonicalJson(row));
  }
  return state;
}

/** The records that differ between two states, named `table|id` with how: at most `limit` of them. */
export function stateDifferences(a: DatabaseState, b: DatabaseState, limit = 8): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === y) continue;
    out.push(x === undefined ? `${key} added` : y === undefined ? `${key} removed` : `${key} changed`);
  }
  return out.length > limit ? [...out.slice(0, limit), `… ${out.length - limit} more`] : out;
}

/** Whether two states hold the same records, record by record. */
export function sameState(a: DatabaseState, b: DatabaseState): boolean {
  return a.size === b.size && [...a].every(([key, json]) => b.get(key) === json);
}

// ——— Ids the same on every run ———

/**
 * Makes newId() (crypto.randomUUID) give the same sequence on every run from `reset()`, so the
 * state after a clean run can be compared record by record with a faulted run's.
 */
export function repeatableIds(): { reset: () => void; restore: () => void } {
  let n = 0;
  const spy = vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => `f0000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`);
  return { reset: () => { n = 0; }, restore: () => spy.mockRestore() };
}

// ——— The sweep ———

/** One faulted run: where it failed, what the operation did, and the database after it. */
export interface FaultRun {
  mode: FaultMode;
  at: number;
  request: WriteRequest;
  /** What the operation rejected with; null where it resolved. */
  error: unknown;
  state: DatabaseState;
}

export interface Sweep {
  before: DatabaseState;
  after: DatabaseState;
  /** The write requests of a clean run, in order. */
  requests: WriteRequest[];
  runs: FaultRun[];
}

/**
 * Runs `operation` once clean (counting its writes), then once per write request and fault mode
 * with that request failing; `reset` puts the database (and ids, clock) back before each run.
 */
export async function sweepFaults(db: Dexie, faults: Faults, reset: () => Promise<void>, operation: () => Promise<unknown>, modes: readonly FaultMode[] = FAULT_MODES): Promise<Sweep> {
  await reset();
  const before = await databaseState(db);
  faults.count();
  await operation();
  faults.off();
  const requests = faults.requests;
  const after = await databaseState(db);
  const runs: FaultRun[] = [];
  for (const mode of modes) {
    for (let at = 1; at <= requests.length; at++) {
      await reset();
      faults.failAt(mode, at);
      const error = await operation().then(() => null, (e: unknown) => e ?? new Error('rejected'));
      const fired = faults.fired;
      faults.off();
      if (!fired) throw new Error(`The ${mode} fault at write ${at} never fired: the operation made only ${faults.requests.length} writes this time, ${requests.length} when clean.`);
      runs.push({ mode, at, request: requests[at - 1] as WriteRequest, error, state: await databaseState(db) });
    }
  }
  return { before, after, requests, runs };
}

/** A write request in a report: "bulk put of 12 rows on schools". */
export const requestWords = (r: WriteRequest) => `${r.type} of ${r.rows} on ${r.table}`;
