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
import { missingForPriority, missingSummary, missingText, schoolValues, type MissingSide } from '../../domain/indicators';
import type { IndicatorSideValue } from '../../domain/schemas';
import { priority, quadrant, rankSchools, sliderFromPosition } from '../../domain/school-scoring';
import { plural } from '../../domain/words';
import { SectionHeading } from '../../components/SectionHeading';
import { visuallyHidden } from '../../components/visually-hidden';
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
  // Schools without a priority at this lean are not numbered: each says what it lacks.
  const missing = new Map(schools.map((school) => [school.id, missingForPriority(indicators, schoolValues(school, indicators), slider)]));
  const unranked = [...missing.values()].filter((m) => m.length > 0);
  const rankedCount = schools.length - unranked.length;

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
              For {phase?.name ?? 'the plan'} (decision 3: {leanText(position)}), priority = {100 - slider}% need + {slider}% readiness.
            </Typography>
            {unranked.length > 0 && <MissingPriorities planId={plan.id} total={schools.length} summary={missingSummary(unranked)} phaseName={phase?.name ?? 'the plan'} />}
            {/* Focusable, so the keyboard can scroll the ranking sideways when the column is narrow. */}
            <TableContainer tabIndex={0} role="region" aria-label="Ranking table">
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
                    const lacks = missing.get(id) ?? [];
                    const value = s ? priority(s.need, s.readiness, slider) : null;
                    return (
                      <TableRow key={id}>
                        <TableCell align="right">{value !== null && index < rankedCount ? index + 1 : <><span aria-hidden>—</span><Box component="span" sx={visuallyHidden}>Not ranked</Box></>}</TableCell>
                        <TableCell component="th" scope="row">{school?.name}</TableCell>
                        <TableCell align="right">{scoreText(s?.need)}</TableCell>
                        <TableCell align="right">{scoreText(s?.readiness)}</TableCell>
                        <TableCell align="right" sx={{ fontWeight: value === null ? 400 : 600, whiteSpace: 'nowrap' }}>{value === null ? missingText(lacks) || '—' : scoreText(value)}</TableCell>
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

const list = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const verb = (names: readonly string[]) => (names.length === 1 ? 'has' : 'have');

/** Moves the keyboard focus to one side's indicators in the panel above, and brings it into view. */
function goToIndicators(side: IndicatorSideValue) {
  const heading = document.getElementById(`indicators-${side}`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

/** What the schools without a priority lack, side by side, and where to fill it in. */
function MissingPriorities({ planId, total, summary, phaseName }: { planId: string; total: number; summary: (MissingSide & { schools: number })[]; phaseName: string }) {
  const count = Math.max(...summary.map((m) => m.schools));
  const unrankedWords = count === total ? `None of the ${plural(total, 'school')} has a priority for ${phaseName}` : `${plural(count, 'school')} of ${total} have no priority for ${phaseName}`;
  return (
    <Alert severity="warning" sx={{ mb: 1 }} aria-label="Schools not ranked">
      <Typography sx={{ fontWeight: 600 }}>{unrankedWords}, so {count === 1 ? 'it is' : 'they are'} not ranked.</Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {summary.map((m) => (
          <li key={m.side}>
            {m.missing.length === 0 ? (
              <>The plan has no {m.side} indicators. <Link component="button" type="button" onClick={() => goToIndicators(m.side)}>Add one under {m.side === 'need' ? 'Need' : 'Readiness'} indicators</Link>.</>
            ) : (
              <>
                {m.side === 'need' ? 'Need' : 'Readiness'} is unknown for {plural(m.schools, 'school')}: {list(m.missing)} {verb(m.missing)} no values for them
                {m.unweighted.length > 0 ? `, and ${list(m.unweighted)} ${verb(m.unweighted)} values but weigh 0` : ''}.{' '}
                Enter values under <Link href={routeHref(planRoute(planId, 'schools'))}>Schools</Link> (edit a school, or import a roster){m.unweighted.length > 0 ? <>, or give weight to an indicator with values under <Link component="button" type="button" onClick={() => goToIndicators(m.side)}>{m.side === 'need' ? 'Need' : 'Readiness'} indicators</Link></> : null}.
              </>
            )}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
