import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAN_SECTIONS } from '../../../renderer/src/app/router';
import { lineMultiplier } from '../../../renderer/src/domain/budget';
import { CHANGE_SECTIONS, changeSummaryText, comparePlans, type ChangeSection, type PlanChanges } from '../../../renderer/src/domain/plan-diff';
import { DISTRICT_BUDGET, schoolsByWave } from '../../../renderer/src/domain/resource-rules';
import { CHILD_COLLECTIONS, MONEY_MAX_CENTS, STANCES, type PlanBundle, type StanceValue } from '../../../renderer/src/domain/schemas';
import { generateLargePlan } from '../../bench/generate';
import { planBundleArbitrary } from '../support/plan-arbitrary';
import { samplePlan, withSchools } from './plan-fixtures';

const copy = (bundle: PlanBundle): PlanBundle => structuredClone(bundle);
const texts = (changes: PlanChanges) => changes.sections.flatMap((s) => s.changes.map((c) => c.text));
const textsIn = (changes: PlanChanges, section: ChangeSection) => changes.sections.find((s) => s.section === section)?.changes.map((c) => c.text) ?? [];

/** The Riverside sample with schools, waves, a grant and allocations: a plan as a district would have it. */
function riverside(): PlanBundle {
  return withSchools(samplePlan());
}

function phaseNamed(bundle: PlanBundle, name: string) {
  const phase = bundle.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`the sample plan has no phase ${name}`);
  return phase;
}

describe('comparePlans in the planner’s words', () => {
  it('uses the plan’s own section words, in the plan’s order', () => {
    // History holds the revisions, not the plan's content: nothing there is a change.
    expect(CHANGE_SECTIONS.map((s) => ({ ...s }))).toEqual(PLAN_SECTIONS.filter((s) => s.key !== 'history' && s.key !== 'journal').map((s) => ({ ...s })));
  });

  it('reports nothing for the same plan, new times, a new plan id or reordered rows', () => {
    const before = riverside();
    const after = copy(before);
    after.plan.updatedAt = '2030-01-01T00:00:00.000Z';
    after.plan.createdAt = '2029-01-01T00:00:00.000Z';
    after.plan.id = '11111111-1111-4111-8111-111111111111';
    after.areas.reverse();
    after.milestones.reverse();
    after.allocations.reverse();
    // Moving an area or a school up or down rewrites only the order fields.
    const [first, second] = after.areas;
    if (first && second) [first.order, second.order] = [second.order, first.order];
    const [adams, baker] = after.schools;
    if (adams && baker) [adams.order, baker.order] = [baker.order, adams.order];
    const changes = comparePlans(before, after);
    expect(changes.summary).toEqual({ total: 0, bySection: [] });
    expect(changes.sections).toEqual([]);
    expect(changeSummaryText(changes)).toBe('No changes');
  });

  it('says when a phase moved and when it was resized, in whole months or days', () => {
    const before = riverside();
    const after = copy(before);
    const expand = phaseNamed(after, 'Expand');
    expand.start = '2029-01-01';
    expand.end = '2029-12-31';
    const pilot = phaseNamed(after, 'Pilot');
    pilot.end = '2028-06-30';
    const scale = phaseNamed(after, 'Scale');
    scale.start = '2029-08-13';
    const roadmap = textsIn(comparePlans(before, after), 'roadmap');
    expect(roadmap).toEqual([
      'Pilot now ends Jun 30, 2028, 1 month earlier',
      'Expand now starts Jan 2029 and ends Dec 31, 2029, 5 months later',
      'Scale now starts Aug 13, 2029, 12 days later',
    ]);
    const resized = copy(before);
    phaseNamed(before, 'Pilot').end = '2028-05-31';
    phaseNamed(resized, 'Pilot').end = '2028-06-30';
    expect(textsIn(comparePlans(before, resized), 'roadmap')).toEqual(['Pilot now ends Jun 30, 2028, 1 month later']);
  });

  it('shows the money a moved phase shifts between fiscal years, from the budget', () => {
    const before = riverside();
    const after = copy(before);
    // Baker Middle's $45,000 a year now spans two school years of Expand, so FY2030 pays once more.
    const expand = phaseNamed(after, 'Expand');
    expand.start = '2029-01-01';
    expand.end = '2029-12-31';
    expect(textsIn(comparePlans(before, after), 'resources')).toEqual(['FY2030 Innovation grant: +$45,000']);
  });

  it('names phases renamed, added and removed, and text edited without a text diff', () => {
    const before = riverside();
    const after = copy(before);
    const pilot = phaseNamed(after, 'Pilot');
    pilot.name = 'Early pilot';
    pilot.goal = 'A different goal.';
    pilot.gate = 'A different gate.';
    pilot.status = 'underway';
    const sustain = phaseNamed(after, 'Sustain');
    after.phases = after.phases.filter((p) => p.id !== sustain.id);
    // Its stances, positions and targets go with it: the phase's own line says so.
    after.stances = after.stances.filter((s) => s.phaseId !== sustain.id);
    after.positions = after.positions.filter((p) => p.phaseId !== sustain.id);
    for (const o of after.outcomes) o.targets = o.targets.filter((t) => t.phaseId !== sustain.id);
    after.phases.push({ ...sustain, id: '22222222-2222-4222-8222-222222222222', name: 'Renew', start: '2031-08-01', end: '2032-07-31' });
    const changes = comparePlans(before, after);
    expect(textsIn(changes, 'roadmap')).toEqual([
      'Pilot renamed to Early pilot',
      'Early pilot: status Planned → Under way',
      'Early pilot: goal and go / no-go gate edited',
      'Phase added: Renew, Aug 1, 2031 – Jul 31, 2032',
      'Phase removed: Sustain',
    ]);
    expect(textsIn(changes, 'tight-loose')).toEqual([]);
    expect(textsIn(changes, 'decisions')).toEqual([]);
    expect(textsIn(changes, 'outcomes')).toEqual([]);
  });

  it('reports stance shifts with the stance words, and positions with the decision words', () => {
    const before = riverside();
    const curriculum = before.areas.find((a) => a.name === 'Curriculum and digital content');
    const pilot = phaseNamed(before, 'Pilot');
    const stance = before.stances.find((s) => s.areaId === curriculum?.id && s.phaseId === pilot.id);
    const position = before.positions.find((p) => p.decision === 2 && p.phaseId === pilot.id);
    if (!stance || !position) throw new Error('the sample plan has a stance and a position in its pilot');
    stance.stance = 'loose';
    position.position = 0;
    const after = copy(before);
    const shifted = after.stances.find((s) => s.id === stance.id);
    const moved = after.positions.find((p) => p.id === position.id);
    if (!shifted || !moved) throw new Error('copied');
    shifted.stance = 'tight';
    shifted.rationale = 'Schools asked for one curriculum after the first semester.';
    shifted.rationaleOrigin = 'planner';
    moved.position = 1;
    const changes = comparePlans(before, after);
    expect(textsIn(changes, 'tight-loose')).toEqual([
      'Curriculum and digital content in Pilot: Loose → Tight',
      'Curriculum and digital content in Pilot: rationale edited',
    ]);
    expect(textsIn(changes, 'decisions')).toEqual(['Decision 2 in Pilot: Mid-way → Leans Gradual rollout']);
    expect(changes.sections.find((s) => s.section === 'tight-loose')?.changes[0]?.recordId).toBe(stance.id);
  });

  it('reads a stance record that appears for an existing area and phase as one not set before', () => {
    const before = riverside();
    const after = copy(before);
    // A cell gets its record when the planner first sets a stance in it.
    const [dropped] = before.stances.splice(0, 1);
    const created = after.stances.find((s) => s.id === dropped?.id);
    if (!created) throw new Error('the sample plan has stances');
    Object.assign(created, { stance: 'shared', owner: '', rationale: '', guardrails: '' });
    expect(textsIn(comparePlans(before, after), 'tight-loose')).toEqual(['Vision and outcomes in Pilot: Not set → Shared']);
  });

  it('names schools that changed wave, were added or removed, and waves re-phased', () => {
    const before = riverside();
    const after = copy(before);
    const [adams, , cedar] = after.schools;
    if (!adams || !cedar) throw new Error('three schools');
    adams.waveId = after.waves[1]?.id ?? null;
    adams.students = 450;
    after.schools = after.schools.filter((s) => s.id !== cedar.id);
    after.schools.push({ ...cedar, id: '33333333-3333-4333-8333-333333333333', name: 'Lincoln Elementary', waveId: after.waves[0]?.id ?? null, order: 9 });
    const wave2 = after.waves[1];
    if (!wave2) throw new Error('two waves');
    wave2.phaseId = phaseNamed(after, 'Scale').id;
    const changes = comparePlans(before, after);
    expect(textsIn(changes, 'schools')).toEqual([
      'Adams Elementary: Wave 1 → Wave 2',
      'Adams Elementary: students 420 → 450',
      'School added: Lincoln Elementary, in Wave 1',
      'School removed: Cedar High',
    ]);
    expect(textsIn(changes, 'waves')).toEqual(['Wave 2: starts in Expand → Scale']);
  });

  it('reports money per fiscal year and source, not per allocation row', () => {
    const before = riverside();
    const after = copy(before);
    const central = after.allocations.find((a) => a.recipient.kind === 'central');
    if (!central) throw new Error('a central line');
    // The same $120,000 split over two lines is the same budget: only the cut shows.
    central.amount = 60_000_00;
    after.allocations.push({ ...central, id: '44444444-4444-4444-8444-444444444444', amount: 40_000_00 });
    expect(texts(comparePlans(before, after))).toEqual(['FY2028 Innovation grant: −$20,000']);
  });

  it('reports units per phase, and edits the totals cannot show once per phase', () => {
    const before = riverside();
    const after = copy(before);
    const training = after.allocations.find((a) => a.kind === 'training-hours');
    const school = after.allocations.find((a) => a.recipient.kind === 'school');
    if (!training || !school) throw new Error('the sample has training hours and a school line');
    training.amount = 240;
    school.recipient = { kind: 'school', schoolId: after.schools[2]?.id ?? '' };
    school.note = 'Moved to Cedar High after the pilot review.';
    expect(textsIn(comparePlans(before, after), 'resources')).toEqual([
      'Training hours in Pilot: 200 → 240',
      'Expand: 1 resource line edited (recipient and note)',
    ]);
  });

  it('reports funding sources changed, with the grant words', () => {
    const before = riverside();
    const after = copy(before);
    const grant = after.fundingSources[0];
    if (!grant) throw new Error('a grant');
    grant.name = 'ESSER III';
    grant.amountCents = 600_000_00;
    grant.end = '2029-09-30';
    const resources = textsIn(comparePlans(before, after), 'resources');
    expect(resources).toEqual([
      'Funding source Innovation grant renamed to ESSER III',
      'ESSER III: amount $750,000 → $600,000',
      'ESSER III: spend by Jul 31, 2029 → Sep 30, 2029',
    ]);
  });

  it('reports outcome targets, results, milestones and the vision', () => {
    const before = riverside();
    const after = copy(before);
    const reading = after.outcomes[0];
    const pilot = phaseNamed(after, 'Pilot');
    const target = reading?.targets.find((t) => t.phaseId === pilot.id);
    if (!reading || !target) throw new Error('a reading target in the pilot');
    target.value = 46;
    reading.actuals.push({ date: '2028-06-15', value: 41, note: 'Spring benchmark' });
    after.plan.vision = 'Every student owns their learning.';
    const update = after.milestones.find((m) => m.name === 'Board update');
    const review = after.milestones.find((m) => m.name === 'Mid-pilot review');
    if (!update || !review) throw new Error('milestones');
    update.done = true;
    review.date = '2028-01-15';
    const changes = comparePlans(before, after);
    expect(textsIn(changes, 'outcomes')).toEqual([
      'Vision edited',
      `${reading.name}: target for Pilot 44% → 46%`,
      `${reading.name}: 1 result added`,
    ]);
    expect(textsIn(changes, 'roadmap')).toEqual([
      'Mid-pilot review now on Jan 15, 2028, 14 days later',
      'Board update marked done',
    ]);
  });

  it('reports the plan’s basics in the Overview', () => {
    const before = riverside();
    const after = copy(before);
    after.plan.name = 'Riverside roadmap 2027';
    after.plan.profile.schoolCount = 45;
    after.plan.profile.locale = null;
    after.plan.schoolYearStartMonth = 9;
    expect(textsIn(comparePlans(before, after), 'overview')).toEqual([
      'Plan name: Riverside roadmap → Riverside roadmap 2027',
      'Number of schools: 42 → 45',
      'Locale: Urban → Not set',
      'School year starts in: August → September',
    ]);
  });

  it('sums changes up by section', () => {
    const before = riverside();
    const after = copy(before);
    phaseNamed(after, 'Pilot').name = 'Early pilot';
    phaseNamed(after, 'Expand').goal = 'Twelve schools.';
    const stance = after.stances[0];
    if (!stance) throw new Error('stances');
    stance.owner = 'Chief academic officer';
    const changes = comparePlans(before, after);
    expect(changes.summary).toEqual({ total: 3, bySection: [{ section: 'roadmap', count: 2 }, { section: 'tight-loose', count: 1 }] });
    expect(changeSummaryText(changes)).toBe('3 changes: 2 in Roadmap, 1 in Tight & loose');
  });

  it('compares the large plan quickly', () => {
    const before = generateLargePlan();
    const after = copy(before);
    after.phases[3] = { ...after.phases[3] as PlanBundle['phases'][number], start: '2030-01-01' };
    for (const a of after.allocations.slice(0, 50)) a.amount += 1_000_00;
    for (const s of after.schools.slice(0, 20)) s.waveId = after.waves[1]?.id ?? null;
    comparePlans(before, after);
    const started = performance.now();
    const changes = comparePlans(before, after);
    const ms = performance.now() - started;
    console.log(`comparePlans on the large plan (${before.allocations.length} allocations, ${before.schools.length} schools): ${ms.toFixed(1)} ms, ${changeSummaryText(changes)}`);
    expect(changes.summary.total).toBeGreaterThan(20);
  });
});

// ——— Property tests ———

/** A small seeded generator, so a shuffle is part of the counterexample fast-check reports. */
function shuffled<T>(rows: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffledCopy(bundle: PlanBundle, seed: number): PlanBundle {
  const out = copy(bundle);
  out.plan.updatedAt = '2044-12-31T23:59:59.000Z';
  const rows = out as unknown as Record<string, unknown[]>;
  CHILD_COLLECTIONS.forEach((name, i) => { rows[name] = shuffled(rows[name] ?? [], seed + i); });
  return out;
}

interface Edit {
  after: PlanBundle;
  section: ChangeSection;
  /** Words the change must contain: the record's name and where it sits. */
  names: string[];
  /** Budget lines the edit may bring with it: money per fiscal year, and units per phase. */
  budget: 'none' | 'money' | 'money-and-units';
}

interface EditKind {
  name: string;
  applies: (plan: PlanBundle) => boolean;
  make: (plan: PlanBundle) => fc.Arbitrary<Edit>;
}

const at = <T,>(rows: readonly T[], n: number): T => rows[n % rows.length] as T;
const nameOf = (rows: readonly { id: string; name: string }[], id: string | null) => rows.find((r) => r.id === id)?.name ?? '';
const NEW_NAMES = ['Early pilot', 'Expand to 12 schools', 'Peña cohort', 'Lincoln Elementary', 'Scale — year 2'];
const shiftDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const EDITS: EditKind[] = [
  {
    name: 'rename a phase',
    applies: (p) => p.phases.length > 0,
    make: (p) => fc.tuple(fc.nat(), fc.constantFrom(...NEW_NAMES)).filter(([n, name]) => at(p.phases, n).name !== name).map(([n, name]) => {
      const after = copy(p);
      at(after.phases, n).name = name;
      return { after, section: 'roadmap', names: [name, at(p.phases, n).name], budget: 'none' };
    }),
  },
  {
    name: 'move or resize a phase',
    applies: (p) => p.phases.length > 0,
    make: (p) => fc.tuple(fc.nat(), fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0), fc.boolean())
      .filter(([n, days, move]) => move || shiftDay(at(p.phases, n).end, days) > at(p.phases, n).start)
      .map(([n, days, move]) => {
        const after = copy(p);
        const phase = at(after.phases, n);
        if (move) phase.start = shiftDay(phase.start, days);
        phase.end = shiftDay(phase.end, days);
        return { after, section: 'roadmap', names: [phase.name], budget: 'money' };
      }),
  },
  {
    name: 'change a stance',
    applies: (p) => p.stances.length > 0,
    make: (p) => fc.tuple(fc.nat(), fc.constantFrom<StanceValue | null>(...STANCES, null)).filter(([n, value]) => at(p.stances, n).stance !== value).map(([n, value]) => {
      const after = copy(p);
      const stance = at(after.stances, n);
      stance.stance = value;
      return { after, section: 'tight-loose', names: [nameOf(p.areas, stance.areaId), nameOf(p.phases, stance.phaseId)], budget: 'none' };
    }),
  },
  {
    name: 'move a position',
    applies: (p) => p.positions.length > 0,
    make: (p) => fc.tuple(fc.nat(), fc.option(fc.integer({ min: -2, max: 2 }), { nil: null })).filter(([n, value]) => at(p.positions, n).position !== value).map(([n, value]) => {
      const after = copy(p);
      const position = at(after.positions, n);
      position.position = value;
      return { after, section: 'decisions', names: [`Decision ${position.decision}`, nameOf(p.phases, position.phaseId)], budget: 'none' };
    }),
  },
  {
    name: 'move a school to another wave',
    applies: (p) => p.schools.length > 0 && p.waves.length > 0,
    make: (p) => fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null })).map(([n, w]) => [n, w === null ? null : at(p.waves, w).id] as const)
      .filter(([n, waveId]) => at(p.schools, n).waveId !== waveId)
      .map(([n, waveId]) => {
        const after = copy(p);
        at(after.schools, n).waveId = waveId;
        return { after, section: 'schools', names: [at(p.schools, n).name], budget: 'money-and-units' };
      }),
  },
  {
    name: 'change an allocation amount',
    // A one-time money line that counts at least once: its change lands in one fiscal year of one source.
    applies: (p) => p.allocations.some((a) => a.kind === 'money' && a.recurrence === 'one-time' && lineMultiplier(a, schoolsByWave(p.schools)) > 0),
    make: (p) => {
      const lines = p.allocations.filter((a) => a.kind === 'money' && a.recurrence === 'one-time' && lineMultiplier(a, schoolsByWave(p.schools)) > 0);
      return fc.tuple(fc.nat(), fc.integer({ min: 1, max: 1_000_000 })).map(([n, dollars]) => {
        const after = copy(p);
        const line = after.allocations.find((a) => a.id === at(lines, n).id);
        if (!line) throw new Error('the line is in the copy');
        const delta = dollars * 100;
        line.amount = line.amount + delta <= MONEY_MAX_CENTS ? line.amount + delta : line.amount - delta;
        const source = p.fundingSources.find((s) => s.id === line.sourceId);
        return { after, section: 'resources', names: [source?.name ?? DISTRICT_BUDGET], budget: 'none' };
      });
    },
  },
  {
    name: 'change an outcome target',
    applies: (p) => p.outcomes.some((o) => o.targets.length > 0),
    make: (p) => {
      const measured = p.outcomes.filter((o) => o.targets.length > 0);
      return fc.tuple(fc.nat(), fc.nat()).map(([n, t]) => {
        const after = copy(p);
        const outcome = after.outcomes.find((o) => o.id === at(measured, n).id);
        if (!outcome) throw new Error('the outcome is in the copy');
        // The first target of a phase is the one the app reads.
        const phaseId = at(outcome.targets, t).phaseId;
        const target = outcome.targets.find((x) => x.phaseId === phaseId);
        if (!target) throw new Error('found above');
        target.value += 1;
        return { after, section: 'outcomes', names: [outcome.name, nameOf(p.phases, phaseId)], budget: 'none' };
      });
    },
  },
  {
    name: 'mark a milestone done (or not)',
    applies: (p) => p.milestones.length > 0,
    make: (p) => fc.nat().map((n) => {
      const after = copy(p);
      const milestone = at(after.milestones, n);
      milestone.done = !milestone.done;
      return { after, section: 'roadmap', names: [milestone.name], budget: 'none' };
    }),
  },
  {
    name: 'add a school',
    applies: () => true,
    make: (p) => fc.tuple(fc.constantFrom(...NEW_NAMES), fc.option(fc.nat(), { nil: null })).map(([name, w]) => {
      const after = copy(p);
      after.schools.push({
        id: 'ffffffff-ffff-4fff-8fff-ffffffffffff', planId: p.plan.id, order: after.schools.length, name, code: '', gradeBand: 'K-5', students: 380, frlPercent: 72,
        values: {}, waveId: w === null || p.waves.length === 0 ? null : at(p.waves, w).id,
      });
      return { after, section: 'schools', names: [name], budget: 'money-and-units' };
    }),
  },
  {
    name: 'remove a school',
    applies: (p) => p.schools.length > 0,
    make: (p) => fc.nat().map((n) => {
      const after = copy(p);
      const school = at(p.schools, n);
      after.schools = after.schools.filter((s) => s.id !== school.id);
      return { after, section: 'schools', names: [school.name], budget: 'money-and-units' };
    }),
  },
];

const isMoneyLine = (section: ChangeSection, text: string) => section === 'resources' && /^FY\d+ /.test(text);
const isUnitsLine = (section: ChangeSection, text: string) => section === 'resources' && /^(Staff \(FTE\)|Devices|Training hours) in /.test(text);

describe('comparePlans on any plan', () => {
  it('reports nothing between a plan and itself, or a copy with its rows shuffled', () => {
    fc.assert(fc.property(planBundleArbitrary, fc.integer(), (plan, seed) => {
      expect(comparePlans(plan, plan).summary.total).toBe(0);
      expect(texts(comparePlans(plan, shuffledCopy(plan, seed)))).toEqual([]);
      expect(texts(comparePlans(shuffledCopy(plan, seed), plan))).toEqual([]);
    }), { numRuns: 150 });
  });

  for (const kind of EDITS) {
    it(`reports “${kind.name}” as exactly one change, in its section, naming the record, both ways`, () => {
      const edited = planBundleArbitrary.filter(kind.applies).chain((plan) => kind.make(plan).map((edit) => ({ plan, edit })));
      fc.assert(fc.property(edited, ({ plan, edit }) => {
        const changes = comparePlans(plan, edit.after);
        const all = changes.sections.flatMap((s) => s.changes.map((c) => ({ section: s.section, text: c.text })));
        // A moved phase or a school changing wave can move money between fiscal years or units between phases: that is the budget's own line.
        const own = all.filter(({ section, text }) => !(
          (edit.budget !== 'none' && isMoneyLine(section, text)) || (edit.budget === 'money-and-units' && isUnitsLine(section, text))
        ));
        expect(own).toHaveLength(1);
        const [change] = own;
        expect(change?.section).toBe(edit.section);
        for (const name of edit.names) expect(change?.text).toContain(name);
        if (edit.budget === 'none') expect(changes.summary.total).toBe(1);
        expect(comparePlans(edit.after, plan).summary.total).toBe(changes.summary.total);
      }), { numRuns: 80 });
    });
  }
});
