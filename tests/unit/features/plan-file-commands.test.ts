import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';
import { applyImport, exportPlan, pickImportFile, type PlanFileContext } from '../../../renderer/src/features/plan-file/plan-file-commands';
import { createPlan, deletePlan, duplicatePlan } from '../../../renderer/src/features/library/library-commands';
import type { Host } from '../../../renderer/src/host/host';
import type { SaveFileRequest } from '../../../electron/shared/ipc';
import { newId } from '../../../renderer/src/domain/ids';
import { htmlCopyDocument } from '../../../renderer/src/domain/html-copy';
import { savedText } from '../support/saved-text';

/** A shell whose file dialogs are scripted: saved files are kept, the next file to open is set by the test. */
function fakeHost() {
  const saved: SaveFileRequest[] = [];
  let nextOpen: { name: string; content: string } | null = null;
  const host: Host = {
    kind: 'browser',
    saveFile: async (request) => { saved.push(request); return { status: 'saved', location: `/tmp/${request.suggestedName}` }; },
    openFile: async () => (nextOpen ? { status: 'opened', ...nextOpen } : { status: 'cancelled' }),
    printToPdf: async () => ({ status: 'cancelled' }),
    appInfo: async () => ({ name: 'Roadmap Planner', version: 'test', platform: 'test', userDataPath: '/tmp' }),
  };
  return { host, saved, willOpen: (file: { name: string; content: string } | null) => { nextOpen = file; } };
}

let db: PlannerDatabase;
let ctx: PlanFileContext;
let files: ReturnType<typeof fakeHost>;

beforeEach(async () => {
  db = new PlannerDatabase(`test-${newId()}`);
  files = fakeHost();
  ctx = { store: createPlanStore(db), host: files.host, now: () => new Date('2026-11-23T10:00:00Z'), appVersion: '0.1.0' };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function exportedFile(planId: string) {
  await exportPlan(ctx, planId);
  const file = files.saved.at(-1);
  if (!file) throw new Error('nothing was saved');
  return { ...file, content: savedText(file) };
}

describe('export and import commands', () => {
  it('exports a plan as <name>.roadmap.json through the shell', async () => {
    const planId = await createPlan(ctx, { name: 'Riverside: 2027', systemName: 'Riverside', templateId: 'pilot-to-scale' });
    const file = await exportedFile(planId);
    expect(file.suggestedName).toBe('Riverside 2027.roadmap.json');
    expect(file.filters).toEqual([{ name: 'Roadmap plan', extensions: ['json'] }]);
    expect(JSON.parse(file.content)).toMatchObject({ format: 'roadmap-planner.plan', app: { version: '0.1.0' }, plan: { id: planId } });
  });

  it('does nothing when the planner cancels the file picker', async () => {
    files.willOpen(null);
    expect(await pickImportFile(ctx)).toEqual({ status: 'cancelled' });
  });

  it('says how far the check of a file with history is, and a cancelled check imports nothing', async () => {
    const planId = await createPlan(ctx, { name: 'Riverside', systemName: '', templateId: 'pilot-to-scale' });
    for (const name of ['Cabinet draft', 'Board draft', 'Year two']) {
      await ctx.store.saveRevision(planId, { name, reason: '', kind: 'named' }, { name: 'Roadmap Planner', version: '0.1.0' });
    }
    await exportPlan(ctx, planId, { withHistory: true });
    const content = files.saved.at(-1)?.content ?? '';
    await db.delete();
    await db.open();

    files.willOpen({ name: 'riverside.roadmap.json', content: typeof content === 'string' ? content : '' });
    const heard: string[] = [];
    const read = await pickImportFile(ctx, { onProgress: (p) => { heard.push(`${p.fileName} ${p.checked}/${p.revisions}`); } });
    expect(read).toMatchObject({ status: 'ready', history: { revisions: [{}, {}, {}] } });
    expect(heard).toEqual(['riverside.roadmap.json 0/0', 'riverside.roadmap.json 0/3', 'riverside.roadmap.json 1/3', 'riverside.roadmap.json 2/3']);

    const controller = new AbortController();
    const stopped = await pickImportFile(ctx, { signal: controller.signal, onProgress: (p) => { if (p.checked === 1) controller.abort(); } });
    expect(stopped).toEqual({ status: 'cancelled' });
    expect(await db.plans.count()).toBe(0);
  });

  it('reports a broken file without writing', async () => {
    files.willOpen({ name: 'broken.roadmap.json', content: '{"format": "roadmap-planner.plan", ' });
    const candidate = await pickImportFile(ctx);
    expect(candidate).toMatchObject({ status: 'invalid', fileName: 'broken.roadmap.json' });
    expect(await db.plans.count()).toBe(0);
  });

  it('imports a new plan as it is, and an existing one as a copy or in its place', async () => {
    const planId = await createPlan(ctx, { name: 'Riverside', systemName: '', templateId: 'pilot-to-scale' });
    const original = await ctx.store.loadBundle(planId);
    files.willOpen({ name: 'r.roadmap.json', content: (await exportedFile(planId)).content });

    const candidate = await pickImportFile(ctx);
    if (candidate.status !== 'ready') throw new Error('expected a readable file');
    expect(candidate.existing).toEqual({ name: 'Riverside', deleted: false });

    const both = await applyImport(ctx, candidate.bundle, 'keep-both');
    expect(both.planId).not.toBe(planId);
    expect((await ctx.store.listPlans()).map((p) => p.name).sort()).toEqual(['Riverside', 'Riverside (imported)']);

    await ctx.store.updatePlan(planId, { name: 'Riverside, edited since' });
    const replaced = await applyImport(ctx, candidate.bundle, 'replace');
    expect((await ctx.store.loadBundle(planId))?.plan.name).toBe('Riverside');
    expect((await ctx.store.getPlanRow(replaced.replacedCopyId ?? ''))?.name).toBe('Riverside, edited since (before import)');
    // The replaced plan is also kept in the plan's History, and stays there after Undo.
    const [kept] = await ctx.store.listRevisions(planId);
    expect(kept).toMatchObject({ kind: 'before-import', name: 'Before an import replaced the plan' });
    expect((await ctx.store.loadRevision(kept?.id ?? '')).bundle.plan.name).toBe('Riverside, edited since');
    await replaced.undo();
    expect((await ctx.store.loadBundle(planId))?.plan.name).toBe('Riverside, edited since');
    expect((await ctx.store.loadBundle(planId))?.phases).toEqual(original?.phases);
    expect((await ctx.store.listRevisions(planId)).map((r) => r.kind)).toEqual(['before-import']);
    // Undo leaves no trace of the replace: the kept copy is gone too.
    expect((await ctx.store.listPlans()).map((p) => p.name).sort()).toEqual(['Riverside (imported)', 'Riverside, edited since']);
  });

  it('brings a deleted plan back whole when its file is imported in its place', async () => {
    const planId = await createPlan(ctx, { name: 'Lakeside', systemName: '', templateId: 'pilot-to-scale' });
    const content = (await exportedFile(planId)).content;
    await deletePlan(ctx, planId);
    files.willOpen({ name: 'l.roadmap.json', content });
    const candidate = await pickImportFile(ctx);
    if (candidate.status !== 'ready') throw new Error('expected a readable file');
    expect(candidate.existing).toEqual({ name: 'Lakeside', deleted: true });
    await applyImport(ctx, candidate.bundle, 'replace');
    expect((await ctx.store.listPlans()).filter((p) => p.deletedAt === null).map((p) => p.name)).toEqual(['Lakeside']);
    expect((await exportedFile(planId)).content).toBe(content);
  });

  it('offers plan files and read-only copies in the file picker', async () => {
    let asked: unknown = null;
    ctx.host = { ...files.host, openFile: async (request) => { asked = request; return { status: 'cancelled' }; } };
    await pickImportFile(ctx);
    expect(asked).toEqual({ filters: [{ name: 'Roadmap plan or read-only copy', extensions: ['json', 'html', 'htm'] }] });
  });

  it('imports a read-only copy (a web page) as the same plan as its plan file', async () => {
    const planId = await createPlan(ctx, { name: 'Riverside </script> “north”', systemName: 'Riverside', templateId: 'pilot-to-scale' });
    const planFileText = (await exportedFile(planId)).content;
    files.willOpen({ name: 'r.roadmap.json', content: planFileText });
    const fromPlanFile = await pickImportFile(ctx);
    const page = htmlCopyDocument({ title: 'Riverside', lang: 'en', bodyHtml: '<h1>Riverside</h1>', css: 'h1 { color: black; }', planFileText });

    files.willOpen({ name: 'Riverside – Read-only copy.html', content: page });
    const fromCopy = await pickImportFile(ctx);
    expect(fromCopy).toEqual({ ...fromPlanFile, fileName: 'Riverside – Read-only copy.html', size: page.length });
    expect(fromCopy).toMatchObject({ status: 'ready', existing: { name: 'Riverside </script> “north”', deleted: false } });

    // A web page under a name without .html is still read as one.
    files.willOpen({ name: 'download', content: page });
    expect(await pickImportFile(ctx)).toEqual({ ...fromPlanFile, fileName: 'download', size: page.length });
  });

  it('says clearly when a web page is not a read-only copy, or its plan is damaged, and writes nothing', async () => {
    files.willOpen({ name: 'agenda.html', content: '<!doctype html><html><head><title>Board agenda</title></head><body><p>Item 1</p></body></html>' });
    expect(await pickImportFile(ctx)).toEqual({
      status: 'invalid', fileName: 'agenda.html', problems: [],
      summary: 'This HTML file is not a Roadmap Planner copy: it holds no plan. Import a plan file (.roadmap.json) or a read-only copy saved from Roadmap Planner.',
    });
    const planId = await createPlan(ctx, { name: 'Lakeside', systemName: '', templateId: 'pilot-to-scale' });
    const page = htmlCopyDocument({ title: 'Lakeside', lang: 'en', bodyHtml: '', css: '', planFileText: (await exportedFile(planId)).content });
    files.willOpen({ name: 'lakeside.htm', content: page.slice(0, page.indexOf('</script>') - 10) });
    expect(await pickImportFile(ctx)).toMatchObject({ status: 'invalid', fileName: 'lakeside.htm', summary: expect.stringMatching(/^This HTML file is a Roadmap Planner copy, but its plan data is damaged/) });
    // A copy whose plan is readable JSON but not a valid plan gets the plan file's own checks.
    files.willOpen({ name: 'lakeside.html', content: page.replace(/"name": "Lakeside"/, '"name": ""') });
    expect(await pickImportFile(ctx)).toMatchObject({ status: 'invalid', summary: 'The plan file has problems; nothing was imported.', problems: [{ where: expect.stringContaining('name'), message: 'cannot be empty' }] });
    expect(await db.plans.count()).toBe(1);
  });

  it('duplicates a plan under a free name, and undoes a delete', async () => {
    const planId = await createPlan(ctx, { name: 'Northside', systemName: '', templateId: 'pilot-to-scale' });
    await duplicatePlan(ctx, planId);
    await duplicatePlan(ctx, planId);
    expect((await ctx.store.listPlans()).map((p) => p.name).sort()).toEqual(['Northside', 'Northside (copy 2)', 'Northside (copy)']);
    const undo = await deletePlan(ctx, planId);
    expect((await ctx.store.getPlanRow(planId))?.deletedAt).not.toBeNull();
    await undo();
    expect((await ctx.store.getPlanRow(planId))?.deletedAt).toBeNull();
  });
});
