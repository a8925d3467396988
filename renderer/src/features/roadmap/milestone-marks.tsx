import Box from '@mui/material/Box';
import { formatDisplayDate } from '../../domain/phase-rules';
import { MILESTONE_KIND_LABELS, type Milestone, type MilestoneKind, type Phase } from '../../domain/schemas';
import { colors } from '../../app/theme';

/**
 * How each kind of milestone looks on the timeline, in the key and in the table: a shape and,
 * but for a plain milestone, a letter, so the kind never rests on colour. A done milestone is
 * filled, with a tick for a plain one.
 */
export const MILESTONE_MARKS: Record<MilestoneKind, { letter: string; shape: string; clip: string }> = {
  milestone: { letter: '', shape: 'diamond', clip: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)' },
  'board-meeting': { letter: 'B', shape: 'square', clip: 'inset(0 round 1px)' },
  'union-consultation': { letter: 'U', shape: 'circle', clip: 'circle(50%)' },
  'family-engagement': { letter: 'F', shape: 'house', clip: 'polygon(50% 0, 100% 42%, 100% 100%, 0 100%, 0 42%)' },
  'go-no-go': { letter: 'G', shape: 'octagon', clip: 'polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%)' },
};

/** The text a marker shows: its kind's letter, or a tick for a done plain milestone. */
export const markText = (kind: MilestoneKind, done: boolean) => MILESTONE_MARKS[kind].letter || (done ? '✓' : '');

/** The class names of a marker of this kind (styles in `markSx`). */
export const markClass = (kind: MilestoneKind, done: boolean) => `ms-mark ms-${MILESTONE_MARKS[kind].shape}${done ? ' ms-done' : ''}`;

/** "Board meeting: Board update, Jun 1, 2028, done": what a marker says, in full. */
export const markLabel = (m: { name: string; kind: MilestoneKind; done: boolean }, date: string) => `${MILESTONE_KIND_LABELS[m.kind]}: ${m.name}, ${date}${m.done ? ', done' : ''}`;

export const MARK_SIZE = 16;

/**
 * Markers' looks, for any container that holds `.ms-mark` elements: the shape is drawn by two
 * clipped layers behind the letter, so the element itself can show a focus ring.
 */
export const markSx = {
  '& .ms-mark': {
    position: 'relative', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', boxSizing: 'border-box',
    width: MARK_SIZE, height: MARK_SIZE, flex: `0 0 ${MARK_SIZE}px`, zIndex: 1, borderRadius: '2px',
    fontSize: 10, fontWeight: 700, lineHeight: 1, color: colors.ink, fontFamily: 'inherit',
    '&::before, &::after': { content: '""', position: 'absolute', zIndex: -1, clipPath: 'var(--ms-clip)' },
    '&::before': { inset: 0, bgcolor: colors.marker },
    '&::after': { inset: '1.5px', bgcolor: colors.white },
  },
  '& .ms-diamond::after, & .ms-octagon::after, & .ms-house::after': { inset: '2px' },
  '& .ms-done': { color: colors.white, '&::after': { display: 'none' } },
  ...Object.fromEntries(Object.values(MILESTONE_MARKS).map(({ shape, clip }) => [`& .ms-${shape}`, { '--ms-clip': clip }])),
  // Paper keeps the marks' shapes: they are drawn with backgrounds, which print leaves out by default.
  '@media print': { '& .ms-mark, & .ms-mark::before, & .ms-mark::after': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' } },
} as const;

/** One marker on its own, beside its kind's name in the table, the dialog and the key. */
export function KindMark({ kind, done = false }: { kind: MilestoneKind; done?: boolean }) {
  return (
    <Box component="span" aria-hidden sx={{ display: 'inline-flex', verticalAlign: 'middle', ...markSx }}>
      <span className={markClass(kind, done)}>{markText(kind, done)}</span>
    </Box>
  );
}

/**
 * On paper, the timeline's milestones in words: each phase's, by date, with its mark, name, kind
 * and date (on screen the markers say so on hover and focus). Hidden on screen.
 */
export function PrintedMilestones({ phases, milestones }: { phases: readonly Phase[]; milestones: readonly Milestone[] }) {
  if (milestones.length === 0) return null;
  const ids = new Set(phases.map((p) => p.id));
  const groups = [
    ...phases.map((p, i) => ({ key: p.id, title: `${i + 1}. ${p.name}`, items: milestones.filter((m) => m.phaseId === p.id) })),
    { key: 'none', title: 'Not in a phase', items: milestones.filter((m) => m.phaseId === null || !ids.has(m.phaseId)) },
  ].filter((g) => g.items.length > 0);
  return (
    <Box
      component="section"
      aria-label="Milestones on the timeline"
      sx={{ ...markSx, display: 'none', '@media print': { ...markSx['@media print'], display: 'block', mt: 1, fontSize: '9pt' } }}
      data-printed-milestones
    >
      <strong>Milestones on the timeline</strong>
      {groups.map((g) => (
        <div key={g.key}>
          <div style={{ fontWeight: 600, marginTop: 4 }}>{g.title}</div>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, columns: 2 }}>
            {g.items.map((m) => (
              <li key={m.id} style={{ display: 'flex', gap: 6, alignItems: 'center', breakInside: 'avoid' }}>
                <span className={markClass(m.kind, m.done)} aria-hidden>{markText(m.kind, m.done)}</span>
                {`${formatDisplayDate(m.date)}: ${m.name} (${MILESTONE_KIND_LABELS[m.kind]}${m.done ? ', done' : ''})`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Box>
  );
}
