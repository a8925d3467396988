import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECISIONS, type Decision } from '../../../../renderer/src/domain/decisions';
import { balanceAsPosition } from '../../../../renderer/src/domain/roadmap-rules';
import { matrixDisagreement, matrixLine, profileIsEmpty, surveyRows, surveySentence } from '../../../../renderer/src/features/decisions/decision-rules';

const decision = (n: number) => DECISIONS.find((d) => d.number === n) as Decision;

describe('survey split', () => {
  it('lists pole A, mid-way and pole B, adding up to 100', () => {
    expect(surveyRows(decision(1))).toEqual([
      { label: 'Centralized implementation', percent: 35 },
      { label: 'Mid-way', percent: 39 },
      { label: 'Decentralized implementation', percent: 26 },
    ]);
    expect(surveyRows(decision(2)).map((r) => r.percent)).toEqual([16, 16, 68]);
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

describe('decision 1 and the matrix', () => {
  it('sums up a phase of the matrix in one line', () => {
    expect(matrixLine({ text: '4 of 6 held tight, 2 loose.', balance: 1 / 3, areas: 6 })).toBe('Matrix: 4 of 6 held tight, 2 loose — leans tight.');
    expect(matrixLine({ text: '0 of 6 held tight, 6 not set.', balance: null, areas: 6 })).toBe('Matrix: no stances set for this phase yet.');
    expect(matrixLine({ text: '0 of 0 held tight.', balance: null, areas: 0 })).toBe('Matrix: no areas of implementation yet.');
  });

  it('says plainly when the stated position and the matrix point different ways', () => {
    expect(matrixDisagreement(1, 2 / 3)).toBe('Your stated position leans decentralized, but the matrix holds most areas tight.');
    expect(matrixDisagreement(-2, 0)).toBe('Your stated position is strongly centralized, but the matrix is balanced between tight and loose.');
    expect(matrixDisagreement(0, -1)).toBe('Your stated position is mid-way, but the matrix leaves every area it has decided loose.');
    expect(matrixDisagreement(-1, 2 / 3)).toBeNull();
    expect(matrixDisagreement(null, 1)).toBeNull();
    expect(matrixDisagreement(2, null)).toBeNull();
  });

  it('flags exactly the pairs two or more steps apart (property)', () => {
    const positions = fc.constantFrom(-2, -1, 0, 1, 2);
    const balances = fc.integer({ min: 1, max: 12 }).chain((areas) => fc.tuple(fc.integer({ min: 0, max: areas }), fc.constant(areas)))
      .chain(([tight, decided]) => fc.integer({ min: 0, max: decided - tight }).map((loose) => (tight - loose) / decided));
    fc.assert(fc.property(positions, balances, (position, balance) => {
      const flagged = matrixDisagreement(position, balance) !== null;
      expect(flagged).toBe(Math.abs(balanceAsPosition(balance) - position) >= 2);
    }));
  });
});
