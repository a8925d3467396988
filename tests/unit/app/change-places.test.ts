import { describe, expect, it } from 'vitest';
import { changedOutOfSight, sectionsChanged } from '../../../renderer/src/app/change-places';
import type { ChangeSet, RowChange } from '../../../renderer/src/storage/transactions';

const change = (...changes: RowChange[]): ChangeSet => ({ planId: 'p', changes });
const plan = (before: Record<string, unknown>, after: Record<string, unknown>): RowChange => ({ table: 'plans', id: 'p', before: { id: 'p', updatedAt: '1', ...before }, after: { id: 'p', updatedAt: '2', ...after } });

describe('where an edit shows', () => {
  it('finds the section of each table an edit touched, in the navigation order', () => {
    const edit = change(
      { table: 'allocations', id: 'a', before: undefined, after: {} },
      { table: 'milestones', id: 'm', before: {}, after: undefined },
      { table: 'stances', id: 's', before: {}, after: {} },
    );
    expect(sectionsChanged(edit)).toEqual(['roadmap', 'tight-loose', 'resources']);
  });

  it('places the vision under Vision & outcomes and the plan basics on the overview, ignoring the change time', () => {
    expect(sectionsChanged(change(plan({ vision: 'Old' }, { vision: 'New' })))).toEqual(['outcomes']);
    expect(sectionsChanged(change(plan({ name: 'A' }, { name: 'B' })))).toEqual(['overview']);
    expect(sectionsChanged(change(plan({ name: 'A' }, { name: 'A' })))).toEqual([]);
  });

  it('says where an undo acted when that is not the section on show', () => {
    const vision = change(plan({ vision: 'Old' }, { vision: 'New' }));
    expect(changedOutOfSight(vision, 'resources')).toEqual({ section: 'outcomes', label: 'Vision & outcomes' });
    expect(changedOutOfSight(vision, 'outcomes')).toBeNull();
  });

  it('counts a section that also shows the records as in sight (decision 3 on Need & readiness, waves on Schools)', () => {
    const lean = change({ table: 'positions', id: 'x', before: {}, after: {} });
    expect(changedOutOfSight(lean, 'priorities')).toBeNull();
    expect(changedOutOfSight(lean, 'roadmap')).toEqual({ section: 'decisions', label: 'Decisions' });
    const moved = change({ table: 'schools', id: 'x', before: {}, after: {} });
    expect(changedOutOfSight(moved, 'waves')).toBeNull();
  });
});
