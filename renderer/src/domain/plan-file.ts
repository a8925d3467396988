/**
 * The plan file (`<name>.roadmap.json`): a versioned, pretty-printed JSON document holding one
 * plan and all its records with their ids, so a file exported today imports to the identical
 * plan years from now. Reading validates everything and reports every problem with where it
 * is; nothing is written unless the whole file is good.
 */
import { z } from 'zod';
import { areaSchema, isoDateSchema, phaseSchema, planSchema, timestampSchema, type PlanBundle } from './schemas';
import { phaseDateProblem } from './phase-rules';

export const PLAN_FILE_FORMAT = 'roadmap-planner.plan';
export const PLAN_FILE_VERSION = 1;
export const PLAN_FILE_EXTENSION = '.roadmap.json';

export const planFileSchema = z.object({
  format: z.literal(PLAN_FILE_FORMAT),
  formatVersion: z.literal(PLAN_FILE_VERSION),
  exportedAt: timestampSchema,
  app: z.object({ name: z.string(), version: z.string() }),
  plan: planSchema,
  phases: z.array(phaseSchema),
  areas: z.array(areaSchema),
});
export type PlanFile = z.infer<typeof planFileSchema>;

/**
 * Upgrades from older format versions, keyed by the version they upgrade from. Each takes the
 * raw object of version N and returns version N + 1. Append only; never edit an old step.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

export interface FileProblem {
  /** Where in the file, in words: "Phase 2 “Expand” › end". Empty for the whole file. */
  where: string;
  message: string;
}

export type ReadPlanFileResult =
  | { ok: true; file: PlanFile }
  | { ok: false; summary: string; problems: FileProblem[] };

export function planFileName(planName: string): string {
  const printable = [...planName].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${safe || 'plan'}${PLAN_FILE_EXTENSION}`;
}

export function serializePlanFile(bundle: PlanBundle, app: { name: string; version: string }, exportedAt: string): string {
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
  });
  return `${JSON.stringify(file, null, 2)}\n`;
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
  return { plan: file.plan, phases: file.phases, areas: file.areas };
}

/** Rules that span records, checked on whatever parts of the file are well-formed enough to read. */
function crossRecordProblems(file: Record<string, unknown>): FileProblem[] {
  const problems: FileProblem[] = [];
  const plan = file.plan as { id?: unknown } | undefined;
  const planId = typeof plan?.id === 'string' ? plan.id : undefined;
  const seen = new Set<string>(planId ? [planId] : []);
  for (const key of ['phases', 'areas'] as const) {
    const rows = file[key];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, index) => {
      if (typeof row !== 'object' || row === null) return;
      const { id, planId: rowPlanId, start, end } = row as Record<string, unknown>;
      const where = describePath(file, [key, index]);
      if (planId && typeof rowPlanId === 'string' && rowPlanId !== planId) problems.push({ where: `${where} › planId`, message: 'belongs to a different plan than the one in this file.' });
      if (typeof id === 'string' && seen.has(id)) problems.push({ where: `${where} › id`, message: `repeats the id ${id}; every record needs its own.` });
      if (typeof id === 'string') seen.add(id);
      if (key === 'phases' && isoDateSchema.safeParse(start).success && isoDateSchema.safeParse(end).success) {
        const problem = phaseDateProblem(start as string, end as string);
        if (problem) problems.push({ where: `${where} › ${problem.field}`, message: `${problem.message.replace(/\.$/, '')}; it is ${String(end)}.` });
      }
    });
  }
  return problems;
}

const COLLECTION_LABELS: Record<string, string> = { phases: 'Phase', areas: 'Area' };

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
