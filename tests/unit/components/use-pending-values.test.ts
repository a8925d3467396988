import { describe, expect, it } from 'vitest';
import { afterWrite, shownValues, withEntry, withoutStored, type PendingEntry } from '../../../renderer/src/components/use-pending-values';

describe('values shown before storage has them', () => {
  const stored = new Map<string, number>([['a', 1]]);
  const isStored = (key: string, value: number) => stored.get(key) === value;

  it('shows a typed value until storage holds it, then forgets it once its write is done', () => {
    const typed: PendingEntry<number> = { value: 5, written: false };
    let entries = withEntry(new Map(), 'a', typed);
    expect(shownValues(entries, isStored).get('a')).toBe(5);
    entries = afterWrite(entries, 'a', typed, true);
    // Written, but the live query has not brought it back: still shown, still held.
    expect(shownValues(entries, isStored).get('a')).toBe(5);
    expect(withoutStored(entries, isStored)).toBe(entries);
    stored.set('a', 5);
    expect(shownValues(entries, isStored).size).toBe(0);
    expect(withoutStored(entries, isStored).size).toBe(0);
    stored.set('a', 1);
  });

  it('keeps a value whose storage answered before its write finished until the write is done', () => {
    const typed: PendingEntry<number> = { value: 1, written: false };
    const entries = withEntry(new Map(), 'a', typed);
    expect(shownValues(entries, isStored).size).toBe(0);
    expect(withoutStored(entries, isStored).get('a')).toBe(typed);
  });

  it('drops a value whose write failed, so the stored one shows again', () => {
    const typed: PendingEntry<number> = { value: 9, written: false };
    const entries = afterWrite(withEntry(new Map(), 'a', typed), 'a', typed, false);
    expect(entries.has('a')).toBe(false);
    expect(shownValues(entries, isStored).size).toBe(0);
  });

  it('lets a later edit of the same key take over: the earlier write finishing changes nothing', () => {
    const first: PendingEntry<number> = { value: 2, written: false };
    const second: PendingEntry<number> = { value: 3, written: false };
    const entries = withEntry(withEntry(new Map(), 'a', first), 'a', second);
    expect(afterWrite(entries, 'a', first, false)).toBe(entries);
    expect(afterWrite(entries, 'a', first, true)).toBe(entries);
    expect(shownValues(entries, isStored).get('a')).toBe(3);
  });
});
