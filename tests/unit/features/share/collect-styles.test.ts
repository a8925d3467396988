import { describe, expect, it } from 'vitest';
import { candidateSelector, staticSelector } from '../../../../renderer/src/features/share/collect-styles';

describe('selectors tested against the still page', () => {
  it('drops states and generated boxes, keeping what selects the element', () => {
    expect(staticSelector('.chip:hover')).toBe('.chip');
    expect(staticSelector('.chip:hover::after')).toBe('.chip');
    expect(staticSelector('.MuiButton-root:focus-visible .label:before')).toBe('.MuiButton-root .label');
    expect(staticSelector('a:visited, a:link')).toBe('a, a');
    expect(staticSelector('input::placeholder')).toBe('input');
    expect(staticSelector('::-webkit-scrollbar')).toBe('*');
    expect(staticSelector('::selection')).toBe('*');
    expect(staticSelector('.host::part(label)')).toBe('.host');
  });

  it('puts * where a compound is left empty, so the combinators keep their meaning', () => {
    expect(staticSelector(':hover > .a')).toBe('* > .a');
    expect(staticSelector('.a :focus')).toBe('.a *');
    expect(staticSelector('.a > :hover + .b')).toBe('.a > * + .b');
    expect(staticSelector('.a,:hover')).toBe('.a,*');
  });

  it('leaves structural pseudo-classes, and anything inside parentheses, brackets or quotes', () => {
    expect(staticSelector('li:first-child:not(:hover)')).toBe('li:first-child:not(:hover)');
    expect(staticSelector('.a:is(:focus, .b)')).toBe('.a:is(:focus, .b)');
    expect(staticSelector('[data-x=":hover"]::after')).toBe('[data-x=":hover"]');
    expect(staticSelector('.a\\:hover:hover')).toBe('.a\\:hover');
    expect(staticSelector('tr:nth-of-type(2n+1) td')).toBe('tr:nth-of-type(2n+1) td');
  });
});

describe('ruling out rules by class before searching the content', () => {
  const present = new Set(['report', 'css-abc', 'MuiTable-root']);

  it('keeps the parts of a list whose element could be present, and rules out the rest', () => {
    expect(candidateSelector('.css-abc', present)).toBe('.css-abc');
    expect(candidateSelector('.css-zzz', present)).toBeNull();
    expect(candidateSelector('.css-zzz, .report td', present)).toBe('.report td');
    expect(candidateSelector('.MuiTable-root.css-abc > tr', present)).toBe('.MuiTable-root.css-abc > tr');
    expect(candidateSelector('.report > .css-zzz', present)).toBeNull();
    // Only the element's own classes count: an ancestor's class may be outside what is known.
    expect(candidateSelector('.unknown-ancestor .css-abc', present)).toBe('.unknown-ancestor .css-abc');
  });

  it('does not rule out what it cannot read: classes inside :not(), attribute values, escapes', () => {
    expect(candidateSelector('td:not(.css-zzz)', present)).toBe('td:not(.css-zzz)');
    expect(candidateSelector('[title="a, .b)"] .css-abc', present)).toBe('[title="a, .b)"] .css-abc');
    expect(candidateSelector('.md\\:flex', present)).toBe('.md\\:flex');
    expect(candidateSelector('*', present)).toBe('*');
  });
});
