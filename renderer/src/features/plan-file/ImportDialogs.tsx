import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import LinearProgress from '@mui/material/LinearProgress';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { FileProblem } from '../../domain/plan-file';
import type { ImportChoice } from './plan-file-commands';

const SHOWN_PROBLEMS = 25;

export function ImportProblemsDialog({ fileName, summary, problems, onClose }: { fileName: string; summary: string; problems: FileProblem[]; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="import-problems-title" aria-describedby="import-problems-summary">
      <DialogTitle id="import-problems-title">{`Could not import “${fileName}”`}</DialogTitle>
      <DialogContent>
        <DialogContentText id="import-problems-summary">{summary}</DialogContentText>
        {problems.length > 0 && (
          <List dense aria-label="Problems found in the file">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={p.where ? `${p.where}: ${p.message}` : p.message} />
              </ListItem>
            ))}
          </List>
        )}
        {problems.length > SHOWN_PROBLEMS && (
          <Typography variant="body2">{`… and ${problems.length - SHOWN_PROBLEMS} more.`}</Typography>
        )}
        <DialogContentText sx={{ mt: 1 }}>Your library is unchanged.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained" autoFocus>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

export function ImportConflictDialog({ planName, existingName, existingDeleted, hasHistory = false, onChoose, onClose }: {
  planName: string;
  existingName: string;
  existingDeleted: boolean;
  /** The file carries revisions and a journal: a replace merges them in; a copy starts without them. */
  hasHistory?: boolean;
  onChoose: (choice: ImportChoice) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="import-conflict-title" aria-describedby="import-conflict-text">
      <DialogTitle id="import-conflict-title">This plan is already in your library</DialogTitle>
      <DialogContent>
        <DialogContentText id="import-conflict-text">
          {`The file holds “${planName}”, the same plan as “${existingName}”${existingDeleted ? ' in Recently deleted' : ''}. Keep both, or replace the plan in your library with the one in the file? A replaced plan is kept in Recently deleted.${hasHistory ? ' The file’s revisions and journal are added to the plan’s history when you replace it; a copy starts without history.' : ''}`}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button onClick={() => onChoose('replace')}>Replace</Button>
        <Button onClick={() => onChoose('keep-both')} variant="contained" autoFocus>Keep both</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Where a long import is: reading a large file, checking its revisions one by one, then saving. */
export interface ImportProgressState {
  fileName: string;
  stage: 'reading' | 'checking' | 'saving';
  checked: number;
  revisions: number;
}

/**
 * Shown while a large file, or one with history, is imported: each revision is a whole plan,
 * unzipped and checked before anything is saved, so a long history takes seconds. Reading and
 * checking can be cancelled (nothing is saved until they end); saving is one transaction and is
 * not interrupted.
 */
export function ImportProgressDialog({ progress, onCancel }: { progress: ImportProgressState; onCancel: () => void }) {
  const { fileName, stage, checked, revisions } = progress;
  const saving = stage === 'saving';
  const text = stage === 'reading'
    ? 'Reading the plan in the file. Nothing is saved until every part is checked.'
    : saving
      ? `Saving the plan${revisions > 0 ? ` and its history (${revisions} ${revisions === 1 ? 'revision' : 'revisions'})` : ''}.`
      : `Checking the plan’s history: revision ${Math.min(checked + 1, revisions)} of ${revisions}. Nothing is saved until every part is checked.`;
  return (
    <Dialog open onClose={saving ? undefined : onCancel} fullWidth maxWidth="sm" aria-labelledby="import-progress-title" aria-describedby="import-progress-text">
      <DialogTitle id="import-progress-title">{`Importing “${fileName}”`}</DialogTitle>
      <DialogContent>
        <DialogContentText id="import-progress-text" sx={{ mb: 2 }}>{text}</DialogContentText>
        <LinearProgress
          aria-labelledby="import-progress-text"
          variant={stage === 'checking' ? 'determinate' : 'indeterminate'}
          value={stage === 'checking' ? Math.round((checked / Math.max(revisions, 1)) * 100) : undefined}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={saving}>Cancel import</Button>
      </DialogActions>
    </Dialog>
  );
}
