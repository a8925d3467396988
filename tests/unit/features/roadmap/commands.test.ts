import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { addMilestone, addPhase, deleteMilestone, deletePhase, dragPhaseDates, editMilestone, markMilestoneDone, movePhase, nudgePhaseDates, renamePhase, setPhaseDate, setPhaseKind, setPhaseStatus, setPhaseText } from '../../../../renderer/src/features/roadmap/commands';
import { newId } from '../../../../renderer/src/domain/ids';
import type { Phase, PlanBundle } from '../../../../renderer/src/domain/schemas';
import { createPlanBundle } from '../../../../renderer/src/domain/templates';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;
let clock: Date;

beforeEach(() => {
  clock = new Date('2026-11-30T09:00:00Z');
});

useTestStore(() => createPlanBundle({ name: 'Riverside roadmap', systemName: 'Riverside Unified', templateId: 'pilot-to-scale', today: new Date(2026, 10, 23) }), (made) => {
  ({ ctx, bundle } = made);
}, () => clock);

const planId = () => bundle.plan.id;
const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);
const phase = (i: number): Phase => byOrder(bundle.phases)[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const load = async () => (await ctx.store.loadBundle(planId())) as PlanBundle;
const storedPhase = async (id: string) => (await load()).phases.find((p) => p.id === id);

describe('adding phases', () => {
  it('adds a school year after the last phase, under the id the command chose, named "Phase N"', async () => {
    const command = addPhase(planId());
    expect(command.label).toBe('Add a phase');
    expect(command.field).toBeUndefined();
    const { id } = await command.write(ctx);
    expect(id).toBe(command.id);
    const added = await storedPhase(command.id);
    expect(added).toMatchObject({ name: 'Phase 5', start: '2031-08-01', end: '2032-07-31', status: 'planned', order: 4 });
  });

  it('starts the first phase of a blank plan at the school year of the command clock, and takes its kind from its name', async () => {
    const blank = createPlanBundle({ name: 'Blank', systemName: 'Lakeshore', templateId: null, today: new Date(2026, 10, 23) });
    await ctx.store.createPlan(blank);
    clock = new Date(2029, 2, 10);
    const command = addPhase(blank.plan.id, '  Pilot ');
    await command.write(ctx);
    const added = (await ctx.store.loadBundle(blank.plan.id))?.phases.find((p) => p.id === command.id);
    expect(added).toMatchObject({ name: 'Pilot', kind: 'pilot', start: '2028-08-01', end: '2029-07-31' });
  });

  it('refuses a phase for a plan that is gone', async () => {
    await expect(addPhase(newId()).write(ctx)).rejects.toThrow('This plan no longer exists.');
  });
});

describe('editing a phase', () => {
  it('renames a phase, trimmed, as typing in its name field', async () => {
    const command = renamePhase(phase(0), '  Pilot year ');
    expect(command.label).toBe('Rename “Pilot”');
    expect(command.field).toBe(`phase.${phase(0).id}.name`);
    await command.write(ctx);
    expect((await storedPhase(phase(0).id))?.name).toBe('Pilot year');
  });

  it('sets the kind and the status, each a one-off edit', async () => {
    const kind = setPhaseKind(phase(1), 'scale');
    const status = setPhaseStatus(phase(1), 'on-hold');
    expect([kind.label, status.label]).toEqual(['Make “Expand” a Scale phase', 'Mark “Expand” as On hold']);
    expect([kind.field, status.field]).toEqual([undefined, undefined]);
    await kind.write(ctx);
    await status.write(ctx);
    expect(await storedPhase(phase(1).id)).toMatchObject({ kind: 'scale', status: 'on-hold' });
  });

  it('saves the goal, entry criteria and gate, each in its own field', async () => {
    const commands = [
      setPhaseText(phase(2), 'goal', 'Every school in the plan.'),
      setPhaseText(phase(2), 'entryCriteria', 'The expansion met its gate.'),
      setPhaseText(phase(2), 'gate', 'Growth in every wave.'),
    ];
    expect(commands.map((c) => c.label)).toEqual(['Edit the goal of “Scale”', 'Edit the entry criteria of “Scale”', 'Edit the go / no-go gate of “Scale”']);
    expect(commands.map((c) => c.field)).toEqual(['goal', 'entryCriteria', 'gate'].map((f) => `phase.${phase(2).id}.${f}`));
    for (const command of commands) await command.write(ctx);
    expect(await storedPhase(phase(2).id)).toMatchObject({ goal: 'Every school in the plan.', entryCriteria: 'The expansion met its gate.', gate: 'Growth in every wave.' });
  });

  it('changes a date typed in its field, and refuses an end before the start', async () => {
    const start = setPhaseDate(phase(0), 'start', '2027-09-01');
    expect(start.label).toBe('Change the start of “Pilot”');
    expect(start.field).toBe(`phase.${phase(0).id}.start`);
    await start.write(ctx);
    expect((await storedPhase(phase(0).id))?.start).toBe('2027-09-01');
    const end = setPhaseDate(phase(0), 'end', '2027-08-15');
    expect(end.label).toBe('Change the end of “Pilot”');
    await expect(end.write(ctx)).rejects.toThrow(/Must be after the start date/);
    expect((await storedPhase(phase(0).id))?.end).toBe('2028-07-31');
  });

  it('writes dates from the timeline keys and drags under labels that say what moved', async () => {
    const later = { start: '2028-09-01', end: '2029-08-31' };
    const nudge = nudgePhaseDates(phase(1), later, 'move', 1);
    expect(nudge.label).toBe('Move “Expand” a month later');
    expect(nudgePhaseDates(phase(1), later, 'start', -1).label).toBe('Start “Expand” a month earlier');
    expect(nudgePhaseDates(phase(1), later, 'end', 1).label).toBe('End “Expand” a month later');
    await nudge.write(ctx);
    expect(await storedPhase(phase(1).id)).toMatchObject(later);

    expect(dragPhaseDates(phase(1), later, 'start').label).toBe('Start “Expand” on Sep 1, 2028');
    expect(dragPhaseDates(phase(1), later, 'end').label).toBe('End “Expand” on Aug 31, 2029');
    const drag = dragPhaseDates(phase(1), { start: '2028-10-01', end: '2029-09-30' }, 'move');
    expect(drag.label).toBe('Move “Expand” to Oct 1, 2028 to Sep 30, 2029');
    expect(drag.field).toBeUndefined();
    await drag.write(ctx);
    expect(await storedPhase(phase(1).id)).toMatchObject({ start: '2028-10-01', end: '2029-09-30' });
  });
});

describe('moving a phase with what goes with it', () => {
  const datesOf = (rows: readonly { id: string; start: string; end: string }[]) => rows.map((p) => [p.start, p.end]);
  const milestoneDates = async () => Object.fromEntries((await load()).milestones.map((m) => [m.id, m.date]));

  it('moves the Pilot a month later with its milestones and the phases after theirs, in one change that one undo reverses', async () => {
    const before = await load();
    const beforeDates = Object.fromEntries(before.milestones.map((m) => [m.id, m.date]));
    const command = nudgePhaseDates(phase(0), { start: '2027-09-01', end: '2028-08-31' }, 'move', 1, { milestones: true, following: true });
    expect(command.label).toBe('Move “Pilot” a month later, with its milestones and the phases after it');
    const change = await command.write(ctx);
    expect(typeof command.announce === 'function' && command.announce(change)).toBe(`Moved “Pilot” with ${before.milestones.length} milestones and the 3 phases after it.`);
    expect(datesOf(byOrder((await load()).phases))).toEqual([
      ['2027-09-01', '2028-08-31'], ['2028-09-01', '2029-08-31'], ['2029-09-01', '2030-08-31'], ['2030-09-01', '2031-08-31'],
    ]);
    const after = await milestoneDates();
    const pilotOpens = before.milestones.find((m) => m.name === 'Pilot classrooms open');
    const sustainGate = before.milestones.find((m) => m.name === 'Go / no-go decision for sustain');
    expect(after[pilotOpens?.id ?? '']).toBe('2027-09-01');
    expect(after[sustainGate?.id ?? '']).toBe('2030-06-01');
    for (const m of before.milestones) expect(after[m.id], m.name).not.toBe(beforeDates[m.id]);

    await ctx.store.applyChange(change, 'undo');
    expect(datesOf(byOrder((await load()).phases))).toEqual(datesOf(byOrder(before.phases)));
    expect(await milestoneDates()).toEqual(beforeDates);
  });

  it('moves only the phase when nothing is carried, leaving its milestones and the later phases where they were', async () => {
    const beforeDates = await milestoneDates();
    const command = dragPhaseDates(phase(0), { start: '2027-09-01', end: '2028-08-31' }, 'move', { milestones: false, following: false });
    expect(command.label).toBe('Move “Pilot” to Sep 1, 2027 to Aug 31, 2028');
    expect(command.announce).toBeUndefined();
    const change = await command.write(ctx);
    expect(change.changes.map((c) => c.table)).toEqual(['phases']);
    expect(await milestoneDates()).toEqual(beforeDates);
    expect((await storedPhase(phase(1).id))?.start).toBe('2028-08-01');
  });

  it('ends the Pilot a month sooner and pulls the phases after it in, keeping its own milestones (its start stayed)', async () => {
    const command = setPhaseDate(phase(0), 'end', '2028-06-30', { milestones: true, following: true });
    expect(command.label).toBe('Change the end of “Pilot”, with its milestones and the phases after it');
    expect(command.field).toBeUndefined();
    const pilotMilestones = bundle.milestones.filter((m) => m.phaseId === phase(0).id).map((m) => [m.id, m.date]);
    const change = await command.write(ctx);
    expect(typeof command.announce === 'function' && command.announce(change)).toBe('Moved “Pilot” with 3 milestones and the 3 phases after it.');
    const stored = await load();
    expect(datesOf(byOrder(stored.phases))).toEqual([
      ['2027-08-01', '2028-06-30'], ['2028-07-01', '2029-06-30'], ['2029-07-01', '2030-06-30'], ['2030-07-01', '2031-06-30'],
    ]);
    const dates = Object.fromEntries(stored.milestones.map((m) => [m.id, m.date]));
    for (const [id, date] of pilotMilestones) expect(dates[id ?? '']).toBe(date);
  });

  it('moves its milestones with a start typed later, by the same number of days', async () => {
    const command = setPhaseDate(phase(1), 'start', '2028-08-15', { milestones: true, following: false });
    expect(command.label).toBe('Change the start of “Expand”, with its milestones');
    await command.write(ctx);
    const gate = (await load()).milestones.find((m) => m.name === 'Go / no-go decision for scale');
    expect(gate?.date).toBe('2029-05-15');
    expect((await storedPhase(phase(2).id))?.start).toBe('2029-08-01');
  });
});

describe('moving and deleting phases', () => {
  it('swaps a phase with the next one', async () => {
    const command = movePhase(phase(0), 1);
    expect(command.label).toBe('Move “Pilot” down the list');
    expect(movePhase(phase(1), -1).label).toBe('Move “Expand” up the list');
    await command.write(ctx);
    expect(byOrder((await load()).phases).map((p) => p.name)).toEqual(['Expand', 'Pilot', 'Scale', 'Sustain']);
  });

  it('deletes a phase with its milestones, and counts them in its message', async () => {
    const inPilot = bundle.milestones.filter((m) => m.phaseId === phase(0).id).length;
    expect(inPilot).toBeGreaterThan(1);
    const command = deletePhase(phase(0));
    expect(command.label).toBe('Delete phase “Pilot”');
    const change = await command.write(ctx);
    expect(typeof command.announce === 'function' && command.announce(change)).toBe(`Deleted phase “Pilot” and its ${inPilot} milestones.`);
    const after = await load();
    expect(after.phases.map((p) => p.id)).not.toContain(phase(0).id);
    expect(after.milestones.filter((m) => m.phaseId === phase(0).id)).toEqual([]);
  });

  it('says nothing of milestones when the phase had none', async () => {
    for (const m of bundle.milestones.filter((x) => x.phaseId === phase(3).id)) await ctx.store.deleteMilestone(m.id);
    const command = deletePhase(phase(3));
    const change = await command.write(ctx);
    expect(typeof command.announce === 'function' && command.announce(change)).toBe('Deleted phase “Sustain”.');
  });
});

describe('milestones', () => {
  it('adds, edits, ticks and deletes a milestone', async () => {
    const draft = { name: 'Board approves expansion', date: '2028-05-12', phaseId: phase(0).id, owner: 'Superintendent', kind: 'board-meeting' as const };
    const add = addMilestone(planId(), draft);
    expect(add.label).toBe('Add milestone “Board approves expansion”');
    await add.write(ctx);
    const stored = async () => (await load()).milestones.find((m) => m.id === add.id);
    expect(await stored()).toMatchObject({ ...draft, done: false });

    const named = { id: add.id, name: draft.name };
    const edit = editMilestone(named, { ...draft, name: 'Board votes on expansion', date: '2028-06-09' });
    expect(edit.label).toBe('Edit milestone “Board votes on expansion”');
    await edit.write(ctx);
    expect(await stored()).toMatchObject({ name: 'Board votes on expansion', date: '2028-06-09', kind: 'board-meeting' });
    await editMilestone(named, { ...draft, kind: 'go-no-go' }).write(ctx);
    expect((await stored())?.kind).toBe('go-no-go');

    const done = markMilestoneDone({ id: add.id, name: 'Board votes on expansion' }, true);
    expect(done.label).toBe('Mark “Board votes on expansion” done');
    expect(markMilestoneDone(named, false).label).toBe('Mark “Board approves expansion” not done');
    await done.write(ctx);
    expect((await stored())?.done).toBe(true);

    const remove = deleteMilestone({ id: add.id, name: 'Board votes on expansion' });
    expect(remove.label).toBe('Delete milestone “Board votes on expansion”');
    expect(remove.announce).toBe('Deleted milestone “Board votes on expansion”.');
    const change = await remove.write(ctx);
    expect(await stored()).toBeUndefined();
    await ctx.store.applyChange(change, 'undo');
    expect((await stored())?.done).toBe(true);
  });
});
