/**
 * The text a CSS string holds, written as a quoted CSS string: quotes, backslashes and line
 * breaks escaped, and "<" too, so that the rule can never end the <style> element it sits in
 * when the page is saved as HTML. A plan's name goes in the page margins this way.
 */
export function cssString(text: string): string {
  const escaped = [...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\' || ch === '<' || ch === '>' || ch === '&' || code < 0x20 || code === 0x7f) return `\\${code.toString(16)} `;
    return ch;
  }).join('');
  return `"${escaped}"`;
}

/** At most this much of a plan's name goes in the page margin. */
const NAME_MAX_CHARS = 90;

/**
 * The page rules that name the plan: its name at the bottom left of every page and "Page N of
 * M" at the bottom right, on portrait and landscape ("wide") pages alike.
 */
export function pageRules(planName: string): string {
  const chars = [...planName];
  // A very long name would crowd out the page number: the margin holds its start.
  const shown = chars.length > NAME_MAX_CHARS ? `${chars.slice(0, NAME_MAX_CHARS - 1).join('')}…` : planName;
  const margins = `@bottom-left { content: ${cssString(shown)}; } @bottom-right { content: "Page " counter(page) " of " counter(pages); }`;
  return `@page { ${margins} }\n@page wide { ${margins} }`;
}
