import { useState } from 'react';

/**
 * Schools ticked in a paged table (Schools, Waves): one box per row and one for the page.
 * The selection outlives paging, sorting and filtering; the page's box ticks or clears the
 * rows on show.
 */
export function useRowSelection(pageRows: readonly { id: string }[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const allOnPage = pageRows.length > 0 && pageRows.every((row) => selected.has(row.id));
  const someOnPage = !allOnPage && pageRows.some((row) => selected.has(row.id));
  const toggle = (id: string) => setSelected((old) => {
    const next = new Set(old);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const toggleAll = () => setSelected((old) => {
    const next = new Set(old);
    for (const row of pageRows) {
      if (allOnPage) next.delete(row.id);
      else next.add(row.id);
    }
    return next;
  });
  const clear = () => setSelected(new Set());
  return { selected, allOnPage, someOnPage, toggle, toggleAll, clear };
}
