import { describe, expect, it } from 'vitest';
import { safeFileStem, shareFileName } from '../../../renderer/src/domain/file-names';

describe('shareFileName', () => {
  it('names the file for the plan and what it holds', () => {
    expect(shareFileName('Riverside roadmap', 'Calendar', 'ics')).toBe('Riverside roadmap – Calendar.ics');
  });

  it('makes the plan name safe for every file system', () => {
    expect(shareFileName('Riverside 2027/28: pilot?', 'Calendar', 'ics')).toBe('Riverside 2027 28 pilot – Calendar.ics');
    expect(safeFileStem('a\\b*c"d<e>f|g')).toBe('a b c d e f g');
    expect(safeFileStem('tab\tnew\nline\u0000nul\u007fdel\u0085nel')).toBe('tab new line nul del nel');
    expect(safeFileStem('Plan ends with dots...  ')).toBe('Plan ends with dots');
    expect(safeFileStem('...hidden')).toBe('hidden');
    expect(safeFileStem('evil\u202Egnp.exe')).toBe('evilgnp.exe');
  });

  it('never gives a name Windows reserves', () => {
    for (const name of ['CON', 'con', 'Nul', 'PRN', 'AUX', 'COM1', 'lpt9', 'COM¹']) expect(safeFileStem(name)).toBe(`${name}_`);
    expect(safeFileStem('nul.backup')).toBe('nul_.backup');
    expect(safeFileStem('Console')).toBe('Console');
    expect(shareFileName('CON', 'Calendar', 'ics')).toBe('CON_ – Calendar.ics');
  });

  it('falls back to "plan" when nothing usable is left', () => {
    expect(safeFileStem('   ')).toBe('plan');
    expect(safeFileStem('???')).toBe('plan');
    expect(safeFileStem('. .')).toBe('plan');
  });

  it('keeps long names short without cutting a character in two', () => {
    expect([...safeFileStem('x'.repeat(500))]).toHaveLength(100);
    const emoji = safeFileStem('😀'.repeat(200));
    expect(emoji).toBe('😀'.repeat(37));
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(150);
    const name = shareFileName('日本語'.repeat(100), 'Calendar', 'ics');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name).not.toMatch(/\uFFFD/);
  });
});
