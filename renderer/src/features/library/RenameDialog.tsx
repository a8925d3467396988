import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { planSchema } from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';

export function RenameDialog({ currentName, onClose, onRename }: { currentName: string; onClose: () => void; onRename: (name: string) => Promise<void> }) {
  const [name, setName] = useState(currentName);
  const check = planSchema.shape.name.safeParse(name);
  const error = fieldProblem(planSchema.shape.name, name, 'Plan name');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="rename-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); if (check.success) void onRename(check.data); }}>
        <DialogTitle id="rename-title">Rename plan</DialogTitle>
        <DialogContent>
          <TextField label="Plan name" value={name} onChange={(e) => setName(e.target.value)} error={error !== null} helperText={error ?? ' '} autoFocus fullWidth sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!check.success}>Rename</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
