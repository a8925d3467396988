import { describe, expect, it } from 'vitest';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';
import { useTestStore, type TestStore } from './test-store';
import { newId } from '../../../renderer/src/domain/ids';
import { bundleFromFile, readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { bytesToBase64, readFileRevisions, toFileRevision } from '../../../renderer/src/domain/plan-file-history';
import { latestApproved } from '../../../renderer/src/domain/revisions';
import type { JournalEntry } from '../../../renderer/src/domain/journal';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';

const APP = { name: 'Roadmap Planner', version: '1.0.0-test' };
let t: TestStore;
let clock = new Date('2026-11-24T09:00:00Z');
const later = (days: number) => { clock = new Date(clock.getTime() + days * 86_400_000); };
useTestStore(() => withSchools(samplePlan()), (made) => { t = made; clock = new Date('2026-11-24T09:00:00Z'); }, () => clock);

function entry(planId: string, phaseId: string, changes: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: newId(), planId, phaseId, date: '2027-03-01', kind: 'did-not-work', text: 'The rotation model broke down in grade 2.', author: 'M. Ortiz',
    areaIds: [], decisions: [4], revisionId: null, internal: false, createdAt: '2027-03-01T10:00:00.000Z', updatedAt: '2027-03-01T10:00:00.000Z', ...changes,
  };
}

/** A second, empty database with its store, as on another laptop. */
async function otherLaptop() {
  const db = new PlannerDatabase(`other-${newId()}`);
  await db.open();
  return { db, store: createPlanStore(db, () => clock), close: async () => { db.close(); await db.delete(); } };
}

describe('a plan file with history', () => {
  it('carries every revision, its approval and the journal to another library, and reads back the same states', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    const first = await store.saveRevision(planId, { name: 'Pilot gate', reason: 'Expand to 12 schools.', kind: 'named' }, APP);
    await store.setApproval(first.id, { date: '2027-03-12', body: 'Board of Education', reference: 'Resolution 2027-14' });
    later(1);
    await store.updatePlan(planId, { name: 'Riverside, year two' });
    const second = await store.saveRevision(planId, { name: 'Before the first change', reason: '', kind: 'daily' }, APP);
    const notes = [entry(planId, bundle.phases[0]!.id), entry(planId, bundle.phases[1]!.id, { kind: 'worked', internal: true, revisionId: first.id })];
    for (const note of notes) await store.addJournalEntry(note);

    const history = await store.exportHistory(planId);
    const text = serializePlanFile((await store.loadBundle(planId))!, APP, clock.toISOString(), { journal: history.journal, revisions: history.revisions.map(toFileRevision) });
    const read = readPlanFile(text);
    if (!read.ok) throw new Error(read.summary);
    expect(read.file.journal).toHaveLength(2);
    const revisions = await readFileRevisions(read.file.revisions ?? [], planId);
    expect(revisions.unreadable).toEqual([]);

    const other = await otherLaptop();
    try {
      await other.store.importBundle(bundleFromFile(read.file), 'add', { history: { revisions: revisions.revisions, journal: read.file.journal ?? [] } });
      const list = await other.store.listRevisions(planId);
      expect(list.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(latestApproved(list)?.approval).toEqual({ date: '2027-03-12', body: 'Board of Education', reference: 'Resolution 2027-14' });
      expect(normalized((await other.store.loadRevision(first.id)).bundle)).toEqual(normalized((await store.loadRevision(first.id)).bundle));
      expect(await other.store.listJournal(planId)).toEqual(await store.listJournal(planId));
    } finally {
      await other.close();
    }
  });

  it('says how far the check of a long history is, and stops between revisions when asked', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    for (let i = 0; i < 4; i += 1) {
      await store.saveRevision(planId, { name: `Draft ${i + 1}`, reason: '', kind: 'named' }, APP);
      later(1);
    }
    const fileRevisions = (await store.exportHistory(planId)).revisions.map(toFileRevision);
    const heard: [number, number][] = [];
    const read = await readFileRevisions(fileRevisions, planId, { onProgress: (checked, total) => { heard.push([checked, total]); } });
    expect(read.revisions).toHaveLength(4);
    expect(heard).toEqual([[1, 4], [2, 4], [3, 4]]);

    const controller = new AbortController();
    const checked: number[] = [];
    const stopped = readFileRevisions(fileRevisions, planId, {
      signal: controller.signal,
      onProgress: (done) => {
        checked.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(stopped).rejects.toThrow(/abort/i);
    expect(checked).toEqual([1, 2]);
  });

  it('imports the plan and names each revision it cannot read; the others arrive', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    const good = await store.saveRevision(planId, { name: 'Good one', reason: '', kind: 'named' }, APP);
    later(1);
    await store.saveRevision(planId, { name: 'Flipped byte', reason: '', kind: 'named' }, APP);
    const { revisions } = await store.exportHistory(planId);
    const [okRevision, flipped] = revisions.map(toFileRevision);
    const damagedBytes = Uint8Array.from(atob(flipped!.data), (c) => c.charCodeAt(0));
    damagedBytes[Math.floor(damagedBytes.length / 2)]! ^= 0xff;
    const otherPlan = samplePlan({ name: 'Lakeside' });
    const foreign = (await (async () => {
      await store.createPlan(otherPlan);
      const saved = await store.saveRevision(otherPlan.plan.id, { name: 'Lakeside state', reason: '', kind: 'named' }, APP);
      return (await store.exportHistory(otherPlan.plan.id)).revisions.find((r) => r.revision.id === saved.id)!;
    })());
    const raw = [
      okRevision,
      { ...flipped, data: bytesToBase64(damagedBytes) },
      { ...okRevision, id: newId(), name: 'Not base64', data: '%%%not base64%%%' },
      { ...okRevision, id: newId(), name: '' },
      { ...toFileRevision(foreign), id: newId(), name: 'Another plan’s state' },
      'a string where a revision should be',
    ];
    const result = await readFileRevisions(raw, planId);
    expect(result.revisions.map((r) => r.revision.id)).toEqual([good.id]);
    expect(result.unreadable).toEqual([
      '“Flipped byte” of Nov 25, 2026: its data is damaged.',
      '“Not base64” of Nov 24, 2026: its data is damaged.',
      expect.stringMatching(/^Revision 4 of Nov 24, 2026: its details are incomplete or wrong \(name cannot be empty\)\.$/),
      '“Another plan’s state” of Nov 25, 2026: its data is not a readable state of this plan.',
      expect.stringMatching(/^Revision 6: its details are incomplete or wrong/),
    ]);
  });

  it('a replace adds the file’s revisions and journal to the plan’s history without doubling or dropping any', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    const kept = await store.saveRevision(planId, { name: 'Only in the library', reason: '', kind: 'named' }, APP);
    const libraryNote = entry(planId, bundle.phases[0]!.id, { text: 'Written here only.' });
    await store.addJournalEntry(libraryNote);
    const exported = await store.exportHistory(planId);
    const fileNote = entry(planId, bundle.phases[0]!.id, { id: libraryNote.id, text: 'Edited in the file.' });
    const fromFileOnly = { ...exported.revisions[0]!, revision: { ...exported.revisions[0]!.revision, id: newId(), name: 'Only in the file' } };

    await store.importBundle(bundle, 'replace', { keepReplaced: false, history: { revisions: [exported.revisions[0]!, fromFileOnly], journal: [fileNote] } });
    expect((await store.listRevisions(planId)).map((r) => r.name).sort()).toEqual(['Only in the file', 'Only in the library']);
    expect((await store.listRevisions(planId)).find((r) => r.id === kept.id)).toEqual(kept);
    expect((await store.listJournal(planId)).map((e) => e.text)).toEqual(['Edited in the file.']);
  });
});

describe('approvals', () => {
  it('records, changes and takes off an approval, and thinning never removes an approved revision', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    const daily = await store.saveRevision(planId, { name: 'Before the first change', reason: '', kind: 'daily' }, APP);
    const otherDaily = await store.saveRevision(planId, { name: 'Another day', reason: '', kind: 'daily' }, APP);
    const { before, after } = await store.setApproval(daily.id, { date: '2026-12-10', body: '  Board of Education ', reference: '' });
    expect(before.approval).toBeNull();
    expect(after.approval).toEqual({ date: '2026-12-10', body: 'Board of Education', reference: '' });
    await expect(store.setApproval(daily.id, { date: '2026-02-30', body: 'Board', reference: '' })).rejects.toThrow(/date/);
    await expect(store.setApproval(daily.id, { date: '2026-12-10', body: '   ', reference: '' })).rejects.toThrow(/empty/);

    later(400);
    const removed = await store.thinAutomaticRevisions(planId, clock.toISOString());
    expect(removed.map((r) => r.revision.id)).toEqual([otherDaily.id]);
    expect((await store.listRevisions(planId)).map((r) => r.id)).toEqual([daily.id]);

    await store.putRevisionBack(before);
    expect((await store.listRevisions(planId))[0]?.approval).toBeNull();
  });

  it('the baseline is the latest approval by its date, then by when the revision was saved', () => {
    const at = (createdAt: string, date: string | null) => ({ createdAt, approval: date ? { date, body: 'Board', reference: '' } : null });
    expect(latestApproved([at('2027-01-01T00:00:00Z', null)])).toBeNull();
    expect(latestApproved([at('2027-05-01T00:00:00Z', '2027-03-01'), at('2027-01-01T00:00:00Z', '2027-06-01'), at('2027-07-01T00:00:00Z', null)])?.createdAt).toBe('2027-01-01T00:00:00Z');
    expect(latestApproved([at('2027-01-01T00:00:00Z', '2027-06-01'), at('2027-02-01T00:00:00Z', '2027-06-01')])?.createdAt).toBe('2027-02-01T00:00:00Z');
  });
});

describe('the journal', () => {
  it('adds, changes and deletes entries, each undone and redone like any edit of the plan', async () => {
    const { store, bundle } = t;
    const planId = bundle.plan.id;
    const note = entry(planId, bundle.phases[0]!.id);
    const added = await store.addJournalEntry(note);
    later(1);
    const edited = await store.updateJournalEntry(note.id, { text: 'It worked once the schedule changed.', kind: 'changed-course' });
    expect((await store.listJournal(planId))[0]).toMatchObject({ text: 'It worked once the schedule changed.', kind: 'changed-course', createdAt: note.createdAt });
    await store.applyChange(edited, 'undo');
    expect(await store.listJournal(planId)).toEqual([note]);
    const removed = await store.deleteJournalEntry(note.id);
    expect(await store.listJournal(planId)).toEqual([]);
    await store.applyChange(removed, 'undo');
    expect(await store.listJournal(planId)).toEqual([note]);
    await store.applyChange(added, 'undo');
    expect(await store.listJournal(planId)).toEqual([]);
    await store.applyChange(added, 'redo');
    expect(await store.listJournal(planId)).toEqual([note]);
    await expect(store.updateJournalEntry(note.id, { text: '  ' })).rejects.toThrow(/empty/);
  });

  it('goes with the plan when the plan is removed for good, and stays when an import replaces the plan', async () => {
    const { store, bundle, db } = t;
    const planId = bundle.plan.id;
    await store.addJournalEntry(entry(planId, bundle.phases[0]!.id));
    await store.importBundle(bundle, 'replace', { keepReplaced: false });
    expect(await store.listJournal(planId)).toHaveLength(1);
    await store.purgePlan(planId);
    expect(await db.journal.count()).toBe(0);
  });
});
