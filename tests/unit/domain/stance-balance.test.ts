import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceKind, balanceWords } from '../../../renderer/src/domain/stance-balance';

const counts = (tight: number, shared: number, loose: number, unset = 0) => ({ tight, shared, loose, unset });

describe('balance of a phase', () => {
  it('says "mostly tight" only when more than half of the decided areas are tight', () => {
    expect(balanceWords(counts(4, 1, 1))).toBe('mostly tight');
    expect(balanceWords(counts(3, 3, 0))).toBe('leans tight');
    // The pilot of "Pilot to scale — balanced": 3 tight, 1 shared, 2 loose.
    expect(balanceWords(counts(3, 1, 2))).toBe('leans tight');
    expect(balanceWords(counts(2, 2, 2))).toBe('mixed');
    expect(balanceWords(counts(1, 1, 4))).toBe('mostly loose');
    expect(balanceWords(counts(1, 4, 1))).toBe('mostly shared');
    expect(balanceWords(counts(1, 3, 2))).toBe('leans loose');
    expect(balanceWords(counts(0, 0, 0, 6))).toBe('no stances set');
  });

  it('says so when it counts only some of the areas', () => {
    expect(balanceWords(counts(2, 0, 0, 4))).toBe('mostly tight (of the 2 areas decided)');
    expect(balanceWords(counts(0, 0, 1, 5))).toBe('mostly loose (of the 1 area decided)');
  });

  it('is mostly tight exactly when tight areas are more than half of those decided (property)', () => {
    const n = fc.integer({ min: 0, max: 8 });
    fc.assert(fc.property(n, n, n, n, (tight, shared, loose, unset) => {
      const decided = tight + shared + loose;
      expect(balanceKind(counts(tight, shared, loose, unset)) === 'mostly-tight').toBe(decided > 0 && tight > decided / 2);
      expect(balanceKind(counts(tight, shared, loose, unset)) === 'mostly-loose').toBe(decided > 0 && loose > decided / 2);
    }));
  });
});
