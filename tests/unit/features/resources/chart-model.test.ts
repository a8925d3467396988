import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartSummary, cliffsByYear, DISTRICT_STYLE, niceScale, seriesStyle, shortMoney, stackSegments } from '../../../../renderer/src/features/resources/chart-model';
import { contrastRatio } from '../../../../renderer/src/components/stance-palette';
import type { FiscalYearBreakdown } from '../../../../renderer/src/domain/resource-rules';

const breakdown: FiscalYearBreakdown = {
  years: [2028, 2029, 2030],
  series: [
    { sourceId: 'g', name: 'Innovation grant', cents: [200_000_00, 80_000_00, 0] },
    { sourceId: null, name: 'District budget', cents: [15_000_00, 0, 40_000_00] },
  ],
  totals: [215_000_00, 80_000_00, 40_000_00],
  uncovered: [0, 0, 0],
};

describe('shortMoney', () => {
  it('writes thousands, millions and billions short', () => {
    expect(shortMoney(0)).toBe('$0');
    expect(shortMoney(900_00)).toBe('$900');
    expect(shortMoney(250_000_00)).toBe('$250K');
    expect(shortMoney(1_250_000_00)).toBe('$1.3M');
    expect(shortMoney(2_000_000_000_00)).toBe('$2B');
    expect(shortMoney(-50_000_00)).toBe('-$50K');
  });
});

describe('niceScale', () => {
  it('rounds the top of the axis up to a round step', () => {
    expect(niceScale(215_000_00)).toEqual({ top: 250_000_00, ticks: [0, 50_000_00, 100_000_00, 150_000_00, 200_000_00, 250_000_00] });
    expect(niceScale(0).ticks[0]).toBe(0);
    expect(niceScale(0).top).toBeGreaterThan(0);
  });

  it('always covers the largest bar with a few ascending ticks (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000_000_00 }), (max) => {
      const { top, ticks } = niceScale(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]).toBe(0);
      for (let i = 1; i < ticks.length; i += 1) expect(ticks[i]).toBeGreaterThan(ticks[i - 1] as number);
    }));
  });
});

describe('stackSegments', () => {
  it('stacks each year’s sources bottom to top, leaving out empty ones', () => {
    expect(stackSegments(breakdown)).toEqual([
      [{ series: 0, from: 0, to: 200_000_00 }, { series: 1, from: 200_000_00, to: 215_000_00 }],
      [{ series: 0, from: 0, to: 80_000_00 }],
      [{ series: 1, from: 0, to: 40_000_00 }],
    ]);
  });
});

describe('seriesStyle', () => {
  it('gives every source among the first dozen its own colour and pattern pair, the district budget its own', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => seriesStyle(i, false)).map((s) => `${s.color}|${s.pattern}`);
    expect(new Set(pairs).size).toBe(12);
    expect(seriesStyle(3, true)).toEqual(DISTRICT_STYLE);
    expect(seriesStyle(0, false).pattern).toBe('solid');
    expect(seriesStyle(1, false).pattern).not.toBe('solid');
  });

  it('draws in colours that stand out from white (3:1 for graphics)', () => {
    for (const style of [...Array.from({ length: 6 }, (_, i) => seriesStyle(i, false)), DISTRICT_STYLE]) {
      expect(contrastRatio(style.color, '#ffffff')).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('chartSummary', () => {
  it('sums the chart up: years, sources, the peak and each cliff', () => {
    expect(chartSummary(breakdown, [{ year: 2030, sources: ['Innovation grant'], uncoveredCents: 475_000_00 }])).toBe(
      'Money per fiscal year, FY2028 to FY2030, by source: Innovation grant, District budget. Highest in FY2028: $215,000. Fiscal cliff in FY2030: Innovation grant ends. Still uncovered in FY2030: $475,000.',
    );
    expect(chartSummary({ years: [], series: [], totals: [], uncovered: [] }, [])).toBe('Money per fiscal year: nothing allocated yet.');
    expect(chartSummary({ years: [2028], series: [], totals: [0], uncovered: [0] }, [{ year: 2028, sources: ['A', 'B'], uncoveredCents: 0 }]))
      .toBe('Money per fiscal year, FY2028: nothing allocated. Fiscal cliff in FY2028: A and B end. Its recurring costs are picked up.');
  });

  it('groups cliff warnings by year, naming each source once and adding up what is uncovered', () => {
    const warnings = [
      { kind: 'cliff', year: 2031, sourceId: 'b', uncoveredCents: 100 },
      { kind: 'over-budget', sourceId: 'a' },
      { kind: 'cliff', year: 2030, sourceId: 'a', uncoveredCents: 0 },
      { kind: 'cliff', year: 2031, sourceId: 'c', uncoveredCents: 250 },
    ];
    const names: Record<string, string> = { a: 'ESSER', b: 'Levy', c: 'Foundation grant' };
    expect(cliffsByYear(warnings, (id) => names[id] ?? id)).toEqual([
      { year: 2030, sources: ['ESSER'], uncoveredCents: 0 },
      { year: 2031, sources: ['Levy', 'Foundation grant'], uncoveredCents: 350 },
    ]);
  });
});
