/**
 * "A crash loses at most what was being typed": every write request that a plan import, a
 * roster import, a restore and a wave proposal make is failed in turn (refused, aborted just after
 * it is made, half written), and the whole database, every record of every table, is then
 * compared with the state before the operation and the state after a clean run.
 *
 * The rule: an operation that resolved left exactly the state after; one that rejected left the
 * state before, or the state after, or (for an operation of two transactions) the state between
 * them, which each test names. The counts are printed so the README can quote them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../renderer/src/domain/ids';
import type { JournalEntry } from '../../../renderer/src/domain/journal';
import type { StoredRevision } from '../../../renderer/src/domain/plan-file-history';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import type { ImportSchool, NewIndicator } from '../../../renderer/src/domain/roster-import';
import { restoreRevision } from '../../../renderer/src/features/revisions/commands';
import { applyProposedWaves, importRoster } from '../../../renderer/src/features/schools/commands';
import { applyImport, type PlanFileContext } from '../../../renderer/src/features/plan-file/plan-file-commands';
import type { Host } from '../../../renderer/src/host/host';
import type { CommandContext } from '../../../renderer/src/app/commands';
import type { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../../renderer/src/storage/plan-store';
import { samplePlan, withSchools } from '../domain/plan-fixtures';
import {
  faultyDatabase, repeatableIds, requestWords, restoreRows, sameState, stateDifferences, storedRows, sweepFaults,
  type DatabaseState, type Faults, type StoredRows, type Sweep,
} from './fault-injection';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };
const START = new Date('2026-11-24T09:00:00Z');
const HISTORY_TABLES = ['revisions', 'revisionData'];

// A sweep runs an operation a few dozen times over; on a loaded machine that takes seconds.
vi.setConfig({ testTimeout: 120_000 });

let db: PlannerDatabase;
let faults: Faults;
let store: PlanStore;
let clock = START;
let ids: ReturnType<typeof repeatableIds> | undefined;
let seeded: StoredRows;
const ctx = (): CommandContext => ({ store, now: () => clock });

beforeEach(async () => {
  ({ db, faults } = faultyDatabase());
  await db.open();
  clock = START;
  store = createPlanStore(db, () => clock);
  ids = undefined;
});

afterEach(async () => {
  ids?.restore();
  db.close();
  await db.delete();
});

function note(planId: string, phaseId: string, text: string): JournalEntry {
  return {
    id: newId(), planId, phaseId, date: '2027-03-01', kind: 'did-not-work', text, author: 'M. Ortiz',
    areaIds: [], decisions: [4], revisionId: null, internal: false, createdAt: '2027-03-01T10:00:00.000Z', updatedAt: '2027-03-01T10:00:00.000Z',
  };
}

/**
 * The library every sweep starts from: Riverside with schools, waves and money, a revision and a
 * journal entry; and Lakeside beside it, which no operation here may touch.
 */
async function seedLibrary(): Promise<PlanBundle> {
  const riverside = withSchools(samplePlan());
  await store.createPlan(riverside);
  await store.createPlan(samplePlan({ name: 'Lakeside roadmap' }));
  await store.saveRevision(riverside.plan.id, { name: 'Pilot gate', reason: 'Board review.', kind: 'named' }, APP);
  await store.addJournalEntry(note(riverside.plan.id, riverside.phases[0]!.id, 'The rotation model broke down in grade 2.'));
  clock = new Date(START.getTime() + 3_600_000);
  return riverside;
}

/**
 * Remembers the database as it is now as the state each run starts from. From here on ids repeat
 * from run to run; the records made before keep their random ones, so the two never meet.
 */
async function startHere(): Promise<void> {
  seeded = await storedRows(db);
  ids = repeatableIds();
}

/** Puts the database, the ids and the clock back where every run starts. */
async function reset(): Promise<void> {
  faults.off();
  await restoreRows(db, seeded);
  ids?.reset();
  clock = new Date(START.getTime() + 7_200_000);
}

/** A state made of `base` with some records as `from` has them (or without them, where `from` has none). */
function withRecords(base: DatabaseState, from: DatabaseState, keys: readonly string[]): DatabaseState {
  const state = new Map(base);
  for (const key of keys) {
    const json = from.get(key);
    if (json === undefined) state.delete(key);
    else state.set(key, json);
  }
  return state;
}

/**
 * Every faulted run that broke the rule, in words: resolved ⇒ the state after; rejected ⇒ one
 * of `allowed` (before and after are always allowed).
 */
function broken(sweep: Sweep, between: Record<string, DatabaseState> = {}): string[] {
  const allowed = { before: sweep.before, after: sweep.after, ...between };
  const problems: string[] = [];
  for (const run of sweep.runs) {
    const where = `${run.mode} at write ${run.at} (${requestWords(run.request)})`;
    if (run.error === null) {
      if (!sameState(run.state, sweep.after)) problems.push(`${where}: resolved, but the database is not the state after: ${stateDifferences(sweep.after, run.state).join(', ')}`);
      continue;
    }
    if (Object.values(allowed).some((state) => sameState(run.state, state))) continue;
    problems.push(`${where}: ${String(run.error)}; the database is neither ${Object.keys(allowed).join(' nor ')}; from before: ${stateDifferences(sweep.before, run.state).join(', ')}; from after: ${stateDifferences(sweep.after, run.state).join(', ')}`);
  }
  return problems;
}

/** What a sweep found, in the words the README quotes. */
function report(what: string, sweep: Sweep): void {
  const changed = stateDifferences(sweep.before, sweep.after, Infinity).length;
  console.info(`${what}: ${sweep.requests.length} write requests (${sweep.requests.map(requestWords).join('; ')}), ${changed} records changed; ${sweep.runs.length} faulted runs, each left the database whole.`);
}

/** Checks a sweep did something worth checking, then that no run broke the rule. */
function expectWhole(what: string, sweep: Sweep, between: Record<string, DatabaseState> = {}): void {
  expect(sweep.requests.length).toBeGreaterThan(0);
  expect(sameState(sweep.before, sweep.after)).toBe(false);
  expect(sweep.runs.length).toBe(sweep.requests.length * 3);
  expect(broken(sweep, between)).toEqual([]);
  report(what, sweep);
}

// ——— The tests ———

describe('fault injection itself', () => {
  it('counts the writes, fails the one asked for, and a refused write rejects the operation and leaves nothing', async () => {
    const riverside = await seedLibrary();
    await startHere();
    const sweep = await sweepFaults(db, faults, reset, () => store.updatePlan(riverside.plan.id, { name: 'Riverside, year two' }));
    expect(sweep.requests.map((r) => r.table).sort()).toEqual(['plans', 'plans']);
    expect(sweep.runs.every((run) => run.error !== null)).toBe(true);
    expect(sweep.runs.every((run) => sameState(run.state, sweep.before))).toBe(true);
  });

  it('finds a write that is not atomic: two transactions with the failure in the second leave the first written', async () => {
    const riverside = await seedLibrary();
    await startHere();
    const twoSteps = async () => {
      await store.updatePlan(riverside.plan.id, { name: 'Step one' });
      await store.updatePlan(riverside.plan.id, { systemName: 'Step two' });
    };
    const sweep = await sweepFaults(db, faults, reset, twoSteps, ['throw']);
    expect(broken(sweep)).toEqual([expect.stringMatching(/^throw at write 3 \(put of 1 on plans\): .*plans\|/), expect.stringMatching(/^throw at write 4 /)]);
  });

  it('finds a bulk write whose failure is swallowed: half the rows are committed', async () => {
    const riverside = await seedLibrary();
    await startHere();
    const renamed = riverside.schools.map((s) => ({ ...s, name: `${s.name} (renamed)` }));
    const swallowing = () => db.transaction('rw', db.schools, async () => {
      await db.schools.bulkPut(renamed).catch(() => undefined);
    });
    const sweep = await sweepFaults(db, faults, reset, swallowing, ['half']);
    expect(broken(sweep)).toEqual([expect.stringMatching(/^half at write 1 \(put of 3 on schools\): resolved, but the database is not the state after: schools\|.* changed, schools\|.* changed$/)]);
  });
});

describe('a plan import', () => {
  /** A plan file's history for `bundle`: one revision and a journal entry, made in this library and then removed from it. */
  async function fileHistory(bundle: PlanBundle): Promise<{ revisions: StoredRevision[]; journal: JournalEntry[] }> {
    await store.createPlan(bundle);
    await store.saveRevision(bundle.plan.id, { name: 'From the other laptop', reason: '', kind: 'named' }, APP);
    const history = await store.exportHistory(bundle.plan.id);
    await store.purgePlan(bundle.plan.id);
    return { revisions: history.revisions, journal: [note(bundle.plan.id, bundle.phases[0]!.id, 'Written on the other laptop.')] };
  }

  it('as a new plan, with its history: every abort point leaves no such plan or the whole plan', async () => {
    await seedLibrary();
    const incoming = samplePlan({ name: 'Hillcrest roadmap' });
    const history = await fileHistory(incoming);
    await startHere();
    const sweep = await sweepFaults(db, faults, reset, () => store.importBundle(incoming, 'add', { history }));
    expectWhole('import of the sample plan as a new plan, with history', sweep);
  });

  it('in place of the plan, keeping a copy, with history: every abort point leaves the old plan or the new one', async () => {
    const riverside = await seedLibrary();
    const fromFile: PlanBundle = {
      ...riverside,
      plan: { ...riverside.plan, name: 'Riverside roadmap (from the board)' },
      phases: riverside.phases.map((p, i) => (i === 0 ? { ...p, goal: 'Twelve schools by spring.' } : p)),
      schools: riverside.schools.slice(1),
      allocations: riverside.allocations.filter((a) => a.recipient.kind !== 'school'),
    };
    const exported = await store.exportHistory(riverside.plan.id);
    const fileOnly: StoredRevision = { ...exported.revisions[0]!, revision: { ...exported.revisions[0]!.revision, id: newId(), name: 'Only in the file' } };
    await startHere();
    const history = { revisions: [exported.revisions[0]!, fileOnly], journal: [note(riverside.plan.id, riverside.phases[1]!.id, 'From the file.')] };
    const sweep = await sweepFaults(db, faults, reset, () => store.importBundle(fromFile, 'replace', { history }));
    expectWhole('import of the sample plan in place of the plan, with history', sweep);
  });

  /**
   * The import command replaces in two transactions: it first saves the plan as it is as a
   * revision ("Before an import replaced the plan"), then replaces it. A fault in the second
   * leaves the plan as it was with that one extra revision in its History: the plan is whole,
   * and the extra revision is the plan as it still is, so nothing is lost or half done.
   */
  it('through the import command (replace): the plan is before or after; the revision kept first may stay', async () => {
    const riverside = await seedLibrary();
    await startHere();
    const fromFile: PlanBundle = { ...riverside, plan: { ...riverside.plan, name: 'Riverside (imported)' }, waves: riverside.waves.slice(0, 1), schools: riverside.schools.map((s) => ({ ...s, waveId: s.waveId === riverside.waves[1]!.id ? null : s.waveId })), allocations: riverside.allocations.filter((a) => a.recipient.kind !== 'wave') };
    const fileCtx: PlanFileContext = { store, host: {} as Host, now: () => clock, appVersion: '1.0.0-test' };
    const sweep = await sweepFaults(db, faults, reset, () => applyImport(fileCtx, fromFile, 'replace'));
    const between = withRecords(sweep.before, sweep.after, keptRevisionKeys(sweep, 'before-import'));
    expectWhole('import command replacing the sample plan (two transactions)', sweep, { 'before with the kept revision': between });
    // The state between the transactions does happen: a fault anywhere in the second leaves it.
    expect(sweep.runs.filter((run) => sameState(run.state, between)).length).toBe(3 * (sweep.requests.length - 2));
  });
});

describe('undoing a replace', () => {
  /**
   * Undo of an import that replaced a plan is two transactions: the plan as it was goes back in
   * place (one transaction), then the copy kept in Recently deleted is removed for good (another).
   * A fault between them leaves the plan whole as it was and the copy still in Recently deleted,
   * where it would have gone in 30 days anyway: every plan is whole, none half.
   */
  it('puts the plan back whole at every abort point; the copy in Recently deleted may stay', async () => {
    const riverside = await seedLibrary();
    const fileCtx: PlanFileContext = { store, host: {} as Host, now: () => clock, appVersion: '1.0.0-test' };
    const { undo } = await applyImport(fileCtx, { ...riverside, plan: { ...riverside.plan, name: 'Riverside (imported)' }, schools: [], allocations: riverside.allocations.filter((a) => a.recipient.kind !== 'school') }, 'replace');
    await startHere();
    const sweep = await sweepFaults(db, faults, reset, undo);
    const copies = [...sweep.before.keys()].filter((key) => !sweep.after.has(key));
    const between = withRecords(sweep.after, sweep.before, copies);
    expect(copies.some((key) => key.startsWith('plans|'))).toBe(true);
    expectWhole('undo of an import that replaced the sample plan (two transactions)', sweep, { 'after with the copy still in Recently deleted': between });
  });
});

/** The keys of the one revision (metadata and bytes) of the given kind that the operation added. */
function keptRevisionKeys(sweep: Sweep, kind: string): string[] {
  const added = [...sweep.after].filter(([key, json]) => key.startsWith('revisions|') && !sweep.before.has(key) && (JSON.parse(json) as { kind: string }).kind === kind);
  expect(added).toHaveLength(1);
  const id = added[0]![0].slice('revisions|'.length);
  return [`revisions|${id}`, `revisionData|${id}`];
}

describe('a roster import', () => {
  it('updating matched schools, adding new ones and a new indicator: every abort point leaves the roster before or after', async () => {
    const riverside = await seedLibrary();
    await startHere();
    const planId = riverside.plan.id;
    const row = (name: string, code: string, students: number, waveId: string | null = null): ImportSchool => ({ name, code, gradeBand: 'K-8', students, frlPercent: 40, values: {}, waveId });
    const indicator: NewIndicator = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001', planId, name: 'Suspensions', side: 'need', weight: 0, direction: 'higher-is-more', source: 'value', unit: '', range: null };
    const rows = [
      row('Adams Elementary', 'R-100', 450, riverside.waves[1]!.id),
      row('Baker Middle', 'R-101', 700),
      ...Array.from({ length: 40 }, (_, i) => ({ ...row(`New School ${i + 1}`, `N-${i + 1}`, 300 + i), values: { [indicator.id]: i } })),
    ];
    const sweep = await sweepFaults(db, faults, reset, () => importRoster(planId, rows, [indicator]).write(ctx()));
    expectWhole('roster import of 42 schools (2 updated, 40 new) and 1 indicator', sweep);
  });
});

describe('a wave proposal applied', () => {
  it('moving schools, adding a wave and linking phases: every abort point leaves the waves before or after', async () => {
    const riverside = await seedLibrary();
    const planId = riverside.plan.id;
    await store.addSchools(planId, Array.from({ length: 12 }, (_, i) => ({ name: `Elm ${i + 1}`, code: `E-${i + 1}`, gradeBand: 'K-5', students: 300, frlPercent: null, values: {}, waveId: null })));
    await startHere();
    const schools = (await store.loadBundle(planId))!.schools;
    const [p0, p1, p2] = riverside.phases;
    const proposal = [
      { schoolIds: schools.slice(0, 5).map((s) => s.id), phaseId: p0!.id },
      { schoolIds: schools.slice(5, 10).map((s) => s.id), phaseId: p2!.id },
      { schoolIds: schools.slice(10).map((s) => s.id), phaseId: p1!.id },
    ];
    const sweep = await sweepFaults(db, faults, reset, () => applyProposedWaves(planId, proposal).write(ctx()));
    expectWhole('wave proposal of 3 waves over 15 schools', sweep);
  });
});

describe('a restore', () => {
  /**
   * A restore is two transactions: it saves the plan as it is now as a revision ("Before
   * restoring …"), then writes the records that differ. A fault in the second leaves the plan as
   * it was plus that revision in History, metadata and bytes together: the plan is whole, and the
   * extra revision holds the plan as it still is. Never the restored records without it.
   */
  it('of an older revision: the plan is before or after; the revision kept first may stay', async () => {
    const riverside = await seedLibrary();
    const planId = riverside.plan.id;
    const [draft] = await store.listRevisions(planId);
    await store.updatePlan(planId, { name: 'Riverside, year two' });
    await store.deleteSchools(planId, [riverside.schools[0]!.id]);
    await store.addSchools(planId, [{ name: 'Dunmore Academy', code: 'R-900', gradeBand: '6-8', students: 500, frlPercent: 30, values: {}, waveId: null }]);
    await store.updateWave(riverside.waves[0]!.id, { notes: 'Changed since the gate.' });
    await startHere();
    const sweep = await sweepFaults(db, faults, reset, () => restoreRevision(draft!, APP).write(ctx()));
    const kept = keptRevisionKeys(sweep, 'before-restore');
    const between = withRecords(sweep.before, sweep.after, kept);
    expectWhole('restore of a revision (two transactions)', sweep, { 'before with the kept revision': between });
    // The state between the transactions does happen: a fault anywhere in the second leaves it.
    expect(sweep.runs.filter((run) => sameState(run.state, between)).length).toBe(3 * (sweep.requests.length - 2));
    // The extra revision is the only thing a fault between the transactions may leave: the history tables, nothing else.
    expect(kept.every((key) => HISTORY_TABLES.includes(key.slice(0, key.indexOf('|'))))).toBe(true);
  });
});
