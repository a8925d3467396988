import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { NEW_MEASURE_NAME, addOutcome, addOutcomeResult, deleteOutcome, deleteOutcomeResult, moveOutcome, renameOutcome, setOutcomeBaseline, setOutcomeTarget, setOutcomeUnit, setVision } from '../../../../renderer/src/features/outcomes/commands';
import type { Outcome, Phase, PlanBundle } from '../../../../renderer/src/domain/schemas';
import { createPlanBundle } from '../../../../renderer/src/domain/templates';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => ({ ...createPlanBundle({ name: 'Riverside roadmap', systemName: 'Riverside Unified', templateId: 'pilot-to-scale', today: new Date(2026, 10, 23) }), outcomes: [] }), (made) => {
  ({ ctx, bundle } = made);
}, () => new Date('2026-11-30T09:00:00Z'));

const planId = () => bundle.plan.id;
const phases = (): Phase[] => [...bundle.phases].sort((a, b) => a.order - b.order);
const phase = (i: number): Phase => phases()[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const load = async () => (await ctx.store.loadBundle(planId())) as PlanBundle;
const outcome = async (id: string): Promise<Outcome> => (await load()).outcomes.find((o) => o.id === id) ?? (() => { throw new Error('no outcome'); })();

/** A measure added through its command, as the section names it. */
async function added(): Promise<{ id: string; name: string }> {
  const command = addOutcome(planId());
  await command.write(ctx);
  return { id: command.id, name: NEW_MEASURE_NAME };
}

describe('vision', () => {
  it('saves the vision as a field being typed in', async () => {
    const command = setVision(planId(), 'Every student knows where they are going.');
    expect(command.label).toBe('Edit the vision');
    expect(command.field).toBe('plan.vision');
    await command.write(ctx);
    expect((await load()).plan.vision).toBe('Every student knows where they are going.');
  });
});

describe('outcome measures', () => {
  it('adds a measure under the id the command chose, named for the planner to type over', async () => {
    const command = addOutcome(planId());
    expect(command.label).toBe('Add an outcome measure');
    const { id } = await command.write(ctx);
    expect(id).toBe(command.id);
    expect(await outcome(command.id)).toMatchObject({ name: 'New outcome measure', unit: '', baseline: null, targets: [], actuals: [] });
  });

  it('renames a measure and sets its unit and baseline, each in its own field', async () => {
    const measure = await added();
    const rename = renameOutcome(measure, '  Students meeting reading growth targets ');
    const unit = setOutcomeUnit(measure, ' % ');
    const baseline = setOutcomeBaseline(measure, 41);
    expect([rename.label, unit.label, baseline.label]).toEqual([
      'Rename the outcome measure “New outcome measure”', 'Edit the unit of “New outcome measure”', 'Edit the baseline of “New outcome measure”',
    ]);
    expect([rename.field, unit.field, baseline.field]).toEqual(['name', 'unit', 'baseline'].map((f) => `outcome.${measure.id}.${f}`));
    for (const command of [rename, unit, baseline]) await command.write(ctx);
    expect(await outcome(measure.id)).toMatchObject({ name: 'Students meeting reading growth targets', unit: '%', baseline: 41 });
  });

  it('keeps both of two targets typed in quick succession, in phase order, and clears one with null', async () => {
    const measure = await added();
    const ids = phases().map((p) => p.id);
    const scale = setOutcomeTarget(measure, phase(2), 60, ids);
    const pilot = setOutcomeTarget(measure, phase(0), 44, ids);
    expect(scale.label).toBe('Set the Scale target for “New outcome measure”');
    expect(scale.field).toBe(`outcome.${measure.id}.target.${phase(2).id}`);
    // Both writes start before either is saved: each merges its target into the list as stored.
    await Promise.all([scale.write(ctx), pilot.write(ctx)]);
    expect((await outcome(measure.id)).targets).toEqual([{ phaseId: phase(0).id, value: 44 }, { phaseId: phase(2).id, value: 60 }]);
    await setOutcomeTarget(measure, phase(0), null, ids).write(ctx);
    expect((await outcome(measure.id)).targets).toEqual([{ phaseId: phase(2).id, value: 60 }]);
  });

  it('adds results in date order and deletes the one asked for', async () => {
    const measure = await added();
    const march = { date: '2028-03-15', value: 43, note: 'Winter screener' };
    const june = { date: '2028-06-10', value: 46, note: '' };
    const first = addOutcomeResult(measure, june);
    expect(first.label).toBe('Add a result to “New outcome measure”');
    await Promise.all([first.write(ctx), addOutcomeResult(measure, march).write(ctx)]);
    expect((await outcome(measure.id)).actuals).toEqual([march, june]);

    const remove = deleteOutcomeResult(measure, march);
    expect(remove.label).toBe('Delete the result of Mar 15, 2028 for “New outcome measure”');
    expect(remove.announce).toBe('Deleted the result of Mar 15, 2028 for “New outcome measure”.');
    await remove.write(ctx);
    expect((await outcome(measure.id)).actuals).toEqual([june]);
  });

  it('moves and deletes a measure', async () => {
    const first = await added();
    const second = await added();
    const move = moveOutcome(second, -1);
    expect(move.label).toBe('Move “New outcome measure” up');
    expect(moveOutcome(first, 1).label).toBe('Move “New outcome measure” down');
    await move.write(ctx);
    expect([...(await load()).outcomes].sort((a, b) => a.order - b.order).map((o) => o.id)).toEqual([second.id, first.id]);

    const remove = deleteOutcome({ id: first.id, name: 'Chronic absence' });
    expect(remove.label).toBe('Delete “Chronic absence”');
    expect(remove.announce).toBe('Deleted outcome measure “Chronic absence”.');
    const change = await remove.write(ctx);
    expect((await load()).outcomes.map((o) => o.id)).toEqual([second.id]);
    await ctx.store.applyChange(change, 'undo');
    expect((await load()).outcomes).toHaveLength(2);
  });
});
