import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import {
  compareRevisions, compareWithPlanNow, deleteRevision, oldAutomaticRevisions, renameRevision, restoreRevision, saveNamedRevision, thinOldRevisions,
} from '../../../../renderer/src/features/revisions/commands';
import { beforeRestoreName, kilobytes, storageSize } from '../../../../renderer/src/features/revisions/revision-words';
import { changeOf } from '../../../../renderer/src/app/commands';
import type { PlannerDatabase } from '../../../../renderer/src/storage/database';
import { normalized, samplePlan, withSchools } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };

let ctx: CommandContext;
let db: PlannerDatabase;
let bundle: PlanBundle;
let clock = new Date('2026-11-24T09:00:00Z');
const later = (minutes: number) => { clock = new Date(clock.getTime() + minutes * 60_000); };
useTestStore(() => withSchools(samplePlan()), (made) => { ({ ctx, db, bundle } = made); clock = new Date('2026-11-24T09:00:00Z'); }, () => clock);

const planId = () => bundle.plan.id;
const load = async () => (await ctx.store.loadBundle(planId())) as PlanBundle;
/** The plan's content, without the change time every write (and every undo) stamps. */
const content = async () => {
  const now = normalized(await load()) as PlanBundle;
  return { ...now, plan: { ...now.plan, updatedAt: '' } };
};
const phaseNamed = (name: string) => bundle.phases.find((p) => p.name === name) ?? (() => { throw new Error(`no phase ${name}`); })();
const areaNamed = (name: string) => bundle.areas.find((a) => a.name === name) ?? (() => { throw new Error(`no area ${name}`); })();

/** Two edits a planner makes after saving a draft: Curriculum goes tight in the pilot, the pilot is renamed. */
async function editAfterDraft(): Promise<void> {
  later(30);
  await ctx.store.setStance(planId(), areaNamed('Curriculum and digital content').id, phaseNamed('Pilot').id, { stance: 'tight' });
  await ctx.store.updatePhase(phaseNamed('Pilot').id, { name: 'Try-out' });
}

async function damage(revisionId: string): Promise<void> {
  const stored = await db.revisionData.get(revisionId);
  if (!stored) throw new Error('the revision has no data');
  const bytes = stored.bytes.slice();
  bytes[100] = (bytes[100] ?? 0) ^ 0xff;
  await db.revisionData.put({ id: revisionId, bytes });
}

describe('saving, renaming and deleting revisions', () => {
  it('saves the plan as a revision named by the planner, with the reason', async () => {
    const saved = await saveNamedRevision(ctx, planId(), { name: '  Draft for cabinet ', reason: 'Pilot gate: expand to 12 schools, slower than planned' }, APP);
    expect(saved).toMatchObject({ name: 'Draft for cabinet', reason: 'Pilot gate: expand to 12 schools, slower than planned', kind: 'named', planId: planId() });
    expect(await ctx.store.listRevisions(planId())).toEqual([saved]);
    await expect(saveNamedRevision(ctx, planId(), { name: ' ', reason: '' }, APP)).rejects.toThrow('Could not save the revision: The name cannot be empty. Nothing was changed.');
  });

  it('renames a revision and edits its reason', async () => {
    const saved = await saveNamedRevision(ctx, planId(), { name: 'Draft', reason: '' }, APP);
    const renamed = await renameRevision(ctx, saved.id, { name: 'Board draft', reason: 'For the March meeting.' });
    expect(renamed).toEqual({ ...saved, name: 'Board draft', reason: 'For the March meeting.' });
    expect(await ctx.store.listRevisions(planId())).toEqual([renamed]);
  });

  it('deletes a revision, and Undo puts it back whole, still readable', async () => {
    const saved = await saveNamedRevision(ctx, planId(), { name: 'Draft', reason: 'Why' }, APP);
    const undo = await deleteRevision(ctx, saved.id);
    expect(await ctx.store.listRevisions(planId())).toEqual([]);
    expect(await ctx.store.historyBytes(planId())).toBe(0);
    await undo();
    expect(await ctx.store.listRevisions(planId())).toEqual([saved]);
    expect(normalized((await ctx.store.loadRevision(saved.id)).bundle)).toEqual(normalized(bundle));
  });
});

describe('comparing', () => {
  it('says what changed since a revision, in words, grouped by section', async () => {
    const draft = await saveNamedRevision(ctx, planId(), { name: 'Draft for cabinet', reason: '' }, APP);
    const same = await compareWithPlanNow(ctx, draft.id, planId());
    expect(same).toMatchObject({ ok: true, summary: 'No changes' });

    await editAfterDraft();
    const result = await compareWithPlanNow(ctx, draft.id, planId());
    if (!result.ok) throw new Error(result.message);
    expect(result.summary).toBe('2 changes: 1 in Roadmap, 1 in Tight & loose');
    expect(result.changes.sections.map((s) => [s.label, s.changes.map((c) => c.text)])).toEqual([
      ['Roadmap', ['Pilot renamed to Try-out']],
      ['Tight & loose', ['Curriculum and digital content in Try-out: Loose → Tight']],
    ]);
  });

  it('compares two revisions older to newer, whichever is chosen first', async () => {
    const draft = await saveNamedRevision(ctx, planId(), { name: 'Draft', reason: '' }, APP);
    await editAfterDraft();
    const final = await saveNamedRevision(ctx, planId(), { name: 'Final', reason: '' }, APP);
    const forward = await compareRevisions(ctx, draft, final);
    const backward = await compareRevisions(ctx, final, draft);
    expect(forward).toEqual(backward);
    expect(forward).toMatchObject({ ok: true, summary: '2 changes: 1 in Roadmap, 1 in Tight & loose' });
  });

  it('says which revision cannot be read, instead of failing', async () => {
    const good = await saveNamedRevision(ctx, planId(), { name: 'Good', reason: '' }, APP);
    later(1);
    const bad = await saveNamedRevision(ctx, planId(), { name: 'Pilot gate', reason: '' }, APP);
    await damage(bad.id);
    const withNow = await compareWithPlanNow(ctx, bad.id, planId());
    expect(withNow).toEqual({ ok: false, message: expect.stringMatching(/^The revision “Pilot gate” of Nov 24, 2026, .+ could not be read: its data is damaged\.$/) as unknown });
    expect(await compareRevisions(ctx, good, bad)).toEqual(withNow);
  });
});

describe('restoring a revision', () => {
  it('makes the plan what it was, keeps what it was before as a revision, and Undo brings that back exactly', async () => {
    const draft = await saveNamedRevision(ctx, planId(), { name: 'Draft for cabinet', reason: '' }, APP);
    const atDraft = await content();
    await editAfterDraft();
    // A record added since the draft (removed by the restore) and one removed since (put back by it).
    later(5);
    await ctx.store.addMilestone({ id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001', planId: planId(), name: 'Board vote', date: '2027-03-12', kind: 'milestone', phaseId: null, owner: '', done: false });
    await ctx.store.deleteOutcome(bundle.outcomes[0]?.id ?? '');
    const beforeRestore = await content();
    const rowBefore = await ctx.store.getPlanRow(planId());

    later(5);
    const command = restoreRevision(draft, APP);
    expect(command.label).toBe('Restore the revision “Draft for cabinet”');
    const result = await command.write(ctx);
    expect(await content()).toEqual(atDraft);
    expect((await ctx.store.getPlanRow(planId()))?.updatedAt).toBe(clock.toISOString());
    const [kept] = await ctx.store.listRevisions(planId());
    expect(kept).toEqual(result.kept);
    expect(kept).toMatchObject({ name: 'Before restoring “Draft for cabinet”', kind: 'before-restore' });
    // The revision kept is the plan as it was before the restore.
    const keptPlan = (await ctx.store.loadRevision(result.kept.id)).bundle;
    expect({ ...(normalized(keptPlan) as PlanBundle), plan: { ...keptPlan.plan, updatedAt: '' } }).toEqual(beforeRestore);
    // Only what the restore changed is in the undo step: the renamed phase, the stance, the milestone, the outcome and the plan row.
    expect(changeOf(result).changes.map((c) => c.table).sort()).toEqual(['milestones', 'outcomes', 'phases', 'plans', 'stances']);

    await ctx.store.applyChange(changeOf(result), 'undo');
    expect(await content()).toEqual(beforeRestore);
    expect({ ...(await ctx.store.getPlanRow(planId())), updatedAt: '' }).toEqual({ ...rowBefore, updatedAt: '' });
    expect((await ctx.store.listRevisions(planId())).map((r) => r.name)).toEqual(['Before restoring “Draft for cabinet”', 'Draft for cabinet']);

    await ctx.store.applyChange(changeOf(result), 'redo');
    expect(await content()).toEqual(atDraft);
  });

  it('restores nothing from a revision that cannot be read, and says which', async () => {
    const draft = await saveNamedRevision(ctx, planId(), { name: 'Pilot gate', reason: '' }, APP);
    await editAfterDraft();
    await damage(draft.id);
    const now = await content();
    await expect(restoreRevision(draft, APP).write(ctx)).rejects.toThrow(/^The revision “Pilot gate” of Nov 24, 2026, .+ could not be read: its data is damaged\.$/);
    expect(await content()).toEqual(now);
    expect((await ctx.store.listRevisions(planId())).map((r) => r.name)).toEqual(['Pilot gate']);
  });

  it('writes nothing and says so when another window changes the plan while the restore reads it', async () => {
    const draft = await saveNamedRevision(ctx, planId(), { name: 'Pilot gate', reason: '' }, APP);
    await editAfterDraft();
    const pilot = phaseNamed('Pilot');
    // The other window renames the pilot after the restore has read the plan, before it writes.
    const store = { ...ctx.store, applyChange: async (...args: Parameters<typeof ctx.store.applyChange>) => {
      await ctx.store.updatePhase(pilot.id, { name: 'Pilot, renamed elsewhere' });
      return ctx.store.applyChange(...args);
    } };
    const before = await content();
    await expect(restoreRevision(draft, APP).write({ ...ctx, store })).rejects.toThrow(/^Could not restore “Pilot gate”: .+ was changed since, perhaps in another window\. Nothing was changed\.$/);
    expect(await content()).toEqual({ ...before, phases: before.phases.map((p) => (p.id === pilot.id ? { ...p, name: 'Pilot, renamed elsewhere' } : p)) });
  });
});

describe('revision words', () => {
  it('sizes in KB and MB, and fits the before-restore name within a name’s length', () => {
    expect(kilobytes(0)).toBe('0 KB');
    expect(kilobytes(20)).toBe('0.1 KB');
    expect(kilobytes(12_700)).toBe('12.4 KB');
    expect(storageSize(3 * 1024 * 1024 + 200_000)).toBe('3.2 MB');
    const long = beforeRestoreName('x'.repeat(120), 120);
    expect(long).toHaveLength(120);
    expect(long).toMatch(/^Before restoring “x+…”$/);
    expect(beforeRestoreName('Draft', 120)).toBe('Before restoring “Draft”');
  });
});

describe('thinning the history', () => {
  it('offers and removes only automatic revisions older than a year, and Undo brings them back', async () => {
    await ctx.store.saveRevision(planId(), { name: 'Start of a day, long ago', reason: '', kind: 'daily' }, APP);
    await saveNamedRevision(ctx, planId(), { name: 'Board approval draft', reason: '' }, APP);
    clock = new Date('2027-12-01T09:00:00Z');
    await ctx.store.saveRevision(planId(), { name: 'Start of a recent day', reason: '', kind: 'daily' }, APP);

    const all = await ctx.store.listRevisions(planId());
    expect(oldAutomaticRevisions(all, clock).map((r) => r.name)).toEqual(['Start of a day, long ago']);
    const { count, undo } = await thinOldRevisions(ctx, planId());
    expect(count).toBe(1);
    expect((await ctx.store.listRevisions(planId())).map((r) => r.name)).toEqual(['Start of a recent day', 'Board approval draft']);
    await undo();
    expect(await ctx.store.listRevisions(planId())).toEqual(all);
  });
});
