import { FREE_SOME_SPACE } from './storage-usage';

/**
 * Turns IndexedDB failures into messages a planner can act on. A failed transaction is rolled
 * back whole, so every message can promise that nothing was half-written.
 */
export class StorageError extends Error {
  constructor(message: string, readonly reason: 'quota' | 'aborted' | 'missing' | 'invalid' | 'newer-version' | 'conflict' | 'unknown', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  // A refused open (a newer database) reaches every query waiting on it inside Dexie's DatabaseClosedError.
  const inner = typeof error === 'object' && error !== null ? (error as { inner?: unknown }).inner : undefined;
  if (inner instanceof StorageError) {
    return new StorageError(`Could not ${action}: ${inner.message.charAt(0).toLowerCase()}${inner.message.slice(1)}`, inner.reason, { cause: error });
  }
  const invalid = invalidRecordMessage(error);
  if (invalid !== null) return new StorageError(`Could not ${action}: ${invalid} Nothing was changed.`, 'invalid', { cause: error });
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return new StorageError(`Could not ${action}: this computer is out of storage space for the app. Nothing was changed. ${FREE_SOME_SPACE}`, 'quota', { cause: error });
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

/** How a field of a record reads in a message: "The name", "The FRL share". */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  frlPercent: 'FRL share', amountCents: 'amount', schoolCount: 'number of schools', studentCount: 'number of students',
  schoolYearStartMonth: 'school year start month', fiscalYearStartMonth: 'fiscal year start month', phaseId: 'phase', areaId: 'area',
  waveId: 'wave', sourceId: 'funding source', gradeBand: 'grade band', entryCriteria: 'entry criteria', systemName: 'school system name',
};

/**
 * A record the schemas refused (a ZodError), in words: "The name cannot be empty." The schemas'
 * messages are written to follow a field's name; the raw error (JSON of every issue) never
 * reaches a planner. Null for any other error.
 */
function invalidRecordMessage(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'ZodError') return null;
  const issues = (error as { issues?: unknown }).issues;
  const first = Array.isArray(issues) ? (issues[0] as { path?: unknown[]; message?: unknown } | undefined) : undefined;
  const key = [...(first?.path ?? [])].reverse().find((part): part is string => typeof part === 'string');
  const field = key === undefined ? 'a value' : `the ${FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
  const message = typeof first?.message === 'string' && /^(must|cannot|is|should)\b/.test(first.message) ? first.message : 'is not valid';
  return `${field.charAt(0).toUpperCase()}${field.slice(1)} ${message}.`;
}
