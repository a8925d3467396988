/**
 * When each plan was last exported, kept in this browser's localStorage (not in the plans'
 * database: these are notes about the copies outside it, and reading them needs no database
 * code). A plain browser cannot back plans up on its own; these notes let the library say when
 * a plan's changes have gone a week without a copy, and offer one.
 */
const EXPORTED_KEY = 'roadmap-planner.last-export.';
const CHANGED_KEY = 'roadmap-planner.unexported-since.';

/** After this many days of changes without an export, the library offers one. */
export const EXPORT_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

const listeners = new Set<() => void>();
let version = 0;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

function read(key: string): string | null {
  try {
    const value = storage()?.getItem(key) ?? null;
    return value !== null && !Number.isNaN(Date.parse(value)) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    return; // full or blocked: the reminder is a help, never a reason to fail an export
  }
  version += 1;
  for (const listener of listeners) listener();
}

export function lastExportedAt(planId: string): string | null {
  return read(EXPORTED_KEY + planId);
}

/** Called after a plan file was saved. */
export function recordExport(planId: string, at: Date): void {
  write(EXPORTED_KEY + planId, at.toISOString());
}

/**
 * Called when a plan changes: remembers when its changes first went without an export. Only the
 * first change after an export (or ever, for a plan never exported) is noted.
 */
export function recordChange(planId: string, at: Date): void {
  const exported = lastExportedAt(planId);
  const since = read(CHANGED_KEY + planId);
  if (since !== null && (exported === null || since > exported)) return;
  write(CHANGED_KEY + planId, at.toISOString());
}

/**
 * How many days a plan's changes have gone without an export, when that is a week or more; null
 * otherwise. For a plan exported before, counted from that export (if it changed since); for one
 * never exported, from its first change noted in this browser.
 */
export function daysWithoutExport(planId: string, updatedAt: string, now: Date): number | null {
  const exported = lastExportedAt(planId);
  let since: string | null;
  if (exported !== null) {
    if (Date.parse(updatedAt) <= Date.parse(exported)) return null;
    since = exported;
  } else {
    since = read(CHANGED_KEY + planId);
  }
  if (since === null) return null;
  const days = Math.floor((now.getTime() - Date.parse(since)) / DAY_MS);
  return days >= EXPORT_REMINDER_DAYS ? days : null;
}

/** For useSyncExternalStore: changes here, and in other tabs of the app. */
export function subscribeExportRecords(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(EXPORTED_KEY) || event.key.startsWith(CHANGED_KEY)) {
      version += 1;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function exportRecordsVersion(): number {
  return version;
}
