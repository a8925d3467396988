import { useEffect, useRef, useState, type FormEvent } from 'react';
import { format } from 'date-fns';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { appServices } from '../../app/services';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { visuallyHidden } from '../../components/visually-hidden';
import { fieldProblem } from '../../domain/messages';
import { formatMeasure, shortUnit, progressText, targetFor } from '../../domain/outcome-rules';
import { formatNumber, parseNumberInput } from '../../domain/numbers';
import { formatDisplayDate } from '../../domain/phase-rules';
import { isoDateSchema, outcomeSchema, planSchema, type Outcome, type Phase } from '../../domain/schemas';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import {
  addOutcome, addOutcomeResult, deleteOutcome, deleteOutcomeResult, moveOutcome, renameOutcome, setOutcomeBaseline, setOutcomeTarget, setOutcomeUnit, setVision,
} from './commands';

const noteSchema = outcomeSchema.shape.actuals.element.shape.note;

const validateVision = (text: string) => fieldProblem(planSchema.shape.vision, text, 'Vision');
const validateName = (text: string) => fieldProblem(outcomeSchema.shape.name, text, 'Measure name');
const validateUnit = (text: string) => fieldProblem(outcomeSchema.shape.unit, text, 'Unit');
const numberProblem = (label: string) => (text: string) => {
  const read = parseNumberInput(text, label);
  return read.ok ? null : read.message;
};
/** The number a field holds, once validate has passed it. */
const numberOf = (text: string): number | null => {
  const read = parseNumberInput(text, 'Value');
  return read.ok ? read.value : null;
};
const shown = (value: number | null) => (value === null ? '' : formatNumber(value));

export function OutcomesSection({ bundle }: SectionProps) {
  const { plan, phases, outcomes } = bundle;
  const run = useRunCommand();
  const [focusId, setFocusId] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // After a move, the button the planner pressed keeps the focus once the list has reordered.
  const pendingMove = useRef<{ id: string; direction: -1 | 1; index: number } | null>(null);
  useEffect(() => {
    const pending = pendingMove.current;
    if (!pending || outcomes.findIndex((o) => o.id === pending.id) !== pending.index) return;
    pendingMove.current = null;
    const button = (direction: -1 | 1) => document.querySelector<HTMLButtonElement>(`[data-move="${pending.id}:${direction}"]`);
    const pressed = button(pending.direction);
    (pressed && !pressed.disabled ? pressed : button(pending.direction === -1 ? 1 : -1))?.focus();
  }, [outcomes]);

  const today = format(appServices().now(), 'yyyy-MM-dd');

  const addMeasure = async () => {
    const command = addOutcome(plan.id);
    if (await run(command)) setFocusId(command.id);
  };

  const move = async (outcome: Outcome, index: number, direction: -1 | 1) => {
    pendingMove.current = { id: outcome.id, direction, index: index + direction };
    if (!(await run(moveOutcome(outcome, direction)))) pendingMove.current = null;
  };

  const remove = async (outcome: Outcome) => {
    addButton.current?.focus();
    await run(deleteOutcome(outcome));
  };

  return (
    <Stack component="section" aria-labelledby="section-heading" spacing={3} sx={{ maxWidth: 1400, mx: 'auto' }}>
      <SectionHeading description="The central “why” of the plan, and how the system will know it is working: a few measures, each with a baseline, a target for the end of each phase, and results as they arrive.">
        Vision & outcomes
      </SectionHeading>

      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography id="vision-heading" component="h3" variant="h3" gutterBottom>Vision</Typography>
        <AutosaveTextField
          label="Vision"
          value={plan.vision}
          multiline
          minRows={4}
          fullWidth
          validate={validateVision}
          onCommit={(vision) => run(setVision(plan.id, vision))}
          slotProps={{ formHelperText: { sx: { typography: 'body2', mx: 0, mt: 1, color: 'text.secondary', maxWidth: '90ch' } } }}
          helperText="What should blended and personalized learning look, sound and feel like in this system? This is the central “why”: the reason the system supports it, and what success means for students. With that clear, schools can find their own path to it."
        />
      </Paper>

      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography id="measures-heading" component="h3" variant="h3">Outcome measures</Typography>
        {outcomes.length > 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: '75ch' }}>
            Numbers accept commas and a percent sign, like 1,250 or 75%. Leave a target blank for a phase that has none.
          </Typography>
        ) : (
          <Typography sx={{ my: 1, mb: 2, maxWidth: '75ch' }}>
            No outcome measures yet. Defining what success means for students, and how it will be measured, is the
            central office’s most important job. Examples: share of students meeting growth goals in math, chronic
            absence rate, share of teachers using data to group students weekly.
          </Typography>
        )}
        <Stack spacing={2} sx={{ mb: 2 }}>
          {outcomes.map((outcome, index) => (
            <OutcomeCard
              key={outcome.id}
              outcome={outcome}
              index={index}
              count={outcomes.length}
              phases={phases}
              planId={plan.id}
              today={today}
              autoFocusName={outcome.id === focusId}
              onMove={(direction) => void move(outcome, index, direction)}
              onDelete={() => void remove(outcome)}
            />
          ))}
        </Stack>
        <Button ref={addButton} variant="outlined" startIcon={<AddIcon />} onClick={() => void addMeasure()}>Add outcome measure</Button>
      </Paper>
    </Stack>
  );
}

interface OutcomeCardProps {
  outcome: Outcome;
  index: number;
  count: number;
  phases: Phase[];
  planId: string;
  today: string;
  autoFocusName: boolean;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}

function OutcomeCard({ outcome, index, count, phases, planId, today, autoFocusName, onMove, onDelete }: OutcomeCardProps) {
  const run = useRunCommand();
  const name = outcome.name;
  const headingId = `measure-${outcome.id}-heading`;
  const phaseIds = phases.map((p) => p.id);
  // A measure just added: its name takes the focus, selected, so the planner can type over it.
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!autoFocusName) return;
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [autoFocusName]);

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Typography id={headingId} component="h4" variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {`Measure ${index + 1}: ${name}`}
        </Typography>
        <Tooltip describeChild title="Move up">
          <span>
            <IconButton data-move={`${outcome.id}:-1`} aria-label={`Move “${name}” up`} disabled={index === 0} onClick={() => onMove(-1)}><ArrowUpwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip describeChild title="Move down">
          <span>
            <IconButton data-move={`${outcome.id}:1`} aria-label={`Move “${name}” down`} disabled={index === count - 1} onClick={() => onMove(1)}><ArrowDownwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip describeChild title="Delete measure">
          <IconButton aria-label={`Delete “${name}”`} onClick={onDelete}><DeleteOutlinedIcon /></IconButton>
        </Tooltip>
      </Stack>

      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, mb: 2, '& > :first-of-type': { gridColumn: '1 / -1' } }}>
            <AutosaveTextField
              label="Name"
              value={name}
              inputRef={nameRef}
              validate={validateName}
              onCommit={(text) => run(renameOutcome(outcome, text))}
              slotProps={{ htmlInput: { 'aria-label': `Measure ${index + 1} name` } }}
            />
            <AutosaveTextField
              label="Unit"
              value={outcome.unit}
              placeholder="% of students"
              validate={validateUnit}
              onCommit={(unit) => run(setOutcomeUnit(outcome, unit))}
              slotProps={{ htmlInput: { 'aria-label': `${name} unit` }, inputLabel: { shrink: true } }}
            />
            <AutosaveTextField
              label="Baseline"
              value={shown(outcome.baseline)}
              validate={numberProblem('Baseline')}
              onCommit={(text) => run(setOutcomeBaseline(outcome, numberOf(text)))}
              slotProps={{ htmlInput: { 'aria-label': `${name} baseline`, inputMode: 'decimal' } }}
            />
          </Box>
          <Typography component="h5" variant="subtitle2" sx={{ mb: 1 }}>Target by the end of each phase</Typography>
          {phases.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No phases yet. <Link href={routeHref(planRoute(planId, 'roadmap'))}>Add phases on the Roadmap</Link> to set a target for each.
            </Typography>
          ) : (
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' }}>
              {phases.map((phase) => {
                return (
                  <AutosaveTextField
                    key={phase.id}
                    label={phase.name}
                    value={shown(targetFor(outcome.targets, phase.id))}
                    validate={numberProblem('Target')}
                    helperText={`By ${formatDisplayDate(phase.end)}`}
                    onCommit={(text) => run(setOutcomeTarget(outcome, phase, numberOf(text), phaseIds))}
                    slotProps={{ htmlInput: { 'aria-label': `${name} target for ${phase.name}`, inputMode: 'decimal' } }}
                  />
                );
              })}
            </Box>
          )}
        </Box>

        <Box>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, mb: 1.5 }}>
            <TrendingUpIcon aria-hidden fontSize="small" sx={{ mt: '2px', color: 'text.secondary' }} />
            <Typography variant="body2" aria-live="polite" sx={{ fontWeight: 600 }}>{progressText(outcome, phases, today)}</Typography>
          </Box>
          <Typography component="h5" variant="subtitle2">Results</Typography>
          {outcome.actuals.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>None recorded yet. Add results as they arrive.</Typography>
          ) : (
            <Table size="small" aria-label={`Results for ${name}`} sx={{ mb: 1, '& td, & th': { px: 1 } }}>
              <TableHead>
                <TableRow>
                  <TableCell>Date</TableCell>
                  <TableCell align="right">Value</TableCell>
                  <TableCell>Note</TableCell>
                  <TableCell><Box component="span" sx={visuallyHidden}>Actions</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {outcome.actuals.map((actual, i) => {
                  const when = formatDisplayDate(actual.date);
                  return (
                    // Results have no id; date, value and place tell them apart.
                    <TableRow key={`${actual.date}-${actual.value}-${i}`}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{when}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMeasure(actual.value, shortUnit(outcome.unit) === '%' || shortUnit(outcome.unit) === '$' ? shortUnit(outcome.unit) : '')}</TableCell>
                      <TableCell sx={{ overflowWrap: 'anywhere' }}>{actual.note}</TableCell>
                      <TableCell align="right" sx={{ width: 48 }}>
                        <Tooltip describeChild title="Delete this result">
                          <IconButton
                            size="small"
                            aria-label={`Delete the result of ${when} for “${name}”`}
                            onClick={() => void run(deleteOutcomeResult(outcome, actual))}
                          >
                            <DeleteOutlinedIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <AddResultForm outcome={outcome} today={today} />
        </Box>
      </Box>
    </Box>
  );
}

function AddResultForm({ outcome, today }: { outcome: Outcome; today: string }) {
  const run = useRunCommand();
  const [date, setDate] = useState(today);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ date?: string; value?: string; note?: string }>({});
  const valueRef = useRef<HTMLInputElement>(null);
  const name = outcome.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = parseNumberInput(value, 'Value', { required: true });
    const found = {
      date: isoDateSchema.safeParse(date).success ? undefined : 'Date must be a date.',
      value: read.ok ? undefined : read.message,
      note: fieldProblem(noteSchema, note, 'Note') ?? undefined,
    };
    setProblems(found);
    if (found.date || found.value || found.note || !read.ok || read.value === null) {
      valueRef.current?.focus();
      return;
    }
    const actual = { date, value: read.value, note: note.trim() };
    if (await run(addOutcomeResult(outcome, actual))) {
      setValue('');
      setNote('');
      valueRef.current?.focus();
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={`Add a result to ${name}`} sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '150px 110px minmax(0, 1fr) auto' }, alignItems: 'start', pt: 1 }}>
      <TextField
        label="Date"
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={Boolean(problems.date)}
        helperText={problems.date}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': `Date of new result for ${name}` } }}
      />
      <TextField
        label="Value"
        value={value}
        inputRef={valueRef}
        onChange={(e) => setValue(e.target.value)}
        error={Boolean(problems.value)}
        helperText={problems.value}
        slotProps={{ htmlInput: { 'aria-label': `Value of new result for ${name}`, inputMode: 'decimal' } }}
      />
      <TextField
        label="Note"
        placeholder="Optional"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={Boolean(problems.note)}
        helperText={problems.note}
        slotProps={{ htmlInput: { 'aria-label': `Note on new result for ${name}` } }}
      />
      <Button type="submit" variant="outlined" startIcon={<AddIcon />} aria-label={`Add result to “${name}”`} sx={{ height: 40, whiteSpace: 'nowrap' }}>Add result</Button>
    </Box>
  );
}
