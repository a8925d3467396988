/**
 * Automatic backups against a real temporary folder (no Electron): naming, rotation, and what a
 * crash, a full disk, a read-only folder and a damaged file leave behind.
 */
import { promises as fs, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToKeep,
  createBackupStore,
  KEEP_DAYS,
  KEEP_LAST,
  KEEP_WEEKS,
  MIN_BACKUP_INTERVAL_MS,
  parseBackupFileName,
  type BackupFs,
} from '../../../electron/main/backups';

const PLAN = '6f1c2a9e-3b4d-4c5e-8f70-123456789abc';
const OTHER = '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let root: string;
let clock: Date;
beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'roadmap-backups-')), 'Backups');
  clock = new Date(2026, 10, 30, 12, 0, 0);
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const realFs: BackupFs = { open: fs.open, rename: fs.rename, rm: fs.rm, mkdir: fs.mkdir, readdir: (p) => fs.readdir(p), lstat: (p) => fs.lstat(p) };
const store = (fileSystem: BackupFs = realFs) => createBackupStore({ root, fileSystem, now: () => clock });
const planFile = (n: number) => JSON.stringify({ format: 'roadmap-planner-plan', plan: { name: 'Pilot', n } });
const files = (planId = PLAN) => (existsSync(join(root, planId)) ? readdirSync(join(root, planId)).sort() : []);
const codeError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** Real calls, except that writing stores a few bytes and then fails with `error`; `crash` also skips the clean-up, as a killed process would. */
function failingWrites(error: () => Error, { crash = false } = {}): BackupFs {
  return {
    ...realFs,
    open: (async (path: string, flags: string) => {
      const handle = await fs.open(path, flags);
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: string) => {
              await target.writeFile(data.slice(0, 7));
              throw error();
            };
          }
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as FileHandle;
    }) as BackupFs['open'],
    rm: crash ? (async () => undefined) as BackupFs['rm'] : realFs.rm,
  };
}

describe('backup file names', () => {
  it('carry the time and the plan name, readable in a file manager and safe on every system', () => {
    const at = new Date(Date.UTC(2026, 10, 30, 15, 9, 43, 123));
    expect(backupFileName('Pilot to scale', at)).toBe('2026-11-30T15-09-43.123Z Pilot to scale.roadmap.json');
    expect(backupFileName('2025/26: rollout <draft>', at)).toBe('2026-11-30T15-09-43.123Z 2025 26 rollout draft.roadmap.json');
    expect(backupFileName('...', at)).toBe('2026-11-30T15-09-43.123Z Plan.roadmap.json');
    expect(parseBackupFileName(backupFileName('Pilot to scale', at))).toEqual({ savedAt: at.toISOString(), planName: 'Pilot to scale' });
    expect(parseBackupFileName('notes.txt')).toBeNull();
    expect(parseBackupFileName('.2026-11-30T15-09-43.123Z Pilot.roadmap.json.abc.tmp')).toBeNull();
  });
});

describe('backupsToKeep', () => {
  const at = (ms: number) => ({ savedAt: new Date(clock.getTime() - ms).toISOString() });

  it('keeps everything while there are ten or fewer', () => {
    const list = Array.from({ length: 10 }, (_, i) => at(i * 5 * MINUTE));
    expect(backupsToKeep(list, clock)).toHaveLength(10);
  });

  it('keeps the last ten, then one a day for 14 days, then one a week for 8 weeks', () => {
    // Every 6 hours for 120 days.
    const list = Array.from({ length: 480 }, (_, i) => at(i * 6 * HOUR));
    const kept = backupsToKeep(list, clock);
    const ages = kept.map((b) => (clock.getTime() - Date.parse(b.savedAt)) / DAY);
    // The ten newest.
    expect(ages.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => i * 0.25));
    // Each of the last 14 days has one.
    const days = new Set(kept.map((b) => new Date(b.savedAt).toDateString()));
    for (let d = 0; d < KEEP_DAYS; d++) expect(days).toContain(new Date(clock.getTime() - d * DAY).toDateString());
    // Weeks are calendar weeks (Monday to Sunday): the oldest kept is the end of the eighth week
    // back, this one counting as the first.
    expect(Math.max(...ages)).toBeLessThan(KEEP_WEEKS * 7);
    expect(Math.max(...ages)).toBeGreaterThan((KEEP_WEEKS - 2) * 7);
    expect(kept.length).toBeLessThanOrEqual(KEEP_LAST + KEEP_DAYS + KEEP_WEEKS);
  });

  it('keeps an old backup when it is the only one (a plan not edited for months)', () => {
    const old = at(200 * DAY);
    expect(backupsToKeep([old], clock)).toEqual([old]);
  });

  it('holds its promises for any set of backups (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2 * DAY, max: 150 * DAY }), { maxLength: 200 }), (offsets) => {
        const list = offsets.map((ms, i) => ({ ...at(ms), i }));
        const kept = backupsToKeep(list, clock);
        // Never more than the rule allows, always a subset, newest first.
        expect(kept.length).toBeLessThanOrEqual(KEEP_LAST + KEEP_DAYS + KEEP_WEEKS);
        for (const k of kept) expect(list).toContain(k);
        for (let j = 1; j < kept.length; j++) expect(Date.parse(kept[j - 1]?.savedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(kept[j]?.savedAt ?? ''));
        // The newest ten are kept.
        const newest = [...list].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt)).slice(0, KEEP_LAST);
        for (const n of newest) expect(kept.map((k) => k.savedAt)).toContain(n.savedAt);
        // Rotating again removes nothing more.
        expect(backupsToKeep(kept, clock)).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });
});

describe('writing backups', () => {
  it('writes a whole plan file into the plan’s folder and lists it', async () => {
    const backups = store();
    const result = await backups.write(PLAN, 'Pilot to scale', planFile(1));
    expect(result).toMatchObject({ status: 'saved', savedAt: clock.toISOString() });
    expect(files()).toEqual([backupFileName('Pilot to scale', clock)]);
    expect(readFileSync(join(root, PLAN, files()[0] ?? ''), 'utf8')).toBe(planFile(1));
    expect(await backups.list()).toEqual([{
      planId: PLAN,
      planName: 'Pilot to scale',
      file: `${PLAN}/${backupFileName('Pilot to scale', clock)}`,
      savedAt: clock.toISOString(),
      bytes: Buffer.byteLength(planFile(1)),
    }]);
    expect(await backups.read(`${PLAN}/${backupFileName('Pilot to scale', clock)}`)).toBe(planFile(1));
  });

  it('refuses a second backup of the same plan within a few minutes, but not of another plan', async () => {
    const backups = store();
    await backups.write(PLAN, 'Pilot', planFile(1));
    clock = new Date(clock.getTime() + MIN_BACKUP_INTERVAL_MS - 1);
    expect(await backups.write(PLAN, 'Pilot', planFile(2))).toEqual({ status: 'too-soon', nextAt: new Date(clock.getTime() + 1).toISOString() });
    expect(await backups.write(OTHER, 'Other', planFile(3))).toMatchObject({ status: 'saved' });
    clock = new Date(clock.getTime() + 1);
    expect(await backups.write(PLAN, 'Pilot', planFile(2))).toMatchObject({ status: 'saved' });
    expect(files()).toHaveLength(2);
  });

  it('rotates: ten weeks of edits, four a day, leave what the rule keeps', async () => {
    const backups = store();
    const start = clock.getTime();
    for (let day = 0; day < 70; day++) {
      for (let slot = 0; slot < 4; slot++) {
        clock = new Date(start + day * DAY + slot * 2 * HOUR);
        await backups.write(PLAN, 'Pilot', planFile(day * 100 + slot));
      }
    }
    const kept = files();
    const expected = backupsToKeep(kept.map((name) => ({ savedAt: parseBackupFileName(name)?.savedAt ?? '' })), clock);
    expect(kept).toHaveLength(expected.length);
    expect(kept.length).toBeGreaterThanOrEqual(KEEP_LAST + KEEP_DAYS - 1);
    expect(kept.length).toBeLessThanOrEqual(KEEP_LAST + KEEP_DAYS + KEEP_WEEKS);
    // The newest is the last one written, whole.
    expect(readFileSync(join(root, PLAN, kept.at(-1) ?? ''), 'utf8')).toBe(planFile(69 * 100 + 3));
    // The oldest kept is from the eighth calendar week back, not older.
    const oldest = Date.parse(parseBackupFileName(kept[0] ?? '')?.savedAt ?? '');
    expect((clock.getTime() - oldest) / DAY).toBeLessThan(KEEP_WEEKS * 7);
    expect((clock.getTime() - oldest) / DAY).toBeGreaterThan((KEEP_WEEKS - 2) * 7);
  }, 60_000);

  it('a write cut short by a crash leaves the previous backups whole; the temporary file is ignored, then cleaned', async () => {
    await store().write(PLAN, 'Pilot', planFile(1));
    const before = files();
    clock = new Date(clock.getTime() + 10 * MINUTE);
    await expect(store(failingWrites(() => codeError('EIO', 'i/o error'), { crash: true })).write(PLAN, 'Pilot', planFile(2))).rejects.toThrow(/^Could not save the backup of “Pilot”: the disk reported an error/);
    // What a crash leaves: the old backup and a hidden, half-written temporary file.
    const leftOver = files().filter((name) => name.endsWith('.tmp'));
    expect(leftOver).toHaveLength(1);
    expect(readFileSync(join(root, PLAN, leftOver[0] ?? ''), 'utf8')).toBe(planFile(2).slice(0, 7));
    const backups = store();
    expect((await backups.list()).map((b) => b.file)).toEqual(before.map((name) => `${PLAN}/${name}`));
    expect(readFileSync(join(root, PLAN, before[0] ?? ''), 'utf8')).toBe(planFile(1));
    // The next backup cleans it up.
    clock = new Date(clock.getTime() + 10 * MINUTE);
    await backups.write(PLAN, 'Pilot', planFile(3));
    expect(files().filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files()).toHaveLength(2);
  });

  it('a full disk: a clear message, no new file, no temporary file, the previous backups intact', async () => {
    await store().write(PLAN, 'Pilot', planFile(1));
    const before = files();
    clock = new Date(clock.getTime() + 10 * MINUTE);
    await expect(store(failingWrites(() => codeError('ENOSPC', 'no space left on device, write'))).write(PLAN, 'Pilot', planFile(2)))
      .rejects.toThrow('Could not save the backup of “Pilot”: the disk is full. Free some space and try again.');
    expect(files()).toEqual(before);
    expect(readFileSync(join(root, PLAN, before[0] ?? ''), 'utf8')).toBe(planFile(1));
  });

  it('a read-only folder: a clear message and nothing else changed', async () => {
    await store().write(PLAN, 'Pilot', planFile(1));
    const before = files();
    clock = new Date(clock.getTime() + 10 * MINUTE);
    const readOnly: BackupFs = {
      ...realFs,
      open: (async () => { throw codeError('EROFS', 'read-only file system, open'); }) as BackupFs['open'],
      rename: (async () => { throw codeError('EROFS', 'read-only file system, rename'); }) as BackupFs['rename'],
      rm: (async () => { throw codeError('EROFS', 'read-only file system, rm'); }) as BackupFs['rm'],
    };
    await expect(store(readOnly).write(PLAN, 'Pilot', planFile(2))).rejects.toThrow(/^Could not save the backup of “Pilot”: this location is read-only\./);
    expect(files()).toEqual(before);
    expect(readFileSync(join(root, PLAN, before[0] ?? ''), 'utf8')).toBe(planFile(1));
    // A folder the app may not write to says so too.
    const denied: BackupFs = { ...realFs, mkdir: (async () => { throw codeError('EACCES', 'permission denied, mkdir'); }) as BackupFs['mkdir'] };
    await expect(store(denied).write(OTHER, 'Other', planFile(3))).rejects.toThrow(/^Could not save the backup of “Other”: you do not have permission/);
    expect(files(OTHER)).toEqual([]);
  });
});

describe('reading backups', () => {
  it('refuses a backup damaged on disk with its name, and still lists the others', async () => {
    const backups = store();
    await backups.write(PLAN, 'Pilot', planFile(1));
    clock = new Date(clock.getTime() + 10 * MINUTE);
    await backups.write(PLAN, 'Pilot', planFile(2));
    await backups.write(OTHER, 'Other', planFile(3));
    const [newest] = files();
    // Cut short by the disk, and another turned into bytes that are not text.
    writeFileSync(join(root, PLAN, files()[1] ?? ''), planFile(2).slice(0, 20));
    writeFileSync(join(root, PLAN, newest ?? ''), new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
    const listed = await backups.list();
    expect(listed).toHaveLength(3);
    await expect(backups.read(`${PLAN}/${files()[1]}`)).rejects.toThrow(`The backup “${files()[1]}” is damaged: it is not a complete plan file`);
    await expect(backups.read(`${PLAN}/${newest}`)).rejects.toThrow(`The backup “${newest}” is damaged: it is not a text file`);
    expect(await backups.read(`${OTHER}/${files(OTHER)[0]}`)).toBe(planFile(3));
  });

  it.each([
    ['a path out of the folder', `${PLAN}/../../secrets.roadmap.json`],
    ['an absolute path', '/etc/passwd'],
    ['a path that climbs', '../Backups/x'],
    ['encoded climbing', `${PLAN}/..%2F..%2Fx.roadmap.json`],
    ['a folder that is not a plan id', 'notes/2026-11-30T15-09-43.123Z Pilot.roadmap.json'],
    ['a file that is not a backup', `${PLAN}/notes.txt`],
    ['a nested path', `${PLAN}/${PLAN}/2026-11-30T15-09-43.123Z Pilot.roadmap.json`],
    ['a backslash path', `${PLAN}\\..\\..\\2026-11-30T15-09-43.123Z Pilot.roadmap.json`],
  ])('refuses %s', async (_what, file) => {
    await expect(store().read(file)).rejects.toThrow(/^Refused to read/);
  });

  it('refuses a link planted in the folder', async () => {
    const outside = join(root, '..', 'outside.json');
    writeFileSync(outside, '{"secret":true}');
    mkdirSync(join(root, PLAN), { recursive: true });
    const name = '2026-11-30T15-09-43.123Z Pilot.roadmap.json';
    symlinkSync(outside, join(root, PLAN, name));
    await expect(store().read(`${PLAN}/${name}`)).rejects.toThrow(/not a plain file/);
    expect(await store().list()).toEqual([]);
  });

  it('lists nothing, without an error, before the first backup', async () => {
    expect(await store().list()).toEqual([]);
  });
});
