import { describe, expect, it } from 'vitest';
import { DECISIONS, midwayShare } from '../../../renderer/src/domain/decisions';

describe('the seven decisions', () => {
  it('lists seven decisions in order with two poles each', () => {
    expect(DECISIONS.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const d of DECISIONS) expect(d.poleA && d.poleB && d.question).toBeTruthy();
  });

  it('carries the published survey splits, and none for decisions 3 and 4', () => {
    const split = (n: number) => DECISIONS.find((d) => d.number === n)?.survey;
    expect(split(1)).toEqual({ poleA: 35, poleB: 26, midway: 39, respondents: 89 });
    expect(split(2)).toMatchObject({ poleA: 16, poleB: 68 });
    expect(split(3)).toBeNull();
    expect(split(4)).toBeNull();
    expect(split(5)).toMatchObject({ poleA: 14, poleB: 67 });
    expect(split(6)).toMatchObject({ poleA: 27, poleB: 51 });
    expect(split(7)).toMatchObject({ poleA: 53, poleB: 12 });
  });

  it('derives the mid-way share where the study leaves it implicit', () => {
    for (const d of DECISIONS) {
      if (!d.survey) continue;
      const total = d.survey.poleA + d.survey.poleB + midwayShare(d.survey);
      expect(total).toBe(100);
    }
    expect(midwayShare({ poleA: 16, poleB: 68, midway: null, respondents: null })).toBe(16);
  });
});
