import { useTheme } from '@mui/material/styles';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ChartTable } from '../../components/ChartTable';
import { quadrant, type Quadrant, type SchoolScore } from '../../domain/school-scoring';
import { plural } from '../../domain/words';
import { scoreText } from './school-format';

const WIDTH = 560;
const HEIGHT = 400;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 52 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const x = (readiness: number) => MARGIN.left + (readiness / 100) * PLOT_W;
const y = (need: number) => MARGIN.top + PLOT_H - (need / 100) * PLOT_H;

const CORNERS: { quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end' }[] = [
  { quadrant: 'high need, not yet ready', x: MARGIN.left + 6, y: MARGIN.top + 14, anchor: 'start' },
  { quadrant: 'high need, ready', x: MARGIN.left + PLOT_W - 6, y: MARGIN.top + 14, anchor: 'end' },
  { quadrant: 'lower need, not yet ready', x: MARGIN.left + 6, y: MARGIN.top + PLOT_H - 8, anchor: 'start' },
  { quadrant: 'lower need, ready', x: MARGIN.left + PLOT_W - 6, y: MARGIN.top + PLOT_H - 8, anchor: 'end' },
];

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Counts per quadrant, in words, for the chart's text alternative. */
export function quadrantSummary(scores: readonly SchoolScore[]): string {
  const counts = new Map<Quadrant, number>();
  for (const s of scores) {
    const q = quadrant(s.need, s.readiness);
    if (q) counts.set(q, (counts.get(q) ?? 0) + 1);
  }
  return CORNERS.map((c) => `${capitalized(c.quadrant)}: ${counts.get(c.quadrant) ?? 0}`).join('; ');
}

/**
 * Every school placed by readiness (across) and need (up), split into quadrants at 50. The
 * schools at the top of the current ranking are drawn filled and larger; the rest as rings.
 */
export function NeedReadinessChart({ scores, highlighted, highlightLabel }: { scores: SchoolScore[]; highlighted: ReadonlySet<string>; highlightLabel: string }) {
  const theme = useTheme();
  const placed = scores.filter((s): s is SchoolScore & { need: number; readiness: number } => s.need !== null && s.readiness !== null);
  const missing = scores.length - placed.length;
  // Rings first, so the highlighted schools are drawn on top.
  const ordered = [...placed].sort((a, b) => Number(highlighted.has(a.id)) - Number(highlighted.has(b.id)));
  const ink = theme.palette.text.primary;
  const muted = theme.palette.text.secondary;
  const accent = theme.palette.primary.main;
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Need against readiness for ${plural(placed.length, 'school')}. ${quadrantSummary(placed)}. ${highlightLabel}: ${highlighted.size}. “Show need and readiness as a table”, below the chart, lists each school’s figures.`}
        sx={{ width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block' }}
      >
        <rect x={MARGIN.left} y={MARGIN.top} width={PLOT_W} height={PLOT_H} fill="none" stroke={theme.palette.divider} />
        <line x1={x(50)} x2={x(50)} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} stroke={muted} strokeDasharray="4 4" />
        <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(50)} y2={y(50)} stroke={muted} strokeDasharray="4 4" />
        {CORNERS.map((c) => (
          <text key={c.quadrant} x={c.x} y={c.y} textAnchor={c.anchor} fontSize={12} fill={muted}>{capitalized(c.quadrant)}</text>
        ))}
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <text x={x(v)} y={MARGIN.top + PLOT_H + 16} textAnchor="middle" fontSize={12} fill={muted}>{v}</text>
            <text x={MARGIN.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill={muted}>{v}</text>
          </g>
        ))}
        <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={13} fill={ink}>Readiness →</text>
        <text transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize={13} fill={ink}>Need →</text>
        {ordered.map((s) => {
          const top = highlighted.has(s.id);
          return (
            <circle key={s.id} cx={x(s.readiness)} cy={y(s.need)} r={top ? 6 : 4.5} fill={top ? accent : 'none'} stroke={top ? theme.palette.background.paper : muted} strokeWidth={top ? 1.5 : 1.25}>
              <title>{`${s.name}: need ${Math.round(s.need)}, readiness ${Math.round(s.readiness)}`}</title>
            </circle>
          );
        })}
      </Box>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 1, alignItems: 'center' }} aria-hidden>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <svg width="14" height="14"><circle cx="7" cy="7" r="6" fill={accent} /></svg>
          <Typography variant="body2">{highlightLabel}</Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <svg width="14" height="14"><circle cx="7" cy="7" r="4.5" fill="none" stroke={muted} strokeWidth="1.25" /></svg>
          <Typography variant="body2">Other schools</Typography>
        </Box>
      </Box>
      {missing > 0 && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{plural(missing, 'school')} not shown: need or readiness is unknown (no values for that side’s weighted indicators).</Typography>}
      <ChartTable label="need and readiness">
        {(captionId) => (
          <Table size="small" aria-labelledby={captionId}>
            <caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 4px' }}>Need and readiness of each school, 0 to 100</caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">School</TableCell>
                <TableCell component="th" scope="col" align="right">Need</TableCell>
                <TableCell component="th" scope="col" align="right">Readiness</TableCell>
                <TableCell component="th" scope="col">Quadrant</TableCell>
                <TableCell component="th" scope="col">{highlightLabel}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...scores].sort((a, b) => a.name.localeCompare(b.name)).map((s) => (
                <TableRow key={s.id}>
                  <TableCell component="th" scope="row">{s.name}</TableCell>
                  <TableCell align="right">{scoreText(s.need)}</TableCell>
                  <TableCell align="right">{scoreText(s.readiness)}</TableCell>
                  <TableCell>{quadrant(s.need, s.readiness) ?? 'Not on the chart: need or readiness unknown'}</TableCell>
                  <TableCell>{highlighted.has(s.id) ? 'Yes' : 'No'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ChartTable>
    </Box>
  );
}
