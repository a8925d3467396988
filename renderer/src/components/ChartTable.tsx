import { useId, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TableChartOutlinedIcon from '@mui/icons-material/TableChartOutlined';

/**
 * A chart's figures as a table, behind a "Show … as a table" button placed right after the chart,
 * where a screen reader meets it. The table is only in the page while shown, so its rows never
 * stand twice beside the chart's own (a ranking, a list of milestones) for someone who did not ask.
 */
export function ChartTable({ label, children }: { label: string; children: (captionId: string) => ReactNode }) {
  const [shown, setShown] = useState(false);
  const id = useId();
  const regionId = `${id}-table`;
  return (
    <Box sx={{ mt: 1, displayPrint: 'none' }}>
      <Button
        size="small"
        startIcon={<TableChartOutlinedIcon aria-hidden />}
        aria-expanded={shown}
        aria-controls={shown ? regionId : undefined}
        onClick={() => setShown((s) => !s)}
        sx={{ textTransform: 'none' }}
      >
        {shown ? 'Hide the table' : `Show ${label} as a table`}
      </Button>
      {shown && (
        // It may scroll sideways in a narrow column: focusable, so the keyboard can scroll it.
        <Box
          id={regionId}
          tabIndex={0}
          role="region"
          aria-label={`${label} as a table`}
          sx={{ mt: 1, overflowX: 'auto', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}
        >
          {children(`${id}-caption`)}
        </Box>
      )}
    </Box>
  );
}
