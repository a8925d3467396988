import { useCallback, useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { useRunCommand } from '../../app/plan-history';
import { planRoute, routeHref } from '../../app/router';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { usePendingValues } from '../../components/use-pending-values';
import { visuallyHidden } from '../../components/visually-hidden';
import { RationaleOriginNote } from '../../components/RationaleOriginNote';
import {
  DECISIONS, SURVEY_SOURCE, TIGHT_LOOSE_FINDINGS, poleName, positionLabel, profilePatterns, type Decision,
} from '../../domain/decisions';
import { isTemplateText, needsReview } from '../../domain/rationale-origin';
import { fieldProblem } from '../../domain/messages';
import { stanceSummary } from '../../domain/roadmap-rules';
import { positionSchema, type PlanBundle } from '../../domain/schemas';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { keepPositionRationale, setPosition, setPositionRationale } from './commands';
import { POSITION_STEPS, matrixDisagreement, matrixLine, profileIsEmpty, reviewList, surveyRows } from './decision-rules';

const validateRationale = (text: string) => fieldProblem(positionSchema.shape.rationale, text, 'Rationale');

/** Width of one step of the scale, so the pole names in the header line up with it. */
const STEP_WIDTH = 44;
const SCALE_WIDTH = STEP_WIDTH * POSITION_STEPS.length;
const NOT_SET_WIDTH = 100;

export function DecisionsSection({ bundle }: SectionProps) {
  const { plan, phases } = bundle;
  return (
    <Stack component="section" aria-labelledby="section-heading" spacing={3}>
      <Box>
        <SectionHeading description="Seven tensions every system scaling blended and personalized learning faces. Each has two legitimate poles; leaders say the key is to manage both, not to pick one. Say where this plan stands in each phase, and why.">
          The seven decisions
        </SectionHeading>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: '75ch' }}>
          Survey figures beside each decision: {SURVEY_SOURCE}
        </Typography>
      </Box>
      {phases.length === 0 && (
        <Alert severity="info">
          Positions are set per phase, because where a plan stands can change from pilot to scale.{' '}
          <Link href={routeHref(planRoute(plan.id, 'roadmap'))}>Add phases on the Roadmap</Link>, then come back here.
        </Alert>
      )}
      <ReviewNote bundle={bundle} />
      {DECISIONS.map((decision) => <DecisionCard key={decision.number} decision={decision} bundle={bundle} />)}
    </Stack>
  );
}

/** The id of a rationale field, so the review list can take the planner to it. */
const rationaleFieldId = (decision: number, phaseId: string) => `decision-${decision}-rationale-${phaseId}`;

/** How many template rationales wait for review, each a button to its field. Nothing when none does. */
function ReviewNote({ bundle }: { bundle: PlanBundle }) {
  const items = reviewList(bundle.phases, bundle.positions);
  if (items.length === 0) return null;
  const go = (id: string) => {
    const field = document.getElementById(id);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  return (
    <Alert severity="warning" role="region" aria-label="Rationales to review">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{reviewHeadline(items.length)}</Typography>
      <Typography variant="body2" sx={{ mb: 0.5 }}>What they explain has changed since (the position, or for decision 1 the Tight & loose matrix), so the words may no longer fit. Edit each one, or keep it as is.</Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2' }}>
        {items.map((item) => (
          <li key={`${item.decision}-${item.phaseId}`}>
            <Link component="button" type="button" variant="body2" onClick={() => go(rationaleFieldId(item.decision, item.phaseId))} sx={{ verticalAlign: 'baseline' }}>
              {`Decision ${item.decision}, ${item.phaseName}`}
            </Link>
          </li>
        ))}
      </Box>
    </Alert>
  );
}

const reviewHeadline = (count: number) => (count === 1 ? '1 rationale from the template to review' : `${count} rationales from the template to review`);

function DecisionCard({ decision, bundle }: { decision: Decision; bundle: PlanBundle }) {
  const headingId = `decision-${decision.number}-heading`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: { xs: 2, md: 2.5 } }}>
      <Typography id={headingId} component="h3" variant="h3">{`${decision.number}. ${decision.question}`}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {poleName(decision, 'A')}
        <Box component="span" aria-hidden sx={{ mx: 1 }}>⟷</Box>
        <Box component="span" sx={visuallyHidden}> or </Box>
        {poleName(decision, 'B')}
      </Typography>
      {/* The survey sits beside the positions on wide screens and under them otherwise. */}
      <Box sx={{ display: 'grid', gap: { xs: 2, xl: 3 }, gridTemplateColumns: { xs: '1fr', xl: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
        <Box sx={{ minWidth: 0 }}>
          {bundle.phases.length === 0
            ? <Typography color="text.secondary">No phases yet: positions are set per phase.</Typography>
            : <PositionsTable decision={decision} bundle={bundle} />}
        </Box>
        <SurveyContext decision={decision} bundle={bundle} />
      </Box>
    </Paper>
  );
}

function PositionsTable({ decision, bundle }: { decision: Decision; bundle: PlanBundle }) {
  const { plan, phases, positions, areas, stances } = bundle;
  const run = useRunCommand();
  const n = decision.number;
  const withMatrix = n === 1;
  const areaIds = areas.map((a) => a.id);
  const decisionPositions = useMemo(() => positions.filter((p) => p.decision === n), [positions, n]);
  const rows = useMemo(() => new Map(decisionPositions.map((p) => [p.phaseId, p])), [decisionPositions]);
  const phaseIds = useMemo(() => phases.map((p) => p.id), [phases]);
  // A step just chosen shows at once, by phase, until storage has it (or goes back if the write fails).
  const isStored = useCallback((phaseId: string, position: number | null) => (rows.get(phaseId)?.position ?? null) === position, [rows]);
  const { pending, hold } = usePendingValues(isStored);

  return (
    <Table size="small" aria-label={`Positions on decision ${n}, by phase`} sx={{ '& td, & th': { verticalAlign: 'top', px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '7.5rem' }}>Phase</TableCell>
          <TableCell sx={{ width: NOT_SET_WIDTH + SCALE_WIDTH + 16 }}>
            Position
            <Box sx={{ display: 'flex', alignItems: 'flex-start', mt: 0.5, fontWeight: 400, color: 'text.secondary', typography: 'caption' }}>
              <Box sx={{ width: NOT_SET_WIDTH, flexShrink: 0 }} />
              {/* Pole A over the first step, pole B over the last: one line each, so long names never collide. */}
              <Box sx={{ width: SCALE_WIDTH, display: 'grid', gap: 0.25 }}>
                <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.25 }}>
                  <ArrowBackIcon aria-hidden sx={{ fontSize: 14, mt: '2px' }} />
                  <span>{poleName(decision, 'A')}</span>
                </Box>
                <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'flex-end', gap: 0.25, textAlign: 'right' }}>
                  <span>{poleName(decision, 'B')}</span>
                  <ArrowForwardIcon aria-hidden sx={{ fontSize: 14, mt: '2px' }} />
                </Box>
              </Box>
            </Box>
          </TableCell>
          {withMatrix && <TableCell sx={{ width: '25%' }}>Tight & loose matrix</TableCell>}
          <TableCell>Rationale</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {phases.map((phase) => {
          const row = rows.get(phase.id);
          const position = row?.position ?? null;
          const summary = withMatrix ? stanceSummary(phase.id, areaIds, stances) : null;
          const disagreement = summary ? matrixDisagreement(position, summary) : null;
          const where = `decision ${n} in ${phase.name}`;
          return (
            <TableRow key={phase.id}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600, pt: 1.75 }}>{phase.name}</TableCell>
              <TableCell>
                <PositionScale
                  decision={decision}
                  phaseId={phase.id}
                  phaseName={phase.name}
                  position={pending.has(phase.id) ? (pending.get(phase.id) ?? null) : position}
                  onChange={(next) => hold(phase.id, next, run(setPosition(plan.id, decision, phase, next, { phaseIds, positions: decisionPositions })))}
                />
              </TableCell>
              {summary && (
                <TableCell sx={{ pt: 1.5 }}>
                  <Typography variant="body2">{matrixLine(summary)}</Typography>
                  {disagreement && (
                    <Alert severity="warning" sx={{ mt: 1, py: 0, px: 1, typography: 'body2' }}>
                      {disagreement}{' '}
                      <Link href={routeHref(planRoute(plan.id, 'tight-loose'))}>Review the Tight & loose matrix</Link>
                    </Alert>
                  )}
                </TableCell>
              )}
              <TableCell sx={{ pt: 1 }}>
                <AutosaveTextField
                  value={row?.rationale ?? ''}
                  placeholder={`Why this position in ${phase.name}?`}
                  multiline
                  fullWidth
                  validate={validateRationale}
                  onCommit={(rationale) => run(setPositionRationale(plan.id, decision, phase, rationale))}
                  slotProps={{ htmlInput: { 'id': rationaleFieldId(n, phase.id), 'aria-label': `${phase.name} rationale for decision ${n}`, 'aria-describedby': row && isTemplateText(row) ? `${rationaleFieldId(n, phase.id)}-origin` : undefined } }}
                />
                {row && isTemplateText(row) && (
                  <RationaleOriginNote
                    id={`${rationaleFieldId(n, phase.id)}-origin`}
                    review={needsReview(row)}
                    reason={withMatrix ? 'the position or the Tight & loose matrix changed after it was written' : 'the position changed after it was written'}
                    where={where}
                    onKeep={() => void run(keepPositionRationale(plan.id, decision, phase))}
                  />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * Five labelled steps from strongly pole A to strongly pole B, plus "Not set", as one radio
 * group: arrow keys move between steps, and each step's name is read out in full.
 */
function PositionScale({ decision, phaseId, phaseName, position, onChange }: {
  decision: Decision;
  phaseId: string;
  phaseName: string;
  /** The position as shown: a step just chosen shows here before storage has it. */
  position: number | null;
  /** Saves a new position; resolves false when it could not be saved. */
  onChange: (position: number | null) => Promise<boolean>;
}) {
  const groupLabel = `${phaseName} position on decision ${decision.number}`;
  return (
    <Box>
      <RadioGroup
        row
        aria-label={groupLabel}
        name={`decision-${decision.number}-${phaseId}`}
        value={position === null ? 'unset' : String(position)}
        onChange={(event) => void onChange(event.target.value === 'unset' ? null : Number(event.target.value))}
        sx={{ flexWrap: 'nowrap', alignItems: 'center' }}
      >
        <FormControlLabel
          value="unset"
          control={<Radio size="small" />}
          label="Not set"
          slotProps={{ typography: { variant: 'body2' } }}
          sx={{ width: NOT_SET_WIDTH, flexShrink: 0, mr: 0, ml: -0.75, whiteSpace: 'nowrap' }}
        />
        <Box sx={{ position: 'relative', display: 'flex', width: SCALE_WIDTH, flexShrink: 0 }}>
          {/* The line the steps sit on: decoration only. */}
          <Box aria-hidden sx={{ position: 'absolute', left: STEP_WIDTH / 2, right: STEP_WIDTH / 2, top: '50%', borderTop: 2, borderColor: 'divider' }} />
          {POSITION_STEPS.map((step) => (
            <Box key={step} sx={{ width: STEP_WIDTH, display: 'flex', justifyContent: 'center' }}>
              <Radio
                size="small"
                value={String(step)}
                slotProps={{ input: { 'aria-label': positionLabel(decision, step) } }}
                sx={{ bgcolor: 'background.paper', '&:hover': { bgcolor: 'action.hover' } }}
              />
            </Box>
          ))}
        </Box>
      </RadioGroup>
      <Typography variant="body2" aria-hidden sx={{ pl: `${NOT_SET_WIDTH}px`, fontWeight: position === null ? 400 : 600, color: position === null ? 'text.secondary' : 'text.primary' }}>
        {positionLabel(decision, position)}
      </Typography>
    </Box>
  );
}

function SurveyContext({ decision, bundle }: { decision: Decision; bundle: PlanBundle }) {
  const { plan } = bundle;
  const rows = surveyRows(decision);
  const patterns = profilePatterns(decision.number, plan.profile);
  const headingId = `decision-${decision.number}-survey`;
  return (
    <Box role="group" aria-labelledby={headingId} sx={{ bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Typography id={headingId} component="h4" variant="subtitle2" sx={{ mb: 1 }}>What the survey found — context, not a verdict</Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))', xl: '1fr' } }}>
        <Box>
          {rows.length === 0 ? (
            <Typography variant="body2">No published split.</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.75 }}>
              {rows.map((r) => (
                <Box component="li" key={r.label} sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 72px 2.5rem', alignItems: 'center', gap: 1 }}>
                  <Typography variant="body2">{r.label}</Typography>
                  <Box aria-hidden sx={{ height: 10, bgcolor: 'grey.300', borderRadius: 0.5, overflow: 'hidden' }}>
                    <Box sx={{ height: '100%', width: `${r.percent}%`, bgcolor: r.label === 'Mid-way' ? 'grey.600' : 'primary.main' }} />
                  </Box>
                  <Typography variant="body2" sx={{ textAlign: 'right', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{`${r.percent}%`}</Typography>
                </Box>
              ))}
            </Box>
          )}
        </Box>
        <Box>
          {decision.number === 1 && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {`${TIGHT_LOOSE_FINDINGS.dedicatedResourcesPercent}% dedicated time and resources to managing this tension; ${TIGHT_LOOSE_FINDINGS.topChallengePercent}% call it a top challenge. From ${TIGHT_LOOSE_FINDINGS.respondents} leaders in ${TIGHT_LOOSE_FINDINGS.systems} systems.`}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            For every decision, at least one system sat at each extreme.
          </Typography>
        </Box>
        <Box>
          <Typography component="h5" variant="subtitle2" sx={{ mb: 0.5 }}>Patterns for systems like this one</Typography>
          {profileIsEmpty(plan.profile) ? (
            <Typography variant="body2">
              <Link href={routeHref(planRoute(plan.id))}>Fill in the system profile on the Overview</Link> to see patterns for systems like yours.
            </Typography>
          ) : patterns.length === 0 ? (
            <Typography variant="body2" color="text.secondary">The study drew no pattern on this decision for a profile like yours.</Typography>
          ) : (
            <Box component="ul" sx={{ pl: 2.5, m: 0, typography: 'body2', '& li + li': { mt: 0.5 } }}>
              {patterns.map((p) => <li key={p}>{p}</li>)}
            </Box>
          )}
        </Box>
      </Box>
    </Box>
  );
}
