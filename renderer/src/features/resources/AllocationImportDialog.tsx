import { useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { ALLOCATIONS_SHEET, readAllocationSheet, type AllocationSheetResult, type SheetLine } from '../../domain/allocation-sheet';
import { newId } from '../../domain/ids';
import { amountText, sourceName } from '../../domain/resource-rules';
import { formatMoney } from '../../domain/budget';
import { ALLOCATION_KIND_LABELS, RECURRENCE_LABELS, type AllocationRow, type PlanBundle } from '../../domain/schemas';
import { plural } from '../../domain/words';

export interface AllocationImportDialogProps {
  bundle: PlanBundle;
  onClose: () => void;
  /** Writes the lines in one step; resolves true when written, and the dialog closes. */
  onImport: (lines: AllocationRow[]) => Promise<boolean>;
}

interface ReadSheet {
  fileName: string;
  /** Which sheet was read, and why that one. */
  note: string;
  result: AllocationSheetResult;
}

const PREVIEW_ROWS = 50;

/** Names of the records a line points at, for the preview. */
function namer(bundle: PlanBundle) {
  const name = (rows: readonly { id: string; name: string }[], id: string | null, none: string) => (id === null ? none : rows.find((r) => r.id === id)?.name ?? none);
  return {
    phase: (id: string | null) => name(bundle.phases, id, '—'),
    area: (id: string | null) => name(bundle.areas, id, 'no area'),
    source: (id: string | null) => sourceName(id, bundle.fundingSources),
    recipient: (line: AllocationRow) => {
      const r = line.recipient;
      if (r.kind === 'central') return 'Central office';
      return r.kind === 'wave' ? `${name(bundle.waves, r.waveId, 'a wave')}${line.perSchool ? ' (each school)' : ''}` : name(bundle.schools, r.schoolId, 'a school');
    },
  };
}

/** What a row changes in a line, in words: "Amount $120,000 → $99,000; Note …". */
function changeWords(before: AllocationRow, after: AllocationRow, names: ReturnType<typeof namer>): string {
  const staff = (line: AllocationRow) => (line.staffCost ? `${formatMoney(line.staffCost.perFteCents)} per FTE, +${line.staffCost.yearlyIncreasePercent}% a year` : 'none');
  const fields: [string, (line: AllocationRow) => string][] = [
    ['Phase', (l) => names.phase(l.phaseId)],
    ['Through phase', (l) => names.phase(l.untilPhaseId)],
    ['Recipient', names.recipient],
    ['Kind', (l) => ALLOCATION_KIND_LABELS[l.kind]],
    ['Amount', (l) => amountText(l.kind, l.amount)],
    ['Cost per FTE', staff],
    ['Recurrence', (l) => RECURRENCE_LABELS[l.recurrence]],
    ['Funding source', (l) => names.source(l.sourceId)],
    ['Flexible', (l) => (l.flexible ? 'Yes' : 'No')],
    ['Area', (l) => names.area(l.areaId)],
    ['Note', (l) => (l.note ? `“${l.note}”` : 'none')],
  ];
  return fields.flatMap(([label, show]) => (show(before) === show(after) ? [] : [`${label}: ${show(before)} → ${show(after)}`])).join('; ');
}

/**
 * Import allocations from the plan's workbook, edited in a spreadsheet: every row is checked
 * against the plan first, the preview says what changes and what is added (or which rows have
 * problems, by sheet, row and column), and only a sheet that reads cleanly is written, in one
 * step with one Undo.
 */
export function AllocationImportDialog({ bundle, onClose, onImport }: AllocationImportDialogProps) {
  const [read, setRead] = useState<ReadSheet | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const names = useMemo(() => namer(bundle), [bundle]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const { pickSheet, readWorkbook } = await import('../../domain/xlsx-reader');
      const sheets = await readWorkbook(new Uint8Array(await chosen.arrayBuffer()));
      const sheet = pickSheet(sheets, ALLOCATIONS_SHEET);
      if (!sheet) throw new Error('it has no sheets.');
      const named = sheet.name.trim().toLowerCase() === ALLOCATIONS_SHEET.toLowerCase();
      const note = named || sheets.length === 1 ? `Read the sheet “${sheet.name}”.` : `Read the first sheet, “${sheet.name}”: the workbook has no sheet named “${ALLOCATIONS_SHEET}”.`;
      const result = readAllocationSheet(sheet, { ...bundle, planId: bundle.plan.id }, newId);
      setRead({ fileName: chosen.name, note, result });
      setReadError(null);
    } catch (error) {
      setRead(null);
      setReadError(`“${chosen.name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const result = read?.result;
  const lines: (SheetLine & { before?: AllocationRow })[] = result ? [...result.changed, ...result.added].sort((a, b) => a.row - b.row) : [];
  const problemRows = result ? new Set(result.problems.map((p) => p.row)).size : 0;
  const ready = result !== undefined && result.problems.length === 0 && lines.length > 0;

  const submit = async () => {
    if (!ready || saving) return;
    setSaving(true);
    const done = await onImport(lines.map((l) => l.line));
    setSaving(false);
    if (done) onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="allocation-import-title">
      <DialogTitle id="allocation-import-title">Import allocations from a spreadsheet</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Button variant={read ? 'outlined' : 'contained'} startIcon={<UploadFileOutlinedIcon />} onClick={() => picker.current?.click()}>
            {read ? 'Choose another file…' : 'Choose an Excel file…'}
          </Button>
          <input ref={picker} hidden tabIndex={-1} aria-hidden type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
          <Box sx={{ flex: '1 1 360px' }}>
            <Typography color="text.secondary">
              {read
                ? `${read.fileName}, sheet “${read.result.sheet}”: ${plural(read.result.changed.length + read.result.added.length + read.result.unchanged + problemRows, 'row')} of allocations.`
                : 'The “Allocations” sheet of this plan’s workbook (Share › Spreadsheet), edited in Excel or another spreadsheet. A row with a Line ID changes that line; a row without one adds a line; lines the sheet leaves out stay as they are. Phases, recipients, funding sources and areas are named as the plan names them.'}
            </Typography>
            {read && <Typography color="text.secondary">{read.note}</Typography>}
          </Box>
        </Box>
        {readError && <Alert severity="error" sx={{ mb: 2 }}>{readError}</Alert>}
        {result && (
          <>
            {result.problems.length > 0 ? (
              <Alert severity="error" role="status" sx={{ mb: 2 }}>
                {plural(problemRows, 'row')} with problems: fix {problemRows === 1 ? 'it' : 'them'} in the spreadsheet and choose the file again. Nothing is imported until every row can be read.
              </Alert>
            ) : (
              <Alert severity={lines.length > 0 ? 'success' : 'info'} role="status" sx={{ mb: 2 }}>
                {plural(result.changed.length, 'line')} changed, {result.added.length.toLocaleString('en-US')} added, {result.unchanged.toLocaleString('en-US')} unchanged.
                {result.kept > 0 && ` ${plural(result.kept, 'line')} of the plan ${result.kept === 1 ? 'is' : 'are'} not in the sheet and ${result.kept === 1 ? 'stays' : 'stay'} as ${result.kept === 1 ? 'it is' : 'they are'}.`}
              </Alert>
            )}
            {result.problems.length > 0 && (
              <List dense aria-label="Rows with problems" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 2, maxHeight: 320, overflow: 'auto' }}>
                {result.problems.map((problem) => (
                  <ListItem key={`${problem.row}-${problem.column}-${problem.message}`} sx={{ gap: 2, alignItems: 'flex-start' }}>
                    <ErrorOutlineIcon color="error" fontSize="small" aria-hidden sx={{ mt: '2px' }} />
                    <Typography>{problem.message}</Typography>
                  </ListItem>
                ))}
              </List>
            )}
            {lines.length > 0 && (
              <TableContainer tabIndex={0} role="region" aria-label="Preview of the import" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 420 }}>
                <Table size="small" stickyHeader aria-label={lines.length > PREVIEW_ROWS ? `First ${PREVIEW_ROWS} changes to import` : 'Changes to import'}>
                  <TableHead>
                    <TableRow>
                      <TableCell>Row</TableCell>
                      <TableCell>Change</TableCell>
                      <TableCell>Phase</TableCell>
                      <TableCell>Recipient</TableCell>
                      <TableCell align="right">Amount</TableCell>
                      <TableCell>What changes</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {lines.slice(0, PREVIEW_ROWS).map((entry) => (
                      <TableRow key={entry.row}>
                        <TableCell>{entry.row}</TableCell>
                        <TableCell>{entry.before ? 'Changed' : 'Added'}</TableCell>
                        <TableCell>{names.phase(entry.line.phaseId)}</TableCell>
                        <TableCell>{names.recipient(entry.line)}</TableCell>
                        <TableCell align="right">{amountText(entry.line.kind, entry.line.amount)}</TableCell>
                        <TableCell>{entry.before ? changeWords(entry.before, entry.line, names) : `New ${RECURRENCE_LABELS[entry.line.recurrence].toLowerCase()} line, paid from ${names.source(entry.line.sourceId)}`}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!ready || saving} onClick={() => void submit()}>
          {ready ? `Import ${plural(lines.length, 'change')}` : 'Import'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
