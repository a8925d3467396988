/**
 * The undo and redo stacks of one plan, as plain data: each entry is a labelled ChangeSet.
 * Quick edits to the same field (typing with pauses) merge into one entry, so one undo takes
 * back one thought, not one keystroke pause.
 */
import type { ChangeSet } from '../storage/transactions';

export interface UndoEntry {
  id: number;
  /** What the edit did, in words: "Set Curriculum to Tight in Pilot". */
  label: string;
  change: ChangeSet;
  /** Edits with the same key, made within MERGE_WINDOW_MS of each other, merge. */
  mergeKey: string | null;
  at: number;
}

export const MERGE_WINDOW_MS = 3_000;
export const UNDO_LIMIT = 200;

export interface UndoState {
  undo: readonly UndoEntry[];
  redo: readonly UndoEntry[];
  nextId: number;
}

export const EMPTY_UNDO: UndoState = { undo: [], redo: [], nextId: 1 };

/** Records a new edit: it clears redo, merges with the last entry when it continues it. */
export function pushEdit(state: UndoState, edit: { label: string; change: ChangeSet; mergeKey?: string | null }, at: number): UndoState {
  if (edit.change.changes.length === 0) return state;
  const last = state.undo.at(-1);
  const mergeKey = edit.mergeKey ?? null;
  if (last && mergeKey !== null && last.mergeKey === mergeKey && at - last.at <= MERGE_WINDOW_MS && last.change.planId === edit.change.planId) {
    const merged: UndoEntry = { ...last, at, change: { planId: last.change.planId, changes: [...last.change.changes, ...edit.change.changes] } };
    return { ...state, undo: [...state.undo.slice(0, -1), merged], redo: [] };
  }
  const entry: UndoEntry = { id: state.nextId, label: edit.label, change: edit.change, mergeKey, at };
  return { undo: [...state.undo, entry].slice(-UNDO_LIMIT), redo: [], nextId: state.nextId + 1 };
}

/** Moves the newest undo entry to redo (after its change has been undone in storage). */
export function afterUndo(state: UndoState): UndoState {
  const last = state.undo.at(-1);
  if (!last) return state;
  // An undone entry never merges with a later edit.
  return { ...state, undo: state.undo.slice(0, -1), redo: [...state.redo, { ...last, mergeKey: null }] };
}

/** Moves the newest redo entry back to undo (after its change has been redone in storage). */
export function afterRedo(state: UndoState): UndoState {
  const last = state.redo.at(-1);
  if (!last) return state;
  return { ...state, redo: state.redo.slice(0, -1), undo: [...state.undo, last] };
}
