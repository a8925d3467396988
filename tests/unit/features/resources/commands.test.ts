import { describe, expect, it } from 'vitest';
import type { CommandContext, CommandResult, PlanCommand } from '../../../../renderer/src/app/commands';
import { gridCells, recipientRows, type GridCell } from '../../../../renderer/src/domain/resource-rules';
import type { AllocationRow, FundingSource, PlanBundle } from '../../../../renderer/src/domain/schemas';
import {
  addFundingSource, addLine, cellLineId, deleteFundingSource, deleteLine, moveFundingSource, renameFundingSource, setCell, setFundingSourceEnd, setFundingSourceNotes, setFundingSourceObligateBy, setFundingSourceType,
  setLineAmount, setLineKind, setLineNote, setLinePerSchool, setLineRecurrence, setLineStaffCost, setLineUntil,
} from '../../../../renderer/src/features/resources/commands';
import { samplePlan, withSchools } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => withSchools(samplePlan()), (made) => {
  ({ ctx, bundle } = made);
});

const planId = () => bundle.plan.id;
const load = async () => (await ctx.store.loadBundle(planId())) as PlanBundle;
const runWrite = <R extends CommandResult>(command: PlanCommand<R>) => command.write(ctx);
const phase = (n: number) => {
  const found = [...bundle.phases].sort((a, b) => a.order - b.order)[n];
  if (!found) throw new Error(`the plan has no phase ${n}`);
  return found;
};
const lineById = async (id: string) => (await load()).allocations.find((a) => a.id === id);
const fixtureLine = (n: number): AllocationRow => {
  const found = bundle.allocations[n];
  if (!found) throw new Error(`the fixture has no line ${n}`);
  return found;
};

describe('grid cell commands', () => {
  const central = () => {
    const row = recipientRows(bundle.waves, bundle.schools, bundle.phases)[0];
    if (!row) throw new Error('the grid has a central office row');
    return row;
  };
  const defaults = { sourceId: null, recurrence: 'ongoing' as const, flexible: false };

  it('targets the line the cell shows, or a new id for an empty cell', () => {
    const shown: GridCell = { amount: 5, lineIds: ['line-a', 'line-b'], ongoing: 0, oneTime: 2, flexible: 0 };
    expect(cellLineId(shown)).toBe('line-a');
    const fresh = cellLineId(undefined);
    expect(fresh).not.toBe(cellLineId(undefined));
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fills an empty cell, lets a quick second edit find the same line, and clears it with zero', async () => {
    const pilot = phase(2);
    const set = setCell(planId(), central(), pilot, 'money', undefined, 10_000_00, defaults);
    expect(set.label).toBe(`Set Money for Central office in ${pilot.name} to $10,000`);
    expect(set.field).toBeUndefined();
    await runWrite(set);
    expect(await lineById(set.lineId)).toMatchObject({ amount: 10_000_00, recurrence: 'ongoing', phaseId: pilot.id, recipient: { kind: 'central' } });

    // The cell as the grid shows it before storage answers: the pending amount under the new line's id.
    const shown: GridCell = { amount: 10_000_00, lineIds: [set.lineId], ongoing: 1, oneTime: 0, flexible: 0 };
    const again = setCell(planId(), central(), pilot, 'money', shown, 12_500_00, defaults);
    expect(again.lineId).toBe(set.lineId);
    await runWrite(again);
    expect((await load()).allocations.filter((a) => a.phaseId === pilot.id).map((a) => [a.id, a.amount])).toEqual([[set.lineId, 12_500_00]]);

    const clear = setCell(planId(), central(), pilot, 'money', shown, 0, defaults);
    expect(clear.label).toBe(`Clear Money for Central office in ${pilot.name}`);
    const change = await runWrite(clear);
    expect(change.changes).toHaveLength(1);
    expect(await lineById(set.lineId)).toBeUndefined();
  });

  it('changes the one line of a stored cell, keeping how it is paid for', async () => {
    const first = phase(0);
    const stored = gridCells((await load()).allocations, 'money').get(`central|${first.id}`);
    const set = setCell(planId(), central(), first, 'money', stored, 130_000_00, defaults);
    expect(set.lineId).toBe(fixtureLine(0).id);
    await runWrite(set);
    expect(await lineById(fixtureLine(0).id)).toMatchObject({ amount: 130_000_00, recurrence: 'one-time', sourceId: fixtureLine(0).sourceId });
  });
});

describe('line commands', () => {
  const place = () => ({ index: 0, rowName: 'Central office', phaseName: phase(0).name });

  it('adds an empty line under the id it names, paid and recurring as asked', async () => {
    const add = addLine(planId(), { name: 'Central office', recipient: { kind: 'central' } }, phase(1), 'devices', { sourceId: bundle.fundingSources[0]?.id ?? null, recurrence: 'one-time' });
    expect(add.label).toBe(`Add a line for Central office in ${phase(1).name}`);
    const result = await runWrite(add);
    expect(result.id).toBe(add.id);
    expect(await lineById(add.id)).toMatchObject({ kind: 'devices', amount: 0, sourceId: bundle.fundingSources[0]?.id, recurrence: 'one-time', flexible: false, areaId: null, note: '' });
  });

  it('names each change with the line and its cell, and merges typing by field', async () => {
    const line = fixtureLine(0);
    const amount = setLineAmount(line, place(), 99_00);
    expect(amount).toMatchObject({ label: `Change the amount of line 1 for Central office in ${phase(0).name}`, field: `allocation.${line.id}.amount` });
    const note = setLineNote(line, place(), '  Coaches  ');
    expect(note).toMatchObject({ label: `Edit the note on line 1 for Central office in ${phase(0).name}`, field: `allocation.${line.id}.note` });
    await runWrite(amount);
    await runWrite(note);
    expect(await lineById(line.id)).toMatchObject({ amount: 99_00, note: 'Coaches' });
  });

  it('changes a line’s kind keeping the number on show', async () => {
    const line = fixtureLine(0);
    const kind = setLineKind(line, { ...place(), index: 1 }, 'devices');
    expect(kind.label).toBe(`Make line 2 Devices for Central office in ${phase(0).name}`);
    expect(kind.field).toBeUndefined();
    await runWrite(kind);
    expect(await lineById(line.id)).toMatchObject({ kind: 'devices', amount: 120_000 });
  });

  it('continues a recurring line through a later phase, back to its own phase, and stops it when it becomes one-time', async () => {
    const line = { ...fixtureLine(0), recurrence: 'ongoing' as const };
    await runWrite(setLineRecurrence(fixtureLine(0), place(), 'ongoing'));
    const until = setLineUntil(line, place(), phase(2));
    expect(until.label).toBe(`Continue line 1 through ${phase(2).name} for Central office in ${phase(0).name}`);
    await runWrite(until);
    expect(await lineById(line.id)).toMatchObject({ recurrence: 'ongoing', untilPhaseId: phase(2).id });
    const back = setLineUntil(line, place(), phase(0));
    expect(back.label).toBe(`Keep line 1 to ${phase(0).name} for Central office in ${phase(0).name}`);
    await runWrite(setLineUntil(line, place(), phase(2)));
    const once = setLineRecurrence({ ...line, untilPhaseId: phase(2).id }, place(), 'one-time');
    expect(once.label).toBe(`Make line 1 one-time for Central office in ${phase(0).name}`);
    await runWrite(once);
    expect(await lineById(line.id)).toMatchObject({ recurrence: 'one-time', untilPhaseId: null });
    expect(setLineRecurrence(line, place(), 'ongoing').label).toBe(`Make line 1 recurring for Central office in ${phase(0).name}`);
  });

  it('gives a wave’s line to each school or to the wave, and sets a staff line’s cost per FTE', async () => {
    const line = fixtureLine(0);
    const each = setLinePerSchool(line, place(), true);
    expect(each.label).toBe(`Give line 1 to each school in the wave for Central office in ${phase(0).name}`);
    await runWrite(each);
    expect((await lineById(line.id))?.perSchool).toBe(true);
    await runWrite(setLineKind(line, place(), 'staff-fte'));
    const staff = (await lineById(line.id)) as AllocationRow;
    const cost = setLineStaffCost(staff, place(), { perFteCents: 95_000_00, yearlyIncreasePercent: 0 }, 'cost');
    expect(cost).toMatchObject({ label: `Change the cost per FTE of line 1 for Central office in ${phase(0).name}`, field: `allocation.${line.id}.staffCost.cost` });
    await runWrite(cost);
    await runWrite(setLineStaffCost(staff, place(), { perFteCents: 95_000_00, yearlyIncreasePercent: 3 }, 'increase'));
    expect((await lineById(line.id))?.staffCost).toEqual({ perFteCents: 95_000_00, yearlyIncreasePercent: 3 });
    // Only staff lines keep a cost per FTE.
    await runWrite(setLineKind((await lineById(line.id)) as AllocationRow, place(), 'money'));
    expect((await lineById(line.id))?.staffCost).toBeNull();
  });

  it('deletes a line, saying what went', async () => {
    const line = fixtureLine(0);
    const del = deleteLine(planId(), line, place());
    expect(del.label).toBe(`Delete line 1 for Central office in ${phase(0).name}`);
    expect(del.announce).toBe(`Deleted a line of $120,000 for Central office in ${phase(0).name}.`);
    await runWrite(del);
    expect(await lineById(line.id)).toBeUndefined();
  });
});

describe('funding source commands', () => {
  const grant = () => {
    const found = bundle.fundingSources[0];
    if (!found) throw new Error('the fixture has a grant');
    return found;
  };

  it('adds a source for the whole plan at the end of the list', async () => {
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    const add = addFundingSource(bundle.plan, phases);
    expect(add.label).toBe('Add a funding source');
    await runWrite(add);
    const sources = [...(await load()).fundingSources].sort((a, b) => a.order - b.order);
    expect(sources.map((s) => s.id)).toEqual([grant().id, add.id]);
    expect(sources[1]).toMatchObject({ name: 'New funding source', amountCents: 0, start: phases[0]?.start, end: phases.at(-1)?.end, notes: '' });
    const bare = addFundingSource({ id: planId(), createdAt: '2026-11-23T09:30:00.000Z' }, []);
    await runWrite(bare);
    expect((await load()).fundingSources.find((s) => s.id === bare.id)).toMatchObject({ start: '2026-11-23', end: '2026-11-23' });
  });

  it('renames a source by its old name, trimmed, and keeps notes as typed', async () => {
    const rename = renameFundingSource(grant(), '  State grant ');
    expect(rename).toMatchObject({ label: 'Rename funding source “Innovation grant”', field: `fundingSource.${grant().id}.name` });
    const notes = setFundingSourceNotes(grant(), 'Renewal in May. ');
    expect(notes).toMatchObject({ label: 'Edit the notes on “Innovation grant”', field: `fundingSource.${grant().id}.notes` });
    await runWrite(rename);
    await runWrite(notes);
    expect((await load()).fundingSources[0]).toMatchObject({ name: 'State grant', notes: 'Renewal in May. ' });
  });

  it('types a source, dates a grant’s obligate-by and spend-by, and drops the obligate-by date when it is no grant', async () => {
    const type = setFundingSourceType(grant(), 'federal-grant');
    expect(type.label).toBe('Make “Innovation grant” One-time federal grant');
    await runWrite(type);
    const asGrant = (await load()).fundingSources[0] as FundingSource;
    const obligate = setFundingSourceObligateBy(asGrant, '2028-09-30');
    expect(obligate).toMatchObject({ label: 'Change the obligate-by date of “Innovation grant”', field: `fundingSource.${grant().id}.obligateBy` });
    await runWrite(obligate);
    expect(setFundingSourceEnd(asGrant, '2029-06-30').label).toBe('Change the spend-by date of “Innovation grant”');
    expect(setFundingSourceEnd({ ...grant(), type: 'local' }, '2029-06-30').label).toBe('Change the end of “Innovation grant”');
    expect((await load()).fundingSources[0]).toMatchObject({ type: 'federal-grant', obligateBy: '2028-09-30' });
    await runWrite(setFundingSourceType(asGrant, 'local'));
    expect((await load()).fundingSources[0]).toMatchObject({ type: 'local', obligateBy: null });
  });

  it('moves and deletes a source; what it paid for goes to the district budget', async () => {
    const add = addFundingSource(bundle.plan, bundle.phases);
    await runWrite(add);
    const move = moveFundingSource(grant(), 1);
    expect(move.label).toBe('Move funding source “Innovation grant” down');
    expect(move.field).toBeUndefined();
    await runWrite(move);
    const order = () => load().then((b) => [...b.fundingSources].sort((x, y) => x.order - y.order).map((s) => s.id));
    expect(await order()).toEqual([add.id, grant().id]);

    const del = deleteFundingSource(grant());
    expect(del.label).toBe('Delete funding source “Innovation grant”');
    expect(del.announce).toBe('Deleted funding source “Innovation grant”. What it paid for is now on the district budget.');
    await runWrite(del);
    expect(await order()).toEqual([add.id]);
    expect((await lineById(fixtureLine(0).id))?.sourceId).toBeNull();
  });
});
