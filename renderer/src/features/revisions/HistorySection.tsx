import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import HistoryIcon from '@mui/icons-material/History';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import SaveOutlinedIcon from '@mui/icons-material/SaveOutlined';
import UnpublishedOutlinedIcon from '@mui/icons-material/UnpublishedOutlined';
import VerifiedOutlinedIcon from '@mui/icons-material/VerifiedOutlined';
import { format } from 'date-fns';
import type { CommandContext } from '../../app/commands';
import { useNotify } from '../../app/notifications';
import { useRunCommand } from '../../app/plan-history';
import { useSaveStatus } from '../../app/save-status';
import { appServices } from '../../app/services';
import { planStore } from '../../app/store';
import { SectionHeading } from '../../components/SectionHeading';
import type { SectionProps } from '../../components/section-props';
import { latestApproved, type Approval, type Revision } from '../../domain/revisions';
import { plural } from '../../domain/words';
import {
  compareRevisions, compareWithPlanNow, deleteRevision, oldAutomaticRevisions, thinOldRevisions, renameRevision, restoreRevision, saveApprovedRevision, saveNamedRevision, setApproval,
  type AppInfo, type Comparison, type RevisionText,
} from './commands';
import { ApprovalDialog, CompareDialog, DeleteApprovedDialog, RestoreDialog, RevisionTextDialog, type ApprovalInput, type CompareView } from './RevisionDialogs';
import { approvalDate, approvalWords, kilobytes, REVISION_KIND_LABELS, revisionTime, storageSize } from './revision-words';

/** Only two states can be compared at once. */
const MAX_CHOSEN = 2;

type Open =
  | { kind: 'save' }
  | { kind: 'record-approval' }
  | { kind: 'approve'; revision: Revision }
  | { kind: 'delete-approved'; revision: Revision }
  | { kind: 'rename'; revision: Revision }
  | { kind: 'restore'; revision: Revision }
  | { kind: 'compare'; view: CompareView };

export function HistorySection({ bundle }: SectionProps) {
  const planId = bundle.plan.id;
  const services = appServices();
  const ctx: CommandContext = { store: services.store, now: services.now };
  const app: AppInfo = { name: 'Roadmap Planner', version: services.appVersion };
  const run = useRunCommand();
  const { track } = useSaveStatus();
  const notify = useNotify();
  const revisions = useLiveQuery(() => planStore.listRevisions(planId), [planId]);
  const bytes = useLiveQuery(() => planStore.historyBytes(planId), [planId]);
  const [onlyNamed, setOnlyNamed] = useState(false);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; revision: Revision } | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // A comparison still on its way when another is asked for must not show over it.
  const compareToken = useRef(0);

  const shown = useMemo(() => (revisions ?? []).filter((r) => !onlyNamed || r.kind === 'named' || r.approval !== null), [revisions, onlyNamed]);
  const baseline = useMemo(() => latestApproved(revisions ?? []), [revisions]);
  // Only revisions on show count as chosen, so a filter never compares what the planner cannot see.
  const chosenShown = shown.filter((r) => chosen.includes(r.id));

  const showComparison = async (title: string, subtitle: string, compare: () => Promise<Comparison>) => {
    const token = ++compareToken.current;
    setOpen({ kind: 'compare', view: { title, subtitle, result: null } });
    const result = await compare();
    if (token !== compareToken.current) return;
    setOpen((current) => (current?.kind === 'compare' ? { kind: 'compare', view: { ...current.view, result } } : current));
  };

  const compareWithNow = (revision: Revision) => void showComparison(
    `“${revision.name}” and the plan now`,
    `What changed from ${revisionTime(revision.createdAt)} to now`,
    () => compareWithPlanNow(ctx, revision.id, planId),
  );

  const compareChosen = () => {
    const [a, b] = chosenShown;
    if (!a || !b) return;
    const [older, newer] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
    void showComparison(
      `“${older.name}” and “${newer.name}”`,
      `What changed from ${revisionTime(older.createdAt)} to ${revisionTime(newer.createdAt)}`,
      () => compareRevisions(ctx, older, newer),
    );
  };

  const save = async (text: RevisionText) => {
    const saved = await track(saveNamedRevision(ctx, planId, text, app));
    if (saved) notify({ message: `Revision “${saved.name}” added to History.` });
    return saved !== undefined;
  };

  const rename = async (revision: Revision, text: RevisionText) => {
    const renamed = await track(renameRevision(ctx, revision.id, text));
    if (renamed) notify({ message: `Renamed the revision “${renamed.name}”.` });
    return renamed !== undefined;
  };

  const recordApproval = async ({ approval, text }: ApprovalInput) => {
    const saved = await track(saveApprovedRevision(ctx, planId, text, approval, app));
    if (saved) notify({ message: `Recorded the plan as ${approvalWords(approval)}. It is in History as “${saved.name}”.` });
    return saved !== undefined;
  };

  const changeApproval = async (revision: Revision, approval: Approval | null) => {
    const undo = await track(setApproval(ctx, revision.id, approval));
    if (!undo) return false;
    notify({
      message: approval ? `“${revision.name}” is recorded as ${approvalWords(approval)}.` : `“${revision.name}” is no longer marked as approved.`,
      action: { label: 'Undo', shortcut: false, run: async () => { await track(undo()); } },
    });
    return true;
  };

  const askRemove = (revision: Revision) => {
    if (revision.approval) setOpen({ kind: 'delete-approved', revision });
    else void remove(revision);
  };

  const remove = async (revision: Revision) => {
    const undo = await track(deleteRevision(ctx, revision.id));
    if (!undo) return;
    setChosen((ids) => ids.filter((id) => id !== revision.id));
    // The row and its menu button are gone: the focus goes back to the top of the list.
    saveButton.current?.focus();
    notify({
      message: `Deleted the revision “${revision.name}”.`,
      // Ctrl+Z belongs to the plan's own undo here; this Undo is the button's.
      action: { label: 'Undo', shortcut: false, run: async () => { await track(undo()); } },
    });
  };

  const old = revisions ? oldAutomaticRevisions(revisions, new Date()) : [];
  const thin = async () => {
    const done = await track(thinOldRevisions(ctx, planId));
    if (!done) return;
    saveButton.current?.focus();
    notify({
      message: `Removed ${plural(done.count, 'automatic revision')} older than a year. Named and approved revisions are kept.`,
      action: { label: 'Undo', shortcut: false, run: async () => { await track(done.undo()); } },
    });
  };

  const restore = (revision: Revision) => {
    setOpen(null);
    void run(restoreRevision(revision, app));
  };

  const toggleChosen = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids.filter((x) => shown.some((r) => r.id === x)), id] : ids.filter((x) => x !== id)));
  const choiceFull = chosenShown.length >= MAX_CHOSEN;

  const fromMenu = (action: (revision: Revision) => void) => {
    const revision = menu?.revision;
    setMenu(null);
    if (revision) action(revision);
  };

  const compareHint = chosenShown.length === MAX_CHOSEN
    ? `“${chosenShown[0]?.name ?? ''}” and “${chosenShown[1]?.name ?? ''}” chosen.`
    : `Tick two revisions in the list to compare them (${chosenShown.length} of 2 chosen).`;

  return (
    <Box component="section" aria-labelledby="section-heading">
      <SectionHeading description="Saved states of the plan, each with the reason it changed. Compare one with the plan now or two with each other, and restore one when the plan should go back.">
        History
      </SectionHeading>

      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 1 }}>
        <Button ref={saveButton} variant="contained" startIcon={<SaveOutlinedIcon />} onClick={() => setOpen({ kind: 'save' })}>Save a revision…</Button>
        <Button variant="outlined" startIcon={<VerifiedOutlinedIcon />} onClick={() => setOpen({ kind: 'record-approval' })}>Record a board approval…</Button>
        <Button
          variant="outlined"
          startIcon={<CompareArrowsIcon />}
          disabled={chosenShown.length !== MAX_CHOSEN}
          aria-describedby="history-compare-hint"
          onClick={compareChosen}
        >
          Compare two revisions
        </Button>
        <FormControlLabel control={<Switch checked={onlyNamed} onChange={(e) => setOnlyNamed(e.target.checked)} />} label="Only named and approved" />
        <Typography color="text.secondary" sx={{ ml: { md: 'auto' } }}>
          {revisions && bytes !== undefined
            ? `History takes ${storageSize(bytes)} on this computer (${plural(revisions.length, 'revision')}).`
            : 'Reading the history…'}
        </Typography>
        {old.length > 0 && (
          <Button variant="text" onClick={() => void thin()}>
            {`Remove ${plural(old.length, 'automatic revision')} older than a year`}
          </Button>
        )}
      </Box>
      <Typography id="history-compare-hint" variant="body2" color="text.secondary" sx={{ mb: 2 }}>{compareHint}</Typography>

      {revisions && shown.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3, display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <HistoryIcon color="action" aria-hidden />
          <Typography sx={{ maxWidth: '70ch' }}>
            {revisions.length === 0
              ? 'No revisions yet. Save one at each turning point (a pilot gate, a budget, a board meeting) with the reason the plan changed.'
              : 'No revisions saved by you or approved. Turn off “Only named and approved” to see the ones kept automatically.'}
          </Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Revisions, newest first">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">Compare</TableCell>
                <TableCell>Revision</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>Saved</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell align="right">Size</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((revision) => {
                const isChosen = chosen.includes(revision.id);
                return (
                  <TableRow key={revision.id} selected={isChosen}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={isChosen}
                        disabled={choiceFull && !isChosen}
                        onChange={(e) => toggleChosen(revision.id, e.target.checked)}
                        slotProps={{ input: { 'aria-label': `Choose “${revision.name}” to compare` } }}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 220 }}>
                      <Typography sx={{ fontWeight: 600 }}>{revision.name}</Typography>
                      {revision.approval && (
                        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: 0.25 }}>
                          <VerifiedOutlinedIcon fontSize="small" color="success" aria-hidden />
                          <Typography variant="body2" sx={{ fontWeight: 600 }}>
                            {`Approved ${approvalDate(revision.approval)} · ${revision.approval.body}${revision.approval.reference ? ` · ${revision.approval.reference}` : ''}`}
                            {baseline?.id === revision.id ? ' · the baseline' : ''}
                          </Typography>
                        </Box>
                      )}
                      {revision.reason && (
                        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line', maxWidth: '70ch' }}>{revision.reason}</Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}><time dateTime={revision.createdAt}>{revisionTime(revision.createdAt)}</time></TableCell>
                    <TableCell>{REVISION_KIND_LABELS[revision.kind]}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{kilobytes(revision.sizeBytes)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" aria-label={`Compare “${revision.name}” with the plan now`} onClick={() => compareWithNow(revision)}>Compare with now</Button>
                      <IconButton aria-label={`More actions for “${revision.name}”`} aria-haspopup="menu" onClick={(e) => setMenu({ anchor: e.currentTarget, revision })}>
                        <MoreVertIcon />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => fromMenu((revision) => setOpen({ kind: 'restore', revision }))}>
          <ListItemIcon><HistoryIcon fontSize="small" /></ListItemIcon>Restore…
        </MenuItem>
        <MenuItem onClick={() => fromMenu((revision) => setOpen({ kind: 'rename', revision }))}>
          <ListItemIcon><DriveFileRenameOutlineIcon fontSize="small" /></ListItemIcon>Rename…
        </MenuItem>
        <MenuItem onClick={() => fromMenu((revision) => setOpen({ kind: 'approve', revision }))}>
          <ListItemIcon><VerifiedOutlinedIcon fontSize="small" /></ListItemIcon>{menu?.revision.approval ? 'Edit the approval…' : 'Mark as approved…'}
        </MenuItem>
        {menu?.revision.approval && (
          <MenuItem onClick={() => fromMenu((revision) => void changeApproval(revision, null))}>
            <ListItemIcon><UnpublishedOutlinedIcon fontSize="small" /></ListItemIcon>Remove the approval
          </MenuItem>
        )}
        <MenuItem onClick={() => fromMenu(askRemove)}>
          <ListItemIcon><DeleteOutlinedIcon fontSize="small" /></ListItemIcon>Delete
        </MenuItem>
      </Menu>

      {open?.kind === 'save' && <RevisionTextDialog mode="save" initial={{ name: '', reason: '' }} onClose={() => setOpen(null)} onSubmit={save} />}
      {open?.kind === 'rename' && (
        <RevisionTextDialog
          mode="rename"
          initial={{ name: open.revision.name, reason: open.revision.reason }}
          onClose={() => setOpen(null)}
          onSubmit={(text) => rename(open.revision, text)}
        />
      )}
      {open?.kind === 'record-approval' && (
        <ApprovalDialog mode="record" initial={null} today={format(new Date(), 'yyyy-MM-dd')} onClose={() => setOpen(null)} onSubmit={recordApproval} />
      )}
      {open?.kind === 'approve' && (
        <ApprovalDialog
          mode={open.revision.approval ? 'edit' : 'approve'}
          revision={open.revision}
          initial={open.revision.approval}
          today={format(new Date(), 'yyyy-MM-dd')}
          onClose={() => setOpen(null)}
          onSubmit={({ approval }) => changeApproval(open.revision, approval)}
        />
      )}
      {open?.kind === 'delete-approved' && (
        <DeleteApprovedDialog revision={open.revision} onClose={() => setOpen(null)} onDelete={() => { const { revision } = open; setOpen(null); void remove(revision); }} />
      )}
      {open?.kind === 'restore' && <RestoreDialog revision={open.revision} onClose={() => setOpen(null)} onRestore={() => restore(open.revision)} />}
      {open?.kind === 'compare' && <CompareDialog view={open.view} onClose={() => { compareToken.current += 1; setOpen(null); }} />}
    </Box>
  );
}
