import Chip from '@mui/material/Chip';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import SyncIcon from '@mui/icons-material/Sync';
import { useSaveState } from '../../app/save-status';

/** Always-visible save state, in words as well as an icon. */
export function SaveIndicator() {
  const state = useSaveState();
  const [label, icon, color] = state.kind === 'saved'
    ? ['All changes saved', <CheckCircleOutlineIcon key="i" />, 'success' as const]
    : state.kind === 'saving'
      ? ['Saving…', <SyncIcon key="i" />, 'default' as const]
      : ['Not saved', <ErrorOutlineIcon key="i" />, 'error' as const];
  return (
    // A status, but not announced on every pause in typing: failures are announced as alerts.
    <Chip role="status" aria-live="off" icon={icon} label={label} color={color} variant="outlined" title={state.kind === 'failed' ? state.message : undefined} />
  );
}
