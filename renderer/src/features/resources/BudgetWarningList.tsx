import { memo } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { fiscalYearLabel, type BudgetWarning } from '../../domain/budget';
import { StanceIcon } from '../../components/stance-icons';

/** A flexible line in an area the plan holds tight, in words. */
export interface StanceNote {
  id: string;
  text: string;
}

export interface BudgetWarningListProps {
  warnings: readonly BudgetWarning[];
  stanceNotes: readonly StanceNote[];
  phaseName: (phaseId: string) => string;
  sourceName: (sourceId: string) => string;
}

/**
 * What the budget cannot stand on: phases that spend more from a source than it holds (or
 * commit it after its obligate-by date), recurring costs that outlive their source (the fiscal
 * cliff, with its year and what is still uncovered), and flexible lines that contradict a tight
 * stance. Each says what and where, with an icon and a title. Cliffs that other sources pick up
 * in full follow, saying who picks them up.
 */
export const BudgetWarningList = memo(function BudgetWarningList({ warnings: all, stanceNotes, phaseName, sourceName }: BudgetWarningListProps) {
  // A cliff that other sources pick up in full is no longer a warning: it says who picks it up, below.
  const warnings = all.filter((w) => w.kind !== 'cliff' || !w.resolved);
  const covered = all.filter((w) => w.kind === 'cliff' && w.resolved);
  const count = warnings.length + stanceNotes.length;
  return (
    <Box component="section" aria-labelledby="rs-warnings-heading" sx={{ mb: 3 }}>
      <Typography id="rs-warnings-heading" component="h3" variant="h3" sx={{ mb: 1 }}>
        {count === 0 ? 'Warnings' : `Warnings (${count})`}
      </Typography>
      {count === 0 ? (
        <Alert severity="success" role="note" icon={<CheckCircleOutlineIcon fontSize="inherit" />}>
          {covered.length === 0
            ? 'No warnings: no phase spends more from a source than it holds, and no recurring cost outlives its source.'
            : 'No warnings: no phase spends more from a source than it holds, and every recurring cost that outlives its source is picked up.'}
        </Alert>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
          {warnings.map((w) => (
            <li key={w.kind === 'cliff' ? `cliff-${w.sourceId}` : `over-${w.sourceId}-${w.phaseId}`}>
              {w.kind === 'cliff' ? (
                <Alert severity="warning" role="note" icon={<ReportProblemOutlinedIcon fontSize="inherit" />}>
                  <AlertTitle>{`Fiscal cliff in ${fiscalYearLabel(w.year)}: ${sourceName(w.sourceId)}`}</AlertTitle>
                  {w.message}
                </Alert>
              ) : (
                <Alert severity="error" role="note" icon={<ErrorOutlineIcon fontSize="inherit" />}>
                  <AlertTitle>{`Over budget: ${sourceName(w.sourceId)} in ${phaseName(w.phaseId)}`}</AlertTitle>
                  {w.message}
                </Alert>
              )}
            </li>
          ))}
          {stanceNotes.map((n) => (
            <li key={n.id}>
              <Alert severity="info" role="note" icon={<StanceIcon stance="tight" fontSize="inherit" />}>
                <AlertTitle>Flexible line in an area held tight</AlertTitle>
                {n.text}
              </Alert>
            </li>
          ))}
        </Box>
      )}
      {covered.length > 0 && (
        <Box component="ul" aria-label="Fiscal cliffs covered" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'grid', gap: 1 }}>
          {covered.map((w) => (
            <li key={`covered-${w.sourceId}`}>
              <Alert severity="info" role="note" icon={<CheckCircleOutlineIcon fontSize="inherit" />}>
                <AlertTitle>{`Fiscal cliff in ${fiscalYearLabel(w.kind === 'cliff' ? w.year : 0)} covered: ${sourceName(w.sourceId)}`}</AlertTitle>
                {w.message}
              </Alert>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
});
