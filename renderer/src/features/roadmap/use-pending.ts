import { useCallback, useState } from 'react';

interface Entry<T> {
  value: T;
  /** The write has finished: the next data from storage holds it, so the entry can go. */
  settled: boolean;
}

/**
 * Values written from the screen but not yet back from storage (the plan arrives through a live
 * query a moment after each write). Shown meanwhile, so a control does not jump back, and quick
 * repeated edits build on each other. An entry goes when its write fails, or with the first new
 * `source` (the records from storage) after its write has finished.
 */
export function usePending<T>(source: unknown): { pendingOf: (id: string) => T | undefined; begin: (id: string, value: T, write: Promise<boolean>) => Promise<boolean> } {
  const [pending, setPending] = useState<Record<string, Entry<T>>>({});
  const [seen, setSeen] = useState(source);
  if (seen !== source) {
    setSeen(source);
    if (Object.values(pending).some((e) => e.settled)) setPending(Object.fromEntries(Object.entries(pending).filter(([, e]) => !e.settled)));
  }
  const pendingOf = useCallback((id: string) => pending[id]?.value, [pending]);
  const begin = useCallback(async (id: string, value: T, write: Promise<boolean>) => {
    const entry: Entry<T> = { value, settled: false };
    setPending((p) => ({ ...p, [id]: entry }));
    const saved = await write;
    setPending((p) => {
      // A later edit of the same record has taken over.
      if (p[id] !== entry) return p;
      const { [id]: _done, ...rest } = p;
      return saved ? { ...p, [id]: { value, settled: true } } : rest;
    });
    return saved;
  }, []);
  return { pendingOf, begin };
}
