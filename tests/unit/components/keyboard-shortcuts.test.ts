import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, isMac, matchesShortcut, shortcutLabel } from '../../../renderer/src/components/keyboard-shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('keyboard shortcuts', () => {
  it('reads mod as Ctrl on Windows and Linux, Cmd on macOS', () => {
    expect(matchesShortcut(key('n', { ctrlKey: true }), 'mod+n', false)).toBe(true);
    expect(matchesShortcut(key('n', { metaKey: true }), 'mod+n', false)).toBe(false);
    expect(matchesShortcut(key('n', { metaKey: true }), 'mod+n', true)).toBe(true);
    expect(matchesShortcut(key('n', { ctrlKey: true }), 'mod+n', true)).toBe(false);
  });

  it('needs exactly the modifiers named', () => {
    expect(matchesShortcut(key('N', { ctrlKey: true, shiftKey: true }), 'mod+n', false)).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'mod+shift+z', false)).toBe(true);
    expect(matchesShortcut(key('n'), 'mod+n', false)).toBe(false);
    expect(matchesShortcut(key('e', { ctrlKey: true, altKey: true }), 'mod+e', false)).toBe(false);
  });

  it('writes shortcuts the way each platform does', () => {
    expect(shortcutLabel('mod+shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('mod+shift+z', true)).toBe('⌘⇧Z');
    expect(ariaKeyShortcut('mod+e', false)).toBe('Control+E');
    expect(ariaKeyShortcut('mod+e', true)).toBe('Meta+E');
    expect(isMac('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe(true);
    expect(isMac('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
  });
});
