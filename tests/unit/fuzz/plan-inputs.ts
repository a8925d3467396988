/**
 * Plan files for the fuzz suite: the plan file's field names, valid files as the app writes
 * them (to mutate), anything a picked file may hold, and what every answer to one must be.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { bundleFromFile, PLAN_FILE_FORMAT, serializePlanFile, type ReadPlanFileResult } from '../../../renderer/src/domain/plan-file';
import { planBundleArbitrary } from '../support/plan-arbitrary';
import { bytesArbitrary, damaged, decodedText, jsonTextArbitrary, mutatedText, mutationsArbitrary, textDamageArbitrary } from './fuzz-support';

export const APP = { name: 'Roadmap Planner', version: '0.1.0' };
export const EXPORTED_AT = '2026-11-23T09:30:00.000Z';

/** The plan file's own field names, so random objects often look like parts of one. */
export const PLAN_FIELDS = [
  'format', 'formatVersion', 'exportedAt', 'app', 'plan', 'phases', 'areas', 'stances', 'positions', 'milestones', 'outcomes', 'indicators',
  'schools', 'waves', 'fundingSources', 'allocations', 'journal', 'revisions', 'id', 'planId', 'phaseId', 'areaId', 'waveId', 'schoolId',
  'sourceId', 'name', 'order', 'start', 'end', 'values', 'targets', 'recipient', 'kind', 'data', 'createdAt',
];

/**
 * Plan files as the app writes them, some with a journal and revisions that are random JSON:
 * a pool made once from a fixed seed (making a plan is most of a case's cost; the mutations
 * give the variety), so a failing case still replays from its seed.
 */
const VALID_FILES: readonly unknown[] = fc.sample(
  fc.tuple(planBundleArbitrary, fc.option(fc.array(jsonTextArbitrary(PLAN_FIELDS), { maxLength: 3 }), { nil: undefined })),
  { numRuns: 60, seed: 20261130 },
).map(([bundle, revisions]) => JSON.parse(serializePlanFile(bundle, APP, EXPORTED_AT, revisions ? { journal: [], revisions: revisions.map((r) => JSON.parse(r) as unknown) } : undefined)) as unknown);
export const validFile = fc.constantFrom(...VALID_FILES);

/** Anything a file picked for import may hold. */
export const planFileText = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(validFile, mutationsArbitrary(PLAN_FIELDS), textDamageArbitrary).map(([file, mutations, damage]) => damaged(mutatedText(file, mutations), damage)) },
  { weight: 2, arbitrary: jsonTextArbitrary(PLAN_FIELDS) },
  // Random JSON inside a file that says it is a plan file, so it gets past the first checks.
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom(...PLAN_FIELDS), jsonTextArbitrary(PLAN_FIELDS)), { maxLength: 8 })
    .map((entries) => `{"format":"${PLAN_FILE_FORMAT}","formatVersion":5,${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`.replace(',}', '}')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: bytesArbitrary.map(decodedText) },
);

/** What every answer must be: a plan the app can write back, or a summary with every problem in words. */
export function expectAnswer(result: ReadPlanFileResult): void {
  if (result.ok) {
    // A plan that reads must be one the app can save again.
    expect(() => serializePlanFile(bundleFromFile(result.file), APP, EXPORTED_AT)).not.toThrow();
    return;
  }
  expect(result.summary).toMatch(/\S/);
  expect(result.problems.length > 0 || !/has problems/.test(result.summary)).toBe(true);
  for (const problem of result.problems) {
    expect(typeof problem.where).toBe('string');
    expect(problem.message).toMatch(/\S/);
  }
}

