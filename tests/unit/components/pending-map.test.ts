import { describe, expect, it } from 'vitest';
import { addPending, dropPending } from '../../../renderer/src/components/pending-map';

describe('values waiting for storage', () => {
  it('drops a value once its write is done, but keeps a later edit of the same cell', () => {
    const first = { amount: 1 };
    const later = { amount: 2 };
    const waiting = addPending(new Map<string, { amount: number }>(), 'a|p1', first);
    expect(dropPending(waiting, 'a|p1', first).has('a|p1')).toBe(false);
    const overtaken = addPending(waiting, 'a|p1', later);
    expect(dropPending(overtaken, 'a|p1', first)).toBe(overtaken);
    expect(waiting.get('a|p1')).toBe(first);
  });
});
