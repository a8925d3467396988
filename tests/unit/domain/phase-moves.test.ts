import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyShift, moveOffer, offersMore, phasesAfter, planPhaseMove, shiftBetween, shiftText,
} from '../../../renderer/src/domain/phase-moves';
import type { Milestone, Phase } from '../../../renderer/src/domain/schemas';
import { shiftDate } from '../../../renderer/src/domain/roadmap-rules';

const PLAN = '00000000-0000-4000-8000-000000000000';
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

function phase(name: string, start: string, end: string, order: number): Phase {
  return { id: id(), planId: PLAN, order, name, kind: 'custom', status: 'planned', start, end, goal: '', entryCriteria: '', gate: '' };
}
function milestone(name: string, date: string, phaseId: string | null): Milestone {
  return { id: id(), planId: PLAN, phaseId, name, date, owner: '', done: false, kind: 'milestone' };
}

const pilot = phase('Pilot', '2027-08-01', '2028-07-31', 0);
const expand = phase('Expand', '2028-08-01', '2029-07-31', 1);
// A summer away from Expand, to see the gap kept.
const scale = phase('Scale', '2029-09-01', '2030-06-30', 2);
const phases = [scale, pilot, expand];
const opens = milestone('Pilot classrooms open', '2027-08-01', pilot.id);
const gate = milestone('Go / no-go', '2028-05-31', pilot.id);
const expandGate = milestone('Expand gate', '2029-05-01', expand.id);
const scaleReview = milestone('Scale review', '2030-01-15', scale.id);
const loose = milestone('Board retreat', '2028-01-10', null);
const milestones = [opens, gate, expandGate, scaleReview, loose];

describe('how far a date moved', () => {
  it('counts whole months when moving by months lands on the new date, days otherwise', () => {
    expect(shiftBetween('2027-08-01', '2027-09-01')).toEqual({ unit: 'months', amount: 1 });
    expect(shiftBetween('2028-07-31', '2028-08-31')).toEqual({ unit: 'months', amount: 1 });
    expect(shiftBetween('2028-07-31', '2028-06-30')).toEqual({ unit: 'months', amount: -1 });
    expect(shiftBetween('2027-08-01', '2027-08-15')).toEqual({ unit: 'days', amount: 14 });
    expect(shiftBetween('2027-08-15', '2027-09-01')).toEqual({ unit: 'days', amount: 17 });
    expect(shiftBetween('2027-08-01', '2027-08-01').amount).toBe(0);
  });

  it('moves dates by it, keeping the last day of a month the last day', () => {
    expect(applyShift('2028-01-31', { unit: 'months', amount: 1 })).toBe('2028-02-29');
    expect(applyShift('2028-05-31', { unit: 'months', amount: 1 })).toBe('2028-06-30');
    expect(applyShift('2028-05-15', { unit: 'days', amount: -20 })).toBe('2028-04-25');
  });

  it('says it in words', () => {
    expect(shiftText({ unit: 'months', amount: 1 })).toBe('a month later');
    expect(shiftText({ unit: 'months', amount: -3 })).toBe('3 months earlier');
    expect(shiftText({ unit: 'days', amount: 12 })).toBe('12 days later');
    expect(shiftText({ unit: 'days', amount: -1 })).toBe('a day earlier');
  });

  it('a date moved by the shift between two dates lands on the second (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -800, max: 800 }), (a, delta) => {
      const from = shiftDate('2026-01-01', a);
      const to = shiftDate(from, delta);
      expect(applyShift(from, shiftBetween(from, to))).toBe(to);
    }));
  });
});

describe('what a phase move takes with it', () => {
  it('names the phases after a phase by date, whatever their order in the list', () => {
    expect(phasesAfter(phases, pilot).map((p) => p.name)).toEqual(['Expand', 'Scale']);
    expect(phasesAfter(phases, scale)).toEqual([]);
    const twin = phase('Twin', pilot.start, '2028-01-31', 5);
    expect(phasesAfter([...phases, twin], pilot).map((p) => p.name)).toEqual(['Twin', 'Expand', 'Scale']);
    expect(phasesAfter([...phases, twin], twin).map((p) => p.name)).toEqual(['Expand', 'Scale']);
  });

  it('offers its milestones when its start moves, and the later phases with theirs when its end moves', () => {
    const move = moveOffer(phases, milestones, pilot, { start: '2027-09-01', end: '2028-08-31' });
    expect(move.milestones.map((m) => m.name)).toEqual(['Pilot classrooms open', 'Go / no-go']);
    expect(move.following.map((p) => p.name)).toEqual(['Expand', 'Scale']);
    expect(move.followingMilestones.map((m) => m.name)).toEqual(['Expand gate', 'Scale review']);
    expect(offersMore(move)).toBe(true);

    const endOnly = moveOffer(phases, milestones, pilot, { start: pilot.start, end: '2028-06-30' });
    expect(endOnly.milestones).toEqual([]);
    expect(endOnly.following).toHaveLength(2);
    const startOnly = moveOffer(phases, milestones, pilot, { start: '2027-08-15', end: pilot.end });
    expect(startOnly.following).toEqual([]);
    expect(startOnly.milestones).toHaveLength(2);
    expect(offersMore(moveOffer(phases, milestones, scale, { start: scale.start, end: '2030-07-31' }))).toBe(false);
  });

  it('moves what was chosen: milestones by the start’s shift, later phases and theirs by the end’s, keeping the gaps', () => {
    const dates = { start: '2027-09-01', end: '2028-08-31' };
    const all = planPhaseMove(phases, milestones, pilot, dates, { milestones: true, following: true });
    expect(all.phases).toEqual([
      { id: pilot.id, ...dates },
      { id: expand.id, start: '2028-09-01', end: '2029-08-31' },
      { id: scale.id, start: '2029-10-01', end: '2030-07-31' },
    ]);
    expect(all.milestones).toEqual([
      { id: opens.id, date: '2027-09-01' }, { id: gate.id, date: '2028-06-30' },
      { id: expandGate.id, date: '2029-06-01' }, { id: scaleReview.id, date: '2030-02-15' },
    ]);
    expect(planPhaseMove(phases, milestones, pilot, dates, { milestones: false, following: false })).toEqual({ phases: [{ id: pilot.id, ...dates }], milestones: [] });
    const onlyOwn = planPhaseMove(phases, milestones, pilot, dates, { milestones: true, following: false });
    expect(onlyOwn.phases).toHaveLength(1);
    expect(onlyOwn.milestones.map((m) => m.id)).toEqual([opens.id, gate.id]);
  });

  it('keeps every gap between the moved phase and those after it, to the day when it moved by days (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -60, max: 60 }).filter((d) => d !== 0), (days) => {
      const dates = { start: shiftDate(pilot.start, days), end: shiftDate(pilot.end, days) };
      fc.pre(shiftBetween(pilot.end, dates.end).unit === 'days');
      const move = planPhaseMove(phases, milestones, pilot, dates, { milestones: true, following: true });
      const after = new Map(move.phases.map((p) => [p.id, p]));
      expect(move.phases).toHaveLength(3);
      const gap = (a: { end: string }, b: { start: string }) => Date.parse(b.start) - Date.parse(a.end);
      expect(gap(after.get(pilot.id) as Phase, after.get(expand.id) as Phase)).toBe(gap(pilot, expand));
      expect(gap(after.get(expand.id) as Phase, after.get(scale.id) as Phase)).toBe(gap(expand, scale));
    }));
  });
});
