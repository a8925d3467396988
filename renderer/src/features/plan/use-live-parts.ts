import { useEffect, useMemo, useState } from 'react';

/** Keeps one part live: calls `next` with its rows now and after every write that changes them; returns the unsubscribe. */
export type WatchPart<T> = (key: string, next: (rows: T[]) => void, fail: (error: unknown) => void) => () => void;

interface Read<T> {
  scope: string;
  rows: ReadonlyMap<string, readonly T[]>;
}

/**
 * A table read in parts, each kept live on its own by `watch`, joined in the order of the keys.
 * An edit re-reads only the part it touched (Dexie re-runs a live query only when a write
 * overlaps what it read), not the whole table, and the other parts keep their rows.
 * `scope` names what is read (a plan id): `watch` belongs to it, and nothing read for another
 * scope is ever returned. Null until every part has been read once; when keys come and go
 * within a scope, the last whole read stands until the new parts are in, so a section never
 * goes back to loading. A part that fails throws its error in the render, as useLiveQuery does.
 */
export function useLiveParts<T>(scope: string, keys: readonly string[] | null, watch: WatchPart<T>): T[] | null {
  const [read, setRead] = useState<Read<T>>(() => ({ scope, rows: new Map() }));
  const [error, setError] = useState<unknown>(undefined);
  const keyText = keys?.join('\n') ?? null;

  useEffect(() => {
    if (!keyText) return undefined;
    const wanted = keyText.split('\n');
    const stops = wanted.map((key) => watch(key, (part) => setRead((current) => {
      // Parts of other scopes, or of keys no longer wanted, go with the next part read.
      const kept = current.scope === scope ? [...current.rows].filter(([k]) => wanted.includes(k)) : [];
      return { scope, rows: new Map(kept).set(key, part) };
    }), setError));
    return () => stops.forEach((stop) => stop());
    // `watch` belongs to `scope`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, scope]);

  const all = useMemo(() => {
    if (keyText === null) return null;
    if (keyText === '') return [];
    const wanted = keyText.split('\n');
    if (read.scope !== scope || !wanted.every((k) => read.rows.has(k))) return null;
    return wanted.flatMap((k) => read.rows.get(k) ?? []);
  }, [keyText, read, scope]);

  const [last, setLast] = useState<{ scope: string; all: T[] } | null>(null);
  if (all !== null && all !== last?.all) setLast({ scope, all });

  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
  return all ?? (last?.scope === scope ? last.all : null);
}
