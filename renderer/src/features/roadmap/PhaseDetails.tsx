import { memo, useRef, useState, type Ref } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { differenceInCalendarMonths, parseISO, addDays } from 'date-fns';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { formatDisplayDate, phaseDateProblem } from '../../domain/phase-rules';
import {
  PHASE_KINDS, PHASE_KIND_LABELS, PHASE_STATUSES, PHASE_STATUS_LABELS, isoDateSchema, phaseSchema, type Phase, type PhaseKind, type PhaseStatus,
} from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';
import type { RunCommand } from '../../app/plan-history';
import { renamePhase, setPhaseKind, setPhaseStatus, setPhaseText } from './commands';
import { KIND_COLORS } from './phase-style';
import { plural } from '../../domain/words';

export interface PhaseDetailsProps {
  phases: Phase[];
  onAdd: () => void;
  /** Runs a phase's edits; resolves false when one could not be saved. */
  run: RunCommand;
  /** A new start or end typed for a phase (which may carry its milestones and the phases after it); resolves false when not saved. */
  onDate: (phase: Phase, which: 'start' | 'end', date: string) => Promise<boolean>;
  onMove: (phase: Phase, direction: -1 | 1) => void;
  onDelete: (phase: Phase) => void;
  /** The "Phases" heading, which takes the focus after a phase is deleted. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** The id of a phase's name field, for "open the details" from the timeline. */
export const phaseNameFieldId = (phaseId: string) => `phase-name-${phaseId}`;

const validateName = (text: string) => fieldProblem(phaseSchema.shape.name, text, 'Phase name');
const longTextProblem = (label: string) => (text: string) => fieldProblem(phaseSchema.shape.goal, text, label);
const validateGoal = longTextProblem('Goal');
const validateEntry = longTextProblem('Entry criteria');
const validateGate = longTextProblem('Go / no-go gate');

/**
 * Long text: a plain textarea that grows with its text by CSS (field-sizing), not MUI's
 * multiline field, which measures every textarea in script: for a dozen phases, dozens of
 * forced layouts each time the section opens or the window is resized.
 */
const LONG_TEXT_SLOTS = { input: { inputComponent: 'textarea' as const }, htmlInput: { rows: 2 } };
const GROWING_TEXT = {
  '& textarea': { height: 'auto', fieldSizing: 'content', minHeight: '3lh', maxHeight: '20lh', resize: 'none', overflowY: 'auto' },
} as const;

function durationText(phase: Phase): string {
  const months = differenceInCalendarMonths(addDays(parseISO(phase.end), 1), parseISO(phase.start));
  return months >= 1 ? plural(months, 'month') : 'under a month';
}

interface PhaseDateFieldProps {
  label: string;
  /** The saved date. */
  value: string;
  validate: (text: string) => string | null;
  /** Saves the date; resolves false when not saved (or the planner cancelled), and the field goes back to the saved date. */
  onCommit: (text: string) => Promise<boolean>;
}

/**
 * A phase's start or end. It saves when the planner leaves it or presses Enter, not while
 * typing: a new date may ask what else moves with the phase, which is a question for the date
 * as meant, not for each digit on the way to it.
 */
function PhaseDateField({ label, value, validate, onCommit }: PhaseDateFieldProps) {
  // What is typed, over the saved date it was typed on; once the saved date changes (the save
  // came back, an undo, another window) the saved date shows again.
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const sending = useRef(false);
  if (draft && draft.base !== value) setDraft(null);
  const shown = draft && draft.base === value ? draft.text : value;
  const problem = validate(shown);

  const commit = () => {
    if (!draft || draft.base !== value || sending.current) return;
    if (draft.text === value) {
      setDraft(null);
      return;
    }
    if (validate(draft.text)) return;
    sending.current = true;
    void onCommit(draft.text).then((saved) => {
      sending.current = false;
      if (!saved) setDraft(null);
    });
  };

  return (
    <TextField
      label={label}
      type="date"
      value={shown}
      error={problem !== null}
      helperText={problem}
      onChange={(event) => setDraft({ text: event.target.value, base: value })}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

interface PhaseCardProps {
  phase: Phase;
  index: number;
  count: number;
  run: RunCommand;
  onDate: (phase: Phase, which: 'start' | 'end', date: string) => Promise<boolean>;
  onMove: (phase: Phase, direction: -1 | 1) => void;
  onDelete: (phase: Phase) => void;
}

const PHASE_FIELDS = ['id', 'name', 'kind', 'status', 'start', 'end', 'goal', 'entryCriteria', 'gate', 'order'] as const;

/** A card re-renders only when its own phase, place or handlers change, not on every edit elsewhere in the plan. */
function sameCard(a: PhaseCardProps, b: PhaseCardProps): boolean {
  return a.index === b.index && a.count === b.count
    && a.run === b.run && a.onDate === b.onDate && a.onMove === b.onMove && a.onDelete === b.onDelete
    && PHASE_FIELDS.every((key) => a.phase[key] === b.phase[key]);
}

const PhaseCard = memo(function PhaseCard({ phase, index, count, run, onDate, onMove, onDelete }: PhaseCardProps) {
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
    <Paper
      variant="outlined"
      component="section"
      aria-label={`${label}: ${phase.name}`}
      sx={{ p: 2, borderLeft: 6, borderLeftColor: KIND_COLORS[phase.kind].edge }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5, gap: 1 }}>
        <Typography component="h4" variant="h3" sx={{ flexGrow: 1, minWidth: 0 }}>
          {`${label}: ${phase.name}`}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1, fontWeight: 400 }}>
            {`${PHASE_KIND_LABELS[phase.kind]} · ${PHASE_STATUS_LABELS[phase.status]} · ${formatDisplayDate(phase.start)} – ${formatDisplayDate(phase.end)} · ${durationText(phase)}`}
          </Typography>
        </Typography>
        <Tooltip title="Move earlier">
          <span>
            <IconButton aria-label={`Move ${phase.name} earlier`} disabled={index === 0} onClick={() => onMove(phase, -1)}><ArrowUpwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Move later">
          <span>
            <IconButton aria-label={`Move ${phase.name} later`} disabled={index === count - 1} onClick={() => onMove(phase, 1)}><ArrowDownwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Delete phase">
          <IconButton aria-label={`Delete ${phase.name}`} onClick={() => onDelete(phase)}><DeleteOutlinedIcon /></IconButton>
        </Tooltip>
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '2fr 1fr 1fr 1fr 1fr' } }}>
        <AutosaveTextField
          id={phaseNameFieldId(phase.id)}
          label={`${label} name`}
          value={phase.name}
          validate={validateName}
          onCommit={(name) => run(renamePhase(phase, name))}
          sx={{ gridColumn: { sm: '1 / -1', lg: 'auto' } }}
        />
        <TextField
          select
          label={`${label} kind`}
          value={phase.kind}
          onChange={(e) => {
            void run(setPhaseKind(phase, e.target.value as PhaseKind));
          }}
        >
          {PHASE_KINDS.map((kind) => <MenuItem key={kind} value={kind}>{PHASE_KIND_LABELS[kind]}</MenuItem>)}
        </TextField>
        <TextField
          select
          label={`${label} status`}
          value={phase.status}
          onChange={(e) => {
            void run(setPhaseStatus(phase, e.target.value as PhaseStatus));
          }}
        >
          {PHASE_STATUSES.map((status) => <MenuItem key={status} value={status}>{PHASE_STATUS_LABELS[status]}</MenuItem>)}
        </TextField>
        <PhaseDateField label={`${label} start`} value={phase.start} validate={validateStart} onCommit={(start) => onDate(phase, 'start', start)} />
        <PhaseDateField label={`${label} end`} value={phase.end} validate={validateEnd} onCommit={(end) => onDate(phase, 'end', end)} />
        <AutosaveTextField
          label={`${label} goal`}
          helperText="What this phase sets out to do."
          value={phase.goal}
          validate={validateGoal}
          onCommit={(goal) => run(setPhaseText(phase, 'goal', goal))}
          slotProps={LONG_TEXT_SLOTS}
          sx={{ ...GROWING_TEXT, gridColumn: '1 / -1' }}
        />
        <Box sx={{ gridColumn: '1 / -1', display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <AutosaveTextField
            label={`${label} entry criteria`}
            helperText="What must be true before this phase begins."
            value={phase.entryCriteria}
            validate={validateEntry}
            onCommit={(entryCriteria) => run(setPhaseText(phase, 'entryCriteria', entryCriteria))}
            slotProps={LONG_TEXT_SLOTS}
            sx={GROWING_TEXT}
          />
          <AutosaveTextField
            label={`${label} go / no-go gate`}
            helperText="The evidence that must be true to move on."
            value={phase.gate}
            validate={validateGate}
            onCommit={(gate) => run(setPhaseText(phase, 'gate', gate))}
            slotProps={LONG_TEXT_SLOTS}
            sx={GROWING_TEXT}
          />
        </Box>
      </Box>
    </Paper>
  );
}, sameCard);

/** Every phase's details, in order, with add, reorder and delete. */
export function PhaseDetails({ phases, onAdd, run, onDate, onMove, onDelete, headingRef }: PhaseDetailsProps) {
  return (
    <Stack component="section" aria-labelledby="phases-heading" spacing={2}>
      <Box>
        <Typography id="phases-heading" component="h3" variant="h3" ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Phases</Typography>
        <Typography variant="body2" color="text.secondary">What each phase sets out to do, what must be true before it begins, and the evidence needed to move on.</Typography>
      </Box>
      {phases.map((phase, index) => (
        <PhaseCard
          key={phase.id}
          phase={phase}
          index={index}
          count={phases.length}
          run={run}
          onDate={onDate}
          onMove={onMove}
          onDelete={onDelete}
        />
      ))}
      <Box>
        <Button startIcon={<AddIcon />} variant="outlined" onClick={onAdd}>Add phase</Button>
      </Box>
    </Stack>
  );
}
