import { memo } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AttachMoneyIcon from '@mui/icons-material/AttachMoney';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import LaptopChromebookOutlinedIcon from '@mui/icons-material/LaptopChromebookOutlined';
import SchoolOutlinedIcon from '@mui/icons-material/SchoolOutlined';
import { ALLOCATION_KINDS, ALLOCATION_KIND_LABELS, RECURRENCE_LABELS, type AllocationRow } from '../../domain/schemas';
import { DISTRICT_BUDGET, type AllocationKind } from '../../domain/resource-rules';

const KIND_ICONS: Record<AllocationKind, typeof AttachMoneyIcon> = {
  money: AttachMoneyIcon,
  'staff-fte': BadgeOutlinedIcon,
  devices: LaptopChromebookOutlinedIcon,
  'training-hours': SchoolOutlinedIcon,
};

/** The value of "District budget" in the source menu (a menu value cannot be null). */
const DISTRICT = 'district';

export interface GridToolbarProps {
  kind: AllocationKind;
  sourceId: string | null;
  recurrence: AllocationRow['recurrence'];
  sources: readonly { id: string; name: string }[];
  onKind: (kind: AllocationKind) => void;
  onSource: (sourceId: string | null) => void;
  onRecurrence: (recurrence: AllocationRow['recurrence']) => void;
}

/** What the grid shows and edits, and how lines typed into empty cells are paid for. */
export const GridToolbar = memo(function GridToolbar({ kind, sourceId, recurrence, sources, onKind, onSource, onRecurrence }: GridToolbarProps) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 2, mb: 1.5 }}>
      <Box>
        <Typography id="rs-kind-label" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>Show and edit</Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={kind}
          aria-labelledby="rs-kind-label"
          onChange={(_event, value: AllocationKind | null) => { if (value) onKind(value); }}
        >
          {ALLOCATION_KINDS.map((k) => {
            const Icon = KIND_ICONS[k];
            return (
              <ToggleButton key={k} value={k} sx={{ textTransform: 'none', gap: 0.5, px: 1.5, fontWeight: 600 }}>
                <Icon aria-hidden fontSize="small" />
                {ALLOCATION_KIND_LABELS[k]}
              </ToggleButton>
            );
          })}
        </ToggleButtonGroup>
      </Box>
      <TextField
        select
        label="New lines paid from"
        value={sourceId ?? DISTRICT}
        onChange={(e) => onSource(e.target.value === DISTRICT ? null : e.target.value)}
        sx={{ minWidth: 220 }}
      >
        <MenuItem value={DISTRICT}>{DISTRICT_BUDGET}</MenuItem>
        {sources.map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
      </TextField>
      <TextField
        select
        label="New lines are"
        value={recurrence}
        onChange={(e) => onRecurrence(e.target.value as AllocationRow['recurrence'])}
        sx={{ minWidth: 240 }}
      >
        <MenuItem value="one-time">{RECURRENCE_LABELS['one-time']}</MenuItem>
        <MenuItem value="ongoing">{RECURRENCE_LABELS.ongoing}</MenuItem>
      </TextField>
    </Box>
  );
});
