import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { planRoute, routeHref } from '../../app/router';
import { formatDisplayDate } from '../../domain/phase-rules';
import { phaseTimingNotes, stanceSummary } from '../../domain/roadmap-rules';
import { PHASE_KIND_LABELS, type PlanBundle } from '../../domain/schemas';
import { plural } from '../../domain/words';

/** The plan in a few lines: its phases with their span and balance, and what needs a look. */
export function PlanAtAGlance({ bundle }: { bundle: PlanBundle }) {
  const { plan, phases, areas, stances, positions, milestones, outcomes, schools, waves, fundingSources } = bundle;
  const placed = schools.filter((s) => s.waveId !== null).length;
  const areaIds = areas.map((a) => a.id);
  const notes = phaseTimingNotes(phases, plan.schoolYearStartMonth);
  const decided = new Set(positions.filter((p) => p.position !== null).map((p) => p.decision)).size;
  const open = milestones.filter((m) => !m.done).length;
  const link = (section: Parameters<typeof planRoute>[1], text: string) => <Link href={routeHref(planRoute(plan.id, section))}>{text}</Link>;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="glance-heading" sx={{ p: 3 }}>
      <Typography id="glance-heading" variant="h3" component="h3" gutterBottom>At a glance</Typography>
      {phases.length === 0 ? (
        <Typography>No phases yet. {link('roadmap', 'Add the first phase on the roadmap')}.</Typography>
      ) : (
        <Box component="ol" sx={{ pl: 3, my: 1 }}>
          {phases.map((p) => (
            <li key={p.id}>
              <Typography component="span" sx={{ fontWeight: 600 }}>{p.name}</Typography>
              {/* The kind, where the name does not already say it. */}
              {`${p.name.toLowerCase() === PHASE_KIND_LABELS[p.kind].toLowerCase() ? '' : ` (${PHASE_KIND_LABELS[p.kind]})`}, ${formatDisplayDate(p.start)} – ${formatDisplayDate(p.end)}: `}
              {stanceSummary(p.id, areaIds, stances).text}
            </li>
          ))}
        </Box>
      )}
      {notes.map((n) => <Typography key={`${n.first.id}-${n.second.id}`} color="warning.dark">{n.message}</Typography>)}
      <Typography sx={{ mt: 1 }}>
        {link('tight-loose', `${areas.length} areas of implementation`)}
        {' · '}
        {link('decisions', `${decided} of 7 decisions with a position`)}
        {' · '}
        {link('outcomes', plural(outcomes.length, 'outcome measure'))}
        {' · '}
        {link('roadmap', plural(open, 'open milestone'))}
      </Typography>
      <Typography sx={{ mt: 0.5 }}>
        {link('schools', plural(schools.length, 'school'))}
        {' · '}
        {link('waves', `${plural(waves.length, 'wave')}, ${plural(placed, 'school')} placed`)}
        {' · '}
        {link('resources', plural(fundingSources.length, 'funding source'))}
      </Typography>
    </Paper>
  );
}
