/**
 * Turns IndexedDB failures into messages a planner can act on. A failed transaction is rolled
 * back whole, so every message can promise that nothing was half-written.
 */
export class StorageError extends Error {
  constructor(message: string, readonly reason: 'quota' | 'aborted' | 'missing' | 'invalid' | 'newer-version' | 'unknown', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return new StorageError(`Could not ${action}: this computer is out of storage space for the app. Nothing was changed. Free some disk space and try again.`, 'quota', { cause: error });
  }
  if (name === 'ConstraintError') {
    return new StorageError(`Could not ${action}: some of its records have ids that another plan in your library already uses. Nothing was changed.`, 'invalid', { cause: error });
  }
  if (name === 'VersionError') {
    return new StorageError(`Could not ${action}: your plans were last opened by a newer version of Roadmap Planner. Update the app to open them; nothing was changed.`, 'newer-version', { cause: error });
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError' || name === 'DatabaseClosedError') {
    return new StorageError(`Could not ${action}: the save was interrupted. Nothing was changed; try again.`, 'aborted', { cause: error });
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new StorageError(`Could not ${action}${detail}. Nothing was changed.`, 'unknown', { cause: error });
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, inner, failures } = error as { name?: unknown; inner?: unknown; failures?: unknown };
  // Dexie wraps the DOMException; the cause sits in `inner`, or per record in a BulkError's `failures`.
  if (name === 'QuotaExceededError' || errorName(inner) === 'QuotaExceededError') return 'QuotaExceededError';
  if (Array.isArray(failures) && failures.length > 0) return errorName(failures[0]);
  return typeof name === 'string' ? name.replace(/^Dexie\./, '') : undefined;
}
