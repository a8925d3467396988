import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import { useNotify } from '../../app/notifications';
import { useSettledSaves } from '../../app/save-status';
import { appServices } from '../../app/services';
import { errorMessage } from '../../domain/messages';
import type { CalendarOptions } from '../../domain/calendar-file';
import { CSV_TABLE_LABELS, CSV_TABLES, type CsvTable } from '../../domain/csv-tables';
import { plural } from '../../domain/words';
import { saveCalendar, saveCsvTables } from './share-commands';

const CALENDAR_PARTS: { key: keyof CalendarOptions; label: string }[] = [
  { key: 'phases', label: 'Phases' },
  { key: 'milestones', label: 'Milestones' },
  { key: 'gates', label: 'Go / no-go gates' },
];

/**
 * Ways to share the plan, each saying who it is for. `exportPlanFile` is the plan file's own
 * export, passed in so this feature does not reach into another.
 */
export function ShareDialog({ planId, planName, exportPlanFile, onClose }: {
  planId: string;
  planName: string;
  exportPlanFile: () => Promise<void>;
  onClose: () => void;
}) {
  const notify = useNotify();
  const settled = useSettledSaves();
  const [include, setInclude] = useState<CalendarOptions>({ phases: true, milestones: true, gates: true });
  const [busy, setBusy] = useState(false);
  const nothingChosen = !include.phases && !include.milestones && !include.gates;
  const [tables, setTables] = useState<readonly CsvTable[]>(CSV_TABLES);
  const noTableChosen = tables.length === 0;

  const onPlanFile = () => {
    onClose();
    void exportPlanFile();
  };

  const onCalendar = async () => {
    setBusy(true);
    try {
      // Text still waiting to be saved goes into the calendar too.
      await settled();
      const result = await saveCalendar(appServices(), planId, include);
      if (result.status === 'saved') {
        notify({ message: `Saved the calendar to ${result.location}.` });
        onClose();
      }
    } catch (error) {
      notify({ message: `Could not save the calendar: ${errorMessage(error)}`, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const onCsv = async () => {
    setBusy(true);
    try {
      await settled();
      const result = await saveCsvTables(appServices(), planId, tables);
      const [first] = result.locations;
      const count = result.locations.length;
      if (result.status === 'saved' && first) {
        const only = tables.length === 1 ? tables[0] : undefined;
        notify({ message: only ? `Saved the ${CSV_TABLE_LABELS[only]} table to ${first}.` : `Saved ${plural(count, 'CSV file')}, one per table; the first to ${first}.` });
        onClose();
      } else if (count > 0) {
        notify({ message: `Saved ${count} of ${plural(tables.length, 'CSV file')} before you cancelled; the first to ${first}.` });
      }
    } catch (error) {
      notify({ message: `Could not save the CSV files: ${errorMessage(error)}`, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const toggleTable = (table: CsvTable, on: boolean) => {
    setTables(CSV_TABLES.filter((t) => (t === table ? on : tables.includes(t))));
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="share-title" aria-describedby="share-intro">
      <DialogTitle id="share-title">{`Share “${planName}”`}</DialogTitle>
      <DialogContent>
        <DialogContentText id="share-intro" sx={{ mb: 2 }}>Choose a format for the people you are sharing with.</DialogContentText>
        <Box component="section" aria-labelledby="share-plan-file" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
          <Typography id="share-plan-file" variant="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>Plan file (.roadmap.json)</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>For colleagues with Roadmap Planner; opens as the same plan.</Typography>
          <Button variant="outlined" onClick={onPlanFile}>Save plan file…</Button>
        </Box>
        <Box component="section" aria-labelledby="share-calendar" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
          <Typography id="share-calendar" variant="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>Calendar (.ics)</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>For everyone’s calendar: phases, go / no-go gates and milestones.</Typography>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1 }}>
            <FormLabel component="legend" sx={{ fontSize: '0.875rem' }}>Include</FormLabel>
            <FormGroup row>
              {CALENDAR_PARTS.map((part) => (
                <FormControlLabel
                  key={part.key}
                  label={part.label}
                  control={<Checkbox checked={include[part.key]} onChange={(e) => setInclude({ ...include, [part.key]: e.target.checked })} />}
                />
              ))}
            </FormGroup>
          </Box>
          {nothingChosen && <Typography variant="body2" role="status" sx={{ mb: 1 }}>Choose at least one thing to include.</Typography>}
          <Button variant="outlined" disabled={busy || nothingChosen} onClick={() => void onCalendar()}>Save calendar…</Button>
        </Box>
        <Box component="section" aria-labelledby="share-csv" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
          <Typography id="share-csv" variant="h2" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>Spreadsheet tables (.csv)</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>For the finance office and anyone with a spreadsheet: one file per table.</Typography>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1 }}>
            <FormLabel component="legend" sx={{ fontSize: '0.875rem' }}>Tables</FormLabel>
            <FormGroup row>
              {CSV_TABLES.map((table) => (
                <FormControlLabel
                  key={table}
                  label={CSV_TABLE_LABELS[table]}
                  control={<Checkbox checked={tables.includes(table)} onChange={(e) => toggleTable(table, e.target.checked)} />}
                />
              ))}
            </FormGroup>
          </Box>
          {noTableChosen && <Typography variant="body2" role="status" sx={{ mb: 1 }}>Choose at least one table.</Typography>}
          <Button variant="outlined" disabled={busy || noTableChosen} onClick={() => void onCsv()}>Save CSV files…</Button>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
