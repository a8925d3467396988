/**
 * The money-by-fiscal-year chart as plain data: the scale, the stacked segments, how each
 * source is drawn and the sentence that sums the chart up for a screen reader.
 */
import { fiscalYearLabel, formatMoney } from '../../domain/budget';
import type { FiscalYearBreakdown } from '../../domain/resource-rules';
import { colors } from '../../app/theme';

/** "$1.2M", "$250K", "$900": amounts short enough for an axis or the top of a bar. */
export function shortMoney(cents: number): string {
  const dollars = Math.round(cents / 100);
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? '-' : '';
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (abs >= 1_000_000_000) return `${sign}$${trim(abs / 1_000_000_000)}B`;
  if (abs >= 1_000_000) return `${sign}$${trim(abs / 1_000_000)}M`;
  if (abs >= 1_000) return `${sign}$${trim(abs / 1_000)}K`;
  return `${sign}$${abs}`;
}

/**
 * A round top for the value axis (in cents) and its ticks: the smallest 1, 2, 2.5 or 5 × 10ⁿ
 * step, and at least a dollar, that covers `max` in at most `maxTicks` steps. An empty chart
 * gets a scale of $0 to $1,000.
 */
export function niceScale(max: number, maxTicks = 5): { top: number; ticks: number[] } {
  const target = max > 0 ? Math.max(max, 100 * maxTicks) : 100_000;
  const rough = target / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s * maxTicks >= target) ?? 10 * magnitude;
  const count = Math.max(1, Math.ceil(target / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => Math.round(i * step));
  return { top: ticks.at(-1) ?? target, ticks };
}

export interface Segment {
  series: number;
  /** Bottom and top of the segment, in cents from zero. */
  from: number;
  to: number;
}

/** The stacked segments of each year's bar, bottom to top in series order, empty ones left out. */
export function stackSegments(breakdown: FiscalYearBreakdown): Segment[][] {
  return breakdown.years.map((_, i) => {
    let base = 0;
    const segments: Segment[] = [];
    breakdown.series.forEach((s, series) => {
      const cents = s.cents[i] ?? 0;
      if (cents <= 0) return;
      segments.push({ series, from: base, to: base + cents });
      base += cents;
    });
    return segments;
  });
}

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';

export interface SeriesStyle {
  /** The ink: solid fill, or the lines and dots of a pattern. Dark enough for 3:1 against white. */
  color: string;
  pattern: PatternKind;
}

const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'];
const STYLES: readonly SeriesStyle[] = colors.series.map((color, i) => ({ color, pattern: PATTERNS[i % PATTERNS.length] as PatternKind }));

/** The district's own budget is always grey, striped upright, so it reads as "not a grant". */
export const DISTRICT_STYLE: SeriesStyle = { color: colors.district, pattern: 'vertical' };

/** How a series is drawn: a colour and a pattern, so no two sources differ by colour alone. */
export function seriesStyle(index: number, district: boolean): SeriesStyle {
  if (district) return DISTRICT_STYLE;
  const style = STYLES[index % STYLES.length] as SeriesStyle;
  // Past the sixth source, colours repeat with the next pattern, so pairs still differ.
  if (index < STYLES.length) return style;
  const patterns: PatternKind[] = ['diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'solid'];
  return { color: style.color, pattern: patterns[(index + Math.floor(index / STYLES.length)) % patterns.length] as PatternKind };
}

export interface ChartCliff {
  year: number;
  /** The sources that end, by name. */
  sources: string[];
  /** Recurring costs of those sources nothing pays for yet in that year, per school year. */
  uncoveredCents: number;
}

/**
 * One sentence for the chart's accessible name: the span of years, the peak, the sources, and
 * every cliff year with what is still uncovered in it. "Money per fiscal year, FY2028 to FY2031, by
 * source: Innovation grant, District budget. Highest in FY2029: $400,000. Fiscal cliff in FY2030:
 * Innovation grant ends. Still uncovered in FY2030: $475,000."
 */
export function chartSummary(breakdown: FiscalYearBreakdown, cliffs: readonly ChartCliff[]): string {
  const { years, totals, series } = breakdown;
  if (years.length === 0) return 'Money per fiscal year: nothing allocated yet.';
  const first = fiscalYearLabel(years[0] as number);
  const last = fiscalYearLabel(years.at(-1) as number);
  const span = years.length === 1 ? first : `${first} to ${last}`;
  let peak = 0;
  totals.forEach((t, i) => { if (t > (totals[peak] ?? 0)) peak = i; });
  const parts = [series.length > 0 ? `Money per fiscal year, ${span}, by source: ${series.map((s) => s.name).join(', ')}.` : `Money per fiscal year, ${span}: nothing allocated.`];
  if ((totals[peak] ?? 0) > 0) parts.push(`Highest in ${fiscalYearLabel(years[peak] as number)}: ${formatMoney(totals[peak] as number)}.`);
  for (const c of cliffs) {
    parts.push(`Fiscal cliff in ${fiscalYearLabel(c.year)}: ${c.sources.join(' and ')} ${c.sources.length === 1 ? 'ends' : 'end'}.`);
    parts.push(c.uncoveredCents > 0 ? `Still uncovered in ${fiscalYearLabel(c.year)}: ${formatMoney(c.uncoveredCents)}.` : `Its recurring costs are picked up.`);
  }
  return parts.join(' ');
}

/**
 * Cliff warnings (covered ones too) grouped by year, earliest first, each with the names of the
 * sources that end and what is still uncovered that year.
 */
export function cliffsByYear(warnings: readonly { kind: string; year?: number; sourceId: string; uncoveredCents?: number }[], nameOf: (sourceId: string) => string): ChartCliff[] {
  const byYear = new Map<number, ChartCliff>();
  for (const w of warnings) {
    if (w.kind !== 'cliff' || w.year === undefined) continue;
    const cliff = byYear.get(w.year) ?? { year: w.year, sources: [], uncoveredCents: 0 };
    const name = nameOf(w.sourceId);
    if (!cliff.sources.includes(name)) cliff.sources.push(name);
    cliff.uncoveredCents += Math.max(0, w.uncoveredCents ?? 0);
    byYear.set(w.year, cliff);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
