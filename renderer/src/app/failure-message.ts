import { errorMessage } from '../domain/messages';
import { StorageError } from '../storage/storage-error';
import { estimateStorage, FREE_SOME_SPACE, quotaAdvice, type StorageUsage } from '../storage/storage-usage';

/** How long a failure's message waits for the browser's estimate of the space used before going without it. */
const ESTIMATE_WAIT_MS = 1000;

/** Whether a write was refused for space (nothing was written: the transaction rolled back whole). */
export function isQuotaError(error: unknown): error is StorageError {
  return error instanceof StorageError && error.reason === 'quota';
}

/**
 * The message a planner sees for a failed write. A write refused for space (a StorageError
 * with reason 'quota': nothing was written, the transaction rolled back whole) also says how
 * much the plans take and what can be freed, from the browser's estimate at that moment; the
 * storage layer says only what failed, since it knows nothing of the app's screens.
 */
export async function failureMessage(error: unknown, estimate: () => Promise<StorageUsage | null> = estimateStorage): Promise<string> {
  const message = errorMessage(error);
  if (!isQuotaError(error)) return message;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const usage = await Promise.race([
    estimate().catch(() => null),
    new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ESTIMATE_WAIT_MS); }),
  ]);
  clearTimeout(timer);
  const advice = quotaAdvice(usage);
  return message.endsWith(FREE_SOME_SPACE) ? `${message.slice(0, -FREE_SOME_SPACE.length)}${advice}` : `${message} ${advice}`;
}
