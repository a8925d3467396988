import { intakeText, phaseIntake } from '../../domain/waves';
import type { Phase, School, Wave } from '../../domain/schemas';

/** Per phase, what its waves bring in, in words: "Wave 1: +12 schools, 4,310 students". Phases no wave joins are left out. */
export function intakeByPhase(phases: readonly Phase[], waves: readonly Wave[], schools: readonly School[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const row of phaseIntake(phases, waves, schools)) {
    const text = intakeText(row.joining);
    if (text && row.waves.length > 0) result.set(row.phaseId, `${row.waves.map((w) => w.name).join(', ')}: ${text}`);
  }
  return result;
}
