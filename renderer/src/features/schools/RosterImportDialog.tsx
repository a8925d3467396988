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
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmberOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { lineWord, parseCsv, ROSTER_FIELDS, type ParsedCsv } from '../../domain/roster-csv';
import { parseRangeInput, rangeText } from '../../domain/indicators';
import { checkRoster, guessChoices, guessNewIndicators, importRecords, rangeWarnings, type ColumnChoice, type ImportSchool, type NewIndicator, type NewIndicatorSettings, type RangeWarning, type RosterFixes } from '../../domain/roster-import';
import { INDICATOR_SIDES, type IndicatorRow, type IndicatorSideValue, type Wave } from '../../domain/schemas';
import type { IndicatorDirection } from '../../domain/school-scoring';
import { visuallyHidden } from '../../components/visually-hidden';
import { plural } from '../../domain/words';
import { decodeText, ENCODING_CHOICE_LABELS, ENCODING_CHOICES, unreadableMessages, type DecodedText, type EncodingChoice } from '../../domain/text-encoding';
import { percentText } from './school-format';

export interface RosterImportDialogProps {
  planId: string;
  indicators: IndicatorRow[];
  /** The plan's waves, which a Wave column names. */
  waves?: Pick<Wave, 'id' | 'name'>[];
  onClose: () => void;
  /** Writes the schools in one transaction; resolves true when written, and the dialog closes. */
  onImport: (schools: ImportSchool[], newIndicators: NewIndicator[]) => Promise<boolean>;
}

interface LoadedFile {
  name: string;
  /** How a text file's bytes were read; null for a workbook. */
  decoded: DecodedText | null;
  /** For a workbook: which sheet was read, and why that one. */
  sheetNote: string | null;
  parsed: ParsedCsv;
}

/** The sheet a roster is read from when a workbook has it; otherwise its first sheet. */
const ROSTER_SHEET = 'Schools';
const NO_WAVES: Pick<Wave, 'id' | 'name'>[] = [];

/** The chosen file's bytes, kept so that another text encoding can be chosen without choosing the file again. */
interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

const PREVIEW_ROWS = 5;

/** Why a chosen file cannot be read as a roster, or null. */
function fileProblem(name: string, parsed: ParsedCsv): string | null {
  const what = parsed.sheet === undefined ? `“${name}”` : `The sheet “${parsed.sheet}” of “${name}”`;
  if (parsed.header.every((h) => h.trim() === '')) return `${what} is empty: it has no header row naming its columns.`;
  if (parsed.rows.length === 0) return `${what} has a header row but no schools under it.`;
  return null;
}

/** A workbook this import reads directly (.xlsx), or one that must be saved as one first. */
const isWorkbook = (name: string, bytes: Uint8Array) => /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
const otherSpreadsheet = (name: string) => /\.(xls|xlsb|ods|numbers)$/i.test(name)
  ? `“${name}” is a spreadsheet this import does not read. Open it and save it as an Excel Workbook (.xlsx) or as CSV (in Excel: File › Save As), and choose that file.`
  : null;

/** Reads a workbook's roster sheet as a table (the reader loads on demand). */
async function readRosterSheet(name: string, bytes: Uint8Array): Promise<{ parsed: ParsedCsv; sheetNote: string }> {
  const { pickSheet, readWorkbook, sheetAsTable } = await import('../../domain/xlsx-reader');
  const sheets = await readWorkbook(bytes);
  const sheet = pickSheet(sheets, ROSTER_SHEET);
  if (!sheet) throw new Error(`“${name}” has no sheets.`);
  const named = sheet.name.trim().toLowerCase() === ROSTER_SHEET.toLowerCase();
  const sheetNote = named || sheets.length === 1
    ? `Read the sheet “${sheet.name}”.`
    : `Read the first sheet, “${sheet.name}”: the workbook has no sheet named “${ROSTER_SHEET}”.`;
  return { parsed: sheetAsTable(sheet), sheetNote };
}

/**
 * Import a school roster from a CSV export: choose what each column is read as (guessed from
 * its header), see every bad row with its line and reason, fix a bad cell in place or leave
 * the row to be skipped, check a preview, and only then write, in one transaction.
 */
export function RosterImportDialog({ planId, indicators, waves = NO_WAVES, onClose, onImport }: RosterImportDialogProps) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [readError, setReadError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [fixes, setFixes] = useState<RosterFixes>({});
  const [guesses, setGuesses] = useState<NewIndicatorSettings>({});
  const [rangeTexts, setRangeTexts] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const result = useMemo(() => (file ? checkRoster(file.parsed, choices, fixes, waves) : null), [file, choices, fixes, waves]);
  const own = indicators.filter((i) => i.source === 'value');
  // The planner's settings for new indicators: the guesses, with each typed range read.
  const rangeErrors = new Map<number, string>();
  const settings: NewIndicatorSettings = Object.fromEntries(Object.entries(guesses).map(([key, guess]) => {
    const index = Number(key);
    const text = rangeTexts[index];
    if (text === undefined) return [index, guess];
    const read = parseRangeInput(text, 'Range');
    if (!read.ok) {
      if (choices[index] === 'new-indicator') rangeErrors.set(index, read.message);
      return [index, guess];
    }
    return [index, { ...guess, range: read.value, unit: guess.unit === (guess.range ? rangeText(guess.range) : '') && read.value && guess.unit !== '%' ? rangeText(read.value) : guess.unit }];
  }));
  const warnings = file && result ? rangeWarnings(result, choices, file.parsed, indicators, settings) : [];
  const setGuess = (index: number, change: Partial<NewIndicatorSettings[number]>) => setGuesses((g) => {
    const old = g[index];
    return old ? { ...g, [index]: { ...old, ...change } } : g;
  });

  /** Shows a read file, and starts the columns and fixes afresh. */
  const show = (loaded: LoadedFile) => {
    const { parsed } = loaded;
    const problem = fileProblem(loaded.name, parsed);
    setReadError(problem);
    if (problem) {
      setFile(null);
      return;
    }
    setFile(loaded);
    setChoices(guessChoices(parsed, indicators));
    setGuesses(guessNewIndicators(parsed));
    setRangeTexts({});
    setFixes({});
  };

  /** Reads the bytes as text in the chosen encoding. */
  const load = (source: PickedFile, choice: EncodingChoice) => {
    const decoded = decodeText(source.bytes, choice);
    show({ name: source.name, decoded, sheetNote: null, parsed: parseCsv(decoded.text) });
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const refused = otherSpreadsheet(chosen.name);
      if (refused) {
        setFile(null);
        setPicked(null);
        setReadError(refused);
        return;
      }
      const source = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
      if (isWorkbook(source.name, source.bytes)) {
        setPicked(null);
        show({ name: source.name, decoded: null, ...(await readRosterSheet(source.name, source.bytes)) });
        return;
      }
      setPicked(source);
      load(source, encoding);
    } catch (error) {
      setFile(null);
      setPicked(null);
      setReadError(`“${chosen.name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const chooseEncoding = (choice: EncodingChoice) => {
    setEncoding(choice);
    if (picked) load(picked, choice);
  };

  const submit = async () => {
    if (!file || !result || result.schools.length === 0 || saving || rangeErrors.size > 0) return;
    setSaving(true);
    const records = importRecords(result, choices, file.parsed, planId, indicators, settings);
    const done = await onImport(records.schools, records.newIndicators);
    setSaving(false);
    if (done) onClose();
  };

  const badLines = result ? new Set(result.problems.filter((p) => p.line !== file?.parsed.headerLine).map((p) => p.line)).size : 0;
  const fileLevel = result?.problems.filter((p) => p.line === file?.parsed.headerLine) ?? [];
  // Text kept from each row that holds a character that could not be read (a sign of the wrong encoding), by line.
  const unreadable = new Map<number, string[]>();
  result?.schools.forEach((school, i) => {
    const messages = unreadableMessages([school.name, school.code, school.gradeBand]);
    if (messages.length > 0) unreadable.set(result.lines[i] ?? 0, messages);
  });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="roster-title">
      <DialogTitle id="roster-title">Import schools from a roster file</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Button variant={file ? 'outlined' : 'contained'} startIcon={<UploadFileOutlinedIcon />} onClick={() => picker.current?.click()}>
            {file ? 'Choose another file…' : 'Choose a CSV or Excel file…'}
          </Button>
          <input ref={picker} hidden tabIndex={-1} aria-hidden type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
          {/* A workbook's cells carry their own text; only a text file has an encoding to choose. */}
          {file?.decoded !== null && (
            <TextField select size="small" label="Text encoding" value={encoding} onChange={(e) => chooseEncoding(e.target.value as EncodingChoice)} sx={{ width: 280 }}>
              {ENCODING_CHOICES.map((choice) => <MenuItem key={choice} value={choice}>{ENCODING_CHOICE_LABELS[choice]}</MenuItem>)}
            </TextField>
          )}
          <Box sx={{ flex: '1 1 360px' }}>
            <Typography color="text.secondary">
              {file
                ? `${file.name}${file.parsed.sheet === undefined ? '' : `, sheet “${file.parsed.sheet}”`}: ${plural(file.parsed.rows.length, 'row')} under the header on ${lineWord(file.parsed)} ${file.parsed.headerLine}.`
                : 'A CSV export from your student information system, or an Excel workbook (.xlsx: its “Schools” sheet, or else its first), with a header row. CSV: commas, semicolons or tabs; UTF-8 or Windows-1252 (as Excel on Windows saves CSV), with or without a byte-order mark. Schools already in the plan (same code, or same name) are updated; a blank cell keeps what the plan has.'}
            </Typography>
            {file && <Typography color="text.secondary">{file.decoded ? file.decoded.reason : file.sheetNote}</Typography>}
          </Box>
        </Box>
        {readError && <Alert severity="error" sx={{ mb: 2 }}>{readError}</Alert>}
        {file && result && (
          <>
            <Typography variant="h3" sx={{ fontSize: '1.05rem', mb: 1 }}>1. What each column holds</Typography>
            <Typography color="text.secondary" sx={{ mb: 1, maxWidth: '90ch' }}>
              A column read as a new indicator counts toward need or readiness as guessed from its name; check each guess, and its range (values outside it are flagged). New indicators start with weight 0: weigh them under Need &amp; readiness.
            </Typography>
            <ColumnChoices
              parsed={file.parsed}
              choices={choices}
              own={own}
              settings={settings}
              rangeTexts={rangeTexts}
              rangeErrors={rangeErrors}
              onChange={(index, choice) => setChoices((c) => c.map((old, i) => (i === index ? choice : old)))}
              onSetting={setGuess}
              onRangeText={(index, text) => setRangeTexts((t) => ({ ...t, [index]: text }))}
            />

            <Typography variant="h3" sx={{ fontSize: '1.05rem', mt: 3, mb: 1 }}>2. Check the rows</Typography>
            {fileLevel.length > 0 ? (
              <Alert severity="error" sx={{ mb: 2 }}>
                {fileLevel.map((p) => <div key={p.message}>{p.message}</div>)}
              </Alert>
            ) : (
              <Alert severity={badLines > 0 || unreadable.size > 0 ? 'warning' : 'success'} sx={{ mb: 2 }} role="status">
                {plural(result.schools.length, 'school')} ready to import.
                {badLines > 0 && ` ${plural(badLines, 'row')} with problems: fix a value below, or the row is skipped.`}
              </Alert>
            )}
            {result.notes.map((note) => <Alert key={note} severity="info" sx={{ mb: 1 }}>{note}</Alert>)}
            {fileLevel.length === 0 && unreadable.size > 0 && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {plural(unreadable.size, 'school')} {unreadable.size === 1 ? 'has' : 'have'} a character that could not be read, flagged in the preview: choose another text encoding above, or {unreadable.size === 1 ? 'it is' : 'they are'} imported as shown.
              </Alert>
            )}
            {fileLevel.length === 0 && result.problems.length > 0 && (
              <List dense aria-label="Rows with problems" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 2, maxHeight: 320, overflow: 'auto' }}>
                {result.problems.map((problem) => {
                  const column = file.parsed.header.indexOf(problem.column);
                  const row = file.parsed.rows.find((r) => r.line === problem.line);
                  const text = fixes[problem.line]?.[column] ?? row?.cells[column] ?? '';
                  return (
                    <ListItem key={`${problem.line}-${problem.column}-${problem.message}`} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
                      <ErrorOutlineIcon color="error" fontSize="small" aria-hidden />
                      <Typography sx={{ flex: '1 1 320px' }}>{problem.message}</Typography>
                      {column >= 0 && row && (
                        <TextField
                          size="small"
                          label={`Fix ${problem.column}, ${lineWord(file.parsed)} ${problem.line}`}
                          value={text}
                          onChange={(e) => setFixes((f) => ({ ...f, [problem.line]: { ...f[problem.line], [column]: e.target.value } }))}
                          sx={{ width: 260 }}
                        />
                      )}
                    </ListItem>
                  );
                })}
              </List>
            )}

            {fileLevel.length === 0 && warnings.length > 0 && (
              <>
                <Alert severity="warning" sx={{ mb: 1 }}>
                  {plural(warnings.length, 'value')} outside {warnings.length === 1 ? 'its' : 'their'} indicator’s stated range. {warnings.length === 1 ? 'It is imported as it is' : 'They are imported as they are'}: fix a value below, or change the range above.
                </Alert>
                <List dense aria-label="Values outside their range" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 2, maxHeight: 240, overflow: 'auto' }}>
                  {warnings.map((warning) => (
                    <ListItem key={`${warning.line}-${warning.index}`} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
                      <WarningAmberIcon color="warning" fontSize="small" aria-hidden />
                      <Typography sx={{ flex: '1 1 320px' }}>{warning.message}</Typography>
                      <TextField
                        size="small"
                        label={`Fix ${warning.column}, ${lineWord(file.parsed)} ${warning.line}`}
                        value={fixes[warning.line]?.[warning.index] ?? file.parsed.rows.find((r) => r.line === warning.line)?.cells[warning.index] ?? ''}
                        onChange={(e) => setFixes((f) => ({ ...f, [warning.line]: { ...f[warning.line], [warning.index]: e.target.value } }))}
                        sx={{ width: 260 }}
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            )}

            {result.schools.length > 0 && (
              <>
                <Typography variant="h3" sx={{ fontSize: '1.05rem', mt: 3, mb: 1 }}>3. Preview</Typography>
                <Preview result={result} choices={choices} parsed={file.parsed} own={own} waves={waves} warnings={warnings} unreadable={unreadable} />
              </>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {rangeErrors.size > 0 && <Typography color="error" sx={{ mr: 'auto', ml: 2 }}>Fix the range of {[...rangeErrors.keys()].map((i) => `“${file?.parsed.header[i] ?? ''}”`).join(', ')} to import.</Typography>}
        <Button variant="contained" disabled={!result || result.schools.length === 0 || saving || rangeErrors.size > 0} onClick={() => void submit()}>
          {result && result.schools.length > 0 ? `Import ${plural(result.schools.length, 'school')}${badLines > 0 ? `, skip ${plural(badLines, 'row')}` : ''}` : 'Import'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

const SIDE_WORDS: Record<IndicatorSideValue, string> = { need: 'Need', readiness: 'Readiness' };

function ColumnChoices({ parsed, choices, own, settings, rangeTexts, rangeErrors, onChange, onSetting, onRangeText }: {
  parsed: ParsedCsv;
  choices: ColumnChoice[];
  own: IndicatorRow[];
  settings: NewIndicatorSettings;
  rangeTexts: Record<number, string>;
  rangeErrors: Map<number, string>;
  onChange: (index: number, choice: ColumnChoice) => void;
  onSetting: (index: number, change: Partial<NewIndicatorSettings[number]>) => void;
  onRangeText: (index: number, text: string) => void;
}) {
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label="Columns in the file">
        <TableHead>
          <TableRow>
            <TableCell>Column in the file</TableCell>
            <TableCell>First values</TableCell>
            <TableCell sx={{ width: 340 }}>Read as</TableCell>
            <TableCell sx={{ width: 280 }}>Side, range and direction (new indicators)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {parsed.header.map((header, index) => {
            const samples = parsed.rows.map((r) => r.cells[index]?.trim() ?? '').filter((v) => v !== '').slice(0, 3);
            const label = header.trim() || `Column ${index + 1}`;
            return (
              <TableRow key={index}>
                <TableCell component="th" scope="row">{label}</TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{samples.join(' · ') || '(empty)'}</TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    label={`Read “${label}” as`}
                    // The row and the column header already say what this is; the label is for screen readers.
                    slotProps={{ inputLabel: { sx: visuallyHidden }, input: { notched: false } }}
                    value={choices[index] ?? 'ignore'}
                    onChange={(e) => onChange(index, e.target.value as ColumnChoice)}
                  >
                    {ROSTER_FIELDS.map((f) => <MenuItem key={f.field} value={f.field}>{f.label}{f.required ? ' (needed)' : ''}</MenuItem>)}
                    {own.map((i) => <MenuItem key={i.id} value={`indicator:${i.id}`}>Indicator: {i.name}</MenuItem>)}
                    <MenuItem value="new-indicator">A new indicator named “{label}”</MenuItem>
                    <MenuItem value="ignore">Don’t import</MenuItem>
                  </TextField>
                </TableCell>
                <TableCell>
                  <IndicatorSettings
                    label={label}
                    choice={choices[index] ?? 'ignore'}
                    own={own}
                    setting={settings[index]}
                    rangeText={rangeTexts[index]}
                    rangeError={rangeErrors.get(index)}
                    onSetting={(change) => onSetting(index, change)}
                    onRangeText={(text) => onRangeText(index, text)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** For a column read as a new indicator: its side, direction and stated range, as guessed and changed; for one of the plan's, how that one counts. */
function IndicatorSettings({ label, choice, own, setting, rangeText: typed, rangeError, onSetting, onRangeText }: {
  label: string;
  choice: ColumnChoice;
  own: IndicatorRow[];
  setting: NewIndicatorSettings[number] | undefined;
  rangeText: string | undefined;
  rangeError: string | undefined;
  onSetting: (change: Partial<NewIndicatorSettings[number]>) => void;
  onRangeText: (text: string) => void;
}) {
  if (choice.startsWith('indicator:')) {
    const existing = own.find((i) => `indicator:${i.id}` === choice);
    if (!existing) return null;
    return <Typography color="text.secondary">{SIDE_WORDS[existing.side]} (the plan’s indicator){existing.range ? `, ${rangeText(existing.range)}` : ''}</Typography>;
  }
  if (choice !== 'new-indicator' || !setting) return <Typography color="text.secondary">—</Typography>;
  const hidden = { inputLabel: { sx: visuallyHidden }, input: { notched: false } };
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '130px 110px', gap: 1, alignItems: 'start' }}>
      <TextField select size="small" label={`Side of “${label}”`} slotProps={hidden} value={setting.side} onChange={(e) => onSetting({ side: e.target.value as IndicatorSideValue })}>
        {INDICATOR_SIDES.map((side) => <MenuItem key={side} value={side}>{SIDE_WORDS[side]}</MenuItem>)}
      </TextField>
      <TextField select size="small" label={`Direction of “${label}”`} slotProps={hidden} value={setting.direction} onChange={(e) => onSetting({ direction: e.target.value as IndicatorDirection })} sx={{ gridColumn: '1 / 3', gridRow: 2 }}>
        <MenuItem value="higher-is-more">Higher = more {setting.side}</MenuItem>
        <MenuItem value="lower-is-more">Lower = more {setting.side}</MenuItem>
      </TextField>
      <TextField
        size="small"
        label={`Range of “${label}”`}
        placeholder="No range"
        slotProps={hidden}
        value={typed ?? (setting.range ? rangeText(setting.range) : '')}
        onChange={(e) => onRangeText(e.target.value)}
        error={rangeError !== undefined}
        helperText={rangeError}
      />
    </Box>
  );
}

function Preview({ result, choices, parsed, own, waves, warnings, unreadable }: { result: NonNullable<ReturnType<typeof checkRoster>>; choices: ColumnChoice[]; parsed: ParsedCsv; own: IndicatorRow[]; waves: Pick<Wave, 'id' | 'name'>[]; warnings: RangeWarning[]; unreadable: Map<number, string[]> }) {
  const showWave = choices.includes('wave');
  const waveName = (id: string | undefined) => (id === undefined ? '—' : waves.find((w) => w.id === id)?.name ?? '—');
  const outside = new Set(warnings.map((w) => `${w.line}:${w.index}`));
  // The first rows, and every row with a value outside its range or a character that could not be read, so the flags can be seen.
  const shown = result.schools.flatMap((school, i) => {
    const line = result.lines[i] ?? 0;
    return i < PREVIEW_ROWS || warnings.some((w) => w.line === line) || unreadable.has(line) ? [{ school, line }] : [];
  });
  const columns = result.indicatorColumns.map(({ index, key }) => {
    const choice = choices[index] ?? 'ignore';
    const existing = choice.startsWith('indicator:') ? own.find((i) => `indicator:${i.id}` === choice)?.name : undefined;
    return { key, index, label: existing ?? `${parsed.header[index] ?? key} (new)` };
  });
  return (
    // Many columns scroll sideways: the container takes the keyboard focus so arrow keys can scroll it.
    <TableContainer tabIndex={0} role="region" aria-label="Preview of the import" sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label={`First ${Math.min(PREVIEW_ROWS, result.schools.length)} schools as they will be imported${shown.length > PREVIEW_ROWS ? ', and those with a flagged value' : ''}`}>
        <TableHead>
          <TableRow>
            <TableCell>{lineWord(parsed) === 'row' ? 'Row' : 'Line'}</TableCell>
            <TableCell>School</TableCell>
            <TableCell>Code</TableCell>
            <TableCell>Grades</TableCell>
            <TableCell align="right">Students</TableCell>
            <TableCell align="right">FRL</TableCell>
            {showWave && <TableCell>Wave</TableCell>}
            {columns.map((c) => <TableCell key={c.key} align="right">{c.label}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(({ school: s, line }) => (
            <TableRow key={line}>
              <TableCell>{line}</TableCell>
              <TableCell>
                {s.name}
                {unreadable.get(line)?.map((message) => (
                  <Typography key={message} variant="body2" sx={{ color: 'warning.dark', fontWeight: 600, display: 'flex', gap: 0.5, alignItems: 'flex-start', maxWidth: '48ch' }}>
                    <WarningAmberIcon fontSize="inherit" aria-hidden sx={{ mt: '3px' }} />
                    {message}
                  </Typography>
                ))}
              </TableCell>
              <TableCell>{s.code || '—'}</TableCell>
              <TableCell>{s.gradeBand || '—'}</TableCell>
              <TableCell align="right">{s.students.toLocaleString('en-US')}</TableCell>
              <TableCell align="right">{percentText(s.frlPercent)}</TableCell>
              {showWave && <TableCell>{waveName(s.waveId)}</TableCell>}
              {columns.map((c) => (
                <TableCell key={c.key} align="right" sx={outside.has(`${line}:${c.index}`) ? { color: 'warning.dark', fontWeight: 600 } : undefined}>
                  {s.indicators[c.key] ?? '—'}
                  {outside.has(`${line}:${c.index}`) && <> <WarningAmberIcon fontSize="inherit" aria-hidden sx={{ verticalAlign: '-2px' }} /> outside range</>}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
