import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useNotify } from '../../app/notifications';
import { useSettledSaves } from '../../app/save-status';
import { errorMessage } from '../../domain/messages';
import { shareFormat, type ShareFormat } from './share-formats';

/**
 * One format's panel in the share dialog: its name, who it is for, its options and its button.
 * A section labelled by its heading, so each format is a region a screen reader can name.
 */
export function ShareSection({ format, children }: { format: ShareFormat; children: ReactNode }) {
  const { title, audience } = shareFormat(format);
  const headingId = `share-${format}`;
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>{title}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{audience}</Typography>
      {children}
    </Box>
  );
}

/** What a share action reports: saved (where), cancelled, or saved in part before a cancel. */
export type ShareOutcome = { status: 'saved'; message: string } | { status: 'cancelled'; message?: string };

/**
 * Runs one share action the same way everywhere: waits for text still being saved (so it goes
 * into the file), keeps the dialog busy meanwhile, says where the file went, and names the format
 * when saving fails ("Could not save the calendar: the disk is full.").
 */
export function useShareAction(setBusy: (busy: boolean) => void, onDone: () => void) {
  const notify = useNotify();
  const settled = useSettledSaves();
  return async (what: string, save: () => Promise<ShareOutcome>) => {
    setBusy(true);
    try {
      await settled();
      const outcome = await save();
      if (outcome.message) notify({ message: outcome.message });
      if (outcome.status === 'saved') onDone();
    } catch (error) {
      notify({ message: `Could not save ${what}: ${errorMessage(error)}`, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
}
