import { describe, expect, it } from 'vitest';
import { type PlanStore } from '../../../renderer/src/storage/plan-store';
import type { ChangeSet } from '../../../renderer/src/storage/transactions';
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
