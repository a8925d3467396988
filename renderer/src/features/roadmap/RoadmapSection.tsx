import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { format } from 'date-fns';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useBaseline } from '../../app/use-baseline';
import { phaseSlips } from '../../domain/baseline-slips';
import { formatDisplayDate } from '../../domain/phase-rules';
import { useRunCommand } from '../../app/plan-history';
import { untilOnScreen } from '../../components/until-on-screen';
import { useNotify } from '../../app/notifications';
import { appServices } from '../../app/services';
import type { Milestone, Phase } from '../../domain/schemas';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import {
  addMilestone, addPhase, deleteMilestone, deletePhase, editMilestone, markMilestoneDone, movePhase, setPhaseDate, type MilestoneDraft,
} from './commands';
import { moveOffer, offersMore, type Carry, type MoveOffer } from '../../domain/phase-moves';
import type { DateChange, PhaseDates } from '../../domain/timeline';
import type { PlanCommand } from '../../app/commands';
import type { ChangeSet } from '../../storage/transactions';
import { MovePhaseDialog, type Reschedule } from './MovePhaseDialog';
import { PrintedMilestones } from './milestone-marks';
import { PhaseDetails, phaseNameFieldId } from './PhaseDetails';
import { Timeline } from './Timeline';
import { intakeByPhase } from './wave-intake';
import { TimingNotes } from './TimingNotes';
import { MilestonesTable } from './MilestonesTable';
import { MilestoneDialog } from './MilestoneDialog';

interface Moving {
  phase: Phase;
  dates: PhaseDates;
  change: DateChange;
  offer: MoveOffer;
  make: (carry?: Carry) => PlanCommand<ChangeSet>;
  /** Settles the move for whoever asked for it: true once saved, false when cancelled. */
  resolve: (saved: boolean) => void;
}

/** The roadmap: phases on a timeline over school years, each phase's details, and the milestones. */
export function RoadmapSection({ bundle }: SectionProps) {
  const { plan } = bundle;
  const run = useRunCommand();
  const notify = useNotify();
  const [today] = useState(() => appServices().now());
  const phases = useMemo(() => [...bundle.phases].sort((a, b) => a.order - b.order), [bundle.phases]);
  const { waves, schools } = bundle;
  const intake = useMemo(() => intakeByPhase(phases, waves, schools), [phases, waves, schools]);
  const baseline = useBaseline(plan.id);
  const [showApproved, setShowApproved] = useState(true);
  const approvedPhases = baseline.status === 'ready' ? baseline.bundle.phases : null;
  const approved = useMemo(() => (approvedPhases ? new Map(approvedPhases.map((p): [string, PhaseDates] => [p.id, { start: p.start, end: p.end }])) : undefined), [approvedPhases]);
  const slips = useMemo(() => (approvedPhases ? phaseSlips(approvedPhases, phases) : []), [approvedPhases, phases]);
  const [dialog, setDialog] = useState<{ milestone: Milestone | null } | null>(null);
  const phasesHeading = useRef<HTMLHeadingElement>(null);
  // A phase's new dates waiting on the planner's choice of what moves with it.
  const [moving, setMoving] = useState<Moving | null>(null);
  // The records a move is weighed against, read when the move is asked for, so the handlers stay the same between edits.
  const latest = useRef({ phases, milestones: bundle.milestones });
  useLayoutEffect(() => {
    latest.current = { phases, milestones: bundle.milestones };
  });

  const reschedule = useCallback<Reschedule>((phase, dates, change, make) => {
    const current = latest.current.phases.find((p) => p.id === phase.id) ?? phase;
    const offer = moveOffer(latest.current.phases, latest.current.milestones, current, dates);
    if (!offersMore(offer)) return run(make());
    return new Promise<boolean>((resolve) => setMoving({ phase: current, dates, change, offer, make, resolve }));
  }, [run]);
  const onPhaseDate = useCallback((phase: Phase, which: 'start' | 'end', date: string) => {
    const dates = { start: which === 'start' ? date : phase.start, end: which === 'end' ? date : phase.end };
    return reschedule(phase, dates, which, (carry?: Carry) => setPhaseDate(phase, which, date, carry));
  }, [reschedule]);
  const onConfirmMove = async (carry: Carry) => {
    if (!moving) return false;
    const saved = await run(moving.make(carry));
    if (saved) {
      moving.resolve(true);
      setMoving(null);
    }
    return saved;
  };
  const onCancelMove = () => {
    moving?.resolve(false);
    setMoving(null);
  };
  const milestonesHeading = useRef<HTMLHeadingElement>(null);

  const onAddPhase = useCallback(async () => {
    const command = addPhase(plan.id);
    if (!(await run(command))) return;
    // Its name field takes the focus, selected, once it is on screen (the phase cards render
    // from a deferred copy of the phases, a few frames after the data), so the planner can type
    // its name. Once only: an undo that brings the phase back leaves the focus be.
    untilOnScreen(() => {
      const field = document.getElementById(phaseNameFieldId(command.id));
      if (!(field instanceof HTMLInputElement)) return false;
      field.focus();
      field.select();
      return true;
    }, 60);
  }, [run, plan.id]);

  const onMovePhase = useCallback((phase: Phase, direction: -1 | 1) => run(movePhase(phase, direction)), [run]);
  const onDeletePhase = useCallback(async (phase: Phase) => {
    if (await run(deletePhase(phase))) phasesHeading.current?.focus();
  }, [run]);

  /** Moves a card; when its button is now disabled (it reached the top or bottom), the focus goes to the other arrow, not to the page. */
  const onMoveCard = useCallback((phase: Phase, direction: -1 | 1) => {
    const button = (d: number) => document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(`Move ${phase.name} ${d < 0 ? 'earlier' : 'later'}`)}"]`);
    // The list re-renders a few frames after the write, when the live query brings the new order.
    const refocus = () => {
      if (!button(direction)?.disabled) return false;
      button(-direction)?.focus();
      return true;
    };
    void onMovePhase(phase, direction).then((moved) => { if (moved) untilOnScreen(refocus, 30); });
  }, [onMovePhase]);
  const onDeleteCard = useCallback((phase: Phase) => void onDeletePhase(phase), [onDeletePhase]);

  const onOpenDetails = useCallback((phase: Phase) => {
    const field = document.getElementById(phaseNameFieldId(phase.id));
    if (!field) return;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field.focus({ preventScroll: true });
  }, []);
  const onRefuse = useCallback((message: string) => notify({ message, severity: 'warning' }), [notify]);
  const onOpenMilestone = useCallback((milestone: Milestone) => setDialog({ milestone }), []);

  const onSaveMilestone = (draft: MilestoneDraft) => {
    const current = dialog?.milestone;
    return current ? run(editMilestone(current, draft)) : run(addMilestone(plan.id, draft));
  };
  const onToggleDone = useCallback((m: Milestone, done: boolean) => run(markMilestoneDone(m, done)), [run]);
  const onDeleteMilestone = useCallback(async (m: Milestone) => {
    if (await run(deleteMilestone(m))) milestonesHeading.current?.focus();
  }, [run]);
  const onDeleteRow = useCallback((m: Milestone) => void onDeleteMilestone(m), [onDeleteMilestone]);
  const onAddMilestone = useCallback(() => setDialog({ milestone: null }), []);

  // The timeline comes first; the long phase forms and the milestone table follow in a second,
  // interruptible render, so a large plan shows its timeline at once and typing stays quick.
  const laterPhases = useDeferredValue<Phase[] | null>(phases, null);
  const laterMilestones = useDeferredValue<Milestone[] | null>(bundle.milestones, null);

  const todayIso = format(today, 'yyyy-MM-dd');
  // A new milestone starts on today's date when a phase is under way, otherwise at the first phase's start.
  const newMilestoneDate = phases.some((p) => p.start <= todayIso && todayIso <= p.end) || phases.length === 0 ? todayIso : (phases[0]?.start ?? todayIso);

  return (
    <Stack component="section" aria-labelledby="section-heading" spacing={3}>
      <Box>
        <SectionHeading description="The phases of the plan over school years, what each must show before the next begins, and the milestones along the way.">Roadmap</SectionHeading>
      </Box>

      {phases.length > 0 && (
        <Paper variant="outlined" component="section" aria-labelledby="timeline-heading" sx={{ p: 2, minWidth: 0 }}>
          <Timeline
            heading={<Typography id="timeline-heading" component="h3" variant="h3">Timeline</Typography>}
            phases={phases}
            milestones={bundle.milestones}
            schoolYearStartMonth={plan.schoolYearStartMonth}
            today={today}
            run={run}
            reschedule={reschedule}
            onRefuse={onRefuse}
            intake={intake}
            approved={showApproved ? approved : undefined}
            onOpenDetails={onOpenDetails}
            onOpenMilestone={onOpenMilestone}
          />
          {baseline.status === 'ready' && (
            <Box sx={{ mt: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, displayPrint: showApproved ? 'flex' : 'none' }}>
              <FormControlLabel
                sx={{ displayPrint: 'none' }}
                control={<Switch checked={showApproved} onChange={(e) => setShowApproved(e.target.checked)} />}
                label={`Show the approved dates (${formatDisplayDate(baseline.revision.approval.date)})`}
              />
              {showApproved && (
                <Typography variant="body2" sx={{ flex: '1 1 30ch' }}>
                  {slips.length === 0
                    ? 'Every phase keeps the dates the approved plan gave it.'
                    : `Dashed outlines show the approved dates. Since approval: ${slips.map((slip) => slip.text).join('; ')}.`}
                </Typography>
              )}
            </Box>
          )}
          <TimingNotes phases={phases} schoolYearStartMonth={plan.schoolYearStartMonth} />
          {laterMilestones && <PrintedMilestones phases={phases} milestones={laterMilestones} />}
        </Paper>
      )}

      {phases.length === 0 ? (
        <Paper variant="outlined" component="section" aria-labelledby="phases-heading" sx={{ p: 3 }}>
          <Typography id="phases-heading" component="h3" variant="h3" ref={phasesHeading} tabIndex={-1} sx={{ mb: 1, '&:focus': { outline: 'none' } }}>Phases</Typography>
          <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
            No phases yet. A roadmap runs in phases over several school years: most plans pilot in a few schools, then expand,
            scale and sustain. Add the first phase to see it on the timeline; it starts with the current school year.
          </Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => void onAddPhase()}>Add the first phase</Button>
        </Paper>
      ) : laterPhases && (
        <PhaseDetails
          phases={laterPhases}
          onAdd={() => void onAddPhase()}
          run={run}
          onDate={onPhaseDate}
          onMove={onMoveCard}
          onDelete={onDeleteCard}
          headingRef={phasesHeading}
        />
      )}

      {laterMilestones && laterPhases && (
        <MilestonesTable
          milestones={laterMilestones}
          phases={laterPhases}
          onAdd={onAddMilestone}
          onEdit={onOpenMilestone}
          onToggleDone={onToggleDone}
          onDelete={onDeleteRow}
          headingRef={milestonesHeading}
        />
      )}

      {moving && (
        <MovePhaseDialog
          key={`${moving.phase.id}-${moving.dates.start}-${moving.dates.end}`}
          phase={moving.phase}
          dates={moving.dates}
          change={moving.change}
          offer={moving.offer}
          onConfirm={onConfirmMove}
          onCancel={onCancelMove}
        />
      )}

      {dialog && (
        <MilestoneDialog
          key={dialog.milestone?.id ?? 'new'}
          milestone={dialog.milestone}
          phases={phases}
          defaultDate={newMilestoneDate}
          onClose={() => setDialog(null)}
          onSave={onSaveMilestone}
        />
      )}
    </Stack>
  );
}
