import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { readAllocationSheet } from '../../../../renderer/src/domain/allocation-sheet';
import { newId } from '../../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import { pickSheet, readWorkbook, type XlsxCell, type XlsxSheet } from '../../../../renderer/src/domain/xlsx-reader';
import { planWorkbook } from '../../../../renderer/src/domain/xlsx-workbook';
import { importAllocations } from '../../../../renderer/src/features/resources/commands';
import type { PlannerDatabase } from '../../../../renderer/src/storage/database';
import { normalized, samplePlan, withSchools } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;
let db: PlannerDatabase;

useTestStore(() => withSchools(samplePlan()), (made) => {
  ({ ctx, bundle, db } = made);
});

const load = async () => (await ctx.store.loadBundle(bundle.plan.id)) as PlanBundle;

/** The plan's own Allocations sheet, as the workbook writes it, with `edit` applied to its cells. */
async function editedSheet(edit: (rows: XlsxSheet['rows']) => XlsxSheet['rows']): Promise<XlsxSheet> {
  const sheet = pickSheet(await readWorkbook(await planWorkbook(await load())), 'Allocations') as XlsxSheet;
  return { ...sheet, rows: edit(sheet.rows) };
}
const number = (value: number): XlsxCell => ({ kind: 'number', value, percent: false });

describe('importAllocations', () => {
  it('writes the changed and added lines in one transaction, and one Undo puts the plan back', async () => {
    const original = normalized(await load());
    const sheet = await editedSheet(([head, first, ...rest]) => {
      if (!head || !first) throw new Error('the sheet has a header and lines');
      const amount = head.cells.findIndex((c) => c?.kind === 'text' && c.text === 'Amount (USD)');
      const lineId = head.cells.findIndex((c) => c?.kind === 'text' && c.text === 'Line ID');
      const changed = first.cells.map((c, i) => (i === amount ? number(99_000) : c));
      const added = { row: 99, cells: first.cells.map((c, i) => (i === lineId ? null : i === amount ? number(5_000) : c)) };
      return [head, { ...first, cells: changed }, ...rest, added];
    });
    const result = readAllocationSheet(sheet, { ...(await load()), planId: bundle.plan.id }, newId);
    expect(result.problems).toEqual([]);
    expect([result.changed.length, result.added.length, result.unchanged, result.kept]).toEqual([1, 1, 2, 0]);

    const command = importAllocations(bundle.plan.id, [...result.changed, ...result.added].map((l) => l.line));
    expect(command.label).toBe('Import allocations from a spreadsheet');
    const transaction = vi.spyOn(db, 'transaction');
    const written = await command.write(ctx);
    expect(transaction).toHaveBeenCalledTimes(1);
    transaction.mockRestore();
    expect(typeof command.announce === 'function' && command.announce(written)).toBe('Imported allocations: 1 line changed, 1 line added.');
    const after = await load();
    expect(after.allocations).toHaveLength(4);
    expect(after.allocations.filter((a) => a.amount === 99_000_00 || a.amount === 5_000_00)).toHaveLength(2);

    await ctx.store.applyChange(written.change, 'undo');
    expect(normalized(await load())?.allocations).toEqual(original?.allocations);
    await ctx.store.applyChange(written.change, 'redo');
    expect((await load()).allocations).toHaveLength(4);
  });

  it('writes nothing when a line names a school the plan no longer has', async () => {
    const sheet = await editedSheet((rows) => rows);
    const plan = { ...(await load()), planId: bundle.plan.id };
    const line = plan.allocations.find((a) => a.recipient.kind === 'school');
    if (!line) throw new Error('the fixture has a line for a school');
    const result = readAllocationSheet(sheet, plan, newId);
    const moved = { ...line, amount: 1, recipient: { kind: 'school' as const, schoolId: newId() } };
    await expect(importAllocations(bundle.plan.id, [...result.changed.map((l) => l.line), { ...line, id: newId(), amount: 7 }, moved]).write(ctx)).rejects.toThrow(/The plan changed since the sheet was checked/);
    expect(normalized(await load())?.allocations).toEqual(normalized(plan)?.allocations);
  });
});
