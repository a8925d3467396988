import { useCallback, useEffect, useMemo, useState } from 'react';

/** A value written from the screen, and whether its write has finished. */
export interface PendingEntry<V> {
  value: V;
  written: boolean;
}

export type PendingEntries<V> = ReadonlyMap<string, PendingEntry<V>>;

/** Whether storage already holds `value` for `key`. */
export type IsStored<V> = (key: string, value: V) => boolean;

/** The entries with `key` now holding `entry`: a later edit of the same key replaces an earlier one. */
export function withEntry<V>(entries: PendingEntries<V>, key: string, entry: PendingEntry<V>): PendingEntries<V> {
  return new Map(entries).set(key, entry);
}

/**
 * After `entry`'s write: marked written if it saved, gone if it failed. The same map when a
 * later edit of the key has taken its place.
 */
export function afterWrite<V>(entries: PendingEntries<V>, key: string, entry: PendingEntry<V>, saved: boolean): PendingEntries<V> {
  if (entries.get(key) !== entry) return entries;
  const next = new Map(entries);
  if (saved) next.set(key, { value: entry.value, written: true });
  else next.delete(key);
  return next;
}

/** The entries without those written and back from storage; the same map when there are none. */
export function withoutStored<V>(entries: PendingEntries<V>, isStored: IsStored<V>): PendingEntries<V> {
  const done = [...entries].filter(([key, e]) => e.written && isStored(key, e.value));
  if (done.length === 0) return entries;
  const next = new Map(entries);
  for (const [key] of done) next.delete(key);
  return next;
}

/** The values to lay over what storage holds: those it does not hold yet. */
export function shownValues<V>(entries: PendingEntries<V>, isStored: IsStored<V>): ReadonlyMap<string, V> {
  const shown = new Map<string, V>();
  for (const [key, e] of entries) if (!isStored(key, e.value)) shown.set(key, e.value);
  return shown.size === 0 ? NONE : shown;
}

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The one way the app shows a value before storage has it. A live query brings a write back a
 * moment after it is made; meanwhile the typed or pressed value is shown, so a control does not
 * jump back and quick edits build on each other. A value shows until storage holds it
 * (`isStored`, which should change only when the stored data does), and goes at once when its
 * write fails or a later edit of the same key replaces it. Nothing here is set during render
 * and no timer decides what is shown. Values are plain data (what JSON holds): `pending` stays
 * the same map while the values it shows are the same, so a write finishing, or storage giving
 * back a value no longer shown, re-renders nothing that reads it.
 */
export function usePendingValues<V>(isStored: IsStored<V>): {
  /** The values storage does not hold yet, by key. */
  pending: ReadonlyMap<string, V>;
  /** Shows `value` for `key` while `write` runs and until storage has it; resolves with whether it saved. */
  hold: (key: string, value: V, write: Promise<boolean>) => Promise<boolean>;
} {
  const [entries, setEntries] = useState<PendingEntries<V>>(NONE);

  // Written values storage has given back are forgotten, so a later change (an undo, another
  // window) shows as it is. What is shown never waits on this: `pending` below already leaves out
  // stored values. This only keeps the record of what storage has confirmed, which is known once
  // a live query's result has rendered, so it follows that render; and it re-renders only when
  // there is something to forget (otherwise the same map comes back and React bails out).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: syncing with what storage has delivered
    if (entries.size > 0) setEntries((current) => withoutStored(current, isStored));
  }, [entries, isStored]);

  const hold = useCallback(async (key: string, value: V, write: Promise<boolean>) => {
    const entry: PendingEntry<V> = { value, written: false };
    setEntries((current) => withEntry(current, key, entry));
    const saved = await write.catch(() => false);
    setEntries((current) => afterWrite(current, key, entry, saved));
    return saved;
  }, []);

  const shown = useMemo(() => shownValues(entries, isStored), [entries, isStored]);
  const shownText = useMemo(() => (shown.size === 0 ? '' : JSON.stringify([...shown])), [shown]);
  const pending = useMemo(() => (shownText === '' ? NONE : new Map(JSON.parse(shownText) as [string, V][])), [shownText]);
  return { pending, hold };
}
