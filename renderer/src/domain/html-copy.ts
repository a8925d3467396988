/**
 * The read-only copy: the plan as one self-contained web page that any browser opens and
 * prints, with no script and no request to a network or a file. The page carries the plan
 * file inside it, so Import restores the plan exactly from the page alone.
 *
 * The page's own Content-Security-Policy forbids everything but inline styles and `data:`
 * images: a reader can check that opening it cannot reach anywhere, and a copy that somehow
 * held a script or a remote image would still run or fetch nothing.
 */

/** The policy written into every copy. */
export const HTML_COPY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** The id of the data block that holds the plan file. */
export const PLAN_DATA_BLOCK_ID = 'roadmap-plan-file';
export const HTML_COPY_EXTENSION = 'html';

export interface HtmlCopyParts {
  /** The page title (a browser tab, a printout's header). */
  title: string;
  /** The language of the content, as in `<html lang>`: "en", "es-MX". */
  lang: string;
  /** The content: HTML that goes inside `<body>`, already serialized and free of scripts. */
  bodyHtml: string;
  /** The styles the content needs. */
  css: string;
  /** The plan file, exactly as the native export writes it. */
  planFileText: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A language tag as `<html lang>` takes it; anything else becomes "en" rather than a broken attribute. */
function languageTag(lang: string): string {
  const tag = lang.trim();
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'en';
}

/**
 * CSS as the content of a `<style>` element. The element ends at the first `</style`, in any
 * case, whatever CSS syntax surrounds it; `<\/style` is the same text to CSS (a backslash
 * before a character that is not a hex digit stands for that character) and ends nothing.
 */
function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The plan file as the content of a JSON data block. A data block is never run, but the
 * HTML parser still ends it at the first `</script` and treats `<!--` specially inside it;
 * `<` only ever appears inside JSON strings, where `\u003c` is the same character, so
 * writing every `<` that way makes both impossible and leaves the JSON value unchanged.
 */
function dataBlockText(planFileText: string): string {
  return planFileText.replace(/</g, '\\u003c');
}

/** The whole page. */
export function htmlCopyDocument({ title, lang, bodyHtml, css, planFileText }: HtmlCopyParts): string {
  // The charset comes first (browsers look for it in the first 1,024 bytes) and the policy
  // before anything it governs. The data block sits in the head, before any content: the
  // first block with its id is always this one, whatever text the plan holds.
  return [
    '<!doctype html>',
    `<html lang="${languageTag(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_COPY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Roadmap Planner">',
    `<title>${escapeHtml(title)}</title>`,
    `<script type="application/json" id="${PLAN_DATA_BLOCK_ID}">${dataBlockText(planFileText)}</script>`,
    `<style>${styleText(css)}</style>`,
    '</head>',
    '<body>',
    bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export type PlanFromHtmlResult = { ok: true; text: string } | { ok: false; summary: string };

/**
 * The opening tag of the data block, with its attributes in any order and any quoting. Only
 * pages this app writes need to round-trip; a page re-saved by a browser ("Save page as")
 * keeps the block's text as it is, so it usually still reads, but that is not promised.
 */
const SCRIPT_TAG_START = /<script\b/gi;
const DATA_BLOCK_ID = new RegExp(`\\bid\\s*=\\s*["']?${PLAN_DATA_BLOCK_ID}(?:["'\\s]|$)`, 'i');
/** Longer than any opening tag this app writes, or a browser re-saving the page would. */
const TAG_MAX = 4096;
const DATA_BLOCK_END = /<\/script/i;
/** A JSON escape: an escaped backslash (kept, so `\\u003c` stays as it is) or an escaped `<`. */
const ESCAPED_LESS_THAN = /\\\\|\\u003c/gi;

const NO_PLAN = 'This HTML file is not a Roadmap Planner copy: it holds no plan. Import a plan file (.roadmap.json) or a read-only copy saved from Roadmap Planner.';
const DAMAGED = 'This HTML file is a Roadmap Planner copy, but its plan data is damaged (cut short or edited), so the plan cannot be read from it. Import the plan file (.roadmap.json) instead, or save a new copy from the plan.';

/**
 * Where the data block's content starts (just after its opening tag), or null. A scan, not one
 * regular expression: a pattern that looks ahead through a tag's attributes backtracks over the
 * rest of the text at every `<script`, and a hostile page of them without a `>` took minutes.
 * Here each `<script` costs only its own tag, and the next `>` is looked for once per tag.
 */
function dataBlockStart(html: string): number | null {
  SCRIPT_TAG_START.lastIndex = 0;
  let close = -1;
  for (let match = SCRIPT_TAG_START.exec(html); match; match = SCRIPT_TAG_START.exec(html)) {
    const attributesFrom = match.index + match[0].length;
    if (close < attributesFrom) close = html.indexOf('>', attributesFrom);
    if (close === -1) return null;
    if (close - attributesFrom <= TAG_MAX && DATA_BLOCK_ID.test(html.slice(attributesFrom, close))) return close + 1;
  }
  return null;
}

/** The plan file inside a read-only copy, as the text the native export wrote. */
export function planFileTextFromHtml(html: string): PlanFromHtmlResult {
  const from = dataBlockStart(html);
  if (from === null) return { ok: false, summary: NO_PLAN };
  const end = DATA_BLOCK_END.exec(html.slice(from));
  if (!end) return { ok: false, summary: DAMAGED };
  const text = html.slice(from, from + end.index).replace(ESCAPED_LESS_THAN, (escape) => (escape === '\\\\' ? escape : '<'));
  // Anything that is not JSON is damage to the copy, not a problem in the plan: say so here,
  // rather than give a line number inside a block the planner never sees.
  try {
    JSON.parse(text);
  } catch {
    return { ok: false, summary: DAMAGED };
  }
  return { ok: true, text };
}

/** True when a file opened for import looks like a web page rather than a plan file. */
export function looksLikeHtml(fileName: string, text: string): boolean {
  if (/\.html?$/i.test(fileName.trim())) return true;
  return /^[\s\uFEFF]*<(!doctype|html[\s>])/i.test(text.slice(0, 1024));
}
