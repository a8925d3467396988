import { useMemo } from 'react';
import { scoringInput } from '../../domain/indicators';
import { scoreSchools, type SchoolScore } from '../../domain/school-scoring';
import type { IndicatorRow, School } from '../../domain/schemas';

/** Need and readiness (0–100) for every school, by school id; recomputed when schools or indicators change. */
export function useSchoolScores(schools: readonly School[], indicators: readonly IndicatorRow[]): Map<string, SchoolScore> {
  return useMemo(() => {
    const input = scoringInput(indicators, schools);
    return new Map(scoreSchools(input.schools, input.indicators).map((s) => [s.id, s]));
  }, [schools, indicators]);
}
