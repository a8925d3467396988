import { describe, expect, it } from 'vitest';
import { cssString, pageRules } from '../../../../../renderer/src/features/share/report/page-style';

describe('the plan name in the page margins', () => {
  it('writes a CSS string that cannot end the string or the style element', () => {
    expect(cssString('Riverside roadmap')).toBe('"Riverside roadmap"');
    expect(cssString('Say "hi" \\ </style><script>')).toBe('"Say \\22 hi\\22  \\5c  \\3c /style\\3e \\3c script\\3e "');
    expect(cssString('two\nlines')).toBe('"two\\a lines"');
    expect(cssString('Peña ☀️ مدرسة')).toBe('"Peña ☀️ مدرسة"');
  });

  it('puts the name and "Page N of M" on portrait and landscape pages, and shortens a very long name', () => {
    const rules = pageRules('Riverside');
    expect(rules).toContain('@page { @bottom-left { content: "Riverside"; }');
    expect(rules).toContain('@page wide {');
    expect(rules).toContain('"Page " counter(page) " of " counter(pages)');
    const long = pageRules('x'.repeat(500));
    expect(long).toContain(`"${'x'.repeat(89)}…"`);
    expect(long).not.toContain('x'.repeat(90));
  });
});
