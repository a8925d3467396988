import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldProblem } from '../../domain/messages';
import { approvalSchema, revisionSchema, type Approval, type Revision } from '../../domain/revisions';
import { approvalWords, beforeRestoreName, revisionTime } from './revision-words';
import type { Comparison, RevisionText } from './commands';
import { NAME_MAX } from '../../domain/schemas';

/**
 * Saving a revision, or renaming one: its name (required) and the reason the plan changed.
 * The dialog stays open while the save runs, and closes once it has succeeded.
 */
export function RevisionTextDialog({ mode, initial, onClose, onSubmit }: {
  mode: 'save' | 'rename';
  initial: RevisionText;
  onClose: () => void;
  onSubmit: (text: RevisionText) => Promise<boolean>;
}) {
  const [name, setName] = useState(initial.name);
  const [reason, setReason] = useState(initial.reason);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameProblem = fieldProblem(revisionSchema.shape.name, name, 'The name');
  const reasonProblem = fieldProblem(revisionSchema.shape.reason, reason, 'The reason');
  const title = mode === 'save' ? 'Save a revision' : 'Rename the revision';
  const submit = async () => {
    setTouched(true);
    if (nameProblem || reasonProblem || busy) return;
    setBusy(true);
    const done = await onSubmit({ name: name.trim(), reason: reason.trim() });
    setBusy(false);
    if (done) onClose();
  };
  const showNameProblem = touched || name !== initial.name ? nameProblem : null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="revision-text-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="revision-text-title">{title}</DialogTitle>
        <DialogContent>
          {mode === 'save' && (
            <DialogContentText sx={{ mb: 2 }}>
              The plan as it is now is kept in History, with its name and the reason it changed, so you can compare with it or go back to it later.
            </DialogContentText>
          )}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={showNameProblem !== null}
              helperText={showNameProblem ?? `Up to ${NAME_MAX} characters, for example “Draft for cabinet”.`}
              slotProps={{ htmlInput: { maxLength: NAME_MAX } }}
              autoFocus
              fullWidth
            />
            <TextField
              label="Reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={reasonProblem !== null}
              helperText={reasonProblem ?? 'Optional: why the plan changed.'}
              placeholder="Pilot gate: expand to 12 schools, slower than planned"
              multiline
              minRows={3}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>{mode === 'save' ? 'Save revision' : 'Rename'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Asks before a restore, saying what will happen to the plan as it is now. */
export function RestoreDialog({ revision, onClose, onRestore }: { revision: Revision; onClose: () => void; onRestore: () => void }) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="restore-title" aria-describedby="restore-text">
      <DialogTitle id="restore-title">Restore “{revision.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText id="restore-text" component="div">
          <Typography component="p" sx={{ mb: 1.5 }}>
            The whole plan becomes what it was on {revisionTime(revision.createdAt)}: every section, from the roadmap to the budget.
          </Typography>
          <Typography component="p">
            First, the plan as it is now is saved in History as “{beforeRestoreName(revision.name, NAME_MAX)}”. Undo puts the plan back as it is now; that revision stays.
          </Typography>
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>Cancel</Button>
        <Button variant="contained" onClick={onRestore}>Restore</Button>
      </DialogActions>
    </Dialog>
  );
}

/** What a comparison shows: the two sides, in words, and the result once it is in. */
export interface CompareView {
  title: string;
  /** "From … to …": which state is the before and which the after. */
  subtitle: string;
  result: Comparison | null;
}

/** The changes between two states of the plan: the summary line, then each section's changes. */
export function CompareDialog({ view, onClose }: { view: CompareView; onClose: () => void }) {
  const { result } = view;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="compare-title" aria-describedby="compare-subtitle">
      <DialogTitle id="compare-title" sx={{ pb: 0.5 }}>{view.title}</DialogTitle>
      <Typography id="compare-subtitle" color="text.secondary" sx={{ px: 3, pb: 1.5 }}>{view.subtitle}</Typography>
      <DialogContent dividers>
        {result === null && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 2 }}>
            <CircularProgress size={24} aria-hidden />
            <Typography>Comparing…</Typography>
          </Box>
        )}
        {result?.ok === false && <Alert severity="error">{result.message}</Alert>}
        {result?.ok && (
          <>
            <Typography role="status" sx={{ fontWeight: 700, mb: result.changes.sections.length > 0 ? 2 : 0 }}>
              {result.summary}{result.changes.sections.length === 0 ? ': the plan is the same in both.' : ''}
            </Typography>
            <Stack spacing={2.5}>
              {result.changes.sections.map((section) => (
                <Box component="section" key={section.section} aria-labelledby={`compare-${section.section}`}>
                  <Typography id={`compare-${section.section}`} variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>
                    {section.label} <Typography component="span" color="text.secondary">({section.changes.length})</Typography>
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 3, '& li': { py: 0.25 } }}>
                    {section.changes.map((change, i) => <li key={`${change.recordId ?? ''}${i}`}>{change.text}</li>)}
                  </Box>
                </Box>
              ))}
            </Stack>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** What the approval dialog records, and for a new revision its name and reason too. */
export interface ApprovalInput {
  approval: Approval;
  text: RevisionText;
}

/**
 * Recording a body's approval: of the plan as it is now (saved as a new revision), or of a
 * revision already in History, or changing an approval already recorded. The date is the day
 * of the vote; the body and a reference (minutes, resolution) say where it is on record.
 */
export function ApprovalDialog({ mode, revision, initial, today, onClose, onSubmit }: {
  mode: 'record' | 'approve' | 'edit';
  /** The revision approved, for 'approve' and 'edit'. */
  revision?: Revision;
  initial: Approval | null;
  /** Today, yyyy-MM-dd: the date a new approval starts at. */
  today: string;
  onClose: () => void;
  onSubmit: (input: ApprovalInput) => Promise<boolean>;
}) {
  const [date, setDate] = useState(initial?.date ?? today);
  const [body, setBody] = useState(initial?.body ?? 'Board of Education');
  const [reference, setReference] = useState(initial?.reference ?? '');
  const [name, setName] = useState('Approved plan');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = {
    date: fieldProblem(approvalSchema.shape.date, date, 'The date'),
    body: fieldProblem(approvalSchema.shape.body, body, 'Who approved it'),
    reference: fieldProblem(approvalSchema.shape.reference, reference, 'The reference'),
    name: mode === 'record' ? fieldProblem(revisionSchema.shape.name, name, 'The name') : null,
    reason: mode === 'record' ? fieldProblem(revisionSchema.shape.reason, reason, 'The reason') : null,
  };
  const shown = (problem: string | null) => (touched ? problem : null);
  const title = mode === 'record' ? 'Record a board approval' : mode === 'approve' ? `Mark “${revision?.name ?? ''}” as approved` : 'Edit the approval';
  const submit = async () => {
    setTouched(true);
    if (Object.values(problems).some((p) => p !== null) || busy) return;
    setBusy(true);
    const done = await onSubmit({ approval: { date, body: body.trim(), reference: reference.trim() }, text: { name: name.trim(), reason: reason.trim() } });
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="approval-title" aria-describedby="approval-text">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="approval-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText id="approval-text" sx={{ mb: 2 }}>
            {mode === 'record'
              ? 'The plan as it is now is saved in History as the approved baseline. The plan’s header then counts the changes made since, and the timeline can show the approved dates behind today’s.'
              : `The plan as it was on ${revision ? revisionTime(revision.createdAt) : ''} becomes the approved baseline, if no later approval is recorded.`}
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {mode === 'record' && (
              <TextField
                label="Revision name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={shown(problems.name) !== null}
                helperText={shown(problems.name) ?? 'How the approved plan is listed in History.'}
                slotProps={{ htmlInput: { maxLength: NAME_MAX } }}
                fullWidth
              />
            )}
            <TextField
              label="Date approved"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={shown(problems.date) !== null}
              helperText={shown(problems.date) ?? 'The day of the vote.'}
              slotProps={{ inputLabel: { shrink: true } }}
              autoFocus={mode !== 'record'}
            />
            <TextField
              label="Approved by"
              required
              value={body}
              onChange={(e) => setBody(e.target.value)}
              error={shown(problems.body) !== null}
              helperText={shown(problems.body) ?? 'For example “Board of Education” or “Board of Trustees”.'}
              slotProps={{ htmlInput: { maxLength: NAME_MAX } }}
              fullWidth
            />
            <TextField
              label="Reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              error={shown(problems.reference) !== null}
              helperText={shown(problems.reference) ?? 'Optional: where it is on record, such as the minutes or a resolution number.'}
              placeholder="Resolution 2027-14"
              slotProps={{ htmlInput: { maxLength: NAME_MAX } }}
              fullWidth
            />
            {mode === 'record' && (
              <TextField
                label="Reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={shown(problems.reason) !== null}
                helperText={shown(problems.reason) ?? 'Optional: what the board approved, in a line.'}
                multiline
                minRows={2}
                fullWidth
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>{mode === 'edit' ? 'Save approval' : 'Record approval'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Asks before deleting an approved revision: the baseline goes with it. */
export function DeleteApprovedDialog({ revision, onClose, onDelete }: { revision: Revision; onClose: () => void; onDelete: () => void }) {
  const approval = revision.approval;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="delete-approved-title" aria-describedby="delete-approved-text">
      <DialogTitle id="delete-approved-title">Delete an approved revision?</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-approved-text">
          {`“${revision.name}” is the plan ${approval ? approvalWords(approval) : 'approved'}. Deleting it removes that baseline from History; the plan’s header and the timeline stop comparing with it (an earlier approval, if any, takes its place). You can undo right after.`}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>Cancel</Button>
        <Button color="error" variant="contained" onClick={onDelete}>Delete</Button>
      </DialogActions>
    </Dialog>
  );
}
