import { memo, useCallback, useMemo, useState, type Ref } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import { formatDisplayDate } from '../../domain/phase-rules';
import { milestoneProblem } from '../../domain/roadmap-rules';
import { MILESTONE_KIND_LABELS, type Milestone, type Phase } from '../../domain/schemas';
import { usePendingValues } from '../../components/use-pending-values';
import { plural } from '../../domain/words';
import { colors } from '../../app/theme';
import { KindMark } from './milestone-marks';

export interface MilestonesTableProps {
  milestones: Milestone[];
  phases: Phase[];
  onAdd: () => void;
  onEdit: (milestone: Milestone) => void;
  /** Resolves false when not saved. */
  onToggleDone: (milestone: Milestone, done: boolean) => Promise<boolean>;
  onDelete: (milestone: Milestone) => void;
  /** The "Milestones" heading, which takes the focus after a milestone is deleted. */
  headingRef: Ref<HTMLHeadingElement>;
}

const ALL = 'all';
const NONE = 'none';
const PAGE_SIZES = [25, 50, 100];
const FIRST_PAGE_SIZE = 25;
const WARNING_TEXT = colors.warningText;

interface RowProps {
  milestone: Milestone;
  problem: string | null;
  /** Null for a milestone with no phase. */
  phaseName: string | null;
  checked: boolean;
  onToggle: (milestone: Milestone, done: boolean) => void;
  onEdit: (milestone: Milestone) => void;
  onDelete: (milestone: Milestone) => void;
}

const ROW_FIELDS = ['id', 'name', 'date', 'owner', 'done', 'phaseId', 'kind'] as const;

/** A row re-renders only when what it shows changes, not with every new copy of the plan from storage. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return a.problem === b.problem && a.phaseName === b.phaseName && a.checked === b.checked
    && a.onToggle === b.onToggle && a.onEdit === b.onEdit && a.onDelete === b.onDelete
    && ROW_FIELDS.every((key) => a.milestone[key] === b.milestone[key]);
}

const MilestoneRow = memo(function MilestoneRow({ milestone: m, problem, phaseName, checked, onToggle, onEdit, onDelete }: RowProps) {
  return (
    <TableRow hover>
      <TableCell padding="checkbox">
        <Checkbox checked={checked} onChange={(e) => onToggle(m, e.target.checked)} slotProps={{ input: { 'aria-label': `Done: ${m.name}` } }} />
      </TableCell>
      <TableCell>
        <Box component="span" sx={{ textDecoration: checked ? 'line-through' : 'none', color: checked ? 'text.secondary' : 'text.primary' }}>{m.name}</Box>
        {problem && (
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, mt: 0.25, color: WARNING_TEXT, typography: 'body2' }}>
            <WarningAmberOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
            <span>{`Outside its phase: ${problem}`}</span>
          </Box>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
          <KindMark kind={m.kind} done={checked} />
          {MILESTONE_KIND_LABELS[m.kind]}
        </Box>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDisplayDate(m.date)}</TableCell>
      <TableCell>{phaseName ?? <Box component="span" sx={{ color: 'text.secondary' }}>No phase</Box>}</TableCell>
      <TableCell>{m.owner || <Box component="span" sx={{ color: 'text.secondary' }}>Not set</Box>}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <IconButton size="small" aria-label={`Edit ${m.name}`} title="Edit" onClick={() => onEdit(m)}><EditOutlinedIcon fontSize="small" /></IconButton>
        <IconButton size="small" aria-label={`Delete ${m.name}`} title="Delete" onClick={() => onDelete(m)}><DeleteOutlinedIcon fontSize="small" /></IconButton>
      </TableCell>
    </TableRow>
  );
}, sameRow);

/** Every milestone, by date, a page at a time, with the ones outside their phase flagged. */
export function MilestonesTable({ milestones, phases, onAdd, onEdit, onToggleDone, onDelete, headingRef }: MilestonesTableProps) {
  const [phaseFilter, setPhaseFilter] = useState<string>(ALL);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(FIRST_PAGE_SIZE);
  // A ticked box shows ticked at once, before the write comes back from storage.
  const storedDone = useMemo(() => new Map(milestones.map((m) => [m.id, m.done])), [milestones]);
  const isStored = useCallback((id: string, done: boolean) => storedDone.get(id) === done, [storedDone]);
  const { pending, hold } = usePendingValues(isStored);
  const onToggle = useCallback((m: Milestone, done: boolean) => void hold(m.id, done, onToggleDone(m, done)), [hold, onToggleDone]);

  const phaseNames = useMemo(() => new Map(phases.map((p) => [p.id, p.name])), [phases]);
  const rows = useMemo(() => [...milestones]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)))
    .map((m) => ({ milestone: m, problem: milestoneProblem(m, phases) })), [milestones, phases]);
  const problemCount = useMemo(() => rows.filter((r) => r.problem !== null).length, [rows]);
  const shown = useMemo(() => rows.filter(({ milestone: m, problem }) => {
    if (onlyProblems && problem === null) return false;
    if (phaseFilter === ALL) return true;
    if (phaseFilter === NONE) return m.phaseId === null || !phaseNames.has(m.phaseId);
    return m.phaseId === phaseFilter;
  }), [rows, onlyProblems, phaseFilter, phaseNames]);
  const lastPage = Math.max(0, Math.ceil(shown.length / pageSize) - 1);
  const currentPage = Math.min(page, lastPage);
  const pageRows = shown.slice(currentPage * pageSize, (currentPage + 1) * pageSize);
  const doneCount = useMemo(() => milestones.filter((m) => m.done).length, [milestones]);

  return (
    <Box component="section" aria-labelledby="milestones-heading">
      <Stack direction="row" sx={{ alignItems: 'flex-end', flexWrap: 'wrap', gap: 2, mb: 1.5 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography id="milestones-heading" component="h3" variant="h3" ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Milestones</Typography>
          <Typography variant="body2" color="text.secondary">
            {milestones.length === 0
              ? 'Dated checkpoints such as board votes, training windows and device rollouts.'
              : `${plural(milestones.length, 'milestone')}, ${doneCount.toLocaleString('en-US')} done.`}
          </Typography>
        </Box>
        {milestones.length > 0 && (
          <>
            <TextField select label="Show phase" value={phaseFilter} onChange={(e) => { setPhaseFilter(e.target.value); setPage(0); }} sx={{ minWidth: 200 }}>
              <MenuItem value={ALL}>All phases</MenuItem>
              {phases.map((p, i) => <MenuItem key={p.id} value={p.id}>{`${i + 1}. ${p.name}`}</MenuItem>)}
              <MenuItem value={NONE}>Not in a phase</MenuItem>
            </TextField>
            {problemCount > 0 && (
              <FormControlLabel
                control={<Checkbox checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.target.checked); setPage(0); }} />}
                label={`Only the ${problemCount.toLocaleString('en-US')} outside their phase`}
              />
            )}
          </>
        )}
        <Button startIcon={<AddIcon />} variant="outlined" onClick={onAdd}>Add milestone</Button>
      </Stack>
      {milestones.length === 0 ? (
        <Typography color="text.secondary">No milestones yet. Add one for each date the plan hangs on; they appear on the timeline in their phase&apos;s row.</Typography>
      ) : (
        <>
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
            <Table size="small" aria-labelledby="milestones-heading">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">Done</TableCell>
                  <TableCell>Milestone</TableCell>
                  <TableCell>Kind</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>Date</TableCell>
                  <TableCell>Phase</TableCell>
                  <TableCell>Owner</TableCell>
                  <TableCell align="right"><Box component="span" sx={{ whiteSpace: 'nowrap' }}>Actions</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {pageRows.length === 0 && (
                  <TableRow><TableCell colSpan={7}><Typography variant="body2" color="text.secondary">No milestones match.</Typography></TableCell></TableRow>
                )}
                {pageRows.map(({ milestone: m, problem }) => (
                  <MilestoneRow
                    key={m.id}
                    milestone={m}
                    problem={problem}
                    phaseName={m.phaseId === null ? null : (phaseNames.get(m.phaseId) ?? 'Deleted phase')}
                    checked={pending.get(m.id) ?? m.done}
                    onToggle={onToggle}
                    onEdit={onEdit}
                    onDelete={onDelete}
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {shown.length > FIRST_PAGE_SIZE && (
            <TablePagination
              component="div"
              count={shown.length}
              page={currentPage}
              onPageChange={(_, next) => setPage(next)}
              rowsPerPage={pageSize}
              rowsPerPageOptions={PAGE_SIZES}
              onRowsPerPageChange={(e) => { setPageSize(Number(e.target.value)); setPage(0); }}
              labelRowsPerPage="Milestones per page:"
            />
          )}
        </>
      )}
    </Box>
  );
}
