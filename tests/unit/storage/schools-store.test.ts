import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type ChangeSet, type PlanStore, type SchoolInput } from '../../../renderer/src/storage/plan-store';
import { newId } from '../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';

let db: PlannerDatabase;
let store: PlanStore;
let bundle: PlanBundle;

beforeEach(async () => {
  db = new PlannerDatabase(`test-${newId()}`);
  store = createPlanStore(db, () => new Date('2026-11-24T09:00:00Z'));
  await db.open();
  bundle = withSchools(samplePlan());
  await store.createPlan(bundle);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const planId = () => bundle.plan.id;
const load = async () => (await store.loadBundle(planId())) as PlanBundle;
const content = async () => {
  const b = normalized(await load()) as PlanBundle;
  const { updatedAt: _u, ...plan } = b.plan;
  return { ...b, plan };
};
const input = (name: string, code: string, students = 300): SchoolInput => ({ name, code, gradeBand: 'K-5', students, frlPercent: 50, values: {}, waveId: null });

describe('schools', () => {
  it('imports a roster in one step: matching codes update (keeping the wave), names match when there is no code, the rest are added', async () => {
    const before = await content();
    const chronic = { id: newId(), planId: planId(), name: 'Suspensions', side: 'need' as const, weight: 0, direction: 'higher-is-more' as const, source: 'value' as const, unit: '' };
    const result = await store.importSchools(planId(), [
      { ...input('Adams Elementary School', 'r-100', 444), values: { [chronic.id]: 7 } },
      input('Baker Middle', '', 800),
      input('Dunmore Academy', 'R-900'),
    ], [chronic]);
    expect([result.added, result.updated]).toEqual([1, 2]);
    const after = await load();
    const adams = after.schools.find((s) => s.code === 'r-100');
    expect(adams).toMatchObject({ name: 'Adams Elementary School', students: 444, waveId: bundle.waves[0]?.id });
    // Values from the file join the ones already there.
    expect(Object.keys(adams?.values ?? {})).toHaveLength(2);
    expect(after.schools.map((s) => [s.name, s.order])).toEqual([['Adams Elementary School', 0], ['Baker Middle', 1], ['Cedar High', 2], ['Dunmore Academy', 3]]);
    expect(after.indicators.at(-1)?.name).toBe('Suspensions');

    await store.applyChange(result.change, 'undo');
    expect(await content()).toEqual(before);
  });

  it('a re-import changes only what the file gives: blank cells and missing columns leave what the plan has', async () => {
    await store.importSchools(planId(), [
      { ...input('Adams Elementary', 'R-100', 430), gradeBand: '', frlPercent: null },
      { ...input('Baker Middle', '', 780), gradeBand: '6-8', frlPercent: 57 },
    ], []);
    const after = await load();
    expect(after.schools.find((s) => s.name === 'Adams Elementary')).toMatchObject({ code: 'R-100', gradeBand: 'K-5', students: 430, frlPercent: 81 });
    expect(after.schools.find((s) => s.name === 'Baker Middle')).toMatchObject({ code: 'R-101', gradeBand: '6-8', students: 780, frlPercent: 57 });
    expect(after.schools).toHaveLength(3);
  });

  it('refuses a whole import when one school is invalid, writing nothing', async () => {
    const before = await content();
    await expect(store.importSchools(planId(), [input('Fine', 'F-1'), { ...input('Broken', 'B-1'), students: -4 }], [])).rejects.toThrow();
    expect(await content()).toEqual(before);
  });

  it('deletes schools with what was allocated to them, and undo brings both back', async () => {
    const before = await content();
    const baker = bundle.schools[1]?.id ?? '';
    const change = await store.deleteSchools(planId(), [baker]);
    const after = await load();
    expect(after.schools.map((s) => s.name)).toEqual(['Adams Elementary', 'Cedar High']);
    expect(after.allocations.some((a) => a.recipient.kind === 'school')).toBe(false);
    await store.applyChange(change, 'undo');
    expect(await content()).toEqual(before);
  });

  it('sets and clears one indicator value without touching the others', async () => {
    const [adams] = bundle.schools;
    const indicator = bundle.indicators.find((i) => i.name === 'Staff buy-in');
    if (!adams || !indicator) throw new Error('fixture');
    await Promise.all([store.setSchoolValue(adams.id, indicator.id, 72), store.updateSchool(adams.id, { students: 430 })]);
    let school = (await load()).schools[0];
    expect(school?.values[indicator.id]).toBe(72);
    expect(school?.students).toBe(430);
    expect(Object.keys(school?.values ?? {})).toHaveLength(2);
    await store.setSchoolValue(adams.id, indicator.id, null);
    school = (await load()).schools[0];
    expect(indicator.id in (school?.values ?? {})).toBe(false);
  });
});

describe('waves', () => {
  it('applies proposed waves to the existing waves in order, adds missing ones linked to the next phase, and clears the rest', async () => {
    const [adams, baker, cedar] = bundle.schools.map((s) => s.id);
    const change = await store.applyWaves(planId(), [{ schoolIds: [cedar as string] }, { schoolIds: [] }, { schoolIds: [adams as string] }]);
    const after = await load();
    expect(after.waves.map((w) => [w.name, after.phases.find((p) => p.id === w.phaseId)?.name])).toEqual([
      ['Wave 1', bundle.phases[0]?.name], ['Wave 2', bundle.phases[1]?.name], ['Wave 3', bundle.phases[2]?.name],
    ]);
    const waveOf = (id: string | undefined) => after.waves.find((w) => w.id === after.schools.find((s) => s.id === id)?.waveId)?.name ?? null;
    expect([waveOf(adams), waveOf(baker), waveOf(cedar)]).toEqual(['Wave 3', null, 'Wave 1']);
    await store.applyChange(change, 'undo');
    expect((await load()).waves).toHaveLength(2);
  });

  it('deleting a wave leaves its schools without one and removes what was allocated to it', async () => {
    const change = await store.deleteWave(bundle.waves[0]?.id ?? '');
    const after = await load();
    expect(after.schools[0]?.waveId).toBeNull();
    expect(after.allocations.some((a) => a.recipient.kind === 'wave')).toBe(false);
    expect(change.changes.map((c) => c.table).sort()).toEqual(['allocations', 'schools', 'waves']);
  });

  it('deleting a phase unlinks its waves and removes its allocations', async () => {
    const first = bundle.phases[0]?.id ?? '';
    await store.deletePhase(first);
    const after = await load();
    expect(after.waves[0]?.phaseId).toBeNull();
    expect(after.allocations.some((a) => a.phaseId === first)).toBe(false);
    expect(after.allocations).toHaveLength(1);
  });
});

describe('resources', () => {
  it('edits a grid cell: creates a line in an empty cell, changes a single line, removes it when cleared', async () => {
    const phaseId = bundle.phases[2]?.id ?? '';
    const cell = { phaseId, recipient: { kind: 'central' as const }, kind: 'money' as const };
    const defaults = { sourceId: bundle.fundingSources[0]?.id ?? null, recurrence: 'ongoing' as const, flexible: false };
    const lines = async () => (await load()).allocations.filter((a) => a.phaseId === phaseId);
    const lineId = newId();
    const changes: ChangeSet[] = [await store.setAllocationCell(planId(), cell, lineId, 10_000_00, defaults)];
    expect((await lines()).map((a) => [a.id, a.amount, a.recurrence, a.sourceId])).toEqual([[lineId, 10_000_00, 'ongoing', defaults.sourceId]]);
    changes.push(await store.setAllocationCell(planId(), cell, lineId, 12_500_00, { ...defaults, recurrence: 'one-time' }));
    expect((await lines()).map((a) => [a.amount, a.recurrence])).toEqual([[12_500_00, 'ongoing']]);
    changes.push(await store.setAllocationCell(planId(), cell, lineId, null, defaults));
    expect(await lines()).toEqual([]);
    // Clearing an empty cell writes nothing.
    expect((await store.setAllocationCell(planId(), cell, newId(), null, defaults)).changes).toEqual([]);
  });

  it('a quick second edit of a new cell changes the line the first one made', async () => {
    const phaseId = bundle.phases[1]?.id ?? '';
    const cell = { phaseId, recipient: { kind: 'central' as const }, kind: 'devices' as const };
    const defaults = { sourceId: null, recurrence: 'one-time' as const, flexible: false };
    const lineId = newId();
    // Both start before either has finished, as when a planner types into a cell twice in a row.
    await Promise.all([store.setAllocationCell(planId(), cell, lineId, 30, defaults), store.setAllocationCell(planId(), cell, lineId, 45, defaults)]);
    const devices = (await load()).allocations.filter((a) => a.phaseId === phaseId && a.kind === 'devices');
    expect(devices.map((a) => [a.id, a.amount])).toEqual([[lineId, 45]]);
  });

  it('never changes a line outside the cell: the amount goes to a new line instead', async () => {
    const [first, second] = bundle.phases;
    const other = bundle.allocations.find((a) => a.phaseId === first?.id);
    expect(other).toBeDefined();
    const cell = { phaseId: second?.id ?? '', recipient: { kind: 'central' as const }, kind: 'money' as const };
    await store.setAllocationCell(planId(), cell, other?.id ?? '', 7_00, { sourceId: null, recurrence: 'one-time', flexible: false });
    const after = await load();
    expect(after.allocations.find((a) => a.id === other?.id)).toEqual(other);
    expect(after.allocations.filter((a) => a.phaseId === second?.id && a.amount === 7_00 && a.recipient.kind === 'central')).toHaveLength(1);
  });

  it('keeps each phase\'s allocations live on its own: an edit re-reads its phase only', async () => {
    const [first, second] = bundle.phases.map((p) => p.id);
    const reads = new Map<string, number[][]>();
    const watch = (phaseId = '') => store.watchPhaseAllocations(planId(), phaseId, (rows) => {
      reads.set(phaseId, [...(reads.get(phaseId) ?? []), rows.map((a) => a.amount)]);
    }, (error) => { throw error; });
    const readsOf = (phaseId = '') => reads.get(phaseId) ?? [];
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    const stops = [watch(first), watch(second)];
    await settled();
    const line = bundle.allocations.find((a) => a.phaseId === first);
    expect(line).toBeDefined();
    expect(readsOf(first)).toEqual([bundle.allocations.filter((a) => a.phaseId === first).map((a) => a.amount)]);
    expect(readsOf(second)).toHaveLength(1);

    await store.updateAllocation(line?.id ?? '', { amount: 4_321_00 });
    await settled();
    expect(readsOf(first)).toHaveLength(2);
    expect(readsOf(first).at(-1)).toContain(4_321_00);
    expect(readsOf(second)).toHaveLength(1);
    stops.forEach((stop) => stop());
  });

  it('deleting a funding source keeps what it paid for, paid from the district budget', async () => {
    const change = await store.deleteFundingSource(bundle.fundingSources[0]?.id ?? '');
    const after = await load();
    expect(after.fundingSources).toEqual([]);
    expect(after.allocations.map((a) => a.sourceId)).toEqual([null, null, null]);
    await store.applyChange(change, 'undo');
    expect(normalized(await load())?.allocations).toEqual(normalized(bundle)?.allocations);
  });
});
