import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fieldProblem } from '../../domain/messages';
import { proposeWavesBySlider, sliderFromPosition, type SchoolScore } from '../../domain/school-scoring';
import { waveIntake, waveName } from '../../domain/waves';
import { waveSchema, type Wave } from '../../domain/schemas';
import { plural } from '../../domain/words';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { addWave, applyProposedWaves, assignSchool, deleteWave, linkWaveToPhase, moveWave, renameWave } from './commands';
import { leanText, needReadinessPosition } from './need-readiness';
import { countText, schoolsSummary, scoreText } from './school-format';
import { useSchoolScores } from './use-school-scores';

const NO_PHASE = 'none';
const NO_WAVE = 'none';
const validateName = (text: string) => fieldProblem(waveSchema.shape.name, text, 'Wave name');

interface Proposal {
  size: number;
  waves: { phaseId: string | null; schoolIds: string[] }[];
}

/** Waves of schools linked to phases: set them up, propose them from the ranking, and assign schools by hand. */
export function WavesSection({ bundle }: SectionProps) {
  const { plan, phases, waves, schools, indicators } = bundle;
  const run = useRunCommand();
  const scores = useSchoolScores(schools, indicators);
  const intake = waveIntake(waves, schools);

  return (
    <Box component="section" aria-labelledby="section-heading" sx={{ display: 'grid', gap: 3 }}>
      <SectionHeading description="Cohorts of schools that start together, each in the phase it is linked to. Propose them from the need and readiness ranking, then adjust by hand.">
        Waves
      </SectionHeading>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="waves-heading">
        <Typography id="waves-heading" variant="h3" sx={{ fontSize: '1.1rem', mb: 2 }}>The plan’s waves</Typography>
        {waves.length === 0 && <Typography sx={{ mb: 2 }}>No waves yet. Add them here, or propose them from the ranking below.</Typography>}
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {waves.map((wave, index) => {
            const counts = intake.get(wave.id) ?? { schools: 0, students: 0 };
            return (
              <Box component="li" key={wave.id} aria-label={wave.name} sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 240px) minmax(180px, 260px) 1fr auto', gap: 2, alignItems: 'center' }}>
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
                <Typography>{plural(counts.schools, 'school')} · {plural(counts.students, 'student')}</Typography>
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
          <ProposePanel bundle={bundle} scores={[...scores.values()]} />
          <AssignTable waves={waves} schools={schools} scores={scores} onAssign={(school, waveId) => run(assignSchool(plan.id, school, waveId, waves))} />
        </>
      )}
      {phases.length === 0 && <Alert severity="info">Link waves to phases once the plan has some: add them under <Link href={routeHref(planRoute(plan.id, 'roadmap'))}>Roadmap</Link>.</Alert>}
    </Box>
  );
}

function ProposePanel({ bundle, scores }: SectionProps & { scores: SchoolScore[] }) {
  const { plan, phases, positions, waves, schools } = bundle;
  const run = useRunCommand();
  const [sizeText, setSizeText] = useState('10');
  const [wavesText, setCountText] = useState(String(Math.max(1, waves.length || phases.length)));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const size = Number(sizeText);
  const count = Number(wavesText);
  const sizeError = !Number.isInteger(size) || size < 1 || size > 1000 ? 'Wave size must be a whole number from 1 to 1,000.' : null;
  const countError = !Number.isInteger(count) || count < 1 || count > 20 ? 'Waves must be a whole number from 1 to 20.' : null;
  const byId = new Map(schools.map((s) => [s.id, s]));
  // Wave i joins in its own phase (or the i-th phase for a wave still to be made), ranked by that phase's lean.
  const phaseOf = (i: number) => waves[i]?.phaseId ?? phases[i]?.id ?? null;

  const propose = () => {
    if (sizeError || countError) return;
    const sliders = Array.from({ length: count }, (_, i) => sliderFromPosition(needReadinessPosition(positions, phaseOf(i))));
    setProposal({ size, waves: proposeWavesBySlider(scores, sliders, size).map((schoolIds, i) => ({ phaseId: phaseOf(i), schoolIds })) });
  };
  const apply = async () => {
    if (!proposal) return;
    if (await run(applyProposedWaves(plan.id, proposal.waves))) setProposal(null);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="propose-heading">
      <Typography id="propose-heading" variant="h3" sx={{ fontSize: '1.1rem' }}>Propose waves from the ranking</Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '75ch' }}>
        Each wave takes the top schools still left, ranked by how its phase leans on need or readiness (set under Need &amp; readiness). Applying replaces every school’s wave; Undo puts them back.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField size="small" label="Schools per wave" inputMode="numeric" value={sizeText} onChange={(e) => setSizeText(e.target.value)} error={sizeError !== null} helperText={sizeError ?? ' '} sx={{ width: 180 }} />
        <TextField size="small" label="Number of waves" inputMode="numeric" value={wavesText} onChange={(e) => setCountText(e.target.value)} error={countError !== null} helperText={countError ?? ' '} sx={{ width: 180 }} />
        <Button variant="outlined" onClick={propose}>Propose</Button>
      </Box>
      {proposal && (
        <Box sx={{ mt: 1 }} role="region" aria-label="Proposed waves">
          <TableContainer>
            <Table size="small" aria-label="Proposed waves">
              <TableHead>
                <TableRow>
                  <TableCell>Wave</TableCell>
                  <TableCell>Joins in</TableCell>
                  <TableCell>Ranked by</TableCell>
                  <TableCell>Schools</TableCell>
                  <TableCell>Brings in</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {proposal.waves.map((w, i) => {
                  const members = w.schoolIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
                  const phase = phases.find((p) => p.id === w.phaseId);
                  return (
                    <TableRow key={i}>
                      <TableCell component="th" scope="row">{waves[i]?.name ?? `${waveName(i)} (new)`}</TableCell>
                      <TableCell>{phase?.name ?? 'Not scheduled'}</TableCell>
                      <TableCell>{leanText(needReadinessPosition(positions, w.phaseId))}</TableCell>
                      <TableCell sx={{ maxWidth: 520 }}>{members.length === 0 ? 'None left' : members.map((s) => s.name).join(', ')}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{schoolsSummary(members)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <Typography sx={{ mt: 1 }}>
            {plural(Math.max(0, schools.length - proposal.waves.reduce((n, w) => n + w.schoolIds.length, 0)), 'school')} left in no wave.
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

function AssignTable({ waves, schools, scores, onAssign }: {
  waves: Wave[];
  schools: SectionProps['bundle']['schools'];
  scores: ReturnType<typeof useSchoolScores>;
  onAssign: (school: { id: string; name: string }, waveId: string | null) => Promise<boolean>;
}) {
  const [filter, setFilter] = useState<string>('all');
  const [page, setPage] = useState(0);
  const shown = schools.filter((s) => filter === 'all' || (filter === NO_WAVE ? s.waveId === null : s.waveId === filter));
  const perPage = 25;
  const lastPage = Math.max(0, Math.ceil(shown.length / perPage) - 1);
  const current = Math.min(page, lastPage);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="assign-heading">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id="assign-heading" variant="h3" sx={{ fontSize: '1.1rem' }}>Schools by wave</Typography>
        <TextField select size="small" label="Show" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} sx={{ minWidth: 220 }}>
          <MenuItem value="all">Every school</MenuItem>
          <MenuItem value={NO_WAVE}>Schools in no wave</MenuItem>
          {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
        </TextField>
        <Typography color="text.secondary" role="status">{schoolsSummary(shown)}</Typography>
      </Box>
      <TableContainer>
        <Table size="small" aria-label="Schools by wave">
          <TableHead>
            <TableRow>
              <TableCell>School</TableCell>
              <TableCell align="right">Students</TableCell>
              <TableCell align="right">Need</TableCell>
              <TableCell align="right">Readiness</TableCell>
              <TableCell sx={{ width: 240 }}>Wave</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.slice(current * perPage, (current + 1) * perPage).map((s) => (
              <TableRow key={s.id}>
                <TableCell component="th" scope="row">{s.name}</TableCell>
                <TableCell align="right">{countText(s.students)}</TableCell>
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
