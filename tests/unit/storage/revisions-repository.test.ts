import { describe, expect, it, vi } from 'vitest';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';
import { useTestStore, type TestStore } from './test-store';
import { gzipText } from '../../../renderer/src/domain/gzip-text';
import { StorageError } from '../../../renderer/src/storage/storage-error';
import type { RevisionLabel } from '../../../renderer/src/domain/revisions';
import { PLAN_FILE_VERSION } from '../../../renderer/src/domain/plan-file';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };
const named = (name: string, reason = ''): RevisionLabel => ({ name, reason, kind: 'named' });

let t: TestStore;
let clock = new Date('2026-11-24T09:00:00Z');
const later = (minutes: number) => { clock = new Date(clock.getTime() + minutes * 60_000); };
useTestStore(() => withSchools(samplePlan()), (made) => { t = made; clock = new Date('2026-11-24T09:00:00Z'); }, () => clock);

describe('saving and reading revisions', () => {
  it('gives back the identical plan, however the plan changes after it was saved', async () => {
    const { store, bundle } = t;
    const before = await store.loadBundle(bundle.plan.id);
    const revision = await store.saveRevision(bundle.plan.id, named('  Pilot gate  ', 'Expand to 12 schools, slower than planned.'), APP);
    expect(revision).toMatchObject({ planId: bundle.plan.id, name: 'Pilot gate', reason: 'Expand to 12 schools, slower than planned.', kind: 'named', createdAt: '2026-11-24T09:00:00.000Z', formatVersion: PLAN_FILE_VERSION, approval: null });
    // The stored bytes are what the revision costs; the plan file is several times larger.
    expect(revision.sizeBytes).toBeGreaterThan(0);
    expect(revision.planBytes).toBeGreaterThan(revision.sizeBytes * 3);

    later(5);
    await store.updatePlan(bundle.plan.id, { name: 'Renamed later', vision: 'Something else' });
    const loaded = await store.loadRevision(revision.id);
    expect(loaded.revision).toEqual(revision);
    expect(normalized(loaded.bundle)).toEqual(normalized(before));
    expect((await store.loadBundle(bundle.plan.id))?.plan.name).toBe('Renamed later');
  });

  it('saving a revision leaves the plan untouched, change time included', async () => {
    const { store, bundle } = t;
    const row = await store.getPlanRow(bundle.plan.id);
    later(10);
    await store.saveRevision(bundle.plan.id, named('Unchanged'), APP);
    expect(await store.getPlanRow(bundle.plan.id)).toEqual(row);
  });

  it('lists a plan\'s revisions newest first, with no saved states and none of another plan', async () => {
    const { store, bundle } = t;
    const other = samplePlan({ name: 'Lakeside roadmap' });
    await store.createPlan(other);
    await store.saveRevision(bundle.plan.id, named('First'), APP);
    later(60);
    await store.saveRevision(other.plan.id, named('Lakeside'), APP);
    later(60);
    await store.saveRevision(bundle.plan.id, { name: 'Before import', reason: '', kind: 'before-import' }, APP);
    later(60 * 24);
    await store.saveRevision(bundle.plan.id, { name: 'Start of the day', reason: '', kind: 'daily' }, APP);

    const list = await store.listRevisions(bundle.plan.id);
    expect(list.map((r) => [r.name, r.kind])).toEqual([['Start of the day', 'daily'], ['Before import', 'before-import'], ['First', 'named']]);
    for (const revision of list) {
      expect(Object.keys(revision).sort()).toEqual(['approval', 'createdAt', 'formatVersion', 'id', 'kind', 'name', 'planBytes', 'planId', 'reason', 'sizeBytes']);
    }
    expect(await store.historyBytes(bundle.plan.id)).toBe(list.reduce((sum, r) => sum + r.sizeBytes, 0));
    expect(await store.historyBytes(other.plan.id)).toBe((await store.listRevisions(other.plan.id))[0]?.sizeBytes);
  });

  it('refuses a revision without a name, or of a plan that is gone, and writes nothing', async () => {
    const { store, db, bundle } = t;
    await expect(store.saveRevision(bundle.plan.id, named('   '), APP)).rejects.toThrow('Could not save the revision: The name cannot be empty. Nothing was changed.');
    await store.purgePlan(bundle.plan.id);
    await expect(store.saveRevision(bundle.plan.id, named('Too late'), APP)).rejects.toThrow(/This plan no longer exists/);
    expect([await db.revisions.count(), await db.revisionData.count()]).toEqual([0, 0]);
  });
});

describe('the revision kept before the first change of a day', () => {
  // A fixed day whatever the test machine's time zone: its span is given as timestamps.
  const day = { from: '2026-11-24T00:00:00.000Z', until: '2026-11-25T00:00:00.000Z', label: 'Nov 24, 2026' };

  it('keeps the plan once a day, named for the day, and not when a revision was already saved that day', async () => {
    const { store, bundle } = t;
    const first = await store.saveDailyRevision(bundle.plan.id, day, APP);
    expect(first).toMatchObject({ kind: 'daily', name: 'Before the first change on Nov 24, 2026', reason: '' });
    later(60);
    expect(await store.saveDailyRevision(bundle.plan.id, day, APP)).toBeNull();
    // The next day, a new one.
    clock = new Date('2026-11-25T08:00:00Z');
    const next = { from: day.until, until: '2026-11-26T00:00:00.000Z', label: 'Nov 25, 2026' };
    expect(await store.saveDailyRevision(bundle.plan.id, next, APP)).toMatchObject({ name: 'Before the first change on Nov 25, 2026' });
    expect((await store.listRevisions(bundle.plan.id)).map((r) => r.name)).toEqual(['Before the first change on Nov 25, 2026', 'Before the first change on Nov 24, 2026']);
  });

  it('is not needed when the planner saved a revision earlier that day', async () => {
    const { store, bundle } = t;
    await store.saveRevision(bundle.plan.id, named('Morning draft'), APP);
    later(30);
    expect(await store.saveDailyRevision(bundle.plan.id, day, APP)).toBeNull();
    expect((await store.listRevisions(bundle.plan.id)).map((r) => r.name)).toEqual(['Morning draft']);
  });
});

describe('thinning old automatic revisions', () => {
  it('removes automatic revisions older than the date, never named ones, and Undo puts them all back', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    await store.saveRevision(planId, { name: 'Start of a day', reason: '', kind: 'daily' }, APP);
    later(1);
    await store.saveRevision(planId, named('Board draft'), APP);
    later(1);
    await store.saveRevision(planId, { name: 'Before an import', reason: '', kind: 'before-import' }, APP);
    const cutoff = clock.toISOString();
    later(1);
    await store.saveRevision(planId, { name: 'A later day', reason: '', kind: 'daily' }, APP);
    const all = await store.listRevisions(planId);

    const removed = await store.thinAutomaticRevisions(planId, cutoff);
    expect(removed.map((d) => d.revision.name).sort()).toEqual(['Start of a day']);
    expect((await store.listRevisions(planId)).map((r) => r.name)).toEqual(['A later day', 'Before an import', 'Board draft']);

    await store.restoreDeletedRevisions(removed);
    expect(await store.listRevisions(planId)).toEqual(all);
    const back = all.find((r) => r.name === 'Start of a day');
    expect((await store.loadRevision(back?.id ?? '')).bundle.plan.id).toBe(planId);
  });
});

describe('renaming and deleting revisions', () => {
  it('renames a revision and edits its reason, returning what it was', async () => {
    const { store, bundle } = t;
    const revision = await store.saveRevision(bundle.plan.id, named('Draft'), APP);
    const { before, after } = await store.renameRevision(revision.id, 'Board draft', 'For the March meeting.');
    expect(before).toEqual(revision);
    expect(after).toEqual({ ...revision, name: 'Board draft', reason: 'For the March meeting.' });
    expect(await store.listRevisions(bundle.plan.id)).toEqual([after]);
    await expect(store.renameRevision(revision.id, '', '')).rejects.toThrow(/name cannot be empty/);
    await expect(store.renameRevision('0b9c0f4e-0000-4000-8000-000000000000', 'X', '')).rejects.toThrow('This revision no longer exists');
  });

  it('deletes a revision with its saved state, and Undo puts both back as they were', async () => {
    const { store, db, bundle } = t;
    const kept = await store.saveRevision(bundle.plan.id, named('Kept'), APP);
    later(1);
    const gone = await store.saveRevision(bundle.plan.id, named('Deleted'), APP);
    const { bundle: state } = await store.loadRevision(gone.id);

    const deleted = await store.deleteRevision(gone.id);
    expect(deleted.revision).toEqual(gone);
    expect(await store.listRevisions(bundle.plan.id)).toEqual([kept]);
    expect(await db.revisionData.get(gone.id)).toBeUndefined();
    expect(await store.historyBytes(bundle.plan.id)).toBe(kept.sizeBytes);
    await expect(store.loadRevision(gone.id)).rejects.toThrow('This revision no longer exists');

    await store.restoreDeletedRevision(deleted);
    expect(await store.listRevisions(bundle.plan.id)).toEqual([gone, kept]);
    expect((await store.loadRevision(gone.id)).bundle).toEqual(state);
  });

  it('does not put a revision back once its plan is gone for good', async () => {
    const { store, db, bundle } = t;
    const revision = await store.saveRevision(bundle.plan.id, named('Orphan'), APP);
    const deleted = await store.deleteRevision(revision.id);
    await store.purgePlan(bundle.plan.id);
    await expect(store.restoreDeletedRevision(deleted)).rejects.toThrow(/This plan no longer exists/);
    expect(await db.revisions.count()).toBe(0);
  });
});

describe('revisions that cannot be read', () => {
  it('says which revision has damaged data, and leaves the others readable', async () => {
    const { store, db, bundle } = t;
    const good = await store.saveRevision(bundle.plan.id, named('Good'), APP);
    later(1);
    const bad = await store.saveRevision(bundle.plan.id, named('Pilot gate'), APP);
    const stored = await db.revisionData.get(bad.id);
    if (!stored) throw new Error('the revision has no data');
    const damaged = stored.bytes.slice();
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    await db.revisionData.put({ id: bad.id, bytes: damaged });

    const error = await store.loadRevision(bad.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/^The revision “Pilot gate” of Nov 24, 2026, .+ could not be read: its data is damaged\.$/);
    await expect(store.loadRevision(good.id)).resolves.toMatchObject({ revision: good });
  });

  it('says so when the data is missing, when it is not a plan of this plan, or was written by a newer app', async () => {
    const { store, db, bundle } = t;
    const revision = await store.saveRevision(bundle.plan.id, named('Odd one'), APP);
    await db.revisionData.delete(revision.id);
    await expect(store.loadRevision(revision.id)).rejects.toThrow(/“Odd one” .* could not be read: its data is missing\./);

    await db.revisionData.put({ id: revision.id, bytes: await gzipText('{"format":"something else"}') });
    await expect(store.loadRevision(revision.id)).rejects.toThrow(/“Odd one” .* could not be read: its data is damaged\./);

    const other = samplePlan({ name: 'Another plan' });
    await store.createPlan(other);
    const otherRevision = await store.saveRevision(other.plan.id, named('Other'), APP);
    const otherData = await db.revisionData.get(otherRevision.id);
    if (!otherData) throw new Error('the revision has no data');
    await db.revisionData.put({ id: revision.id, bytes: otherData.bytes });
    await expect(store.loadRevision(revision.id)).rejects.toThrow(/“Odd one” .* its data is damaged/);

    await db.revisions.put({ ...revision, formatVersion: 99 });
    await expect(store.loadRevision(revision.id)).rejects.toThrow(/“Odd one” .* was saved by a newer version of Roadmap Planner\. Update the app to open it\./);
  });
});

describe('a failing write', () => {
  it('leaves no revision without its data, and the plan as it was, when the disk is full', async () => {
    const { store, db, bundle } = t;
    const before = await store.loadBundle(bundle.plan.id);
    const row = await store.getPlanRow(bundle.plan.id);
    // The data write fails as a full disk would, after the metadata was written in the same transaction.
    vi.spyOn(db.revisionData, 'add').mockImplementation(() => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(store.saveRevision(bundle.plan.id, named('Too big'), APP)).rejects.toThrow(
      'Could not save the revision: this computer is out of storage space for the app. Nothing was changed. Free some disk space and try again.',
    );
    vi.restoreAllMocks();
    expect([await db.revisions.count(), await db.revisionData.count()]).toEqual([0, 0]);
    expect(await store.listRevisions(bundle.plan.id)).toEqual([]);
    expect(await store.getPlanRow(bundle.plan.id)).toEqual(row);
    expect(normalized(await store.loadBundle(bundle.plan.id))).toEqual(normalized(before));
    // And the next save, with space again, works.
    await store.saveRevision(bundle.plan.id, named('Fits'), APP);
    expect(await db.revisionData.count()).toBe(1);
  });
});

describe('removing plans', () => {
  it('keeps a deleted plan\'s revisions in Recently deleted and removes them when the plan is purged', async () => {
    const { store, db, bundle } = t;
    const other = samplePlan({ name: 'Lakeside roadmap' });
    await store.createPlan(other);
    await store.saveRevision(bundle.plan.id, named('One'), APP);
    await store.saveRevision(bundle.plan.id, named('Two'), APP);
    const kept = await store.saveRevision(other.plan.id, named('Lakeside'), APP);

    await store.deletePlan(bundle.plan.id);
    expect(await store.listRevisions(bundle.plan.id)).toHaveLength(2);
    await store.purgePlan(bundle.plan.id);
    expect(await store.listRevisions(bundle.plan.id)).toEqual([]);
    expect(await store.historyBytes(bundle.plan.id)).toBe(0);
    expect(await db.revisionData.count()).toBe(1);
    expect(await store.listRevisions(other.plan.id)).toEqual([kept]);
  });

  it('removes revisions with the plans emptied from Recently deleted', async () => {
    const { store, db, bundle } = t;
    await store.saveRevision(bundle.plan.id, named('One'), APP);
    await store.deletePlan(bundle.plan.id);
    expect(await store.purgeDeleted({ all: true })).toBe(1);
    expect([await db.revisions.count(), await db.revisionData.count()]).toEqual([0, 0]);
  });

  it('keeps the history of a plan replaced by an import', async () => {
    const { store, bundle } = t;
    const revision = await store.saveRevision(bundle.plan.id, { name: 'Before import', reason: '', kind: 'before-import' }, APP);
    await store.importBundle({ ...bundle, plan: { ...bundle.plan, name: 'From the file' } }, 'replace');
    expect(await store.listRevisions(bundle.plan.id)).toEqual([revision]);
    expect((await store.loadRevision(revision.id)).bundle.plan.name).toBe('Riverside roadmap');
  });
});
