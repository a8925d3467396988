import type { ReactNode } from 'react';
import type { StanceValue } from '../../../domain/schemas';
import { stanceLabel } from '../../../domain/stance-words';

/**
 * One section of a printed report: it starts a new page (a landscape one when `wide`), and its
 * h2 names it in the PDF's outline.
 */
export function ReportSection({ id, title, wide = false, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={wide ? 'report-section wide' : 'report-section'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A stance as a word on its own pattern, so it reads the same in greyscale as in colour. */
export function StanceMark({ stance }: { stance: StanceValue | null }) {
  return <span className={`stance stance-${stance ?? 'unset'}`}>{stanceLabel(stance)}</span>;
}

/** What an empty section says instead of an empty table. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="note">{children}</p>;
}
