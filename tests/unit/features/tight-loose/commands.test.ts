import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import {
  addArea, deleteArea, describeArea, keepStanceRationale, moveArea, phasesToChange, renameArea, setStance, setStanceInPhases, setStanceText, type StanceContext,
} from '../../../../renderer/src/features/tight-loose/commands';
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

/** The context the section passes: the plan as stored now. */
const contextOf = async (a: Area): Promise<StanceContext> => {
  const now = await load();
  const phaseIds = byOrder(now.phases).map((p) => p.id);
  return {
    phaseIds,
    current: new Map(now.stances.filter((s) => s.areaId === a.id).map((s) => [s.phaseId, s])),
    decision1: now.positions.filter((p) => p.decision === 1),
  };
};
const decision1In = async (p: Phase) => (await load()).positions.find((row) => row.decision === 1 && row.phaseId === p.id);
// Curriculum and digital content: loose in the pilot in "Pilot to scale — balanced".
const curriculum = () => area(2);

describe('template rationales', () => {
  it('starts as the template’s words on the stances and decision 1', async () => {
    expect(await stanceOf(curriculum(), phase(0))).toMatchObject({ stance: 'loose', rationaleOrigin: 'template' });
    expect((await decision1In(phase(0)))?.rationale).toMatch(/loose on how schools teach/);
    expect((await decision1In(phase(0)))?.rationaleOrigin).toBe('template');
  });

  it('flags the cell’s and decision 1’s template rationale when the stance changes, in one Undo step', async () => {
    const change = await setStance(planId(), curriculum(), phase(0), 'tight', await contextOf(curriculum())).write(ctx);
    expect(await stanceOf(curriculum(), phase(0))).toMatchObject({ stance: 'tight', rationaleOrigin: 'template-review' });
    expect((await decision1In(phase(0)))?.rationaleOrigin).toBe('template-review');
    // Other cells keep theirs.
    expect((await stanceOf(curriculum(), phase(1)))?.rationaleOrigin).toBe('template');
    await ctx.store.applyChange(change, 'undo');
    expect(await stanceOf(curriculum(), phase(0))).toMatchObject({ stance: 'loose', rationaleOrigin: 'template' });
    expect((await decision1In(phase(0)))?.rationaleOrigin).toBe('template');
  });

  it('flags decision 1’s rationale written on the first phase when a later phase changes', async () => {
    await setStance(planId(), curriculum(), phase(2), 'tight', await contextOf(curriculum())).write(ctx);
    expect((await decision1In(phase(0)))?.rationaleOrigin).toBe('template-review');
  });

  it('leaves the planner’s own words alone, and makes edited words the planner’s', async () => {
    await setStanceText(planId(), curriculum(), phase(0), 'owner', 'Chief academic officer').write(ctx);
    expect((await stanceOf(curriculum(), phase(0)))?.rationaleOrigin).toBe('template');
    await setStanceText(planId(), curriculum(), phase(0), 'rationale', 'Our pilot schools pick from a vetted list.').write(ctx);
    expect((await stanceOf(curriculum(), phase(0)))?.rationaleOrigin).toBe('planner');
    await setStance(planId(), curriculum(), phase(0), 'tight', await contextOf(curriculum())).write(ctx);
    expect((await stanceOf(curriculum(), phase(0)))?.rationaleOrigin).toBe('planner');
  });

  it('"Keep as is" clears the flag and keeps the template’s words', async () => {
    await setStance(planId(), curriculum(), phase(0), 'tight', await contextOf(curriculum())).write(ctx);
    const before = (await stanceOf(curriculum(), phase(0)))?.rationale;
    const keep = keepStanceRationale(planId(), curriculum(), phase(0));
    expect(keep.label).toBe(`Keep the rationale for ${curriculum().name} in ${phase(0).name}`);
    await keep.write(ctx);
    expect(await stanceOf(curriculum(), phase(0))).toMatchObject({ stance: 'tight', rationale: before, rationaleOrigin: 'template' });
  });
});

describe('a stance in several phases at once', () => {
  it('sets an area in every phase as one write, flagging each changed cell, and undoes it in one step', async () => {
    const command = setStanceInPhases(planId(), curriculum(), byOrder(bundle.phases), null, 'tight', await contextOf(curriculum()));
    expect(command.label).toBe(`Set ${curriculum().name} to Tight in every phase`);
    const change = await command.write(ctx);
    expect(typeof command.announce === 'function' && command.announce(change)).toBe(`Set ${curriculum().name} to Tight in every phase: 4 phases changed.`);
    const after = (await load()).stances.filter((s) => s.areaId === curriculum().id);
    expect(after.map((s) => s.stance)).toEqual(['tight', 'tight', 'tight', 'tight']);
    expect(after.every((s) => s.rationaleOrigin === 'template-review')).toBe(true);
    expect((await decision1In(phase(0)))?.rationaleOrigin).toBe('template-review');
    await ctx.store.applyChange(change, 'undo');
    expect(await Promise.all(byOrder(bundle.phases).map(async (p) => (await stanceOf(curriculum(), p))?.stance))).toEqual(['loose', 'loose', 'shared', 'shared']);
  });

  it('sets an area from one phase on, leaving the phases before and those already holding it', async () => {
    const from = phase(1);
    const phases = byOrder(bundle.phases).slice(1);
    const context = await contextOf(curriculum());
    expect(phasesToChange(phases.map((p) => p.id), 'shared', context.current)).toBe(1);
    const command = setStanceInPhases(planId(), curriculum(), phases, from, 'shared', context);
    expect(command.label).toBe(`Set ${curriculum().name} to Shared from ${from.name} on`);
    const change = await command.write(ctx);
    expect(change.changes.filter((c) => c.table === 'stances')).toHaveLength(1);
    expect(await Promise.all(byOrder(bundle.phases).map(async (p) => (await stanceOf(curriculum(), p))?.stance))).toEqual(['loose', 'shared', 'shared', 'shared']);
    expect((await stanceOf(curriculum(), phase(2)))?.rationaleOrigin).toBe('template');
  });

  it('writes nothing when a phase is not in the plan', async () => {
    const before = await load();
    const command = setStanceInPhases(planId(), curriculum(), [phase(0), { id: 'not-a-phase', name: 'Elsewhere' }], null, 'tight', await contextOf(curriculum()));
    await expect(command.write(ctx)).rejects.toThrow(/no longer exists/);
    expect((await load()).stances).toEqual(before.stances);
  });

  it('clears an area in every phase', async () => {
    const command = setStanceInPhases(planId(), area(0), byOrder(bundle.phases), null, null, await contextOf(area(0)));
    expect(command.label).toBe(`Clear the stance of ${area(0).name} in every phase`);
    await command.write(ctx);
    expect((await load()).stances.filter((s) => s.areaId === area(0).id).every((s) => s.stance === null)).toBe(true);
  });
});

describe('area commands', () => {
  it('adds an area starting from one stance in every phase, one Undo step', async () => {
    const phaseIds = byOrder(bundle.phases).map((p) => p.id);
    const add = addArea(planId(), 'Family engagement', { stance: 'loose', phaseIds });
    expect(add.label).toBe('Add area “Family engagement”, Loose in every phase');
    const { id, change } = await add.write(ctx);
    const stances = (await load()).stances.filter((s) => s.areaId === id);
    expect(stances.map((s) => s.stance)).toEqual(['loose', 'loose', 'loose', 'loose']);
    expect(new Set(stances.map((s) => s.phaseId))).toEqual(new Set(phaseIds));
    expect(byOrder((await load()).areas).at(-1)?.id).toBe(id);
    await ctx.store.applyChange(change, 'undo');
    const after = await load();
    expect(after.areas.some((a) => a.id === id) || after.stances.some((s) => s.areaId === id)).toBe(false);
  });

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
