import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HTML_COPY_POLICY, htmlCopyDocument, looksLikeHtml, planFileTextFromHtml, type HtmlCopyParts } from '../../../renderer/src/domain/html-copy';
import { bundleFromFile, readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { normalized, samplePlan, withSchools } from './plan-fixtures';
import { HOSTILE_TEXTS, planBundleArbitrary } from '../support/plan-arbitrary';

const APP = { name: 'Roadmap Planner', version: '0.1.0' };
const EXPORTED_AT = '2026-11-23T09:30:00.000Z';
const HOSTILE = HOSTILE_TEXTS.join(' | ');
const LONG_NAME = `${'Riverside Unified “north” ‮school‬ 🏫 '.repeat(20)}`.slice(0, 500);

function parts(overrides: Partial<HtmlCopyParts> = {}): HtmlCopyParts {
  return {
    title: 'Riverside roadmap',
    lang: 'en',
    bodyHtml: '<main><h1>Riverside roadmap</h1></main>',
    css: 'h1 { font-size: 20pt; }',
    planFileText: serializePlanFile(samplePlan(), APP, EXPORTED_AT),
    ...overrides,
  };
}

function extracted(html: string): string {
  const result = planFileTextFromHtml(html);
  if (!result.ok) throw new Error(`no plan read: ${result.summary}`);
  return result.text;
}

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;

/** The text between the first opening tag that starts with `open` and the next `</tag`, as an HTML parser ends raw text. */
function rawTextOf(html: string, open: string, tag: string): string {
  const start = html.indexOf(open);
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.toLowerCase().indexOf(`</${tag}`, from));
}

describe('the read-only copy as a document', () => {
  it('is one page with its charset, a policy that allows no request and no script, and a viewport', () => {
    const html = htmlCopyDocument(parts());
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_COPY_POLICY}">`);
    expect(HTML_COPY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<style>h1 { font-size: 20pt; }</style>');
    expect(html).toContain('<body>\n<main><h1>Riverside roadmap</h1></main>\n</body>');
    // The policy comes before any content it governs: the only things above it are the doctype, html, head and charset.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
    expect(html.indexOf('<meta charset')).toBeLessThan(1024);
    // The only script element is the data block, which a browser never runs.
    expect(count(html, /<script/i)).toBe(1);
    expect(html).toContain('<script type="application/json" id="roadmap-plan-file">');
  });

  it('escapes the title, whatever the plan is called', () => {
    for (const title of [...HOSTILE_TEXTS, HOSTILE, LONG_NAME]) {
      const html = htmlCopyDocument(parts({ title }));
      const inTitle = rawTextOf(html, '<title>', 'title');
      expect(inTitle).not.toMatch(/[<>"']/);
      expect(inTitle.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(title);
      expect(count(html, /<\/title/i)).toBe(1);
    }
  });

  it('keeps a language tag, and writes "en" for anything that is not one', () => {
    expect(htmlCopyDocument(parts({ lang: 'es-MX' }))).toContain('<html lang="es-MX">');
    expect(htmlCopyDocument(parts({ lang: '"><script>' }))).toContain('<html lang="en">');
    expect(htmlCopyDocument(parts({ lang: '' }))).toContain('<html lang="en">');
  });

  it('keeps styles inside their element even when the CSS holds </style>', () => {
    const css = '.a::after { content: "</style><script>alert(1)</script>"; } .b::before { content: "</STYLE "; }';
    const html = htmlCopyDocument(parts({ css }));
    expect(count(html, /<\/style/i)).toBe(1);
    expect(rawTextOf(html, '<style>', 'style')).toBe('.a::after { content: "<\\/style><script>alert(1)</script>"; } .b::before { content: "<\\/STYLE "; }');
  });

  it('carries the plan file so that no text in the plan can end its block or open a comment in it', () => {
    const bundle = withSchools(samplePlan({ name: '</script><!-- "q" \'q\' 🏫 مدرسة' }));
    bundle.plan.vision = `${HOSTILE}\n</script>\n<!--\n</SCRIPT >`;
    bundle.phases = bundle.phases.map((p) => ({ ...p, goal: HOSTILE, gate: '<!--<script>' }));
    const planFileText = serializePlanFile(bundle, APP, EXPORTED_AT);
    const html = htmlCopyDocument(parts({ title: bundle.plan.name, planFileText }));
    const block = rawTextOf(html, '<script type="application/json"', 'script');
    expect(block).not.toContain('<');
    expect(count(html, /<\/script/i)).toBe(1);
    expect(html).not.toContain('<!--');
    // The block is the plan file, as JSON, before it is even unescaped …
    expect(JSON.parse(block)).toEqual(JSON.parse(planFileText));
    // … and reading the copy gives back the very text the native export wrote.
    expect(extracted(html)).toBe(planFileText);
  });

  it('gives back a plan text that already held escapes as it was', () => {
    const planFileText = JSON.stringify({ a: '\\u003c', b: '\\\\u003c', c: '<\\u003c', d: '\\<' });
    expect(extracted(htmlCopyDocument(parts({ planFileText })))).toBe(planFileText);
  });

  it('reads the data block with its attributes in another order or quoting', () => {
    const planFileText = serializePlanFile(samplePlan(), APP, EXPORTED_AT);
    const html = `<!DOCTYPE html><html><head><SCRIPT id=roadmap-plan-file type='application/json'>${planFileText.replace(/</g, '\\u003c')}</SCRIPT></head><body></body></html>`;
    expect(extracted(html)).toBe(planFileText);
  });

  it('says clearly when a web page holds no plan, or holds a damaged one', () => {
    const noPlan = planFileTextFromHtml('<!doctype html><html><head><title>Board agenda</title><script id="roadmap-plan-files">{}</script></head><body><p>Hello</p></body></html>');
    expect(noPlan).toEqual({ ok: false, summary: expect.stringMatching(/^This HTML file is not a Roadmap Planner copy: it holds no plan\./) });
    const html = htmlCopyDocument(parts());
    const cut = html.slice(0, html.indexOf('</script>') - 200);
    expect(planFileTextFromHtml(cut)).toEqual({ ok: false, summary: expect.stringMatching(/^This HTML file is a Roadmap Planner copy, but its plan data is damaged/) });
    const edited = html.replace('"formatVersion": 5,', '"formatVersion": 5');
    expect(planFileTextFromHtml(edited)).toEqual({ ok: false, summary: expect.stringMatching(/its plan data is damaged/) });
  });

  it('reads a page full of unclosed <script tags in linear time (found by the fuzz suite: it took seconds)', () => {
    // 16,000 `<script ` with no `>` took 4.3 s when one pattern looked ahead through every tag.
    const started = performance.now();
    expect(planFileTextFromHtml('<script '.repeat(100_000))).toEqual({ ok: false, summary: expect.stringMatching(/holds no plan/) });
    const planFileText = serializePlanFile(samplePlan(), APP, EXPORTED_AT);
    const crowded = `${'<script x'.repeat(50_000)}><script id="roadmap-plan-file">${planFileText.replace(/</g, '\\u003c')}</script>`;
    expect(extracted(crowded)).toBe(planFileText);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('tells a web page from a plan file by its name or its first characters', () => {
    expect(looksLikeHtml('Riverside – Read-only copy.html', '')).toBe(true);
    expect(looksLikeHtml('copy.HTM', '{}')).toBe(true);
    expect(looksLikeHtml('download', '\uFEFF  \n<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('download', '<html lang="en">')).toBe(true);
    expect(looksLikeHtml('Riverside.roadmap.json', '{ "format": "roadmap-planner.plan" }')).toBe(false);
    expect(looksLikeHtml('notes.txt', '<htmlish>')).toBe(false);
  });
});

describe('round trips (property)', () => {
  it('a generated plan goes through the plan file unchanged', () => {
    fc.assert(fc.property(planBundleArbitrary, (bundle) => {
      const read = readPlanFile(serializePlanFile(bundle, APP, EXPORTED_AT));
      if (!read.ok) throw new Error(`${read.summary} ${JSON.stringify(read.problems)}`);
      expect(normalized(bundleFromFile(read.file))).toEqual(normalized(bundle));
    }), { numRuns: 150 });
  });

  it('a generated plan goes through the read-only copy unchanged, and so does its plan file text', () => {
    fc.assert(fc.property(planBundleArbitrary, fc.constantFrom('en', 'ar', 'es-MX'), (bundle, lang) => {
      const planFileText = serializePlanFile(bundle, APP, EXPORTED_AT);
      const html = htmlCopyDocument({ title: bundle.plan.name, lang, bodyHtml: `<h1>${bundle.plan.name.replace(/[&<>]/g, '')}</h1>`, css: bundle.plan.vision, planFileText });
      const text = extracted(html);
      expect(text).toBe(planFileText);
      const read = readPlanFile(text);
      if (!read.ok) throw new Error(`${read.summary} ${JSON.stringify(read.problems)}`);
      expect(normalized(bundleFromFile(read.file))).toEqual(normalized(bundle));
    }), { numRuns: 150 });
  });
});
