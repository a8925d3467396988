import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
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
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmberOutlined';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fieldProblem } from '../../domain/messages';
import { priority, proposeWavesBySlider, sliderFromPosition, type SchoolScore, type WaveSize } from '../../domain/school-scoring';
import { equityFigures, equityMeasures, equityWarning, parseWaveSizes, waveIntake, waveName, waveSizesText, type EquityMeasure } from '../../domain/waves';
import { waveSchema, type Phase, type Position, type School, type Wave } from '../../domain/schemas';
import { plural } from '../../domain/words';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { addWave, applyProposedWaves, assignSchool, assignSchools, deleteWave, linkWaveToPhase, moveWave, renameWave } from './commands';
import { leanText, needReadinessPosition } from './need-readiness';
import { countText, schoolsSummary, scoreText } from './school-format';
import { visuallyHidden } from '../../components/visually-hidden';
import { useSchoolScores } from './use-school-scores';
import { useRowSelection } from './use-row-selection';

const NO_PHASE = 'none';
const NO_WAVE = 'none';
const validateName = (text: string) => fieldProblem(waveSchema.shape.name, text, 'Wave name');

/** Proposed waves as the planner set them: a size per wave and the phase each joins in; the schools follow from the ranking. */
interface Proposal {
  sizes: WaveSize[];
  phaseIds: (string | null)[];
}

/** "FRL 48% vs district 62% · English Learners 18% vs district 19%", with words when a wave is well below the district. */
function EquityLine({ schools, district, measures, stacked = false }: { schools: readonly School[]; district: readonly School[]; measures: readonly EquityMeasure[]; stacked?: boolean }) {
  if (measures.length === 0 || schools.length === 0) return null;
  const figures = equityFigures(schools, district, measures);
  const warning = equityWarning(figures);
  return (
    <Box sx={{ fontSize: '0.875rem' }}>
      {stacked
        ? figures.map((f) => <Box key={f.measure.key} sx={{ whiteSpace: 'nowrap' }}>{f.text}</Box>)
        : <Typography component="span" sx={{ fontSize: 'inherit' }}>{figures.map((f) => f.text).join(' · ')}</Typography>}
      {warning && (
        <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', color: 'warning.dark', fontWeight: 600, mt: 0.25 }}>
          <WarningAmberIcon fontSize="small" aria-hidden />
          <span>{warning}</span>
        </Box>
      )}
    </Box>
  );
}

/** Waves of schools linked to phases: set them up, propose them from the ranking, and assign schools by hand. */
export function WavesSection({ bundle }: SectionProps) {
  const { plan, phases, waves, schools, indicators } = bundle;
  const run = useRunCommand();
  const scores = useSchoolScores(schools, indicators);
  const intake = waveIntake(waves, schools);
  const measures = equityMeasures(indicators, schools);
  const district = measures.length > 0 && schools.length > 0 ? equityFigures(schools, schools, measures) : [];

  return (
    <Box component="section" aria-labelledby="section-heading" sx={{ display: 'grid', gap: 3 }}>
      <SectionHeading description="Cohorts of schools that start together, each in the phase it is linked to. Propose them from the need and readiness ranking, then adjust by hand.">
        Waves
      </SectionHeading>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="waves-heading">
        <Typography id="waves-heading" variant="h3" sx={{ fontSize: '1.1rem', mb: 2 }}>The plan’s waves</Typography>
        {waves.length === 0 && <Typography sx={{ mb: 2 }}>No waves yet. Add them here, or propose them from the ranking below.</Typography>}
        {district.length > 0 && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            The district (all {plural(schools.length, 'school')}, weighted by students): {district.map((f) => f.text.replace(/ vs district .*$/, '')).join(' · ')}. Each wave is compared with it below.
          </Typography>
        )}
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {waves.map((wave, index) => {
            const counts = intake.get(wave.id) ?? { schools: 0, students: 0 };
            return (
              <Box component="li" key={wave.id} aria-label={wave.name} sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 240px) minmax(180px, 260px) 1fr auto', gap: 2, alignItems: 'start' }}>
                <AutosaveTextField
                  size="small"
                  label="Wave name"
                  value={wave.name}
                  validate={validateName}
                  onCommit={(name) => run(renameWave(wave, name))}
                  slotProps={{ htmlInput: { 'aria-label': `Wave ${index + 1} name` } }}
                  helperText={null}
                />
                <TextField
                  select
                  size="small"
                  label="Joins in"
                  value={wave.phaseId ?? NO_PHASE}
                  onChange={(e) => void run(linkWaveToPhase(wave, e.target.value === NO_PHASE ? null : e.target.value))}
                >
                  <MenuItem value={NO_PHASE}>Not scheduled</MenuItem>
                  {phases.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                </TextField>
                <Box>
                  <Typography>{plural(counts.schools, 'school')} · {plural(counts.students, 'student')}</Typography>
                  <EquityLine schools={schools.filter((s) => s.waveId === wave.id)} district={schools} measures={measures} />
                </Box>
                <Box sx={{ display: 'flex' }}>
                  <Tooltip title="Move up"><span><IconButton aria-label={`Move ${wave.name} up`} disabled={index === 0} onClick={() => void run(moveWave(wave, -1))}><ArrowUpwardIcon /></IconButton></span></Tooltip>
                  <Tooltip title="Move down"><span><IconButton aria-label={`Move ${wave.name} down`} disabled={index === waves.length - 1} onClick={() => void run(moveWave(wave, 1))}><ArrowDownwardIcon /></IconButton></span></Tooltip>
                  <Tooltip title={`Delete ${wave.name}`}>
                    <IconButton aria-label={`Delete ${wave.name}`} onClick={() => void run(deleteWave(wave))}><DeleteOutlinedIcon /></IconButton>
                  </Tooltip>
                </Box>
              </Box>
            );
          })}
        </Box>
        <Button startIcon={<AddIcon />} onClick={() => void run(addWave(plan.id, waves.length, phases))} sx={{ mt: 2 }}>Add a wave</Button>
      </Paper>

      {schools.length === 0 ? (
        <Alert severity="info">Waves are made of schools. <Link href={routeHref(planRoute(plan.id, 'schools'))}>Add or import them under Schools</Link>.</Alert>
      ) : (
        <>
          <ProposePanel bundle={bundle} scores={[...scores.values()]} measures={measures} />
          <AssignTable
            waves={waves}
            phases={phases}
            positions={bundle.positions}
            schools={schools}
            scores={scores}
            onAssign={(school, waveId) => run(assignSchool(plan.id, school, waveId, waves))}
            onAssignMany={(ids, waveId) => run(assignSchools(plan.id, ids, waveId, waves))}
          />
        </>
      )}
      {phases.length === 0 && <Alert severity="info">Link waves to phases once the plan has some: add them under <Link href={routeHref(planRoute(plan.id, 'roadmap'))}>Roadmap</Link>.</Alert>}
    </Box>
  );
}

function ProposePanel({ bundle, scores, measures }: SectionProps & { scores: SchoolScore[]; measures: EquityMeasure[] }) {
  const { plan, phases, positions, waves, schools } = bundle;
  const run = useRunCommand();
  const [sizeText, setSizeText] = useState('10');
  const [wavesText, setCountText] = useState(String(Math.max(1, waves.length || phases.length)));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const isList = /[,;]|\bthen\b|[a-z]/i.test(sizeText.trim());
  const read = parseWaveSizes(sizeText, isList ? undefined : Number(wavesText));
  const sizeError = read.ok ? null : read.message;
  const byId = new Map(schools.map((s) => [s.id, s]));
  const scoreOf = new Map(scores.map((s) => [s.id, s]));
  // Wave i joins in its own phase (or the i-th phase for a wave still to be made, or the last one), ranked by that phase's lean.
  const phaseOf = (i: number) => waves[i]?.phaseId ?? phases[i]?.id ?? phases.at(-1)?.id ?? null;
  const sliderOf = (phaseId: string | null) => sliderFromPosition(needReadinessPosition(positions, phaseId));

  const proposed = useMemo(() => {
    if (!proposal) return null;
    const sliders = proposal.phaseIds.map((id) => sliderFromPosition(needReadinessPosition(positions, id)));
    return proposeWavesBySlider(scores, sliders, proposal.sizes).map((schoolIds, i) => ({ phaseId: proposal.phaseIds[i] ?? null, schoolIds }));
  }, [proposal, scores, positions]);

  const propose = () => {
    if (!read.ok) return;
    setProposal({ sizes: read.sizes, phaseIds: read.sizes.map((_, i) => phaseOf(i)) });
  };
  const apply = async () => {
    if (!proposed) return;
    if (await run(applyProposedWaves(plan.id, proposed))) setProposal(null);
  };
  const setPhase = (index: number, phaseId: string | null) => setProposal((p) => (p ? { ...p, phaseIds: p.phaseIds.map((old, i) => (i === index ? phaseId : old)) } : p));

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="propose-heading">
      <Typography id="propose-heading" variant="h3" sx={{ fontSize: '1.1rem' }}>Propose waves from the ranking</Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '80ch' }}>
        Each wave takes the top schools still left, ranked by how its phase leans on need or readiness (set under Need &amp; readiness). Give one size for every wave, or a size per wave: “5, 15, the rest”. Applying replaces every school’s wave; Undo puts them back.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="Schools per wave"
          value={sizeText}
          onChange={(e) => setSizeText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') propose(); }}
          error={sizeError !== null}
          helperText={sizeError ?? (read.ok && isList ? `${plural(read.sizes.length, 'wave')}: ${waveSizesText(read.sizes)}` : 'One number, or one per wave: 5, 15, the rest')}
          sx={{ width: 340 }}
        />
        {/* A list of sizes says how many waves; one size needs the number. */}
        {!isList && (
          <TextField size="small" label="Number of waves" inputMode="numeric" value={wavesText} onChange={(e) => setCountText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') propose(); }} helperText=" " sx={{ width: 160 }} />
        )}
        <Button variant="outlined" onClick={propose} sx={{ mt: 0.25 }}>Propose</Button>
      </Box>
      {proposal && proposed && (
        <Box sx={{ mt: 1 }} role="region" aria-label="Proposed waves">
          <TableContainer>
            <Table size="small" aria-label="Proposed waves">
              <TableHead>
                <TableRow>
                  <TableCell>Wave</TableCell>
                  <TableCell sx={{ minWidth: 170 }}>Joins in</TableCell>
                  <TableCell>Ranked by</TableCell>
                  <TableCell>Schools</TableCell>
                  <TableCell>Brings in</TableCell>
                  <TableCell sx={{ minWidth: 220 }}>Compared with the district</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {proposed.map((w, i) => {
                  const members = w.schoolIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
                  const slider = sliderOf(w.phaseId);
                  const unranked = proposal.sizes[i] === 'rest' ? 0 : w.schoolIds.filter((id) => {
                    const score = scoreOf.get(id);
                    return !score || priority(score.need, score.readiness, slider) === null;
                  }).length;
                  const name = waves[i]?.name ?? `${waveName(i)} (new)`;
                  return (
                    <TableRow key={i} sx={{ verticalAlign: 'top' }}>
                      <TableCell component="th" scope="row">
                        {name}
                        <Box sx={{ color: 'text.secondary', fontSize: '0.8125rem' }}>{proposal.sizes[i] === 'rest' ? 'the rest' : `${plural(proposal.sizes[i] as number, 'school')} asked`}</Box>
                      </TableCell>
                      <TableCell>
                        <TextField
                          select
                          size="small"
                          fullWidth
                          value={w.phaseId ?? NO_PHASE}
                          slotProps={{ htmlInput: { 'aria-label': `Phase ${name} joins in` } }}
                          onChange={(e) => setPhase(i, e.target.value === NO_PHASE ? null : e.target.value)}
                        >
                          <MenuItem value={NO_PHASE}>Not scheduled</MenuItem>
                          {phases.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                        </TextField>
                      </TableCell>
                      <TableCell>{leanText(needReadinessPosition(positions, w.phaseId))}</TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>
                        {members.length === 0 ? 'None left' : members.map((s) => s.name).join(', ')}
                        {unranked > 0 && (
                          <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', color: 'warning.dark', fontWeight: 600, mt: 0.5 }}>
                            <WarningAmberIcon fontSize="small" aria-hidden />
                            <span>{plural(unranked, 'school')} with no priority, taken by name: fill in need or readiness under Need &amp; readiness first.</span>
                          </Box>
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{schoolsSummary(members)}</TableCell>
                      <TableCell><EquityLine schools={members} district={schools} measures={measures} stacked /></TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <Typography sx={{ mt: 1 }}>
            {plural(Math.max(0, schools.length - proposed.reduce((n, w) => n + w.schoolIds.length, 0)), 'school')} left in no wave.
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button variant="contained" onClick={() => void apply()}>Apply these waves</Button>
            <Button onClick={() => setProposal(null)}>Discard</Button>
          </Box>
        </Box>
      )}
    </Paper>
  );
}

type SortKey = 'order' | 'name' | 'priority' | 'need' | 'readiness';
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'order', label: 'The plan’s order' },
  { key: 'name', label: 'Name' },
  { key: 'priority', label: 'Priority, highest first' },
  { key: 'need', label: 'Need, highest first' },
  { key: 'readiness', label: 'Readiness, highest first' },
];

function AssignTable({ waves, phases, positions, schools, scores, onAssign, onAssignMany }: {
  waves: Wave[];
  phases: Phase[];
  positions: Position[];
  schools: School[];
  scores: ReturnType<typeof useSchoolScores>;
  onAssign: (school: { id: string; name: string }, waveId: string | null) => Promise<boolean>;
  onAssignMany: (schoolIds: string[], waveId: string | null) => Promise<boolean>;
}) {
  const [filter, setFilter] = useState<string>('all');
  const [sort, setSort] = useState<SortKey>('order');
  const [chosenPhase, setChosenPhase] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const phaseId = phases.some((p) => p.id === chosenPhase) ? chosenPhase : (phases[0]?.id ?? null);
  const slider = sliderFromPosition(needReadinessPosition(positions, phaseId));
  const priorityOf = (id: string) => {
    const s = scores.get(id);
    return s ? priority(s.need, s.readiness, slider) : null;
  };
  const sortValue = (s: School): number | string | null => {
    switch (sort) {
      case 'order': return s.order;
      case 'name': return s.name;
      case 'priority': return priorityOf(s.id);
      case 'need': return scores.get(s.id)?.need ?? null;
      case 'readiness': return scores.get(s.id)?.readiness ?? null;
    }
  };
  const shown = schools
    .filter((s) => filter === 'all' || (filter === NO_WAVE ? s.waveId === null : s.waveId === filter))
    .map((s) => ({ s, v: sortValue(s) }))
    .sort((a, b) => {
      // Unknown values last; numbers highest first; names and the plan's order as read.
      if (a.v === null || b.v === null) return a.v === b.v ? a.s.order - b.s.order : a.v === null ? 1 : -1;
      if (typeof a.v === 'number' && typeof b.v === 'number') return (sort === 'order' ? a.v - b.v : b.v - a.v) || a.s.order - b.s.order;
      return String(a.v).localeCompare(String(b.v), 'en', { numeric: true });
    })
    .map(({ s }) => s);
  const perPage = 25;
  const lastPage = Math.max(0, Math.ceil(shown.length / perPage) - 1);
  const current = Math.min(page, lastPage);
  const pageRows = shown.slice(current * perPage, (current + 1) * perPage);
  const { selected, allOnPage, someOnPage, toggle, toggleAll, clear: clearSelection } = useRowSelection(pageRows);
  const chosen = schools.filter((s) => selected.has(s.id));
  const moveChosen = async (waveId: string | null) => {
    if (await onAssignMany(chosen.map((s) => s.id), waveId)) clearSelection();
  };
  const phaseName = phases.find((p) => p.id === phaseId)?.name ?? 'the plan';

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="assign-heading">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id="assign-heading" variant="h3" sx={{ fontSize: '1.1rem' }}>Schools by wave</Typography>
        <TextField select size="small" label="Show" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} sx={{ minWidth: 200 }}>
          <MenuItem value="all">Every school</MenuItem>
          <MenuItem value={NO_WAVE}>Schools in no wave</MenuItem>
          {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Sort by" value={sort} onChange={(e) => { setSort(e.target.value as SortKey); setPage(0); }} sx={{ minWidth: 220 }}>
          {SORTS.map((o) => <MenuItem key={o.key} value={o.key}>{o.label}</MenuItem>)}
        </TextField>
        {phases.length > 0 && (
          <TextField select size="small" label="Priority as ranked for" value={phaseId ?? ''} onChange={(e) => setChosenPhase(e.target.value)} sx={{ minWidth: 200 }}>
            {phases.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
          </TextField>
        )}
        <Typography color="text.secondary" role="status">{schoolsSummary(shown)}</Typography>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 1 }}>Priority as ranked for {phaseName} (decision 3: {leanText(needReadinessPosition(positions, phaseId))}); a dash means need or readiness is missing, as Need &amp; readiness explains.</Typography>
      {chosen.length > 0 && (
        <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 1, pl: 2, mb: 1, flexWrap: 'wrap' }} role="region" aria-label="Selected schools">
          <Typography sx={{ fontWeight: 600 }}>{plural(chosen.length, 'school')} selected</Typography>
          <TextField select size="small" label="Move to wave…" value="" onChange={(e) => void moveChosen(e.target.value === NO_WAVE ? null : e.target.value)} sx={{ minWidth: 200 }} disabled={waves.length === 0} helperText={waves.length === 0 ? 'Add a wave first.' : undefined}>
            {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
            <MenuItem value={NO_WAVE}>No wave</MenuItem>
          </TextField>
          <Button onClick={clearSelection}>Clear selection</Button>
        </Paper>
      )}
      <TableContainer>
        <Table size="small" aria-label="Schools by wave">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox checked={allOnPage} indeterminate={someOnPage} onChange={toggleAll} slotProps={{ input: { 'aria-label': 'Select every school on this page' } }} />
              </TableCell>
              <TableCell>School</TableCell>
              <TableCell align="right">Students</TableCell>
              <TableCell align="right">Priority</TableCell>
              <TableCell align="right">Need</TableCell>
              <TableCell align="right">Readiness</TableCell>
              <TableCell sx={{ width: 240 }}>Wave</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pageRows.map((s) => (
              <TableRow key={s.id} selected={selected.has(s.id)}>
                <TableCell padding="checkbox">
                  <Checkbox checked={selected.has(s.id)} onChange={() => toggle(s.id)} slotProps={{ input: { 'aria-label': `Select ${s.name}` } }} />
                </TableCell>
                <TableCell component="th" scope="row">{s.name}</TableCell>
                <TableCell align="right">{countText(s.students)}</TableCell>
                <TableCell align="right">{priorityOf(s.id) === null ? <><span aria-hidden>—</span><Box component="span" sx={visuallyHidden}>No priority</Box></> : scoreText(priorityOf(s.id))}</TableCell>
                <TableCell align="right">{scoreText(scores.get(s.id)?.need)}</TableCell>
                <TableCell align="right">{scoreText(scores.get(s.id)?.readiness)}</TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    value={s.waveId ?? NO_WAVE}
                    slotProps={{ htmlInput: { 'aria-label': `Wave of ${s.name}` } }}
                    onChange={(e) => void onAssign(s, e.target.value === NO_WAVE ? null : e.target.value)}
                  >
                    <MenuItem value={NO_WAVE}>No wave</MenuItem>
                    {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
                  </TextField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination component="div" count={shown.length} page={current} onPageChange={(_, p) => setPage(p)} rowsPerPage={perPage} rowsPerPageOptions={[perPage]} />
    </Paper>
  );
}
