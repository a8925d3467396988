import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import SearchOutlinedIcon from '@mui/icons-material/SearchOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmberOutlined';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { schoolRangeWarnings, schoolValues } from '../../domain/indicators';
import type { School } from '../../domain/schemas';
import type { SchoolScore } from '../../domain/school-scoring';
import type { ImportSchool, NewIndicator } from '../../domain/roster-import';
import { plural } from '../../domain/words';
import type { SchoolInput } from '../../storage/schools-repository';
import { visuallyHidden } from '../../components/visually-hidden';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { RosterImportDialog } from './RosterImportDialog';
import { SchoolDialog } from './SchoolDialog';
import { addSchool, assignSchools, deleteSchools, editSchool, importRoster } from './commands';
import { countText, percentText, schoolsSummary, scoreText, waveNameOf } from './school-format';
import { useSchoolScores } from './use-school-scores';
import { useRowSelection } from './use-row-selection';

type SortKey = 'order' | 'name' | 'students' | 'frlPercent' | 'need' | 'readiness' | 'wave';
type SortDirection = 'asc' | 'desc';

const SORTABLE: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'School', numeric: false },
  { key: 'students', label: 'Students', numeric: true },
  { key: 'frlPercent', label: 'FRL', numeric: true },
  { key: 'wave', label: 'Wave', numeric: false },
  { key: 'need', label: 'Need', numeric: true },
  { key: 'readiness', label: 'Readiness', numeric: true },
];

const NO_WAVE = 'none';

function sortValue(school: School, key: SortKey, scores: Map<string, SchoolScore>, waveOrder: Map<string, number>): number | string | null {
  switch (key) {
    case 'order': return school.order;
    case 'name': return school.name.toLowerCase();
    case 'students': return school.students;
    case 'frlPercent': return school.frlPercent;
    case 'need': return scores.get(school.id)?.need ?? null;
    case 'readiness': return scores.get(school.id)?.readiness ?? null;
    case 'wave': return school.waveId === null ? null : waveOrder.get(school.waveId) ?? null;
  }
}

/** Unknown values sort last whichever way the column is sorted. */
function compare(a: number | string | null, b: number | string | null, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { numeric: true });
  return direction === 'asc' ? order : -order;
}

/** The plan's schools: add, edit, import a roster, find, sort, put in waves and delete (with Undo). */
export function SchoolsSection({ bundle }: SectionProps) {
  const { plan, schools, indicators, waves } = bundle;
  const run = useRunCommand();
  const scores = useSchoolScores(schools, indicators);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'order', direction: 'asc' });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const [dialog, setDialog] = useState<{ kind: 'school'; school: School | null } | { kind: 'import' } | null>(null);

  const waveOrder = useMemo(() => new Map(waves.map((w) => [w.id, w.order])), [waves]);
  const shown = useMemo(() => {
    const words = query.trim().toLowerCase();
    const found = words ? schools.filter((s) => `${s.name} ${s.code} ${s.gradeBand}`.toLowerCase().includes(words)) : schools;
    return [...found].sort((a, b) => compare(sortValue(a, sort.key, scores, waveOrder), sortValue(b, sort.key, scores, waveOrder), sort.direction) || a.order - b.order);
  }, [schools, query, sort, scores, waveOrder]);
  const lastPage = Math.max(0, Math.ceil(shown.length / perPage) - 1);
  const pageRows = shown.slice(Math.min(page, lastPage) * perPage, (Math.min(page, lastPage) + 1) * perPage);
  const { selected, allOnPage, someOnPage, toggle, toggleAll, clear: clearSelection } = useRowSelection(pageRows);
  const selectedHere = schools.filter((s) => selected.has(s.id));
  // Values outside their indicator's stated range, by school: "Staff Readiness Survey (1-5) is 10, outside 1–5".
  const outOfRange = useMemo(() => new Map(schools.flatMap((s) => {
    const found = schoolRangeWarnings(schoolValues(s, indicators), indicators);
    return found.length > 0 ? [[s.id, found] as const] : [];
  })), [schools, indicators]);

  const others = (except: School | null) => schools.filter((s) => s.id !== except?.id);
  const takenNames = (except: School | null) => new Set(others(except).map((s) => s.name.trim().toLowerCase()));
  const takenCodes = (except: School | null) => new Set(others(except).map((s) => s.code.trim().toLowerCase()).filter((c) => c !== ''));

  const saveSchool = (school: School | null, input: SchoolInput) => (school ? run(editSchool(school, input)) : run(addSchool(plan.id, input)));
  const importSchools = (rows: ImportSchool[], newIndicators: NewIndicator[]) => run(importRoster(plan.id, rows, newIndicators));

  const deleteSelected = async () => {
    if (await run(deleteSchools(plan.id, selectedHere))) clearSelection();
  };

  const assignSelected = (waveId: string | null) => run(assignSchools(plan.id, selectedHere.map((s) => s.id), waveId, waves));

  // A second click flips the order; numbers start from the largest, names from A.
  const sortBy = (key: SortKey) => setSort((old) => ({
    key,
    direction: old.key === key ? (old.direction === 'asc' ? 'desc' : 'asc') : SORTABLE.find((c) => c.key === key)?.numeric ? 'desc' : 'asc',
  }));

  return (
    <Box component="section" aria-labelledby="section-heading">
      <SectionHeading description="The schools in your system and the figures that decide who joins when. Need and readiness scores (0–100) come from the indicators weighed under Need & readiness.">
        Schools
      </SectionHeading>

      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'school', school: null })}>Add school</Button>
        <Button variant="outlined" startIcon={<UploadFileOutlinedIcon />} onClick={() => setDialog({ kind: 'import' })}>Import roster…</Button>
        <TextField
          size="small"
          label="Find a school"
          value={query}
          onChange={(e) => { setQuery(e.target.value); setPage(0); }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchOutlinedIcon fontSize="small" /></InputAdornment> } }}
          sx={{ width: 260 }}
        />
        <Typography color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {query.trim() ? `${plural(shown.length, 'school')} found of ${countText(schools.length)}` : schoolsSummary(schools)}
        </Typography>
      </Box>

      {schools.length === 0 ? (
        <Alert severity="info" sx={{ maxWidth: '75ch' }}>
          No schools yet. Add them one by one, or import the roster your student information system exports as CSV: one row per school, with its name and enrollment, and any figures you use to weigh need and readiness.
        </Alert>
      ) : (
        <>
          {selectedHere.length > 0 && (
            <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 1, pl: 2, mb: 1, flexWrap: 'wrap' }} role="region" aria-label="Selected schools">
              <Typography sx={{ fontWeight: 600 }}>{plural(selectedHere.length, 'school')} selected</Typography>
              <TextField
                select
                size="small"
                label="Put in wave"
                value=""
                onChange={(e) => void assignSelected(e.target.value === NO_WAVE ? null : e.target.value)}
                sx={{ minWidth: 200 }}
                disabled={waves.length === 0}
                helperText={waves.length === 0 ? 'Add waves under Waves first.' : undefined}
              >
                {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
                <MenuItem value={NO_WAVE}>No wave</MenuItem>
              </TextField>
              <Button color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => void deleteSelected()}>Delete</Button>
              <Button onClick={clearSelection}>Clear selection</Button>
            </Paper>
          )}
          {outOfRange.size > 0 && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {plural(outOfRange.size, 'school')} {outOfRange.size === 1 ? 'has a value' : 'have values'} outside an indicator’s stated range, marked “Check” below: edit the school, or the indicator’s range under <Link href={routeHref(planRoute(plan.id, 'priorities'))}>Need &amp; readiness</Link>.
            </Alert>
          )}
          <Paper variant="outlined">
            <TableContainer sx={{ maxHeight: 'calc(100vh - 300px)', minHeight: 240 }}>
              <Table size="small" stickyHeader aria-label="Schools">
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Checkbox checked={allOnPage} indeterminate={someOnPage} onChange={toggleAll} slotProps={{ input: { 'aria-label': 'Select every school on this page' } }} />
                    </TableCell>
                    {SORTABLE.slice(0, 1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={sortBy} />)}
                    <TableCell>Code</TableCell>
                    <TableCell>Grades</TableCell>
                    {SORTABLE.slice(1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={sortBy} />)}
                    <TableCell><Box component="span" sx={visuallyHidden}>Edit</Box></TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {pageRows.map((s) => {
                    const score = scores.get(s.id);
                    return (
                      <TableRow key={s.id} hover selected={selected.has(s.id)}>
                        <TableCell padding="checkbox">
                          <Checkbox checked={selected.has(s.id)} onChange={() => toggle(s.id)} slotProps={{ input: { 'aria-label': `Select ${s.name}` } }} />
                        </TableCell>
                        <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                          {s.name}
                          {outOfRange.get(s.id)?.map((text) => (
                            <Box key={text} sx={{ display: 'flex', gap: 0.5, alignItems: 'center', fontWeight: 400, fontSize: '0.8125rem', color: 'warning.dark' }}>
                              <WarningAmberIcon fontSize="inherit" aria-hidden />
                              Check: {text}
                            </Box>
                          ))}
                        </TableCell>
                        <TableCell>{s.code || '—'}</TableCell>
                        <TableCell>{s.gradeBand || '—'}</TableCell>
                        <TableCell align="right">{countText(s.students)}</TableCell>
                        <TableCell align="right">{percentText(s.frlPercent)}</TableCell>
                        <TableCell>{waveNameOf(waves, s.waveId)}</TableCell>
                        <TableCell align="right">{scoreText(score?.need)}</TableCell>
                        <TableCell align="right">{scoreText(score?.readiness)}</TableCell>
                        <TableCell padding="none" align="right">
                          <Tooltip title={`Edit ${s.name}`}>
                            <IconButton aria-label={`Edit ${s.name}`} onClick={() => setDialog({ kind: 'school', school: s })}><EditOutlinedIcon fontSize="small" /></IconButton>
                          </Tooltip>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                  {pageRows.length === 0 && (
                    <TableRow><TableCell colSpan={10}>No school matches “{query.trim()}”.</TableCell></TableRow>
                  )}
                </TableBody>
              </Table>
            </TableContainer>
            <TablePagination
              component="div"
              count={shown.length}
              page={Math.min(page, lastPage)}
              onPageChange={(_, p) => setPage(p)}
              rowsPerPage={perPage}
              rowsPerPageOptions={[25, 50, 100, 250]}
              onRowsPerPageChange={(e) => { setPerPage(Number(e.target.value)); setPage(0); }}
              labelRowsPerPage="Schools per page"
            />
          </Paper>
          {indicators.length === 0 && (
            <Alert severity="info" sx={{ mt: 2 }}>
              Need and readiness show a dash until the plan has indicators. <Link href={routeHref(planRoute(plan.id, 'priorities'))}>Add them under Need &amp; readiness</Link>.
            </Alert>
          )}
        </>
      )}

      {dialog?.kind === 'school' && (
        <SchoolDialog
          school={dialog.school}
          indicators={indicators}
          waves={waves}
          takenNames={takenNames(dialog.school)}
          takenCodes={takenCodes(dialog.school)}
          onClose={() => setDialog(null)}
          onSave={(input) => saveSchool(dialog.school, input)}
        />
      )}
      {dialog?.kind === 'import' && (
        <RosterImportDialog planId={plan.id} indicators={indicators} waves={waves} onClose={() => setDialog(null)} onImport={importSchools} />
      )}
    </Box>
  );
}

function SortHeader({ column, sort, onSort }: { column: (typeof SORTABLE)[number]; sort: { key: SortKey; direction: SortDirection }; onSort: (key: SortKey) => void }) {
  const active = sort.key === column.key;
  return (
    <TableCell align={column.numeric ? 'right' : 'left'} sortDirection={active ? sort.direction : false}>
      <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => onSort(column.key)}>
        {column.label}
      </TableSortLabel>
    </TableCell>
  );
}
