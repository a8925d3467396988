import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_EVERY_MS, BackupScheduler } from '../../../../renderer/src/features/library/backup-scheduler';
import type { WriteBackupResult } from '../../../../renderer/src/host/host';

const MINUTE = 60_000;
const saved: WriteBackupResult = { status: 'saved', file: 'p/x.roadmap.json', savedAt: '' };

let sends: number[];
let answer: () => Promise<WriteBackupResult>;
let scheduler: BackupScheduler;
let errors: unknown[];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 10, 30, 10, 0, 0));
  sends = [];
  errors = [];
  answer = async () => saved;
  scheduler = new BackupScheduler(() => {
    sends.push(Date.now());
    return answer();
  }, (error) => errors.push(error));
});
afterEach(() => {
  scheduler.dispose();
  vi.useRealTimers();
});

const minutesSinceStart = () => sends.map((t) => (t - new Date(2026, 10, 30, 10, 0, 0).getTime()) / MINUTE);

describe('BackupScheduler', () => {
  it('backs up at the first change, then at most every 5 minutes while the planner edits', async () => {
    // An edit every 20 seconds for 12 minutes.
    for (let s = 0; s < 12 * 60; s += 20) {
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(20_000);
    }
    expect(minutesSinceStart()).toEqual([0, 5, 10]);
  });

  it('sends the change made inside the 5 minutes when they are up, once', async () => {
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(MINUTE);
    scheduler.changed();
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(BACKUP_EVERY_MS);
    expect(minutesSinceStart()).toEqual([0, 5]);
    // No change since: nothing more.
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(sends).toHaveLength(2);
  });

  it('backs up at once on the first change of a new day', async () => {
    vi.setSystemTime(new Date(2026, 10, 30, 23, 58, 0));
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(3 * MINUTE); // now 00:01 the next day
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sends.map((t) => new Date(t).getDate())).toEqual([30, 1]);
  });

  it('backs up a waiting change when the planner leaves the plan', async () => {
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(MINUTE);
    scheduler.changed();
    scheduler.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(minutesSinceStart()).toEqual([0, 1]);
    scheduler.flush(); // nothing waiting: nothing sent
    expect(sends).toHaveLength(2);
  });

  it('waits until the time the main process names when it answers too soon', async () => {
    answer = async () => ({ status: 'too-soon', nextAt: new Date(Date.now() + 2 * MINUTE).toISOString() });
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(0);
    answer = async () => saved;
    await vi.advanceTimersByTimeAsync(2 * MINUTE + 1000);
    expect(minutesSinceStart()).toEqual([0, 2 + 1 / 60]);
  });

  it('reports a failure and tries again at the next change', async () => {
    answer = async () => { throw new Error('Could not save the backup of “Pilot”: the disk is full.'); };
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    answer = async () => saved;
    await vi.advanceTimersByTimeAsync(BACKUP_EVERY_MS);
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(2);
  });

  it('sends nothing after it is disposed', async () => {
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(MINUTE);
    scheduler.changed();
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    scheduler.changed();
    expect(sends).toHaveLength(1);
  });
});
