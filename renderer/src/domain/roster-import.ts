/**
 * From a parsed roster to what the store writes: which column feeds which field or indicator
 * (the planner's choices, first guessed), fixes typed over bad cells, and the schools and new
 * indicators to import. Pure, so the import dialog and its tests share one path.
 */
import { newId } from './ids';
import { guessIndicator, outsideRange, rangeText, sameIndicatorName, type IndicatorGuess } from './indicators';
import { formatNumber } from './numbers';
import { isKnownHeader, rowPlace, suggestMapping, validateRoster, type ParsedCsv, type RosterField, type RosterMapping, type RosterResult } from './roster-csv';
import { NAME_MAX, SCHOOL_CODE_MAX, STUDENTS_MAX, type IndicatorRow, type School, type Wave } from './schemas';

/** What one column is read as: a field, one of the plan's indicators, a new indicator, or nothing. */
export type ColumnChoice = RosterField | 'new-indicator' | 'ignore' | `indicator:${string}`;

/** Cell texts typed over the file's, by line and then column index. */
export type RosterFixes = Readonly<Record<number, Readonly<Record<number, string>>>>;

export type NewIndicator = Omit<IndicatorRow, 'order'>;

/** How each column read as a new indicator counts (side, direction, stated range, unit), by column index. */
export type NewIndicatorSettings = Readonly<Record<number, IndicatorGuess>>;
export type ImportSchool = Omit<School, 'id' | 'planId' | 'order'>;

const indicatorId = (choice: ColumnChoice): string | null => (choice.startsWith('indicator:') ? choice.slice('indicator:'.length) : null);

/**
 * The guessed choices: fields by header name, number columns to the indicator of the same name,
 * or a new one. A column named exactly like one of the plan's indicators feeds it, even where its
 * name is close to a field's ("Enrollment growth") or it has no values yet, unless it is a
 * field's usual name; a column
 * named like an indicator read from a school field (FRL) is not imported again as an indicator
 * (the plan's own workbook has such columns).
 */
export function guessChoices(parsed: ParsedCsv, indicators: readonly IndicatorRow[]): ColumnChoice[] {
  const own = indicators.filter((i) => i.source === 'value');
  const fromFields = indicators.filter((i) => i.source !== 'value');
  const taken = new Set<string>();
  return suggestMapping(parsed.header, parsed.rows).map((target, index): ColumnChoice => {
    const header = parsed.header[index] ?? '';
    if (target !== 'indicator' && target !== 'ignore' && isKnownHeader(header)) return target;
    const match = own.find((i) => !taken.has(i.id) && sameIndicatorName(i.name, header));
    if (match) {
      taken.add(match.id);
      return `indicator:${match.id}`;
    }
    if (target !== 'indicator') return target;
    return fromFields.some((i) => sameIndicatorName(i.name, header)) ? 'ignore' : 'new-indicator';
  });
}

/** Every column's guessed side, direction and range, for when the planner reads it as a new indicator. */
export function guessNewIndicators(parsed: ParsedCsv): NewIndicatorSettings {
  return Object.fromEntries(parsed.header.map((header, index) => [index, guessIndicator(header)]));
}

export function mappingOf(choices: readonly ColumnChoice[]): RosterMapping {
  return choices.map((c) => (c === 'new-indicator' || c.startsWith('indicator:') ? 'indicator' : (c as RosterField | 'ignore')));
}

/** The file with the planner's fixes written over its cells. */
export function withFixes(parsed: ParsedCsv, fixes: RosterFixes): ParsedCsv {
  if (Object.keys(fixes).length === 0) return parsed;
  return {
    ...parsed,
    rows: parsed.rows.map((row) => {
      const fix = fixes[row.line];
      if (!fix) return row;
      const cells = [...row.cells];
      for (const [index, text] of Object.entries(fix)) cells[Number(index)] = text;
      return { ...row, cells };
    }),
  };
}

/**
 * Checks the fixed file against the choices, and each wave named in it against the plan's waves
 * (`waves`): a name the plan does not have is a problem on its row.
 */
export function checkRoster(parsed: ParsedCsv, choices: readonly ColumnChoice[], fixes: RosterFixes = {}, waves: readonly Pick<Wave, 'id' | 'name'>[] = []): RosterResult {
  const problems: RosterResult['problems'] = [];
  const seen = new Map<string, number>();
  choices.forEach((choice, index) => {
    const id = indicatorId(choice);
    if (id === null) return;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ line: parsed.headerLine, column: parsed.header[index] ?? '', message: `“${parsed.header[first] ?? ''}” and “${parsed.header[index] ?? ''}” both feed the same indicator; choose one.` });
    }
    seen.set(id, index);
  });
  const result = validateRoster(withFixes(parsed, fixes), mappingOf(choices));
  if (problems.length > 0) return { ...result, schools: [], lines: [], problems: [...problems, ...result.problems] };
  return withinLimits(result, parsed, choices, waves);
}

const waveKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** "“Wave 9” is not a wave in this plan (its waves: Wave 1, Wave 2)." */
function unknownWave(name: string, waves: readonly Pick<Wave, 'name'>[]): string {
  const known = waves.length === 0 ? 'the plan has no waves yet' : `its waves: ${waves.map((w) => w.name).join(', ')}`;
  return `“${name}” is not a wave in this plan (${known}). Correct the name, or clear it to keep the school’s wave.`;
}

/**
 * Moves schools that the app could not store (a name too long, too many students, a wave the
 * plan does not have) to the problems, with their line; the others get their wave's id.
 */
function withinLimits(result: RosterResult, parsed: ParsedCsv, choices: readonly ColumnChoice[], waves: readonly Pick<Wave, 'id' | 'name'>[]): RosterResult {
  const waveIds = new Map(waves.map((w) => [waveKey(w.name), w.id]));
  const columnOf = (field: RosterField) => parsed.header[choices.indexOf(field)] ?? field;
  const limits: { field: RosterField; problem: (s: RosterResult['schools'][number]) => string | null }[] = [
    { field: 'name', problem: (s) => (s.name.length > NAME_MAX ? `the name is longer than ${NAME_MAX} characters.` : null) },
    { field: 'code', problem: (s) => (s.code.length > SCHOOL_CODE_MAX ? `the code is longer than ${SCHOOL_CODE_MAX} characters.` : null) },
    { field: 'gradeBand', problem: (s) => (s.gradeBand.length > 20 ? 'the grade band is longer than 20 characters.' : null) },
    { field: 'students', problem: (s) => (s.students > STUDENTS_MAX ? `${s.students.toLocaleString('en-US')} is more than ${STUDENTS_MAX.toLocaleString('en-US')} students.` : null) },
    { field: 'wave', problem: (s) => (s.wave && !waveIds.has(waveKey(s.wave)) ? unknownWave(s.wave, waves) : null) },
  ];
  const schools: RosterResult['schools'] = [];
  const lines: number[] = [];
  const problems = [...result.problems];
  result.schools.forEach((school, i) => {
    const line = result.lines[i] ?? 0;
    const found = limits.flatMap(({ field, problem }) => {
      const message = problem(school);
      return message ? [{ line, column: columnOf(field), message: `${rowPlace(parsed, line)}, ${columnOf(field)}: ${message}` }] : [];
    });
    if (found.length > 0) problems.push(...found);
    else {
      const waveId = school.wave ? waveIds.get(waveKey(school.wave)) : undefined;
      schools.push(waveId === undefined ? school : { ...school, waveId });
      lines.push(line);
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { ...result, schools, lines, problems };
}

/** A value outside the stated range of the indicator its column feeds: importable, but worth a look. */
export interface RangeWarning {
  line: number;
  /** The column's index in the file and its header. */
  index: number;
  column: string;
  message: string;
}

/** The stated range a column's values are checked against: its indicator's, or the one set for a new indicator. */
function columnRange(choice: ColumnChoice, index: number, indicators: readonly IndicatorRow[], settings: NewIndicatorSettings) {
  const id = indicatorId(choice);
  if (id !== null) return indicators.find((i) => i.id === id)?.range ?? null;
  return choice === 'new-indicator' ? settings[index]?.range ?? null : null;
}

/** "Line 12, Staff Readiness Survey (1-5): 10 is outside 1–5." for every imported value outside its stated range. */
export function rangeWarnings(
  result: RosterResult, choices: readonly ColumnChoice[], parsed: ParsedCsv, indicators: readonly IndicatorRow[], settings: NewIndicatorSettings = {},
): RangeWarning[] {
  const warnings: RangeWarning[] = [];
  for (const { index, key } of result.indicatorColumns) {
    const range = columnRange(choices[index] ?? 'ignore', index, indicators, settings);
    if (!range) continue;
    const column = parsed.header[index] || `Column ${index + 1}`;
    result.schools.forEach((school, i) => {
      const value = school.indicators[key];
      const line = result.lines[i] ?? 0;
      if (outsideRange(value, range)) warnings.push({ line, index, column, message: `${rowPlace(parsed, line)}, ${column}: ${formatNumber(value as number)} is outside ${rangeText(range)}.` });
    });
  }
  return warnings.sort((a, b) => a.line - b.line || a.index - b.index);
}

/**
 * The schools and new indicators to write. Columns read as a new indicator are named after
 * their header and count as the settings say (guessed from the header when not given), with
 * weight 0, so they change no score until the planner weighs them.
 */
export function importRecords(
  result: RosterResult, choices: readonly ColumnChoice[], parsed: ParsedCsv, planId: string, indicators: readonly IndicatorRow[], settings: NewIndicatorSettings = {},
): { schools: ImportSchool[]; newIndicators: NewIndicator[] } {
  const known = new Set(indicators.map((i) => i.id));
  const newIndicators: NewIndicator[] = [];
  const idByKey = new Map<string, string>();
  for (const { index, key } of result.indicatorColumns) {
    const choice = choices[index] ?? 'ignore';
    const existing = indicatorId(choice);
    if (existing !== null && known.has(existing)) {
      idByKey.set(key, existing);
    } else {
      const id = newId();
      const name = (parsed.header[index] ?? key).trim().slice(0, 120) || key;
      const { side, direction, range, unit } = settings[index] ?? guessIndicator(name);
      newIndicators.push({ id, planId, name, side, weight: 0, direction, source: 'value', unit: unit.slice(0, 40), range });
      idByKey.set(key, id);
    }
  }
  const schools = result.schools.map((s): ImportSchool => ({
    name: s.name,
    code: s.code,
    gradeBand: s.gradeBand,
    students: s.students,
    frlPercent: s.frlPercent,
    values: Object.fromEntries(Object.entries(s.indicators).flatMap(([key, value]) => {
      const id = idByKey.get(key);
      return id === undefined || value === null ? [] : [[id, value]];
    })),
    waveId: s.waveId ?? null,
  }));
  return { schools, newIndicators };
}

/**
 * The school in the plan a roster row is for: the one with its code, or else the one with its
 * name (both ignoring case and spaces around them). Undefined for a new school.
 */
export function rosterMatcher<S extends Pick<School, 'code' | 'name'>>(existing: readonly S[]): (row: Pick<School, 'code' | 'name'>) => S | undefined {
  const key = (text: string) => text.trim().toLowerCase();
  const byCode = new Map(existing.filter((s) => key(s.code) !== '').map((s) => [key(s.code), s]));
  const byName = new Map(existing.map((s) => [key(s.name), s]));
  return (row) => (key(row.code) !== '' ? byCode.get(key(row.code)) : undefined) ?? byName.get(key(row.name));
}

/**
 * A school already in the plan, as a roster row updates it: name and students always, and its
 * code, grade band, FRL share and wave where the file has them. A blank cell or a column the
 * file does not have keeps what the plan holds (as a blank indicator value does).
 */
export function rosterUpdate<S extends School>(school: S, row: ImportSchool): S {
  return {
    ...school,
    name: row.name,
    students: row.students,
    ...(row.code.trim() !== '' ? { code: row.code } : {}),
    ...(row.gradeBand.trim() !== '' ? { gradeBand: row.gradeBand } : {}),
    ...(row.frlPercent !== null ? { frlPercent: row.frlPercent } : {}),
    ...(row.waveId !== null ? { waveId: row.waveId } : {}),
    values: { ...school.values, ...row.values },
  };
}
