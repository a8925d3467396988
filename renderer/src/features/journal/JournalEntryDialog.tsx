import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { DECISIONS, type DecisionNumber } from '../../domain/decisions';
import { JOURNAL_KINDS, JOURNAL_KIND_LABELS, journalEntrySchema, type JournalEntry, type JournalKind } from '../../domain/journal';
import { fieldProblem } from '../../domain/messages';
import type { Revision } from '../../domain/revisions';
import { isoDateSchema, type Area, type Phase } from '../../domain/schemas';
import type { JournalDraft } from './commands';
import { DELETED_REVISION, decisionOptionText, JOURNAL_KIND_HINTS, KindIcon, REMOVED_PHASE, savedAt } from './journal-words';

export interface JournalEntryDialogProps {
  /** The entry to edit, or null to write a new one. */
  entry: JournalEntry | null;
  phases: readonly Phase[];
  areas: readonly Area[];
  revisions: readonly Revision[];
  /** What a new entry starts with: its phase, its date (today) and its author (the last one typed). */
  defaults: Pick<JournalDraft, 'phaseId' | 'date' | 'author'>;
  onClose: () => void;
  /** Saves; resolves true when saved, and the dialog closes. */
  onSave: (draft: JournalDraft) => Promise<boolean>;
}

/** The "Led to revision" menu's choice for none. */
const NO_REVISION = 'none';

const shape = journalEntrySchema.shape;

/**
 * Writing a journal entry, or editing one: the phase and day it is about, what kind of lesson it
 * is, the text, who wrote it, the areas, decisions and revision it bears on, and whether it stays
 * out of shared reports. Problems show next to their field once the planner tries to save.
 */
export function JournalEntryDialog({ entry, phases, areas, revisions, defaults, onClose, onSave }: JournalEntryDialogProps) {
  const [phaseId, setPhaseId] = useState(entry?.phaseId ?? defaults.phaseId);
  const [date, setDate] = useState(entry?.date ?? defaults.date);
  const [kind, setKind] = useState<JournalKind | null>(entry?.kind ?? null);
  const [text, setText] = useState(entry?.text ?? '');
  const [author, setAuthor] = useState(entry?.author ?? defaults.author);
  const [areaIds, setAreaIds] = useState<string[]>(entry ? entry.areaIds.filter((id) => areas.some((a) => a.id === id)) : []);
  const [decisions, setDecisions] = useState<DecisionNumber[]>(entry?.decisions ?? []);
  const [revisionId, setRevisionId] = useState(entry?.revisionId ?? NO_REVISION);
  const [internal, setInternal] = useState(entry?.internal ?? false);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  const phaseProblem = phaseId ? null : 'Choose the phase the entry is about.';
  const dateProblem = isoDateSchema.safeParse(date).success ? null : 'Date must be a real day, for example 2026-11-03.';
  const kindProblem = kind ? null : 'Choose what the entry records.';
  const textProblem = fieldProblem(shape.text, text, 'The entry');
  const authorProblem = fieldProblem(shape.author, author, 'The author');
  const valid = !phaseProblem && !dateProblem && !kindProblem && !textProblem && !authorProblem;
  const shown = (problem: string | null) => (tried ? problem : null);

  // Areas kept on an entry whose area was since removed stay stored as they were.
  const removedAreaIds = entry ? entry.areaIds.filter((id) => !areas.some((a) => a.id === id)) : [];
  const phaseGone = phaseId !== '' && !phases.some((p) => p.id === phaseId);
  const revisionGone = revisionId !== NO_REVISION && !revisions.some((r) => r.id === revisionId);

  const submit = async () => {
    setTried(true);
    if (!valid || !kind || saving) return;
    setSaving(true);
    const saved = await onSave({
      phaseId,
      date,
      kind,
      text,
      author,
      areaIds: [...areaIds, ...removedAreaIds],
      decisions,
      revisionId: revisionId === NO_REVISION ? null : revisionId,
      internal,
    });
    setSaving(false);
    if (saved) onClose();
  };

  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="journal-dialog-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="journal-dialog-title">{entry ? 'Edit journal entry' : 'New journal entry'}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gap: 2, pt: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <TextField
              select
              label="Phase"
              required
              value={phaseId}
              onChange={(e) => setPhaseId(e.target.value)}
              error={shown(phaseProblem) !== null}
              helperText={shown(phaseProblem) ?? 'The phase the entry is about.'}
              autoFocus
            >
              {phaseGone && <MenuItem value={phaseId}>{REMOVED_PHASE}</MenuItem>}
              {phases.map((p, i) => <MenuItem key={p.id} value={p.id}>{`${i + 1}. ${p.name}`}</MenuItem>)}
            </TextField>
            <TextField
              label="Date"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={shown(dateProblem) !== null}
              helperText={shown(dateProblem) ?? 'When it happened or was learned.'}
              slotProps={{ inputLabel: { shrink: true } }}
            />

            <FormControl required error={shown(kindProblem) !== null} sx={{ gridColumn: '1 / -1' }}>
              <FormLabel id="journal-kind-label">What it records</FormLabel>
              <RadioGroup
                aria-labelledby="journal-kind-label"
                value={kind ?? ''}
                onChange={(e) => setKind(e.target.value as JournalKind)}
                sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}
              >
                {JOURNAL_KINDS.map((k) => (
                  <Box key={k} sx={{ py: 0.25 }}>
                    <FormControlLabel
                      value={k}
                      control={<Radio slotProps={{ input: { 'aria-describedby': `journal-kind-hint-${k}` } }} />}
                      label={(
                        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
                          <KindIcon kind={k} />
                          {JOURNAL_KIND_LABELS[k]}
                        </Box>
                      )}
                    />
                    <Typography id={`journal-kind-hint-${k}`} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -0.75 }}>
                      {JOURNAL_KIND_HINTS[k]}
                    </Typography>
                  </Box>
                ))}
              </RadioGroup>
              {shown(kindProblem) && <FormHelperText>{kindProblem}</FormHelperText>}
            </FormControl>

            <TextField
              label="What happened"
              required
              multiline
              minRows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={shown(textProblem) !== null}
              helperText={shown(textProblem) ?? 'The inside story: what you tried, what you saw, what you learned.'}
              sx={{ gridColumn: '1 / -1' }}
            />
            <TextField
              select
              label="Areas"
              value={areaIds}
              onChange={(e) => setAreaIds(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]))}
              helperText="Optional: the areas of implementation it is about."
              slotProps={{ select: { multiple: true, renderValue: (value) => (value as string[]).map(areaName).join(', ') } }}
            >
              {areas.map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  <Ticked on={areaIds.includes(a.id)} />
                  <ListItemText primary={a.name} />
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Decisions"
              value={decisions}
              onChange={(e) => setDecisions((e.target.value as unknown as DecisionNumber[]).slice().sort((a, b) => a - b))}
              helperText="Optional: which of the seven decisions it bears on."
              slotProps={{ select: { multiple: true, renderValue: (value) => (value as DecisionNumber[]).map((n) => `Decision ${n}`).join(', ') } }}
            >
              {DECISIONS.map((d) => (
                <MenuItem key={d.number} value={d.number}>
                  <Ticked on={decisions.includes(d.number)} />
                  <ListItemText primary={decisionOptionText(d.number)} />
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Led to revision"
              value={revisionId}
              onChange={(e) => setRevisionId(e.target.value)}
              helperText="Optional: the saved revision this entry led to."
            >
              <MenuItem value={NO_REVISION}>None</MenuItem>
              {revisionGone && <MenuItem value={revisionId}>{`${DELETED_REVISION[0]?.toUpperCase() ?? ''}${DELETED_REVISION.slice(1)}`}</MenuItem>}
              {revisions.map((r) => <MenuItem key={r.id} value={r.id}>{`${r.name} (${savedAt(r.createdAt)})`}</MenuItem>)}
            </TextField>
            <TextField
              label="Author"
              value={author}
              onChange={(e) => setAuthor(e.target.value)}
              error={authorProblem !== null}
              helperText={authorProblem ?? 'Optional: who wrote it.'}
            />
            <FormControlLabel
              sx={{ gridColumn: '1 / -1' }}
              control={<Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} />}
              label="Internal: leave out of shared reports"
            />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>{entry ? 'Save' : 'Add entry'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A tick box in a menu of several choices; the option's own "selected" state is what screen readers hear. */
function Ticked({ on }: { on: boolean }) {
  return <ListItemIcon>{on ? <CheckBoxIcon fontSize="small" color="primary" aria-hidden /> : <CheckBoxOutlineBlankIcon fontSize="small" aria-hidden />}</ListItemIcon>;
}
