import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { equityFigures, equityMeasures, equityShare, equityWarning, intakeText, parseWaveSizes, phaseForNewWave, phaseIntake, waveIntake, waveName, waveSizesText } from '../../../renderer/src/domain/waves';
import type { IndicatorRow } from '../../../renderer/src/domain/schemas';
import { samplePlan, withSchools } from './plan-fixtures';

describe('wave intake', () => {
  const bundle = withSchools(samplePlan());
  const [wave1, wave2] = bundle.waves;

  it('counts the schools and students each wave brings, leaving out schools in no wave', () => {
    const intake = waveIntake(bundle.waves, bundle.schools);
    expect(intake.get(wave1?.id ?? '')).toEqual({ schools: 1, students: 420 });
    expect(intake.get(wave2?.id ?? '')).toEqual({ schools: 1, students: 760 });
  });

  it('adds up per phase in phase order, with a running total', () => {
    const rows = phaseIntake(bundle.phases, bundle.waves, bundle.schools);
    expect(rows.map((r) => [r.waves.map((w) => w.name), r.joining, r.total])).toEqual([
      [['Wave 1'], { schools: 1, students: 420 }, { schools: 1, students: 420 }],
      [['Wave 2'], { schools: 1, students: 760 }, { schools: 2, students: 1180 }],
      [[], { schools: 0, students: 0 }, { schools: 2, students: 1180 }],
      [[], { schools: 0, students: 0 }, { schools: 2, students: 1180 }],
    ]);
    expect(rows.map((r) => intakeText(r.joining))).toEqual(['+1 school, 420 students', '+1 school, 760 students', null, null]);
  });

  it('never counts a school twice, and the last total is every school in a wave of a phase (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({ wave: fc.integer({ min: -1, max: 3 }), students: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 60 }), (rows) => {
      const waves = bundle.waves.slice(0, 2);
      const schools = rows.map((r, i) => ({ ...bundle.schools[0]!, id: `s${i}`, students: r.students, waveId: r.wave >= 0 && r.wave < 2 ? waves[r.wave]!.id : r.wave === 2 ? 'gone' : null }));
      const last = phaseIntake(bundle.phases, waves, schools).at(-1)?.total;
      const inWaves = schools.filter((s) => waves.some((w) => w.id === s.waveId));
      expect(last).toEqual({ schools: inWaves.length, students: inWaves.reduce((sum, s) => sum + s.students, 0) });
    }));
  });
});

describe('a new wave', () => {
  it('is named from its place and joins in the phase at that place, or the last one', () => {
    expect([waveName(0), waveName(2)]).toEqual(['Wave 1', 'Wave 3']);
    const phases = [{ id: 'a' }, { id: 'b' }];
    expect([phaseForNewWave(0, phases), phaseForNewWave(1, phases), phaseForNewWave(4, phases), phaseForNewWave(0, [])]).toEqual(['a', 'b', 'b', null]);
  });
});

describe('wave sizes as a planner types them', () => {
  it('reads one size per wave, with "the rest" last', () => {
    expect(parseWaveSizes('5, 15, the rest')).toEqual({ ok: true, sizes: [5, 15, 'rest'] });
    expect(parseWaveSizes('5; 15; rest')).toEqual({ ok: true, sizes: [5, 15, 'rest'] });
    expect(parseWaveSizes('5 then 15 then everyone else')).toEqual({ ok: true, sizes: [5, 15, 'rest'] });
    expect(parseWaveSizes('8, 12 schools')).toEqual({ ok: true, sizes: [8, 12] });
    expect(waveSizesText([5, 15, 'rest'])).toBe('5, 15 and the rest');
  });

  it('keeps one size for a number of waves', () => {
    expect(parseWaveSizes('10', 2)).toEqual({ ok: true, sizes: [10, 10] });
    expect(parseWaveSizes('the rest', 3)).toEqual({ ok: true, sizes: ['rest'] });
    expect(parseWaveSizes('10', 0)).toEqual({ ok: false, message: 'Waves must be a whole number from 1 to 20.' });
    expect(parseWaveSizes('5, 15', 7)).toEqual({ ok: true, sizes: [5, 15] });
  });

  it('says which entry is wrong and how to write it', () => {
    expect(parseWaveSizes('')).toEqual({ ok: false, message: 'Type how many schools each wave takes, like “10” or “5, 15, the rest”.' });
    expect(parseWaveSizes('5, the rest, 10')).toEqual({ ok: false, message: 'Wave 2: “the rest” can only be the last wave.' });
    expect(parseWaveSizes('5, 2.5')).toEqual({ ok: false, message: 'Wave 2: “2.5” is not a number of schools: use whole numbers from 1 to 1,000, or “the rest”, like “10” or “5, 15, the rest”.' });
    expect(parseWaveSizes('lots')).toMatchObject({ ok: false, message: expect.stringMatching(/^“lots” is not a number of schools/) });
  });
});

describe('how a wave compares with the district', () => {
  const ell: IndicatorRow = { id: 'ell', planId: 'p', order: 0, name: 'English Learners %', side: 'need', weight: 0, direction: 'higher-is-more', source: 'value', unit: '%', range: { min: 0, max: 100 } };
  const swd: IndicatorRow = { ...ell, id: 'swd', name: 'SWD', unit: '', range: null };
  const survey: IndicatorRow = { ...ell, id: 'survey', name: 'Staff Readiness Survey (1-5)', side: 'readiness', unit: '1–5', range: { min: 1, max: 5 } };
  const school = (students: number, frl: number | null, values: Record<string, number> = {}) => ({ students, frlPercent: frl, values });

  it('compares on FRL and on each indicator naming a student group', () => {
    const measures = equityMeasures([ell, swd, survey], [school(100, 50)]);
    expect(measures.map((m) => [m.label, m.percent])).toEqual([['FRL', true], ['English Learners', true], ['SWD', false]]);
    expect(equityMeasures([survey], [school(100, null)])).toEqual([]);
  });

  it('weighs each school by its students, or counts them the same when no students are entered', () => {
    const frl = { key: 'frl', label: 'FRL', indicatorId: null, percent: true };
    expect(equityShare([school(900, 80), school(300, 40)], frl)).toBe(70);
    expect(equityShare([school(0, 80), school(0, 40)], frl)).toBe(60);
    expect(equityShare([school(900, 80), school(300, null)], frl)).toBe(80);
    expect(equityShare([school(300, null)], frl)).toBeNull();
  });

  it('words a pilot that leaves out high-need schools', () => {
    const district = [school(500, 90, { ell: 30 }), school(500, 80, { ell: 20 }), school(500, 40, { ell: 10 }), school(500, 38, { ell: 12 })];
    const pilot = district.slice(2);
    const measures = equityMeasures([ell], district);
    const figures = equityFigures(pilot, district, measures);
    expect(figures.map((f) => f.text)).toEqual(['FRL 39% vs district 62%', 'English Learners 11% vs district 18%']);
    expect(figures.map((f) => f.wellBelow)).toEqual([true, false]);
    expect(equityWarning(figures)).toBe('Well below the district on FRL (more than 10 points): schools with more of these students are under-represented in this wave.');
    expect(equityWarning(equityFigures(district.slice(0, 2), district, measures))).toBeNull();
    expect(equityFigures([], district, measures)[0]?.text).toBe('FRL not known');
  });
});
