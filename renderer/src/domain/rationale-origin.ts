/**
 * Where a rationale's words came from, and when they need a second look. A plan made from a
 * template starts with the template's words ('template'); once the stance or position they
 * explain changes, they may no longer fit and are flagged for review ('template-review');
 * words the planner types are theirs ('planner'). Pure rules, shared by every command that
 * changes a stance or a position (tight & loose, decisions, the need & readiness lean).
 */
import type { RationaleOrigin } from './schemas';

/** A record with a rationale: a stance or a position. */
export interface WithRationale {
  rationale: string;
  rationaleOrigin: RationaleOrigin;
}

/** After the planner edits the words: they are the planner's. */
export const ORIGIN_AFTER_EDIT: RationaleOrigin = 'planner';

/**
 * The origin once the value a rationale explains has changed: template words (not empty) are
 * flagged for review; the planner's own words, and words already flagged, stay as they are.
 */
export function originAfterChange(record: WithRationale): RationaleOrigin {
  return record.rationaleOrigin === 'template' && record.rationale.trim() !== '' ? 'template-review' : record.rationaleOrigin;
}

/**
 * "Keep as is": the review flag is cleared. The words are still the template's, so they stay
 * marked "From the template" (and are flagged again if what they explain changes again).
 */
export function originAfterKeep(origin: RationaleOrigin): RationaleOrigin {
  return origin === 'template-review' ? 'template' : origin;
}

export function needsReview(record: Pick<WithRationale, 'rationaleOrigin'> | undefined): boolean {
  return record?.rationaleOrigin === 'template-review';
}

/** Template words shown beside a rationale (flagged or not); false for the planner's own and for empty text. */
export function isTemplateText(record: WithRationale | undefined): boolean {
  return record !== undefined && record.rationaleOrigin !== 'planner' && record.rationale.trim() !== '';
}

/**
 * The record whose rationale speaks for a phase: the phase's own where it has words, otherwise
 * the nearest earlier phase's that has (a template writes a decision's rationale once, on its
 * first phase, and it covers the phases after). Null when none does. `phaseIds` in plan order.
 */
export function coveringRationale<T extends { phaseId: string; rationale: string }>(
  phaseIds: readonly string[], rows: readonly T[], phaseId: string,
): T | null {
  const byPhase = new Map(rows.map((r) => [r.phaseId, r]));
  const index = phaseIds.indexOf(phaseId);
  for (let i = index; i >= 0; i -= 1) {
    const row = byPhase.get(phaseIds[i] as string);
    if (row && row.rationale.trim() !== '') return row;
  }
  return null;
}

/**
 * The template rationales to flag for review when the values they explain change in
 * `changedPhaseIds`: each covering one of those phases (see coveringRationale), once, and only
 * while still unflagged template words. `rows` are one decision's positions.
 */
export function rationalesToFlag<T extends { phaseId: string } & WithRationale>(
  phaseIds: readonly string[], rows: readonly T[], changedPhaseIds: readonly string[],
): T[] {
  const flagged = new Map<string, T>();
  for (const phaseId of changedPhaseIds) {
    const row = coveringRationale(phaseIds, rows, phaseId);
    if (row && originAfterChange(row) !== row.rationaleOrigin) flagged.set(row.phaseId, row);
  }
  return [...flagged.values()];
}

/** One position's edit: where, and what changes. */
export interface PositionChange {
  phaseId: string;
  changes: { position?: number | null; rationaleOrigin?: RationaleOrigin };
}

/**
 * The edits that set one decision's position in `phaseId` and, when it really changes, flag the
 * template words that explain it for review (the phase's own, or those written on an earlier
 * phase that cover it). The first edit is the phase's own. `positions` are that decision's.
 */
export function positionChanges<T extends { phaseId: string; position: number | null } & WithRationale>(
  phaseIds: readonly string[], positions: readonly T[], phaseId: string, position: number | null,
): PositionChange[] {
  const current = positions.find((p) => p.phaseId === phaseId);
  const changed = (current?.position ?? null) !== position;
  const flags = changed ? rationalesToFlag(phaseIds, positions, [phaseId]) : [];
  const own: PositionChange = { phaseId, changes: { position } };
  const rest: PositionChange[] = [];
  for (const row of flags) {
    if (row.phaseId === phaseId) own.changes.rationaleOrigin = originAfterChange(row);
    else rest.push({ phaseId: row.phaseId, changes: { rationaleOrigin: originAfterChange(row) } });
  }
  return [own, ...rest];
}

/** The short label beside template words: "From the template", or with "— review" when flagged. */
export function originLabel(record: WithRationale | undefined): string | null {
  if (!isTemplateText(record)) return null;
  return needsReview(record) ? 'From the template — review' : 'From the template';
}
