import Button from '@mui/material/Button';
import { appServices } from '../../app/services';
import { saveWorkbook } from './xlsx-commands';
import { ShareSection, useShareAction } from './ShareSection';

/**
 * The share dialog's Excel workbook: every table of the plan in one file. `busy` is the
 * dialog's, so only one file is made at a time; `onDone` closes the dialog once it is saved.
 */
export function XlsxShareSection({ planId, busy, setBusy, onDone }: {
  planId: string;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onDone: () => void;
}) {
  const share = useShareAction(setBusy, onDone);

  const onSave = () => share('the spreadsheet', async () => {
    const result = await saveWorkbook(appServices(), planId);
    return result.status === 'saved' ? { status: 'saved', message: `Saved the spreadsheet to ${result.location}.` } : { status: 'cancelled' };
  });

  return (
    <ShareSection format="xlsx">
      <Button variant="outlined" disabled={busy} onClick={() => void onSave()}>Save spreadsheet…</Button>
    </ShareSection>
  );
}
