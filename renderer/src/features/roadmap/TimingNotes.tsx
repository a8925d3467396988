import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import { phaseTimingNotes, summerBreaks } from '../../domain/roadmap-rules';
import type { Phase } from '../../domain/schemas';
import { colors } from '../../app/theme';

/**
 * Overlaps and gaps between phases, in words, beside the timeline. Overlaps may be intended, so
 * they are notes, not errors. The summer between two school years is not a gap.
 */
export function TimingNotes({ phases, schoolYearStartMonth }: { phases: Phase[]; schoolYearStartMonth: number }) {
  const notes = useMemo(() => phaseTimingNotes(phases, schoolYearStartMonth), [phases, schoolYearStartMonth]);
  const summers = useMemo(() => summerBreaks(phases, schoolYearStartMonth).length, [phases, schoolYearStartMonth]);
  if (phases.length < 2) return null;
  if (notes.length === 0) {
    return (
      <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1.5, color: 'text.secondary' }}>
        <CheckCircleOutlinedIcon fontSize="small" sx={{ color: 'success.main' }} aria-hidden />
        {summers > 0
          ? 'No gaps or overlaps: each phase follows the one before it (the summer between school years is not a gap).'
          : 'Each phase starts the day after the one before it ends: no gaps or overlaps.'}
      </Typography>
    );
  }
  return (
    <Box component="section" aria-labelledby="timing-heading" sx={{ mt: 2 }}>
      <Typography id="timing-heading" component="h4" variant="body2" sx={{ fontWeight: 700, mb: 0.5 }}>Timing notes</Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
        {notes.map((note) => (
          <Box component="li" key={`${note.kind}-${note.first.id}-${note.second.id}`} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, typography: 'body2' }}>
            {note.kind === 'overlap'
              ? <WarningAmberOutlinedIcon fontSize="small" sx={{ color: colors.warningText }} aria-hidden />
              : <InfoOutlinedIcon fontSize="small" sx={{ color: 'info.dark' }} aria-hidden />}
            <span><strong>{note.kind === 'overlap' ? 'Overlap: ' : 'Gap: '}</strong>{note.message}</span>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
