/**
 * The baseline: the same operations as the app's plan store, written against the bare
 * IndexedDB API (no Dexie, no validation). The object stores and indexes are read from the
 * app's own SCHEMA_HISTORY, so the baseline always has the layout the app has.
 */
import type { PlanRow } from '../../renderer/src/storage/database';
import { SCHEMA_HISTORY } from '../../renderer/src/storage/schema-history';
import type { PlanBundle } from '../../renderer/src/domain/schemas';
import type { PlanSummary } from '../../renderer/src/storage/library-repository';
import { CHILD_TABLE_NAMES, NOT_PLAN_CONTENT_TABLES, type ChildTableName, type ChildTables } from './generate';

interface StoreLayout {
  keyPath: string;
  indexes: { name: string; keyPath: string | string[]; unique: boolean }[];
}

/** The stores of the newest schema version, from Dexie's schema strings ('id, planId, [planId+order]'). */
export function rawLayout(): Map<string, StoreLayout> {
  const merged = new Map<string, string>();
  for (const step of SCHEMA_HISTORY) {
    for (const [table, spec] of Object.entries(step.stores)) {
      if (spec === null) merged.delete(table);
      else merged.set(table, spec);
    }
  }
  const layout = new Map<string, StoreLayout>();
  for (const [table, spec] of merged) {
    const [primary, ...indexes] = spec.split(',').map((part) => part.trim()).filter(Boolean);
    if (!primary || /^[+&*[]/.test(primary)) throw new Error(`The raw baseline does not know the primary key “${primary ?? ''}” of ${table}; teach tests/bench/raw-idb.ts.`);
    layout.set(table, {
      keyPath: primary,
      indexes: indexes.map((spec) => {
        // '&' marks a unique index (Dexie names it without the '&'); multi-entry ('*') and
        // auto-increment ('++') are not used by the app.
        const unique = spec.startsWith('&');
        const index = unique ? spec.slice(1) : spec;
        if (/^[&*+]/.test(index)) throw new Error(`The raw baseline does not know the index “${spec}” of ${table}; teach tests/bench/raw-idb.ts.`);
        const compound = /^\[(.+)\]$/.exec(index);
        return { name: index, keyPath: compound?.[1] ? compound[1].split('+') : index, unique };
      }),
    });
  }
  // Every table must be known: plan content (CHILD_TABLES) or named as not plan content.
  const expected = ['plans', ...CHILD_TABLE_NAMES, ...NOT_PLAN_CONTENT_TABLES].sort();
  const actual = [...layout.keys()].sort();
  if (expected.join() !== actual.join()) {
    throw new Error(`The app's tables (${actual.join(', ')}) differ from the benchmark's (${expected.join(', ')}): add the new table to CHILD_TABLES (or, if it holds no plan content, NOT_PLAN_CONTENT_TABLES) in tests/bench/generate.ts.`);
  }
  return layout;
}

/**
 * Child tables with no plan order ([planId+order] index): their rows come back in whatever
 * order a reader chooses (the app sorts milestones by date, the raw read by primary key).
 */
export function unorderedTables(): ChildTableName[] {
  const layout = rawLayout();
  return CHILD_TABLE_NAMES.filter((name) => !layout.get(name)?.indexes.some((index) => index.name === '[planId+order]'));
}

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function openRaw(name: string): Promise<IDBDatabase> {
  const layout = rawLayout();
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    for (const [table, spec] of layout) {
      const store = request.result.createObjectStore(table, { keyPath: spec.keyPath });
      for (const index of spec.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique });
    }
  };
  return requestDone(request);
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    // A connection closed a moment ago can still report "blocked"; the delete then waits for it.
  });
}

const ALL_STORES = (): string[] => ['plans', ...CHILD_TABLE_NAMES];

/** Puts plans and all their records in one readwrite transaction. */
export async function rawPutBundles(db: IDBDatabase, bundles: readonly PlanBundle[]): Promise<void> {
  const tx = db.transaction(ALL_STORES(), 'readwrite');
  const done = transactionDone(tx);
  const plans = tx.objectStore('plans');
  for (const bundle of bundles) {
    plans.put({ ...bundle.plan, deletedAt: null } satisfies PlanRow);
    for (const name of CHILD_TABLE_NAMES) {
      const store = tx.objectStore(name);
      for (const row of bundle[name]) store.put(row);
    }
  }
  await done;
}

/** One plan's rows of a child table: in plan order through [planId+order] where the table has it, else by planId. */
function inPlanOrder(tx: IDBTransaction, table: string, planId: string): Promise<unknown[]> {
  const store = tx.objectStore(table);
  // [planId] sorts before and [planId, []] after every [planId, order] key.
  if (store.indexNames.contains('[planId+order]')) return requestDone(store.index('[planId+order]').getAll(IDBKeyRange.bound([planId], [planId, []])));
  return requestDone(store.index('planId').getAll(planId));
}

/** The plan and all its records, read in one readonly transaction. */
export async function rawLoadBundle(db: IDBDatabase, planId: string): Promise<PlanBundle | undefined> {
  const tx = db.transaction(ALL_STORES(), 'readonly');
  const [row, ...children] = await Promise.all([
    requestDone(tx.objectStore('plans').get(planId) as IDBRequest<PlanRow | undefined>),
    ...CHILD_TABLE_NAMES.map((name) => inPlanOrder(tx, name, planId)),
  ]);
  if (!row) return undefined;
  const { deletedAt: _deletedAt, ...plan } = row as PlanRow;
  const tables = Object.fromEntries(CHILD_TABLE_NAMES.map((name, i) => [name, children[i]])) as unknown as ChildTables;
  return { plan, ...tables };
}

/** Sets one field of one record and stamps the plan's updatedAt, resolving once committed. */
export async function rawUpdateRecord(db: IDBDatabase, table: string, id: string, changes: Record<string, unknown>, updatedAt: string): Promise<void> {
  const tx = db.transaction([table, 'plans'], 'readwrite');
  const done = transactionDone(tx);
  const records = tx.objectStore(table);
  const record = await requestDone(records.get(id) as IDBRequest<{ planId: string } | undefined>);
  if (!record) throw new Error(`No ${table} record ${id}`);
  records.put({ ...record, ...changes });
  const plans = tx.objectStore('plans');
  const plan = await requestDone(plans.get(record.planId) as IDBRequest<PlanRow | undefined>);
  if (plan) plans.put({ ...plan, updatedAt });
  await done;
}

/** The same rows the app's list returns, so the warm-up can check both sides agree. */
export type RawPlanSummary = PlanSummary;

/** Every plan, newest change first, with its phase count: what the library screen shows. */
export async function rawListPlans(db: IDBDatabase): Promise<RawPlanSummary[]> {
  const tx = db.transaction(['plans', 'phases'], 'readonly');
  const plans = (await requestDone(tx.objectStore('plans').index('updatedAt').getAll() as IDBRequest<PlanRow[]>)).reverse();
  const byPlan = tx.objectStore('phases').index('planId');
  const counts = await Promise.all(plans.map((p) => requestDone(byPlan.count(p.id))));
  return plans.map((p, i) => ({ id: p.id, name: p.name, systemName: p.systemName, updatedAt: p.updatedAt, deletedAt: p.deletedAt, phaseCount: counts[i] ?? 0 }));
}

/** Removes a plan and every record that points at it, in one readwrite transaction. */
export async function rawDeletePlan(db: IDBDatabase, planId: string): Promise<void> {
  const tx = db.transaction(ALL_STORES(), 'readwrite');
  const done = transactionDone(tx);
  tx.objectStore('plans').delete(planId);
  for (const name of CHILD_TABLE_NAMES) {
    const store = tx.objectStore(name);
    const keys = await requestDone(store.index('planId').getAllKeys(planId));
    for (const key of keys) store.delete(key);
  }
  await done;
}

/**
 * What the app's setStance does for an existing cell, on bare IndexedDB: the stance found through
 * the [areaId+phaseId] index, updated, and the plan's updatedAt stamped, in one transaction.
 */
export async function rawSetStance(db: IDBDatabase, areaId: string, phaseId: string, changes: Record<string, unknown>, updatedAt: string): Promise<void> {
  const tx = db.transaction(['stances', 'plans'], 'readwrite');
  const done = transactionDone(tx);
  const stances = tx.objectStore('stances');
  const record = await requestDone(stances.index('[areaId+phaseId]').get([areaId, phaseId]) as IDBRequest<{ planId: string } | undefined>);
  if (!record) throw new Error(`No stance for ${areaId} in ${phaseId}`);
  stances.put({ ...record, ...changes });
  const plans = tx.objectStore('plans');
  const plan = await requestDone(plans.get(record.planId) as IDBRequest<PlanRow | undefined>);
  if (plan) plans.put({ ...plan, updatedAt });
  await done;
}

/** The stance stored for one cell, read through the [areaId+phaseId] index. */
export async function rawStanceOf(db: IDBDatabase, areaId: string, phaseId: string): Promise<unknown> {
  const tx = db.transaction(['stances'], 'readonly');
  const record = await requestDone(tx.objectStore('stances').index('[areaId+phaseId]').get([areaId, phaseId]) as IDBRequest<{ stance: unknown } | undefined>);
  return record?.stance ?? null;
}

/** Opens an existing database as it is, without changing its schema (to read the app's own). */
export function openExisting(name: string): Promise<IDBDatabase> {
  return requestDone(indexedDB.open(name));
}
