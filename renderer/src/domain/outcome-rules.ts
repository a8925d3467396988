/**
 * Rules for outcome measures, as pure functions: finding the latest result and the target it should be read against, and saying both in words.
 */
import { formatNumber } from './numbers';
import { formatDisplayDate } from './phase-rules';
import type { Outcome, Phase } from './schemas';

export type Actual = Outcome['actuals'][number];
export type Target = Outcome['targets'][number];

/**
 * A value with its unit: "71%" or "71% of students" for percent units, "$160 per student"
 * for dollar units, "12 days" otherwise.
 */
export function formatMeasure(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '') return formatNumber(value);
  if (u.startsWith('$')) return `${value < 0 ? '-' : ''}$${formatNumber(Math.abs(value))}${u.slice(1)}`;
  return u.startsWith('%') ? `${formatNumber(value)}${u}` : `${formatNumber(value)} ${u}`;
}

/** The unit in short, for a second mention: "%" for any percent unit, "$" for any dollar unit. */
export function shortUnit(unit: string): string {
  const u = unit.trim();
  if (u.startsWith('%')) return '%';
  return u.startsWith('$') ? '$' : u;
}

/** The most recent result (the later one on a tie of dates), or null when none has arrived. */
export function latestActual(actuals: readonly Actual[]): Actual | null {
  let latest: Actual | null = null;
  for (const actual of actuals) if (latest === null || actual.date >= latest.date) latest = actual;
  return latest;
}

/** The target for the end of one phase, or null when it has none. */
export function targetFor(targets: readonly Target[], phaseId: string): number | null {
  return targets.find((t) => t.phaseId === phaseId)?.value ?? null;
}

/**
 * The targets with one phase's target set (or removed, for null), in the phases' order;
 * only phases with a value keep an entry.
 */
export function withTarget(targets: readonly Target[], phaseId: string, value: number | null, phaseIds: readonly string[]): Target[] {
  const rest = targets.filter((t) => t.phaseId !== phaseId);
  const next = value === null ? rest : [...rest, { phaseId, value }];
  const rank = (id: string) => {
    const index = phaseIds.indexOf(id);
    return index === -1 ? phaseIds.length : index;
  };
  return next.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t.phaseId) - rank(b.t.phaseId) || a.i - b.i).map(({ t }) => t);
}

/** The results with one more, kept oldest first (after any others of the same date). */
export function withActual(actuals: readonly Actual[], actual: Actual): Actual[] {
  const index = actuals.findIndex((a) => a.date > actual.date);
  return index === -1 ? [...actuals, actual] : [...actuals.slice(0, index), actual, ...actuals.slice(index)];
}

/** The results without the one at `index`. */
export function withoutActual(actuals: readonly Actual[], index: number): Actual[] {
  return actuals.filter((_, i) => i !== index);
}

/**
 * The phase a date belongs to for reading progress: the phase it falls in (first in order),
 * else the next phase to start, else the phase that ended last. Null when there are no phases.
 */
export function currentPhase<P extends Pick<Phase, 'id' | 'start' | 'end'>>(phases: readonly P[], today: string): P | null {
  const within = phases.find((p) => p.start <= today && today <= p.end);
  if (within) return within;
  const upcoming = phases.filter((p) => p.start > today).sort((a, b) => a.start.localeCompare(b.start))[0];
  if (upcoming) return upcoming;
  return [...phases].sort((a, b) => b.end.localeCompare(a.end))[0] ?? null;
}

/**
 * The target to read results against today: the current phase's, else the next phase's that
 * has one, else the last earlier one. Phases are taken in the planner's order.
 */
export function targetToReadAgainst<P extends Pick<Phase, 'id' | 'name' | 'start' | 'end'>>(
  targets: readonly Target[], phases: readonly P[], today: string,
): { phase: P; value: number } | null {
  const current = currentPhase(phases, today);
  if (!current) return null;
  const from = phases.indexOf(current);
  const withValue = (p: P) => {
    const value = targetFor(targets, p.id);
    return value === null ? null : { phase: p, value };
  };
  for (const p of phases.slice(from)) {
    const found = withValue(p);
    if (found) return found;
  }
  for (const p of phases.slice(0, from).reverse()) {
    const found = withValue(p);
    if (found) return found;
  }
  return null;
}

/** How far a result is from a target, in words: "4 points below", "on target", "target met". */
export function gapText(value: number, target: number, unit: string, baseline: number | null): string {
  const diff = value - target;
  if (diff === 0) return 'on target';
  // The direction of success is known when the target moves away from the baseline.
  if (baseline !== null && baseline !== target) {
    const higherIsBetter = target > baseline;
    if (higherIsBetter ? diff > 0 : diff < 0) return 'target met';
  }
  const u = shortUnit(unit);
  const size = u === '%' ? `${formatNumber(Math.abs(diff))} point${Math.abs(diff) === 1 ? '' : 's'}` : formatMeasure(Math.abs(diff), u);
  return `${size} ${diff < 0 ? 'below' : 'above'}`;
}

/**
 * The latest result against the target it should be read against, in one sentence:
 * "Latest: 71% on Mar 3, 2028 — target 75% by the end of Expand (4 points below)."
 */
export function progressText<P extends Pick<Phase, 'id' | 'name' | 'start' | 'end'>>(
  outcome: Pick<Outcome, 'unit' | 'baseline' | 'targets' | 'actuals'>, phases: readonly P[], today: string,
): string {
  const latest = latestActual(outcome.actuals);
  const target = targetToReadAgainst(outcome.targets, phases, today);
  const targetWords = target && `target ${formatMeasure(target.value, shortUnit(outcome.unit))} by the end of ${target.phase.name}`;
  if (!latest) return targetWords ? `No results yet — ${targetWords}.` : 'No results or targets yet.';
  const latestWords = `Latest: ${formatMeasure(latest.value, outcome.unit)} on ${formatDisplayDate(latest.date)}`;
  if (!target || !targetWords) return phases.length === 0 ? `${latestWords}.` : `${latestWords} — no target set yet.`;
  return `${latestWords} — ${targetWords} (${gapText(latest.value, target.value, outcome.unit, outcome.baseline)}).`;
}
