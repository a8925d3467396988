import { useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
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
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { navigate, reportRoute } from '../../app/router';
import { appServices } from '../../app/services';
import { planStore } from '../../app/store';
import type { CalendarOptions } from '../../domain/calendar-file';
import { CSV_TABLE_LABELS, CSV_TABLES, type CsvTable } from '../../domain/csv-tables';
import { DEFAULT_PACKET_SECTIONS, DEFAULT_REPORT_OPTIONS, PACKET_SECTION_LABELS, PACKET_SECTIONS, type PacketSection, type ReportOptions, type SchoolChoice } from '../../domain/report-options';
import { latestApproved } from '../../domain/revisions';
import { plural } from '../../domain/words';
import { saveCalendar, saveCsvTables } from './share-commands';
import { ShareSection, useShareAction } from './ShareSection';
import { MspdiShareSection } from './MspdiShareSection';
import { XlsxShareSection } from './XlsxShareSection';
import { SHARE_FORMATS, type ShareFormat } from './share-formats';

const CALENDAR_PARTS: { key: keyof CalendarOptions; label: string }[] = [
  { key: 'phases', label: 'Phases' },
  { key: 'milestones', label: 'Milestones' },
  { key: 'gates', label: 'Go / no-go gates' },
];

/** Checkboxes in a fieldset, one per choice, with a line when none is chosen. A choice that cannot be made now is shown off and dimmed. */
function Choices<K extends string>({ legend, all, labels, chosen, onChange, noneMessage, disabled }: {
  legend: string;
  all: readonly K[];
  labels: (key: K) => string;
  chosen: readonly K[];
  onChange: (chosen: K[]) => void;
  noneMessage: string;
  disabled?: (key: K) => boolean;
}) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1 }}>
      <FormLabel component="legend" sx={{ fontSize: '0.875rem' }}>{legend}</FormLabel>
      <FormGroup row>
        {all.map((key) => (
          <FormControlLabel
            key={key}
            label={labels(key)}
            disabled={disabled?.(key) ?? false}
            control={<Checkbox checked={chosen.includes(key)} onChange={(e) => onChange(all.filter((k) => (k === key ? e.target.checked : chosen.includes(k))))} />}
          />
        ))}
      </FormGroup>
      {chosen.length === 0 && <Typography variant="body2" role="status">{noneMessage}</Typography>}
    </Box>
  );
}

type BriefScope = SchoolChoice['kind'];

/** From this width the formats are a list beside their panel; narrower, a row of tabs above it. */
const TWO_PANES = '(min-width:700px)';

/**
 * The formats as tabs, each naming the format and, smaller, who reads it; beside them (or below
 * them on a narrow window) the chosen format's panel. The panes keep one height whichever format
 * is chosen, so the dialog does not jump as a planner moves between them; a long panel scrolls.
 */
function FormatTabs({ chosen, onChoose, panels }: {
  chosen: ShareFormat;
  onChoose: (format: ShareFormat) => void;
  panels: Record<ShareFormat, ReactNode>;
}) {
  // Read on the first render, so a wide window never draws the narrow layout first.
  const wide = useMediaQuery(TWO_PANES, { noSsr: true });
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: wide ? 'row' : 'column',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        overflow: 'hidden',
        // Fixed in the two-pane layout (as tall as the list of formats, less on a short window);
        // stacked, the panel below the tabs keeps a floor instead.
        ...(wide ? { height: 'min(430px, calc(100vh - 260px))', minHeight: 280 } : {}),
      }}
    >
      <Tabs
        orientation={wide ? 'vertical' : 'horizontal'}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile={!wide}
        // Arrow keys show each format as they reach it: panels draw at once, nothing is fetched.
        selectionFollowsFocus
        value={chosen}
        onChange={(_event, format: ShareFormat) => onChoose(format)}
        aria-label="Formats"
        sx={wide ? { flex: '0 0 248px', borderRight: 1, borderColor: 'divider' } : { flex: 'none', borderBottom: 1, borderColor: 'divider' }}
      >
        {SHARE_FORMATS.map((f) => (
          <Tab
            key={f.id}
            value={f.id}
            id={`share-tab-${f.id}`}
            aria-controls={`share-panel-${f.id}`}
            // Named by the format alone; who reads it is its description.
            aria-labelledby={`share-tab-${f.id}-name`}
            aria-describedby={`share-tab-${f.id}-reader`}
            label={(
              <>
                <Box component="span" id={`share-tab-${f.id}-name`} sx={{ fontSize: '0.875rem', fontWeight: 600, lineHeight: 1.35 }}>{f.title}</Box>
                <Box component="span" id={`share-tab-${f.id}-reader`} sx={{ typography: 'caption', lineHeight: 1.35, color: 'text.secondary' }}>{f.reader}</Box>
              </>
            )}
            sx={{
              alignItems: 'flex-start',
              justifyContent: 'center',
              textAlign: 'left',
              textTransform: 'none',
              minHeight: 0,
              maxWidth: wide ? 'none' : 240,
              py: 1.25,
              px: 2,
              gap: 0.25,
              color: 'text.primary',
              '&.Mui-selected': { color: 'primary.main', bgcolor: 'action.selected' },
            }}
          />
        ))}
      </Tabs>
      {SHARE_FORMATS.map((f) => (
        <Box
          key={f.id}
          role="tabpanel"
          id={`share-panel-${f.id}`}
          aria-labelledby={`share-tab-${f.id}-name`}
          hidden={f.id !== chosen}
          sx={{ flex: 1, minWidth: 0, overflowY: 'auto', p: 2.5, ...(wide ? {} : { minHeight: 260 }) }}
        >
          {f.id === chosen && panels[f.id]}
        </Box>
      ))}
    </Box>
  );
}

/**
 * Ways to share the plan, one tab per format, each saying who it is for. `exportPlanFile` is the plan file's own
 * export, passed in so this feature does not reach into another.
 */
export function ShareDialog({ planId, planName, exportPlanFile, onClose }: {
  planId: string;
  planName: string;
  exportPlanFile: (options: { withHistory: boolean }) => Promise<void>;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<ShareFormat>('packet');
  const [busy, setBusy] = useState(false);
  const share = useShareAction(setBusy, onClose);
  const phases = useLiveQuery(() => planStore.loadCollection(planId, 'phases'), [planId]) ?? [];
  const waves = useLiveQuery(() => planStore.loadCollection(planId, 'waves'), [planId]) ?? [];
  const schools = useLiveQuery(() => planStore.loadCollection(planId, 'schools'), [planId]) ?? [];
  const orderedPhases = [...phases].sort((a, b) => a.order - b.order);
  const orderedWaves = [...waves].sort((a, b) => a.order - b.order);
  const orderedSchools = [...schools].sort((a, b) => a.order - b.order);
  const revisions = useLiveQuery(() => planStore.listRevisions(planId), [planId]) ?? [];
  const journal = useLiveQuery(() => planStore.listJournal(planId), [planId]) ?? [];
  const internalCount = journal.filter((e) => e.internal).length;
  // What changed since approval needs an approved revision to compare with.
  const hasApproval = latestApproved(revisions) !== null;

  // The journal is off until chosen: it is the plan's inside story, shared on purpose.
  const [sections, setSections] = useState<PacketSection[]>([...DEFAULT_PACKET_SECTIONS]);
  const [leaveOutInternal, setLeaveOutInternal] = useState(true);
  const [withHistory, setWithHistory] = useState(false);
  // Null: every phase, including any added while the dialog is open.
  const [phaseIds, setPhaseIds] = useState<string[] | null>(null);
  const [briefScope, setBriefScope] = useState<BriefScope>('all');
  const [briefWaveId, setBriefWaveId] = useState('');
  const [briefSchoolIds, setBriefSchoolIds] = useState<string[]>([]);
  const [include, setInclude] = useState<CalendarOptions>({ phases: true, milestones: true, gates: true });
  const [tables, setTables] = useState<readonly CsvTable[]>(CSV_TABLES);

  const allPhaseIds = orderedPhases.map((p) => p.id);
  const chosenPhaseIds = phaseIds ?? allPhaseIds;
  const chosenSections = hasApproval ? sections : sections.filter((s) => s !== 'changes');
  const waveId = briefWaveId || orderedWaves[0]?.id || '';
  const briefSchools: SchoolChoice = briefScope === 'wave' ? { kind: 'wave', waveId } : briefScope === 'chosen' ? { kind: 'chosen', schoolIds: briefSchoolIds } : { kind: 'all' };
  const briefCount = briefScope === 'all'
    ? schools.length
    : briefScope === 'wave' ? schools.filter((s) => s.waveId === waveId).length : briefSchoolIds.length;
  const chosenParts = CALENDAR_PARTS.filter((p) => include[p.key]).map((p) => p.key);

  const openReport = (kind: 'packet' | 'briefs' | 'changes', options: ReportOptions) => {
    onClose();
    navigate(reportRoute(planId, kind, options));
  };

  const onPlanFile = () => {
    onClose();
    void exportPlanFile({ withHistory });
  };

  const onCalendar = () => share('the calendar', async () => {
    const result = await saveCalendar(appServices(), planId, include);
    return result.status === 'saved' ? { status: 'saved', message: `Saved the calendar to ${result.location}.` } : result;
  });

  const onCsv = () => share('the CSV files', async () => {
    const result = await saveCsvTables(appServices(), planId, tables);
    const [first] = result.locations;
    const count = result.locations.length;
    if (result.status === 'saved' && first) {
      const only = tables.length === 1 ? tables[0] : undefined;
      return { status: 'saved', message: only ? `Saved the ${CSV_TABLE_LABELS[only]} table to ${first}.` : `Saved ${plural(count, 'CSV file')}, one per table; the first to ${first}.` };
    }
    return { status: 'cancelled', message: count > 0 ? `Saved ${count} of ${plural(tables.length, 'CSV file')} before you cancelled; the first to ${first}.` : undefined };
  });

  // Built on each render but mounted only on the chosen tab: every choice lives in the state above,
  // so moving between tabs never loses one.
  const panels: Record<ShareFormat, ReactNode> = {
    packet: (
      <ShareSection format="packet">
        <Choices
          legend="Sections"
          all={PACKET_SECTIONS}
          labels={(s) => PACKET_SECTION_LABELS[s]}
          chosen={chosenSections}
          onChange={setSections}
          noneMessage="Choose at least one section."
          disabled={(s) => s === 'changes' && !hasApproval}
        />
        {!hasApproval && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: -0.5, mb: 1 }}>
            What changed since approval needs a revision marked approved: in History, open a revision’s menu and choose Mark as approved….
          </Typography>
        )}
        <FormControlLabel
          sx={{ display: 'flex', alignItems: 'flex-start', mb: 1 }}
          disabled={!chosenSections.includes('journal')}
          label={(
            <>
              Leave out internal journal entries
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                {journal.length === 0 ? 'The journal has no entries yet.' : `${plural(internalCount, 'entry', 'entries')} of ${journal.length} ${internalCount === 1 ? 'is' : 'are'} marked internal.`}
              </Typography>
            </>
          )}
          control={<Checkbox checked={leaveOutInternal} onChange={(e) => setLeaveOutInternal(e.target.checked)} sx={{ mt: -0.75 }} />}
        />
        {orderedPhases.length > 1 && (
          <Choices
            legend="Phases"
            all={allPhaseIds}
            labels={(id) => orderedPhases.find((p) => p.id === id)?.name ?? ''}
            chosen={chosenPhaseIds}
            onChange={(ids) => setPhaseIds(ids.length === allPhaseIds.length ? null : ids)}
            noneMessage="Choose at least one phase."
          />
        )}
        <Button
          variant="outlined"
          disabled={busy || chosenSections.length === 0 || chosenPhaseIds.length === 0}
          onClick={() => openReport('packet', { ...DEFAULT_REPORT_OPTIONS, sections: chosenSections, phaseIds, leaveOutInternal })}
        >
          Preview board packet…
        </Button>
        {hasApproval && (
          <Button sx={{ ml: 1 }} disabled={busy} onClick={() => openReport('changes', DEFAULT_REPORT_OPTIONS)}>
            Preview what changed since approval…
          </Button>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          The preview has the buttons to save it as a PDF and as a read-only web page (.html) for colleagues without the app.
        </Typography>
      </ShareSection>
    ),
    briefs: (
      <ShareSection format="briefs">
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1 }}>
          <FormLabel component="legend" sx={{ fontSize: '0.875rem' }}>Schools</FormLabel>
          <RadioGroup value={briefScope} onChange={(e) => setBriefScope(e.target.value as BriefScope)}>
            <FormControlLabel value="all" control={<Radio />} label={`All schools (${schools.length})`} />
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
              <FormControlLabel value="wave" control={<Radio />} label="The schools of one wave" disabled={orderedWaves.length === 0} />
              {briefScope === 'wave' && (
                <TextField select size="small" label="Wave" value={waveId} onChange={(e) => setBriefWaveId(e.target.value)} sx={{ minWidth: 200 }}>
                  {orderedWaves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
                </TextField>
              )}
            </Box>
            <FormControlLabel value="chosen" control={<Radio />} label="Chosen schools" disabled={schools.length === 0} />
          </RadioGroup>
          {briefScope === 'chosen' && (
            <Autocomplete
              multiple
              size="small"
              options={orderedSchools.map((s) => s.id)}
              getOptionLabel={(id) => schools.find((s) => s.id === id)?.name ?? ''}
              value={briefSchoolIds}
              onChange={(_event, ids) => setBriefSchoolIds(ids)}
              renderInput={(params) => <TextField {...params} label="Schools" placeholder="Type a school's name" />}
              sx={{ mt: 1, mb: 1 }}
            />
          )}
        </Box>
        {briefCount === 0 && (
          <Typography variant="body2" role="status" sx={{ mb: 1 }}>
            {schools.length === 0 ? 'This plan has no schools yet: add them under Schools.' : 'No school is chosen.'}
          </Typography>
        )}
        <Button variant="outlined" disabled={busy || briefCount === 0} onClick={() => openReport('briefs', { ...DEFAULT_REPORT_OPTIONS, schools: briefSchools })}>
          {briefCount > 0 ? `Preview ${plural(briefCount, 'school brief')}…` : 'Preview school briefs…'}
        </Button>
      </ShareSection>
    ),
    xlsx: <XlsxShareSection planId={planId} busy={busy} setBusy={setBusy} onDone={onClose} />,
    csv: (
      <ShareSection format="csv">
        <Choices
          legend="Tables"
          all={CSV_TABLES}
          labels={(t) => CSV_TABLE_LABELS[t]}
          chosen={tables}
          onChange={setTables}
          noneMessage="Choose at least one table."
        />
        <Button variant="outlined" disabled={busy || tables.length === 0} onClick={() => void onCsv()}>Save CSV files…</Button>
      </ShareSection>
    ),
    calendar: (
      <ShareSection format="calendar">
        <Choices
          legend="Include"
          all={CALENDAR_PARTS.map((p) => p.key)}
          labels={(key) => CALENDAR_PARTS.find((p) => p.key === key)?.label ?? key}
          chosen={chosenParts}
          onChange={(keys) => setInclude({ phases: keys.includes('phases'), milestones: keys.includes('milestones'), gates: keys.includes('gates') })}
          noneMessage="Choose at least one thing to include."
        />
        <Button variant="outlined" disabled={busy || chosenParts.length === 0} onClick={() => void onCalendar()}>Save calendar…</Button>
      </ShareSection>
    ),
    mspdi: <MspdiShareSection planId={planId} busy={busy} setBusy={setBusy} onDone={onClose} />,
    'plan-file': (
      <ShareSection format="plan-file">
        <FormControlLabel
          sx={{ display: 'flex', alignItems: 'flex-start', mb: 1.5 }}
          label={(
            <>
              Include history: revisions and journal
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                {revisions.length + journal.length === 0
                  ? 'This plan has no revisions or journal entries yet.'
                  : `Adds ${plural(revisions.length, 'revision')} and ${plural(journal.length, 'journal entry', 'journal entries')}, so the file opens with the plan’s history.`}
              </Typography>
            </>
          )}
          control={<Checkbox checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} sx={{ mt: -0.75 }} />}
        />
        <Button variant="outlined" onClick={onPlanFile}>Save plan file…</Button>
      </ShareSection>
    ),
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="share-title" aria-describedby="share-intro">
      <DialogTitle id="share-title">{`Share “${planName}”`}</DialogTitle>
      <DialogContent>
        <DialogContentText id="share-intro" sx={{ mb: 2 }}>Choose a format for the people you are sharing with.</DialogContentText>
        <FormatTabs chosen={format} onChoose={setFormat} panels={panels} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
