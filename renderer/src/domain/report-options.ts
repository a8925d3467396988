/**
 * What a printed report holds: which sections of the board packet, which phases, and which
 * schools get a brief. Read from and written to the query part of the report's address, so a
 * link names the report exactly. Reading is tolerant: a value it does not know (a section from
 * a later version, a record since deleted) is left out, never an error.
 */

/**
 * The board packet's sections, in the order they print. What changed since approval closes the
 * packet as an appendix, after the journal.
 */
export const PACKET_SECTIONS = ['cover', 'outcomes', 'timeline', 'tight-loose', 'decisions', 'waves', 'money', 'warnings', 'milestones', 'journal', 'changes'] as const;
export type PacketSection = (typeof PACKET_SECTIONS)[number];

export const PACKET_SECTION_LABELS: Record<PacketSection, string> = {
  cover: 'Cover',
  outcomes: 'Vision and outcome measures',
  timeline: 'Roadmap timeline',
  'tight-loose': 'Tight & loose',
  decisions: 'The seven decisions',
  waves: 'Waves and schools',
  money: 'Money by fiscal year',
  warnings: 'Open warnings',
  milestones: 'Milestones and gates',
  journal: 'Journal',
  changes: 'What changed since approval',
};

/**
 * The sections a packet has when none is named. The journal is the plan's inside story: it is
 * shared on purpose, never by default. What changed since approval is in, and prints only when a
 * revision is marked approved (without one the packet leaves it out).
 */
export const DEFAULT_PACKET_SECTIONS: readonly PacketSection[] = PACKET_SECTIONS.filter((s) => s !== 'journal');

/** Which schools get a brief: every school, one wave's, or the ones chosen by id. */
export type SchoolChoice = { kind: 'all' } | { kind: 'wave'; waveId: string } | { kind: 'chosen'; schoolIds: string[] };

export interface ReportOptions {
  /** Packet sections to print, in PACKET_SECTIONS order. */
  sections: PacketSection[];
  /** The phases to cover, or null for all of them. */
  phaseIds: string[] | null;
  schools: SchoolChoice;
  /** The journal section leaves out the entries marked internal (the default); false prints them too. */
  leaveOutInternal: boolean;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { sections: [...DEFAULT_PACKET_SECTIONS], phaseIds: null, schools: { kind: 'all' }, leaveOutInternal: true };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listOf(value: string | null): string[] {
  return value === null ? [] : value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * The options a query names (with or without its leading "?"). Missing or unreadable parts
 * take their defaults: the default sections, every phase, every school, internal journal
 * entries left out (only "internal=include" prints them).
 */
export function parseReportOptions(query: string): ReportOptions {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const named = listOf(params.get('sections'));
  const sections = PACKET_SECTIONS.filter((s) => named.includes(s));
  const phaseIds = unique(listOf(params.get('phases')).filter((id) => ID.test(id)).map((id) => id.toLowerCase()));
  const waveId = params.get('wave')?.trim() ?? '';
  const schoolIds = unique(listOf(params.get('schools')).filter((id) => ID.test(id)).map((id) => id.toLowerCase()));
  let schools: SchoolChoice = { kind: 'all' };
  if (ID.test(waveId)) schools = { kind: 'wave', waveId: waveId.toLowerCase() };
  else if (schoolIds.length > 0) schools = { kind: 'chosen', schoolIds };
  return {
    sections: sections.length > 0 ? sections : [...DEFAULT_PACKET_SECTIONS],
    phaseIds: phaseIds.length > 0 ? phaseIds : null,
    schools,
    leaveOutInternal: params.get('internal')?.trim() !== 'include',
  };
}

/**
 * The query for these options, without the "?": empty when every option is its default, so a
 * plain report has a plain address. Reading it back gives the same options.
 */
export function reportQuery(options: ReportOptions): string {
  const parts: string[] = [];
  const sections = PACKET_SECTIONS.filter((s) => options.sections.includes(s));
  const isDefault = sections.length === DEFAULT_PACKET_SECTIONS.length && sections.every((s) => DEFAULT_PACKET_SECTIONS.includes(s));
  if (sections.length > 0 && !isDefault) parts.push(`sections=${sections.join(',')}`);
  if (options.phaseIds && options.phaseIds.length > 0) parts.push(`phases=${unique(options.phaseIds).join(',')}`);
  if (options.schools.kind === 'wave') parts.push(`wave=${options.schools.waveId}`);
  if (options.schools.kind === 'chosen' && options.schools.schoolIds.length > 0) parts.push(`schools=${unique(options.schools.schoolIds).join(',')}`);
  if (!options.leaveOutInternal) parts.push('internal=include');
  return parts.join('&');
}

/**
 * The phases a report covers, in the plan's order: the chosen ones that still exist, or all
 * of them when none was chosen or none of the chosen is left.
 */
export function reportPhases<P extends { id: string }>(phases: readonly P[], phaseIds: readonly string[] | null): P[] {
  if (!phaseIds) return [...phases];
  const chosen = phases.filter((p) => phaseIds.includes(p.id));
  return chosen.length > 0 ? chosen : [...phases];
}

/**
 * The schools that get a brief, as ids in the plan's school order: every school, the wave's
 * schools, or the chosen ones that still exist. A wave that no longer exists gives none.
 */
export function reportSchoolIds(schools: readonly { id: string; waveId: string | null }[], choice: SchoolChoice): string[] {
  if (choice.kind === 'all') return schools.map((s) => s.id);
  if (choice.kind === 'wave') return schools.filter((s) => s.waveId === choice.waveId).map((s) => s.id);
  return schools.filter((s) => choice.schoolIds.includes(s.id)).map((s) => s.id);
}
