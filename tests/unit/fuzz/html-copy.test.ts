/**
 * Fuzzing the read-only copy's reader (`planFileTextFromHtml`): any page, damaged copies
 * included, gives back the plan file text it carries or says it holds no plan or a damaged one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlCopyDocument, looksLikeHtml, planFileTextFromHtml, type PlanFromHtmlResult } from '../../../renderer/src/domain/html-copy';
import { readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { samplePlan } from '../domain/plan-fixtures';
import { bytesArbitrary, damaged, decodedText, deepArrays, fiftyMegabytes, FUZZ_OPTIONS, FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, mutatedText, mutationsArbitrary, readOnce, textDamageArbitrary } from './fuzz-support';
import { APP, expectAnswer, EXPORTED_AT, PLAN_FIELDS, validFile } from './plan-inputs';

/** Pieces of markup that matter to the reader: the block's tag and id, its end, comments, escapes. */
const MARKUP = [
  '<script', '<SCRIPT ', ' type="application/json"', ' id="roadmap-plan-file"', " id='roadmap-plan-file'", ' id=roadmap-plan-file', ' id="roadmap-plan-files"',
  '>', '</script>', '</script', '<!--', '-->', '\\u003c', '\\\\u003c', '\\', '<', '{', '}', '"', '<!doctype html>', '<html lang="en">', '<style>', '</style>',
];

const html = fc.oneof(
  // A copy the app wrote, of a mutated plan file, damaged.
  { weight: 4, arbitrary: fc.record({
    file: validFile, mutations: mutationsArbitrary(PLAN_FIELDS), damage: textDamageArbitrary,
    title: fc.string({ unit: 'binary', maxLength: 20 }), lang: fc.string({ maxLength: 8 }), body: fc.array(fc.constantFrom(...MARKUP), { maxLength: 6 }).map((p) => p.join('')),
  }).map(({ file, mutations, damage, title, lang, body }) => damaged(htmlCopyDocument({ title, lang, bodyHtml: body, css: body, planFileText: mutatedText(file, mutations) }), damage)) },
  // Pages made of the markup the reader looks for, and anything else.
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...MARKUP), fc.string({ unit: 'binary', maxLength: 10 }), fc.constant('{"format":"roadmap-planner.plan"}')), { maxLength: 30 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: bytesArbitrary.map(decodedText) },
);

function expectHtmlAnswer(result: PlanFromHtmlResult): void {
  if (result.ok) {
    // What it gives back is the plan file text, which the plan file reader then answers.
    expect(() => JSON.parse(result.text) as unknown).not.toThrow();
  } else {
    expect(result.summary).toMatch(/^This HTML file is (not a Roadmap Planner copy|a Roadmap Planner copy, but its plan data is damaged)/);
  }
}

describe(`the read-only copy reader, fuzzed (${FUZZ_RUNS.toLocaleString('en-US')} cases)`, () => {
  it('answers every page with the plan file text or a message, never a throw, a hang or a polluted prototype', () => {
    fc.assert(fc.property(html, (page) => {
      const result = readOnce(page, () => {
        looksLikeHtml('copy.html', page);
        return planFileTextFromHtml(page);
      });
      // The plan file text it gives back is the plan file reader's to answer, fuzzed on its own.
      expectHtmlAnswer(result);
    }), FUZZ_OPTIONS);
  }, FUZZ_TEST_TIMEOUT_MS);

  it('answers pages with deep nesting in the data block', () => {
    for (const planFileText of [deepArrays(100_000), deepArrays(100_000, false), `{"format":"roadmap-planner.plan","__proto__":${deepArrays(100_000)}}`]) {
      const page = htmlCopyDocument({ title: 't', lang: 'en', bodyHtml: '', css: '', planFileText });
      const result = readOnce(page, () => planFileTextFromHtml(page));
      expectHtmlAnswer(result);
      if (result.ok) expectAnswer(readOnce(result.text, () => readPlanFile(result.text)));
    }
  });

  it('answers 50 MB pages within the limit: a copy with a huge body, and a page of unclosed <script tags', () => {
    const planFileText = serializePlanFile(samplePlan(), APP, EXPORTED_AT);
    const copy = htmlCopyDocument({ title: 'Riverside', lang: 'en', bodyHtml: fiftyMegabytes('<p>Blended learning <script x</p>\n'), css: '', planFileText });
    expect(readOnce(`${copy.length} characters`, () => planFileTextFromHtml(copy))).toEqual({ ok: true, text: planFileText });
    const hostile = fiftyMegabytes('<script ');
    expect(readOnce(`${hostile.length} characters of <script`, () => planFileTextFromHtml(hostile))).toMatchObject({ ok: false });
  }, 60_000);
});
