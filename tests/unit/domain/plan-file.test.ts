import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { PLAN_FILE_VERSION, bundleFromFile, planFileName, readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { copyName, copyPlanBundle } from '../../../renderer/src/domain/plan-copy';
import { normalized, samplePlan, TODAY, withSchools } from './plan-fixtures';

const APP = { name: 'Roadmap Planner', version: '0.1.0' };
const EXPORTED_AT = '2026-11-23T09:30:00.000Z';
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function problemsOf(text: string) {
  const result = readPlanFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

describe('plan file', () => {
  it('round-trips a plan to the identical records', () => {
    const bundle = samplePlan();
    const result = readPlanFile(serializePlanFile(bundle, APP, EXPORTED_AT));
    expect(result.ok).toBe(true);
    if (result.ok) expect(normalized(bundleFromFile(result.file))).toEqual(normalized(bundle));
  });

  it('prints the same plan the same way every time, pretty and ordered', () => {
    const bundle = samplePlan();
    const shuffled = { ...bundle, phases: [...bundle.phases].reverse(), plan: Object.fromEntries(Object.entries(bundle.plan).reverse()) as typeof bundle.plan };
    const a = serializePlanFile(bundle, APP, EXPORTED_AT);
    expect(serializePlanFile(shuffled, APP, EXPORTED_AT)).toBe(a);
    expect(a.startsWith('{\n  "format": "roadmap-planner.plan",\n  "formatVersion": 5,')).toBe(true);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('round-trips any valid plan text (property)', () => {
    const text = fc.string({ maxLength: 60 }).filter((s) => s.trim().length > 0);
    fc.assert(fc.property(text, fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), (name, goal, month, schools) => {
      const bundle = samplePlan();
      bundle.plan = { ...bundle.plan, name: name.trim(), schoolYearStartMonth: month, profile: { ...bundle.plan.profile, schoolCount: schools } };
      bundle.phases = bundle.phases.map((p) => ({ ...p, goal }));
      const result = readPlanFile(serializePlanFile(bundle, APP, EXPORTED_AT));
      expect(result.ok && normalized(bundleFromFile(result.file))).toEqual(normalized(bundle));
    }));
  });

  it('upgrades a file exported by format version 1 and keeps everything in it', () => {
    const result = readPlanFile(fixture('version-1.roadmap.json'));
    if (!result.ok) throw new Error(`refused: ${result.summary} ${JSON.stringify(result.problems)}`);
    const { plan, phases, areas, stances, positions, milestones, outcomes } = result.file;
    expect(result.file.formatVersion).toBe(PLAN_FILE_VERSION);
    expect(plan).toMatchObject({ name: 'Lakeside, exported by version 1', vision: '', profile: { schoolCount: 18, locale: 'suburban' } });
    expect(phases.map((p) => [p.name, p.kind, p.status, p.goal, p.gate])).toEqual([
      ['Pilot', 'pilot', 'planned', '', ''],
      ['Expand', 'expand', 'planned', 'Second wave of schools.', ''],
      ['Scale', 'scale', 'planned', '', ''],
      ['Year 4 review', 'custom', 'planned', '', ''],
    ]);
    expect(areas.map((a) => a.name)).toEqual(['Curriculum and digital content']);
    expect([stances, positions, milestones, outcomes]).toEqual([[], [], [], []]);
    // Exported again, it is a current file that reads back to the same plan.
    const again = readPlanFile(serializePlanFile(bundleFromFile(result.file), APP, EXPORTED_AT));
    expect(again.ok && bundleFromFile(again.file)).toEqual(bundleFromFile(result.file));
  });

  it('upgrades a file exported by format version 2: a July fiscal year, no schools or resources yet, everything else kept', () => {
    const text = fixture('version-2.roadmap.json');
    const original = JSON.parse(text) as Record<string, unknown[]> & { plan: Record<string, unknown> };
    const result = readPlanFile(text);
    if (!result.ok) throw new Error(`refused: ${result.summary} ${JSON.stringify(result.problems)}`);
    const { plan, phases, stances, milestones, outcomes, indicators, schools, waves, fundingSources, allocations } = result.file;
    expect(plan).toEqual({ ...original.plan, fiscalYearStartMonth: 7 });
    expect([phases, outcomes]).toEqual([original.phases, original.outcomes]);
    expect(stances).toEqual(original.stances?.map((s) => ({ ...(s as object), rationaleOrigin: 'planner' })));
    expect(milestones).toEqual(original.milestones?.map((m) => ({ ...(m as object), kind: 'milestone' })));
    expect(stances).toHaveLength(3);
    expect([indicators, schools, waves, fundingSources, allocations]).toEqual([[], [], [], [], []]);
  });

  it('upgrades a file exported by format version 3: every new field takes the value that keeps its meaning', () => {
    const text = fixture('version-3.roadmap.json');
    const original = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
    expect(original.formatVersion).toBe(3);
    const result = readPlanFile(text);
    if (!result.ok) throw new Error(`refused: ${result.summary} ${JSON.stringify(result.problems)}`);
    const { fundingSources, allocations, indicators, milestones, stances } = result.file;
    expect(fundingSources).toEqual(original.fundingSources?.map((s) => ({ ...s, type: 'other', obligateBy: null })));
    expect(allocations).toEqual(original.allocations?.map((a) => ({ ...a, untilPhaseId: null, perSchool: false, staffCost: null })));
    expect(indicators).toEqual(original.indicators?.map((i) => ({ ...i, range: null })));
    expect(milestones.every((m) => m.kind === 'milestone')).toBe(true);
    expect(stances.every((s) => s.rationaleOrigin === 'planner')).toBe(true);
    expect(allocations.length).toBeGreaterThan(0);
  });

  it('round-trips schools, indicator values, waves, funding sources and allocations', () => {
    const bundle = withSchools(samplePlan());
    const result = readPlanFile(serializePlanFile(bundle, APP, EXPORTED_AT));
    expect(result.ok && normalized(bundleFromFile(result.file))).toEqual(normalized(bundle));
  });

  it('refuses schools, waves and allocations that point at records not in the file', () => {
    const bundle = withSchools(samplePlan());
    const lost = '99999999-9999-4999-8999-999999999999';
    const file = JSON.parse(serializePlanFile(bundle, APP, EXPORTED_AT)) as Record<string, Record<string, unknown>[]>;
    const [school, , cedar] = file.schools ?? [];
    const [wave] = file.waves ?? [];
    const [central, toWave, toSchool] = file.allocations ?? [];
    const [source] = file.fundingSources ?? [];
    if (!school || !cedar || !wave || !central || !toWave || !toSchool || !source) throw new Error('fixture has these');
    school.waveId = lost;
    cedar.values = { [lost]: 3 };
    wave.phaseId = lost;
    central.sourceId = lost;
    toWave.recipient = { kind: 'wave', waveId: lost };
    toSchool.recipient = { kind: 'school', schoolId: lost };
    source.end = '2020-01-01';
    const { problems } = problemsOf(JSON.stringify(file));
    expect(problems).toEqual(expect.arrayContaining([
      { where: 'School 1 “Adams Elementary” › waveId', message: 'names a wave that is not in this file.' },
      { where: 'School 3 “Cedar High” › values', message: `has a value for an indicator that is not in this file (${lost}).` },
      { where: 'Wave 1 “Wave 1” › phaseId', message: 'names a phase that is not in this file.' },
      { where: 'Allocation 1 › sourceId', message: 'names a funding source that is not in this file.' },
      { where: expect.stringMatching(/^Allocation \d › recipient$/) as unknown as string, message: 'names a wave that is not in this file.' },
      { where: expect.stringMatching(/^Allocation \d › recipient$/) as unknown as string, message: 'names a school that is not in this file.' },
      { where: 'Funding source 1 “Innovation grant” › end', message: expect.stringContaining('must be on or after the start') as unknown as string },
    ]));
  });

  it('round-trips stances, positions, milestones and outcomes', () => {
    const bundle = samplePlan();
    const [phase] = bundle.phases;
    const [area] = bundle.areas;
    if (!phase || !area) throw new Error('template has phases and areas');
    bundle.stances = [{ id: '11111111-1111-4111-8111-111111111111', planId: bundle.plan.id, areaId: area.id, phaseId: phase.id, stance: 'tight', rationale: 'One definition.', rationaleOrigin: 'planner', owner: 'CAO', guardrails: 'Student data privacy\nAccessibility' }];
    bundle.positions = [{ id: '22222222-2222-4222-8222-222222222222', planId: bundle.plan.id, phaseId: phase.id, decision: 2, position: 1, rationale: 'Go slow.', rationaleOrigin: 'template' }];
    bundle.milestones = [{ id: '33333333-3333-4333-8333-333333333333', planId: bundle.plan.id, phaseId: phase.id, name: 'Go / no-go', date: phase.end, owner: 'Board', done: false, kind: 'go-no-go' }];
    bundle.outcomes = [{ id: '44444444-4444-4444-8444-444444444444', planId: bundle.plan.id, order: 0, name: 'Reading growth', unit: '%', baseline: 41.5, targets: [{ phaseId: phase.id, value: 44 }], actuals: [{ date: '2028-03-01', value: 43, note: 'Winter benchmark' }] }];
    const result = readPlanFile(serializePlanFile(bundle, APP, EXPORTED_AT));
    expect(result.ok && normalized(bundleFromFile(result.file))).toEqual(normalized(bundle));
  });

  it('refuses records that point at phases or areas not in the file, and repeated stances', () => {
    const bundle = samplePlan();
    const [phase] = bundle.phases;
    const [area] = bundle.areas;
    if (!phase || !area) throw new Error('template has phases and areas');
    const stance = { id: '11111111-1111-4111-8111-111111111111', planId: bundle.plan.id, areaId: area.id, phaseId: phase.id, stance: 'tight' as const, rationale: '', rationaleOrigin: 'planner' as const, owner: '', guardrails: '' };
    bundle.stances = [stance, { ...stance, id: '11111111-1111-4111-8111-111111111112' }, { ...stance, id: '11111111-1111-4111-8111-111111111113', areaId: '99999999-9999-4999-8999-999999999999' }];
    bundle.milestones = [{ id: '33333333-3333-4333-8333-333333333333', planId: bundle.plan.id, phaseId: '88888888-8888-4888-8888-888888888888', name: 'Lost', date: phase.end, owner: '', done: false, kind: 'milestone' as const }];
    const text = JSON.stringify({ ...JSON.parse(serializePlanFile({ ...bundle, stances: [], milestones: [] }, APP, EXPORTED_AT)), stances: bundle.stances, milestones: bundle.milestones });
    const { problems } = problemsOf(text);
    expect(problems).toEqual(expect.arrayContaining([
      { where: 'Stance 2', message: 'repeats the stance of an area in a phase; each area has one stance per phase.' },
      { where: 'Stance 3 › areaId', message: 'names an area that is not in this file.' },
      { where: 'Milestone 1 “Lost” › phaseId', message: 'names a phase that is not in this file.' },
    ]));
  });

  it('refuses a position whose decision is a deeply nested array with a message, not a stack overflow (found by the fuzz suite)', () => {
    const file = JSON.parse(serializePlanFile(samplePlan(), APP, EXPORTED_AT)) as { plan: { id: string }; phases: { id: string }[] };
    const phaseId = file.phases[0]?.id ?? '';
    const position = (id: string) => ({ id, planId: file.plan.id, phaseId, decision: '@@deep@@', position: 1, rationale: '', rationaleOrigin: 'planner' });
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const text = JSON.stringify({ ...file, positions: [position('55555555-5555-4555-8555-555555555551'), position('55555555-5555-4555-8555-555555555552')] })
      .replaceAll('"@@deep@@"', nested);
    const { summary, problems } = problemsOf(text);
    expect(summary).toBe('The plan file has problems; nothing was imported.');
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ where: 'Position 1 › decision' }), expect.objectContaining({ where: 'Position 2 › decision' })]));
  });

  it('names the file after the plan, without characters file systems refuse', () => {
    expect(planFileName('Riverside 2027/28: pilot?')).toBe('Riverside 2027 28 pilot.roadmap.json');
    expect(planFileName('   ')).toBe('plan.roadmap.json');
  });

  it('says where a file is not valid JSON', () => {
    const result = problemsOf(fixture('malformed.roadmap.json'));
    expect(result.summary).toMatch(/^The file is not valid JSON \(line 6, column \d+\)/);
  });

  it('refuses empty, foreign and newer files with a reason', () => {
    expect(problemsOf('').summary).toBe('The file is empty.');
    expect(problemsOf('[1,2]').summary).toMatch(/not a Roadmap Planner plan file/);
    expect(problemsOf(fixture('foreign.json')).summary).toMatch(/lacks "format": "roadmap-planner.plan"/);
    expect(problemsOf(fixture('newer-version.roadmap.json')).summary).toBe(
      `This plan was saved by a newer version of Roadmap Planner (file format 99; this version reads up to ${PLAN_FILE_VERSION}). Update the app to open it.`,
    );
    expect(problemsOf('{"format":"roadmap-planner.plan","formatVersion":"one"}').summary).toMatch(/which format version/);
  });

  it('lists every problem with where it is, including rules across records', () => {
    const { problems } = problemsOf(fixture('bad-phase-dates.roadmap.json'));
    expect(problems).toEqual([
      { where: 'Phase 3 “Scale” › start', message: 'must be a date written as YYYY-MM-DD' },
      { where: 'Phase 2 “Expand” › end', message: 'Must be after the start date (Aug 1, 2029); it is 2028-07-31.' },
    ]);
  });

  it('catches records tied to another plan and repeated ids', () => {
    // Without stances and milestones, which would also (rightly) lose their phase here.
    const bundle = { ...samplePlan(), stances: [], positions: [], milestones: [], outcomes: [] };
    const file = JSON.parse(serializePlanFile(bundle, APP, EXPORTED_AT)) as { phases: { id: string; planId: string }[] };
    const [first, second] = file.phases;
    if (!first || !second) throw new Error('template has phases');
    second.id = first.id;
    first.planId = '00000000-0000-4000-8000-000000000000';
    const { problems } = problemsOf(JSON.stringify(file));
    expect(problems.map((p) => p.where)).toEqual(['Phase 1 “Pilot” › planId', 'Phase 2 “Expand” › id']);
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(readPlanFile(`\uFEFF${serializePlanFile(samplePlan(), APP, EXPORTED_AT)}`).ok).toBe(true);
  });
});

describe('copies', () => {
  it('gives every record of a copy a new id and keeps the links', () => {
    const bundle = samplePlan();
    const copy = copyPlanBundle(bundle, 'Copy', TODAY);
    expect(copy.plan.id).not.toBe(bundle.plan.id);
    expect(copy.phases.every((p) => p.planId === copy.plan.id)).toBe(true);
    expect(copy.areas.every((a) => a.planId === copy.plan.id)).toBe(true);
    const oldIds = new Set([...bundle.phases, ...bundle.areas].map((r) => r.id));
    expect([...copy.phases, ...copy.areas].some((r) => oldIds.has(r.id))).toBe(false);
    expect(copy.phases.map((p) => [p.name, p.start, p.end])).toEqual(bundle.phases.map((p) => [p.name, p.start, p.end]));
  });

  it('keeps the links between schools, waves, indicators, sources and allocations in a copy, under new ids', () => {
    const bundle = withSchools(samplePlan());
    const copy = copyPlanBundle(bundle, 'Copy', TODAY);
    const result = readPlanFile(serializePlanFile(copy, APP, EXPORTED_AT));
    // The file check refuses any link to a record not in the plan.
    expect(result.ok).toBe(true);
    const oldIds = new Set([...bundle.schools, ...bundle.waves, ...bundle.indicators, ...bundle.fundingSources, ...bundle.allocations].map((r) => r.id));
    expect([...copy.schools, ...copy.waves, ...copy.indicators, ...copy.fundingSources, ...copy.allocations].some((r) => oldIds.has(r.id))).toBe(false);
    const waveName = (b: typeof bundle, waveId: string | null) => b.waves.find((w) => w.id === waveId)?.name ?? null;
    expect(copy.schools.map((s) => [s.name, waveName(copy, s.waveId), Object.values(s.values)])).toEqual(bundle.schools.map((s) => [s.name, waveName(bundle, s.waveId), Object.values(s.values)]));
    const schoolIds = copy.allocations.flatMap((a) => (a.recipient.kind === 'school' ? [a.recipient.schoolId] : []));
    expect(schoolIds.map((id) => copy.schools.find((s) => s.id === id)?.name)).toEqual(['Baker Middle']);
  });

  it('picks the first free copy name', () => {
    expect(copyName('Plan', new Set(['Plan']))).toBe('Plan (copy)');
    expect(copyName('Plan', new Set(['Plan', 'Plan (copy)']))).toBe('Plan (copy 2)');
    expect(copyName('Plan (copy)', new Set(['Plan', 'Plan (copy)']))).toBe('Plan (copy 2)');
    expect(copyName('Plan', new Set(), 'imported')).toBe('Plan (imported)');
  });

  it('never picks a taken name (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.array(fc.string(), { maxLength: 10 }), (name, others) => {
      const taken = new Set([name, ...others, `${name} (copy)`]);
      expect(taken.has(copyName(name, taken))).toBe(false);
    }));
  });
});
