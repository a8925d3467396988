/**
 * How the Journal names things: each kind with its mark and a one-line hint, the decisions by
 * number with a few words each, the phase an entry is about (or that it was removed), and the
 * default phase and author of a new entry.
 */
import { revisionTime } from '../../domain/revisions';
import Box from '@mui/material/Box';
import AltRouteOutlinedIcon from '@mui/icons-material/AltRouteOutlined';
import QueryStatsOutlinedIcon from '@mui/icons-material/QueryStatsOutlined';
import ThumbDownOutlinedIcon from '@mui/icons-material/ThumbDownOutlined';
import ThumbUpOutlinedIcon from '@mui/icons-material/ThumbUpOutlined';
import { DECISIONS, type DecisionNumber } from '../../domain/decisions';
import { JOURNAL_KIND_LABELS, type JournalKind } from '../../domain/journal';
import type { Phase } from '../../domain/schemas';

/** One mark per kind, all outlined and in the text's colour: "Did not work" weighs what "Worked" weighs. */
const KIND_ICONS: Record<JournalKind, typeof ThumbUpOutlinedIcon> = {
  worked: ThumbUpOutlinedIcon,
  'did-not-work': ThumbDownOutlinedIcon,
  'changed-course': AltRouteOutlinedIcon,
  evidence: QueryStatsOutlinedIcon,
};

/** What each kind is for, shown under its choice in the dialog. */
export const JOURNAL_KIND_HINTS: Record<JournalKind, string> = {
  worked: 'Something that went as hoped, and why you think it did.',
  'did-not-work': 'Something that fell short: what happened and what it taught you.',
  'changed-course': 'A change of plan, and the reason for it.',
  evidence: 'Results, survey answers or visit notes that bear on the plan.',
};

/** A kind's mark, hidden from screen readers: the word beside it says the same. */
export function KindIcon({ kind, fontSize = 'small' }: { kind: JournalKind; fontSize?: 'small' | 'inherit' | 'medium' }) {
  const Icon = KIND_ICONS[kind];
  return <Icon fontSize={fontSize} aria-hidden />;
}

/** A kind as the list shows it: its mark and its word, the same size and weight for every kind. */
export function KindMark({ kind }: { kind: JournalKind }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontWeight: 600 }}>
      <KindIcon kind={kind} />
      {JOURNAL_KIND_LABELS[kind]}
    </Box>
  );
}

/** A few words for each decision, for the chips on an entry. */
const DECISION_SHORT: Record<DecisionNumber, string> = {
  1: 'Tight vs. loose',
  2: 'Pace to scale',
  3: 'Need vs. readiness',
  4: 'Build vs. buy',
  5: 'Fixed vs. adaptive',
  6: 'Model vs. modular',
  7: 'What to share',
};

/** "Decision 6: Model vs. modular". */
export const decisionChipText = (n: DecisionNumber) => `Decision ${n}: ${DECISION_SHORT[n]}`;

/** "6. One comprehensive model, or independent modular tools?": how the menus list a decision. */
export const decisionOptionText = (n: DecisionNumber) => `${n}. ${DECISIONS.find((d) => d.number === n)?.question ?? ''}`;

/** "Nov 24, 2026, 9:00 AM": when a revision was saved, as History shows it. */
export const savedAt = revisionTime;

export const REMOVED_PHASE = 'A phase no longer in the plan';
export const DELETED_REVISION = 'a revision since deleted';

/** The name of the phase an entry is about, or that it has since been removed. */
export function phaseName(phases: readonly Pick<Phase, 'id' | 'name'>[], phaseId: string): string {
  return phases.find((p) => p.id === phaseId)?.name ?? REMOVED_PHASE;
}

/** The phase a new entry is about: the one marked under way, else the one today falls in, else the first. */
export function defaultPhaseId(phases: readonly Phase[], today: string): string {
  const ordered = [...phases].sort((a, b) => a.order - b.order);
  const phase = ordered.find((p) => p.status === 'underway') ?? ordered.find((p) => p.start <= today && today <= p.end) ?? ordered[0];
  return phase?.id ?? '';
}

const AUTHOR_KEY = 'roadmap-planner.journal.author';

/** The author typed last, offered for the next entry (kept on this computer only). */
export function lastAuthor(): string {
  try {
    return window.localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberAuthor(author: string): void {
  try {
    if (author) window.localStorage.setItem(AUTHOR_KEY, author);
  } catch {
    // Storage turned off: the next entry starts with an empty author, nothing worse.
  }
}
