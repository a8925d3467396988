import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { PlanCommand } from '../../app/commands';
import { shiftText, type Carry, type MoveOffer } from '../../domain/phase-moves';
import type { Phase } from '../../domain/schemas';
import { dateSpanText, type DateChange, type PhaseDates } from '../../domain/timeline';
import { plural } from '../../domain/words';
import type { ChangeSet } from '../../storage/transactions';

/**
 * New dates for a phase from the timeline or its date fields. `make` builds the command for
 * what the planner chose to carry along; resolves true once saved, false when not (or cancelled).
 */
export type Reschedule = (phase: Phase, dates: PhaseDates, change: DateChange, make: (carry?: Carry) => PlanCommand<ChangeSet>) => Promise<boolean>;

export interface MovePhaseDialogProps {
  phase: Phase;
  dates: PhaseDates;
  change: DateChange;
  offer: MoveOffer;
  /** Saves with what was chosen; resolves true once saved, and the dialog closes. */
  onConfirm: (carry: Carry) => Promise<boolean>;
  onCancel: () => void;
}

const names = (items: readonly { name: string }[], max = 4) => {
  const shown = items.slice(0, max).map((i) => i.name);
  return items.length > max ? `${shown.join(', ')} and ${plural(items.length - max, 'other')}` : shown.join(', ');
};

/**
 * Before a phase moves: whether its milestones move with it (as its start moved) and whether
 * the phases after it move too (as its end moved, keeping the gaps between them). The whole
 * move is then one edit, undone in one step.
 */
export function MovePhaseDialog({ phase, dates, change, offer, onConfirm, onCancel }: MovePhaseDialogProps) {
  const [milestones, setMilestones] = useState(change === 'move');
  const [following, setFollowing] = useState(true);
  const [saving, setSaving] = useState(false);
  const verb = change === 'move' ? 'Move' : 'Change the dates of';
  const title = `${verb} “${phase.name}”`;

  const confirm = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await onConfirm({ milestones: milestones && offer.milestones.length > 0, following: following && offer.following.length > 0 });
    if (!saved) setSaving(false);
  };

  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm" aria-labelledby="move-phase-title" aria-describedby="move-phase-what">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void confirm(); }}>
        <DialogTitle id="move-phase-title">{title}</DialogTitle>
        <DialogContent>
          <Typography id="move-phase-what" sx={{ mb: 1.5 }}>
            {`“${phase.name}” will run ${dateSpanText(dates)} (now ${dateSpanText(phase)}).`}
          </Typography>
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            {offer.milestones.length > 0 && (
              <FormControlLabel
                sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { mt: -0.75 } }}
                control={<Checkbox checked={milestones} onChange={(e) => setMilestones(e.target.checked)} />}
                label={(
                  <span>
                    {`Move ${offer.milestones.length === 1 ? 'its milestone' : `its ${plural(offer.milestones.length, 'milestone')}`} ${shiftText(offer.startShift)} too`}
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>{names(offer.milestones)}</Typography>
                  </span>
                )}
              />
            )}
            {offer.following.length > 0 && (
              <FormControlLabel
                sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { mt: -0.75 } }}
                control={<Checkbox checked={following} onChange={(e) => setFollowing(e.target.checked)} />}
                label={(
                  <span>
                    {`Move the ${offer.following.length === 1 ? 'phase' : plural(offer.following.length, 'phase')} after it ${shiftText(offer.endShift)} too`}
                    {offer.followingMilestones.length > 0 ? `, with ${offer.followingMilestones.length === 1 ? 'its milestone' : `their ${plural(offer.followingMilestones.length, 'milestone')}`}` : ''}
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                      {`${names(offer.following)}. The gaps between them stay as they are.`}
                    </Typography>
                  </span>
                )}
              />
            )}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving} autoFocus>{change === 'move' ? 'Move' : 'Change dates'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
