import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CheckIcon from '@mui/icons-material/Check';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import MenuBookOutlinedIcon from '@mui/icons-material/MenuBookOutlined';
import { useRunCommand } from '../../app/plan-history';
import { appServices } from '../../app/services';
import { planStore } from '../../app/store';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { DECISIONS, type DecisionNumber } from '../../domain/decisions';
import { filterJournal, JOURNAL_KINDS, JOURNAL_KIND_LABELS, NO_JOURNAL_FILTER, type JournalEntry, type JournalFilter, type JournalKind } from '../../domain/journal';
import { formatDisplayDate } from '../../domain/phase-rules';
import type { Revision } from '../../domain/revisions';
import type { Area, Phase } from '../../domain/schemas';
import { plural } from '../../domain/words';
import { addJournalEntry, deleteJournalEntry, updateJournalEntry, type JournalDraft } from './commands';
import { JournalEntryDialog } from './JournalEntryDialog';
import { decisionChipText, decisionOptionText, DELETED_REVISION, defaultPhaseId, KindIcon, KindMark, lastAuthor, phaseName, rememberAuthor, savedAt } from './journal-words';

/** A filter menu's choice for "any". */
const ANY = 'any';

type Open = { kind: 'new' } | { kind: 'edit'; entry: JournalEntry };

/**
 * The plan's journal: the inside story of the plan, failures included. Entries are listed newest
 * first, each with the phase it is about, what kind of lesson it is (a mark and a word, every
 * kind with the same weight), and what it bears on; they can be filtered by phase, area, decision
 * and kind. Adding, editing and deleting are plan edits, undone with the plan's Undo.
 */
export function JournalSection({ bundle }: SectionProps) {
  const planId = bundle.plan.id;
  const run = useRunCommand();
  const entries = useLiveQuery(() => planStore.listJournal(planId), [planId]);
  const revisions = useLiveQuery(() => planStore.listRevisions(planId), [planId]);
  const [filter, setFilter] = useState<JournalFilter>(NO_JOURNAL_FILTER);
  const [open, setOpen] = useState<Open | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const phases = useMemo(() => [...bundle.phases].sort((a, b) => a.order - b.order), [bundle.phases]);
  const areas = useMemo(() => [...bundle.areas].sort((a, b) => a.order - b.order), [bundle.areas]);
  const shown = useMemo(() => filterJournal(entries ?? [], filter), [entries, filter]);
  const filtered = filter.phaseId !== null || filter.areaId !== null || filter.decision !== null || filter.kinds.length > 0;
  const clearFilters = () => setFilter(NO_JOURNAL_FILTER);

  const save = async (entry: JournalEntry | null, draft: JournalDraft) => {
    rememberAuthor(draft.author.trim());
    const saved = await (entry ? run(updateJournalEntry(entry, draft)) : run(addJournalEntry(planId, draft)));
    // An entry the filters would hide must not vanish as it is saved: the filters make way.
    const stamp = entry?.createdAt ?? '';
    if (saved && filterJournal([{ id: '', planId, createdAt: stamp, updatedAt: stamp, ...draft }], filter).length === 0) clearFilters();
    return saved;
  };

  const remove = async (entry: JournalEntry) => {
    // The card and its buttons go: the focus goes back to the top of the journal.
    if (await run(deleteJournalEntry(entry))) newButton.current?.focus();
  };

  const today = format(appServices().now(), 'yyyy-MM-dd');

  return (
    <Box component="section" aria-labelledby="section-heading">
      <SectionHeading description="The inside story of the plan: what worked, what did not, where you changed course and the evidence behind it, phase by phase. What did not work belongs here as much as what did.">
        Journal
      </SectionHeading>

      <Button ref={newButton} variant="contained" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'new' })} sx={{ mb: 2 }}>
        New entry
      </Button>

      {entries && entries.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3, display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <MenuBookOutlinedIcon color="action" aria-hidden />
          <Typography sx={{ maxWidth: '70ch' }}>
            No entries yet. Write down what schools and the central office learn as the plan unfolds, including what did not work, so the next phase, and the next leader, can build on it.
          </Typography>
        </Paper>
      ) : entries && (
        <>
          <JournalFilters filter={filter} onChange={setFilter} phases={phases} areas={areas} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, minHeight: 36 }}>
            <Typography role="status" color="text.secondary">{`${shown.length} of ${plural(entries.length, 'entry', 'entries')}`}</Typography>
            {filtered && shown.length > 0 && <Button onClick={clearFilters}>Clear filters</Button>}
          </Box>
          {shown.length === 0 ? (
            <Paper variant="outlined" sx={{ p: 3, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography>No entries match these filters.</Typography>
              <Button variant="outlined" onClick={clearFilters}>Clear filters</Button>
            </Paper>
          ) : (
            <Box component="ol" aria-label="Journal entries, newest first" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
              {shown.map((entry) => (
                <EntryCard
                  key={entry.id}
                  entry={entry}
                  phases={phases}
                  areas={areas}
                  revisions={revisions ?? []}
                  onEdit={() => setOpen({ kind: 'edit', entry })}
                  onDelete={() => void remove(entry)}
                />
              ))}
            </Box>
          )}
        </>
      )}

      {open && (
        <JournalEntryDialog
          entry={open.kind === 'edit' ? open.entry : null}
          phases={phases}
          areas={areas}
          revisions={revisions ?? []}
          defaults={{ phaseId: defaultPhaseId(phases, today), date: today, author: lastAuthor() }}
          onClose={() => setOpen(null)}
          onSave={(draft) => save(open.kind === 'edit' ? open.entry : null, draft)}
        />
      )}
    </Box>
  );
}

/** The filters above the list: phase, area and decision menus with "Any", and the kinds as toggles. */
function JournalFilters({ filter, onChange, phases, areas }: {
  filter: JournalFilter;
  onChange: (filter: JournalFilter) => void;
  phases: readonly Phase[];
  areas: readonly Area[];
}) {
  const set = (changes: Partial<JournalFilter>) => onChange({ ...filter, ...changes });
  return (
    <Box role="group" aria-label="Filter entries" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 1 }}>
      <TextField select size="small" label="Phase" value={filter.phaseId ?? ANY} onChange={(e) => set({ phaseId: e.target.value === ANY ? null : e.target.value })} sx={{ minWidth: 160 }}>
        <MenuItem value={ANY}>Any phase</MenuItem>
        {phases.map((p, i) => <MenuItem key={p.id} value={p.id}>{`${i + 1}. ${p.name}`}</MenuItem>)}
      </TextField>
      <TextField select size="small" label="Area" value={filter.areaId ?? ANY} onChange={(e) => set({ areaId: e.target.value === ANY ? null : e.target.value })} sx={{ minWidth: 200, maxWidth: 280 }}>
        <MenuItem value={ANY}>Any area</MenuItem>
        {areas.map((a) => <MenuItem key={a.id} value={a.id}>{a.name}</MenuItem>)}
      </TextField>
      <TextField
        select
        size="small"
        label="Decision"
        value={filter.decision === null ? ANY : String(filter.decision)}
        onChange={(e) => set({ decision: e.target.value === ANY ? null : (Number(e.target.value) as DecisionNumber) })}
        sx={{ minWidth: 220 }}
        // The menu lists each decision's question; the chosen one shows in a few words.
        slotProps={{ select: { renderValue: (value) => (value === ANY ? 'Any decision' : decisionChipText(Number(value) as DecisionNumber)) } }}
      >
        <MenuItem value={ANY}>Any decision</MenuItem>
        {DECISIONS.map((d) => <MenuItem key={d.number} value={String(d.number)}>{decisionOptionText(d.number)}</MenuItem>)}
      </TextField>
      <ToggleButtonGroup
        size="small"
        aria-label="Kind"
        value={[...filter.kinds]}
        onChange={(_e, kinds: JournalKind[]) => set({ kinds: JOURNAL_KINDS.filter((k) => kinds.includes(k)) })}
      >
        {JOURNAL_KINDS.map((k) => (
          // A kind chosen shows a tick in place of its mark, so the choice never rests on the shading alone.
          <ToggleButton key={k} value={k} sx={{ gap: 0.75, textTransform: 'none', px: 1.5, fontWeight: 600, color: 'text.primary' }}>
            {filter.kinds.includes(k) ? <CheckIcon fontSize="small" aria-hidden /> : <KindIcon kind={k} />}
            {JOURNAL_KIND_LABELS[k]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

/**
 * One entry. Every kind gets the same card: a neutral outline, the same type, its mark and its
 * word, so what did not work reads with the weight of what worked.
 */
function EntryCard({ entry, phases, areas, revisions, onEdit, onDelete }: {
  entry: JournalEntry;
  phases: readonly Phase[];
  areas: readonly Area[];
  revisions: readonly Revision[];
  onEdit: () => void;
  onDelete: () => void;
}) {
  const headingId = `journal-entry-${entry.id}`;
  const entryAreas = areas.filter((a) => entry.areaIds.includes(a.id));
  const revision = entry.revisionId === null ? null : (revisions.find((r) => r.id === entry.revisionId) ?? 'gone');
  return (
    <Box component="li">
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }}>
          <Typography id={headingId} component="h3" variant="subtitle1" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, m: 0 }}>
            <KindMark kind={entry.kind} />
            <Box component="span" aria-hidden sx={{ color: 'text.secondary' }}>·</Box>
            <Box component="time" dateTime={entry.date} sx={{ fontWeight: 400 }}>{formatDisplayDate(entry.date)}</Box>
            <Box component="span" aria-hidden sx={{ color: 'text.secondary' }}>·</Box>
            <Box component="span" sx={{ fontWeight: 400 }}>{phaseName(phases, entry.phaseId)}</Box>
          </Typography>
          {entry.internal && (
            <Chip size="small" variant="outlined" icon={<LockOutlinedIcon aria-hidden />} label="Internal" title="Left out of shared reports" />
          )}
          <Box sx={{ ml: 'auto', display: 'flex', gap: 0.5 }}>
            <Button size="small" startIcon={<EditOutlinedIcon />} aria-describedby={headingId} onClick={onEdit}>Edit</Button>
            <Button size="small" startIcon={<DeleteOutlinedIcon />} aria-describedby={headingId} onClick={onDelete}>Delete</Button>
          </Box>
        </Box>
        <Typography sx={{ whiteSpace: 'pre-line', maxWidth: '80ch', mt: 1 }}>{entry.text}</Typography>
        {(entry.author || entryAreas.length > 0 || entry.decisions.length > 0 || revision) && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1.5 }}>
            {entry.author && <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>{`By ${entry.author}`}</Typography>}
            {entryAreas.map((a) => <Chip key={a.id} size="small" variant="outlined" label={a.name} />)}
            {entry.decisions.map((n) => <Chip key={n} size="small" variant="outlined" label={decisionChipText(n)} />)}
            {revision && (
              <Typography variant="body2" color="text.secondary">
                {revision === 'gone' ? `Led to ${DELETED_REVISION}` : `Led to revision “${revision.name}” (${savedAt(revision.createdAt)})`}
              </Typography>
            )}
          </Box>
        )}
      </Paper>
    </Box>
  );
}
