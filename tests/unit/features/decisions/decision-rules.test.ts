import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECISIONS, type Decision } from '../../../../renderer/src/domain/decisions';
import { balanceAsPosition } from '../../../../renderer/src/domain/roadmap-rules';
import { countsBalance, matrixDisagreement, matrixLine, profileIsEmpty, reviewList, surveyRows, surveySentence } from '../../../../renderer/src/features/decisions/decision-rules';
import type { Position } from '../../../../renderer/src/domain/schemas';

const decision = (n: number) => DECISIONS.find((d) => d.number === n) as Decision;

describe('survey split', () => {
  it('lists pole A, mid-way and pole B, adding up to 100', () => {
    expect(surveyRows(decision(1))).toEqual([
      { label: 'Centralized implementation', percent: 35 },
      { label: 'Mid-way', percent: 39 },
      { label: 'Decentralized implementation', percent: 26 },
    ]);
    expect(surveyRows(decision(2)).map((r) => r.percent)).toEqual([16, 16, 68]);
    expect(surveyRows(decision(6)).map((r) => r.label)).toEqual(['One complete model (“Prix fixe”)', 'Mid-way', 'Modular tools (“À la carte”)']);
    for (const d of DECISIONS) {
      const rows = surveyRows(d);
      if (rows.length) expect(rows.reduce((sum, r) => sum + r.percent, 0)).toBe(100);
    }
  });

  it('has no split for decisions 3 and 4', () => {
    expect(surveyRows(decision(3))).toEqual([]);
    expect(surveySentence(decision(4))).toBe('No published split.');
    expect(surveySentence(decision(7))).toBe('53% Share best practices, 35% mid-way, 12% Share process and failures.');
  });
});

describe('profileIsEmpty', () => {
  it('is empty only when nothing the patterns read is filled in', () => {
    expect(profileIsEmpty({ schoolCount: null, frlPercent: null, locale: null })).toBe(true);
    expect(profileIsEmpty({ schoolCount: 75, frlPercent: null, locale: null })).toBe(false);
    expect(profileIsEmpty({ schoolCount: null, frlPercent: null, locale: 'rural' })).toBe(false);
  });
});

const counts = (tight: number, shared: number, loose: number, unset = 0) => ({ tight, shared, loose, unset });

describe('decision 1 and the matrix', () => {
  it('sums up a phase of the matrix in one line', () => {
    expect(matrixLine({ text: '4 of 6 held tight, 2 loose.', areas: 6, ...counts(4, 0, 2) })).toBe('Matrix: 4 of 6 held tight, 2 loose — mostly tight.');
    expect(matrixLine({ text: '3 of 6 held tight, 1 shared, 2 loose.', areas: 6, ...counts(3, 1, 2) })).toBe('Matrix: 3 of 6 held tight, 1 shared, 2 loose — leans tight.');
    expect(matrixLine({ text: '0 of 6 held tight, 6 not set.', areas: 6, ...counts(0, 0, 0, 6) })).toBe('Matrix: no stances set for this phase yet.');
    expect(matrixLine({ text: '0 of 0 held tight.', areas: 0, ...counts(0, 0, 0) })).toBe('Matrix: no areas of implementation yet.');
  });

  it('says plainly when the stated position and the matrix point different ways, in the balance line’s words', () => {
    expect(matrixDisagreement(1, counts(4, 2, 0))).toBe('Your stated position leans decentralized, but the matrix holds most areas tight.');
    expect(matrixDisagreement(2, counts(2, 3, 1))).toBe('Your stated position is strongly decentralized, but the matrix leans tight.');
    expect(matrixDisagreement(-2, counts(2, 2, 2))).toBe('Your stated position is strongly centralized, but the matrix is balanced between tight and loose.');
    expect(matrixDisagreement(-2, counts(0, 6, 0))).toBe('Your stated position is strongly centralized, but the matrix shares most areas between the central office and schools.');
    expect(matrixDisagreement(0, counts(0, 0, 3, 3))).toBe('Your stated position is mid-way, but the matrix leaves every area it has decided loose.');
    expect(matrixDisagreement(-1, counts(4, 2, 0))).toBeNull();
    expect(matrixDisagreement(null, counts(6, 0, 0))).toBeNull();
    expect(matrixDisagreement(2, counts(0, 0, 0, 6))).toBeNull();
  });

  it('flags exactly the pairs two or more steps apart (property)', () => {
    const positions = fc.constantFrom(-2, -1, 0, 1, 2);
    const n = fc.integer({ min: 0, max: 6 });
    fc.assert(fc.property(positions, n, n, n, (position, tight, shared, loose) => {
      const balance = countsBalance(counts(tight, shared, loose));
      const flagged = matrixDisagreement(position, counts(tight, shared, loose)) !== null;
      expect(flagged).toBe(balance !== null && Math.abs(balanceAsPosition(balance) - position) >= 2);
    }));
  });
});

describe('rationales to review', () => {
  it('lists flagged template rationales by decision, then phase order', () => {
    const phases = [{ id: 'b', name: 'Expand', order: 1 }, { id: 'a', name: 'Pilot', order: 0 }];
    const position = (decision: number, phaseId: string, rationaleOrigin: Position['rationaleOrigin']): Position => ({ id: `${decision}${phaseId}`, planId: 'p', phaseId, decision, position: 0, rationale: 'Words.', rationaleOrigin });
    expect(reviewList(phases, [
      position(3, 'b', 'template-review'), position(3, 'a', 'template-review'), position(1, 'b', 'template-review'),
      position(2, 'a', 'template'), position(4, 'a', 'planner'), position(5, 'gone', 'template-review'),
    ])).toEqual([
      { decision: 1, phaseId: 'b', phaseName: 'Expand' },
      { decision: 3, phaseId: 'a', phaseName: 'Pilot' },
      { decision: 3, phaseId: 'b', phaseName: 'Expand' },
    ]);
  });
});
