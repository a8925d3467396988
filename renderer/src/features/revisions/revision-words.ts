/** How a revision reads in the History section: its kind, when it was saved, what it takes on disk. */
import { formatDisplayDate } from '../../domain/phase-rules';
import { formatNumber } from '../../domain/numbers';
import type { Approval, RevisionKind } from '../../domain/revisions';

export const REVISION_KIND_LABELS: Readonly<Record<RevisionKind, string>> = {
  named: 'Saved by you',
  'before-import': 'Automatic: before an import',
  'before-restore': 'Automatic: before a restore',
  daily: 'Automatic: first change of the day',
};

export { revisionTime } from '../../domain/revisions';

/** "12.4 KB": a revision's size, in the unit the list uses for every row (a small one is never "0 KB"). */
export function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return `${bytes > 0 && kb < 0.1 ? '0.1' : formatNumber(kb, 1)} KB`;
}

/** "412 KB" or "3.2 MB": the space a plan's whole history takes. */
export function storageSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / (1024 * 1024), 1)} MB` : kilobytes(bytes);
}

/** The name a revision saved before a restore takes: “Before restoring “Pilot gate”” (cut to fit a name). */
export function beforeRestoreName(restoredName: string, max: number): string {
  const room = max - 'Before restoring “”'.length;
  const name = restoredName.length > room ? `${restoredName.slice(0, room - 1)}…` : restoredName;
  return `Before restoring “${name}”`;
}

/** "Mar 12, 2027": an approval's day. */
export function approvalDate(approval: Pick<Approval, 'date'>): string {
  return formatDisplayDate(approval.date);
}

/** "approved by the Board of Education on Mar 12, 2027 (Resolution 2027-14)" */
export function approvalWords(approval: Approval): string {
  const body = /^(the|a|an) /i.test(approval.body) ? approval.body : `the ${approval.body}`;
  return `approved by ${body} on ${approvalDate(approval)}${approval.reference ? ` (${approval.reference})` : ''}`;
}
