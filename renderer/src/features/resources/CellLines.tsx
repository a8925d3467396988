import { memo, useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import KeyboardReturnIcon from '@mui/icons-material/KeyboardReturn';
import SubdirectoryArrowRightIcon from '@mui/icons-material/SubdirectoryArrowRight';
import { useRunCommand } from '../../app/plan-history';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fieldProblem } from '../../domain/messages';
import { formatMoney, parseMoney } from '../../domain/budget';
import { formatNumber, parseNumberInput } from '../../domain/numbers';
import {
  amountText, DISTRICT_BUDGET, formatAmount, lineAmountText, parseAmount, stanceFit, stanceFitText, stanceOf, type AllocationKind,
} from '../../domain/resource-rules';
import { allocationSchema, ALLOCATION_KINDS, ALLOCATION_KIND_LABELS, MONEY_MAX_CENTS, RECURRENCE_LABELS, type AllocationRow, type StaffCost, type StanceValue } from '../../domain/schemas';
import { STANCE_LABELS } from '../../domain/stance-words';
import { StanceIcon } from '../../components/stance-icons';
import { setLineAmount, setLineArea, setLineFlexible, setLineKind, setLineNote, setLinePerSchool, setLineRecurrence, setLineSource, setLineStaffCost, setLineUntil, type LinePlace } from './commands';

export interface LinesCell {
  rowName: string;
  phaseId: string;
  phaseName: string;
  kind: AllocationKind;
  /** The wave's school count when the row is a wave; null for the central office or a school. */
  waveSchools: number | null;
}

/** A recurring line of an earlier phase that continues into the cell on show. */
export interface ContinuedLine {
  line: AllocationRow;
  fromPhaseName: string;
}

export interface CellLinesProps {
  /** The cell whose lines are shown, or null while a total has the focus. */
  cell: LinesCell | null;
  lines: readonly AllocationRow[];
  /** Lines of earlier phases continuing into this cell: shown here, edited in their own phase. */
  continued: readonly ContinuedLine[];
  /** The plan's phases in order (how far a recurring line continues). */
  phases: readonly { id: string; name: string }[];
  sources: readonly { id: string; name: string }[];
  areas: readonly { id: string; name: string }[];
  stances: readonly { areaId: string; phaseId: string; stance: StanceValue | null }[];
  /** Grows when the lines should take the focus (Enter on a cell with several lines). */
  focusRequest: number;
  /** The line just added, whose amount takes the focus. */
  focusLineId: string | null;
  onAdd: () => void;
  /** A line's kind was changed: it has left the grid's kind on show. */
  onKindChange: (kind: AllocationKind) => void;
  onDelete: (line: AllocationRow, index: number) => void;
  onReturn: () => void;
  /** Goes to the cell a continued line is typed in. */
  onGoToLine: (line: AllocationRow) => void;
}

const DISTRICT = 'district';
const NO_AREA = 'none';
const FOR_WAVE = 'wave';
const FOR_EACH_SCHOOL = 'each-school';
const validateNote = (text: string) => fieldProblem(allocationSchema.shape.note, text, 'Note');

function amountProblem(kind: AllocationKind) {
  return (text: string): string | null => {
    const read = parseAmount(kind, text);
    if (read === null) return 'Enter an amount (0 or more).';
    return typeof read === 'object' ? read.error : null;
  };
}

function costProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const read = parseMoney(text);
  if (read === null) return null;
  if (typeof read === 'object') return `Cost per FTE: ${read.error}`;
  return read > MONEY_MAX_CENTS ? `Cost per FTE: enter at most ${formatMoney(MONEY_MAX_CENTS)}.` : null;
}

function increaseProblem(text: string): string | null {
  const read = parseNumberInput(text, 'The yearly increase');
  if (!read.ok) return read.message;
  if (read.value !== null && (read.value < 0 || read.value > 50)) return 'The yearly increase must be between 0% and 50%.';
  return null;
}

interface LineEditorProps {
  line: AllocationRow;
  index: number;
  rowName: string;
  phaseName: string;
  waveSchools: number | null;
  phases: CellLinesProps['phases'];
  sources: CellLinesProps['sources'];
  areas: CellLinesProps['areas'];
  stances: CellLinesProps['stances'];
  autoFocus: boolean;
  onKindChange: CellLinesProps['onKindChange'];
  onDelete: CellLinesProps['onDelete'];
}

const LineEditor = memo(function LineEditor({ line, index, rowName, phaseName, waveSchools, phases, sources, areas, stances, autoFocus, onKindChange, onDelete }: LineEditorProps) {
  const run = useRunCommand();
  const amountRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [autoFocus]);
  const place: LinePlace = { index, rowName, phaseName };
  const fit = stanceFit(line, stances);
  const areaName = areas.find((a) => a.id === line.areaId)?.name ?? '';
  const stanceIn = (areaId: string) => stanceOf(areaId, line.phaseId, stances);
  const own = phases.findIndex((p) => p.id === line.phaseId);
  const later = own >= 0 ? phases.slice(own) : [];
  const until = line.untilPhaseId && later.some((p) => p.id === line.untilPhaseId) ? line.untilPhaseId : line.phaseId;
  const summaryId = `line-${line.id}-sum`;
  const cost = line.staffCost;
  return (
    <Box component="fieldset" data-line={line.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, m: 0, px: 1.5, pt: 0.5, pb: 1.5, minWidth: 0 }}>
      <Box component="legend" sx={{ px: 0.5, fontWeight: 600 }}>{`Line ${index + 1}`}</Box>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' }}>
        <AutosaveTextField
          label="Amount"
          value={formatAmount(line.kind, line.amount)}
          inputRef={amountRef}
          validate={amountProblem(line.kind)}
          onCommit={(text) => {
            const read = parseAmount(line.kind, text);
            return run(setLineAmount(line, place, typeof read === 'number' ? read : 0));
          }}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-describedby': summaryId } }}
        />
        <TextField
          select
          label="Kind"
          value={line.kind}
          onChange={(e) => {
            const kind = e.target.value as AllocationKind;
            void run(setLineKind(line, place, kind)).then((done) => {
              if (done && kind !== line.kind) onKindChange(kind);
            });
          }}
        >
          {ALLOCATION_KINDS.map((k) => <MenuItem key={k} value={k}>{ALLOCATION_KIND_LABELS[k]}</MenuItem>)}
        </TextField>
        <TextField
          select
          label="Paid from"
          value={line.sourceId ?? DISTRICT}
          sx={{ gridColumn: '1 / -1' }}
          onChange={(e) => {
            const sourceId = e.target.value === DISTRICT ? null : e.target.value;
            void run(setLineSource(line, place, sourceId));
          }}
        >
          <MenuItem value={DISTRICT}>{DISTRICT_BUDGET}</MenuItem>
          {sources.map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
        </TextField>
        <Typography id={summaryId} variant="body2" sx={{ gridColumn: '1 / -1', mt: -0.5, fontWeight: 600 }}>{lineAmountText(line, waveSchools ?? 0)}</Typography>
        {waveSchools !== null && (
          <FormControl sx={{ gridColumn: '1 / -1' }}>
            <FormLabel id={`line-${line.id}-for`} sx={{ fontSize: '0.875rem' }}>Goes to</FormLabel>
            <RadioGroup
              aria-labelledby={`line-${line.id}-for`}
              value={line.perSchool ? FOR_EACH_SCHOOL : FOR_WAVE}
              onChange={(e) => void run(setLinePerSchool(line, place, e.target.value === FOR_EACH_SCHOOL))}
            >
              <FormControlLabel value={FOR_WAVE} control={<Radio size="small" />} label="The wave as a whole" />
              <FormControlLabel value={FOR_EACH_SCHOOL} control={<Radio size="small" />} label={`Each school in the wave (${waveSchools} ${waveSchools === 1 ? 'school' : 'schools'})`} />
            </RadioGroup>
          </FormControl>
        )}
        {line.kind === 'staff-fte' && (
          <>
            <AutosaveTextField
              label="Cost per FTE a year"
              helperText="Salary plus benefits"
              sx={{ gridColumn: '1 / -1' }}
              value={cost ? formatMoney(cost.perFteCents) : ''}
              validate={costProblem}
              onCommit={(text) => {
                const read = parseMoney(text);
                const next: StaffCost | null = typeof read === 'number' ? { perFteCents: read, yearlyIncreasePercent: cost?.yearlyIncreasePercent ?? 0 } : null;
                return run(setLineStaffCost(line, place, next, 'cost'));
              }}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
            <AutosaveTextField
              label="Yearly increase (%)"
              value={cost ? formatNumber(cost.yearlyIncreasePercent, 2) : '0'}
              disabled={!cost}
              sx={{ gridColumn: '1 / -1' }}
              helperText={cost ? 'Each school year after the first' : 'Set a cost per FTE first'}
              validate={increaseProblem}
              onCommit={(text) => {
                const read = parseNumberInput(text, 'The yearly increase');
                if (!cost) return Promise.resolve(true);
                return run(setLineStaffCost(line, place, { ...cost, yearlyIncreasePercent: read.ok && read.value !== null ? read.value : 0 }, 'increase'));
              }}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </>
        )}
        <TextField
          select
          label="One-time or recurring"
          value={line.recurrence}
          sx={{ gridColumn: '1 / -1' }}
          onChange={(e) => {
            const recurrence = e.target.value as AllocationRow['recurrence'];
            void run(setLineRecurrence(line, place, recurrence));
          }}
        >
          <MenuItem value="one-time">{RECURRENCE_LABELS['one-time']}</MenuItem>
          <MenuItem value="ongoing">{RECURRENCE_LABELS.ongoing}</MenuItem>
        </TextField>
        {line.recurrence === 'ongoing' && later.length > 0 && (
          <TextField
            select
            label="Continues through"
            value={until}
            sx={{ gridColumn: '1 / -1' }}
            helperText={until === line.phaseId ? 'Counted in this phase only.' : `Counted in every phase from ${phaseName} through ${later.find((p) => p.id === until)?.name ?? ''}.`}
            onChange={(e) => {
              const target = later.find((p) => p.id === e.target.value) ?? null;
              void run(setLineUntil(line, place, target));
            }}
          >
            {later.map((p) => <MenuItem key={p.id} value={p.id}>{p.id === line.phaseId ? `${p.name} (this phase only)` : p.name}</MenuItem>)}
          </TextField>
        )}
        <TextField
          select
          label="Area"
          value={line.areaId ?? NO_AREA}
          onChange={(e) => {
            const areaId = e.target.value === NO_AREA ? null : e.target.value;
            void run(setLineArea(line, place, areaId));
          }}
          sx={{ gridColumn: '1 / -1' }}
        >
          <MenuItem value={NO_AREA}>No area</MenuItem>
          {areas.map((a) => {
            const stance = stanceIn(a.id);
            return <MenuItem key={a.id} value={a.id}>{stance ? `${a.name} (${STANCE_LABELS[stance].toLowerCase()} in ${phaseName})` : a.name}</MenuItem>;
          })}
        </TextField>
        <FormControlLabel
          sx={{ gridColumn: '1 / -1', mr: 0 }}
          control={(
            <Checkbox
              checked={line.flexible}
              onChange={(e) => void run(setLineFlexible(line, place, e.target.checked))}
            />
          )}
          label="Flexible: the school decides how to spend it"
        />
        {fit && (
          <Alert
            severity={fit === 'contradicts' ? 'warning' : 'info'}
            icon={<StanceIcon stance={fit === 'contradicts' ? 'tight' : 'loose'} fontSize="inherit" />}
            role="note"
            sx={{ gridColumn: '1 / -1', py: 0 }}
            action={fit === 'flexible' ? undefined : (
              <Button color="inherit" size="small" onClick={() => void run(setLineFlexible(line, place, fit === 'suggest-flexible'))}>
                {fit === 'suggest-flexible' ? 'Make it flexible' : 'Make it fixed'}
              </Button>
            )}
          >
            {stanceFitText(fit, areaName, phaseName)}
          </Alert>
        )}
        <AutosaveTextField
          label="Note"
          value={line.note}
          validate={validateNote}
          onCommit={(note) => run(setLineNote(line, place, note))}
          sx={{ gridColumn: '1 / -1' }}
        />
      </Box>
      <Button size="small" color="inherit" startIcon={<DeleteOutlinedIcon />} onClick={() => onDelete(line, index)} aria-label={`Delete line ${index + 1}`} sx={{ mt: 1 }}>
        Delete line
      </Button>
    </Box>
  );
});

/**
 * The lines of the cell in focus: where each comes from, one-time or ongoing, flexible or not,
 * the area it pays for and a note. A cell with several lines is edited here.
 */
export function CellLines({ cell, lines, continued, phases, sources, areas, stances, focusRequest, focusLineId, onAdd, onKindChange, onDelete, onReturn, onGoToLine }: CellLinesProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest > 0) boxRef.current?.querySelector<HTMLInputElement>('fieldset input')?.focus();
  }, [focusRequest]);

  if (!cell) {
    return (
      <Paper ref={boxRef} variant="outlined" component="section" aria-labelledby="rs-lines-heading" className="rs-lines">
        <Typography id="rs-lines-heading" component="h3" variant="h3" gutterBottom>Lines</Typography>
        <Typography color="text.secondary">Totals are worked out from the cells. Move to a cell to see and edit its lines.</Typography>
      </Paper>
    );
  }
  const total = lines.reduce((sum, l) => sum + l.amount * (l.perSchool && cell.waveSchools !== null ? cell.waveSchools : 1), 0);
  const summary = lines.length === 0
    ? `${ALLOCATION_KIND_LABELS[cell.kind]}: nothing yet.`
    : `${ALLOCATION_KIND_LABELS[cell.kind]}: ${lines.length} line${lines.length === 1 ? '' : 's'}, ${amountText(cell.kind, total)} in all.`;
  return (
    <Paper ref={boxRef} variant="outlined" component="section" aria-labelledby="rs-lines-heading" className="rs-lines">
      <Typography id="rs-lines-heading" component="h3" variant="h3">{`Lines: ${cell.rowName}, ${cell.phaseName}`}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{summary}</Typography>
      <Box sx={{ display: 'grid', gap: 1.5, mb: 1.5 }}>
        {lines.map((line, index) => (
          <LineEditor
            key={line.id}
            line={line}
            index={index}
            rowName={cell.rowName}
            phaseName={cell.phaseName}
            waveSchools={cell.waveSchools}
            phases={phases}
            sources={sources}
            areas={areas}
            stances={stances}
            autoFocus={line.id === focusLineId}
            onKindChange={onKindChange}
            onDelete={onDelete}
          />
        ))}
      </Box>
      {continued.length > 0 && (
        <Box component="section" aria-labelledby="rs-continued-heading" sx={{ mb: 1.5 }}>
          <Typography id="rs-continued-heading" component="h4" variant="subtitle2">Continued from earlier phases</Typography>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.5 }}>
            {continued.map(({ line, fromPhaseName }) => (
              <Box component="li" key={line.id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
                <SubdirectoryArrowRightIcon aria-hidden fontSize="small" />
                <Typography variant="body2" component="span">{`${lineAmountText(line, cell.waveSchools ?? 0)}, from ${fromPhaseName}`}</Typography>
                <Button size="small" onClick={() => onGoToLine(line)} aria-label={`Edit it in ${fromPhaseName}`}>{`Edit in ${fromPhaseName}`}</Button>
              </Box>
            ))}
          </Box>
        </Box>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={onAdd}>Add line</Button>
        <Button size="small" startIcon={<KeyboardReturnIcon />} onClick={onReturn}>Back to the grid</Button>
      </Box>
    </Paper>
  );
}
