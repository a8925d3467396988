import { useMemo } from 'react';

/**
 * `rows`, kept as the same array while they hold the same data, so a memoized part given them
 * skips its render when a live query reads back rows equal to those it has (a query re-reads
 * every row it covers after any write to one of them). For plain data, as storage holds it:
 * rows are compared as JSON, and what comes back is a copy.
 */
export function useStableRows<T>(rows: readonly T[]): readonly T[] {
  const text = useMemo(() => JSON.stringify(rows), [rows]);
  return useMemo(() => JSON.parse(text) as T[], [text]);
}
