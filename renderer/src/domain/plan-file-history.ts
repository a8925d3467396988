/**
 * Revisions in a plan file saved "with history". Each revision is its metadata and its saved
 * state, the gzipped plan file text as base64. Reading one checks all of it (the bytes unzip,
 * the text is a plan file of this plan); a revision that fails is named and left out, and the
 * plan and the other revisions import as they are.
 */
import { z } from 'zod';
import { format, parseISO } from 'date-fns';
import { gunzipText } from './gzip-text';
import { PLAN_FILE_VERSION, readPlanFile } from './plan-file';
import { revisionSchema, type Revision } from './revisions';

/** A revision as a plan file holds it. Its plan is the file's; its sizes are worked out again on import. */
export const fileRevisionSchema = revisionSchema.omit({ planId: true, sizeBytes: true, planBytes: true }).extend({
  /** The revision's plan file text, gzipped, in base64. */
  data: z.string(),
});
export type FileRevision = z.infer<typeof fileRevisionSchema>;

/** A revision with its saved state, as storage keeps it. */
export interface StoredRevision {
  revision: Revision;
  bytes: Uint8Array;
}

export function toFileRevision({ revision, bytes }: StoredRevision): FileRevision {
  const { planId: _planId, sizeBytes: _size, planBytes: _planBytes, ...meta } = revision;
  return { ...meta, data: bytesToBase64(bytes) };
}

export interface ReadHistory {
  revisions: StoredRevision[];
  /** The revisions that could not be read, each in words: “Pilot gate” of Mar 3, 2027: its data is damaged. */
  unreadable: string[];
}

/** Reads the revisions a plan file carries for plan `planId`, each on its own. */
export async function readFileRevisions(
  raw: readonly unknown[],
  planId: string,
  options: { onProgress?: (checked: number, total: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<ReadHistory> {
  const revisions: StoredRevision[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  for (const [index, item] of raw.entries()) {
    // Each revision is a whole plan to unzip and check: a long history takes seconds, so the
    // caller hears how far it is, and can stop.
    options.signal?.throwIfAborted();
    if (index > 0) await options.onProgress?.(index, raw.length);
    options.signal?.throwIfAborted();
    const parsed = fileRevisionSchema.safeParse(item);
    const label = describe(item, index);
    if (!parsed.success) {
      unreadable.push(`${label}: its details are incomplete or wrong (${parsed.error.issues[0]?.path.join(' › ') || 'revision'} ${parsed.error.issues[0]?.message ?? ''}).`);
      continue;
    }
    const { data, ...meta } = parsed.data;
    if (seen.has(meta.id)) {
      unreadable.push(`${label}: it repeats another revision's id.`);
      continue;
    }
    if (meta.formatVersion > PLAN_FILE_VERSION) {
      unreadable.push(`${label}: it was saved by a newer version of Roadmap Planner.`);
      continue;
    }
    const bytes = base64ToBytes(data);
    if (!bytes) {
      unreadable.push(`${label}: its data is damaged.`);
      continue;
    }
    let text: string;
    try {
      text = await gunzipText(bytes);
    } catch {
      unreadable.push(`${label}: its data is damaged.`);
      continue;
    }
    const read = readPlanFile(text);
    if (!read.ok || read.file.plan.id !== planId) {
      unreadable.push(`${label}: its data is not a readable state of this plan.`);
      continue;
    }
    seen.add(meta.id);
    revisions.push({
      revision: { ...meta, planId, sizeBytes: bytes.byteLength, planBytes: new TextEncoder().encode(text).byteLength, formatVersion: read.file.formatVersion },
      bytes,
    });
  }
  return { revisions, unreadable };
}

/** A revision in a message, from whatever of it can be read: “Pilot gate” of Mar 3, 2027, or Revision 4. */
function describe(item: unknown, index: number): string {
  const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const name = typeof record.name === 'string' && record.name.trim() !== '' ? `“${record.name.trim().slice(0, 80)}”` : `Revision ${index + 1}`;
  const when = typeof record.createdAt === 'string' ? parseISO(record.createdAt) : null;
  return when && !Number.isNaN(when.getTime()) ? `${name} of ${format(when, 'MMM d, yyyy')}` : name;
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of a base64 text, or null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
