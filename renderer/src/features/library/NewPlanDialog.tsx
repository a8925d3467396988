import { Suspense, useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { planSchema } from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';
import { lazyView } from '../../components/lazy-view';

export interface NewPlanValues {
  name: string;
  systemName: string;
  templateId: string | null;
}

/** The "Start from" choice of a blank plan. */
export const BLANK_PLAN = 'blank';

// This dialog is in the first script; what needs the schemas (and so zod, in the database code
// fetched after the first paint) comes in beside its text fields: the template choices, whose
// space is held meanwhile, and the name's check, which a submit waits for. The library asks for
// both once its list is in (preloadNewPlanParts), or the dialog does when it opens.
const templateChoices = lazyView(async () => (await import('./TemplateChoices')).TemplateChoices);
type NameRule = typeof planSchema.shape.name;
let loadedNameRule: NameRule | undefined;
const loadNameRule = async (): Promise<NameRule> => {
  loadedNameRule ??= (await import('../../domain/schemas')).planSchema.shape.name;
  return loadedNameRule;
};

/** Fetches what the dialog shows beside its text fields: the template choices and the name's check. */
export function preloadNewPlanParts(): Promise<unknown> {
  return Promise.all([templateChoices.preload(), loadNameRule()]);
}
const firstTemplateId = async () => (await import('../../domain/templates')).TEMPLATES[0]?.id ?? null;

/** Room for the four choices while their code loads (their height in the 600 px wide dialog), so the dialog does not grow under the pointer. */
const CHOICES_HEIGHT = 412;

export function NewPlanDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (values: NewPlanValues) => Promise<void> }) {
  const [name, setName] = useState('');
  const [systemName, setSystemName] = useState('');
  // Null until the planner picks: the first template, whichever the templates say that is.
  const [start, setStart] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nameRule, setNameRule] = useState(loadedNameRule);
  useEffect(() => {
    if (nameRule) return;
    let live = true;
    void loadNameRule().then((rule) => { if (live) setNameRule(rule); }, () => undefined);
    return () => { live = false; };
  }, [nameRule]);
  const nameError = touched && nameRule ? fieldProblem(nameRule, name, 'Plan name') : null;

  const reset = () => { setName(''); setSystemName(''); setTouched(false); setBusy(false); };
  const submit = async () => {
    setTouched(true);
    const nameCheck = (nameRule ?? await loadNameRule()).safeParse(name);
    if (!nameCheck.success) return;
    setBusy(true);
    try {
      const templateId = start === BLANK_PLAN ? null : start ?? await firstTemplateId();
      await onCreate({ name: nameCheck.data, systemName: systemName.trim(), templateId });
      reset();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="new-plan-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="new-plan-title">New plan</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            <TextField
              label="Plan name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => setTouched(true)}
              error={nameError !== null}
              helperText={nameError ?? 'For example “Personalized learning 2027–2031”.'}
              required
              autoFocus
              fullWidth
            />
            <TextField label="School system" value={systemName} onChange={(e) => setSystemName(e.target.value)} helperText="The district or charter network this plan is for." fullWidth />
            <Suspense fallback={<Box aria-busy="true" sx={{ minHeight: CHOICES_HEIGHT }} />}>
              <templateChoices.View value={start} onChange={setStart} />
            </Suspense>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>Create plan</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
