/**
 * The tight & loose matrix as plain data: cell lookups, the words a cell is read with, and the
 * keys that set a stance. No React here, so all of it is unit-tested.
 */
import { stanceShifts } from '../../domain/roadmap-rules';
import type { Stance, StanceValue } from '../../domain/schemas';
import { STANCE_LABELS, stanceLabel } from '../../domain/stance-words';

/** The key of one cell (one area in one phase) in the lookups below. */
export function cellKey(areaId: string, phaseId: string): string {
  return `${areaId}|${phaseId}`;
}

/** Every stance record by its cell. */
export function stanceLookup(stances: readonly Stance[]): Map<string, Stance> {
  return new Map(stances.map((s) => [cellKey(s.areaId, s.phaseId), s]));
}

/** The cells where an area's stance differs from the phase before (unset phases skipped), with the stance it was. */
export function shiftLookup(phaseIds: readonly string[], areaIds: readonly string[], stances: readonly Stance[]): Map<string, StanceValue> {
  return new Map(stanceShifts(phaseIds, areaIds, stances).map((s) => [cellKey(s.areaId, s.phaseId), s.from]));
}

/** How a cell is read aloud: "Curriculum, Pilot: Tight (changed from Loose), rationale to review". */
export function cellLabel(areaName: string, phaseName: string, stance: StanceValue | null, shiftedFrom?: StanceValue | null, review = false): string {
  const shift = shiftedFrom ? ` (changed from ${STANCE_LABELS[shiftedFrom]})` : '';
  return `${areaName}, ${phaseName}: ${stanceLabel(stance)}${shift}${review ? ', rationale to review' : ''}`;
}

/** The cells whose template rationale is flagged for review, in matrix order (rows, then phases). */
export function reviewCells(areaIds: readonly string[], phaseIds: readonly string[], stances: readonly Stance[]): { areaId: string; phaseId: string }[] {
  const flagged = new Set(stances.filter((s) => s.rationaleOrigin === 'template-review').map((s) => cellKey(s.areaId, s.phaseId)));
  if (flagged.size === 0) return [];
  return areaIds.flatMap((areaId) => phaseIds.filter((phaseId) => flagged.has(cellKey(areaId, phaseId))).map((phaseId) => ({ areaId, phaseId })));
}

/** The undo label of a stance change: "Set Curriculum to Tight in Pilot". */
export function stanceEditLabel(areaName: string, phaseName: string, stance: StanceValue | null): string {
  return stance ? `Set ${areaName} to ${STANCE_LABELS[stance]} in ${phaseName}` : `Clear the stance of ${areaName} in ${phaseName}`;
}

/**
 * The stance a key sets: T, S and L set Tight, Shared and Loose, Delete and Backspace clear it
 * (null). Undefined for any other key.
 */
export function stanceForKey(key: string): StanceValue | null | undefined {
  switch (key.toLowerCase()) {
    case 't': return 'tight';
    case 's': return 'shared';
    case 'l': return 'loose';
    case 'delete':
    case 'backspace': return null;
    default: return undefined;
  }
}

/** The phase before `phaseId` (in the order given) where the area had a stance, or null. */
export function previousStance(
  areaId: string, phaseId: string, phaseIds: readonly string[], lookup: ReadonlyMap<string, Pick<Stance, 'stance'>>,
): { phaseId: string; stance: StanceValue } | null {
  const index = phaseIds.indexOf(phaseId);
  for (let i = index - 1; i >= 0; i -= 1) {
    const id = phaseIds[i] as string;
    const stance = lookup.get(cellKey(areaId, id))?.stance ?? null;
    if (stance !== null) return { phaseId: id, stance };
  }
  return null;
}

/** Whether storage holds `stance` for the cell `key`: a cell with no record holds none (null). */
export function holdsStance(stored: ReadonlyMap<string, Pick<Stance, 'stance'>>, key: string, stance: StanceValue | null): boolean {
  return (stored.get(key)?.stance ?? null) === stance;
}

/** Stances pressed but not yet back from storage, by cell key (see usePendingValues); null clears a cell. */
export type PendingStances = ReadonlyMap<string, StanceValue | null>;

/**
 * The stances as the planner should see them: the stored ones with the pressed-but-unsaved
 * ones laid over, so a key press shows at once. A cell with no stored record gets a stand-in.
 */
export function withPending(stances: readonly Stance[], pending: PendingStances): Stance[] {
  if (pending.size === 0) return stances as Stance[];
  const seen = new Set<string>();
  const shown = stances.map((s) => {
    const key = cellKey(s.areaId, s.phaseId);
    seen.add(key);
    return pending.has(key) ? { ...s, stance: pending.get(key) ?? null } : s;
  });
  for (const [key, stance] of pending) {
    if (seen.has(key)) continue;
    const [areaId = '', phaseId = ''] = key.split('|');
    shown.push({ id: `pending:${key}`, planId: '', areaId, phaseId, stance, rationale: '', rationaleOrigin: 'planner', owner: '', guardrails: '' });
  }
  return shown;
}
