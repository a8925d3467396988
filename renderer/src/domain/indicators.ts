/**
 * The indicators a plan starts with, on each side of decision 3: need (who most needs the
 * work) and readiness (who can make it work first). Planners rename, reweight and add their own.
 */
import { newId } from './ids';
import type { IndicatorRow, School } from './schemas';
import type { Indicator, ScoredSchool } from './school-scoring';

type Suggested = Pick<IndicatorRow, 'name' | 'side' | 'weight' | 'direction' | 'source' | 'unit'>;

export const SUGGESTED_INDICATORS: readonly Suggested[] = [
  { name: 'FRL share', side: 'need', weight: 40, direction: 'higher-is-more', source: 'frlPercent', unit: '%' },
  { name: 'Achievement gap', side: 'need', weight: 30, direction: 'higher-is-more', source: 'value', unit: 'points' },
  { name: 'Chronic absence', side: 'need', weight: 30, direction: 'higher-is-more', source: 'value', unit: '%' },
  { name: 'Leadership commitment', side: 'readiness', weight: 30, direction: 'higher-is-more', source: 'value', unit: '1–5' },
  { name: 'Staff buy-in', side: 'readiness', weight: 30, direction: 'higher-is-more', source: 'value', unit: '%' },
  { name: 'Devices per student', side: 'readiness', weight: 20, direction: 'higher-is-more', source: 'value', unit: '' },
  { name: 'Connectivity', side: 'readiness', weight: 20, direction: 'higher-is-more', source: 'value', unit: '1–5' },
];

export function suggestedIndicators(planId: string, firstOrder = 0): IndicatorRow[] {
  return SUGGESTED_INDICATORS.map((s, i) => ({ ...s, id: newId(), planId, order: firstOrder + i, range: s.unit === '%' ? { min: 0, max: 100 } : s.unit === '1–5' ? { min: 1, max: 5 } : null }));
}

/** The scoring view of the plan's indicators and schools: values keyed by indicator id. */
export function scoringInput(indicators: readonly IndicatorRow[], schools: readonly School[]): { indicators: Indicator[]; schools: ScoredSchool[] } {
  return {
    indicators: indicators.map((i) => ({ key: i.id, label: i.name, side: i.side, weight: i.weight, direction: i.direction })),
    schools: schools.map((s) => ({ id: s.id, name: s.name, students: s.students, values: schoolValues(s, indicators) })),
  };
}

/** A school's value for every indicator, reading FRL share from the school's own field. */
export function schoolValues(school: School, indicators: readonly IndicatorRow[]): Record<string, number | null> {
  return Object.fromEntries(indicators.map((i) => [i.id, i.source === 'frlPercent' ? school.frlPercent : school.values[i.id] ?? null]));
}

/** "Chronic Absence %" and "Chronic absence", or "Leadership Commitment (1-5)" and "Leadership commitment", name the same indicator. */
export function sameIndicatorName(a: string, b: string): boolean {
  const key = (text: string) => text.toLowerCase().replace(/\(.*?\)/g, ' ').replaceAll('%', ' ').replace(/\b(percent|pct|rate|share)\b/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
  return key(a) === key(b);
}
