/**
 * History on the large plan with 200 revisions stored, each against a baseline in the same run:
 * saving a revision (reading, serializing, compressing, writing) against the native export
 * (reading and serializing); listing the history against listing the library; comparing two
 * revisions (reading both back and comparing them in words) against the native export; and
 * restoring a revision (the app's command: reading it, keeping the plan as it is as a revision,
 * replacing the plan in one transaction and collecting what Undo needs) against replacing the
 * plan with the same content directly. The stored size of a revision is kept with the figures.
 *
 * The 200 stored revisions are written directly (untimed), all holding the plan as it was at the
 * start, so that the list and the indexes are as full as a district's years of history.
 */
import type { PlanStore } from '../../renderer/src/storage/plan-store';
import { DATABASE_NAME, PlannerDatabase } from '../../renderer/src/storage/database';
import { gzipText } from '../../renderer/src/domain/gzip-text';
import { newId, nowTimestamp } from '../../renderer/src/domain/ids';
import { comparePlans } from '../../renderer/src/domain/plan-diff';
import { PLAN_FILE_VERSION, readPlanFile, serializePlanFile } from '../../renderer/src/domain/plan-file';
import { readFileRevisions, toFileRevision } from '../../renderer/src/domain/plan-file-history';
import type { Revision } from '../../renderer/src/domain/revisions';
import type { PlanBundle } from '../../renderer/src/domain/schemas';
import { compareRevisions, restoreRevision } from '../../renderer/src/features/revisions/commands';
import { check, gc, median, type Measure, type MeasureKey } from './measure';

const APP = { name: 'Roadmap Planner', version: 'bench' };
const STORED = 200;

async function loaded(store: PlanStore, planId: string): Promise<PlanBundle> {
  const bundle = await store.loadBundle(planId);
  if (!bundle) throw new Error('The plan is missing');
  return bundle;
}

/**
 * Writes `STORED` revisions of the plan as it is, a minute apart, ending an hour ago, and before
 * them one of the plan with every allocation's amount and every stance's rationale changed (2,640
 * records), which the restore alternates with, so that every restore writes those records.
 */
async function seedHistory(store: PlanStore, planId: string): Promise<{ bytes: number; planBytes: number; changedId: string }> {
  const plan = await loaded(store, planId);
  const text = serializePlanFile(plan, APP, nowTimestamp());
  const bytes = await gzipText(text);
  const start = Date.now() - 60 * 60_000 - STORED * 60_000;
  const changedText = serializePlanFile({
    ...plan,
    allocations: plan.allocations.map((a) => ({ ...a, amount: a.amount + 100 })),
    stances: plan.stances.map((st) => ({ ...st, rationale: `${st.rationale} Revisited at the gate.` })),
  }, APP, nowTimestamp());
  const changedBytes = await gzipText(changedText);
  const changed: Revision = {
    id: newId(), planId, createdAt: new Date(start - 60_000).toISOString(), name: 'Every amount and rationale changed', reason: '', kind: 'named',
    sizeBytes: changedBytes.byteLength, planBytes: changedText.length, formatVersion: PLAN_FILE_VERSION, approval: null,
  };
  const revisions: Revision[] = Array.from({ length: STORED }, (_, i) => ({
    id: newId(), planId, createdAt: new Date(start + i * 60_000).toISOString(),
    name: i % 5 === 0 ? `Gate review ${i / 5 + 1}` : `Before the first change on day ${i + 1}`,
    reason: i % 5 === 0 ? 'Pilot gate: expand to 12 schools, slower than planned.' : '',
    kind: i % 5 === 0 ? 'named' : 'daily', sizeBytes: bytes.byteLength, planBytes: text.length, formatVersion: PLAN_FILE_VERSION, approval: null,
  }));
  const db = new PlannerDatabase(DATABASE_NAME);
  await db.transaction('rw', [db.revisions, db.revisionData], async () => {
    await db.revisions.bulkAdd([...revisions, changed]);
    await db.revisionData.bulkAdd([...revisions.map((r) => ({ id: r.id, bytes })), { id: changed.id, bytes: changedBytes }]);
  });
  db.close();
  return { bytes: bytes.byteLength, planBytes: text.length, changedId: changed.id };
}

function measure(key: MeasureKey, label: string, appSamples: number[], rawSamples: number[], extra?: Record<string, unknown>): Measure {
  return { key, group: 'history', label, app: median(appSamples), raw: median(rawSamples), appSamples, rawSamples, extra };
}

async function time(action: () => Promise<unknown>): Promise<number> {
  gc?.();
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export async function benchRevisions({ reps, store, planId }: { reps: number; store: PlanStore; planId: string }): Promise<Measure[]> {
  const sizes = await seedHistory(store, planId);
  const stored = (await store.listRevisions(planId)).filter((r) => r.id !== sizes.changedId);
  const changed = (await store.listRevisions(planId)).find((r) => r.id === sizes.changedId);
  check(stored.length === STORED && changed !== undefined, `${STORED + 1} revisions are stored`);
  const [newest, older] = [stored[0], stored[10]];
  if (!newest || !older) throw new Error('The stored revisions are missing');
  const exportPlan = async () => serializePlanFile(await loaded(store, planId), APP, nowTimestamp());
  const samples = { save: [] as number[], exported: [] as number[], list: [] as number[], library: [] as number[], compare: [] as number[], restore: [] as number[], replace: [] as number[] };
  const saved: string[] = [];
  for (let run = -1; run < reps; run += 1) {
    const keep = run >= 0;
    const push = (list: number[], ms: number) => { if (keep) list.push(ms); };
    push(samples.exported, await time(exportPlan));
    push(samples.save, await time(async () => saved.push((await store.saveRevision(planId, { name: `Bench ${run}`, reason: '', kind: 'named' }, APP)).id)));
    push(samples.library, await time(() => store.listPlans()));
    let listed: Revision[] = [];
    push(samples.list, await time(async () => { listed = await store.listRevisions(planId); }));
    if (run === -1) check(listed.length === STORED + 2 && listed[0]?.name === 'Bench -1', 'the history lists every revision, newest first');
    let words = 0;
    push(samples.compare, await time(async () => {
      const comparison = await compareRevisions({ store, now: () => new Date() }, older, newest);
      words = comparison.ok ? comparison.changes.summary.total : -1;
    }));
    if (run === -1) check(words === 0, 'two revisions of the same plan compare as unchanged');
    // Restoring alternates between the changed revision and one of the plan as it was, so every
    // restore writes the 2,640 records that differ (and Undo collects them).
    const bundle = await loaded(store, planId);
    push(samples.replace, await time(() => store.importBundle(bundle, 'replace', { keepReplaced: false })));
    const target = run % 2 === 0 ? older : changed!;
    push(samples.restore, await time(() => restoreRevision(target, APP).write({ store, now: () => new Date() }).then(({ change }) => {
      if (run < 1) check(change.changes.length >= 2640, `a restore writes the records that differ (${change.changes.length})`);
    })));
    if (run < 1) check(comparePlans((await store.loadRevision(target.id)).bundle, await loaded(store, planId)).summary.total === 0, 'the restored plan is the revision');
  }
  // The plan as the other steps found it (the last restore may have been of the changed revision).
  await restoreRevision(older, APP).write({ store, now: () => new Date() });
  // The plan file with its whole history, written and read back (each revision unzipped and
  // checked), against the plan file without it. Heavy: a few runs.
  const fileRuns = Math.min(reps, 3);
  const file = { export: [] as number[], plain: [] as number[], read: [] as number[], readPlain: [] as number[], bytes: 0, unreadable: -1 };
  for (let run = 0; run < fileRuns; run += 1) {
    let text = '';
    file.plain.push(await time(exportPlan));
    file.export.push(await time(async () => {
      const [bundle, history] = await Promise.all([loaded(store, planId), store.exportHistory(planId)]);
      text = serializePlanFile(bundle, APP, nowTimestamp(), { journal: history.journal, revisions: history.revisions.map(toFileRevision) });
    }));
    file.bytes = new TextEncoder().encode(text).byteLength;
    const plainText = await exportPlan();
    file.readPlain.push(await time(async () => readPlanFile(plainText)));
    file.read.push(await time(async () => {
      const read = readPlanFile(text);
      if (!read.ok) throw new Error(read.summary);
      file.unreadable = (await readFileRevisions(read.file.revisions ?? [], planId)).unreadable.length;
    }));
    check(file.unreadable === 0, 'every revision in the file reads back');
  }
  // Leave the history as the other steps found it.
  const db = new PlannerDatabase(DATABASE_NAME);
  const added = await db.revisions.where('planId').equals(planId).filter((r) => !stored.some((s) => s.id === r.id)).primaryKeys();
  await db.transaction('rw', [db.revisions, db.revisionData], () => Promise.all([db.revisions.bulkDelete(added), db.revisionData.bulkDelete(added)]));
  db.close();
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const extra = { storedBytesPerRevision: sizes.bytes, planFileBytes: sizes.planBytes };
  return [
    measure('history-save', `save a revision (${kb(sizes.bytes)} stored, plan file ${kb(sizes.planBytes)}); baseline: native export`, samples.save, samples.exported, extra),
    measure('history-list', `list the history (${STORED} revisions); baseline: list the library`, samples.list, samples.library),
    measure('history-compare', 'compare two revisions in words; baseline: native export', samples.compare, samples.exported),
    measure('history-restore', 'restore a revision differing in 2,640 records (keeping the plan as a revision, undo collected); baseline: replace the plan directly', samples.restore, samples.replace),
    measure('history-file-export', `plan file with history (${STORED}+ revisions, ${(file.bytes / 1024 / 1024).toFixed(1)} MB); baseline: plan file without it`, file.export, file.plain, { fileBytes: file.bytes }),
    measure('history-file-read', `read that file, every revision unzipped and checked; baseline: read the plan file without it`, file.read, file.readPlain),
  ];
}
