import { describe, expect, it } from 'vitest';
import { changeOf, type CommandContext } from '../../../../renderer/src/app/commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import { addJournalEntry, deleteJournalEntry, updateJournalEntry, type JournalDraft } from '../../../../renderer/src/features/journal/commands';
import { restoreRevision, saveNamedRevision } from '../../../../renderer/src/features/revisions/commands';
import { samplePlan } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };

let ctx: CommandContext;
let bundle: PlanBundle;
let clock = new Date('2026-11-24T09:00:00Z');
const later = (minutes: number) => { clock = new Date(clock.getTime() + minutes * 60_000); };
useTestStore(() => samplePlan(), (made) => { ({ ctx, bundle } = made); clock = new Date('2026-11-24T09:00:00Z'); }, () => clock);

const planId = () => bundle.plan.id;
const firstPhase = () => bundle.phases[0]?.id ?? '';
const firstArea = () => bundle.areas[0]?.id ?? '';

const draft = (changes: Partial<JournalDraft> = {}): JournalDraft => ({
  phaseId: firstPhase(),
  date: '2026-11-03',
  kind: 'did-not-work',
  text: '  Rotation schedules broke down in week three at two schools.  ',
  author: ' M. Okafor ',
  areaIds: [firstArea(), firstArea()],
  decisions: [6, 1, 6],
  revisionId: null,
  internal: true,
  ...changes,
});

const journal = () => ctx.store.listJournal(planId());

describe('journal commands', () => {
  it('adds an entry, trimmed, stamped with the time and under the id chosen before the write', async () => {
    const command = addJournalEntry(planId(), draft());
    expect(command.label).toBe('Add a journal entry');
    const result = await command.write(ctx);
    expect(result.id).toBe(command.id);
    expect(await journal()).toEqual([{
      id: command.id,
      planId: planId(),
      phaseId: firstPhase(),
      date: '2026-11-03',
      kind: 'did-not-work',
      text: 'Rotation schedules broke down in week three at two schools.',
      author: 'M. Okafor',
      areaIds: [firstArea()],
      decisions: [1, 6],
      revisionId: null,
      internal: true,
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    }]);
  });

  it('refuses an entry with no text or no real date, and writes nothing', async () => {
    await expect(addJournalEntry(planId(), draft({ text: '   ' })).write(ctx)).rejects.toThrow();
    await expect(addJournalEntry(planId(), draft({ date: '2026-02-30' })).write(ctx)).rejects.toThrow();
    expect(await journal()).toEqual([]);
  });

  it('edits an entry, keeping when it was written', async () => {
    const added = addJournalEntry(planId(), draft());
    await added.write(ctx);
    later(10);
    const command = updateJournalEntry({ id: added.id, date: '2026-11-03' }, draft({ kind: 'worked', text: 'Fixed by a shared bell schedule.', internal: false }));
    expect(command.label).toBe('Edit the journal entry of Nov 3, 2026');
    await command.write(ctx);
    const [entry] = await journal();
    expect(entry).toMatchObject({ kind: 'worked', text: 'Fixed by a shared bell schedule.', internal: false, createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:10:00.000Z' });
  });

  it('deletes an entry with a message offering Undo, and Undo and Redo work through the plan’s undo', async () => {
    const added = addJournalEntry(planId(), draft());
    const addResult = await added.write(ctx);
    const [stored] = await journal();

    const command = deleteJournalEntry({ id: added.id, date: '2026-11-03' });
    expect(command.label).toBe('Delete the journal entry of Nov 3, 2026');
    expect(command.announce).toBe('Deleted the journal entry of Nov 3, 2026.');
    const change = await command.write(ctx);
    expect(await journal()).toEqual([]);

    await ctx.store.applyChange(change, 'undo');
    expect(await journal()).toEqual([stored]);
    await ctx.store.applyChange(change, 'redo');
    expect(await journal()).toEqual([]);
    await ctx.store.applyChange(change, 'undo');

    // The add, undone and redone, too.
    await ctx.store.applyChange(changeOf(addResult), 'undo');
    expect(await journal()).toEqual([]);
    await ctx.store.applyChange(changeOf(addResult), 'redo');
    expect(await journal()).toEqual([stored]);
  });

  it('undoes and redoes an edit', async () => {
    const added = addJournalEntry(planId(), draft());
    await added.write(ctx);
    const [before] = await journal();
    const change = await updateJournalEntry({ id: added.id, date: '2026-11-03' }, draft({ text: 'Changed my mind.' })).write(ctx);
    const [after] = await journal();
    await ctx.store.applyChange(change, 'undo');
    expect(await journal()).toEqual([before]);
    await ctx.store.applyChange(change, 'redo');
    expect(await journal()).toEqual([after]);
  });

  it('leaves the journal as it is when a revision is restored, and when that restore is undone', async () => {
    const early = addJournalEntry(planId(), draft({ text: 'Written before the revision.' }));
    await early.write(ctx);
    const draftRevision = await saveNamedRevision(ctx, planId(), { name: 'Draft for cabinet', reason: '' }, APP);
    later(5);
    const late = addJournalEntry(planId(), draft({ date: '2026-11-20', kind: 'changed-course', text: 'Slowed the expansion.', revisionId: draftRevision.id }));
    await late.write(ctx);
    await updateJournalEntry({ id: early.id, date: '2026-11-03' }, draft({ text: 'Edited after the revision.' })).write(ctx);
    const before = await journal();
    expect(before.map((e) => e.text)).toEqual(['Slowed the expansion.', 'Edited after the revision.']);

    later(5);
    const restored = await restoreRevision(draftRevision, APP).write(ctx);
    expect(changeOf(restored).changes.some((c) => c.table === 'journal')).toBe(false);
    expect(await journal()).toEqual(before);
    await ctx.store.applyChange(changeOf(restored), 'undo');
    expect(await journal()).toEqual(before);
  });
});
