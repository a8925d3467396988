/**
 * What waves bring in: schools and students per wave, and per phase (the waves that join in
 * it, and everyone in so far). Pure functions over the plan's records.
 */
import type { Phase, School, Wave } from './schemas';
import { plural } from './words';

export interface Intake {
  schools: number;
  students: number;
}

/** A wave as far as counting goes; without an order, waves keep the order they are given. */
type WaveLike = Pick<Wave, 'id' | 'phaseId'> & { order?: number };
type SchoolLike = Pick<School, 'waveId' | 'students'>;

export interface PhaseIntake<W extends WaveLike = Wave> {
  phaseId: string;
  /** The waves linked to this phase, in wave order. */
  waves: W[];
  /** What those waves bring in. */
  joining: Intake;
  /** Everyone in by the end of this phase: this phase's waves and those of every earlier phase. */
  total: Intake;
}

const none = (): Intake => ({ schools: 0, students: 0 });

/** Schools and students in each wave, by wave id (every wave present). */
export function waveIntake(waves: readonly Pick<Wave, 'id'>[], schools: readonly SchoolLike[]): Map<string, Intake> {
  const result = new Map(waves.map((w) => [w.id, none()]));
  for (const school of schools) {
    const intake = school.waveId === null ? undefined : result.get(school.waveId);
    if (!intake) continue;
    intake.schools += 1;
    intake.students += school.students;
  }
  return result;
}

/** Per phase, in the planner's phase order: the waves that join in it, what they bring, and the running total. */
export function phaseIntake<W extends WaveLike>(phases: readonly Pick<Phase, 'id' | 'order'>[], waves: readonly W[], schools: readonly SchoolLike[]): PhaseIntake<W>[] {
  const byWave = waveIntake(waves, schools);
  const total = none();
  return [...phases].sort((a, b) => a.order - b.order).map((phase) => {
    const joiningWaves = waves.filter((w) => w.phaseId === phase.id).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const joining = none();
    for (const w of joiningWaves) {
      const intake = byWave.get(w.id) ?? none();
      joining.schools += intake.schools;
      joining.students += intake.students;
    }
    total.schools += joining.schools;
    total.students += joining.students;
    return { phaseId: phase.id, waves: joiningWaves, joining, total: { ...total } };
  });
}

/** "+12 schools, 4,310 students", or null when nothing joins. */
export function intakeText(intake: Intake): string | null {
  if (intake.schools === 0) return null;
  return `+${plural(intake.schools, 'school')}, ${plural(intake.students, 'student')}`;
}

/** The name a new wave takes from its place: "Wave 3" for the third. */
export function waveName(index: number): string {
  return `Wave ${index + 1}`;
}

/**
 * The phase a new wave joins in: the phase at the wave's place (the first wave in the first
 * phase), or the last phase when there are more waves than phases, or none without phases.
 */
export function phaseForNewWave<P extends { id: string }>(index: number, phases: readonly P[]): string | null {
  return phases[index]?.id ?? phases.at(-1)?.id ?? null;
}
