import { memo } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatMoney, type BudgetTotals } from '../../domain/budget';
import { formatDisplayDate } from '../../domain/phase-rules';
import { DISTRICT_BUDGET, formatAmount } from '../../domain/resource-rules';
import type { FundingSource } from '../../domain/schemas';

export interface BudgetTotalsTablesProps {
  phases: readonly { id: string; name: string; span: string }[];
  budget: BudgetTotals;
  students: Readonly<Record<string, number>>;
  sources: readonly FundingSource[];
  /** Over-budget cents per source, summed over phases. */
  overBySource: ReadonlyMap<string, number>;
}

const FOOT = { '& td, & th': { fontWeight: 700, color: 'text.primary', fontSize: '0.875rem', borderBottom: 0 } } as const;

/** Money, students, money per student and units per phase; and what the plan draws on each source. */
export const BudgetTotalsTables = memo(function BudgetTotalsTables({ phases, budget, students, sources, overBySource }: BudgetTotalsTablesProps) {
  const planned = new Map(budget.bySource.map((s) => [s.sourceId, s.cents]));
  return (
    <Paper variant="outlined" component="section" aria-labelledby="rs-totals-heading" sx={{ p: 2, mb: 3 }}>
      <Typography id="rs-totals-heading" component="h3" variant="h3" gutterBottom>Totals</Typography>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <Box>
          <Typography id="rs-by-phase-heading" component="h4" variant="subtitle2" sx={{ mb: 0.5 }}>By phase</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Students are those in schools whose wave has started by the phase. Staff, devices and hours are as entered for each phase (a recurring line in every phase it continues into, a line for each school of a wave once per school).
            {budget.staffCents > 0 && ` Money includes ${formatMoney(budget.staffCents)} of staff costs, worked out from FTE × cost per FTE.`}
          </Typography>
          <TableContainer>
            <Table size="small" aria-labelledby="rs-by-phase-heading" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">Phase</TableCell>
                  <TableCell component="th" scope="col" align="right">Money</TableCell>
                  <TableCell component="th" scope="col" align="right">Students</TableCell>
                  <TableCell component="th" scope="col" align="right">Per student</TableCell>
                  <TableCell component="th" scope="col" align="right">Staff (FTE)</TableCell>
                  <TableCell component="th" scope="col" align="right">Devices</TableCell>
                  <TableCell component="th" scope="col" align="right">Training hours</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {phases.map((p) => {
                  const units = budget.unitsByPhase[p.id];
                  const perStudent = budget.perStudentByPhase[p.id];
                  return (
                    <TableRow key={p.id}>
                      <TableCell component="th" scope="row">
                        {p.name}
                        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>{p.span}</Typography>
                      </TableCell>
                      <TableCell align="right">{formatMoney(budget.byPhase[p.id] ?? 0)}</TableCell>
                      <TableCell align="right">{(students[p.id] ?? 0).toLocaleString('en-US')}</TableCell>
                      <TableCell align="right">{perStudent === null || perStudent === undefined ? '—' : formatMoney(perStudent, { alwaysCents: true })}</TableCell>
                      <TableCell align="right">{formatAmount('staff-fte', units?.['staff-fte'] ?? 0)}</TableCell>
                      <TableCell align="right">{formatAmount('devices', units?.devices ?? 0)}</TableCell>
                      <TableCell align="right">{formatAmount('training-hours', units?.['training-hours'] ?? 0)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter sx={FOOT}>
                <TableRow>
                  <TableCell component="th" scope="row">All phases</TableCell>
                  <TableCell align="right">{formatMoney(budget.totalCents)}</TableCell>
                  <TableCell align="right">—</TableCell>
                  <TableCell align="right">—</TableCell>
                  <TableCell align="right">{formatAmount('staff-fte', budget.units['staff-fte'])}</TableCell>
                  <TableCell align="right">{formatAmount('devices', budget.units.devices)}</TableCell>
                  <TableCell align="right">{formatAmount('training-hours', budget.units['training-hours'])}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </TableContainer>
        </Box>
        <Box>
          <Typography id="rs-by-source-heading" component="h4" variant="subtitle2" sx={{ mb: 0.5 }}>By funding source</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>What the plan draws on each source, against what it holds.</Typography>
          <TableContainer>
            <Table size="small" aria-labelledby="rs-by-source-heading" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">Source</TableCell>
                  <TableCell component="th" scope="col" align="right">Holds</TableCell>
                  <TableCell component="th" scope="col" align="right">Planned</TableCell>
                  <TableCell component="th" scope="col" align="right">Left or over</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sources.map((s) => {
                  const used = planned.get(s.id) ?? 0;
                  const over = overBySource.get(s.id) ?? 0;
                  return (
                    <TableRow key={s.id}>
                      <TableCell component="th" scope="row">
                        {s.name}
                        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>{`${formatDisplayDate(s.start)} – ${formatDisplayDate(s.end)}`}</Typography>
                      </TableCell>
                      <TableCell align="right">{formatMoney(s.amountCents)}</TableCell>
                      <TableCell align="right">{formatMoney(used)}</TableCell>
                      <TableCell align="right" sx={over > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>
                        {over > 0 ? `Over by ${formatMoney(over)}` : `${formatMoney(Math.max(0, s.amountCents - used))} left`}
                      </TableCell>
                    </TableRow>
                  );
                })}
                <TableRow>
                  <TableCell component="th" scope="row">{DISTRICT_BUDGET}</TableCell>
                  <TableCell align="right">—</TableCell>
                  <TableCell align="right">{formatMoney(planned.get(null) ?? 0)}</TableCell>
                  <TableCell align="right">—</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      </Box>
    </Paper>
  );
});
