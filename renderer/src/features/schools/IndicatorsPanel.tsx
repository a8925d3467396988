import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useRunCommand } from '../../app/plan-history';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { parseRangeInput, rangeText } from '../../domain/indicators';
import { fieldProblem } from '../../domain/messages';
import { formatNumber, parseNumberInput } from '../../domain/numbers';
import { indicatorSchema, INDICATOR_SIDES, type IndicatorRow, type IndicatorSideValue } from '../../domain/schemas';
import { addIndicator, addSuggestedIndicators, deleteIndicator, renameIndicator, setIndicatorDirection, setIndicatorRange, setIndicatorSide, setIndicatorUnit, weighIndicator } from './commands';

const SIDE_LABELS: Record<IndicatorSideValue, string> = { need: 'Need', readiness: 'Readiness' };
const SIDE_HELP: Record<IndicatorSideValue, string> = {
  need: 'Which schools most need the new model: poverty, gaps, absence.',
  readiness: 'Which schools can make it work first: leaders, staff, devices, connectivity.',
};

const validateName = (text: string) => fieldProblem(indicatorSchema.shape.name, text, 'Name');
const validateUnit = (text: string) => fieldProblem(indicatorSchema.shape.unit, text, 'Unit');
const validateRange = (text: string) => {
  const read = parseRangeInput(text, 'Range');
  return read.ok ? null : read.message;
};
const OTHER_SIDE: Record<IndicatorSideValue, IndicatorSideValue> = { need: 'readiness', readiness: 'need' };
const validateWeight = (text: string) => {
  const read = parseNumberInput(text, 'Weight', { required: true });
  return read.ok ? fieldProblem(indicatorSchema.shape.weight, read.value, 'Weight') : read.message;
};

/** Each indicator's share of its side, in percent; when every weight is 0 they count the same. */
export function weightShares(indicators: readonly IndicatorRow[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const side of INDICATOR_SIDES) {
    const own = indicators.filter((i) => i.side === side);
    const total = own.reduce((sum, i) => sum + i.weight, 0);
    for (const i of own) shares.set(i.id, total > 0 ? (i.weight / total) * 100 : 100 / own.length);
  }
  return shares;
}

/** The need and readiness indicators side by side: name, weight (and its share), direction, range, unit; each can move to the other side. */
export function IndicatorsPanel({ planId, indicators }: { planId: string; indicators: IndicatorRow[] }) {
  const run = useRunCommand();
  const shares = weightShares(indicators);

  if (indicators.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography sx={{ mb: 1.5 }}>This plan has no indicators yet. Start with seven common ones (FRL share, achievement gap and chronic absence for need; leadership commitment, staff buy-in, devices per student and connectivity for readiness), then change them to fit.</Typography>
        <Button variant="contained" onClick={() => void run(addSuggestedIndicators(planId))}>Add the suggested indicators</Button>
      </Paper>
    );
  }

  return (
    // One side under the other: each indicator's row needs the width.
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', gap: 2 }}>
      {INDICATOR_SIDES.map((side) => {
        const own = indicators.filter((i) => i.side === side);
        return (
          <Paper key={side} variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={`indicators-${side}`}>
            <Typography id={`indicators-${side}`} tabIndex={-1} variant="h3" sx={{ fontSize: '1.1rem', scrollMarginTop: 96 }}>{SIDE_LABELS[side]} indicators</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>{SIDE_HELP[side]}</Typography>
            {own.length === 0 && <Typography sx={{ mb: 2 }}>None yet: every school’s {side} score is unknown.</Typography>}
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
              {own.map((indicator, index) => (
                <Box component="li" key={indicator.id} aria-label={indicator.name} sx={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 300px) 100px 250px 90px 90px auto', gap: 1, alignItems: 'start' }}>
                  <AutosaveTextField
                    size="small"
                    label="Indicator"
                    value={indicator.name}
                    validate={validateName}
                    onCommit={(name) => run(renameIndicator(indicator, name))}
                    slotProps={{ htmlInput: { 'aria-label': `${SIDE_LABELS[side]} indicator ${index + 1}` } }}
                    helperText={indicator.source === 'frlPercent' ? 'From each school’s FRL share' : ' '}
                  />
                  <AutosaveTextField
                    size="small"
                    label="Weight"
                    inputMode="decimal"
                    value={formatNumber(indicator.weight)}
                    validate={validateWeight}
                    onCommit={(text) => {
                      const read = parseNumberInput(text, 'Weight', { required: true });
                      return read.ok && read.value !== null ? run(weighIndicator(indicator, read.value)) : Promise.resolve(false);
                    }}
                    slotProps={{ htmlInput: { 'aria-label': `Weight of ${indicator.name}` } }}
                    helperText={`${Math.round(shares.get(indicator.id) ?? 0)}% share`}
                  />
                  <TextField
                    select
                    size="small"
                    label="Direction"
                    value={indicator.direction}
                    onChange={(e) => void run(setIndicatorDirection(indicator, e.target.value as IndicatorRow['direction']))}
                    slotProps={{ select: { inputProps: { 'aria-label': `Direction of ${indicator.name}` } } }}
                    helperText=" "
                  >
                    <MenuItem value="higher-is-more">Higher = more {side}</MenuItem>
                    <MenuItem value="lower-is-more">Lower = more {side}</MenuItem>
                  </TextField>
                  <AutosaveTextField
                    size="small"
                    label="Range"
                    placeholder="None"
                    value={indicator.range ? rangeText(indicator.range) : ''}
                    validate={validateRange}
                    onCommit={(text) => {
                      const read = parseRangeInput(text, 'Range');
                      return read.ok ? run(setIndicatorRange(indicator, read.value)) : Promise.resolve(false);
                    }}
                    slotProps={{ htmlInput: { 'aria-label': `Range of ${indicator.name}` } }}
                    helperText=" "
                  />
                  <AutosaveTextField
                    size="small"
                    label="Unit"
                    value={indicator.unit}
                    validate={validateUnit}
                    onCommit={(unit) => run(setIndicatorUnit(indicator, unit))}
                    slotProps={{ htmlInput: { 'aria-label': `Unit of ${indicator.name}` } }}
                    helperText=" "
                  />
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                    <Button size="small" startIcon={<SwapHorizIcon />} aria-label={`Move to ${OTHER_SIDE[side]}: ${indicator.name}`} onClick={() => void run(setIndicatorSide(indicator, OTHER_SIDE[side]))} sx={{ whiteSpace: 'nowrap', mt: 0.25 }}>
                      Move to {OTHER_SIDE[side]}
                    </Button>
                    <Tooltip title={`Delete ${indicator.name}`}>
                      <IconButton aria-label={`Delete ${indicator.name}`} onClick={() => void run(deleteIndicator(indicator))}><DeleteOutlinedIcon /></IconButton>
                    </Tooltip>
                  </Box>
                </Box>
              ))}
            </Box>
            <Button startIcon={<AddIcon />} onClick={() => void run(addIndicator(planId, side))} sx={{ mt: 1 }}>Add a {side} indicator</Button>
          </Paper>
        );
      })}
    </Box>
  );
}
