/**
 * The plan file (`<name>.roadmap.json`): a versioned, pretty-printed JSON document holding one
 * plan and all its records with their ids, so a file exported today imports to the identical
 * plan years from now. Reading validates everything and reports every problem with where it
 * is; nothing is written unless the whole file is good.
 */
import { z } from 'zod';
import { allocationSchema, fundingSourceSchema, indicatorSchema, schoolSchema, waveSchema, CHILD_COLLECTIONS, isoDateSchema, milestoneSchema, outcomeSchema, positionSchema, stanceSchema, areaSchema, phaseSchema, planSchema, timestampSchema, type PlanBundle } from './schemas';
import { phaseDateProblem } from './phase-rules';
import { MIGRATIONS } from './plan-file-migrations';
import { safeFileStem } from './file-names';
import { journalEntrySchema, type JournalEntry } from './journal';

export const PLAN_FILE_FORMAT = 'roadmap-planner.plan';
export const PLAN_FILE_VERSION = 5;
export const PLAN_FILE_EXTENSION = '.roadmap.json';

export const planFileSchema = z.object({
  format: z.literal(PLAN_FILE_FORMAT),
  formatVersion: z.literal(PLAN_FILE_VERSION),
  exportedAt: timestampSchema,
  app: z.object({ name: z.string(), version: z.string() }),
  plan: planSchema,
  phases: z.array(phaseSchema),
  areas: z.array(areaSchema),
  stances: z.array(stanceSchema),
  positions: z.array(positionSchema),
  milestones: z.array(milestoneSchema),
  outcomes: z.array(outcomeSchema),
  indicators: z.array(indicatorSchema),
  schools: z.array(schoolSchema),
  waves: z.array(waveSchema),
  fundingSources: z.array(fundingSourceSchema),
  allocations: z.array(allocationSchema),
  /**
   * The plan's history, in a file saved "with history": its journal, and its revisions (each
   * read on its own when imported, so one damaged revision never stops the plan). Absent in a
   * file saved without it.
   */
  journal: z.array(journalEntrySchema).optional(),
  revisions: z.array(z.unknown()).optional(),
});
export type PlanFile = z.infer<typeof planFileSchema>;

/** The history a plan file can carry beside the plan: revisions as the file holds them, and the journal. */
export interface PlanFileHistory {
  journal: JournalEntry[];
  revisions: unknown[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FileProblem {
  /** Where in the file, in words: "Phase 2 “Expand” › end". Empty for the whole file. */
  where: string;
  message: string;
}

export type ReadPlanFileResult =
  | { ok: true; file: PlanFile }
  | { ok: false; summary: string; problems: FileProblem[] };

export function planFileName(planName: string): string {
  return `${safeFileStem(planName)}${PLAN_FILE_EXTENSION}`;
}

export function serializePlanFile(bundle: PlanBundle, app: { name: string; version: string }, exportedAt: string, history?: PlanFileHistory): string {
  const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);
  // Parsing rebuilds every object in schema key order, so the same plan always prints the same.
  const file = planFileSchema.parse({
    format: PLAN_FILE_FORMAT,
    formatVersion: PLAN_FILE_VERSION,
    exportedAt,
    app,
    plan: bundle.plan,
    phases: byOrder(bundle.phases),
    areas: byOrder(bundle.areas),
    stances: sortBy(bundle.stances, (s) => `${s.areaId}|${s.phaseId}`),
    positions: sortBy(bundle.positions, (p) => `${p.phaseId}|${p.decision}`),
    milestones: sortBy(bundle.milestones, (m) => `${m.date}|${m.id}`),
    outcomes: byOrder(bundle.outcomes),
    indicators: byOrder(bundle.indicators),
    schools: byOrder(bundle.schools),
    waves: byOrder(bundle.waves),
    fundingSources: byOrder(bundle.fundingSources),
    allocations: sortBy(bundle.allocations, (a) => `${a.phaseId}|${a.id}`),
    ...(history ? { journal: sortBy(history.journal, (e) => `${e.date}|${e.createdAt}|${e.id}`), revisions: history.revisions } : {}),
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sortBy<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function readPlanFile(text: string): ReadPlanFileResult {
  const fail = (summary: string, problems: FileProblem[] = []): ReadPlanFileResult => ({ ok: false, summary, problems });
  if (text.trim() === '') return fail('The file is empty.');

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`The file is not valid JSON${jsonErrorLocation(text, error)}. It may be damaged or cut short.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('This is not a Roadmap Planner plan file: it holds no plan.');
  }
  let record = raw as Record<string, unknown>;
  if (record.format !== PLAN_FILE_FORMAT) {
    return fail(`This is not a Roadmap Planner plan file: it lacks "format": "${PLAN_FILE_FORMAT}".`);
  }
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('The file does not say which format version it uses ("formatVersion" is missing or not a whole number).');
  }
  if (version > PLAN_FILE_VERSION) {
    return fail(`This plan was saved by a newer version of Roadmap Planner (file format ${version}; this version reads up to ${PLAN_FILE_VERSION}). Update the app to open it.`);
  }
  for (let v = version; v < PLAN_FILE_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) return fail(`File format ${version} cannot be upgraded: no upgrade from version ${v}.`);
    record = step(record);
  }

  // Report every problem at once: shape problems from the schema, then rules across records.
  const parsed = planFileSchema.safeParse(record);
  const problems: FileProblem[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({
    where: describePath(record, issue.path),
    message: issue.message,
  }));
  problems.push(...crossRecordProblems(record));
  if (!parsed.success || problems.length > 0) return fail('The plan file has problems; nothing was imported.', problems);
  return { ok: true, file: parsed.data };
}

export function bundleFromFile(file: PlanFile): PlanBundle {
  const { format: _format, formatVersion: _version, exportedAt: _exportedAt, app: _app, journal: _journal, revisions: _revisions, ...bundle } = file;
  return bundle;
}

/** Rules that span records, checked on whatever parts of the file are well-formed enough to read. */
function crossRecordProblems(file: Record<string, unknown>): FileProblem[] {
  const problems: FileProblem[] = [];
  const plan = file.plan as { id?: unknown } | undefined;
  const planId = typeof plan?.id === 'string' ? plan.id : undefined;
  const seen = new Set<string>(planId ? [planId] : []);
  const rowsOf = (key: string): Record<string, unknown>[] => (Array.isArray(file[key]) ? (file[key] as unknown[]).filter(isRecord) : []);
  const idsOf = (key: string) => new Set(rowsOf(key).map((r) => r.id).filter((id): id is string => typeof id === 'string'));
  const phaseIds = idsOf('phases');
  const areaIds = idsOf('areas');
  const indicatorIds = idsOf('indicators');
  const schoolIds = idsOf('schools');
  const waveIds = idsOf('waves');
  const sourceIds = idsOf('fundingSources');
  const pairs = new Set<string>();
  for (const key of CHILD_COLLECTIONS) {
    const rows = file[key];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, index) => {
      if (!isRecord(row)) return;
      const { id, planId: rowPlanId, start, end } = row;
      const where = describePath(file, [key, index]);
      const missing = (field: string, what: string, ids: Set<string>) => {
        const value = row[field];
        if (typeof value === 'string' && !ids.has(value)) problems.push({ where: `${where} › ${field}`, message: `names ${what} that is not in this file.` });
      };
      if (planId && typeof rowPlanId === 'string' && rowPlanId !== planId) problems.push({ where: `${where} › planId`, message: 'belongs to a different plan than the one in this file.' });
      if (typeof id === 'string' && seen.has(id)) problems.push({ where: `${where} › id`, message: `repeats the id ${id}; every record needs its own.` });
      if (typeof id === 'string') seen.add(id);
      if (key === 'phases' && isoDateSchema.safeParse(start).success && isoDateSchema.safeParse(end).success) {
        const problem = phaseDateProblem(start as string, end as string);
        if (problem) problems.push({ where: `${where} › ${problem.field}`, message: `${problem.message.replace(/\.$/, '')}; it is ${String(end)}.` });
      }
      if (key === 'stances' || key === 'positions' || key === 'milestones') missing('phaseId', 'a phase', phaseIds);
      if (key === 'stances') missing('areaId', 'an area', areaIds);
      if (key === 'waves' || key === 'allocations') missing('phaseId', 'a phase', phaseIds);
      if (key === 'schools') missing('waveId', 'a wave', waveIds);
      if (key === 'allocations') {
        missing('sourceId', 'a funding source', sourceIds);
        missing('areaId', 'an area', areaIds);
        const recipient = isRecord(row.recipient) ? row.recipient : {};
        if (typeof recipient.waveId === 'string' && !waveIds.has(recipient.waveId)) problems.push({ where: `${where} › recipient`, message: 'names a wave that is not in this file.' });
        if (typeof recipient.schoolId === 'string' && !schoolIds.has(recipient.schoolId)) problems.push({ where: `${where} › recipient`, message: 'names a school that is not in this file.' });
      }
      if (key === 'fundingSources' && isoDateSchema.safeParse(start).success && isoDateSchema.safeParse(end).success && String(end) < String(start)) {
        problems.push({ where: `${where} › end`, message: `must be on or after the start (${String(start)}); it is ${String(end)}.` });
      }
      if (key === 'schools' && isRecord(row.values)) {
        for (const indicatorId of Object.keys(row.values)) {
          if (!indicatorIds.has(indicatorId)) problems.push({ where: `${where} › values`, message: `has a value for an indicator that is not in this file (${indicatorId}).` });
        }
      }
      // Only ids and numbers make a pair: anything else is already a problem of its type, and
      // String() of a deeply nested array overflows the stack (found by the fuzz suite).
      const parts = key === 'stances' ? ['s', row.areaId, row.phaseId] : key === 'positions' ? ['p', row.phaseId, row.decision] : [];
      if (parts.length > 0 && parts.every((part) => typeof part === 'string' || typeof part === 'number')) {
        const pair = parts.join('|');
        if (pairs.has(pair)) problems.push({ where, message: key === 'stances' ? 'repeats the stance of an area in a phase; each area has one stance per phase.' : 'repeats the position on a decision in a phase; each decision has one position per phase.' });
        pairs.add(pair);
      }
      if (key === 'outcomes' && Array.isArray(row.targets)) {
        row.targets.forEach((t: unknown, i) => {
          if (isRecord(t) && typeof t.phaseId === 'string' && !phaseIds.has(t.phaseId)) problems.push({ where: `${where} › targets › ${i + 1}`, message: 'names a phase that is not in this file.' });
        });
      }
    });
  }
  rowsOf('journal').forEach((row, index) => {
    const where = describePath(file, ['journal', index]);
    if (planId && typeof row.planId === 'string' && row.planId !== planId) problems.push({ where: `${where} › planId`, message: 'belongs to a different plan than the one in this file.' });
    if (typeof row.id === 'string' && seen.has(row.id)) problems.push({ where: `${where} › id`, message: `repeats the id ${row.id}; every record needs its own.` });
    if (typeof row.id === 'string') seen.add(row.id);
  });
  return problems;
}

const COLLECTION_LABELS: Record<string, string> = {
  phases: 'Phase', areas: 'Area', stances: 'Stance', positions: 'Position', milestones: 'Milestone', outcomes: 'Outcome',
  indicators: 'Indicator', schools: 'School', waves: 'Wave', fundingSources: 'Funding source', allocations: 'Allocation',
  journal: 'Journal entry', revisions: 'Revision',
};

/** Turns a zod path into words: ['phases', 1, 'end'] → 'Phase 2 “Expand” › end'. */
function describePath(root: Record<string, unknown>, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  path.forEach((key, i) => {
    const collection = i > 0 ? path[i - 1] : undefined;
    if (typeof key === 'number' && typeof collection === 'string') {
      const item = Array.isArray(node) ? (node[key] as unknown) : undefined;
      const name = typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' ? ` “${(item as { name: string }).name}”` : '';
      const label = COLLECTION_LABELS[collection] ?? collection;
      if (parts.at(-1) === collection) parts.pop();
      parts.push(`${label} ${key + 1}${name}`);
    } else {
      parts.push(String(key));
    }
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  });
  return parts.join(' › ');
}

function jsonErrorLocation(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (!match?.[1]) return '';
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
