import { describe, expect, it } from 'vitest';
import { clipText, fiscalYearsText, guardrailLines, ordinal, rankText, schoolBrief, shortList } from '../../../renderer/src/domain/school-briefs';
import { scoringInput } from '../../../renderer/src/domain/indicators';
import { scoreSchools } from '../../../renderer/src/domain/school-scoring';
import type { AllocationRow, PlanBundle, School } from '../../../renderer/src/domain/schemas';
import { samplePlan } from './plan-fixtures';

const id = (n: number) => `bbbbbbbb-bbbb-4bbb-8bbb-${String(n).padStart(12, '0')}`;

/**
 * Riverside's plan from the pilot-to-scale template (Pilot 2027–28, Expand 2028–29, Scale,
 * Sustain; fiscal years start in July): Wave 1 pilots, Wave 2 joins in Expand with three
 * schools, Wave 3 is not scheduled, one school is in no wave; a grant and lines of every kind.
 */
function riverside(): PlanBundle {
  const bundle = samplePlan();
  const planId = bundle.plan.id;
  const [pilot, expand, scale, sustain] = [...bundle.phases].sort((a, b) => a.order - b.order);
  if (!pilot || !expand || !scale || !sustain) throw new Error('the template has four phases');
  const indicator = (name: string) => {
    const found = bundle.indicators.find((i) => i.name === name);
    if (!found) throw new Error(`no indicator ${name}`);
    return found.id;
  };
  const gap = indicator('Achievement gap');
  const absence = indicator('Chronic absence');
  const commitment = indicator('Leadership commitment');
  const buyIn = indicator('Staff buy-in');
  const waves = [
    { id: id(1), planId, order: 0, name: 'Wave 1', phaseId: pilot.id, notes: '' },
    { id: id(2), planId, order: 1, name: 'Wave 2', phaseId: expand.id, notes: 'Middle schools.' },
    { id: id(3), planId, order: 2, name: 'Wave 3', phaseId: null, notes: '' },
  ];
  const school = (n: number, name: string, waveId: string | null, students: number, frl: number | null, values: Record<string, number | null>): School => ({
    id: id(10 + n), planId, order: n, name, code: `RUSD-${100 + n}`, gradeBand: n < 2 ? 'K-5' : '6-8', students, frlPercent: frl, values, waveId,
  });
  const schools = [
    school(0, 'Lincoln Elementary', id(1), 531, 75.4, { [gap]: 18, [absence]: 22.9, [commitment]: 5, [buyIn]: 71 }),
    school(1, 'Washington Elementary', id(1), 435, 60, { [gap]: 10, [absence]: 20.6, [commitment]: 4, [buyIn]: 77 }),
    school(2, 'Roosevelt Middle', id(2), 720, 59.8, { [gap]: 25, [absence]: 17.6, [commitment]: 2, [buyIn]: 84 }),
    school(3, 'Jefferson Middle', id(2), 610, 37.6, { [gap]: 6, [absence]: 18.8, [commitment]: 4, [buyIn]: 83 }),
    school(4, 'Adams Middle', id(2), 590, 81.2, { [gap]: 30, [absence]: 30.1, [commitment]: null, [buyIn]: null }),
    school(5, 'Monroe High', id(3), 1400, 48, { [gap]: 12, [absence]: 15, [commitment]: 3, [buyIn]: 65 }),
    school(6, 'Cedar Academy', null, 300, null, {}),
  ];
  const fundingSources = [{ id: id(30), planId, order: 0, name: 'Innovation grant', amountCents: 1_200_000_00, type: 'federal-grant' as const, start: pilot.start, end: expand.end, obligateBy: null, notes: '' }];
  const technology = bundle.areas.find((a) => a.name.startsWith('Technology'))?.id ?? null;
  const curriculum = bundle.areas.find((a) => a.name.startsWith('Curriculum'))?.id ?? null;
  const base = { planId, sourceId: id(30), kind: 'money' as const, recurrence: 'one-time' as const, flexible: false, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null };
  const allocations: AllocationRow[] = [
    // Not Roosevelt's: the central office's, and Wave 1's.
    { ...base, id: id(40), phaseId: expand.id, recipient: { kind: 'central' }, amount: 300_000_00 },
    { ...base, id: id(41), phaseId: pilot.id, recipient: { kind: 'wave', waveId: id(1) }, amount: 50_000_00, perSchool: true },
    // Wave 2: devices bought for each school, a wave-wide content budget, coaches for each school.
    { ...base, id: id(42), phaseId: expand.id, recipient: { kind: 'wave', waveId: id(2) }, amount: 40_000_00, perSchool: true, areaId: technology },
    { ...base, id: id(43), phaseId: expand.id, recipient: { kind: 'wave', waveId: id(2) }, amount: 90_000_00, perSchool: false, flexible: true, areaId: curriculum },
    { ...base, id: id(44), phaseId: expand.id, recipient: { kind: 'wave', waveId: id(2) }, kind: 'staff-fte', amount: 0.5, perSchool: true, recurrence: 'ongoing', untilPhaseId: scale.id, staffCost: { perFteCents: 100_000_00, yearlyIncreasePercent: 3 } },
    { ...base, id: id(45), phaseId: expand.id, recipient: { kind: 'wave', waveId: id(2) }, kind: 'devices', amount: 120, perSchool: true, sourceId: null },
    { ...base, id: id(46), phaseId: expand.id, recipient: { kind: 'wave', waveId: id(2) }, kind: 'training-hours', amount: 90, perSchool: false, sourceId: null },
    // Roosevelt's own: a recurring stipend from Expand through Sustain, from the district budget.
    { ...base, id: id(47), phaseId: expand.id, recipient: { kind: 'school', schoolId: id(12) }, amount: 10_000_00, recurrence: 'ongoing', untilPhaseId: sustain.id, sourceId: null },
    // Cedar Academy's own line, though it is in no wave.
    { ...base, id: id(48), phaseId: scale.id, recipient: { kind: 'school', schoolId: id(16) }, kind: 'training-hours', amount: 12, sourceId: null },
  ];
  return { ...bundle, waves, schools, fundingSources, allocations };
}

describe('schoolBrief', () => {
  const bundle = riverside();
  const phaseNames = [...bundle.phases].sort((a, b) => a.order - b.order).map((p) => p.name);
  const roosevelt = schoolBrief(bundle, id(12));

  it('names the school, its wave and when it joins', () => {
    expect(roosevelt).toMatchObject({ name: 'Roosevelt Middle', code: 'RUSD-102', gradeBand: '6-8', students: 720, frlPercent: 59.8, planName: 'Riverside roadmap', systemName: 'Riverside Unified' });
    expect(roosevelt.wave).toEqual({ id: id(2), name: 'Wave 2', schools: 3, notes: 'Middle schools.' });
    expect(roosevelt.joinText).toBe('Joins with Wave 2 in Expand, starting Aug 1, 2028 (school year 2028–29).');
  });

  it('goes through its wave’s phase and every later one, joining in the first', () => {
    expect(phaseNames).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain']);
    expect(roosevelt.phases.map((p) => p.name)).toEqual(['Expand', 'Scale', 'Sustain']);
    expect(roosevelt.phases.map((p) => p.joins)).toEqual([true, false, false]);
    expect(roosevelt.joinPhase?.name).toBe('Expand');
    expect(roosevelt.phases[0]).toMatchObject({ span: 'Aug\u00a02028 – Jul\u00a02029', start: '2028-08-01', end: '2029-07-31' });
    expect(roosevelt.phases[0]?.stanceText).toBe('3 of 6 held tight, 2 shared, 1 loose.');
    // A wave 1 school starts in the pilot.
    expect(schoolBrief(bundle, id(10)).phases.map((p) => p.name)).toEqual(['Pilot', 'Expand', 'Scale', 'Sustain']);
  });

  it('lists what the central office holds tight in its first phase, with the guardrails, and what the school decides', () => {
    expect(roosevelt.tight.map((a) => a.name)).toEqual(['Vision and outcomes', 'Technology and device procurement', 'Evaluation and data systems']);
    expect(roosevelt.tight.every((a) => a.stanceLabel === 'Tight' && a.meaning === 'the central office decides')).toBe(true);
    expect(roosevelt.tight[1]?.guardrails).toEqual([
      'Student data privacy agreement signed for every tool',
      'Devices and platforms meet accessibility standards (WCAG 2.1 AA)',
      'One help desk and one device repair process',
      'Device refresh every four years budgeted as an ongoing cost',
    ]);
    expect(roosevelt.loose.map((a) => a.name)).toEqual(['Curriculum and digital content']);
    expect(roosevelt.loose[0]?.meaning).toBe('each school decides');
    expect(roosevelt.loose[0]?.guardrails).toHaveLength(3);
    expect(roosevelt.shared.map((a) => a.name)).toEqual(['Definition of the model', 'Professional development and coaching']);
    expect(roosevelt.notSet).toEqual([]);
    // In the pilot, professional development is still the schools' own.
    expect(schoolBrief(bundle, id(10)).loose.map((a) => a.name)).toEqual(['Curriculum and digital content', 'Professional development and coaching']);
  });

  it('gives the school its own lines and its part of its wave’s lines, and nothing of others', () => {
    const lines = roosevelt.resources.lines;
    expect(lines.map((l) => l.allocationId)).toEqual([id(47), id(42), id(43), id(44), id(45), id(46)]);
    const byId = new Map(lines.map((l) => [l.allocationId, l]));

    const devicesMoney = byId.get(id(42));
    expect(devicesMoney).toMatchObject({ basis: 'each-school', amount: 40_000_00, amountText: '$40,000', basisText: 'Each school in Wave 2 gets this', fiscalYears: [2029], fiscalYearText: 'FY2029', totalCents: 40_000_00, source: 'Innovation grant', areaName: 'Technology and device procurement', flexible: false });

    const content = byId.get(id(43));
    expect(content).toMatchObject({ basis: 'wave-share', amount: 30_000_00, amountText: '$30,000', basisText: 'Equal share (1 of 3) of $90,000 for Wave 2', totalCents: 30_000_00, flexible: true });

    const coaches = byId.get(id(44));
    // Half an FTE at $100,000 rising 3%: $50,000 in 2028–29 and $51,500 in 2029–30.
    expect(coaches).toMatchObject({ basis: 'each-school', amountText: '0.5 FTE ($50,000 a year at first)', phaseName: 'Expand', untilPhaseName: 'Scale', fiscalYears: [2029, 2030], fiscalYearText: 'FY2029–FY2030', totalCents: 101_500_00 });

    expect(byId.get(id(45))).toMatchObject({ kind: 'devices', amountText: '120 devices', fiscalYears: [2029], totalCents: 0, source: 'District budget' });
    expect(byId.get(id(46))).toMatchObject({ kind: 'training-hours', basis: 'wave-share', amount: 30, amountText: '30 training hours', basisText: 'Equal share (1 of 3) of 90 training hours for Wave 2' });

    const stipend = byId.get(id(47));
    expect(stipend).toMatchObject({ basis: 'school', amountText: '$10,000 a year', basisText: 'This school’s own line', untilPhaseName: 'Sustain', fiscalYears: [2029, 2030, 2031], totalCents: 30_000_00 });
  });

  it('gives another school of the same wave the wave’s lines but not the first school’s own', () => {
    const jefferson = schoolBrief(bundle, id(13));
    expect(jefferson.resources.lines.map((l) => l.allocationId)).toEqual([id(42), id(43), id(44), id(45), id(46)]);
    expect(jefferson.resources.totalCents).toBe(roosevelt.resources.totalCents - 30_000_00);
  });

  it('adds up the money by fiscal year and the staff, devices and training as the plan counts them', () => {
    const { totalCents, byFiscalYear, units } = roosevelt.resources;
    expect(totalCents).toBe(40_000_00 + 30_000_00 + 101_500_00 + 30_000_00);
    expect(byFiscalYear).toEqual([
      { year: 2029, label: 'FY2029', cents: 40_000_00 + 30_000_00 + 50_000_00 + 10_000_00 },
      { year: 2030, label: 'FY2030', cents: 51_500_00 + 10_000_00 },
      { year: 2031, label: 'FY2031', cents: 10_000_00 },
    ]);
    // The coach's half FTE counts in both phases it covers.
    expect(units).toEqual({ 'staff-fte': 1, devices: 120, 'training-hours': 30 });
  });

  it('shows need and readiness as the plan scores them, with the indicators behind them', () => {
    const input = scoringInput(bundle.indicators, bundle.schools);
    const expected = scoreSchools(input.schools, input.indicators).find((s) => s.id === id(12));
    expect(roosevelt.scores.need).toBeCloseTo(expected?.need ?? NaN, 10);
    expect(roosevelt.scores.readiness).toBeCloseTo(expected?.readiness ?? NaN, 10);
    expect(roosevelt.scores.needOf).toBe(6);
    expect(roosevelt.scores.readinessOf).toBe(5);
    expect(roosevelt.scores.needRank).toBeGreaterThanOrEqual(1);
    expect(roosevelt.scores.quadrant).not.toBeNull();
    const frl = roosevelt.scores.indicators.find((i) => i.name === 'FRL share');
    expect(frl).toMatchObject({ side: 'need', value: 59.8, valueText: '59.8%', weightPercent: 40 });
    // FRL among the six schools with a value: 37.6 … 81.2.
    expect(frl?.score).toBeCloseTo(((59.8 - 37.6) / (81.2 - 37.6)) * 100, 6);
    const commitment = roosevelt.scores.indicators.find((i) => i.name === 'Leadership commitment');
    expect(commitment).toMatchObject({ side: 'readiness', value: 2, score: 0, weightPercent: 30 });
    expect(roosevelt.scores.indicators.find((i) => i.name === 'Connectivity')).toMatchObject({ value: null, valueText: 'Not known', score: null });
    // Adams has the highest FRL, gap and absence of all: first for need.
    expect(schoolBrief(bundle, id(14)).scores).toMatchObject({ need: 100, needRank: 1, readiness: null, readinessRank: null, quadrant: null });
  });

  it('says plainly when a school is in no wave, and still shows its own lines', () => {
    const cedar = schoolBrief(bundle, id(16));
    expect(cedar.wave).toBeNull();
    expect(cedar.joinText).toBe('Not in a wave yet: the plan does not say when this school joins.');
    expect(cedar.phases).toEqual([]);
    expect(cedar.joinPhase).toBeNull();
    expect([...cedar.tight, ...cedar.shared, ...cedar.loose]).toEqual([]);
    expect(cedar.resources.lines.map((l) => [l.basis, l.amountText, l.phaseName])).toEqual([['school', '12 training hours', 'Scale']]);
    expect(cedar.resources.totalCents).toBe(0);
    expect(cedar.scores).toMatchObject({ need: null, readiness: null, needRank: null });
  });

  it('says when a school’s wave is not scheduled yet', () => {
    const monroe = schoolBrief(bundle, id(15));
    expect(monroe.wave?.name).toBe('Wave 3');
    expect(monroe.joinText).toBe('In Wave 3, which is not scheduled yet: the plan does not say when it joins.');
    expect(monroe.phases).toEqual([]);
  });

  it('refuses a school that is not in the plan, naming it', () => {
    expect(() => schoolBrief(bundle, id(99))).toThrow(`School ${id(99)} is not in the plan “Riverside roadmap”.`);
  });
});

describe('brief helpers', () => {
  it('reads guardrails one per line, without blanks or list marks', () => {
    expect(guardrailLines('- Common measures\n\n  * One help desk  \r\n2. Privacy first\n•\tAccessible\n')).toEqual(['Common measures', 'One help desk', 'Privacy first', 'Accessible']);
    expect(guardrailLines('')).toEqual([]);
    expect(guardrailLines('-5% absence target')).toEqual(['-5% absence target']);
  });

  it('cuts long lists so that the "and N more" line fits in the same rows', () => {
    expect(shortList([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(shortList([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2], more: 3 });
    expect(shortList([], 2)).toEqual({ shown: [], more: 0 });
  });

  it('clips long text at a word, with an ellipsis', () => {
    expect(clipText('Short goal.', 40)).toBe('Short goal.');
    const clipped = clipText('Every teacher in a participating school gets coaching at least twice a month', 40);
    expect(clipped).toBe('Every teacher in a participating school…');
    expect(clipped.length).toBeLessThanOrEqual(40);
    expect(clipText('x'.repeat(500), 20)).toBe(`${'x'.repeat(19)}…`);
    expect(clipText('  two\n\nlines ', 40)).toBe('two lines');
    // Never half an emoji.
    expect(clipText('🌱'.repeat(30), 10)).toBe(`${'🌱'.repeat(9)}…`);
  });

  it('names places and fiscal years', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '112th']);
    expect(rankText(8, 40)).toBe('8th of 40 schools');
    expect(rankText(1, 1)).toBe('1st of 1 school');
    expect(rankText(null, 40)).toBe('Not scored');
    expect(fiscalYearsText([])).toBe('');
    expect(fiscalYearsText([2029])).toBe('FY2029');
    expect(fiscalYearsText([2031, 2029, 2030])).toBe('FY2029–FY2031');
  });
});
