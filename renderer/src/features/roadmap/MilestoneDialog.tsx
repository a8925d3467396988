import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import { fieldProblem } from '../../domain/messages';
import { milestoneProblem, phaseAt } from '../../domain/roadmap-rules';
import { MILESTONE_KINDS, MILESTONE_KIND_LABELS, isoDateSchema, milestoneSchema, type Milestone, type MilestoneKind, type Phase } from '../../domain/schemas';
import type { MilestoneDraft } from './commands';
import { colors } from '../../app/theme';
import { KindMark } from './milestone-marks';

export interface MilestoneDialogProps {
  /** The milestone to edit, or null to add one. */
  milestone: Milestone | null;
  phases: Phase[];
  /** The date a new milestone starts with. */
  defaultDate: string;
  onClose: () => void;
  /** Saves; resolves true when saved, and the dialog closes. */
  onSave: (draft: MilestoneDraft) => Promise<boolean>;
}

/** The Phase menu's choice for a milestone that stands on its own. */
const NO_PHASE = 'none';

/** Add or edit a milestone: its name, kind, date, phase (by default the phase its date falls in) and owner. */
export function MilestoneDialog({ milestone, phases, defaultDate, onClose, onSave }: MilestoneDialogProps) {
  const [name, setName] = useState(milestone?.name ?? '');
  const [date, setDate] = useState(milestone?.date ?? defaultDate);
  const [phaseId, setPhaseId] = useState<string>(milestone ? (milestone.phaseId ?? NO_PHASE) : (phaseAt(defaultDate, phases)?.id ?? NO_PHASE));
  // A new milestone's phase follows its date until the planner picks one.
  const [phaseChosen, setPhaseChosen] = useState(milestone !== null);
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  const [owner, setOwner] = useState(milestone?.owner ?? '');
  const [kind, setKind] = useState<MilestoneKind>(milestone?.kind ?? 'milestone');

  const nameError = fieldProblem(milestoneSchema.shape.name, name, 'Name');
  const dateError = isoDateSchema.safeParse(date).success ? null : 'Date must be a date.';
  const ownerProblem = fieldProblem(milestoneSchema.shape.owner, owner, 'Owner');
  const valid = nameError === null && dateError === null && ownerProblem === null;
  const outside = dateError === null ? milestoneProblem({ date, phaseId: phaseId === NO_PHASE ? null : phaseId }, phases) : null;
  const title = milestone ? 'Edit milestone' : 'Add milestone';

  const submit = async () => {
    setTried(true);
    if (!valid || saving) return;
    setSaving(true);
    const saved = await onSave({ name: name.trim(), date, phaseId: phaseId === NO_PHASE ? null : phaseId, owner: owner.trim(), kind });
    setSaving(false);
    if (saved) onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="milestone-dialog-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="milestone-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gap: 2, pt: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <TextField
              label="Milestone name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={tried && nameError !== null}
              helperText={(tried && nameError) || 'For example: “Board approves the expansion”.'}
              autoFocus
              required
              sx={{ gridColumn: '1 / -1' }}
            />
            <TextField
              select
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as MilestoneKind)}
              helperText="Shown by its mark on the timeline."
              sx={{ gridColumn: '1 / -1' }}
              slotProps={{ select: { renderValue: (value) => <KindOption kind={value as MilestoneKind} /> } }}
            >
              {MILESTONE_KINDS.map((k) => <MenuItem key={k} value={k}><KindOption kind={k} /></MenuItem>)}
            </TextField>
            <TextField
              label="Date"
              type="date"
              value={date}
              onChange={(e) => {
                const next = e.target.value;
                setDate(next);
                if (!phaseChosen && isoDateSchema.safeParse(next).success) setPhaseId(phaseAt(next, phases)?.id ?? NO_PHASE);
              }}
              error={dateError !== null}
              helperText={dateError ?? ' '}
              required
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              select
              label="Phase"
              value={phaseId}
              onChange={(e) => { setPhaseId(e.target.value); setPhaseChosen(true); }}
              helperText={phaseChosen ? ' ' : 'Set from the date; choose another if you like.'}
            >
              <MenuItem value={NO_PHASE}>No phase</MenuItem>
              {phases.map((p, i) => <MenuItem key={p.id} value={p.id}>{`${i + 1}. ${p.name}`}</MenuItem>)}
            </TextField>
            <TextField
              label="Owner"
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              error={ownerProblem !== null}
              helperText={ownerProblem ?? 'Who sees it through (optional).'}
              sx={{ gridColumn: '1 / -1' }}
            />
          </Box>
          {outside && (
            <Box role="note" sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1, typography: 'body2', color: colors.warningText }}>
              <WarningAmberOutlinedIcon fontSize="small" aria-hidden />
              <span>{`Outside its phase: ${outside}`}</span>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>{milestone ? 'Save' : 'Add milestone'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A kind with its timeline mark. */
function KindOption({ kind }: { kind: MilestoneKind }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <KindMark kind={kind} />
      {MILESTONE_KIND_LABELS[kind]}
    </Box>
  );
}
