import { memo } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { formatDisplayDate } from '../../domain/phase-rules';
import { MILESTONE_KIND_LABELS, PHASE_KIND_LABELS, PHASE_STATUS_LABELS, type Milestone, type Phase } from '../../domain/schemas';
import { ChartTable } from '../../components/ChartTable';

const milestoneText = (m: Milestone) => `${formatDisplayDate(m.date)}: ${m.name} (${MILESTONE_KIND_LABELS[m.kind]}${m.done ? ', done' : ''})`;

function MilestoneList({ items }: { items: readonly Milestone[] }) {
  if (items.length === 0) return <>None</>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {[...items].sort((a, b) => a.date.localeCompare(b.date)).map((m) => <li key={m.id}>{milestoneText(m)}</li>)}
    </ul>
  );
}

/**
 * The timeline in words: each phase in order with its dates, kind and status, and the milestones
 * it holds by date, so a screen reader gets the whole roadmap without moving along the bars.
 */
export const TimelineTable = memo(function TimelineTable({ phases, milestones, datesOf }: {
  phases: readonly Phase[];
  milestones: ReadonlyMap<string | null, readonly Milestone[]>;
  datesOf: (phase: Phase) => { start: string; end: string };
}) {
  const loose = milestones.get(null) ?? [];
  return (
    <ChartTable label="the timeline">
      {(captionId) => (
        <Table size="small" aria-labelledby={captionId} sx={{ '& td, & th': { verticalAlign: 'top' } }}>
          <caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 4px' }}>Phases and milestones in order</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Phase</TableCell>
              <TableCell component="th" scope="col">Dates</TableCell>
              <TableCell component="th" scope="col">Kind and status</TableCell>
              <TableCell component="th" scope="col">Milestones</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {phases.map((p, i) => {
              const dates = datesOf(p);
              return (
                <TableRow key={p.id}>
                  <TableCell component="th" scope="row">{`${i + 1}. ${p.name}`}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${formatDisplayDate(dates.start)} – ${formatDisplayDate(dates.end)}`}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${PHASE_KIND_LABELS[p.kind]}, ${PHASE_STATUS_LABELS[p.status]}`}</TableCell>
                  <TableCell><MilestoneList items={milestones.get(p.id) ?? []} /></TableCell>
                </TableRow>
              );
            })}
            {loose.length > 0 && (
              <TableRow>
                <TableCell component="th" scope="row">Not in a phase</TableCell>
                <TableCell />
                <TableCell />
                <TableCell><MilestoneList items={loose} /></TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
    </ChartTable>
  );
});
