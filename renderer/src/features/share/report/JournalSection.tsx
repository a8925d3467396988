import type { Phase, PlanBundle } from '../../../domain/schemas';
import { DECISIONS } from '../../../domain/decisions';
import { JOURNAL_KIND_LABELS, type JournalEntry } from '../../../domain/journal';
import { formatDisplayDate } from '../../../domain/phase-rules';
import { ReportSection, Empty } from './ReportSection';
import { journalGroups } from './report-history';

/** One entry: its kind, date and author on a line, the text, then the areas and decisions it names. */
function Entry({ entry, areaName }: { entry: JournalEntry; areaName: (id: string) => string | undefined }) {
  const areas = entry.areaIds.map(areaName).filter((name) => name !== undefined);
  const decisions = DECISIONS.filter((d) => entry.decisions.includes(d.number));
  return (
    <li className="journal-entry">
      {/* Every kind in the same type: "Did not work" weighs as much as "Worked". */}
      <p className="journal-meta">
        <strong className="journal-kind">{JOURNAL_KIND_LABELS[entry.kind]}</strong>
        <span> · {formatDisplayDate(entry.date)}</span>
        {entry.author && <span> · {entry.author}</span>}
      </p>
      <p className="prose-cell">{entry.text}</p>
      {areas.length > 0 && <p className="note"><strong>Areas:</strong> {areas.join('; ')}</p>}
      {decisions.length > 0 && <p className="note"><strong>Decisions:</strong> {decisions.map((d) => `${d.number}. ${d.question}`).join(' ')}</p>}
    </li>
  );
}

/**
 * The journal: what the schools and the central office learned, failures included, grouped by
 * phase in the plan's order. Entries marked internal stay out unless the planner chose otherwise.
 */
export function JournalSection({ bundle, phases, entries, leaveOutInternal }: {
  bundle: PlanBundle;
  phases: readonly Phase[];
  entries: readonly JournalEntry[];
  leaveOutInternal: boolean;
}) {
  const groups = journalGroups(entries, { phases: bundle.phases, covered: phases, leaveOutInternal });
  const areaOf = new Map(bundle.areas.map((a) => [a.id, a.name]));
  return (
    <ReportSection id="packet-journal" title="Journal">
      <p className="note">What worked, what did not and where the plan changed course, as the schools and the central office recorded it.</p>
      {groups.length === 0 ? <Empty>No journal entries to share yet.</Empty> : groups.map((group) => (
        <section key={group.key} className="journal-group" aria-labelledby={`packet-journal-${group.key}`}>
          <h3 id={`packet-journal-${group.key}`}>{group.title}</h3>
          <ul className="journal-list">
            {group.entries.map((entry) => <Entry key={entry.id} entry={entry} areaName={(id) => areaOf.get(id)} />)}
          </ul>
        </section>
      ))}
    </ReportSection>
  );
}
