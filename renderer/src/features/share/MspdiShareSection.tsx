import Button from '@mui/material/Button';
import { appServices } from '../../app/services';
import { saveProjectFile } from './mspdi-commands';
import { ShareSection, useShareAction } from './ShareSection';

/** The share dialog's Microsoft Project section: one button, since the file always holds the whole schedule. */
export function MspdiShareSection({ planId, busy, setBusy, onDone }: {
  planId: string;
  busy: boolean;
  setBusy: (b: boolean) => void;
  onDone: () => void;
}) {
  const share = useShareAction(setBusy, onDone);
  const onSave = () => share('the project file', async () => {
    const result = await saveProjectFile(appServices(), planId);
    return result.status === 'saved' ? { status: 'saved', message: `Saved the project file to ${result.location}.` } : result;
  });
  return (
    <ShareSection format="mspdi">
      <Button variant="outlined" disabled={busy} onClick={() => void onSave()}>Save project file…</Button>
    </ShareSection>
  );
}
