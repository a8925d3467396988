/**
 * How every write reaches IndexedDB: one Dexie transaction per action, records checked against
 * the domain schemas before they are written, the plan's change time stamped beside the write,
 * and (for edits inside a plan) a ChangeSet of every record touched, as it was before and after.
 * Undo puts the "before" rows back and redo the "after" rows, so any edit, in any section, can
 * be undone the same way; neither writes over a record another window has changed since. The
 * repositories beside this file are built on it.
 */
import { Dexie, type Table } from 'dexie';
import type { PlannerDatabase, PlanRow } from './database';
import { toStorageError, StorageError } from './storage-error';
import { CHILD_COLLECTIONS, CHILD_SCHEMAS, planSchema, type ChildCollection, type ChildRow, type Milestone, type Phase, type Plan, type PlanBundle } from '../domain/schemas';
import { nowTimestamp } from '../domain/ids';
import { phaseDateProblem } from '../domain/phase-rules';

/** Tables an edit of a plan writes and Undo puts back: the plan, its records and its journal. */
export type TableName = 'plans' | ChildCollection | 'journal';

/** Tables that keep a plan's history beside its content: edits and undo never touch them. */
export type HistoryTable = 'revisions' | 'revisionData';

/** One record before and after an edit; undefined where it did not exist. */
export interface RowChange {
  table: TableName;
  id: string;
  before: unknown;
  after: unknown;
}

/** What one edit did to one plan, enough to undo and redo it. */
export interface ChangeSet {
  planId: string;
  changes: RowChange[];
}

/** The tables whose records keep the planner's order. */
export type OrderedCollection = 'phases' | 'areas' | 'outcomes' | 'indicators' | 'schools' | 'waves' | 'fundingSources';
const ORDERED_COLLECTIONS: ReadonlySet<ChildCollection> = new Set<OrderedCollection>(['phases', 'areas', 'outcomes', 'indicators', 'schools', 'waves', 'fundingSources']);

export const ALL_TABLES: readonly TableName[] = ['plans', ...CHILD_COLLECTIONS, 'journal'];

/** What an edit's body writes through: every put and remove is recorded in the edit's ChangeSet. */
export interface Recorder {
  /** Writes a row; `known.before` saves a read where the caller has just read the row. */
  put<C extends ChildCollection>(name: C, row: ChildRow<C>, known?: { before: ChildRow<C> | undefined }): Promise<void>;
  /** Writes many rows of one table at once, each with what it was before (undefined for a new one). */
  putAll<C extends ChildCollection>(name: C, rows: readonly { row: ChildRow<C>; before: ChildRow<C> | undefined }[]): Promise<void>;
  /** Removes a row; `known.before` saves a read where the caller has just read it. */
  remove<C extends ChildCollection>(name: C, id: string, known?: { before: ChildRow<C> }): Promise<void>;
  /** Removes many rows of one table at once; ids not found are skipped. */
  removeAll(name: ChildCollection, ids: readonly string[]): Promise<void>;
  putPlan(plan: Plan): Promise<void>;
}

export type Transactions = ReturnType<typeof createTransactions>;

/** A field of the plan row as a conflict message names it; any other change, or several, is "the plan’s overview". */
const PLAN_FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'the plan’s name', vision: 'the plan’s vision', systemName: 'the school system’s name', profile: 'the plan’s system profile',
};

export function createTransactions(db: PlannerDatabase, clock: () => Date) {
  const now = () => nowTimestamp(clock());
  // The typed table properties (db.phases …), the same objects Dexie's own code and tests see.
  const table = <C extends ChildCollection>(name: C) => (db as unknown as Record<C, Table<ChildRow<C>, string>>)[name];

  /** Runs `body` in one read-write transaction over `tables`; any failure reads as a StorageError about `action`. */
  async function write<T>(action: string, tables: readonly (TableName | HistoryTable)[], body: () => Promise<T>): Promise<T> {
    try {
      return await db.transaction('rw', [...tables], body);
    } catch (error) {
      throw toStorageError(error, action);
    }
  }

  async function requirePlan(planId: string): Promise<PlanRow> {
    const plan = await db.plans.get(planId);
    if (!plan) throw new StorageError('This plan no longer exists. It may have been deleted in another window.', 'missing');
    return plan;
  }

  async function requireRow<C extends ChildCollection>(name: C, id: string, what: string): Promise<ChildRow<C>> {
    const row = await table(name).get(id);
    if (!row) throw new StorageError(`This ${what} no longer exists.`, 'missing');
    return row;
  }

  /**
   * Runs an edit of one plan in one transaction, recording every row it puts or removes, and
   * stamps the plan's change time. Returns what the body returned and the ChangeSet.
   */
  async function edit<T>(action: string, planId: string, body: (rec: Recorder) => Promise<T>, tables: readonly ChildCollection[] = CHILD_COLLECTIONS): Promise<{ value: T; change: ChangeSet }> {
    // Only the tables the edit touches: a narrower transaction waits on fewer others.
    return write(action, ['plans', ...tables], async () => {
      const changes: RowChange[] = [];
      // The plan check and the change time go beside the edit, not after it: each wait inside a
      // transaction is a round trip, and a missing plan still fails the whole transaction.
      const stamped = requirePlan(planId).then((plan) => db.plans.put({ ...plan, updatedAt: now() }));
      const rec: Recorder = {
        async put(name, row, known) {
          const checked = checkRow(name, row);
          const before = known ? known.before : await table(name).get(checked.id);
          await table(name).put(checked);
          changes.push({ table: name, id: checked.id, before, after: checked });
        },
        async putAll(name, rows) {
          const checked = rows.map(({ row, before }) => ({ row: checkRow(name, row), before }));
          // One request for all of them: a roster of thousands of schools is one round trip, not thousands.
          await table(name).bulkPut(checked.map((c) => c.row));
          for (const { row, before } of checked) changes.push({ table: name, id: row.id, before, after: row });
        },
        async removeAll(name, ids) {
          const rows = await table(name).bulkGet([...ids]);
          const found = rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
          await table(name).bulkDelete(found.map((row) => row.id));
          for (const row of found) changes.push({ table: name, id: row.id, before: row, after: undefined });
        },
        async remove(name, id, known) {
          const before = known ? known.before : await table(name).get(id);
          if (before === undefined) return;
          await table(name).delete(id);
          changes.push({ table: name, id, before, after: undefined });
        },
        async putPlan(plan) {
          // After the stamp, so the stamp cannot write an older plan row over this one.
          await stamped;
          const before = await requirePlan(plan.id);
          const after = { ...planSchema.parse(plan), deletedAt: before.deletedAt, updatedAt: now() };
          await db.plans.put(after);
          changes.push({ table: 'plans', id: plan.id, before, after });
        },
      };
      const [, value] = await Promise.all([stamped, body(rec)]);
      return { value, change: { planId, changes } };
    });
  }

  /** An edit whose only result is its ChangeSet. */
  async function change(action: string, planId: string, body: (rec: Recorder) => Promise<void>, tables?: readonly ChildCollection[]): Promise<ChangeSet> {
    return (await edit(action, planId, body, tables)).change;
  }

  /** One plan's records of one table: in the planner's order where it has one, milestones by date. */
  async function loadCollection<C extends ChildCollection>(planId: string, name: C): Promise<ChildRow<C>[]> {
    if (ORDERED_COLLECTIONS.has(name)) {
      return inPlanOrder(table(name) as Table<ChildRow<C> & { planId: string; order: number }, string>, planId).toArray();
    }
    const rows = await table(name).where('planId').equals(planId).toArray();
    if (name === 'milestones') (rows as Milestone[]).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    return rows;
  }

  async function loadBundle(planId: string): Promise<PlanBundle | undefined> {
    // Every read starts at once: one round trip.
    const [row, ...collections] = await Promise.all([
      db.plans.get(planId),
      ...CHILD_COLLECTIONS.map((name) => loadCollection(planId, name)),
    ]);
    if (!row) return undefined;
    const { deletedAt: _deletedAt, ...plan } = row;
    return { plan, ...Object.fromEntries(CHILD_COLLECTIONS.map((name, i) => [name, collections[i]])) } as PlanBundle;
  }

  async function nextOrder(name: OrderedCollection, planId: string): Promise<number> {
    const last = await inPlanOrder(table(name) as Table<{ planId: string; order: number }, string>, planId).last();
    return last ? last.order + 1 : 0;
  }

  /** Adds a record at the end of its plan's list. */
  async function addOrdered<C extends OrderedCollection>(name: C, row: Omit<ChildRow<C>, 'order'>, what: string): Promise<{ id: string; change: ChangeSet }> {
    const { change: set } = await edit(`add the ${what}`, row.planId, async (rec) => {
      await rec.put(name, { ...row, order: await nextOrder(name, row.planId) } as ChildRow<C>);
    }, [name]);
    return { id: row.id, change: set };
  }

  /** Adds a record of a table without an order. */
  async function addChild<C extends ChildCollection>(name: C, row: ChildRow<C>, what: string): Promise<{ id: string; change: ChangeSet }> {
    const set = await change(`add the ${what}`, row.planId, (rec) => rec.put(name, row, { before: undefined }), [name]);
    return { id: row.id, change: set };
  }

  /**
   * Changes one record. `changes` may be worked out from the record as stored (a list field such
   * as an outcome's targets): it is read again inside the transaction, so two quick edits to one
   * record never overwrite each other.
   */
  async function updateChild<C extends ChildCollection>(name: C, id: string, changes: Partial<ChildRow<C>> | ((current: ChildRow<C>) => Partial<ChildRow<C>>), what: string): Promise<ChangeSet> {
    const current = await requireRow(name, id, what);
    return change(`save the ${what}`, current.planId, async (rec) => {
      const row = await requireRow(name, id, what);
      await rec.put(name, { ...row, ...(typeof changes === 'function' ? changes(row) : changes), id, planId: row.planId }, { before: row });
    }, [name]);
  }

  /** Removes one record that nothing else points at. */
  async function removeChild(name: ChildCollection, id: string, what: string): Promise<ChangeSet> {
    const row = await requireRow(name, id, what);
    return change(`delete the ${what}`, row.planId, (rec) => rec.remove(name, id), [name]);
  }

  /** Swaps a record with its neighbour above (-1) or below (+1) in the planner's order. */
  async function moveOrdered(name: OrderedCollection, id: string, direction: -1 | 1, what: string): Promise<ChangeSet> {
    const current = await requireRow(name, id, what);
    return change(`move the ${what}`, current.planId, async (rec) => {
      const siblings = await inPlanOrder(table(name) as Table<ChildRow<OrderedCollection>, string>, current.planId).toArray();
      const index = siblings.findIndex((r) => r.id === id);
      const self = siblings[index];
      const other = siblings[index + direction];
      if (!self || !other) return;
      await rec.put(name, { ...self, order: other.order });
      await rec.put(name, { ...other, order: self.order });
    }, [name]);
  }

  /**
   * Undoes (puts back every "before") or redoes (every "after") an edit, in one transaction.
   * Another window (a second browser tab, a second desktop window) may have changed the same
   * records since: each record is first read as stored now and compared with what the edit left
   * (for undo) or found (for redo). If any differs, nothing is written and a 'conflict'
   * StorageError names what changed, so an undo never silently writes over someone's later work.
   * `label` is the edit's name in the planner's words, for that message.
   */
  async function applyChange(set: ChangeSet, direction: 'undo' | 'redo', label?: string): Promise<void> {
    await write(direction === 'undo' ? 'undo the change' : 'redo the change', ALL_TABLES, async () => {
      await requirePlan(set.planId);
      const steps = direction === 'undo' ? [...set.changes].reverse() : set.changes;
      // Where a record changed more than once, the last step taken here decides how it ends up,
      // and the first says how it must be found; the rows then go back table by table, in bulk
      // (an import of thousands undoes in one go).
      const finalRows = new Map<string, { table: TableName; id: string; expected: unknown; row: unknown }>();
      for (const step of steps) {
        const key = `${step.table}|${step.id}`;
        const first = finalRows.get(key);
        finalRows.delete(key);
        const expected = first ? first.expected : direction === 'undo' ? step.after : step.before;
        finalRows.set(key, { table: step.table, id: step.id, expected, row: direction === 'undo' ? step.before : step.after });
      }
      const byTable = new Map<TableName, { puts: unknown[]; deletes: string[]; checks: { id: string; expected: unknown }[] }>();
      for (const { table: name, id, expected, row } of finalRows.values()) {
        const group = byTable.get(name) ?? { puts: [], deletes: [], checks: [] };
        byTable.set(name, group);
        group.checks.push({ id, expected });
        // The rows were valid when recorded; they go back as they were.
        if (row === undefined) group.deletes.push(id);
        else group.puts.push(row);
      }
      const target = (name: TableName) => (name === 'plans' ? db.plans : name === 'journal' ? db.journal : table(name)) as Table<unknown, string>;
      // Every table is read at once: one round trip before any write.
      const found = await Promise.all([...byTable].map(async ([name, { checks }]) => {
        const stored = await target(name).bulkGet(checks.map((c) => c.id));
        return checks.flatMap(({ id, expected }, i) => (sameContent(stored[i], expected) ? [] : [{ table: name, id, expected, stored: stored[i] }]));
      }));
      const changed = found.flat();
      if (changed.length > 0) throw new StorageError(await conflictMessage(direction, label, changed), 'conflict');
      for (const [name, { puts, deletes }] of byTable) {
        if (deletes.length > 0) await target(name).bulkDelete(deletes);
        if (puts.length > 0) await target(name).bulkPut(puts);
      }
      await db.plans.update(set.planId, { updatedAt: now() });
    });
  }

  /** A record of a plan as a message names it: "the phase “Pilot”", "the stance on Curriculum in Pilot". */
  async function rowWords(name: TableName, row: Record<string, unknown>, other: Record<string, unknown>): Promise<string> {
    const text = (key: string) => (typeof row[key] === 'string' ? row[key] : '');
    const named = (noun: string) => (text('name') ? `the ${noun} “${text('name')}”` : `a ${noun}`);
    const phaseName = async () => (typeof row.phaseId === 'string' ? (await db.phases.get(row.phaseId))?.name : undefined);
    switch (name) {
      case 'plans': {
        const fields = Object.keys({ ...row, ...other }).filter((key) => key !== 'updatedAt' && !sameContent(row[key], other[key]));
        const field = fields.length === 1 ? PLAN_FIELD_WORDS[fields[0] as string] : undefined;
        return field ?? 'the plan’s overview';
      }
      case 'stances': {
        const [area, phase] = await Promise.all([typeof row.areaId === 'string' ? db.areas.get(row.areaId) : undefined, phaseName()]);
        return area && phase ? `the stance on ${area.name} in ${phase}` : 'a stance';
      }
      case 'positions': {
        const phase = await phaseName();
        return `the position on decision ${String(row.decision)}${phase ? ` in ${phase}` : ''}`;
      }
      case 'allocations': {
        const phase = await phaseName();
        return `a line of the budget${phase ? ` in ${phase}` : ''}`;
      }
      case 'journal': return text('date') ? `the journal entry of ${text('date')}` : 'a journal entry';
      case 'fundingSources': return named('funding source');
      default: return named(name.replace(/s$/, ''));
    }
  }

  /** Why an undo or redo was refused, naming the first record that changed since. */
  async function conflictMessage(direction: 'undo' | 'redo', label: string | undefined, changed: readonly { table: TableName; expected: unknown; stored: unknown }[]): Promise<string> {
    const [first] = changed as [(typeof changed)[number]];
    const asObject = (value: unknown) => (value ?? {}) as Record<string, unknown>;
    // Named as the planner sees it now, or as it was where it is gone.
    const [current, previous] = first.stored === undefined ? [first.expected, undefined] : [first.stored, first.expected];
    const what = await rowWords(first.table, asObject(current), asObject(previous));
    const others = changed.length - 1;
    const how = others > 0 ? `${what} and ${others} other ${others === 1 ? 'part' : 'parts'} of the plan were changed since`
      : first.stored === undefined ? `${what} was deleted since`
        : first.expected === undefined ? `${what} was added since`
          : `${what} was changed since`;
    const why = `${how}, perhaps in another window. Nothing was changed.`;
    // As "Undone: Rename “Pilot”." reads: the label stands after a colon, since labels quote names themselves.
    return label ? `Could not ${direction}: ${label}. ${why.charAt(0).toUpperCase()}${why.slice(1)}` : `Could not ${direction} the change: ${why}`;
  }

  return {
    db, now, table, write, edit, change, requirePlan, requireRow, loadCollection, loadBundle,
    nextOrder, addOrdered, addChild, updateChild, removeChild, moveOrdered, applyChange,
  };
}

/** One plan's rows of a child table, in the planner's order, read through the [planId+order] index. */
export function inPlanOrder<T extends { planId: string; order: number }>(table: Table<T, string>, planId: string) {
  return table.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]);
}

/**
 * Whether two records hold the same content: compared as JSON with object keys sorted (a record
 * read back may list its fields in another order), leaving out `updatedAt`, which every write to
 * the plan stamps on its row (and every save of a journal entry on the entry) whatever it changed.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, function sorted(this: unknown, key, v: unknown) {
    if (key === 'updatedAt' && this !== null && typeof this === 'object' && !Array.isArray(this)) return undefined;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v;
  });
}

/** Validates a record before it is written; phases must also end after they start. */
export function checkRow<C extends ChildCollection>(name: C, row: ChildRow<C>): ChildRow<C> {
  const checked = CHILD_SCHEMAS[name].parse(row) as ChildRow<C>;
  if (name === 'phases') {
    const phase = checked as Phase;
    const problem = phaseDateProblem(phase.start, phase.end);
    if (problem) throw new StorageError(`Phase “${phase.name}”: ${problem.message}`, 'invalid');
  }
  return checked;
}
