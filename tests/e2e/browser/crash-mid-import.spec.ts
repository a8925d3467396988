import { writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { expectNoAxeViolations } from '../support';
import { generateLargePlan } from '../../bench/generate';
import { serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { newId } from '../../../renderer/src/domain/ids';
import { CHILD_COLLECTIONS, type PlanBundle } from '../../../renderer/src/domain/schemas';

/**
 * "A crash loses at most what was being typed": a large plan file is imported from the library
 * and the page is closed, or its renderer killed, in the middle; a new page on the app then finds
 * either no such plan or the whole plan, record for record, never part of it.
 *
 * The moment is found without timing guesses where it matters: a probe added before the app loads
 * reports when IndexedDB opens the import's write (a read-write transaction over the plan's tables)
 * and when it completes, so "mid-write" means after the write opened and before it completed.
 */

/** The bench's large plan made larger: three times its allocations and twice its milestones, a file of a few MB. */
function largerPlan(): PlanBundle {
  const bundle = generateLargePlan();
  return {
    ...bundle,
    allocations: [0, 1, 2].flatMap((copy) => bundle.allocations.map((a) => (copy === 0 ? a : { ...a, id: newId() }))),
    milestones: [0, 1].flatMap((copy) => bundle.milestones.map((m) => (copy === 0 ? m : { ...m, id: newId(), name: `${m.name} (follow-up)` }))),
  };
}

/** When the page goes: after the file is chosen (while it is read and checked), once the write opened, or once the import is done. */
type Moment = 'file chosen' | 'write opened' | 'imported';
interface Attempt { moment: Moment; delayMs: number; how: 'close' | 'crash' }

const ATTEMPTS: Attempt[] = [
  { moment: 'file chosen', delayMs: 0, how: 'close' },
  { moment: 'file chosen', delayMs: 400, how: 'crash' },
  { moment: 'write opened', delayMs: 0, how: 'close' },
  { moment: 'write opened', delayMs: 0, how: 'crash' },
  { moment: 'write opened', delayMs: 100, how: 'crash' },
  { moment: 'write opened', delayMs: 400, how: 'close' },
  { moment: 'write opened', delayMs: 1000, how: 'crash' },
  { moment: 'imported', delayMs: 0, how: 'crash' },
];

let filePath = '';
let plan: PlanBundle;

test.beforeAll(async ({ browserName }, testInfo) => {
  // Killing the renderer goes through the Chrome DevTools Protocol.
  expect(browserName).toBe('chromium');
  plan = largerPlan();
  const text = serializePlanFile(plan, { name: 'Roadmap Planner', version: '0.1.0' }, new Date().toISOString());
  expect(text.length).toBeGreaterThan(3_000_000);
  filePath = testInfo.outputPath('statewide.roadmap.json');
  writeFileSync(filePath, text);
});

/** Reports each read-write transaction over the plan tables to `report`: opened, then complete (with how long it took) or aborted. */
async function probeWrites(context: BrowserContext, report: (event: string) => void): Promise<void> {
  await context.exposeFunction('__crashProbe', report);
  await context.addInitScript(() => {
    const probe = (window as unknown as { __crashProbe: (event: string) => void }).__crashProbe;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      const tx = open.call(this, stores, mode, options);
      const names = typeof stores === 'string' ? [stores] : [...stores];
      if (mode === 'readwrite' && names.includes('plans') && names.includes('allocations')) {
        // The import of a file without history writes the plan's tables alone; emptying Recently
        // deleted (run when the app is idle) writes them with the revisions.
        const what = names.includes('revisions') ? 'other write' : 'import';
        const at = performance.now();
        void probe(`${what} opened`);
        tx.addEventListener('complete', () => void probe(`${what} complete after ${Math.round(performance.now() - at)} ms`));
        tx.addEventListener('abort', () => void probe(`${what} aborted`));
      }
      return tx;
    } as typeof open;
  });
}

/** Closes the page as a window is closed, or kills its renderer as a crash does. */
async function endPage(context: BrowserContext, page: Page, how: Attempt['how']): Promise<void> {
  if (how === 'crash') {
    const session = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // The renderer dies before it can answer.
    void session.send('Page.crash').catch(() => undefined);
    await crashed;
  }
  await page.close();
}

/** How many records of the plan each table holds, read straight from IndexedDB. */
async function storedCounts(page: Page, planId: string): Promise<Record<string, number>> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('roadmap-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const ask = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    const counts: Record<string, number> = {};
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    for (const name of names) {
      const store = tx.objectStore(name);
      if (name === 'plans') counts[name] = await ask(store.count(id));
      else if (store.indexNames.contains('planId')) counts[name] = await ask(store.index('planId').count(id));
    }
    db.close();
    return counts;
  }, planId);
}

for (const attempt of ATTEMPTS) {
  test(`the page ${attempt.how === 'crash' ? 'crashing' : 'closed'} ${attempt.delayMs} ms after ${attempt.moment} leaves no plan or the whole plan`, async ({ context, page }, testInfo) => {
    const events: string[] = [];
    let opened = () => {};
    const writeOpened = new Promise<void>((resolve) => { opened = resolve; });
    await probeWrites(context, (event) => {
      events.push(event);
      if (event === 'import opened') opened();
    });
    const library = new LibraryPage(page);
    await library.goto();

    await library.importFile(filePath);
    if (attempt.moment === 'write opened') await writeOpened;
    if (attempt.moment === 'imported') await expect(page.getByText(`Imported “${plan.plan.name}”.`)).toBeVisible({ timeout: 30_000 });
    if (attempt.delayMs > 0) await page.waitForTimeout(attempt.delayMs);
    const seenBeforeTheEnd = [...events];
    await endPage(context, page, attempt.how);

    const again = await context.newPage();
    const reopened = new LibraryPage(again);
    await reopened.goto();
    const counts = await storedCounts(again, plan.plan.id);
    const whole = { plans: 1, ...Object.fromEntries(CHILD_COLLECTIONS.map((name) => [name, plan[name].length])), journal: 0, revisions: 0 };
    const none = Object.fromEntries(Object.keys(whole).map((name) => [name, 0]));
    const found = Object.fromEntries(Object.keys(whole).map((name) => [name, counts[name]]));
    const outcome = counts.plans === 0 ? 'no such plan' : 'the whole plan';
    testInfo.annotations.push({ type: 'outcome', description: `${outcome}; write events before the page went: ${seenBeforeTheEnd.join(', ') || 'none'}` });
    expect(found).toEqual(counts.plans === 0 ? none : whole);

    // The library says the same: no row, or the plan with all its phases.
    const row = reopened.row(plan.plan.name);
    if (counts.plans === 0) {
      await expect(again.getByRole('heading', { name: 'Plan how your pilot becomes a system-wide strategy' })).toBeVisible();
      await expect(row).toHaveCount(0);
    } else {
      await expect(row.getByRole('cell').nth(3)).toHaveText(String(plan.phases.length));
    }
    if (attempt.moment === 'write opened' && attempt.delayMs === 0) {
      // The page went while the write was open: nothing of it may stay.
      expect(seenBeforeTheEnd.filter((e) => e.startsWith('import'))).toEqual(['import opened']);
      expect(outcome).toBe('no such plan');
    }
    if (attempt.moment === 'imported') {
      expect(outcome).toBe('the whole plan');
      await expectNoAxeViolations(again, 'library after a crash');
    }
    await again.screenshot({ path: testInfo.outputPath('library-after.png') });
  });
}
