import { describe, expect, it } from 'vitest';
import { DECISIONS, midwayShare, poleName, positionEditLabel, positionLabel, profilePatterns, type Decision } from '../../../renderer/src/domain/decisions';

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

describe('profile patterns and position labels', () => {
  it('shows the study’s patterns only where the profile matches them', () => {
    const large = { schoolCount: 75, frlPercent: 68, locale: 'urban' as const };
    expect(profilePatterns(1, large)).toEqual([
      'Larger systems (60 to 100 schools) more often centralized; yours has 75 schools.',
      'Lower-income districts more often centralized; 68% of your students qualify for free or reduced-price lunch.',
    ]);
    expect(profilePatterns(3, large)[0]).toMatch(/Large and urban districts more often allocated by need; yours is urban/);
    expect(profilePatterns(4, { schoolCount: 8, frlPercent: 20, locale: 'suburban' })).toEqual([
      'Wealthier systems more often engaged external support; 20% of your students qualify for free or reduced-price lunch.',
    ]);
    expect(profilePatterns(1, { schoolCount: null, frlPercent: null, locale: null })).toEqual([]);
    expect(profilePatterns(2, large)).toEqual([]);
    const d2 = DECISIONS[1];
    if (!d2) throw new Error('decision 2');
    expect([-2, -1, 0, 1, 2, null].map((p) => positionLabel(d2, p))).toEqual([
      'Strongly Fast rollout', 'Leans Fast rollout', 'Mid-way', 'Leans Gradual rollout', 'Strongly Gradual rollout', 'Not set',
    ]);
  });
});

describe('poleName', () => {
  const decision = (n: number) => DECISIONS.find((d) => d.number === n) as Decision;

  it('puts plain words first, with the study’s own label beside them where it coined one', () => {
    expect([poleName(decision(2), 'A'), poleName(decision(2), 'B')]).toEqual(['Fast rollout (“Fast and furious”)', 'Gradual rollout (“Slow and steady”)']);
    expect([poleName(decision(6), 'A'), poleName(decision(6), 'B')]).toEqual(['One complete model (“Prix fixe”)', 'Modular tools (“À la carte”)']);
    expect(poleName(decision(3), 'A')).toBe('Prioritize need');
    // Plain words never carry the study's quotation marks.
    for (const d of DECISIONS) expect(`${d.poleA}${d.poleB}`).not.toMatch(/[“”"]/);
  });
});

describe('positionEditLabel', () => {
  const decision = (n: number) => DECISIONS.find((d) => d.number === n) as Decision;

  it('says what the edit does, for the undo history', () => {
    expect(positionEditLabel(decision(2), 'Pilot', 1)).toBe('Set decision 2 to Leans Gradual rollout in Pilot');
    expect(positionEditLabel(decision(1), 'Scale', -2)).toBe('Set decision 1 to Strongly Centralized implementation in Scale');
    expect(positionEditLabel(decision(1), 'Scale', 0)).toBe('Set decision 1 to Mid-way in Scale');
    expect(positionEditLabel(decision(5), 'Expand', null)).toBe('Clear decision 5 in Expand');
  });
});
