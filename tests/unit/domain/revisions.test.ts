import { describe, expect, it } from 'vitest';
import { localDay } from '../../../renderer/src/domain/revisions';

describe('localDay', () => {
  it('spans the planner\'s day, from its first moment to the next day\'s, named in words', () => {
    const day = localDay(new Date(2026, 10, 30, 23, 59, 30));
    expect(day.label).toBe('Nov 30, 2026');
    expect(new Date(day.from).getTime()).toBe(new Date(2026, 10, 30, 0, 0, 0).getTime());
    expect(new Date(day.until).getTime()).toBe(new Date(2026, 11, 1, 0, 0, 0).getTime());
    // A moment just after midnight is the next day.
    expect(localDay(new Date(2026, 11, 1, 0, 0, 1)).label).toBe('Dec 1, 2026');
  });
});
