/**
 * How much space the plans take and how much is left, from the browser's own estimate
 * (navigator.storage.estimate(): the app's whole origin, which is its plans, their history and
 * the journal), in words a planner reads in the library's footer and in a "disk full" message.
 */
import { formatNumber } from '../domain/numbers';

export interface StorageUsage {
  /** Bytes the app's storage takes. */
  usage: number;
  /** Bytes the browser lets the app take in all (bounded by the disk's free space). */
  quota: number;
}

/** The browser's estimate, or null where there is none (an older browser, or it failed). */
export async function estimateStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageUsage | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' && quota > 0 ? { usage, quota } : null;
  } catch {
    return null;
  }
}

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** "412 KB", "3.2 MB", "1.9 GB": a size to one decimal in the largest unit that keeps it above 1. */
export function byteSize(bytes: number): string {
  if (bytes >= GB) return `${formatNumber(bytes / GB, 1)} GB`;
  if (bytes >= MB) return `${formatNumber(bytes / MB, 1)} MB`;
  const kb = Math.max(0, bytes) / KB;
  // A few bytes are never "0 KB".
  return `${bytes > 0 && kb < 0.1 ? '0.1' : formatNumber(kb, 1)} KB`;
}

/** "Plans and their history use 3.2 MB; about 1.9 GB is free on this computer." */
export function usageSentence({ usage, quota }: StorageUsage): string {
  return `Plans and their history use ${byteSize(usage)}; about ${byteSize(Math.max(0, quota - usage))} is free on this computer.`;
}

/** The last words of a "disk full" message when there is no estimate to give. */
export const FREE_SOME_SPACE = 'Free some disk space and try again.';

/**
 * The last words of a "disk full" message: how much the plans take and what can be freed in
 * the app itself (old automatic revisions, plans in Recently deleted), or outside it.
 */
export function quotaAdvice(usage: StorageUsage | null): string {
  const what = 'To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.';
  return usage ? `The plans use ${byteSize(usage.usage)} of the ${byteSize(usage.quota)} allowed. ${what}` : what;
}
