import { formatNumber } from '../../domain/numbers';
import type { School, Wave } from '../../domain/schemas';
import { plural } from '../../domain/words';

/** A score as shown: a whole number out of 100, or a dash when unknown. */
export const scoreText = (score: number | null | undefined) => (score === null || score === undefined ? '—' : String(Math.round(score)));

export const percentText = (value: number | null) => (value === null ? '—' : `${formatNumber(Math.round(value * 10) / 10)}%`);

export const countText = (value: number) => value.toLocaleString('en-US');

/** The name of a school's wave, or "No wave". */
export function waveNameOf(waves: readonly Wave[], waveId: string | null): string {
  return waveId === null ? 'No wave' : waves.find((w) => w.id === waveId)?.name ?? 'No wave';
}

/** "12 schools · 4,310 students". */
export function schoolsSummary(schools: readonly Pick<School, 'students'>[]): string {
  return `${plural(schools.length, 'school')} · ${plural(schools.reduce((sum, s) => sum + s.students, 0), 'student')}`;
}

