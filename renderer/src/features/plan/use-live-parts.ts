import { useEffect, useMemo, useState } from 'react';

/** Keeps one part live: calls `next` with its rows now and after every write that changes them; returns the unsubscribe. */
export type WatchPart<T> = (key: string, next: (rows: T[]) => void, fail: (error: unknown) => void) => () => void;

/**
 * A table read in parts, each kept live on its own by `watch`, joined in the order of the keys. An edit re-reads only the part it touched (Dexie re-runs a live query only
 * when a write overlaps what it read), not the whole table, and the other parts keep their rows.
 * Null until every part has been read once; when keys come and go, the last whole read stands
 * until the new parts are in (a section never goes back to loading). A part that fails throws
 * its error in the render, as useLiveQuery does. `deps` describe `watch`, as for useLiveQuery.
 */
export function useLiveParts<T>(keys: readonly string[] | null, watch: WatchPart<T>, deps: readonly unknown[]): T[] | null {
  const [rows, setRows] = useState<ReadonlyMap<string, readonly T[]>>(() => new Map());
  const [error, setError] = useState<unknown>(undefined);
  const keyText = keys?.join('\n') ?? null;

  useEffect(() => {
    if (!keyText) return undefined;
    const wanted = keyText.split('\n');
    // Parts of keys no longer wanted go with the next part read.
    const stops = wanted.map((key) => watch(key, (part) => setRows((current) => new Map([...current].filter(([k]) => wanted.includes(k))).set(key, part)), setError));
    return () => stops.forEach((stop) => stop());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, ...deps]);

  const all = useMemo(() => {
    if (keyText === null) return null;
    const wanted = keyText === '' ? [] : keyText.split('\n');
    if (!wanted.every((k) => rows.has(k))) return null;
    return wanted.flatMap((k) => rows.get(k) ?? []);
  }, [keyText, rows]);

  const [last, setLast] = useState<T[] | null>(null);
  if (all !== null && all !== last) setLast(all);

  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
  return all ?? last;
}
