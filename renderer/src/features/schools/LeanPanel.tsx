import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Slider from '@mui/material/Slider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { usePendingValues } from '../../components/use-pending-values';
import { positionLabel } from '../../domain/decisions';
import { coveringRationale, needsReview } from '../../domain/rationale-origin';
import { positionFromSlider, sliderFromPosition } from '../../domain/school-scoring';
import type { Phase, Position } from '../../domain/schemas';
import { setNeedReadinessLean } from './commands';
import { leanText, NEED_READINESS, needReadinessPosition } from './need-readiness';

const MARKS = [
  { value: 0, label: 'Need' },
  { value: 25, label: '' },
  { value: 50, label: 'Mid-way' },
  { value: 75, label: '' },
  { value: 100, label: 'Readiness' },
];

/**
 * Where the plan leans on decision 3 in one phase, as a slider from prioritizing need to
 * prioritizing readiness. It is the Decisions section's position: moving one moves the other.
 */
export function LeanPanel({ planId, phases, positions, phaseId, onPhaseChange }: {
  planId: string;
  phases: Phase[];
  positions: Position[];
  phaseId: string | null;
  onPhaseChange: (phaseId: string) => void;
}) {
  const run = useRunCommand();
  // A released position shows until storage has it, so the thumb does not jump back meanwhile.
  const isStored = useCallback((key: string, position: number | null) => needReadinessPosition(positions, key) === position, [positions]);
  const { pending, hold } = usePendingValues(isStored);
  const current = phaseId !== null && pending.has(phaseId) ? (pending.get(phaseId) ?? null) : needReadinessPosition(positions, phaseId);
  // While the thumb moves, the panel shows where it is; the stored position follows on release.
  const [moving, setMoving] = useState<number | null>(null);
  const slider = moving ?? sliderFromPosition(current);
  const phase = phases.find((p) => p.id === phaseId);
  const explained = phaseId === null ? null : coveringRationale(phases.map((p) => p.id), positions.filter((p) => p.decision === NEED_READINESS.number), phaseId);

  const commit = async (value: number) => {
    setMoving(null);
    if (!phase) return;
    const position = positionFromSlider(value);
    if (position === current) return;
    await hold(phase.id, position, run(setNeedReadinessLean(planId, phase, position, { phaseIds: phases.map((p) => p.id), positions })));
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="lean-heading">
      <Typography id="lean-heading" variant="h3" sx={{ fontSize: '1.1rem', mb: 0.5 }}>Where to start: need or readiness?</Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '70ch' }}>
        {NEED_READINESS.question} This is the plan’s position on decision 3 for the phase you choose; it is the same setting as under <Link href={routeHref(planRoute(planId, 'decisions'))}>Decisions</Link>.
      </Typography>
      {phases.length === 0 ? (
        <Typography>Add phases under <Link href={routeHref(planRoute(planId, 'roadmap'))}>Roadmap</Link> to set where each one leans.</Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField select size="small" label="Phase" value={phaseId ?? ''} onChange={(e) => onPhaseChange(e.target.value)} sx={{ minWidth: 200 }}>
            {phases.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
          </TextField>
          <Box sx={{ flex: '1 1 360px', maxWidth: 520, px: 3 }}>
            <Slider
              aria-label={`Prioritize need or readiness in ${phase?.name ?? 'this phase'}`}
              value={slider}
              step={25}
              marks={MARKS}
              min={0}
              max={100}
              getAriaValueText={(v) => positionLabel(NEED_READINESS, positionFromSlider(v))}
              valueLabelDisplay="off"
              onChange={(_, v) => setMoving(v as number)}
              onChangeCommitted={(_, v) => void commit(v as number)}
            />
          </Box>
          <Typography role="status" sx={{ fontWeight: 600, minWidth: 220 }}>
            {phase?.name ?? 'This phase'}: {leanText(moving === null ? current : positionFromSlider(moving))}
          </Typography>
        </Box>
      )}
      {explained && needsReview(explained) && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          The template’s rationale for decision 3 was written for the lean it had, and the lean has moved: <Link href={routeHref(planRoute(planId, 'decisions'))}>review it under Decisions</Link>.
        </Alert>
      )}
    </Paper>
  );
}
