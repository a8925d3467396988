import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalize, positionFromSlider, priority, proposeWaves, proposeWavesBySlider, quadrant, rankSchools, scoreSchools, sliderFromPosition,
  type Indicator, type SchoolScore, type ScoredSchool,
} from '../../../renderer/src/domain/school-scoring';

const poverty: Indicator = { key: 'frl', label: 'Students in poverty (%)', side: 'need', weight: 2, direction: 'higher-is-more' };
const attendance: Indicator = { key: 'att', label: 'Attendance (%)', side: 'need', weight: 1, direction: 'lower-is-more' };
const buyIn: Indicator = { key: 'buyin', label: 'Staff buy-in (1–5)', side: 'readiness', weight: 1, direction: 'higher-is-more' };

const school = (id: string, name: string, values: Record<string, number | null>): ScoredSchool => ({ id, name, students: 400, values });

describe('normalize', () => {
  it('scales min to 0 and max to 100, keeping nulls', () => {
    expect(normalize([10, 20, null, 30])).toEqual([0, 50, null, 100]);
  });
  it('flips for lower-is-more', () => {
    expect(normalize([10, 20, 30], 'lower-is-more')).toEqual([100, 50, 0]);
  });
  it('stays finite for extreme values', () => {
    expect(normalize([-Number.MAX_VALUE, 0, Number.MAX_VALUE])).toEqual([0, 50, 100]);
  });
  it('gives 50 when every known value is equal, and nulls when none is known', () => {
    expect(normalize([7, null, 7])).toEqual([50, null, 50]);
    expect(normalize([null, null])).toEqual([null, null]);
    expect(normalize([])).toEqual([]);
  });
});

describe('scoreSchools', () => {
  const schools = [
    school('a', 'Adams', { frl: 90, att: 85, buyin: 2 }),
    school('b', 'Banneker', { frl: 30, att: 95, buyin: 5 }),
    school('c', 'Carver', { frl: 60, att: null, buyin: null }),
  ];

  it('takes the weighted mean per side', () => {
    const [a, b, c] = scoreSchools(schools, [poverty, attendance, buyIn]);
    // Adams: poverty 100 (w2), attendance 100 (lowest attendance, w1) → 100; buy-in 0.
    expect(a).toEqual({ id: 'a', name: 'Adams', need: 100, readiness: 0 });
    expect(b).toEqual({ id: 'b', name: 'Banneker', need: 0, readiness: 100 });
    // Carver: attendance unknown, so poverty alone (50) decides; no readiness data at all.
    expect(c).toEqual({ id: 'c', name: 'Carver', need: 50, readiness: null });
  });

  it('treats all-zero weights as equal weights', () => {
    const zero = [{ ...poverty, weight: 0 }, { ...attendance, weight: 0 }];
    const [a] = scoreSchools([school('a', 'A', { frl: 100, att: 90 }), school('b', 'B', { frl: 0, att: 80 })], zero);
    // poverty 100, attendance 0 (higher attendance = less need) → mean 50.
    expect(a?.need).toBe(50);
  });

  it('ignores an indicator weighted 0 when others on its side carry weight', () => {
    const [a] = scoreSchools([school('a', 'A', { frl: 100, att: 90 }), school('b', 'B', { frl: 0, att: 80 })], [poverty, { ...attendance, weight: 0 }]);
    expect(a?.need).toBe(100);
  });

  it('gives null on a side without indicators', () => {
    expect(scoreSchools(schools, [poverty])[0]?.readiness).toBeNull();
  });
});

describe('priority and ranking', () => {
  const scores: SchoolScore[] = [
    { id: '1', name: 'Lincoln', need: 90, readiness: 20 },
    { id: '2', name: 'Douglass', need: 40, readiness: 95 },
    { id: '3', name: 'Franklin', need: 65, readiness: 60 },
    { id: '4', name: 'Unknown Elementary', need: null, readiness: 80 },
  ];

  it('blends need and readiness by the slider', () => {
    expect(priority(80, 20, 0)).toBe(80);
    expect(priority(80, 20, 100)).toBe(20);
    expect(priority(80, 20, 50)).toBe(50);
    expect(priority(null, 20, 100)).toBe(20);
    expect(priority(null, 20, 50)).toBeNull();
    expect(priority(80, null, 0)).toBe(80);
  });

  it('ranks by need at 0 and by readiness at 100, unknown last', () => {
    expect(rankSchools(scores, 0)).toEqual(['1', '3', '2', '4']);
    expect(rankSchools(scores, 100)).toEqual(['2', '4', '3', '1']);
    expect(rankSchools(scores, 50)).toEqual(['2', '3', '1', '4']);
  });

  it('breaks ties by name, then id, whatever the input order', () => {
    const tied: SchoolScore[] = [
      { id: 'z', name: 'Beta', need: 50, readiness: 50 },
      { id: 'y', name: 'alpha', need: 50, readiness: 50 },
      { id: 'x', name: 'Beta', need: 50, readiness: 50 },
    ];
    expect(rankSchools(tied, 30)).toEqual(['y', 'x', 'z']);
    expect(rankSchools([...tied].reverse(), 30)).toEqual(['y', 'x', 'z']);
  });
});

describe('slider and position', () => {
  it('maps the five positions to slider steps and back', () => {
    expect([-2, -1, 0, 1, 2].map(sliderFromPosition)).toEqual([0, 25, 50, 75, 100]);
    expect(sliderFromPosition(null)).toBe(50);
    expect([0, 10, 13, 37, 62, 88, 100].map(positionFromSlider)).toEqual([-2, -2, -1, -1, 0, 2, 2]);
    for (const p of [-2, -1, 0, 1, 2]) expect(positionFromSlider(sliderFromPosition(p))).toBe(p);
  });
});

describe('proposeWaves', () => {
  it('chunks the ranking in order, last wave short', () => {
    expect(proposeWaves(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(proposeWaves([], 3)).toEqual([]);
  });
  it('stops after waveCount waves', () => {
    expect(proposeWaves(['a', 'b', 'c', 'd', 'e'], 2, 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(proposeWaves(['a'], 2, 0)).toEqual([]);
  });
  it('rejects a wave size below 1', () => {
    expect(() => proposeWaves(['a'], 0)).toThrow(RangeError);
    expect(() => proposeWaves(['a'], 1.5)).toThrow(RangeError);
    expect(() => proposeWaves(['a'], 1, -1)).toThrow(RangeError);
  });
});

describe('quadrant', () => {
  it('splits at 50', () => {
    expect(quadrant(50, 50)).toBe('high need, ready');
    expect(quadrant(80, 49.9)).toBe('high need, not yet ready');
    expect(quadrant(10, 90)).toBe('lower need, ready');
    expect(quadrant(10, 10)).toBe('lower need, not yet ready');
    expect(quadrant(null, 10)).toBeNull();
  });
});

// ——— properties ———

const value = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null, freq: 4 });
const indicatorArb = fc.record({
  side: fc.constantFrom<'need' | 'readiness'>('need', 'readiness'),
  weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })),
  direction: fc.constantFrom<'higher-is-more' | 'lower-is-more'>('higher-is-more', 'lower-is-more'),
});
const world = fc.record({
  indicators: fc.array(indicatorArb, { maxLength: 5 }),
  rows: fc.array(fc.record({ name: fc.constantFrom('Adams', 'Baker', 'adams', 'Cole'), values: fc.array(value, { minLength: 5, maxLength: 5 }) }), { maxLength: 12 }),
}).map(({ indicators, rows }) => ({
  indicators: indicators.map((i, k): Indicator => ({ ...i, key: `k${k}`, label: `Indicator ${k}` })),
  schools: rows.map((r, n): ScoredSchool => ({ id: `s${n}`, name: r.name, students: 100, values: Object.fromEntries(r.values.map((v, k) => [`k${k}`, v])) })),
}));

describe('properties', () => {
  it('scores values too close to tell apart as equal, never as NaN', () => {
    expect(normalize([6.4e-323, 5.4e-323])).toEqual([50, 50]);
  });

  it('scores stay within 0–100', () => {
    fc.assert(fc.property(world, ({ schools, indicators }) => {
      for (const s of scoreSchools(schools, indicators)) {
        for (const v of [s.need, s.readiness]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
      }
    }));
  });

  it('scaling all weights by a positive factor changes nothing', () => {
    fc.assert(fc.property(world, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ schools, indicators }, factor) => {
      const before = scoreSchools(schools, indicators);
      const after = scoreSchools(schools, indicators.map((i) => ({ ...i, weight: i.weight * factor })));
      after.forEach((s, n) => {
        const b = before[n];
        for (const side of ['need', 'readiness'] as const) {
          const x = s[side];
          const y = b?.[side] ?? null;
          if (x === null || y === null) expect(x).toBe(y);
          else expect(x).toBeCloseTo(y, 6);
        }
      });
    }));
  });

  it('ranking is a permutation of the input and independent of input order', () => {
    fc.assert(fc.property(world, fc.integer({ min: 0, max: 100 }), ({ schools, indicators }, slider) => {
      const scores = scoreSchools(schools, indicators);
      const ranked = rankSchools(scores, slider);
      expect([...ranked].sort()).toEqual(scores.map((s) => s.id).sort());
      expect(rankSchools([...scores].reverse(), slider)).toEqual(ranked);
    }));
  });

  it('proposeWaves partitions the ranking in order, every wave at most waveSize', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (ids, size) => {
      const waves = proposeWaves(ids, size);
      expect(waves.flat()).toEqual(ids);
      for (const w of waves) expect(w.length >= 1 && w.length <= size).toBe(true);
      waves.slice(0, -1).forEach((w) => expect(w.length).toBe(size));
    }));
  });
});

describe('waves proposed by each wave’s own slider', () => {
  const scores: SchoolScore[] = [
    { id: 'a', name: 'Adams', need: 90, readiness: 10 },
    { id: 'b', name: 'Baker', need: 20, readiness: 95 },
    { id: 'c', name: 'Cedar', need: 70, readiness: 80 },
    { id: 'd', name: 'Dunmore', need: 40, readiness: 40 },
    { id: 'e', name: 'Eastside', need: 85, readiness: 30 },
  ];

  it('takes the readiest schools first when the pilot prioritizes readiness, then the neediest of the rest', () => {
    expect(proposeWavesBySlider(scores, [100, 0], 2)).toEqual([['b', 'c'], ['a', 'e']]);
    expect(proposeWavesBySlider(scores, [0, 0, 0], 2)).toEqual([['a', 'e'], ['c', 'd'], ['b']]);
  });

  it('takes a size per wave, "the rest" taking every school left', () => {
    expect(proposeWavesBySlider(scores, [100, 0, 0], [1, 2, 'rest'])).toEqual([['b'], ['a', 'e'], ['c', 'd']]);
    expect(proposeWavesBySlider(scores, [0, 0], [1, 'rest'])).toEqual([['a'], ['e', 'c', 'd', 'b']]);
    expect(() => proposeWavesBySlider(scores, [0, 0], [1])).toThrow(RangeError);
    expect(() => proposeWavesBySlider(scores, [0], [0])).toThrow(RangeError);
  });

  it('never puts a school in two waves, fills waves in order, and leaves the rest out (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ need: fc.option(fc.double({ min: 0, max: 100, noNaN: true })), readiness: fc.option(fc.double({ min: 0, max: 100, noNaN: true })) }), { maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }),
      fc.integer({ min: 1, max: 10 }),
      (rows, sliders, size) => {
        const input = rows.map((r, i) => ({ id: `s${i}`, name: `School ${i}`, need: r.need, readiness: r.readiness }));
        const waves = proposeWavesBySlider(input, sliders, size);
        const all = waves.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(waves).toHaveLength(sliders.length);
        expect(all.length).toBe(Math.min(input.length, sliders.length * size));
        waves.forEach((w, i) => expect(w.length).toBe(Math.max(0, Math.min(size, input.length - i * size))));
      },
    ));
  });

  it('refuses an empty wave size', () => {
    expect(() => proposeWavesBySlider(scores, [50], 0)).toThrow(RangeError);
  });
});
