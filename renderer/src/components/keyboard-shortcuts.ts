import { useEffect, useRef } from 'react';

/** A key combination such as "mod+n" or "mod+shift+z"; mod is Cmd on macOS and Ctrl elsewhere. */
export type Keys = string;

export interface Shortcut {
  keys: Keys;
  run: () => void;
  /** False for keys a text field has its own use for (mod+z undoes typing there). */
  inTextFields?: boolean;
}

function isTextEntry(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || element instanceof HTMLTextAreaElement
    || (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(element.type));
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export function isMac(platform: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}

export function matchesShortcut(event: KeyEventLike, keys: Keys, mac: boolean): boolean {
  const parts = keys.toLowerCase().split('+');
  const key = parts.at(-1);
  const wants = (modifier: string) => parts.includes(modifier);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  return event.key.toLowerCase() === key
    && mod === wants('mod')
    && !otherMod
    && event.shiftKey === wants('shift')
    && event.altKey === wants('alt');
}

/** "Ctrl+Shift+Z" or "⌘⇧Z": how a shortcut is written in tooltips and menus. */
export function shortcutLabel(keys: Keys, mac: boolean): string {
  const parts = keys.split('+');
  const key = (parts.at(-1) ?? '').toUpperCase();
  const names: Record<string, [string, string]> = { mod: ['Ctrl', '⌘'], shift: ['Shift', '⇧'], alt: ['Alt', '⌥'] };
  const modifiers = parts.slice(0, -1).map((m) => names[m]?.[mac ? 1 : 0] ?? m);
  return mac ? `${modifiers.join('')}${key}` : [...modifiers, key].join('+');
}

/** The value for aria-keyshortcuts, e.g. "Control+N". */
export function ariaKeyShortcut(keys: Keys, mac: boolean): string {
  return keys.split('+').map((p) => (p === 'mod' ? (mac ? 'Meta' : 'Control') : p === 'shift' ? 'Shift' : p === 'alt' ? 'Alt' : p.toUpperCase())).join('+');
}

/**
 * Runs a command when its keys are pressed anywhere in the window, unless a dialog is open:
 * the same command a button or menu item runs.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      const typing = isTextEntry(document.activeElement);
      const hit = latest.current.find((s) => matchesShortcut(event, s.keys, mac) && (s.inTextFields !== false || !typing));
      if (!hit) return;
      event.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
