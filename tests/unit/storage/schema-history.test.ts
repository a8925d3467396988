import { afterEach, describe, expect, it } from 'vitest';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { SCHEMA_HISTORY } from '../../../renderer/src/storage/schema-history';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';
import { newId } from '../../../renderer/src/domain/ids';
import { CHILD_COLLECTIONS, CHILD_SCHEMAS, planSchema, type PlanBundle } from '../../../renderer/src/domain/schemas';
import { revisionSchema } from '../../../renderer/src/domain/revisions';
import { normalized, samplePlan, withSchools } from '../domain/plan-fixtures';

const opened: PlannerDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A plan exactly as version 1 of the app stored it: no vision, phases without kind, status, criteria or gate. */
function version1Rows() {
  const planId = newId();
  const stamp = '2026-11-01T10:00:00.000Z';
  return {
    plan: { id: planId, name: 'Riverside roadmap', systemName: 'Riverside Unified', profile: { schoolCount: 42, studentCount: 31_500, frlPercent: 64, locale: 'urban' }, schoolYearStartMonth: 8, templateId: 'pilot-to-scale', createdAt: stamp, updatedAt: stamp, deletedAt: null },
    phases: [
      { id: newId(), planId, order: 0, name: 'Pilot', start: '2027-08-01', end: '2028-07-31', goal: 'Test the model.' },
      { id: newId(), planId, order: 1, name: 'Scale-up year', start: '2028-08-01', end: '2029-07-31', goal: '' },
      { id: newId(), planId, order: 2, name: 'Wave 3', start: '2029-08-01', end: '2030-07-31', goal: '' },
    ],
    areas: [{ id: newId(), planId, order: 0, name: 'Curriculum and digital content', description: '', builtIn: true }],
  };
}

describe('database upgrade from version 1', () => {
  it('opens a version 1 database and upgrades its plans and phases in place, losing nothing', async () => {
    const name = `upgrade-${newId()}`;
    const rows = version1Rows();
    const v1 = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 1));
    await v1.open();
    await v1.table('plans').add(rows.plan);
    await v1.table('phases').bulkAdd(rows.phases);
    await v1.table('areas').bulkAdd(rows.areas);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new PlannerDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    const bundle = await createPlanStore(db).loadBundle(rows.plan.id);
    if (!bundle) throw new Error('the plan is gone after the upgrade');
    expect(bundle.plan).toMatchObject({ name: 'Riverside roadmap', vision: '', fiscalYearStartMonth: 7, profile: rows.plan.profile });
    expect(bundle.phases.map((p) => [p.name, p.kind, p.status, p.goal, p.entryCriteria, p.gate])).toEqual([
      ['Pilot', 'pilot', 'planned', 'Test the model.', '', ''],
      ['Scale-up year', 'scale', 'planned', '', '', ''],
      ['Wave 3', 'custom', 'planned', '', '', ''],
    ]);
    expect(bundle.areas).toEqual(rows.areas);
    expect(bundle.stances).toEqual([]);
    // Every upgraded record passes today's schemas, so the app can edit and export it.
    expect(() => planSchema.parse(bundle.plan)).not.toThrow();
    for (const phase of bundle.phases) expect(() => CHILD_SCHEMAS.phases.parse(phase)).not.toThrow();
    // And the new tables take records at once.
    await createPlanStore(db).setStance(rows.plan.id, rows.areas[0]?.id ?? '', rows.phases[0]?.id ?? '', { stance: 'tight' });
    expect(await db.stances.count()).toBe(1);
  });
});

describe('database upgrade from version 2', () => {
  it('gives plans a July fiscal year, keeps every roadmap record, and opens the school and resource tables', async () => {
    const name = `upgrade-${newId()}`;
    const rows = version1Rows();
    const planId = rows.plan.id;
    const phaseId = rows.phases[0]?.id ?? '';
    const areaId = rows.areas[0]?.id ?? '';
    const v2 = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 2));
    await v2.open();
    const plan = { ...rows.plan, vision: 'Every student owns their learning.' };
    const phases = rows.phases.map((p) => ({ ...p, kind: 'pilot', status: 'underway', entryCriteria: 'Board approval', gate: 'Growth above district average' }));
    const stance = { id: newId(), planId, areaId, phaseId, stance: 'loose', rationale: 'Schools pick.', owner: 'Principals', guardrails: 'Privacy' };
    const milestone = { id: newId(), planId, phaseId, name: 'Launch', date: '2027-08-15', owner: 'CAO', done: true };
    await v2.table('plans').add(plan);
    await v2.table('phases').bulkAdd(phases);
    await v2.table('areas').bulkAdd(rows.areas);
    await v2.table('stances').add(stance);
    await v2.table('milestones').add(milestone);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new PlannerDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    const store = createPlanStore(db);
    const bundle = await store.loadBundle(planId);
    if (!bundle) throw new Error('the plan is gone after the upgrade');
    const { deletedAt: _deletedAt, ...planAsStored } = plan;
    expect(bundle.plan).toEqual({ ...planAsStored, fiscalYearStartMonth: 7 });
    expect(bundle.phases).toEqual(phases);
    expect(bundle.stances).toEqual([{ ...stance, rationaleOrigin: 'planner' }]);
    expect(bundle.milestones).toEqual([{ ...milestone, kind: 'milestone' }]);
    expect([bundle.indicators, bundle.schools, bundle.waves, bundle.fundingSources, bundle.allocations]).toEqual([[], [], [], [], []]);
    expect(() => planSchema.parse(bundle.plan)).not.toThrow();
    // The new tables take records at once, through the store's own checks.
    await store.addSchools(planId, [{ name: 'Adams Elementary', code: 'A-1', gradeBand: 'K-5', students: 400, frlPercent: 70, values: {}, waveId: null }]);
    expect((await store.loadCollection(planId, 'schools')).map((s) => s.name)).toEqual(['Adams Elementary']);
  });
});

describe('database upgrade from version 3', () => {
  it('keeps the meaning of every row: plain milestones, the planner\'s own rationales, no ranges, "other" money, lines for their own phase and for the wave as a whole', async () => {
    const name = `upgrade-${newId()}`;
    const rows = version1Rows();
    const planId = rows.plan.id;
    const phaseId = rows.phases[0]?.id ?? '';
    const areaId = rows.areas[0]?.id ?? '';
    const v3 = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 3));
    await v3.open();
    const plan = { ...rows.plan, vision: '', fiscalYearStartMonth: 7 };
    const phases = rows.phases.map((p) => ({ ...p, kind: 'pilot', status: 'planned', entryCriteria: '', gate: '' }));
    const stance = { id: newId(), planId, areaId, phaseId, stance: 'tight', rationale: 'One curriculum.', owner: 'CAO', guardrails: '' };
    const position = { id: newId(), planId, phaseId, decision: 1, position: -1, rationale: 'Go slow.' };
    const milestone = { id: newId(), planId, phaseId, name: 'Board vote', date: '2027-09-15', owner: 'Superintendent', done: false };
    const indicator = { id: newId(), planId, order: 0, name: 'ELL share', side: 'need', weight: 20, direction: 'higher-is-more', source: 'value', unit: '%' };
    const source = { id: newId(), planId, order: 0, name: 'Federal grant', amountCents: 1_200_000_00, start: '2027-07-01', end: '2029-06-30', notes: '' };
    const wave = { id: newId(), planId, order: 0, name: 'Wave 1', phaseId, notes: '' };
    const line = { id: newId(), planId, phaseId, recipient: { kind: 'wave', waveId: wave.id }, sourceId: source.id, kind: 'money', amount: 400_000_00, recurrence: 'ongoing', flexible: false, areaId: null, note: '' };
    await v3.table('plans').add(plan);
    await v3.table('phases').bulkAdd(phases);
    await v3.table('areas').bulkAdd(rows.areas);
    await v3.table('stances').add(stance);
    await v3.table('positions').add(position);
    await v3.table('milestones').add(milestone);
    await v3.table('indicators').add(indicator);
    await v3.table('fundingSources').add(source);
    await v3.table('waves').add(wave);
    await v3.table('allocations').add(line);
    v3.close();

    const db = new PlannerDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    const bundle = await createPlanStore(db).loadBundle(planId);
    if (!bundle) throw new Error('the plan is gone after the upgrade');
    expect(bundle.stances).toEqual([{ ...stance, rationaleOrigin: 'planner' }]);
    expect(bundle.positions).toEqual([{ ...position, rationaleOrigin: 'planner' }]);
    expect(bundle.milestones).toEqual([{ ...milestone, kind: 'milestone' }]);
    expect(bundle.indicators).toEqual([{ ...indicator, range: null }]);
    expect(bundle.fundingSources).toEqual([{ ...source, type: 'other', obligateBy: null }]);
    expect(bundle.allocations).toEqual([{ ...line, untilPhaseId: null, perSchool: false, staffCost: null }]);
    for (const collection of ['stances', 'positions', 'milestones', 'indicators', 'fundingSources', 'allocations'] as const) {
      for (const row of bundle[collection]) expect(() => CHILD_SCHEMAS[collection].parse(row)).not.toThrow();
    }
  });
});

/** Writes a whole plan's rows as they are into a database of an older version (no live store code, which writes today's tables). */
async function putRows(db: PlannerDatabase, bundle: PlanBundle, deletedAt: string | null = null): Promise<void> {
  await db.table('plans').add({ ...bundle.plan, deletedAt });
  for (const name of CHILD_COLLECTIONS) await db.table(name).bulkAdd(bundle[name]);
}

describe('database upgrade from version 4', () => {
  it('keeps every plan as it was and opens empty revision tables that take revisions at once', async () => {
    const name = `upgrade-${newId()}`;
    const first = withSchools(samplePlan());
    const second = samplePlan({ name: 'Lakeside roadmap' });
    const v4 = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 4));
    await v4.open();
    await putRows(v4, first);
    await putRows(v4, second, '2026-11-02T10:00:00.000Z');
    expect(v4.verno).toBe(4);
    expect(v4.tables.map((t) => t.name)).not.toContain('revisions');
    v4.close();

    const db = new PlannerDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    const store = createPlanStore(db);
    expect(normalized(await store.loadBundle(first.plan.id))).toEqual(normalized(first));
    expect(normalized(await store.loadBundle(second.plan.id))).toEqual(normalized(second));
    expect((await store.getPlanRow(second.plan.id))?.deletedAt).not.toBeNull();
    expect([await db.revisions.count(), await db.revisionData.count()]).toEqual([0, 0]);
    await store.saveRevision(first.plan.id, { name: 'After the upgrade', reason: '', kind: 'named' }, { name: 'Roadmap Planner', version: 'test' });
    expect((await store.listRevisions(first.plan.id)).map((r) => r.name)).toEqual(['After the upgrade']);
  });
});

describe('database upgrade from version 5', () => {
  it('keeps every revision, marks none approved, and opens an empty journal that takes entries at once', async () => {
    const name = `upgrade-${newId()}`;
    const plan = withSchools(samplePlan());
    const v5 = new PlannerDatabase(name, SCHEMA_HISTORY.slice(0, 5));
    await v5.open();
    await putRows(v5, plan);
    // A revision exactly as version 5 stored it: no approval field.
    const revision = { id: newId(), planId: plan.plan.id, createdAt: '2026-11-20T09:00:00.000Z', name: 'Pilot gate', reason: 'Slower than planned.', kind: 'named', sizeBytes: 3, planBytes: 10, formatVersion: 4 };
    await v5.table('revisions').add(revision);
    await v5.table('revisionData').add({ id: revision.id, bytes: new Uint8Array([1, 2, 3]) });
    expect(v5.tables.map((t) => t.name)).not.toContain('journal');
    v5.close();

    const db = new PlannerDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(6);
    const store = createPlanStore(db);
    expect(await store.listRevisions(plan.plan.id)).toEqual([{ ...revision, approval: null }]);
    expect(() => revisionSchema.parse({ ...revision, approval: null })).not.toThrow();
    expect(normalized(await store.loadBundle(plan.plan.id))).toEqual(normalized(plan));
    expect(await store.listJournal(plan.plan.id)).toEqual([]);
    const entry = { id: newId(), planId: plan.plan.id, phaseId: plan.phases[0]!.id, date: '2027-03-01', kind: 'did-not-work' as const, text: 'Rotation schedule broke down in grade 2.', author: 'M. Ortiz', areaIds: [], decisions: [], revisionId: revision.id, internal: false, createdAt: '2027-03-01T10:00:00.000Z', updatedAt: '2027-03-01T10:00:00.000Z' };
    await store.addJournalEntry(entry);
    expect(await store.listJournal(plan.plan.id)).toEqual([entry]);
  });
});
