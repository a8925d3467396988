import { memo, useId } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { fiscalYearLabel, formatMoney } from '../../domain/budget';
import { fiscalYearSpan, type FiscalYearBreakdown } from '../../domain/resource-rules';
import { chartSummary, niceScale, seriesStyle, shortMoney, stackSegments, type ChartCliff, type SeriesStyle } from './chart-model';
import { colors } from '../../app/theme';
import { visuallyHidden } from '../../components/visually-hidden';

export interface FundingChartProps {
  breakdown: FiscalYearBreakdown;
  cliffs: readonly ChartCliff[];
  fiscalStartMonth: number;
}

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 40, right: 16, bottom: 48, left: 64 };
const CLIFF_COLOR = colors.warning;
const AXIS_COLOR = colors.axis;

/** The fill pattern of one series: white ground, lines or dots in the series colour (solid for the first). */
function SeriesPattern({ id, style }: { id: string; style: SeriesStyle }) {
  const { color, pattern } = style;
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={8} height={8}>
      <rect width={8} height={8} fill={pattern === 'solid' ? color : colors.white} />
      {pattern === 'diagonal' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth={2.2} />}
      {pattern === 'dots' && <circle cx={4} cy={4} r={2.2} fill={color} />}
      {pattern === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" stroke={color} strokeWidth={1.6} />}
      {pattern === 'horizontal' && <path d="M0,2 h8 M0,6 h8" stroke={color} strokeWidth={2} />}
      {pattern === 'vertical' && <path d="M2,0 v8 M6,0 v8" stroke={color} strokeWidth={2} />}
    </pattern>
  );
}

/** A legend swatch: the series' pattern in a small square with its colour as the border. */
function Swatch({ fill, style }: { fill: string; style: SeriesStyle }) {
  return (
    <svg width={18} height={18} aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      <rect x={1} y={1} width={16} height={16} fill={fill} stroke={style.color} strokeWidth={2} />
    </svg>
  );
}

/**
 * Money per fiscal year as bars stacked by funding source, with each source drawn in its own
 * colour and pattern (never colour alone), every cliff year marked, and the same figures in a
 * table below for anyone who does not read the chart.
 */
export const FundingChart = memo(function FundingChart({ breakdown, cliffs, fiscalStartMonth }: FundingChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { years, series, totals, uncovered } = breakdown;
  const anyUncovered = uncovered.some((u) => u > 0);
  const styles = series.map((s, i) => seriesStyle(i, s.sourceId === null));
  const patternId = (i: number) => `${uid}-series-${i}`;
  const cliffYears = new Map(cliffs.map((c) => [c.year, c]));
  const summary = chartSummary(breakdown, cliffs);

  if (years.length === 0) {
    return (
      <Paper variant="outlined" component="section" aria-labelledby="rs-chart-heading" sx={{ p: 2, mb: 3 }}>
        <Typography id="rs-chart-heading" component="h3" variant="h3" gutterBottom>Money per fiscal year</Typography>
        <Typography color="text.secondary">No money allocated yet. Amounts typed into the grid show here, by fiscal year and funding source.</Typography>
      </Paper>
    );
  }

  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { top, ticks } = niceScale(Math.max(...totals.map((t, i) => t + (uncovered[i] ?? 0))));
  const band = plotW / years.length;
  const barW = Math.min(72, band * 0.6);
  const y = (cents: number) => MARGIN.top + plotH - (cents / top) * plotH;
  const stacks = stackSegments(breakdown);

  return (
    <Paper variant="outlined" component="section" aria-labelledby="rs-chart-heading" sx={{ p: 2, mb: 3 }}>
      <Typography id="rs-chart-heading" component="h3" variant="h3" gutterBottom>Money per fiscal year</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: '80ch' }}>
        {`By funding source. ${fiscalYearLabel(years[0] as number)} runs ${fiscalYearSpan(years[0] as number, fiscalStartMonth)}; recurring money counts once in every school year of the phases it covers; staff lines count FTE × cost per FTE.`}
      </Typography>
      <Box component="ul" aria-label="Key" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5, listStyle: 'none', p: 0, m: 0, mb: 1 }}>
        {series.map((s, i) => (
          <Box component="li" key={s.sourceId ?? 'district'} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontSize: '0.875rem' }}>
            <Swatch fill={`url(#${patternId(i)})`} style={styles[i] as SeriesStyle} />
            {s.name}
          </Box>
        ))}
        {anyUncovered && (
          <Box component="li" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontSize: '0.875rem' }}>
            <Swatch fill={`url(#${uid}-uncovered)`} style={{ color: CLIFF_COLOR, pattern: 'diagonal' }} />
            Uncovered: recurring costs no source pays for yet
          </Box>
        )}
        {cliffs.length > 0 && (
          <Box component="li" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontSize: '0.875rem' }}>
            <svg width={18} height={18} aria-hidden="true" focusable="false"><path d="M9,0 v18" stroke={anyUncovered ? CLIFF_COLOR : AXIS_COLOR} strokeWidth={2} strokeDasharray="4 3" /></svg>
            Fiscal cliff: the first year without a source
          </Box>
        )}
      </Box>
      <Box sx={{ maxWidth: 900 }}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} aria-describedby={`${uid}-table-note`} style={{ display: 'block', fontFamily: 'inherit' }}>
          <defs>
            {styles.map((style, i) => <SeriesPattern key={patternId(i)} id={patternId(i)} style={style} />)}
            <SeriesPattern id={`${uid}-uncovered`} style={{ color: CLIFF_COLOR, pattern: 'diagonal' }} />
          </defs>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS_COLOR : colors.gridLine} strokeWidth={1} />
              <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end" fontSize={12} fill={AXIS_COLOR}>{shortMoney(t)}</text>
            </g>
          ))}
          {years.map((year, i) => {
            const cx = MARGIN.left + band * i + band / 2;
            const cliff = cliffYears.get(year);
            // A cliff others pick up in full is marked, without the warning colour.
            const open = cliff !== undefined && cliff.uncoveredCents > 0;
            const total = totals[i] ?? 0;
            return (
              <g key={year}>
                {(stacks[i] ?? []).map((seg) => {
                  const style = styles[seg.series] as SeriesStyle;
                  const name = series[seg.series]?.name ?? '';
                  return (
                    <rect
                      key={seg.series}
                      x={cx - barW / 2}
                      y={y(seg.to)}
                      width={barW}
                      height={Math.max(1, y(seg.from) - y(seg.to))}
                      fill={`url(#${patternId(seg.series)})`}
                      stroke={style.color}
                      strokeWidth={1.5}
                    >
                      <title>{`${name}, ${fiscalYearLabel(year)}: ${formatMoney(seg.to - seg.from)}`}</title>
                    </rect>
                  );
                })}
                {(uncovered[i] ?? 0) > 0 && (
                  <rect
                    x={cx - barW / 2}
                    y={y(total + (uncovered[i] ?? 0))}
                    width={barW}
                    height={Math.max(1, y(total) - y(total + (uncovered[i] ?? 0)))}
                    fill={`url(#${uid}-uncovered)`}
                    stroke={CLIFF_COLOR}
                    strokeWidth={1.5}
                    strokeDasharray="4 3"
                  >
                    <title>{`Uncovered, ${fiscalYearLabel(year)}: ${formatMoney(uncovered[i] ?? 0)}`}</title>
                  </rect>
                )}
                {(uncovered[i] ?? 0) > 0
                  ? <text x={cx} y={y(total + (uncovered[i] ?? 0)) - 6} textAnchor="middle" fontSize={12} fontWeight={700} fill={CLIFF_COLOR}>{`${shortMoney(uncovered[i] ?? 0)} uncovered`}</text>
                  : total > 0 && <text x={cx} y={y(total) - 6} textAnchor="middle" fontSize={12} fontWeight={600} fill={colors.ink}>{shortMoney(total)}</text>}
                <text x={cx} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize={12} fontWeight={cliff ? 700 : 400} fill={open ? CLIFF_COLOR : AXIS_COLOR}>{fiscalYearLabel(year)}</text>
                {cliff && (
                  <>
                    <text x={cx} y={HEIGHT - MARGIN.bottom + 34} textAnchor="middle" fontSize={12} fontWeight={700} fill={open ? CLIFF_COLOR : AXIS_COLOR}>{open ? 'cliff' : 'cliff covered'}</text>
                    <line x1={cx - band / 2} x2={cx - band / 2} y1={MARGIN.top - 22} y2={HEIGHT - MARGIN.bottom} stroke={open ? CLIFF_COLOR : AXIS_COLOR} strokeWidth={2} strokeDasharray="6 4" />
                    <text
                      x={i === years.length - 1 && years.length > 2 ? cx + band / 2 - 4 : cx - band / 2 + 6}
                      y={MARGIN.top - 26}
                      textAnchor={i === years.length - 1 && years.length > 2 ? 'end' : 'start'}
                      fontSize={12}
                      fontWeight={700}
                      fill={open ? CLIFF_COLOR : AXIS_COLOR}
                    >
                      {`▲ ${cliff.sources.join(', ')} ${cliff.sources.length === 1 ? 'ends' : 'end'}`}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Box component="span" id={`${uid}-table-note`} sx={visuallyHidden}>Every figure is also in the table “The same figures” below the chart.</Box>
      <Typography id="rs-fy-table-heading" component="h4" variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>The same figures</Typography>
      <TableContainer>
        <Table size="small" aria-labelledby="rs-fy-table-heading" sx={{ '& td, & th': { whiteSpace: 'nowrap' }, '& td:last-of-type': { whiteSpace: 'normal', minWidth: 200 } }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Fiscal year</TableCell>
              {series.map((s) => <TableCell key={s.sourceId ?? 'district'} component="th" scope="col" align="right">{s.name}</TableCell>)}
              <TableCell component="th" scope="col" align="right">Total</TableCell>
              {anyUncovered && <TableCell component="th" scope="col" align="right">Uncovered</TableCell>}
              <TableCell component="th" scope="col">Note</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {years.map((year, i) => {
              const cliff = cliffYears.get(year);
              return (
                <TableRow key={year}>
                  <TableCell component="th" scope="row">
                    {fiscalYearLabel(year)}
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>{fiscalYearSpan(year, fiscalStartMonth)}</Typography>
                  </TableCell>
                  {series.map((s) => <TableCell key={s.sourceId ?? 'district'} align="right">{formatMoney(s.cents[i] ?? 0)}</TableCell>)}
                  <TableCell align="right" sx={{ fontWeight: 600 }}>{formatMoney(totals[i] ?? 0)}</TableCell>
                  {anyUncovered && <TableCell align="right" sx={(uncovered[i] ?? 0) > 0 ? { color: 'warning.main', fontWeight: 700 } : undefined}>{formatMoney(uncovered[i] ?? 0)}</TableCell>}
                  <TableCell>
                    {cliff && (
                      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: cliff.uncoveredCents > 0 ? 'warning.main' : 'text.primary', fontWeight: 600 }}>
                        {cliff.uncoveredCents > 0 ? <ReportProblemOutlinedIcon aria-hidden fontSize="small" /> : <CheckCircleOutlineIcon aria-hidden fontSize="small" color="success" />}
                        {`Fiscal cliff: first year without ${cliff.sources.join(' and ')}${cliff.uncoveredCents > 0 ? `, ${formatMoney(cliff.uncoveredCents)} a year uncovered` : ', its recurring costs picked up'}`}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
});
