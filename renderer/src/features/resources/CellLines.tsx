import { memo, useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import KeyboardReturnIcon from '@mui/icons-material/KeyboardReturn';
import { useRunCommand } from '../../app/plan-history';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fieldProblem } from '../../domain/messages';
import {
  amountText, DISTRICT_BUDGET, formatAmount, parseAmount, stanceFit, stanceFitText, stanceOf, type AllocationKind,
} from '../../domain/resource-rules';
import { allocationSchema, ALLOCATION_KINDS, ALLOCATION_KIND_LABELS, type AllocationRow, type StanceValue } from '../../domain/schemas';
import { STANCE_LABELS } from '../../domain/stance-words';
import { StanceIcon } from '../../components/stance-icons';
import { setLineAmount, setLineArea, setLineFlexible, setLineKind, setLineNote, setLineRecurrence, setLineSource, type LinePlace } from './commands';
import { RECURRENCE_LABELS } from './GridToolbar';

export interface LinesCell {
  rowName: string;
  phaseId: string;
  phaseName: string;
  kind: AllocationKind;
}

export interface CellLinesProps {
  /** The cell whose lines are shown, or null while a total has the focus. */
  cell: LinesCell | null;
  lines: readonly AllocationRow[];
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
}

const DISTRICT = 'district';
const NO_AREA = 'none';
const validateNote = (text: string) => fieldProblem(allocationSchema.shape.note, text, 'Note');

function amountProblem(kind: AllocationKind) {
  return (text: string): string | null => {
    const read = parseAmount(kind, text);
    if (read === null) return 'Enter an amount (0 or more).';
    return typeof read === 'object' ? read.error : null;
  };
}

interface LineEditorProps {
  line: AllocationRow;
  index: number;
  rowName: string;
  phaseName: string;
  sources: CellLinesProps['sources'];
  areas: CellLinesProps['areas'];
  stances: CellLinesProps['stances'];
  autoFocus: boolean;
  onKindChange: CellLinesProps['onKindChange'];
  onDelete: CellLinesProps['onDelete'];
}

const LineEditor = memo(function LineEditor({ line, index, rowName, phaseName, sources, areas, stances, autoFocus, onKindChange, onDelete }: LineEditorProps) {
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
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
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
        <TextField
          select
          label="One-time or ongoing"
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
export function CellLines({ cell, lines, sources, areas, stances, focusRequest, focusLineId, onAdd, onKindChange, onDelete, onReturn }: CellLinesProps) {
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
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
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
            sources={sources}
            areas={areas}
            stances={stances}
            autoFocus={line.id === focusLineId}
            onKindChange={onKindChange}
            onDelete={onDelete}
          />
        ))}
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={onAdd}>Add line</Button>
        <Button size="small" startIcon={<KeyboardReturnIcon />} onClick={onReturn}>Back to the grid</Button>
      </Box>
    </Paper>
  );
}
