import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balanceAsPosition, isSummerBreak, kindFromName, milestoneProblem, phaseAt, phaseTimingNotes, shiftDate, stanceShifts, stanceSummary, summerBreaks,
} from '../../../renderer/src/domain/roadmap-rules';
import { STANCES, type Phase, type Stance, type StanceValue } from '../../../renderer/src/domain/schemas';

const PLAN = '00000000-0000-4000-8000-000000000000';
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

function phase(name: string, start: string, end: string, order = 0): Phase {
  return { id: id(), planId: PLAN, order, name, kind: 'custom', status: 'planned', start, end, goal: '', entryCriteria: '', gate: '' };
}

function stance(areaId: string, phaseId: string, value: StanceValue | null): Stance {
  return { id: id(), planId: PLAN, areaId, phaseId, stance: value, rationale: '', rationaleOrigin: 'planner', owner: '', guardrails: '' };
}

describe('phase timing', () => {
  it('reports nothing for phases back to back', () => {
    expect(phaseTimingNotes([phase('Pilot', '2027-08-01', '2028-07-31'), phase('Expand', '2028-08-01', '2029-07-31')])).toEqual([]);
  });

  it('reports an overlap and a gap with their length in days, in date order', () => {
    const pilot = phase('Pilot', '2027-08-01', '2028-07-31', 0);
    const expand = phase('Expand', '2028-06-01', '2029-07-31', 1);
    const scale = phase('Scale', '2029-09-01', '2030-07-31', 2);
    const notes = phaseTimingNotes([scale, expand, pilot]);
    expect(notes.map((n) => [n.kind, n.first.name, n.second.name, n.days])).toEqual([['overlap', 'Pilot', 'Expand', 61], ['gap', 'Expand', 'Scale', 31]]);
    expect(notes[0]?.message).toBe('“Pilot” and “Expand” overlap by 61 days.');
    expect(notes[1]?.message).toBe('31 days with no phase between “Expand” and “Scale”.');
  });

  it('does not count the summer between two school years as a gap, given the school year’s start month', () => {
    const pilot = phase('Pilot', '2027-08-01', '2028-06-30', 0);
    const expand = phase('Expand', '2028-08-01', '2029-06-15', 1);
    const scale = phase('Scale', '2029-08-20', '2030-06-30', 2);
    expect(phaseTimingNotes([pilot, expand, scale], 8)).toEqual([]);
    expect(summerBreaks([pilot, expand, scale], 8).map((b) => [b.first.name, b.second.name, b.days])).toEqual([['Pilot', 'Expand', 31], ['Expand', 'Scale', 65]]);
    // Without the plan's school year, as before: gaps.
    expect(phaseTimingNotes([pilot, expand, scale]).map((n) => n.kind)).toEqual(['gap', 'gap']);
    // A school year starting in September makes August part of the school year before: still the summer.
    expect(phaseTimingNotes([pilot, phase('Expand', '2028-09-01', '2029-06-30', 1)], 9)).toEqual([]);
    // But with an August start, a phase starting in September leaves August, the school year's first month, uncovered.
    expect(phaseTimingNotes([pilot, phase('Expand', '2028-09-01', '2029-06-30', 1)], 8).map((n) => n.days)).toEqual([62]);
  });

  it('knows the summer break by where the first phase ends and the next starts', () => {
    expect(isSummerBreak('2028-06-30', '2028-08-01', 8)).toBe(true);
    expect(isSummerBreak('2028-05-01', '2028-08-31', 8)).toBe(true);
    // Ends before May: a spring gap, not the summer.
    expect(isSummerBreak('2028-04-30', '2028-08-01', 8)).toBe(false);
    // Starts after the school year's first month.
    expect(isSummerBreak('2028-07-31', '2028-09-01', 8)).toBe(false);
    // Both inside one school year (a gap in August after a phase that ended in August).
    expect(isSummerBreak('2028-08-05', '2028-08-20', 8)).toBe(false);
    // Back to back or overlapping is no break at all.
    expect(isSummerBreak('2028-07-31', '2028-08-01', 8)).toBe(false);
    expect(isSummerBreak('2028-08-31', '2028-08-01', 8)).toBe(false);
    // A school year starting in January: the break is at the turn of the calendar year.
    expect(isSummerBreak('2028-12-15', '2029-01-08', 1)).toBe(true);
    expect(isSummerBreak('2028-06-30', '2028-08-01', 1)).toBe(false);
  });

  it('never reports more overlap than the shorter phase lasts, and sums with gaps to the span (property)', () => {
    const day = fc.integer({ min: 0, max: 2000 });
    const span = fc.tuple(day, fc.integer({ min: 1, max: 800 }));
    fc.assert(fc.property(fc.array(span, { minLength: 1, maxLength: 8 }), (spans) => {
      const iso = (offset: number) => shiftDate('2027-01-01', offset);
      const phases = spans.map(([start, length], i) => phase(`P${i}`, iso(start), iso(start + length), i));
      for (const note of phaseTimingNotes(phases)) {
        expect(note.days).toBeGreaterThan(0);
        if (note.kind === 'overlap') {
          const secondLength = spans[phases.indexOf(note.second)]?.[1] ?? 0;
          expect(note.days).toBeLessThanOrEqual(secondLength + 1);
        }
      }
    }));
  });
});

describe('milestones against their phase', () => {
  const pilot = phase('Pilot', '2027-08-01', '2028-07-31');
  it('flags a milestone before or after its phase and accepts one inside, or one with no phase', () => {
    expect(milestoneProblem({ date: '2027-08-01', phaseId: pilot.id }, [pilot])).toBeNull();
    expect(milestoneProblem({ date: '2028-07-31', phaseId: pilot.id }, [pilot])).toBeNull();
    expect(milestoneProblem({ date: '2027-07-31', phaseId: pilot.id }, [pilot])).toBe('Before its phase “Pilot” starts (Aug 1, 2027).');
    expect(milestoneProblem({ date: '2028-08-01', phaseId: pilot.id }, [pilot])).toBe('After its phase “Pilot” ends (Jul 31, 2028).');
    expect(milestoneProblem({ date: '2040-01-01', phaseId: null }, [pilot])).toBeNull();
    expect(milestoneProblem({ date: '2028-01-01', phaseId: id() }, [pilot])).toBe('Its phase no longer exists.');
  });

  it('finds the phase a date falls in', () => {
    const expand = phase('Expand', '2028-08-01', '2029-07-31', 1);
    expect(phaseAt('2028-09-15', [pilot, expand])?.name).toBe('Expand');
    expect(phaseAt('2035-01-01', [pilot, expand])).toBeNull();
  });
});

describe('stance summary and balance', () => {
  const areas = [id(), id(), id(), id(), id()];
  const pilot = id();
  const scale = id();
  const stances = [
    stance(areas[0] as string, pilot, 'tight'), stance(areas[1] as string, pilot, 'tight'), stance(areas[2] as string, pilot, 'loose'), stance(areas[3] as string, pilot, 'shared'),
    stance(areas[0] as string, scale, 'tight'), stance(areas[1] as string, scale, 'loose'), stance(areas[2] as string, scale, 'tight'),
  ];

  it('counts each stance in a phase and writes one line', () => {
    const summary = stanceSummary(pilot, areas, stances);
    expect(summary).toMatchObject({ tight: 2, shared: 1, loose: 1, unset: 1, areas: 5, balance: 0.25 });
    expect(summary.text).toBe('2 of 5 held tight, 1 shared, 1 loose, 1 not set.');
    expect(stanceSummary(id(), areas, stances)).toMatchObject({ unset: 5, balance: null, text: '0 of 5 held tight, 5 not set.' });
  });

  it('keeps the balance between -1 and 1 and the counts adding up to the areas (property)', () => {
    const value = fc.constantFrom<StanceValue | null>(...STANCES, null);
    fc.assert(fc.property(fc.array(value, { maxLength: 30 }), (values) => {
      const areaIds = values.map(() => id());
      const summary = stanceSummary(pilot, areaIds, values.map((v, i) => stance(areaIds[i] as string, pilot, v)));
      expect(summary.tight + summary.shared + summary.loose + summary.unset).toBe(areaIds.length);
      if (summary.balance !== null) {
        expect(Math.abs(summary.balance)).toBeLessThanOrEqual(1);
        expect(Math.abs(balanceAsPosition(summary.balance))).toBeLessThanOrEqual(2);
      }
    }));
  });

  it('puts the balance on the decision scale (all tight is strongly centralized)', () => {
    expect(balanceAsPosition(1)).toBe(-2);
    expect(balanceAsPosition(-1)).toBe(2);
  });

  it('finds where an area shifts from one phase to the next, skipping phases with no stance', () => {
    const middle = id();
    expect(stanceShifts([pilot, middle, scale], areas, stances)).toEqual([
      { areaId: areas[1], phaseId: scale, from: 'tight', to: 'loose' },
      { areaId: areas[2], phaseId: scale, from: 'loose', to: 'tight' },
    ]);
  });
});

describe('phase kinds from names', () => {
  it('reads the kind from the start of the name', () => {
    expect(['Pilot', 'expand to wave 2', 'Scale-up', 'Sustain', 'Design year'].map(kindFromName)).toEqual(['pilot', 'expand', 'scale', 'sustain', 'custom']);
  });
});
