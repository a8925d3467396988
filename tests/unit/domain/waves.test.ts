import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { intakeText, phaseForNewWave, phaseIntake, waveIntake, waveName } from '../../../renderer/src/domain/waves';
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
