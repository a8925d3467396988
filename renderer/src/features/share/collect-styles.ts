/**
 * What the read-only copy takes from the rendered page: the CSS rules the shown content uses,
 * and the content's HTML without screen-only controls or anything that would make a request.
 *
 * Rules are read through the CSS object model (`cssRules`), not from `<style>` text: a
 * production build inserts its rules with `insertRule`, which leaves the style tags empty.
 */

/** Dynamic states and generated boxes: dropped from a selector before testing it against the still page. */
const STATE_PSEUDO_CLASSES = new Set([
  'hover', 'focus', 'focus-visible', 'focus-within', 'active', 'visited', 'link', 'any-link', 'target', 'target-within',
  'user-invalid', 'user-valid', 'autofill', '-webkit-autofill',
]);
/** Pseudo-elements that may be written with one colon (CSS 2). */
const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

/**
 * The selector with pseudo-elements and state pseudo-classes removed at its top level, so
 * `.chip:hover::after` is tested as `.chip`: a rule for a state or a generated box matters
 * when its element is in the content. Inside `:not(…)`, `:is(…)` and the like they stay: a
 * still page is never hovered, so `:not(:hover)` tests true as written. A compound left empty
 * becomes `*`.
 */
export function staticSelector(selector: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i += 1) {
    const ch = selector.charAt(i);
    if (quote) {
      out += ch;
      if (ch === '\\') out += selector.charAt(++i);
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '\\') {
      out += ch + selector.charAt(++i);
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === '(' || ch === '[') depth += 1;
    if (ch === ')' || ch === ']') depth -= 1;
    if (ch === ':' && depth === 0) {
      const match = /^(::?)(-?[A-Za-z][\w-]*)/.exec(selector.slice(i));
      const name = (match?.[2] ?? '').toLowerCase();
      if (match && (match[1] === '::' || LEGACY_PSEUDO_ELEMENTS.has(name) || STATE_PSEUDO_CLASSES.has(name))) {
        i += match[0].length - 1;
        // A functional pseudo-element (`::part(x)`, `::slotted(x)`) goes with its argument.
        if (selector.charAt(i + 1) === '(') i = closingParen(selector, i + 1);
        const before = out.slice(-1);
        const after = selector.charAt(i + 1);
        if ((before === '' || /[\s>+~,(]/.test(before)) && (after === '' || /[\s>+~,)]/.test(after))) out += '*';
        continue;
      }
    }
    out += ch;
  }
  return out.trim();
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text.charAt(i) === '(') depth += 1;
    if (text.charAt(i) === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

/**
 * The parts of a selector list at its top level, and each part's last compound (the element
 * it selects): `.a > .b:not(.c), .d` gives `.a > .b:not(.c)` and `.d`, whose subjects are
 * `.b:not(.c)` and `.d`.
 */
function branches(selector: string): { branch: string; subject: string }[] {
  const out: { branch: string; subject: string }[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let subjectStart = 0;
  for (let i = 0; i < selector.length; i += 1) {
    const ch = selector.charAt(i);
    if (ch === '\\') i += 1;
    else if (quote) { if (ch === quote) quote = null; }
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (depth === 0 && ch === ',') {
      out.push({ branch: selector.slice(start, i).trim(), subject: selector.slice(subjectStart, i).trim() });
      start = i + 1;
      subjectStart = i + 1;
    } else if (depth === 0 && /[\s>+~]/.test(ch)) subjectStart = i + 1;
  }
  out.push({ branch: selector.slice(start).trim(), subject: selector.slice(subjectStart).trim() });
  return out;
}

/** The classes a compound requires of its element, outside any parentheses; null when it cannot tell (escapes). */
function requiredClasses(compound: string): string[] | null {
  if (compound.includes('\\')) return null;
  const classes: string[] = [];
  let depth = 0;
  for (let i = 0; i < compound.length; i += 1) {
    const ch = compound.charAt(i);
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (ch === '.' && depth === 0) {
      const name = /^-?[_a-zA-Z\u00A0-\uFFFF][\w\u00A0-\uFFFF-]*/.exec(compound.slice(i + 1));
      if (name) classes.push(name[0]);
    }
  }
  return classes;
}

interface Scope {
  root: Element;
  ancestors: readonly Element[];
  /** Every class on the root, its ancestors and inside it. */
  classes: ReadonlySet<string>;
}

/**
 * The part of a selector list that could match where only `classes` are present, or null when
 * no part could: a part whose element must have a class that is nowhere is left out. Most rules
 * of a styled app are for classes the content does not have, and ruling them out this way
 * saves searching the whole content for each one.
 */
export function candidateSelector(selector: string, classes: ReadonlySet<string>): string | null {
  const possible = branches(selector).filter(({ subject }) => requiredClasses(subject)?.every((c) => classes.has(c)) ?? true);
  return possible.length > 0 ? possible.map((b) => b.branch).join(', ') : null;
}

/** True when the selector matches the root, one of its ancestors (body, html) or anything inside it. */
function selectorMatters(selectorText: string, { root, ancestors, classes }: Scope): boolean {
  const candidate = candidateSelector(staticSelector(selectorText), classes);
  if (candidate === null) return false;
  try {
    return root.matches(candidate) || root.querySelector(candidate) !== null || ancestors.some((a) => a.matches(candidate));
  } catch {
    // A selector the engine accepts in a style sheet but not in `matches` (a vendor form, a
    // newer pseudo-class): better a rule too many than content without its styles.
    return true;
  }
}

/** A `url(…)` that is not a `data:` URL: it would make a request. */
const EXTERNAL_URL = /url\(\s*(?!["']?\s*data:)/i;

/** The rule's text, without declarations that would fetch something (the copy makes no request). */
function styleRuleText(rule: CSSStyleRule): string {
  if (!EXTERNAL_URL.test(rule.cssText)) return rule.cssText;
  const declarations: string[] = [];
  for (let i = 0; i < rule.style.length; i += 1) {
    const property = rule.style.item(i);
    const value = rule.style.getPropertyValue(property);
    if (EXTERNAL_URL.test(value)) continue;
    const priority = rule.style.getPropertyPriority(property);
    declarations.push(`${property}: ${value}${priority ? ` !${priority}` : ''};`);
  }
  return declarations.length > 0 ? `${rule.selectorText} { ${declarations.join(' ')} }` : '';
}

function animationNames(rule: CSSStyleRule): string[] {
  return rule.style.getPropertyValue('animation-name').split(',').map((name) => name.trim()).filter((name) => name && name !== 'none');
}

interface Collected {
  css: string[];
  keyframes: Map<string, string>;
  usedAnimations: Set<string>;
}

function collectRules(rules: CSSRuleList, scope: Scope, into: Collected): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule) {
      if (!selectorMatters(rule.selectorText, scope)) continue;
      const text = styleRuleText(rule);
      if (text) into.css.push(text);
      for (const name of animationNames(rule)) into.usedAnimations.add(name);
    } else if (rule instanceof CSSPageRule) {
      // Before the grouping rules: an @page rule is one too (for its margin boxes), but it is taken whole.
      into.css.push(rule.cssText);
    } else if (rule instanceof CSSFontFaceRule) {
      // A web font is a request; the copy reads in the reader's system fonts.
      continue;
    } else if (rule instanceof CSSImportRule) {
      // The imported sheet is taken in whole, inside its media condition.
      const inner: Collected = { css: [], keyframes: into.keyframes, usedAnimations: into.usedAnimations };
      try {
        if (rule.styleSheet) collectRules(rule.styleSheet.cssRules, scope, inner);
      } catch {
        // A sheet from another origin cannot be read: nothing to take from it.
      }
      const media = rule.media.mediaText;
      if (inner.css.length > 0) into.css.push(media ? `@media ${media} {\n${inner.css.join('\n')}\n}` : inner.css.join('\n'));
    } else if (rule instanceof CSSKeyframesRule) {
      into.keyframes.set(rule.name, rule.cssText);
    } else if (rule instanceof CSSGroupingRule) {
      // @media (print and screen alike), @supports, @layer, @container: the wrapper, with the rules inside it that matter.
      const inner: Collected = { css: [], keyframes: into.keyframes, usedAnimations: into.usedAnimations };
      collectRules(rule.cssRules, scope, inner);
      const header = rule.cssText.slice(0, rule.cssText.indexOf('{')).trim();
      if (inner.css.length > 0) into.css.push(`${header} {\n${inner.css.join('\n')}\n}`);
    } else if (rule instanceof CSSNamespaceRule) {
      continue;
    } else if (!EXTERNAL_URL.test(rule.cssText)) {
      // @page, @property, @counter-style and the like: small, and they apply as written.
      into.css.push(rule.cssText);
    }
  }
}

/**
 * The CSS the content under `root` needs, from every style sheet of its document: style
 * rules whose selector matches the root, an ancestor (html, body) or an element inside it,
 * the @media (and other conditional) wrappers around them, @page, and the @keyframes those
 * rules use. @font-face is left out, and so is any declaration that would load a URL.
 */
export function collectReportCss(root: Element): string {
  const ancestors: Element[] = [];
  for (let el = root.parentElement; el; el = el.parentElement) ancestors.push(el);
  const classes = new Set<string>();
  for (const el of [root, ...ancestors, ...Array.from(root.querySelectorAll('[class]'))]) el.classList.forEach((c) => classes.add(c));
  const scope: Scope = { root, ancestors, classes };
  const collected: Collected = { css: [], keyframes: new Map(), usedAnimations: new Set() };
  for (const sheet of Array.from(root.ownerDocument.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    if (sheet.disabled) continue;
    const inner: Collected = { css: [], keyframes: collected.keyframes, usedAnimations: collected.usedAnimations };
    collectRules(rules, scope, inner);
    const media = sheet.media.mediaText;
    if (inner.css.length > 0) collected.css.push(media && media !== 'all' ? `@media ${media} {\n${inner.css.join('\n')}\n}` : inner.css.join('\n'));
  }
  const keyframes = [...collected.keyframes].filter(([name]) => collected.usedAnimations.has(name)).map(([, text]) => text);
  return [...collected.css, ...keyframes].join('\n');
}

/**
 * Elements that run, embed or fetch something, or only work on screen: not in the copy. Style
 * elements go too: their rules are in the document's style sheets, taken with the others.
 */
const REMOVED_ELEMENTS = 'script, noscript, template, style, iframe, frame, frameset, object, embed, applet, link, meta, base, video, audio, source, track, portal, dialog:not([open])';
/** Attributes that point somewhere; kept only for a `#fragment` (or a `data:` URL, which fetches nothing). */
const URL_ATTRIBUTES = ['src', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'cite', 'longdesc', 'ping', 'manifest', 'data'];
/** Attributes that only mean something to a live control. */
const CONTROL_ATTRIBUTES = ['type', 'name', 'value', 'disabled', 'form', 'formaction', 'formmethod', 'formtarget', 'formnovalidate', 'formenctype', 'autofocus', 'role'];
/** Attributes of interaction, on any element: the copy has nothing to focus, press, drag or open. */
const INTERACTION_ATTRIBUTES = new Set([
  'tabindex', 'accesskey', 'draggable', 'contenteditable', 'aria-pressed', 'aria-expanded', 'aria-haspopup', 'aria-controls', 'aria-activedescendant',
  'aria-disabled', 'aria-keyshortcuts', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext', 'aria-readonly', 'aria-required',
]);
/** Roles of controls: an element drawn as one (a bar, a chip, a list) is read as what it shows, not as something to operate. */
const CONTROL_ROLES = new Set([
  'button', 'checkbox', 'radio', 'switch', 'slider', 'spinbutton', 'textbox', 'searchbox', 'combobox', 'listbox', 'option',
  'menu', 'menubar', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'tablist', 'scrollbar', 'link',
]);

function keepsUrl(value: string): boolean {
  const url = value.trim();
  return url.startsWith('#') || /^data:/i.test(url);
}

/** A plain element with the control's content and look (classes, inline style, label). */
function replaceWith(el: Element, tagName: string, content?: string): Element {
  const plain = el.ownerDocument.createElement(tagName);
  for (const attribute of Array.from(el.attributes)) {
    if (!CONTROL_ATTRIBUTES.includes(attribute.name)) plain.setAttribute(attribute.name, attribute.value);
  }
  if (content === undefined) plain.append(...Array.from(el.childNodes));
  else plain.textContent = content;
  el.replaceWith(plain);
  return plain;
}

/** A control as the text it shows: a field's value, a box's tick, a list's chosen option. */
function controlAsText(el: Element): void {
  if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.getAttribute('aria-hidden') === 'true') {
    // A hidden field (behind a drawn list box, or measuring a growing text box) repeats what is shown beside it.
    el.remove();
  } else if (el instanceof HTMLInputElement) {
    if (el.type === 'hidden' || el.type === 'file' || el.type === 'image') el.remove();
    else if (el.type === 'checkbox' || el.type === 'radio') replaceWith(el, 'span', el.checked ? '☑' : '☐');
    else replaceWith(el, 'span', el.value);
  } else if (el instanceof HTMLSelectElement) {
    replaceWith(el, 'span', Array.from(el.selectedOptions).map((o) => o.text).join(', '));
  } else if (el instanceof HTMLTextAreaElement) {
    // The box's height was set for the screen (it grows as one types): the text sets it now.
    const text = replaceWith(el, 'div', el.value) as HTMLElement;
    text.style.height = 'auto';
    text.style.whiteSpace = 'pre-wrap';
    text.style.overflowWrap = 'anywhere';
  } else if (el.localName === 'button') {
    replaceWith(el, 'span');
  } else if (el.localName === 'form') {
    replaceWith(el, 'div');
  } else if (el.localName === 'canvas' || el.localName === 'img') {
    // A drawing or picture the copy cannot carry is replaced by its description.
    const label = el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? '';
    if (label) replaceWith(el, 'span', label);
    else el.remove();
  }
}

/**
 * The HTML of `root` for the copy: screen-only parts (marked `data-copy="omit"`) left out,
 * scripts and embeds removed, controls turned into the text they show (and elements drawn as
 * controls no longer announced as ones), and every link or
 * source that is not a `#fragment` or a `data:` URL dropped, so the page requests nothing.
 * The live page is not touched.
 */
export function serializeForCopy(root: Element): string {
  const liveCanvases = Array.from(root.querySelectorAll('canvas'));
  const liveControls = Array.from(root.querySelectorAll('input, select, textarea'));
  const copy = root.cloneNode(true) as Element;
  // A canvas clones blank: carry its drawing over as a picture while the live one is at hand.
  Array.from(copy.querySelectorAll('canvas')).forEach((canvas, i) => {
    const live = liveCanvases[i];
    try {
      if (live) {
        const picture = copy.ownerDocument.createElement('img');
        picture.setAttribute('src', live.toDataURL('image/png'));
        picture.setAttribute('alt', canvas.getAttribute('aria-label') ?? '');
        for (const name of ['class', 'style', 'width', 'height']) {
          const value = canvas.getAttribute(name);
          if (value !== null) picture.setAttribute(name, value);
        }
        canvas.replaceWith(picture);
      }
    } catch {
      // A canvas that cannot be read (drawn from another origin) falls back to its label below.
    }
  });
  // A clone keeps attributes, not what was typed or chosen since: take the state from the live controls.
  Array.from(copy.querySelectorAll('input, select, textarea')).forEach((control, i) => {
    const live = liveControls[i];
    if (control instanceof HTMLInputElement && live instanceof HTMLInputElement) {
      control.value = live.value;
      control.checked = live.checked;
    } else if (control instanceof HTMLTextAreaElement && live instanceof HTMLTextAreaElement) {
      control.value = live.value;
    } else if (control instanceof HTMLSelectElement && live instanceof HTMLSelectElement) {
      Array.from(control.options).forEach((option, j) => { option.selected = live.options[j]?.selected ?? false; });
    }
  });

  const inCopy = (selector: string) => [copy, ...Array.from(copy.querySelectorAll(selector))].filter((el) => el.matches(selector));
  for (const el of inCopy('[data-copy="omit"]')) el.remove();
  for (const el of inCopy(REMOVED_ELEMENTS)) el.remove();
  for (const el of inCopy('input, select, textarea, button, form')) controlAsText(el);
  for (const el of inCopy('*')) {
    for (const attribute of Array.from(el.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcset' || name === 'nonce' || INTERACTION_ATTRIBUTES.has(name)) el.removeAttribute(attribute.name);
      else if (name === 'role' && CONTROL_ROLES.has(attribute.value.trim().toLowerCase())) el.removeAttribute(attribute.name);
      else if (URL_ATTRIBUTES.includes(name) && !keepsUrl(attribute.value)) el.removeAttribute(attribute.name);
      else if (name === 'style' && EXTERNAL_URL.test(attribute.value)) el.setAttribute('style', withoutExternalUrls(el as HTMLElement));
    }
    if (el.localName === 'img' && !el.hasAttribute('src')) controlAsText(el);
  }
  return copy.outerHTML;
}

/** An inline style without the declarations that would load a URL. */
function withoutExternalUrls(el: HTMLElement | SVGElement): string {
  const style = el.style;
  const kept: string[] = [];
  for (let i = 0; i < style.length; i += 1) {
    const property = style.item(i);
    const value = style.getPropertyValue(property);
    if (!EXTERNAL_URL.test(value)) kept.push(`${property}: ${value}${style.getPropertyPriority(property) ? ' !important' : ''}`);
  }
  return kept.join('; ');
}
