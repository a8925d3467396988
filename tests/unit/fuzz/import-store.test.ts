/**
 * The one reader that leads to a write: importing a plan file. Fuzzed files that look like plan
 * files go through the app's import (pickImportFile, then applyImport when it is ready) into a
 * database on fake IndexedDB; a refused file, at either step, leaves every table as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';
import { applyImport, pickImportFile, type PlanFileContext } from '../../../renderer/src/features/plan-file/plan-file-commands';
import type { Host } from '../../../renderer/src/host/host';
import { newId } from '../../../renderer/src/domain/ids';
import { serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';
import { damaged, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, mutatedText, mutationsArbitrary, textDamageArbitrary } from './fuzz-support';
import { APP, EXPORTED_AT, PLAN_FIELDS, validFile } from './plan-inputs';

/** Each case is a database round trip, so this reader gets a share of the cases; the reader itself is fuzzed in plan-file.test.ts. */
const RUNS = Math.max(50, Math.floor(FUZZ_RUNS / 50));

let db: PlannerDatabase;
let ctx: PlanFileContext;
let nextFile = { name: 'plan.roadmap.json', content: '' };
/** A plan already in the library, so a file with its id is refused when added. */
const existing = withSchools(samplePlan({ name: 'Riverside' }));

beforeAll(async () => {
  db = new PlannerDatabase(`fuzz-${newId()}`);
  const host: Host = {
    kind: 'browser',
    saveFile: async () => ({ status: 'cancelled' }),
    openFile: async () => ({ status: 'opened', ...nextFile }),
    printToPdf: async () => ({ status: 'cancelled' }),
    appInfo: async () => ({ name: 'Roadmap Planner', version: 'test', platform: 'test', userDataPath: '/tmp' }),
  };
  ctx = { store: createPlanStore(db), host, now: () => new Date('2026-11-30T10:00:00Z'), appVersion: '0.1.0' };
  await db.open();
  await ctx.store.createPlan(existing);
});

afterAll(async () => {
  db.close();
  await db.delete();
});

/** Every row of every table, in key order: what "unchanged" is checked against, record by record. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toCollection().primaryKeys().then((keys) => table.bulkGet(keys as never[]))] as const));
  return Object.fromEntries(tables);
}

/** Files that look like plan files: mutated ones, and the plan already in the library under a new guise. */
const file = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(validFile, mutationsArbitrary(PLAN_FIELDS), textDamageArbitrary).map(([f, mutations, damage]) => damaged(mutatedText(f, mutations), damage)) },
  { weight: 1, arbitrary: fc.tuple(mutationsArbitrary(PLAN_FIELDS), fc.boolean()).map(([mutations, mutate]) => {
    const text = serializePlanFile(existing, APP, EXPORTED_AT);
    return mutate ? mutatedText(JSON.parse(text), mutations) : text;
  }) },
);

describe(`importing fuzzed plan files into the store (${RUNS.toLocaleString('en-US')} cases)`, () => {
  it('writes a readable plan whole, and leaves every table unchanged when the file is refused', async () => {
    await fc.assert(fc.asyncProperty(file, fc.constantFrom('add', 'replace', 'keep-both') , async (content, choice) => {
      nextFile = { name: 'fuzzed.roadmap.json', content };
      const before = await snapshot();
      const candidate = await pickImportFile(ctx);
      if (candidate.status !== 'ready') {
        expect(candidate.status).toBe('invalid');
        expect(await snapshot()).toEqual(before);
        return;
      }
      let outcome;
      try {
        // A new plan is added; one already in the library is added (refused), replaced or copied.
        outcome = await applyImport(ctx, candidate.bundle, candidate.existing ? choice : 'add', candidate.history);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect(await snapshot()).toEqual(before);
        return;
      }
      // Written whole: the plan reads back as the file held it (a copy under new ids and name).
      const written = await ctx.store.loadBundle(outcome.planId);
      if (outcome.planId === candidate.bundle.plan.id) expect(normalized(written)).toEqual(normalized(candidate.bundle));
      else expect(written?.schools.length).toBe(candidate.bundle.schools.length);
    }), { numRuns: RUNS, endOnFailure: true });
  }, FUZZ_TEST_TIMEOUT_MS);
});
