import { intakeText, phaseIntake } from '../../domain/waves';
import type { Phase, School, Wave } from '../../domain/schemas';

export interface PhaseIntakeText {
  /** "+12 schools, 4,310 students". */
  short: string;
  /** "Wave 1 joins: +12 schools, 4,310 students". */
  full: string;
}

/** Per phase, what its waves bring in, in words. Phases no wave joins are left out. */
export function intakeByPhase(phases: readonly Phase[], waves: readonly Wave[], schools: readonly School[]): Map<string, PhaseIntakeText> {
  const result = new Map<string, PhaseIntakeText>();
  for (const row of phaseIntake(phases, waves, schools)) {
    const text = intakeText(row.joining);
    const names = row.waves.map((w) => w.name);
    if (text && names.length > 0) result.set(row.phaseId, { short: text, full: `${names.join(' and ')} ${names.length === 1 ? 'joins' : 'join'}: ${text}` });
  }
  return result;
}
