import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore, type PlanStore } from '../../../renderer/src/storage/plan-store';
import { RECENTLY_DELETED_DAYS } from '../../../renderer/src/storage/library-repository';
import { StorageError } from '../../../renderer/src/storage/storage-error';
import { newId } from '../../../renderer/src/domain/ids';
import { normalized, samplePlan } from '../domain/plan-fixtures';

const newPhaseFields = (planId: string) => ({
  id: newId(), planId, name: 'Phase', kind: 'custom' as const, status: 'planned' as const, start: '2031-08-01', end: '2032-07-31', goal: '', entryCriteria: '', gate: '',
});

let db: PlannerDatabase;
let store: PlanStore;
let now: Date;

beforeEach(async () => {
  db = new PlannerDatabase(`test-${newId()}`);
  now = new Date('2026-11-24T09:00:00Z');
  store = createPlanStore(db, () => now);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const later = (minutes: number) => { now = new Date(now.getTime() + minutes * 60_000); };

describe('the library of plans', () => {
  it('creates a plan and loads back exactly what was written', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    expect(normalized(await store.loadBundle(bundle.plan.id))).toEqual(normalized(bundle));
    const [summary] = await store.listPlans();
    expect(summary).toMatchObject({ id: bundle.plan.id, name: 'Riverside roadmap', systemName: 'Riverside Unified', phaseCount: 4, deletedAt: null });
  });

  it('lists plans newest change first with their phase counts', async () => {
    const a = samplePlan({ name: 'A' });
    const b = samplePlan({ name: 'B', templateId: null });
    await store.createPlan(a);
    later(1);
    await store.createPlan(b);
    later(1);
    await store.updatePlan(a.plan.id, { systemName: 'Changed' });
    expect((await store.listPlans()).map((p) => [p.name, p.phaseCount])).toEqual([['A', 4], ['B', 0]]);
  });

  it('saves edits to the plan and its phases and stamps the change time', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    later(5);
    await store.updatePlan(bundle.plan.id, { name: 'Renamed', profile: { ...bundle.plan.profile, locale: 'rural' } });
    const phase = bundle.phases[1];
    if (!phase) throw new Error('template has phases');
    await store.updatePhase(phase.id, { goal: 'New goal', end: '2029-06-30' });
    const loaded = await store.loadBundle(bundle.plan.id);
    expect(loaded?.plan).toMatchObject({ name: 'Renamed', profile: { locale: 'rural' }, updatedAt: now.toISOString() });
    expect(loaded?.phases[1]).toMatchObject({ goal: 'New goal', end: '2029-06-30' });
  });

  it('refuses a phase that ends before it starts and leaves the saved one alone', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    const phase = bundle.phases[0];
    if (!phase) throw new Error('template has phases');
    await expect(store.updatePhase(phase.id, { end: '2020-01-01' })).rejects.toThrow(/Must be after the start date/);
    expect((await store.loadBundle(bundle.plan.id))?.phases[0]).toEqual(phase);
  });

  it('refuses an invalid plan edit without writing anything', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    await expect(store.updatePlan(bundle.plan.id, { name: '   ' })).rejects.toThrow(StorageError);
    expect((await store.loadBundle(bundle.plan.id))?.plan).toEqual(bundle.plan);
  });

  it('adds phases at the end, moves them, and undoes a delete', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    const { id } = await store.addPhase({ ...newPhaseFields(bundle.plan.id), name: 'Renew', start: '2031-08-01', end: '2032-07-31' });
    await store.movePhase(id, -1);
    const names = async () => (await store.listPhases(bundle.plan.id)).map((p) => p.name);
    expect(await names()).toEqual(['Pilot', 'Expand', 'Scale', 'Renew', 'Sustain']);
    await store.movePhase(id, 1);
    await store.movePhase(id, 1);
    expect(await names()).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain', 'Renew']);
    const removed = await store.deletePhase((await store.listPhases(bundle.plan.id))[0]?.id ?? '');
    expect(await names()).toEqual(['Expand', 'Scale', 'Sustain', 'Renew']);
    await store.applyChange(removed, 'undo');
    expect(await names()).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain', 'Renew']);
  });

  it('keeps a deleted plan in Recently deleted until it is restored or expires', async () => {
    const keep = samplePlan({ name: 'Keep' });
    const gone = samplePlan({ name: 'Gone' });
    await store.createPlan(keep);
    await store.createPlan(gone);
    await store.deletePlan(keep.plan.id);
    await store.restorePlan(keep.plan.id);
    await store.deletePlan(gone.plan.id);
    expect((await store.listPlans()).find((p) => p.id === gone.plan.id)?.deletedAt).toBe(now.toISOString());

    later(60 * 24 * (RECENTLY_DELETED_DAYS - 1));
    expect(await store.purgeDeleted()).toBe(0);
    later(60 * 24 * 2);
    expect(await store.purgeDeleted()).toBe(1);
    expect((await store.listPlans()).map((p) => p.name)).toEqual(['Keep']);
    expect(await db.phases.where('planId').equals(gone.plan.id).count()).toBe(0);
    expect(await db.areas.where('planId').equals(gone.plan.id).count()).toBe(0);
  });

  it('imports a plan as new, and replaces the plan with the same id in one step', async () => {
    const bundle = samplePlan();
    await store.importBundle(bundle, 'add');
    await expect(store.importBundle(bundle, 'add')).rejects.toThrow(/already in the library/);

    const changed = { ...bundle, plan: { ...bundle.plan, name: 'From the file' }, phases: bundle.phases.slice(0, 2) };
    const { replacedCopyId } = await store.importBundle(changed, 'replace');
    expect(normalized(await store.loadBundle(bundle.plan.id))).toEqual(normalized(changed));
    // The plan that was replaced is kept whole, as a copy in Recently deleted.
    const kept = await store.loadBundle(replacedCopyId ?? '');
    expect(kept?.plan.name).toBe('Riverside roadmap (before import)');
    expect(kept?.phases.map((p) => [p.name, p.start, p.end, p.goal])).toEqual(bundle.phases.map((p) => [p.name, p.start, p.end, p.goal]));
    expect((await store.getPlanRow(replacedCopyId ?? ''))?.deletedAt).toBe(now.toISOString());

    const { replacedCopyId: none } = await store.importBundle(bundle, 'replace', { keepReplaced: false });
    expect(none).toBeNull();
    expect((await store.listPlans()).map((p) => p.name).sort()).toEqual(['Riverside roadmap', 'Riverside roadmap (before import)']);
    await store.purgePlan(replacedCopyId ?? '');
    expect(await db.phases.count()).toBe(bundle.phases.length);
  });

  it('refuses a plan whose records reuse ids of another plan, and leaves that plan alone', async () => {
    const first = samplePlan({ name: 'First' });
    await store.createPlan(first);
    const second = samplePlan({ name: 'Second' });
    const thief = { ...second, phases: second.phases.map((p, i) => ({ ...p, id: first.phases[i]?.id ?? p.id })) };
    await expect(store.importBundle(thief, 'add')).rejects.toThrow(/ids that another plan in your library already uses/);
    expect(normalized(await store.loadBundle(first.plan.id))).toEqual(normalized(first));
    expect(await db.plans.count()).toBe(1);
  });

  it('keeps both of two quick profile edits', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    await Promise.all([
      store.updateProfile(bundle.plan.id, { schoolCount: 1 }),
      store.updateProfile(bundle.plan.id, { studentCount: 2 }),
    ]);
    expect((await store.loadBundle(bundle.plan.id))?.plan.profile).toEqual({ schoolCount: 1, studentCount: 2, frlPercent: 64, locale: 'urban' });
  });

  it('writes nothing when any record of an import is bad', async () => {
    const bundle = samplePlan();
    const broken = { ...bundle, phases: bundle.phases.map((p, i) => (i === 3 ? { ...p, end: '2000-01-01' } : p)) };
    await expect(store.importBundle(broken, 'add')).rejects.toThrow(/Sustain/);
    expect(await db.plans.count()).toBe(0);
    expect(await db.phases.count()).toBe(0);
    expect(await db.areas.count()).toBe(0);
  });

  it('rolls a replace back whole when it fails part-way', async () => {
    const bundle = samplePlan();
    await store.createPlan(bundle);
    // The last write of the replace fails as a full disk would, after the old records were removed.
    const fromFile = { ...bundle, plan: { ...bundle.plan, name: 'From the file' } };
    vi.spyOn(db.outcomes, 'bulkAdd').mockImplementation(() => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(store.importBundle(fromFile, 'replace')).rejects.toThrow(/out of storage space/);
    vi.restoreAllMocks();
    expect(normalized(await store.loadBundle(bundle.plan.id))).toEqual(normalized(bundle));
    expect(await db.plans.count()).toBe(1);
  });
});
