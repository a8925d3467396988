import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { differenceInCalendarMonths, parseISO, addDays } from 'date-fns';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { formatDisplayDate, phaseDateProblem } from '../../domain/phase-rules';
import { isoDateSchema, phaseSchema, type Phase } from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';

export interface PhaseListProps {
  phases: Phase[];
  onAdd: () => void;
  /** Saves a change; resolves false when it could not be saved. */
  onChange: (phaseId: string, changes: Partial<Pick<Phase, 'name' | 'start' | 'end' | 'goal'>>) => Promise<boolean>;
  onMove: (phaseId: string, direction: -1 | 1) => void;
  onDelete: (phase: Phase) => void;
  /** A phase just added: its name field takes the focus so the planner can type its name. */
  focusPhaseId?: string | null;
}

const validateName = (text: string) => fieldProblem(phaseSchema.shape.name, text, 'Phase name');
const validateGoal = (text: string) => fieldProblem(phaseSchema.shape.goal, text, 'Goal');

function durationText(phase: Phase): string {
  const months = differenceInCalendarMonths(addDays(parseISO(phase.end), 1), parseISO(phase.start));
  return months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : 'under a month';
}

export function PhaseList({ phases, onAdd, onChange, onMove, onDelete, focusPhaseId = null }: PhaseListProps) {
  return (
    <Stack spacing={2}>
      {phases.length === 0 && (
        <Typography color="text.secondary">No phases yet. Most plans run a pilot, then expand, scale and sustain over several school years.</Typography>
      )}
      {phases.map((phase, index) => {
        const label = `Phase ${index + 1}`;
        const validateStart = (text: string) => {
          if (!isoDateSchema.safeParse(text).success) return 'Start date must be a date.';
          return phaseDateProblem(text, phase.end) ? `Must be before the end date (${formatDisplayDate(phase.end)}).` : null;
        };
        const validateEnd = (text: string) => {
          if (!isoDateSchema.safeParse(text).success) return 'End date must be a date.';
          return phaseDateProblem(phase.start, text)?.message ?? null;
        };
        return (
          <Paper key={phase.id} variant="outlined" component="section" aria-label={`${label}: ${phase.name}`} sx={{ p: 2 }}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5, gap: 1 }}>
              <Typography component="h3" variant="h3" sx={{ flexGrow: 1 }}>
                {`${label}: ${phase.name}`}
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>{durationText(phase)}</Typography>
              </Typography>
              <Tooltip title="Move earlier">
                <span>
                  <IconButton aria-label={`Move ${phase.name} earlier`} disabled={index === 0} onClick={() => onMove(phase.id, -1)}><ArrowUpwardIcon /></IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Move later">
                <span>
                  <IconButton aria-label={`Move ${phase.name} later`} disabled={index === phases.length - 1} onClick={() => onMove(phase.id, 1)}><ArrowDownwardIcon /></IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Delete phase">
                <IconButton aria-label={`Delete ${phase.name}`} onClick={() => onDelete(phase)}><DeleteOutlinedIcon /></IconButton>
              </Tooltip>
            </Stack>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 1fr' } }}>
              <AutosaveTextField autoFocus={phase.id === focusPhaseId} onFocus={phase.id === focusPhaseId ? (e) => e.target.select() : undefined} label={`${label} name`} value={phase.name} validate={validateName} onCommit={(name) => onChange(phase.id, { name: name.trim() })} />
              <AutosaveTextField label={`${label} start`} type="date" value={phase.start} validate={validateStart} onCommit={(start) => onChange(phase.id, { start })} slotProps={{ inputLabel: { shrink: true } }} />
              <AutosaveTextField label={`${label} end`} type="date" value={phase.end} validate={validateEnd} onCommit={(end) => onChange(phase.id, { end })} slotProps={{ inputLabel: { shrink: true } }} />
              <AutosaveTextField
                label={`${label} goal`}
                value={phase.goal}
                validate={validateGoal}
                onCommit={(goal) => onChange(phase.id, { goal })}
                multiline
                minRows={2}
                sx={{ gridColumn: '1 / -1' }}
              />
            </Box>
          </Paper>
        );
      })}
      <Box>
        <Button startIcon={<AddIcon />} variant="outlined" onClick={onAdd}>Add phase</Button>
      </Box>
    </Stack>
  );
}
