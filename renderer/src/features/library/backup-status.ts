/**
 * When each plan was last backed up by the desktop app, as this window last heard it: from the
 * Backups folder's list (read when the app starts and when the Backups view opens) and from each
 * backup written since. The library's "Last backed up" column reads it; it is a note about files
 * outside the database, so it lives in memory and is filled again at each start.
 */
import type { BackupEntry } from '../../host/host';

const latest = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;
let known = false;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** The time of the plan's newest backup, or null if it has none (or the list has not been read yet). */
export function lastBackedUpAt(planId: string): string | null {
  return latest.get(planId) ?? null;
}

/** Whether the Backups folder has been listed yet in this window: before, "never" would be a guess. */
export function backupsKnown(): boolean {
  return known;
}

/** Each plan's newest backup time (ISO), from a list of backups. */
export function newestBackups(backups: readonly BackupEntry[]): Map<string, string> {
  const newest = new Map<string, string>();
  for (const backup of backups) {
    const seen = newest.get(backup.planId);
    if (seen === undefined || Date.parse(backup.savedAt) > Date.parse(seen)) newest.set(backup.planId, backup.savedAt);
  }
  return newest;
}

/** The Backups folder as listed now: replaces what was known. */
export function recordBackupList(backups: readonly BackupEntry[]): void {
  latest.clear();
  for (const [planId, savedAt] of newestBackups(backups)) latest.set(planId, savedAt);
  known = true;
  changed();
}

/** A backup was just written. */
export function recordBackup(planId: string, savedAt: string): void {
  const seen = latest.get(planId);
  if (seen !== undefined && Date.parse(seen) >= Date.parse(savedAt)) return;
  latest.set(planId, savedAt);
  changed();
}

export function subscribeBackupStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function backupStatusVersion(): number {
  return version;
}
