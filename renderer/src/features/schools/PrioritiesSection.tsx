import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { planRoute, routeHref } from '../../app/router';
import { priority, quadrant, rankSchools, sliderFromPosition } from '../../domain/school-scoring';
import { plural } from '../../domain/words';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { IndicatorsPanel } from './IndicatorsPanel';
import { LeanPanel } from './LeanPanel';
import { leanText, needReadinessPosition } from './need-readiness';
import { NeedReadinessChart } from './NeedReadinessChart';
import { scoreText, waveNameOf } from './school-format';
import { useSchoolScores } from './use-school-scores';

const SHORT_LIST = 20;
const HIGHLIGHT_SIZES = [5, 10, 20, 30];

/** Decision 3 on the plan's own schools: weigh the indicators, set the lean, see the chart and the ranking. */
export function PrioritiesSection({ bundle }: SectionProps) {
  const { plan, phases, positions, schools, indicators, waves } = bundle;
  const scores = useSchoolScores(schools, indicators);
  const [chosenPhase, setChosenPhase] = useState<string | null>(null);
  const phaseId = phases.some((p) => p.id === chosenPhase) ? chosenPhase : (phases[0]?.id ?? null);
  const phase = phases.find((p) => p.id === phaseId);
  const position = needReadinessPosition(positions, phaseId);
  const slider = sliderFromPosition(position);
  const [showAll, setShowAll] = useState(false);
  const [highlightSize, setHighlightSize] = useState(10);

  // A few hundred schools rank in well under a millisecond: no memo needed beyond the scores.
  const scoreList = [...scores.values()];
  const ranked = rankSchools(scoreList, slider);
  const highlighted = new Set(ranked.slice(0, highlightSize));
  const byId = new Map(schools.map((s) => [s.id, s]));
  const rows = showAll ? ranked : ranked.slice(0, SHORT_LIST);

  return (
    <Box component="section" aria-labelledby="section-heading" sx={{ display: 'grid', gap: 3 }}>
      <SectionHeading description="Decision 3 on your own schools. Weigh what counts as need and as readiness, choose where each phase leans, and see which schools rise to the top.">
        Need &amp; readiness
      </SectionHeading>

      <LeanPanel planId={plan.id} phases={phases} positions={positions} phaseId={phaseId} onPhaseChange={setChosenPhase} />
      <IndicatorsPanel planId={plan.id} indicators={indicators} />

      {schools.length === 0 ? (
        <Alert severity="info">
          The chart and the ranking need schools. <Link href={routeHref(planRoute(plan.id, 'schools'))}>Add or import them under Schools</Link>.
        </Alert>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(380px, 520px) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="chart-heading">
            <Typography id="chart-heading" variant="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>Need against readiness</Typography>
            <TextField select size="small" label="Highlight" value={highlightSize} onChange={(e) => setHighlightSize(Number(e.target.value))} sx={{ mb: 1, minWidth: 200 }}>
              {HIGHLIGHT_SIZES.map((n) => <MenuItem key={n} value={n}>The top {n} in the ranking</MenuItem>)}
            </TextField>
            <NeedReadinessChart scores={scoreList} highlighted={highlighted} highlightLabel={`Top ${highlightSize} in the ranking`} />
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="ranking-heading">
            <Typography id="ranking-heading" variant="h3" sx={{ fontSize: '1.1rem' }}>Ranking</Typography>
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              For {phase?.name ?? 'the plan'}, which leans {leanText(position)}: priority = {100 - slider}% need + {slider}% readiness.
            </Typography>
            <TableContainer>
              <Table size="small" aria-label="Schools ranked by priority">
                <TableHead>
                  <TableRow>
                    <TableCell align="right">Rank</TableCell>
                    <TableCell>School</TableCell>
                    <TableCell align="right">Need</TableCell>
                    <TableCell align="right">Readiness</TableCell>
                    <TableCell align="right">Priority</TableCell>
                    <TableCell>Quadrant</TableCell>
                    <TableCell>Wave</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((id, index) => {
                    const s = scores.get(id);
                    const school = byId.get(id);
                    return (
                      <TableRow key={id}>
                        <TableCell align="right">{index + 1}</TableCell>
                        <TableCell component="th" scope="row">{school?.name}</TableCell>
                        <TableCell align="right">{scoreText(s?.need)}</TableCell>
                        <TableCell align="right">{scoreText(s?.readiness)}</TableCell>
                        <TableCell align="right" sx={{ fontWeight: 600 }}>{scoreText(s ? priority(s.need, s.readiness, slider) : null)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{(s && quadrant(s.need, s.readiness)) ?? '—'}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{waveNameOf(waves, school?.waveId ?? null)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
            {ranked.length > SHORT_LIST && (
              <Button onClick={() => setShowAll((v) => !v)} sx={{ mt: 1 }}>
                {showAll ? `Show the top ${SHORT_LIST} only` : `Show all ${plural(ranked.length, 'school')}`}
              </Button>
            )}
          </Paper>
        </Box>
      )}
    </Box>
  );
}
