/**
 * Fuzzing the plan file reader (`readPlanFile`), which also reads backups and the plan file a
 * read-only copy carries: every input ends in a plan or in a message saying where the problem is.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAN_FILE_FORMAT, readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { samplePlan, withSchools } from '../domain/plan-fixtures';
import { deepArrays, deepObjects, fiftyMegabytes, FUZZ_OPTIONS, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, readOnce } from './fuzz-support';
import { APP, expectAnswer, EXPORTED_AT, planFileText } from './plan-inputs';

describe(`the plan file reader, fuzzed (${FUZZ_RUNS.toLocaleString('en-US')} cases)`, () => {
  it('answers every file with a plan or a message saying where, never a throw, a hang or a polluted prototype', () => {
    fc.assert(fc.property(planFileText, (text) => {
      expectAnswer(readOnce(text, () => readPlanFile(text)));
    }), FUZZ_OPTIONS);
  }, FUZZ_TEST_TIMEOUT_MS);

  it('refuses deep nesting anywhere in the file, closed or left open', () => {
    const file = serializePlanFile(samplePlan(), APP, EXPORTED_AT);
    const inputs = [
      deepArrays(100_000), deepArrays(100_000, false), deepObjects(100_000), deepObjects(100_000, '__proto__'),
      file.replace('"phases": [', `"phases": [${deepArrays(100_000)},`),
      file.replace('"plan": {', `"plan": {"vision": ${deepObjects(100_000, 'constructor')}, "x":`),
      file.replace('"revisions"', '"ignored"').replace(/\n}\n$/, `,\n"journal": ${deepArrays(100_000)},\n"revisions": ${deepArrays(100_000)}\n}\n`),
    ];
    for (const text of inputs) {
      const result = readOnce(text, () => readPlanFile(text));
      expect(result.ok).toBe(false);
      expectAnswer(result);
    }
  });

  it('reads hostile keys at every level as data, never onto a prototype', () => {
    const file = JSON.parse(serializePlanFile(withSchools(samplePlan()), APP, EXPORTED_AT)) as Record<string, unknown>;
    const poison = '{"polluted":"yes","prototype":{"polluted":"yes"}}';
    // Every object in the file gets a __proto__ and a constructor key holding a payload.
    const text = JSON.stringify(file, null, 1).replace(/\{\n/g, `{\n"__proto__": ${poison}, "constructor": {"prototype": ${poison}},\n`);
    const result = readOnce(text, () => readPlanFile(text));
    expectAnswer(result);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a 50 MB file within the limit', () => {
    // A valid file whose vision is about 50 MB of text, built here rather than committed.
    const file = serializePlanFile(samplePlan(), APP, EXPORTED_AT);
    const huge = file.replace(/"vision": "[^"]*"/, () => `"vision": "${fiftyMegabytes('Blended learning for every school. ')}"`);
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    const result = readOnce(`${huge.length} characters`, () => readPlanFile(huge));
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ where: 'plan › vision' })] });
    // And 50 MB of one unclosed string.
    const cut = `{"format": "${PLAN_FILE_FORMAT}", "formatVersion": 5, "plan": "${fiftyMegabytes('x')}`;
    expect(readOnce('50 MB unclosed', () => readPlanFile(cut))).toMatchObject({ ok: false, summary: expect.stringMatching(/not valid JSON/) });
  }, 60_000);
});
