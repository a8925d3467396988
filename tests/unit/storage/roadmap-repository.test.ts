import { describe, expect, it } from 'vitest';
import { type PlanStore } from '../../../renderer/src/storage/plan-store';
import type { ChangeSet } from '../../../renderer/src/storage/transactions';
import { newId } from '../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';
import { samplePlan } from '../domain/plan-fixtures';
import { useTestStore } from './test-store';

let store: PlanStore;
let bundle: PlanBundle;

// The template's own stances and milestones are left out: each test sets what it checks.
useTestStore(() => ({ ...samplePlan(), stances: [], positions: [], milestones: [], outcomes: [] }), (made) => {
  ({ store, bundle } = made);
});

const phase = (i: number) => bundle.phases[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const area = (i: number) => bundle.areas[i] ?? (() => { throw new Error(`no area ${i}`); })();
const load = async () => (await store.loadBundle(bundle.plan.id)) as PlanBundle;
/** The plan's records without the change time, which every edit and undo moves on. */
const content = async () => {
  const b = await load();
  const { updatedAt: _u, ...plan } = b.plan;
  return { ...b, plan };
};

describe('stances and positions', () => {
  it('creates a stance on first use and updates the same record after', async () => {
    await store.setStance(bundle.plan.id, area(2).id, phase(0).id, { stance: 'loose' });
    await store.setStance(bundle.plan.id, area(2).id, phase(0).id, { rationale: 'Schools choose their curriculum in the pilot.' });
    const stances = (await load()).stances.filter((s) => s.areaId === area(2).id && s.phaseId === phase(0).id);
    expect(stances).toHaveLength(1);
    expect(stances[0]).toMatchObject({ stance: 'loose', rationale: 'Schools choose their curriculum in the pilot.', owner: '', guardrails: '' });
  });

  it('refuses a stance for an area or phase of another plan', async () => {
    const other = samplePlan({ name: 'Other' });
    await store.createPlan(other);
    await expect(store.setStance(bundle.plan.id, other.areas[0]?.id ?? '', phase(0).id, { stance: 'tight' })).rejects.toThrow(/no longer exists/);
  });

  it('keeps one position per decision and phase, and refuses a position off the scale', async () => {
    await store.setPosition(bundle.plan.id, phase(1).id, 2, { position: 1 });
    await store.setPosition(bundle.plan.id, phase(1).id, 2, { position: 2, rationale: 'Go slow.' });
    const positions = (await load()).positions.filter((p) => p.phaseId === phase(1).id && p.decision === 2);
    expect(positions).toEqual([expect.objectContaining({ position: 2, rationale: 'Go slow.' })]);
    await expect(store.setPosition(bundle.plan.id, phase(1).id, 2, { position: 3 })).rejects.toThrow();
    expect((await load()).positions.find((p) => p.phaseId === phase(1).id && p.decision === 2)?.position).toBe(2);
  });
});

describe('undo and redo through change sets', () => {
  it('undoes and redoes every kind of edit back to the identical plan', async () => {
    const edits: ChangeSet[] = [];
    const snapshots = [await content()];
    const record = async (change: ChangeSet | { change: ChangeSet }) => {
      edits.push('change' in change ? change.change : change);
      snapshots.push(await content());
    };
    await record(await store.updatePlan(bundle.plan.id, { vision: 'Every student owns their learning.' }));
    await record(await store.setStance(bundle.plan.id, area(0).id, phase(0).id, { stance: 'tight' }));
    await record(await store.setPosition(bundle.plan.id, phase(0).id, 1, { position: -1 }));
    await record(await store.addMilestone({ id: newId(), planId: bundle.plan.id, phaseId: phase(0).id, name: 'Pilot schools chosen', date: phase(0).start, owner: 'CAO', done: false, kind: 'milestone' }));
    await record(await store.addOutcome({ id: newId(), planId: bundle.plan.id, name: 'Reading growth', unit: '%', baseline: 41, targets: [{ phaseId: phase(0).id, value: 44 }], actuals: [] }));
    await record(await store.updatePhase(phase(0).id, { gate: 'Growth at or above 44%.' }));
    await record(await store.deletePhase(phase(0).id));
    await record(await store.deleteArea(area(0).id));

    for (let i = edits.length - 1; i >= 0; i -= 1) {
      await store.applyChange(edits[i] as ChangeSet, 'undo');
      expect(await content()).toEqual(snapshots[i]);
    }
    for (let i = 0; i < edits.length; i += 1) {
      await store.applyChange(edits[i] as ChangeSet, 'redo');
      expect(await content()).toEqual(snapshots[i + 1]);
    }
  });

  it('deleting a phase takes its stances, positions, milestones and outcome targets with it', async () => {
    const target = phase(1);
    await store.setStance(bundle.plan.id, area(0).id, target.id, { stance: 'shared' });
    await store.setPosition(bundle.plan.id, target.id, 3, { position: -2 });
    await store.addMilestone({ id: newId(), planId: bundle.plan.id, phaseId: target.id, name: 'Wave 2 starts', date: target.start, owner: '', done: false, kind: 'milestone' });
    await store.addOutcome({ id: newId(), planId: bundle.plan.id, name: 'Attendance', unit: '%', baseline: null, targets: [{ phaseId: target.id, value: 90 }, { phaseId: phase(2).id, value: 92 }], actuals: [] });
    const change = await store.deletePhase(target.id);
    const after = await load();
    expect(after.stances.some((s) => s.phaseId === target.id)).toBe(false);
    expect(after.positions.some((p) => p.phaseId === target.id)).toBe(false);
    expect(after.milestones).toHaveLength(0);
    expect(after.outcomes[0]?.targets).toEqual([{ phaseId: phase(2).id, value: 92 }]);
    expect(change.changes.map((c) => c.table).sort()).toEqual(['milestones', 'outcomes', 'phases', 'positions', 'stances']);
  });

  it('records nothing for a move past the end', async () => {
    const last = bundle.phases.at(-1);
    const change = await store.movePhase(last?.id ?? '', 1);
    expect(change.changes).toEqual([]);
  });

  it('keeps the order of areas and outcomes and moves them', async () => {
    const { id } = await store.addArea({ id: newId(), planId: bundle.plan.id, name: 'Family engagement', description: '', builtIn: false });
    await store.moveArea(id, -1);
    const names = (await load()).areas.map((a) => a.name);
    expect(names.at(-2)).toBe('Family engagement');
    expect(names).toHaveLength(bundle.areas.length + 1);
  });
});

describe('changes worked out from the record as stored', () => {
  it('keeps both of two quick edits to an outcome\'s targets, each made from the other\'s result', async () => {
    const { id } = await store.addOutcome({ id: newId(), planId: bundle.plan.id, name: 'Reading growth', unit: '%', baseline: 40, targets: [], actuals: [] });
    const target = (phaseId: string, value: number) => (current: { targets: { phaseId: string; value: number }[] }) => ({
      targets: [...current.targets.filter((t) => t.phaseId !== phaseId), { phaseId, value }],
    });
    await Promise.all([store.updateOutcome(id, target(phase(0).id, 45)), store.updateOutcome(id, target(phase(1).id, 50))]);
    const saved = (await load()).outcomes.find((o) => o.id === id);
    expect(saved?.targets).toEqual([{ phaseId: phase(0).id, value: 45 }, { phaseId: phase(1).id, value: 50 }]);
  });
});

describe('moving a phase with what it carries', () => {
  it('moves another plan’s records never, and refuses a phase that is gone', async () => {
    const other = samplePlan({ name: 'Other' });
    await store.createPlan(other);
    const mine = { id: newId(), planId: bundle.plan.id, phaseId: phase(0).id, name: 'Pilot opens', date: phase(0).start, owner: '', done: false, kind: 'milestone' as const };
    await store.addMilestone(mine);
    const before = await store.loadBundle(other.plan.id);
    const dates = { start: '2030-01-01', end: '2030-12-31' };
    const change = await store.reschedulePhase(phase(0).id, dates, { milestones: true, following: true });
    expect(change.changes.every((c) => c.table === 'plans' || (c.after as { planId: string }).planId === bundle.plan.id)).toBe(true);
    expect((await load()).milestones.find((m) => m.id === mine.id)?.date).not.toBe(mine.date);
    expect(await store.loadBundle(other.plan.id)).toEqual(before);
    await expect(store.reschedulePhase(newId(), dates, { milestones: true, following: true })).rejects.toThrow('This phase no longer exists.');
  });
});
