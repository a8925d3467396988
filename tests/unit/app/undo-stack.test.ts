import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterRedo, afterUndo, EMPTY_UNDO, MERGE_WINDOW_MS, pushEdit, UNDO_LIMIT } from '../../../renderer/src/app/undo-stack';
import type { ChangeSet } from '../../../renderer/src/storage/transactions';

const PLAN = 'plan-1';
const change = (id: string): ChangeSet => ({ planId: PLAN, changes: [{ table: 'phases', id, before: { v: 1 }, after: { v: 2 } }] });

describe('undo stack', () => {
  it('undoes newest first and redoes in the same order', () => {
    let s = pushEdit(EMPTY_UNDO, { label: 'A', change: change('a') }, 0);
    s = pushEdit(s, { label: 'B', change: change('b') }, 10_000);
    expect(s.undo.map((e) => e.label)).toEqual(['A', 'B']);
    s = afterUndo(s);
    expect([s.undo.map((e) => e.label), s.redo.map((e) => e.label)]).toEqual([['A'], ['B']]);
    s = afterRedo(s);
    expect([s.undo.map((e) => e.label), s.redo]).toEqual([['A', 'B'], []]);
  });

  it('a new edit clears redo', () => {
    let s = pushEdit(EMPTY_UNDO, { label: 'A', change: change('a') }, 0);
    s = afterUndo(s);
    s = pushEdit(s, { label: 'C', change: change('c') }, 1);
    expect(s.redo).toEqual([]);
    expect(s.undo.map((e) => e.label)).toEqual(['C']);
  });

  it('merges quick edits of the same field into one step, keeping the first state', () => {
    let s = pushEdit(EMPTY_UNDO, { label: 'Edit goal', change: change('x'), mergeKey: 'phase.x.goal' }, 0);
    s = pushEdit(s, { label: 'Edit goal', change: change('x'), mergeKey: 'phase.x.goal' }, MERGE_WINDOW_MS - 1);
    expect(s.undo).toHaveLength(1);
    expect(s.undo[0]?.change.changes).toHaveLength(2);
    s = pushEdit(s, { label: 'Edit goal', change: change('x'), mergeKey: 'phase.x.goal' }, 3 * MERGE_WINDOW_MS);
    s = pushEdit(s, { label: 'Edit name', change: change('x'), mergeKey: 'phase.x.name' }, 3 * MERGE_WINDOW_MS + 1);
    expect(s.undo).toHaveLength(3);
  });

  it('does not merge into an edit that was undone and redone', () => {
    let s = pushEdit(EMPTY_UNDO, { label: 'Edit goal', change: change('x'), mergeKey: 'goal' }, 0);
    s = afterRedo(afterUndo(s));
    s = pushEdit(s, { label: 'Edit goal', change: change('x'), mergeKey: 'goal' }, 1);
    expect(s.undo).toHaveLength(2);
  });

  it('ignores an edit that changed nothing, and keeps at most the limit (property)', () => {
    expect(pushEdit(EMPTY_UNDO, { label: 'Nothing', change: { planId: PLAN, changes: [] } }, 0)).toBe(EMPTY_UNDO);
    fc.assert(fc.property(fc.array(fc.constantFrom('edit', 'undo', 'redo'), { maxLength: 400 }), (ops) => {
      let s = EMPTY_UNDO;
      let t = 0;
      for (const op of ops) {
        t += MERGE_WINDOW_MS + 1;
        s = op === 'edit' ? pushEdit(s, { label: 'e', change: change(String(t)) }, t) : op === 'undo' ? afterUndo(s) : afterRedo(s);
        expect(s.undo.length).toBeLessThanOrEqual(UNDO_LIMIT);
      }
      const ids = [...s.undo, ...s.redo].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }));
  });
});
