import { describe, expect, it } from 'vitest';
import { type PlanStore } from '../../../renderer/src/storage/plan-store';
import type { SchoolInput } from '../../../renderer/src/storage/schools-repository';
import { newId } from '../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';
import { useTestStore } from './test-store';

let store: PlanStore;
let bundle: PlanBundle;

useTestStore(() => withSchools(samplePlan()), (made) => {
  ({ store, bundle } = made);
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
    const chronic = { id: newId(), planId: planId(), name: 'Suspensions', side: 'need' as const, weight: 0, direction: 'higher-is-more' as const, source: 'value' as const, unit: '', range: null };
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
