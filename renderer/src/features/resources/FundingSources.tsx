import { memo, useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { useRunCommand } from '../../app/plan-history';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fiscalYearLabel, formatMoney, parseMoney } from '../../domain/budget';
import { fieldProblem } from '../../domain/messages';
import { formatDisplayDate } from '../../domain/phase-rules';
import { fundingDatesProblem, fundingEndLabel, isGrantType, obligateByProblem } from '../../domain/resource-rules';
import { FUNDING_TYPES, FUNDING_TYPE_LABELS, fundingSourceSchema, isoDateSchema, MONEY_MAX_CENTS, type FundingSource, type FundingType } from '../../domain/schemas';
import {
  renameFundingSource, setFundingSourceAmount, setFundingSourceEnd, setFundingSourceNotes, setFundingSourceObligateBy, setFundingSourceStart, setFundingSourceType,
} from './commands';

/** What the plan draws on one source, and the warnings about it, in words. */
export interface SourceUse {
  plannedCents: number;
  overCents: number;
  /** The first fiscal year without the source while recurring costs it pays for go on, or null. */
  cliffYear: number | null;
  /** Recurring costs still uncovered in the cliff year, per school year (0 when others pick them all up). */
  uncoveredCents: number;
  /** Who picks the costs up, in words ("District budget picks up $475,000 a year from FY2030"), or ''. */
  pickupText: string;
}

export interface FundingSourcesProps {
  sources: readonly FundingSource[];
  uses: ReadonlyMap<string, SourceUse>;
  /** The source just added, whose name takes the focus. */
  focusId: string | null;
  onAdd: () => void;
  onMove: (source: FundingSource, direction: -1 | 1) => void;
  onDelete: (source: FundingSource) => void;
}

const validateName = (text: string) => fieldProblem(fundingSourceSchema.shape.name, text, 'Name');
const validateNotes = (text: string) => fieldProblem(fundingSourceSchema.shape.notes, text, 'Notes');

function validateAmount(text: string): string | null {
  const read = parseMoney(text);
  if (read === null) return 'Enter an amount, like $250,000.';
  if (typeof read === 'object') return read.error;
  return read > MONEY_MAX_CENTS ? `Enter at most ${formatMoney(MONEY_MAX_CENTS)}.` : null;
}

function sourceUseText(source: FundingSource, use: SourceUse | undefined): string {
  const planned = use?.plannedCents ?? 0;
  const parts = [`Planned from it: ${formatMoney(planned)}`];
  if (use && use.overCents > 0) parts.push(`over by ${formatMoney(use.overCents)}`);
  else parts.push(`left: ${formatMoney(Math.max(0, source.amountCents - planned))}`);
  return parts.join(' · ');
}

interface SourceRowProps {
  source: FundingSource;
  index: number;
  count: number;
  use: SourceUse | undefined;
  autoFocus: boolean;
  onMove: FundingSourcesProps['onMove'];
  onDelete: FundingSourcesProps['onDelete'];
}

const SourceRow = memo(function SourceRow({ source, index, count, use, autoFocus, onMove, onDelete }: SourceRowProps) {
  const run = useRunCommand();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [autoFocus]);
  const quoted = `“${source.name}”`;
  const validateStart = (text: string) => {
    if (!isoDateSchema.safeParse(text).success) return 'The start date must be a date.';
    return text > source.end ? `The start date must be on or before the end date (${formatDisplayDate(source.end)}).` : null;
  };
  const grant = isGrantType(source.type);
  const endLabel = fundingEndLabel(source.type);
  const validateEnd = (text: string) => {
    if (!isoDateSchema.safeParse(text).success) return grant ? 'The spend-by date must be a date.' : 'The end date must be a date.';
    if (grant && source.obligateBy && text < source.obligateBy) return `The spend-by date must be on or after the obligate-by date (${formatDisplayDate(source.obligateBy)}).`;
    return fundingDatesProblem(source.start, text);
  };
  const validateObligateBy = (text: string) => {
    if (text === '') return null;
    if (!isoDateSchema.safeParse(text).success) return 'The obligate-by date must be a date.';
    return obligateByProblem(source.start, text, source.end);
  };
  const legend = `Funding source ${index + 1}`;
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, m: 0, px: 2, pt: 1, pb: 1.5, minWidth: 0 }}>
      <Box component="legend" sx={{ px: 0.5, fontWeight: 600, fontSize: '0.9375rem' }}>{`${legend}: ${source.name}`}</Box>
      <Box sx={{ display: 'grid', gap: 2, alignItems: 'start', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1.1fr) minmax(0, 1.7fr) auto' } }}>
        <AutosaveTextField
          label="Name"
          value={source.name}
          inputRef={nameRef}
          validate={validateName}
          onCommit={(name) => run(renameFundingSource(source, name))}
        />
        <AutosaveTextField
          label="Amount"
          value={formatMoney(source.amountCents)}
          validate={validateAmount}
          onCommit={(text) => {
            const cents = parseMoney(text);
            return run(setFundingSourceAmount(source, typeof cents === 'number' ? cents : 0));
          }}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          select
          label="Type"
          value={source.type}
          onChange={(e) => void run(setFundingSourceType(source, e.target.value as FundingType))}
        >
          {FUNDING_TYPES.map((t) => <MenuItem key={t} value={t}>{FUNDING_TYPE_LABELS[t]}</MenuItem>)}
        </TextField>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Tooltip describeChild title="Move up">
            <span>
              <IconButton aria-label={`Move ${quoted} up`} disabled={index === 0} onClick={() => onMove(source, -1)}><ArrowUpwardIcon /></IconButton>
            </span>
          </Tooltip>
          <Tooltip describeChild title="Move down">
            <span>
              <IconButton aria-label={`Move ${quoted} down`} disabled={index === count - 1} onClick={() => onMove(source, 1)}><ArrowDownwardIcon /></IconButton>
            </span>
          </Tooltip>
          <Tooltip describeChild title="Delete funding source">
            <IconButton aria-label={`Delete ${quoted}`} data-source-delete={source.id} onClick={() => onDelete(source)}><DeleteOutlinedIcon /></IconButton>
          </Tooltip>
        </Box>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, mt: 2, alignItems: 'start', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, minmax(0, 220px))' } }}>
        <AutosaveTextField
          label="Start date"
          type="date"
          value={source.start}
          validate={validateStart}
          onCommit={(start) => run(setFundingSourceStart(source, start))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {grant && (
          <AutosaveTextField
            label="Obligate by"
            type="date"
            value={source.obligateBy ?? ''}
            validate={validateObligateBy}
            helperText="Last day to commit the money"
            onCommit={(text) => run(setFundingSourceObligateBy(source, text === '' ? null : text))}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
        <AutosaveTextField
          label={endLabel}
          type="date"
          value={source.end}
          validate={validateEnd}
          helperText={grant ? 'Last day to spend (liquidate) it' : undefined}
          onCommit={(end) => run(setFundingSourceEnd(source, end))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <AutosaveTextField
        label="Notes"
        value={source.notes}
        validate={validateNotes}
        onCommit={(notes) => run(setFundingSourceNotes(source, notes))}
        multiline
        minRows={1}
        maxRows={4}
        fullWidth
        helperText="What the board or the funder should know: what the money may pay for, reporting, renewal."
        sx={{ mt: 2 }}
      />
      <Typography variant="body2" sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5 }}>
        <span>{sourceUseText(source, use)}</span>
        {use?.cliffYear != null && use.uncoveredCents > 0 && (
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'warning.main', fontWeight: 600 }}>
            <ReportProblemOutlinedIcon aria-hidden fontSize="small" />
            {`${grant ? 'Spend by' : 'Ends'} ${formatDisplayDate(source.end)}: fiscal cliff in ${fiscalYearLabel(use.cliffYear)}, ${formatMoney(use.uncoveredCents)} a year uncovered`}
          </Box>
        )}
        {use?.cliffYear != null && use.uncoveredCents <= 0 && (
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: 600 }}>
            <CheckCircleOutlineIcon aria-hidden fontSize="small" color="success" />
            {`${grant ? 'Spend by' : 'Ends'} ${formatDisplayDate(source.end)}: ${use.pickupText}`}
          </Box>
        )}
      </Typography>
    </Box>
  );
});

/** The money the plan can draw on: grants, levies, the general fund, each for the dates it may be spent. */
export function FundingSources({ sources, uses, focusId, onAdd, onMove, onDelete }: FundingSourcesProps) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="rs-sources-heading" sx={{ p: 2, mb: 3 }}>
      <Typography id="rs-sources-heading" component="h3" variant="h3" gutterBottom>Funding sources</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: '80ch' }}>
        Grants, levies and other money the plan draws on, each with its type and the dates it may be spent; a grant has an obligate-by date (to commit the money) and a spend-by date. Grants end: recurring costs that outlive one become a fiscal cliff for the next budget, until another source picks them up. Lines without a source are paid from the district’s own budget.
      </Typography>
      {sources.length === 0 && (
        <Typography sx={{ mb: 2 }}>No funding sources yet: everything is paid from the district budget.</Typography>
      )}
      <Box sx={{ display: 'grid', gap: 1.5, mb: 2 }}>
        {sources.map((source, index) => (
          <SourceRow
            key={source.id}
            source={source}
            index={index}
            count={sources.length}
            use={uses.get(source.id)}
            autoFocus={source.id === focusId}
            onMove={onMove}
            onDelete={onDelete}
          />
        ))}
      </Box>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={onAdd} data-source-add>Add funding source</Button>
    </Paper>
  );
}
