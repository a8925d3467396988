/**
 * What waves bring in: schools and students per wave, and per phase (the waves that join in
 * it, and everyone in so far). Pure functions over the plan's records.
 */
import { equityGroup } from './indicators';
import { formatNumber } from './numbers';
import type { IndicatorRow, Phase, School, Wave } from './schemas';
import type { WaveSize } from './school-scoring';
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

// ——— Wave sizes as a planner types them ———

export const MAX_PROPOSED_WAVES = 20;
export const MAX_WAVE_SIZE = 1000;

export type WaveSizesInput = { ok: true; sizes: WaveSize[] } | { ok: false; message: string };

const REST = /^(the )?(rest|remaining|remainder)( schools)?$|^(all|every(one|thing)?)( (the )?(rest|others?|else|remaining))?$|^\*$/;

/**
 * Reads the schools per wave: one whole number ("10", every wave the same, `count` waves), or
 * one entry per wave separated by commas ("5, 15, the rest"), where "the rest" (last only)
 * takes every school still left. Messages say which entry is wrong and how to write it.
 */
export function parseWaveSizes(text: string, count?: number): WaveSizesInput {
  const example = 'like “10” or “5, 15, the rest”';
  const entries = text.split(/[,;]|\bthen\b/i).map((e) => e.trim().toLowerCase().replace(/\s+/g, ' ')).filter((e) => e !== '');
  if (entries.length === 0) return { ok: false, message: `Type how many schools each wave takes, ${example}.` };
  if (entries.length > MAX_PROPOSED_WAVES) return { ok: false, message: `At most ${MAX_PROPOSED_WAVES} waves can be proposed at once.` };
  const sizes: WaveSize[] = [];
  for (const [i, entry] of entries.entries()) {
    const where = entries.length === 1 ? '' : `Wave ${i + 1}: `;
    if (REST.test(entry)) {
      if (i !== entries.length - 1) return { ok: false, message: `${where}“the rest” can only be the last wave.` };
      sizes.push('rest');
      continue;
    }
    const n = Number(entry.replace(/ schools?$/, ''));
    if (!Number.isInteger(n) || n < 1 || n > MAX_WAVE_SIZE) {
      return { ok: false, message: `${where}“${entry}” is not a number of schools: use whole numbers from 1 to ${countWords(MAX_WAVE_SIZE)}, or “the rest”, ${example}.` };
    }
    sizes.push(n);
  }
  if (sizes.length === 1 && count !== undefined) {
    if (!Number.isInteger(count) || count < 1 || count > MAX_PROPOSED_WAVES) return { ok: false, message: `Waves must be a whole number from 1 to ${MAX_PROPOSED_WAVES}.` };
    return { ok: true, sizes: Array.from({ length: sizes[0] === 'rest' ? 1 : count }, () => sizes[0] as WaveSize) };
  }
  return { ok: true, sizes };
}

const countWords = (n: number) => n.toLocaleString('en-US');

/** "5, 15 and the rest". */
export function waveSizesText(sizes: readonly WaveSize[]): string {
  const words = sizes.map((s) => (s === 'rest' ? 'the rest' : String(s)));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

// ——— How a wave compares with the district on equity ———

/** What an equity figure is taken from: the schools' FRL share, or one of the plan's indicators. */
export interface EquityMeasure {
  key: string;
  /** As shown: "FRL", "English Learners". */
  label: string;
  indicatorId: string | null;
  /** Whether the values are percentages (shown with %, compared in points). */
  percent: boolean;
}

/** A wave's share below the district's by more than this many points is said to be well below. */
export const WELL_BELOW_POINTS = 10;

/**
 * The measures a wave is compared with the district on: FRL share (when any school has one)
 * and every indicator whose name names a student group (English learners, students with
 * disabilities …, see `equityGroup`).
 */
export function equityMeasures(indicators: readonly IndicatorRow[], schools: readonly Pick<School, 'frlPercent'>[]): EquityMeasure[] {
  const measures: EquityMeasure[] = [];
  if (schools.some((s) => s.frlPercent !== null)) measures.push({ key: 'frl', label: 'FRL', indicatorId: null, percent: true });
  for (const i of indicators) {
    if (i.source !== 'value' || equityGroup(i.name) === null) continue;
    const label = i.name.replace(/\(.*?\)/g, ' ').replace(/%|\b(percent|pct|share|rate)\b/gi, ' ').replace(/\s+/g, ' ').trim() || i.name;
    const percent = i.unit === '%' || /%|percent|pct|share|rate/i.test(i.name) || (i.range?.min === 0 && i.range.max === 100);
    measures.push({ key: i.id, label, indicatorId: i.id, percent });
  }
  return measures;
}

type EquitySchool = Pick<School, 'students' | 'frlPercent' | 'values'>;

const valueOf = (school: EquitySchool, measure: EquityMeasure) => (measure.indicatorId === null ? school.frlPercent : school.values[measure.indicatorId] ?? null);

/**
 * The share across schools: weighted by students among the schools with a value (a school of
 * 900 counts three times one of 300); a plain mean when none of them has students entered.
 * Null when no school has a value.
 */
export function equityShare(schools: readonly EquitySchool[], measure: EquityMeasure): number | null {
  const known = schools.flatMap((s) => {
    const v = valueOf(s, measure);
    return typeof v === 'number' && Number.isFinite(v) ? [{ v, students: s.students > 0 ? s.students : 0 }] : [];
  });
  if (known.length === 0) return null;
  const students = known.reduce((n, k) => n + k.students, 0);
  if (students === 0) return known.reduce((n, k) => n + k.v, 0) / known.length;
  return known.reduce((n, k) => n + k.v * k.students, 0) / students;
}

export interface EquityFigure {
  measure: EquityMeasure;
  wave: number | null;
  district: number | null;
  /** The wave's share below the district's by more than WELL_BELOW_POINTS. */
  wellBelow: boolean;
  /** "FRL 48% vs district 62%", or "FRL not known" when the wave has no value. */
  text: string;
}

/** A wave's schools against every school of the plan, on each equity measure. */
export function equityFigures(waveSchools: readonly EquitySchool[], districtSchools: readonly EquitySchool[], measures: readonly EquityMeasure[]): EquityFigure[] {
  return measures.map((measure) => {
    const wave = equityShare(waveSchools, measure);
    const district = equityShare(districtSchools, measure);
    const show = (v: number) => `${formatNumber(Math.round(v))}${measure.percent ? '%' : ''}`;
    const wellBelow = wave !== null && district !== null && district - wave > WELL_BELOW_POINTS;
    const text = wave === null ? `${measure.label} not known` : `${measure.label} ${show(wave)}${district === null ? '' : ` vs district ${show(district)}`}`;
    return { measure, wave, district, wellBelow, text };
  });
}

/** "FRL is well below the district (48% against 62%): high-need schools are left out of this wave." or null. */
export function equityWarning(figures: readonly EquityFigure[]): string | null {
  const below = figures.filter((f) => f.wellBelow);
  if (below.length === 0) return null;
  const names = below.map((f) => f.measure.label);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Well below the district on ${list} (more than ${WELL_BELOW_POINTS} points): schools with more of these students are under-represented in this wave.`;
}
