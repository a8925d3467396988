/**
 * Automatic backups of every plan, kept by the main process as plan files in a `Backups` folder
 * beside the app's data, one subfolder per plan: `Backups/<plan id>/<time> <plan name>.roadmap.json`.
 * A district's roadmap is years of work on one laptop; if the browser profile inside the app's
 * data is damaged or cleared, these files are what is left, and a planner (or IT) can find them
 * in a file manager by date and name.
 *
 * Each backup is written whole or not at all (atomic write: temporary file, flush, rename), and
 * old ones are rotated out by `backupsToKeep`. Nothing here trusts the renderer: plan ids and
 * file names are checked against strict patterns, and a file to read must be a plain file inside
 * the folder.
 */
import { promises as fs, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { describeFileError } from './file-errors';
import { readTextFile } from './read-text-file';

export const BACKUPS_FOLDER_NAME = 'Backups';
/** Plan ids are UUIDs; anything else cannot become a folder name. */
export const PLAN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXTENSION = '.roadmap.json';
/** `2026-11-30T15-09-43.123Z Pilot to scale.roadmap.json`: colons are not allowed on Windows. */
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z (.+)\.roadmap\.json$/;
/** Left behind by a write cut short (a crash, a power cut): see atomic-write.ts. */
const TEMPORARY_NAME = /^\..*\.tmp$/;

/**
 * The main process writes at most one backup of a plan in this time, whatever the renderer asks
 * (it asks at most every 5 minutes). A page gone wrong cannot fill the disk or push the useful
 * backups out of the last ten.
 */
/** Backups are plan files; no larger than the largest plan file the app writes. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export const MIN_BACKUP_INTERVAL_MS = 3 * 60_000;

/** Retention: the last 10, the newest of each of the last 14 days, of each of the last 8 weeks. */
export const KEEP_LAST = 10;
export const KEEP_DAYS = 14;
export const KEEP_WEEKS = 8;

export interface BackupEntry {
  planId: string;
  planName: string;
  /** Relative to the Backups folder: `<plan id>/<file name>`. */
  file: string;
  /** ISO time the backup was written, from its name. */
  savedAt: string;
  bytes: number;
}

/** The calls backups make; tests swap in failing ones (a full disk, a read-only folder, a crash). */
export interface BackupFs extends AtomicWriteFs {
  mkdir: typeof fs.mkdir;
  readdir: (path: string) => Promise<string[]>;
  lstat: (path: string) => Promise<Stats>;
}

const realFs: BackupFs = {
  open: fs.open,
  rename: fs.rename,
  rm: fs.rm,
  mkdir: fs.mkdir,
  readdir: (path) => fs.readdir(path),
  lstat: (path) => fs.lstat(path),
};

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const DAY_MS = 24 * 60 * 60_000;

/** The local calendar day, as a count of days, so "one a day" follows the planner's clock. */
function localDayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** Weeks start on Monday (day 0 of the count, 1 Jan 1970, was a Thursday). */
function localWeekNumber(date: Date): number {
  return Math.floor((localDayNumber(date) + 3) / 7);
}

/**
 * Which backups to keep, newest first: the last 10; the newest of each local day among the last
 * 14 days (today included); the newest of each week (Monday to Sunday) among the last 8 weeks.
 * Pure, so it is tested on its own; pruning with it twice changes nothing the second time.
 */
export function backupsToKeep<T extends { savedAt: string }>(list: readonly T[], now: Date): T[] {
  // Stable: backups with the same time keep their order, so pruning twice gives the same list.
  const sorted = [...list].sort((a, b) => (Date.parse(b.savedAt) || 0) - (Date.parse(a.savedAt) || 0));
  const keep = new Set<T>(sorted.slice(0, KEEP_LAST));
  const today = localDayNumber(now);
  const thisWeek = localWeekNumber(now);
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const backup of sorted) {
    const at = new Date(backup.savedAt);
    if (Number.isNaN(at.getTime())) continue;
    const day = localDayNumber(at);
    if (today - day < KEEP_DAYS && !days.has(day)) {
      days.add(day);
      keep.add(backup);
    }
    const week = localWeekNumber(at);
    if (thisWeek - week < KEEP_WEEKS && !weeks.has(week)) {
      weeks.add(week);
      keep.add(backup);
    }
  }
  return sorted.filter((backup) => keep.has(backup));
}

function nameStem(planName: string): string {
  const stem = [...planName.normalize('NFC')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || '<>:"/\\|?*'.includes(char) ? ' ' : char;
    })
    .join('')
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return stem === '' ? 'Plan' : stem;
}

/** The file name of a backup written at `at`, e.g. `2026-11-30T15-09-43.123Z Pilot.roadmap.json`. */
export function backupFileName(planName: string, at: Date): string {
  return `${at.toISOString().replace(/:/g, '-')} ${nameStem(planName)}${EXTENSION}`;
}

/** The time and plan name a backup's file name carries, or null for a file that is not a backup. */
export function parseBackupFileName(name: string): { savedAt: string; planName: string } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, planName] = match;
  const savedAt = `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
  if (Number.isNaN(Date.parse(savedAt))) return null;
  return { savedAt, planName: planName ?? '' };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export interface BackupStoreOptions {
  /** The `Backups` folder: `app.getPath('userData')/Backups`. */
  root: string;
  fileSystem?: BackupFs;
  now?: () => Date;
}

export type WriteBackupResult =
  | { status: 'saved'; file: string; savedAt: string; removed: string[] }
  | { status: 'too-soon'; nextAt: string };

export function createBackupStore({ root, fileSystem = realFs, now = () => new Date() }: BackupStoreOptions) {
  /** Writes to one plan's folder run one after another: rotation never races a write. */
  const queues = new Map<string, Promise<unknown>>();
  function serial<T>(planId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(planId) ?? Promise.resolve();
    const run = previous.then(task, task);
    queues.set(planId, run.catch(() => undefined));
    return run;
  }

  function checkPlanId(planId: string): void {
    if (!PLAN_ID_PATTERN.test(planId)) throw new BackupError(`Refused a backup for “${planId.slice(0, 60)}”: not a plan id.`);
  }

  async function listFolder(planId: string): Promise<{ entries: BackupEntry[]; temporary: string[] }> {
    const folder = join(root, planId);
    let names: string[];
    try {
      names = await fileSystem.readdir(folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { entries: [], temporary: [] };
      throw error;
    }
    const entries: BackupEntry[] = [];
    const temporary: string[] = [];
    for (const name of names) {
      if (TEMPORARY_NAME.test(name)) {
        temporary.push(name);
        continue;
      }
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      let stats: Stats;
      try {
        stats = await fileSystem.lstat(join(folder, name));
      } catch {
        continue; // removed meanwhile
      }
      if (!stats.isFile()) continue;
      entries.push({ planId, planName: parsed.planName, file: `${planId}/${name}`, savedAt: parsed.savedAt, bytes: stats.size });
    }
    entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    return { entries, temporary };
  }

  /**
   * Writes a backup of one plan, unless one was written less than MIN_BACKUP_INTERVAL_MS ago,
   * then removes what the retention rule no longer keeps and any temporary file a cut-short
   * write left. A failed write changes nothing: the previous backups stay as they were.
   */
  function write(planId: string, planName: string, content: string): Promise<WriteBackupResult> {
    checkPlanId(planId);
    return serial(planId, async () => {
      const at = now();
      const folder = join(root, planId);
      const fileName = backupFileName(planName, at);
      try {
        const { entries, temporary } = await listFolder(planId);
        const newest = entries[0];
        if (newest) {
          const since = at.getTime() - Date.parse(newest.savedAt);
          if (since >= 0 && since < MIN_BACKUP_INTERVAL_MS) {
            return { status: 'too-soon', nextAt: new Date(Date.parse(newest.savedAt) + MIN_BACKUP_INTERVAL_MS).toISOString() };
          }
        }
        for (const name of temporary) await fileSystem.rm(join(folder, name), { force: true }).catch(() => undefined);
        await fileSystem.mkdir(folder, { recursive: true });
        await writeFileAtomic(join(folder, fileName), content, fileSystem);
        const saved: BackupEntry = { planId, planName, file: `${planId}/${fileName}`, savedAt: at.toISOString(), bytes: Buffer.byteLength(content) };
        const all = [saved, ...entries.filter((entry) => entry.file !== saved.file)];
        const kept = new Set(backupsToKeep(all, at));
        const removed: string[] = [];
        for (const entry of all) {
          if (kept.has(entry)) continue;
          // A backup that cannot be removed now is removed on a later rotation.
          await fileSystem.rm(join(root, entry.file), { force: true }).then(() => removed.push(entry.file), () => undefined);
        }
        return { status: 'saved', file: saved.file, savedAt: saved.savedAt, removed };
      } catch (error) {
        throw new BackupError(describeFileError('save', nameStem(planName), error).replace(/^Could not save/, 'Could not save the backup of'));
      }
    });
  }

  /** Every backup of every plan, newest first. A folder that cannot be read is skipped, not fatal. */
  async function list(): Promise<BackupEntry[]> {
    let folders: string[];
    try {
      folders = await fileSystem.readdir(root);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw new BackupError(describeFileError('open', BACKUPS_FOLDER_NAME, error).replace(/^Could not open/, 'Could not list the backups in'));
    }
    const all: BackupEntry[] = [];
    for (const folder of folders.filter((name) => PLAN_ID_PATTERN.test(name))) {
      try {
        all.push(...(await listFolder(folder)).entries);
      } catch {
        // One unreadable plan folder does not hide the others.
      }
    }
    return all.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /**
   * The text of one backup, named as `list` names it. Anything that is not exactly
   * `<plan id>/<backup name>` inside the folder (a path out of it, a link, a folder) is refused;
   * so is a file that is not a whole JSON document (cut short or overwritten on disk).
   */
  async function read(file: string): Promise<string> {
    const [planId, name, ...rest] = file.split('/');
    const target = resolve(root, file);
    const inside = relative(resolve(root), target);
    if (rest.length > 0 || !planId || !name || !PLAN_ID_PATTERN.test(planId) || !parseBackupFileName(name) || inside.startsWith('..') || inside.split(sep).length !== 2) {
      throw new BackupError(`Refused to read “${file.slice(0, 120)}”: it is not a backup in the Backups folder.`);
    }
    let stats: Stats;
    try {
      stats = await fileSystem.lstat(target);
    } catch (error) {
      throw new BackupError(describeFileError('open', name, error).replace(/^Could not open/, 'Could not open the backup'));
    }
    if (!stats.isFile()) throw new BackupError(`Refused to read “${name}”: it is not a plain file.`);
    let text: string;
    try {
      text = await readTextFile(target, MAX_BACKUP_BYTES);
    } catch (error) {
      throw new BackupError(`The backup “${name}” is damaged: ${error instanceof Error ? error.message : String(error)}.`);
    }
    try {
      JSON.parse(text);
    } catch {
      throw new BackupError(`The backup “${name}” is damaged: it is not a complete plan file (it may have been cut short or changed on disk).`);
    }
    return text;
  }

  return { root, write, list, read };
}

export type BackupStore = ReturnType<typeof createBackupStore>;
