import { describe, expect, it } from 'vitest';
import { changeOf, type CommandContext, type CommandResult, type PlanCommand } from '../../../../renderer/src/app/commands';
import { DECISIONS, positionEditLabel } from '../../../../renderer/src/domain/decisions';
import { newId } from '../../../../renderer/src/domain/ids';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import { type PlanStore } from '../../../../renderer/src/storage/plan-store';
import type { SchoolInput } from '../../../../renderer/src/storage/schools-repository';
import { addIndicator, addSchool, addSuggestedIndicators, addWave, applyProposedWaves, assignSchool, assignSchools, deleteIndicator, deleteSchools, deleteWave, editSchool, importRoster, linkWaveToPhase, moveWave, renameIndicator, renameWave, setIndicatorDirection, setIndicatorRange, setIndicatorSide, setIndicatorUnit, setNeedReadinessLean, weighIndicator } from '../../../../renderer/src/features/schools/commands';
import { samplePlan, withSchools } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

let store: PlanStore;
let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => withSchools(samplePlan()), (made) => {
  ({ store, ctx, bundle } = made);
});

const planId = () => bundle.plan.id;
const load = async () => (await store.loadBundle(planId())) as PlanBundle;
const run = <R extends CommandResult>(command: PlanCommand<R>) => command.write(ctx);
/** What a command announces once it has written, as the planner reads it. */
const announced = <R extends CommandResult>(command: PlanCommand<R>, result: R) =>
  (typeof command.announce === 'function' ? command.announce(result) : command.announce);
const input = (name: string, code: string): SchoolInput => ({ name, code, gradeBand: 'K-5', students: 300, frlPercent: 50, values: {}, waveId: null });
const school = (index: number) => bundle.schools[index] ?? (() => { throw new Error(`no school ${index}`); })();
const wave = (index: number) => bundle.waves[index] ?? (() => { throw new Error(`no wave ${index}`); })();
const phase = (index: number) => bundle.phases[index] ?? (() => { throw new Error(`no phase ${index}`); })();

describe('school commands', () => {
  it('adds a school at the end and edits it, each named by the school', async () => {
    const add = addSchool(planId(), input('Dunmore Academy', 'R-900'));
    expect(add.label).toBe('Add school “Dunmore Academy”');
    const { ids } = await run(add);
    const edit = editSchool({ id: ids[0] ?? '' }, { ...input('Dunmore Academy East', 'R-900'), students: 510 });
    expect(edit.label).toBe('Edit school “Dunmore Academy East”');
    await run(edit);
    expect((await load()).schools.at(-1)).toMatchObject({ name: 'Dunmore Academy East', students: 510, order: 3 });
  });

  it('imports a roster and words its message from how many schools were new and how many updated', async () => {
    const extra = { id: newId(), planId: planId(), name: 'Suspensions', side: 'need' as const, weight: 0, direction: 'higher-is-more' as const, source: 'value' as const, unit: '', range: null };
    const command = importRoster(planId(), [input('Adams Elementary', 'R-100'), input('Baker Middle', 'R-101'), input('Dunmore Academy', 'R-900')], [extra]);
    expect(command.label).toBe('Import 3 schools');
    expect(command.field).toBeUndefined();
    const result = await run(command);
    expect(announced(command, result)).toBe('Imported 3 schools: 1 new, 2 updated. 1 new indicator to weigh under Need & readiness.');
    expect((await load()).schools.map((s) => s.name)).toEqual(['Adams Elementary', 'Baker Middle', 'Cedar High', 'Dunmore Academy']);

    const again = importRoster(planId(), [input('Cedar High', 'R-102')], []);
    expect(announced(again, await run(again))).toBe('Imported 1 school: 0 new, 1 updated.');
  });

  it('deletes one school by name or several by count, and the change undoes', async () => {
    const one = deleteSchools(planId(), [school(0)]);
    expect([one.label, one.announce]).toEqual(['Delete school “Adams Elementary”', 'Deleted school “Adams Elementary”.']);
    const two = deleteSchools(planId(), [school(1), school(2)]);
    expect([two.label, two.announce]).toEqual(['Delete 2 schools', 'Deleted 2 schools.']);
    const change = changeOf(await run(two));
    expect((await load()).schools.map((s) => s.name)).toEqual(['Adams Elementary']);
    await store.applyChange(change, 'undo');
    expect((await load()).schools).toHaveLength(3);
  });

  it('puts schools in a wave or in none, naming the wave in the label', async () => {
    const many = assignSchools(planId(), [school(1).id, school(2).id], wave(0).id, bundle.waves);
    expect(many.label).toBe('Put 2 schools in Wave 1');
    await run(many);
    expect((await load()).schools.map((s) => s.waveId)).toEqual([wave(0).id, wave(0).id, wave(0).id]);

    const one = assignSchool(planId(), school(0), null, bundle.waves);
    expect(one.label).toBe('Put “Adams Elementary” in no wave');
    await run(one);
    expect((await load()).schools.map((s) => s.waveId)).toEqual([null, wave(0).id, wave(0).id]);
  });
});

describe('indicator commands', () => {
  it('adds an indicator under the id the command chose, so the section can find it', async () => {
    const command = addIndicator(planId(), 'readiness');
    expect(command.label).toBe('Add a readiness indicator');
    await run(command);
    expect((await load()).indicators.find((i) => i.id === command.id)).toMatchObject({ name: 'New readiness indicator', side: 'readiness', weight: 10, source: 'value' });
  });

  it('adds the suggested indicators after those the plan has', async () => {
    const before = (await load()).indicators.length;
    const command = addSuggestedIndicators(planId());
    expect(command.label).toBe('Add the suggested indicators');
    await run(command);
    expect((await load()).indicators).toHaveLength(before + 7);
  });

  it('merges typing per indicator and field, and stores names and units trimmed', async () => {
    const indicator = bundle.indicators[0] ?? (() => { throw new Error('no indicator'); })();
    const rename = renameIndicator(indicator, '  Chronic absence  ');
    const weigh = weighIndicator(indicator, 25);
    const unit = setIndicatorUnit(indicator, ' % ');
    const direction = setIndicatorDirection(indicator, 'lower-is-more');
    expect([rename.label, rename.field]).toEqual([`Rename indicator “${indicator.name}”`, `indicator.${indicator.id}.name`]);
    expect([weigh.label, weigh.field]).toEqual([`Weigh “${indicator.name}”`, `indicator.${indicator.id}.weight`]);
    expect([unit.label, unit.field]).toEqual([`Change the unit of “${indicator.name}”`, `indicator.${indicator.id}.unit`]);
    // A choice from a list is one step of its own: it merges with nothing.
    expect([direction.label, direction.field]).toEqual([`Change how “${indicator.name}” counts`, undefined]);
    for (const command of [rename, weigh, unit, direction]) await run(command);
    expect((await load()).indicators[0]).toMatchObject({ name: 'Chronic absence', weight: 25, unit: '%', direction: 'lower-is-more' });
  });

  it('moves an indicator to the other side and changes its stated range, each one step to undo', async () => {
    const indicator = bundle.indicators.find((i) => i.side === 'need' && i.source === 'value') ?? (() => { throw new Error('no need indicator'); })();
    const move = setIndicatorSide(indicator, 'readiness');
    expect([move.label, move.announce, move.field]).toEqual([`Move “${indicator.name}” to readiness`, `Moved “${indicator.name}” to readiness indicators.`, undefined]);
    const change = changeOf(await run(move));
    expect((await load()).indicators.find((i) => i.id === indicator.id)?.side).toBe('readiness');
    await store.applyChange(change, 'undo');
    expect((await load()).indicators.find((i) => i.id === indicator.id)?.side).toBe('need');

    const range = setIndicatorRange(indicator, { min: 1, max: 5 });
    expect([range.label, range.field]).toEqual([`Change the range of “${indicator.name}”`, `indicator.${indicator.id}.range`]);
    await run(range);
    expect((await load()).indicators.find((i) => i.id === indicator.id)?.range).toEqual({ min: 1, max: 5 });
    await run(setIndicatorRange(indicator, null));
    expect((await load()).indicators.find((i) => i.id === indicator.id)?.range).toBeNull();
  });

  it('deletes an indicator with every school’s value for it, and says so', async () => {
    const need = bundle.indicators.find((i) => Object.keys(school(0).values).includes(i.id)) ?? (() => { throw new Error('no valued indicator'); })();
    const command = deleteIndicator(need);
    expect([command.label, command.announce]).toEqual([`Delete indicator “${need.name}”`, `Deleted indicator “${need.name}” and its values.`]);
    await run(command);
    const after = await load();
    expect(after.indicators.some((i) => i.id === need.id)).toBe(false);
    expect(after.schools.every((s) => !(need.id in s.values))).toBe(true);
  });
});

describe('the lean', () => {
  it('sets decision 3 in a phase under the same label the Decisions section gives it', async () => {
    const decision3 = DECISIONS.find((d) => d.number === 3);
    if (!decision3) throw new Error('decision 3 is missing');
    const command = setNeedReadinessLean(planId(), phase(1), 1);
    expect(command.label).toBe(positionEditLabel(decision3, phase(1).name, 1));
    await run(command);
    expect((await load()).positions.find((p) => p.phaseId === phase(1).id && p.decision === 3)?.position).toBe(1);
    await run(setNeedReadinessLean(planId(), phase(1), null));
    expect((await load()).positions.find((p) => p.phaseId === phase(1).id && p.decision === 3)?.position ?? null).toBeNull();
  });
});

describe('the lean and the template\'s words', () => {
  it('flags decision 3\'s template rationale for review when the lean moves, in the same step, and one Undo puts both back', async () => {
    const before = (await load()).positions.filter((p) => p.decision === 3);
    const written = before.find((p) => p.rationale.trim() !== '');
    if (!written) throw new Error('the template writes a rationale for decision 3');
    expect(written.rationaleOrigin).toBe('template');
    const phaseIds = bundle.phases.map((p) => p.id);
    const pilot = bundle.phases[0];
    if (!pilot) throw new Error('the template has phases');
    const current = before.find((p) => p.phaseId === pilot.id)?.position ?? null;
    const towardNeed = current === null ? -2 : Math.max(-2, current - 1);
    const command = setNeedReadinessLean(planId(), pilot, towardNeed, { phaseIds, positions: before });
    const result = await command.write(ctx);
    const after = (await load()).positions.filter((p) => p.decision === 3);
    expect(after.find((p) => p.phaseId === pilot.id)?.position).toBe(towardNeed);
    expect(after.find((p) => p.id === written.id)?.rationaleOrigin).toBe('template-review');
    await ctx.store.applyChange(result, 'undo');
    const undone = (await load()).positions.filter((p) => p.decision === 3);
    expect(undone.find((p) => p.id === written.id)?.rationaleOrigin).toBe('template');
    expect(undone.find((p) => p.phaseId === pilot.id)?.position ?? null).toBe(current);
  });
});

describe('wave commands', () => {
  it('names a new wave from its place and links it to the phase at that place, or the last phase', async () => {
    const third = addWave(planId(), bundle.waves.length, bundle.phases);
    expect(third.label).toBe('Add a wave');
    await run(third);
    expect((await load()).waves.find((w) => w.id === third.id)).toMatchObject({ name: 'Wave 3', phaseId: phase(2).id, order: 2 });

    const beyond = addWave(planId(), bundle.phases.length + 2, bundle.phases);
    await run(beyond);
    expect((await load()).waves.find((w) => w.id === beyond.id)).toMatchObject({ name: `Wave ${bundle.phases.length + 3}`, phaseId: bundle.phases.at(-1)?.id });
  });

  it('renames (merging typing), links, moves and deletes a wave, each labelled with the wave’s name', async () => {
    const rename = renameWave(wave(0), ' Early adopters ');
    expect([rename.label, rename.field]).toEqual(['Rename wave “Wave 1”', `wave.${wave(0).id}.name`]);
    await run(rename);
    const link = linkWaveToPhase(wave(1), null);
    expect([link.label, link.field]).toEqual(['Link “Wave 2” to a phase', undefined]);
    await run(link);
    const move = moveWave(wave(1), -1);
    expect(move.label).toBe('Move wave “Wave 2”');
    await run(move);
    expect((await load()).waves.map((w) => [w.name, w.phaseId])).toEqual([['Wave 2', null], ['Early adopters', phase(0).id]]);

    const remove = deleteWave(wave(1));
    expect([remove.label, remove.announce]).toEqual(['Delete wave “Wave 2”', 'Deleted wave “Wave 2”; its schools are in no wave now.']);
    await run(remove);
    expect((await load()).schools.map((s) => s.waveId)).toEqual([wave(0).id, null, null]);
  });

  it('applies proposed waves in one step, counting the waves and the schools placed', async () => {
    const command = applyProposedWaves(planId(), [{ schoolIds: [school(2).id] }, { schoolIds: [] }, { schoolIds: [school(0).id, school(1).id] }]);
    expect([command.label, command.announce]).toEqual(['Apply 3 proposed waves', 'Applied 3 waves: 3 schools placed.']);
    const change = changeOf(await run(command));
    const after = await load();
    expect(after.waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2', 'Wave 3']);
    const third = after.waves[2]?.id;
    expect(after.schools.map((s) => s.waveId)).toEqual([third, third, wave(0).id]);
    await store.applyChange(change, 'undo');
    expect((await load()).schools.map((s) => s.waveId)).toEqual([wave(0).id, wave(1).id, null]);
  });

  it('links each proposed wave to its phase: a wave the plan has, and a new one', async () => {
    const command = applyProposedWaves(planId(), [{ schoolIds: [school(0).id], phaseId: phase(1).id }, { schoolIds: [], phaseId: phase(1).id }, { schoolIds: [school(1).id, school(2).id], phaseId: phase(2).id }]);
    const change = changeOf(await run(command));
    expect((await load()).waves.map((w) => w.phaseId)).toEqual([phase(1).id, phase(1).id, phase(2).id]);
    await store.applyChange(change, 'undo');
    expect((await load()).waves.map((w) => w.phaseId)).toEqual(bundle.waves.map((w) => w.phaseId));
  });

  it('says one proposed wave in the singular', () => {
    const command = applyProposedWaves(planId(), [{ schoolIds: [school(0).id] }]);
    expect([command.label, command.announce]).toEqual(['Apply 1 proposed wave', 'Applied 1 wave: 1 school placed.']);
  });
});
