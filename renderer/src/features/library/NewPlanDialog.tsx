import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { TEMPLATES } from '../../domain/templates';
import { planSchema } from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';

export interface NewPlanValues {
  name: string;
  systemName: string;
  templateId: string | null;
}

const BLANK = 'blank';

export function NewPlanDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (values: NewPlanValues) => Promise<void> }) {
  const [name, setName] = useState('');
  const [systemName, setSystemName] = useState('');
  const [start, setStart] = useState<string>(TEMPLATES[0]?.id ?? BLANK);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameCheck = planSchema.shape.name.safeParse(name);
  const nameError = touched ? fieldProblem(planSchema.shape.name, name, 'Plan name') : null;

  const reset = () => { setName(''); setSystemName(''); setTouched(false); setBusy(false); };
  const submit = async () => {
    setTouched(true);
    if (!nameCheck.success) return;
    setBusy(true);
    try {
      await onCreate({ name: nameCheck.data, systemName: systemName.trim(), templateId: start === BLANK ? null : start });
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
            <FormControl>
              <FormLabel id="new-plan-start">Start from</FormLabel>
              <RadioGroup aria-labelledby="new-plan-start" value={start} onChange={(e) => setStart(e.target.value)}>
                {TEMPLATES.map((t) => (
                  <FormControlLabel
                    key={t.id}
                    value={t.id}
                    control={<Radio />}
                    sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.5 } }}
                    label={(
                      <span>
                        <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>{`Template: ${t.name}${t.illustrative ? ' (illustrative)' : ''}`}</Typography>
                        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>{t.summary}</Typography>
                      </span>
                    )}
                  />
                ))}
                <FormControlLabel
                  value={BLANK}
                  control={<Radio />}
                  sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.5 } }}
                  label={(
                    <span>
                      <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>Blank plan</Typography>
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>No phases yet; the six areas of implementation from the study.</Typography>
                    </span>
                  )}
                />
              </RadioGroup>
            </FormControl>
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
