/** Resources: the funding sources a plan draws on, and its allocation lines (what goes where, in which phase). */
import { liveQuery } from 'dexie';
import type { ChangeSet, Transactions } from './transactions';
import { StorageError } from './storage-error';
import type { AllocationRow, FundingSource } from '../domain/schemas';
import { newId } from '../domain/ids';
import { cellWrite, type AllocationCell, type NewLineDefaults } from '../domain/resource-rules';

export type FundingSourceChanges = Partial<Omit<FundingSource, 'id' | 'planId' | 'order'>>;
export type AllocationChanges = Partial<Omit<AllocationRow, 'id' | 'planId'>>;

export function createResourcesRepository(tx: Transactions) {
  const { db, change, edit, requireRow, addOrdered, addChild, updateChild, moveOrdered } = tx;

  return {
    /**
     * Keeps one phase's allocations live (phases belong to one plan): `next` gets them now and
     * after every write that changes them, and only those. Returns the unsubscribe.
     */
    watchPhaseAllocations(planId: string, phaseId: string, next: (rows: AllocationRow[]) => void, fail: (error: unknown) => void): () => void {
      // Filtered after the read: a Dexie filter would walk a cursor, one round trip per row.
      const read = async () => (await db.allocations.where('phaseId').equals(phaseId).toArray()).filter((a) => a.planId === planId);
      const subscription = liveQuery(read).subscribe({ next, error: fail });
      return () => subscription.unsubscribe();
    },

    // Funding sources
    addFundingSource: (source: Omit<FundingSource, 'order'>) => addOrdered('fundingSources', source, 'funding source'),
    updateFundingSource: (id: string, changes: FundingSourceChanges) => updateChild('fundingSources', id, changes, 'funding source'),
    moveFundingSource: (id: string, direction: -1 | 1) => moveOrdered('fundingSources', id, direction, 'funding source'),
    /** Removes a funding source; what it paid for stays, paid from the district's own budget. */
    async deleteFundingSource(id: string): Promise<ChangeSet> {
      const source = await requireRow('fundingSources', id, 'funding source');
      return change('delete the funding source', source.planId, async (rec) => {
        const allocations = await db.allocations.where('planId').equals(source.planId).toArray();
        await rec.putAll('allocations', allocations.filter((a) => a.sourceId === id).map((a) => ({ row: { ...a, sourceId: null }, before: a })));
        await rec.remove('fundingSources', id);
      }, ['fundingSources', 'allocations']);
    },

    // Allocations
    addAllocation: (allocation: AllocationRow) => addChild('allocations', allocation, 'allocation'),
    updateAllocation: (id: string, changes: AllocationChanges) => updateChild('allocations', id, changes, 'allocation'),
    async deleteAllocations(planId: string, ids: readonly string[]): Promise<ChangeSet> {
      return change(ids.length === 1 ? 'delete the allocation' : 'delete the allocations', planId, (rec) => rec.removeAll('allocations', ids), ['allocations']);
    },
    /**
     * Writes checked allocation lines in one transaction: each is put whole (a line the plan has
     * is replaced, a new one added), and what each was is read inside the write, so Undo puts
     * back exactly what was there. Refuses the whole write when a line names a phase, wave,
     * school, funding source or area the plan no longer has (it changed since the lines were
     * checked).
     */
    async importAllocations(planId: string, lines: readonly AllocationRow[]): Promise<{ added: number; updated: number; change: ChangeSet }> {
      const { value, change: set } = await edit('import the allocations', planId, async (rec) => {
        const ofPlan = async (table: 'phases' | 'waves' | 'schools' | 'fundingSources' | 'areas') => new Set<string>(await db[table].where('planId').equals(planId).primaryKeys());
        const [phases, waves, schools, sources, areas, befores] = await Promise.all([
          ofPlan('phases'), ofPlan('waves'), ofPlan('schools'), ofPlan('fundingSources'), ofPlan('areas'), db.allocations.bulkGet(lines.map((l) => l.id)),
        ]);
        for (const [i, line] of lines.entries()) {
          const r = line.recipient;
          const known = line.planId === planId && (befores[i] === undefined || befores[i]?.planId === planId) && phases.has(line.phaseId) && (line.untilPhaseId === null || phases.has(line.untilPhaseId))
            && (r.kind === 'central' || (r.kind === 'wave' ? waves.has(r.waveId) : schools.has(r.schoolId)))
            && (line.sourceId === null || sources.has(line.sourceId)) && (line.areaId === null || areas.has(line.areaId));
          if (!known) throw new StorageError('The plan changed since the sheet was checked (a phase, wave, school, funding source or area it names is gone). Choose the file again.', 'invalid');
        }
        const writes = lines.map((row, i) => ({ row, before: befores[i] }));
        await rec.putAll('allocations', writes);
        const updated = writes.filter((w) => w.before !== undefined).length;
        return { added: writes.length - updated, updated };
      }, ['allocations', 'phases', 'waves', 'schools', 'fundingSources', 'areas']);
      return { ...value, change: set };
    },
    /**
     * Sets a grid cell of one line, as the domain's cellWrite decides from the one row `lineId`
     * names (the line the planner saw, or the id a new line takes). Reads that row only, not the
     * phase's lines: a cell edit is one small round trip however large the plan.
     */
    async setAllocationCell(planId: string, cell: AllocationCell, lineId: string, amount: number | null, defaults: NewLineDefaults): Promise<ChangeSet> {
      return change('save the allocation', planId, async (rec) => {
        const decided = cellWrite(planId, cell, lineId, await db.allocations.get(lineId), amount, defaults, newId);
        if (decided.kind === 'remove') await rec.remove('allocations', decided.line.id, { before: decided.line });
        else if (decided.kind === 'put') await rec.put('allocations', decided.row, { before: decided.before });
      }, ['allocations']);
    },
  };
}
