/**
 * Undo and redo when a second window (another browser tab on the same plan) has changed the
 * plan since: each window has its own store over the same database, as two tabs do. An undo or
 * redo whose records were changed since is refused whole, with nothing written; one whose
 * records were left alone goes ahead whatever else changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePlan, withSchools } from '../domain/plan-fixtures';
import { useTestStore, type TestStore } from './test-store';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../../renderer/src/storage/plan-store';
import { StorageError } from '../../../renderer/src/storage/storage-error';
import { ALL_TABLES, sameContent, type ChangeSet } from '../../../renderer/src/storage/transactions';
import { restoreRevision } from '../../../renderer/src/features/revisions/commands';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };
let t: TestStore;
let clock = new Date('2026-11-24T09:00:00Z');
/** Every edit moves on a minute, so each stamps a new change time. */
const tick = () => { clock = new Date(clock.getTime() + 60_000); return clock; };
useTestStore(() => withSchools(samplePlan()), (made) => { t = made; clock = new Date('2026-11-24T09:00:00Z'); }, tick);

/** The other window: a second connection to the same database, with its own store. */
let other: { db: PlannerDatabase; store: PlanStore };
beforeEach(async () => {
  const db = new PlannerDatabase(t.db.name);
  await db.open();
  other = { db, store: createPlanStore(db, tick) };
});
afterEach(() => other.db.close());

/** Every record of every table the undo may write, as stored, change times included. */
const everything = async () => Object.fromEntries(await Promise.all(ALL_TABLES.map(async (name) => [name, await t.db.table(name).toArray()] as const)));
const load = async () => (await t.store.loadBundle(t.bundle.plan.id)) as PlanBundle;
const phase = (i: number) => t.bundle.phases[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const school = (name: string) => t.bundle.schools.find((s) => s.name === name) ?? (() => { throw new Error(`no school ${name}`); })();

/** What applyChange threw, to check its reason and words. */
async function refusal(change: ChangeSet, direction: 'undo' | 'redo', label?: string): Promise<StorageError> {
  const error: unknown = await t.store.applyChange(change, direction, label).then(() => null, (e: unknown) => e);
  if (!(error instanceof StorageError)) throw new Error(`expected a StorageError, got ${String(error)}`);
  return error;
}

describe('undo after another window changed the plan', () => {
  it('refuses an undo of a record the other window has changed since, writes nothing, and says what changed', async () => {
    const renamed = await t.store.updatePhase(phase(0).id, { name: 'Pilot year' });
    await other.store.updatePhase(phase(0).id, { name: 'Pilot, spring' });
    const before = await everything();
    const error = await refusal(renamed, 'undo', 'Rename “Pilot”');
    expect(error.reason).toBe('conflict');
    expect(error.message).toBe('Could not undo: Rename “Pilot”. The phase “Pilot, spring” was changed since, perhaps in another window. Nothing was changed.');
    expect(await everything()).toEqual(before);
    expect((await load()).phases[0]?.name).toBe('Pilot, spring');
  });

  it('goes ahead when the other window changed only other records (the plan’s change time moves on every edit)', async () => {
    const renamed = await t.store.updatePhase(phase(0).id, { name: 'Pilot year' });
    const vision = await t.store.updatePlan(t.bundle.plan.id, { vision: 'Every student owns their learning.' });
    await other.store.updatePhase(phase(1).id, { name: 'Expand, year two' });
    await other.store.updateSchool(school('Cedar High').id, { students: 1300 });
    await t.store.applyChange(vision, 'undo');
    await t.store.applyChange(renamed, 'undo');
    const after = await load();
    expect(after.plan.vision).toBe(t.bundle.plan.vision);
    expect(after.phases.map((p) => p.name).slice(0, 2)).toEqual([phase(0).name, 'Expand, year two']);
    expect(after.schools.find((s) => s.name === 'Cedar High')?.students).toBe(1300);
  });

  it('refuses an undo of an add once the other window has edited the new record, and of a delete once it is back', async () => {
    const added = await t.store.addWave({ id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001', planId: t.bundle.plan.id, name: 'Wave 3', phaseId: null, notes: '' });
    await other.store.updateWave(added.id, { notes: 'Late joiners.' });
    expect((await refusal(added.change, 'undo')).message).toBe('Could not undo the change: the wave “Wave 3” was changed since, perhaps in another window. Nothing was changed.');
    expect((await load()).waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2', 'Wave 3']);

    const edited = await t.store.updateWave(added.id, { notes: 'Joins in year three.' });
    await other.store.deleteWave(added.id);
    expect((await refusal(edited, 'undo')).message).toMatch(/the wave “Wave 3” was deleted since/);
    expect((await load()).waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2']);
  });

  it('names the stance, the plan’s vision and the budget line in the planner’s words', async () => {
    const area = t.bundle.areas[0];
    if (!area) throw new Error('the template has areas');
    const stance = await t.store.setStance(t.bundle.plan.id, area.id, phase(0).id, { stance: 'tight' });
    await other.store.setStance(t.bundle.plan.id, area.id, phase(0).id, { stance: 'loose' });
    expect((await refusal(stance, 'undo', `Set ${area.name} to Tight in ${phase(0).name}`)).message)
      .toBe(`Could not undo: Set ${area.name} to Tight in ${phase(0).name}. The stance on ${area.name} in ${phase(0).name} was changed since, perhaps in another window. Nothing was changed.`);

    const vision = await t.store.updatePlan(t.bundle.plan.id, { vision: 'Students own their learning.' });
    await other.store.updatePlan(t.bundle.plan.id, { vision: 'Every student, every day.' });
    expect((await refusal(vision, 'undo')).message).toMatch(/: the plan’s vision was changed since/);

    const line = t.bundle.allocations[0];
    const amount = await t.store.updateAllocation(line?.id ?? '', { amount: 130_000_00 });
    await other.store.deleteAllocations(t.bundle.plan.id, [line?.id ?? '']);
    expect((await refusal(amount, 'undo')).message).toMatch(`: a line of the budget in ${phase(0).name} was deleted since`);
  });
});

describe('redo after another window changed the plan', () => {
  it('refuses a redo of a record the other window has changed since the undo, and writes nothing', async () => {
    const renamed = await t.store.updatePhase(phase(0).id, { name: 'Pilot year' });
    await t.store.applyChange(renamed, 'undo');
    await other.store.updatePhase(phase(0).id, { goal: 'Prove the model in four schools.' });
    const before = await everything();
    const error = await refusal(renamed, 'redo', 'Rename “Pilot”');
    expect(error.reason).toBe('conflict');
    expect(error.message).toMatch(/^Could not redo: Rename “Pilot”. The phase “Pilot” was changed since/);
    expect(await everything()).toEqual(before);
  });

  it('goes ahead when only other records changed', async () => {
    const renamed = await t.store.updatePhase(phase(0).id, { name: 'Pilot year' });
    await t.store.applyChange(renamed, 'undo');
    await other.store.updatePhase(phase(1).id, { goal: 'Twelve schools.' });
    await t.store.applyChange(renamed, 'redo');
    expect((await load()).phases.slice(0, 2).map((p) => [p.name, p.goal])).toEqual([['Pilot year', phase(0).goal], [phase(1).name, 'Twelve schools.']]);
  });

  it('checks a restore, which writes as a redo, against the rows it read', async () => {
    const revision = await t.store.saveRevision(t.bundle.plan.id, { name: 'Pilot gate', reason: '', kind: 'named' }, APP);
    await t.store.updatePhase(phase(0).id, { name: 'Pilot year' });
    const { change } = await restoreRevision(revision, APP).write(t.ctx);
    expect((await load()).phases[0]?.name).toBe('Pilot');
    // The rows the restore wrote, as a redo would find them before it: only what differed.
    expect(change.changes.map((c) => c.table)).toEqual(['plans', 'phases']);
    await other.store.updatePhase(phase(0).id, { name: 'Pilot, spring' });
    expect((await refusal(change, 'undo')).reason).toBe('conflict');
    expect((await load()).phases[0]?.name).toBe('Pilot, spring');
  });
});

describe('edits of many records at once', () => {
  it('refuses the undo of a roster import whole when the other window changed one of its schools', async () => {
    const roster = [
      { name: 'Dunmore Academy', code: 'R-900', gradeBand: '6-8', students: 500, frlPercent: 40, values: {}, waveId: null },
      { name: 'Elm Street School', code: 'R-901', gradeBand: 'K-5', students: 310, frlPercent: 72, values: {}, waveId: null },
      { name: 'Adams Elementary', code: 'R-100', gradeBand: 'K-5', students: 450, frlPercent: 81, values: {}, waveId: null },
    ];
    const imported = await t.store.importSchools(t.bundle.plan.id, roster, []);
    expect(imported.change.changes).toHaveLength(3);
    const elm = (await load()).schools.find((s) => s.name === 'Elm Street School');
    await other.store.updateSchool(elm?.id ?? '', { students: 330 });
    const before = await everything();
    expect((await refusal(imported.change, 'undo', 'Import 3 schools from a roster')).message)
      .toBe('Could not undo: Import 3 schools from a roster. The school “Elm Street School” was changed since, perhaps in another window. Nothing was changed.');
    expect(await everything()).toEqual(before);
    expect((await load()).schools.map((s) => s.name)).toEqual(['Adams Elementary', 'Baker Middle', 'Cedar High', 'Dunmore Academy', 'Elm Street School']);
  });

  it('refuses the undo of a wave proposal whole, counting every record that changed since', async () => {
    const [wave1, wave2] = t.bundle.waves;
    const proposal = await t.store.applyWaves(t.bundle.plan.id, [
      { schoolIds: [school('Cedar High').id, school('Adams Elementary').id] },
      { schoolIds: [school('Baker Middle').id] },
      { schoolIds: [] },
    ]);
    // It moved Cedar High and added a third wave; the other tab changes both.
    expect(proposal.changes.map((c) => c.table).sort()).toEqual(['schools', 'waves']);
    const added = proposal.changes.find((c) => c.table === 'waves')?.id ?? '';
    await other.store.updateSchool(school('Cedar High').id, { waveId: wave2?.id ?? null });
    await other.store.updateWave(added, { notes: 'Late joiners.' });
    await other.store.updateWave(wave1?.id ?? '', { notes: 'Not part of the proposal.' });
    const before = await everything();
    const error = await refusal(proposal, 'undo', 'Apply the proposed waves');
    expect(error.message).toMatch(/^Could not undo: Apply the proposed waves. The school “Cedar High” and 1 other part of the plan were changed since/);
    expect(await everything()).toEqual(before);
  });

  it('undoes a merged entry (a field typed in twice) against how the last edit left it', async () => {
    const first = await t.store.updatePhase(phase(0).id, { goal: 'Prove' });
    const second = await t.store.updatePhase(phase(0).id, { goal: 'Prove the model' });
    const merged: ChangeSet = { planId: t.bundle.plan.id, changes: [...first.changes, ...second.changes] };
    await other.store.updatePhase(phase(1).id, { goal: 'Elsewhere.' });
    await t.store.applyChange(merged, 'undo');
    expect((await load()).phases[0]?.goal).toBe(phase(0).goal);
    await t.store.applyChange(merged, 'redo');
    expect((await load()).phases[0]?.goal).toBe('Prove the model');
  });
});

describe('sameContent', () => {
  it('reads records equal whatever the order of their fields and their change times', () => {
    expect(sameContent({ a: 1, b: { c: [1, { d: 2, e: 3 }] }, updatedAt: 'x' }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1, updatedAt: 'y' })).toBe(true);
    expect(sameContent({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameContent(undefined, { a: 1 })).toBe(false);
    expect(sameContent(undefined, undefined)).toBe(true);
  });
});
