import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { addArea, deleteArea, describeArea, moveArea, renameArea, setStance, setStanceText } from '../../../../renderer/src/features/tight-loose/commands';
import type { Area, Phase, PlanBundle } from '../../../../renderer/src/domain/schemas';
import { createPlanBundle } from '../../../../renderer/src/domain/templates';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => createPlanBundle({ name: 'Riverside roadmap', systemName: 'Riverside Unified', templateId: 'pilot-to-scale', today: new Date(2026, 10, 23) }), (made) => {
  ({ ctx, bundle } = made);
});

const planId = () => bundle.plan.id;
const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);
const area = (i: number): Area => byOrder(bundle.areas)[i] ?? (() => { throw new Error(`no area ${i}`); })();
const phase = (i: number): Phase => byOrder(bundle.phases)[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const load = async () => (await ctx.store.loadBundle(planId())) as PlanBundle;
const stanceOf = async (a: Area, p: Phase) => (await load()).stances.find((s) => s.areaId === a.id && s.phaseId === p.id);

describe('stance commands', () => {
  it('sets a stance, then clears it, each labelled for Undo and not merged with typing', async () => {
    const tight = setStance(planId(), area(1), phase(0), 'tight');
    expect(tight.label).toBe(`Set ${area(1).name} to Tight in ${phase(0).name}`);
    expect(tight.field).toBeUndefined();
    await tight.write(ctx);
    expect((await stanceOf(area(1), phase(0)))?.stance).toBe('tight');

    const clear = setStance(planId(), area(1), phase(0), null);
    expect(clear.label).toBe(`Clear the stance of ${area(1).name} in ${phase(0).name}`);
    const change = await clear.write(ctx);
    expect((await stanceOf(area(1), phase(0)))?.stance).toBeNull();
    // The ChangeSet is what Undo writes back.
    await ctx.store.applyChange(change, 'undo');
    expect((await stanceOf(area(1), phase(0)))?.stance).toBe('tight');
  });

  it('saves the rationale, owner and guardrails of one cell, each in its own field', async () => {
    const where = `${area(0).name} in ${phase(1).name}`;
    const rationale = setStanceText(planId(), area(0), phase(1), 'rationale', 'Schools know their students.');
    const owner = setStanceText(planId(), area(0), phase(1), 'owner', 'Chief academic officer');
    const guardrails = setStanceText(planId(), area(0), phase(1), 'guardrails', 'State standards\nAnnual review');
    expect([rationale.label, owner.label, guardrails.label]).toEqual([`Edit the rationale for ${where}`, `Edit the owner of ${where}`, `Edit the guardrails for ${where}`]);
    expect([rationale.field, owner.field, guardrails.field]).toEqual(['rationale', 'owner', 'guardrails'].map((f) => `stance.${area(0).id}.${phase(1).id}.${f}`));
    const before = (await stanceOf(area(0), phase(1)))?.stance ?? null;
    for (const command of [rationale, owner, guardrails]) await command.write(ctx);
    expect(await stanceOf(area(0), phase(1))).toMatchObject({
      stance: before, rationale: 'Schools know their students.', owner: 'Chief academic officer', guardrails: 'State standards\nAnnual review',
    });
  });
});

describe('area commands', () => {
  it('adds an area as the last row, with the id the command chose', async () => {
    const add = addArea(planId(), 'Family engagement');
    expect(add.label).toBe('Add area “Family engagement”');
    expect(add.field).toBeUndefined();
    const { id } = await add.write(ctx);
    expect(id).toBe(add.id);
    const areas = byOrder((await load()).areas);
    expect(areas.at(-1)).toMatchObject({ id: add.id, name: 'Family engagement', description: '', builtIn: false });
    expect(areas).toHaveLength(bundle.areas.length + 1);
    expect(addArea(planId(), 'Family engagement').id).not.toBe(add.id);
  });

  it('renames and describes an area under the name it had, one field each', async () => {
    const old = area(0);
    const rename = renameArea(old, 'Learning vision');
    const describe_ = describeArea(old, 'What learning looks like here.');
    expect(rename).toMatchObject({ label: `Rename area “${old.name}”`, field: `area.${old.id}.name` });
    expect(describe_).toMatchObject({ label: `Edit the description of ${old.name}`, field: `area.${old.id}.description` });
    await rename.write(ctx);
    await describe_.write(ctx);
    expect((await load()).areas.find((a) => a.id === old.id)).toMatchObject({ name: 'Learning vision', description: 'What learning looks like here.' });
  });

  it('moves an area down and up', async () => {
    const first = area(0);
    const down = moveArea(first, 1);
    expect(down.label).toBe(`Move ${first.name} down`);
    await down.write(ctx);
    expect(byOrder((await load()).areas).map((a) => a.id).slice(0, 2)).toEqual([area(1).id, first.id]);
    const up = moveArea(first, -1);
    expect(up.label).toBe(`Move ${first.name} up`);
    await up.write(ctx);
    expect(byOrder((await load()).areas)[0]?.id).toBe(first.id);
  });

  it('deletes an area with its stances, announced with Undo', async () => {
    const doomed = area(2);
    await setStance(planId(), doomed, phase(0), 'loose').write(ctx);
    const del = deleteArea(doomed);
    expect(del.label).toBe(`Delete area “${doomed.name}”`);
    expect(del.announce).toBe(`Deleted area “${doomed.name}” and its stances.`);
    const change = await del.write(ctx);
    const after = await load();
    expect(after.areas.some((a) => a.id === doomed.id)).toBe(false);
    expect(after.stances.some((s) => s.areaId === doomed.id)).toBe(false);
    await ctx.store.applyChange(change, 'undo');
    expect((await stanceOf(doomed, phase(0)))?.stance).toBe('loose');
  });
});
