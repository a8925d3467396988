/**
 * Decision 3, "prioritize need vs. readiness": scores schools on need and readiness
 * indicators, ranks them for a position between the two poles, and proposes waves.
 * Pure functions; every score is on a 0–100 scale.
 */

export type IndicatorSide = 'need' | 'readiness';
export type IndicatorDirection = 'higher-is-more' | 'lower-is-more';

export interface Indicator {
  key: string;
  label: string;
  side: IndicatorSide;
  /** Relative weight, 0 or more. Only the ratios between weights on one side matter. */
  weight: number;
  /** 'lower-is-more': a lower value means more need (or readiness), e.g. attendance for need. */
  direction: IndicatorDirection;
}

export interface ScoredSchool {
  id: string;
  name: string;
  students: number;
  /** Raw indicator values by indicator key; null (or absent) when unknown. */
  values: Record<string, number | null>;
}

export interface SchoolScore {
  id: string;
  /** Carried along so rankings can break ties by name. */
  name: string;
  need: number | null;
  readiness: number | null;
}

export type Quadrant = 'high need, ready' | 'high need, not yet ready' | 'lower need, ready' | 'lower need, not yet ready';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const known = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Min–max scales one indicator's values across schools to 0–100: the lowest becomes 0, the
 * highest 100 ('lower-is-more' flips that). When every known value is equal they all get 50.
 * Unknown values (null, NaN, ±Infinity) stay null.
 */
export function normalize(values: readonly (number | null)[], direction: IndicatorDirection = 'higher-is-more'): (number | null)[] {
  const present = values.filter(known);
  if (present.length === 0) return values.map(() => null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  // Halves keep the span finite even for values near ±Number.MAX_VALUE; values so close that
  // their halves meet (tiny subnormal numbers) count as equal.
  const span = max / 2 - min / 2;
  return values.map((value) => {
    if (!known(value)) return null;
    if (max === min || !(span > 0)) return 50;
    const scaled = clamp(((value / 2 - min / 2) / span) * 100, 0, 100);
    return direction === 'lower-is-more' ? 100 - scaled : scaled;
  });
}

function sideScores(schools: readonly ScoredSchool[], indicators: readonly Indicator[]): (number | null)[] {
  if (indicators.length === 0) return schools.map(() => null);
  const weights = indicators.map((i) => (Number.isFinite(i.weight) && i.weight > 0 ? i.weight : 0));
  // All weights zero means "no preference": every indicator counts the same.
  const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  const columns = indicators.map((indicator) => normalize(schools.map((s) => s.values[indicator.key] ?? null), indicator.direction));
  return schools.map((_, row) => {
    let sum = 0;
    let weightSum = 0;
    columns.forEach((column, i) => {
      const value = column[row];
      const weight = effective[i] ?? 0;
      if (value === null || value === undefined || weight === 0) return;
      sum += value * weight;
      weightSum += weight;
    });
    // Missing values are skipped: the weights of what is known are rescaled to sum to 1.
    return weightSum > 0 ? clamp(sum / weightSum, 0, 100) : null;
  });
}

/**
 * Need and readiness scores (0–100) per school: the weighted mean of the school's normalized
 * values on each side. A school with no known value on a side (or only values on indicators
 * weighted 0 while others on that side have weight) gets null for that side.
 */
export function scoreSchools(schools: readonly ScoredSchool[], indicators: readonly Indicator[]): SchoolScore[] {
  const need = sideScores(schools, indicators.filter((i) => i.side === 'need'));
  const readiness = sideScores(schools, indicators.filter((i) => i.side === 'readiness'));
  return schools.map((school, row) => ({ id: school.id, name: school.name, need: need[row] ?? null, readiness: readiness[row] ?? null }));
}

/**
 * A school's priority for a slider from 0 (prioritize need) to 100 (prioritize readiness):
 * the blend (1 − t)·need + t·readiness with t = slider / 100. Null when a side that carries
 * weight at this slider is unknown.
 */
export function priority(need: number | null, readiness: number | null, slider: number): number | null {
  const t = clamp(Number.isFinite(slider) ? slider : 50, 0, 100) / 100;
  if (t < 1 && need === null) return null;
  if (t > 0 && readiness === null) return null;
  return (1 - t) * (need ?? 0) + t * (readiness ?? 0);
}

const PRIORITY_EPSILON = 1e-9;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * School ids from highest to lowest priority. Ties (within rounding) go by name, then id, so
 * the order never depends on input order. Schools whose priority is unknown come last.
 */
export function rankSchools(scores: readonly SchoolScore[], slider: number): string[] {
  const withPriority = scores.map((s) => ({ s, p: priority(s.need, s.readiness, slider) }));
  withPriority.sort((a, b) => {
    if (a.p === null || b.p === null) {
      if (a.p !== b.p) return a.p === null ? 1 : -1;
    } else if (Math.abs(a.p - b.p) > PRIORITY_EPSILON) {
      return b.p - a.p;
    }
    const byName = a.s.name.localeCompare(b.s.name, 'en', { sensitivity: 'base', numeric: true }) || byText(a.s.name, b.s.name);
    return byName || byText(a.s.id, b.s.id);
  });
  return withPriority.map(({ s }) => s.id);
}

/** Decision 3's position (-2 strongly need … 0 mid-way … 2 strongly readiness) as a slider 0–100. No position yet → 50. */
export function sliderFromPosition(position: number | null): number {
  if (position === null || !Number.isFinite(position)) return 50;
  return (clamp(Math.round(position), -2, 2) + 2) * 25;
}

/** The nearest of the five positions to a slider value (halfway between two steps rounds toward readiness). */
export function positionFromSlider(slider: number): -2 | -1 | 0 | 1 | 2 {
  const value = Number.isFinite(slider) ? clamp(slider, 0, 100) : 50;
  return (Math.round(value / 25) - 2) as -2 | -1 | 0 | 1 | 2;
}

/**
 * Cuts a ranking into waves of `waveSize` schools, in order; the last wave may be short.
 * With `waveCount`, at most that many waves are proposed and later schools stay unassigned.
 */
export function proposeWaves(rankedIds: readonly string[], waveSize: number, waveCount?: number): string[][] {
  if (!Number.isInteger(waveSize) || waveSize < 1) throw new RangeError('A wave needs at least one school.');
  if (waveCount !== undefined && (!Number.isInteger(waveCount) || waveCount < 0)) throw new RangeError('The number of waves must be a whole number, 0 or more.');
  const waves: string[][] = [];
  for (let i = 0; i < rankedIds.length && (waveCount === undefined || waves.length < waveCount); i += waveSize) {
    waves.push(rankedIds.slice(i, i + waveSize));
  }
  return waves;
}

/** Where a school sits on the need/readiness grid; 50 and above counts as high need / ready. Null when either score is unknown. */
export function quadrant(need: number | null, readiness: number | null): Quadrant | null {
  if (need === null || readiness === null) return null;
  const highNeed = need >= 50;
  const ready = readiness >= 50;
  if (highNeed) return ready ? 'high need, ready' : 'high need, not yet ready';
  return ready ? 'lower need, ready' : 'lower need, not yet ready';
}

/** How many schools a wave takes: a number, or every school still left. */
export type WaveSize = number | 'rest';

/**
 * Waves proposed one after another, each from the schools still left, ranked by its own
 * slider: wave 1 (a pilot that prioritizes readiness, say) takes the top of the ranking for its
 * slider, wave 2 the top of the rest for its slider, and so on. `waveSize` is one size for
 * every wave, or a size per wave ("the rest" takes every school left). Schools left over stay out.
 */
export function proposeWavesBySlider(scores: readonly SchoolScore[], sliders: readonly number[], waveSize: number | readonly WaveSize[]): string[][] {
  const sizes = typeof waveSize === 'number' ? sliders.map(() => waveSize) : waveSize;
  if (sizes.length !== sliders.length) throw new RangeError('Every wave needs a size.');
  if (sizes.some((s) => s !== 'rest' && (!Number.isInteger(s) || s < 1))) throw new RangeError('A wave needs at least one school.');
  let left = [...scores];
  return sliders.map((slider, i) => {
    const size = sizes[i] ?? 0;
    const wave = rankSchools(left, slider).slice(0, size === 'rest' ? undefined : size);
    const taken = new Set(wave);
    left = left.filter((s) => !taken.has(s.id));
    return wave;
  });
}
