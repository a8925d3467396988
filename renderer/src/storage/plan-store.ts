/**
 * The plan repository: the only code that reads and writes plan records. Every write runs in
 * one Dexie transaction, validates the records it writes against the domain schemas first,
 * and stamps the plan's updatedAt, so a plan is either saved whole or not at all.
 *
 * Every edit inside a plan returns a ChangeSet: each record it touched, as it was before and
 * after. Undo puts the "before" rows back and redo the "after" rows, so any edit, in any
 * section, can be undone the same way.
 */
import { Dexie, liveQuery, type Table } from 'dexie';
import type { PlannerDatabase, PlanRow } from './database';
import { toStorageError, StorageError } from './storage-error';
import {
  CHILD_COLLECTIONS, CHILD_SCHEMAS, NAME_MAX, planSchema,
  type AllocationRow, type FundingSource, type IndicatorRow, type RecipientValue, type School, type Wave,
  type Area, type ChildCollection, type ChildRow, type Milestone, type Outcome, type Phase, type Plan, type PlanBundle, type Position, type Stance, type SystemProfile,
} from '../domain/schemas';
import { copyPlanBundle } from '../domain/plan-copy';
import { newId, nowTimestamp } from '../domain/ids';
import { phaseDateProblem } from '../domain/phase-rules';

export interface PlanSummary {
  id: string;
  name: string;
  systemName: string;
  updatedAt: string;
  phaseCount: number;
  deletedAt: string | null;
}

export type PlanChanges = Partial<Pick<Plan, 'name' | 'systemName' | 'profile' | 'schoolYearStartMonth' | 'fiscalYearStartMonth' | 'vision'>>;
export type PhaseChanges = Partial<Omit<Phase, 'id' | 'planId' | 'order'>>;
export type AreaChanges = Partial<Pick<Area, 'name' | 'description'>>;
export type StanceChanges = Partial<Pick<Stance, 'stance' | 'rationale' | 'owner' | 'guardrails'>>;
export type PositionChanges = Partial<Pick<Position, 'position' | 'rationale'>>;
export type MilestoneChanges = Partial<Omit<Milestone, 'id' | 'planId'>>;
export type OutcomeChanges = Partial<Omit<Outcome, 'id' | 'planId' | 'order'>>;
export type IndicatorChanges = Partial<Omit<IndicatorRow, 'id' | 'planId' | 'order'>>;
/** A school as a planner enters or imports it: everything but its ids and place. */
export type SchoolInput = Omit<School, 'id' | 'planId' | 'order'>;
export type SchoolChanges = Partial<Omit<School, 'id' | 'planId' | 'order'>>;
export type WaveChanges = Partial<Omit<Wave, 'id' | 'planId' | 'order'>>;
export type FundingSourceChanges = Partial<Omit<FundingSource, 'id' | 'planId' | 'order'>>;
export type AllocationChanges = Partial<Omit<AllocationRow, 'id' | 'planId'>>;

/** One cell of the resources grid: what one recipient gets of one kind in one phase. */
export interface AllocationCell {
  phaseId: string;
  recipient: RecipientValue;
  kind: AllocationRow['kind'];
}

/** A wave as proposed from the ranking: the schools in it, in order. */
export interface WaveProposal {
  schoolIds: string[];
}

export function sameRecipient(a: RecipientValue, b: RecipientValue): boolean {
  if (a.kind === 'wave' && b.kind === 'wave') return a.waveId === b.waveId;
  if (a.kind === 'school' && b.kind === 'school') return a.schoolId === b.schoolId;
  return a.kind === 'central' && b.kind === 'central';
}

/** Plans stay in "Recently deleted" this long before they are removed for good. */
export const RECENTLY_DELETED_DAYS = 30;

type TableName = 'plans' | ChildCollection;

/** One record before and after an edit; undefined where it did not exist. */
export interface RowChange {
  table: TableName;
  id: string;
  before: unknown;
  after: unknown;
}

/** What one edit did to one plan, enough to undo and redo it. */
export interface ChangeSet {
  planId: string;
  changes: RowChange[];
}

type OrderedCollection = 'phases' | 'areas' | 'outcomes' | 'indicators' | 'schools' | 'waves' | 'fundingSources';
const ORDERED_COLLECTIONS: ReadonlySet<ChildCollection> = new Set<OrderedCollection>(['phases', 'areas', 'outcomes', 'indicators', 'schools', 'waves', 'fundingSources']);

export type PlanStore = ReturnType<typeof createPlanStore>;

const ALL_TABLES: TableName[] = ['plans', ...CHILD_COLLECTIONS];

export function createPlanStore(db: PlannerDatabase, clock: () => Date = () => new Date()) {
  const now = () => nowTimestamp(clock());
  // The typed table properties (db.phases …), the same objects Dexie's own code and tests see.
  const table = <C extends ChildCollection>(name: C) => (db as unknown as Record<C, Table<ChildRow<C>, string>>)[name];

  async function write<T>(action: string, tables: TableName[], body: () => Promise<T>): Promise<T> {
    try {
      return await db.transaction('rw', tables, body);
    } catch (error) {
      throw toStorageError(error, action);
    }
  }

  async function requirePlan(planId: string): Promise<PlanRow> {
    const plan = await db.plans.get(planId);
    if (!plan) throw new StorageError('This plan no longer exists. It may have been deleted in another window.', 'missing');
    return plan;
  }

  async function requireRow<C extends ChildCollection>(name: C, id: string, what: string): Promise<ChildRow<C>> {
    const row = await table(name).get(id);
    if (!row) throw new StorageError(`This ${what} no longer exists.`, 'missing');
    return row;
  }

  async function touch(planId: string): Promise<void> {
    await db.plans.update(planId, { updatedAt: now() });
  }

  /**
   * Runs an edit of one plan in one transaction, recording every row it puts or removes, and
   * stamps the plan's change time. Returns what the body returned and the ChangeSet.
   */
  async function edit<T>(action: string, planId: string, body: (rec: Recorder) => Promise<T>, tables: readonly ChildCollection[] = CHILD_COLLECTIONS): Promise<{ value: T; change: ChangeSet }> {
    // Only the tables the edit touches: a narrower transaction waits on fewer others.
    return write(action, ['plans', ...tables], async () => {
      const changes: RowChange[] = [];
      // The plan check and the change time go beside the edit, not after it: each wait inside a
      // transaction is a round trip, and a missing plan still fails the whole transaction.
      const stamped = requirePlan(planId).then((plan) => db.plans.put({ ...plan, updatedAt: now() }));
      const rec: Recorder = {
        async put(name, row, known) {
          const checked = checkRow(name, row);
          const before = known ? known.before : await table(name).get(checked.id);
          await table(name).put(checked);
          changes.push({ table: name, id: checked.id, before, after: checked });
        },
        async putAll(name, rows) {
          const checked = rows.map(({ row, before }) => ({ row: checkRow(name, row), before }));
          // One request for all of them: a roster of thousands of schools is one round trip, not thousands.
          await table(name).bulkPut(checked.map((c) => c.row));
          for (const { row, before } of checked) changes.push({ table: name, id: row.id, before, after: row });
        },
        async removeAll(name, ids) {
          const rows = await table(name).bulkGet([...ids]);
          const found = rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
          await table(name).bulkDelete(found.map((row) => row.id));
          for (const row of found) changes.push({ table: name, id: row.id, before: row, after: undefined });
        },
        async remove(name, id, known) {
          const before = known ? known.before : await table(name).get(id);
          if (before === undefined) return;
          await table(name).delete(id);
          changes.push({ table: name, id, before, after: undefined });
        },
        async putPlan(plan) {
          // After the stamp, so the stamp cannot write an older plan row over this one.
          await stamped;
          const before = await requirePlan(plan.id);
          const after = { ...planSchema.parse(plan), deletedAt: before.deletedAt, updatedAt: now() };
          await db.plans.put(after);
          changes.push({ table: 'plans', id: plan.id, before, after });
        },
      };
      const [, value] = await Promise.all([stamped, body(rec)]);
      return { value, change: { planId, changes } };
    });
  }

  /** One plan's records of one table: in the planner's order where it has one, milestones by date. */
  async function loadCollection<C extends ChildCollection>(planId: string, name: C): Promise<ChildRow<C>[]> {
    if (ORDERED_COLLECTIONS.has(name)) {
      return inPlanOrder(table(name) as Table<ChildRow<C> & { planId: string; order: number }, string>, planId).toArray();
    }
    const rows = await table(name).where('planId').equals(planId).toArray();
    if (name === 'milestones') (rows as Milestone[]).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    return rows;
  }

  async function loadBundle(planId: string): Promise<PlanBundle | undefined> {
    // Every read starts at once: one round trip.
    const [row, ...collections] = await Promise.all([
      db.plans.get(planId),
      ...CHILD_COLLECTIONS.map((name) => loadCollection(planId, name)),
    ]);
    if (!row) return undefined;
    const { deletedAt: _deletedAt, ...plan } = row;
    return { plan, ...Object.fromEntries(CHILD_COLLECTIONS.map((name, i) => [name, collections[i]])) } as PlanBundle;
  }

  async function removePlanRecords(planId: string): Promise<void> {
    await Promise.all([
      ...CHILD_COLLECTIONS.map((name) => table(name).where('planId').equals(planId).delete()),
      db.plans.delete(planId),
    ]);
  }

  /**
   * Writes a whole plan. Children are added, never put: a record id already used by another
   * plan fails the transaction instead of moving that plan's record into this one.
   */
  async function putBundle(bundle: PlanBundle, deletedAt: string | null = null): Promise<void> {
    const plan = planSchema.parse(bundle.plan);
    await db.plans.put({ ...plan, deletedAt });
    for (const name of CHILD_COLLECTIONS) {
      await table(name).bulkAdd((bundle[name] as ChildRow<typeof name>[]).map((row) => checkRow(name, row)));
    }
  }

  async function nextOrder(name: OrderedCollection, planId: string): Promise<number> {
    const last = await inPlanOrder(table(name) as Table<{ planId: string; order: number }, string>, planId).last();
    return last ? last.order + 1 : 0;
  }

  async function addOrdered<C extends OrderedCollection>(name: C, row: Omit<ChildRow<C>, 'order'>, what: string): Promise<{ id: string; change: ChangeSet }> {
    const { change } = await edit(`add the ${what}`, row.planId, async (rec) => {
      await rec.put(name, { ...row, order: await nextOrder(name, row.planId) } as ChildRow<C>);
    }, [name]);
    return { id: row.id, change };
  }

  async function updateChild<C extends ChildCollection>(name: C, id: string, changes: Partial<ChildRow<C>>, what: string): Promise<ChangeSet> {
    const current = await table(name).get(id);
    if (!current) throw new StorageError(`This ${what} no longer exists.`, 'missing');
    const { change } = await edit(`save the ${what}`, current.planId, async (rec) => {
      // Read again inside the transaction, so two quick edits to one record never overwrite each other.
      const row = await requireRow(name, id, what);
      await rec.put(name, { ...row, ...changes, id, planId: row.planId });
    }, [name]);
    return change;
  }

  /** Swaps a record with its neighbour above (-1) or below (+1) in the planner's order. */
  async function moveOrdered(name: OrderedCollection, id: string, direction: -1 | 1, what: string): Promise<ChangeSet> {
    const current = await requireRow(name, id, what);
    const { change } = await edit(`move the ${what}`, current.planId, async (rec) => {
      const siblings = await inPlanOrder(table(name) as Table<ChildRow<OrderedCollection>, string>, current.planId).toArray();
      const index = siblings.findIndex((r) => r.id === id);
      const self = siblings[index];
      const other = siblings[index + direction];
      if (!self || !other) return;
      await rec.put(name, { ...self, order: other.order });
      await rec.put(name, { ...other, order: self.order });
    }, [name]);
    return change;
  }

  /**
   * Upserts the one record keyed by a compound index ([areaId+phaseId], [phaseId+decision]),
   * after checking, in the same transaction, that the records it points at are in the plan.
   */
  async function upsertKeyed<C extends 'stances' | 'positions'>(
    name: C, planId: string, index: string, key: [string, string | number], links: [ 'phases' | 'areas', string, string][],
    create: () => ChildRow<C>, changes: Partial<ChildRow<C>>, what: string,
  ): Promise<ChangeSet> {
    const { change } = await edit(`save the ${what}`, planId, async (rec) => {
      const [existing] = await Promise.all([
        table(name).where(index).equals(key).first(),
        ...links.map(([linked, id, label]) => requireInPlan(linked, id, planId, label)),
      ]);
      await rec.put(name, { ...(existing ?? create()), ...changes }, { before: existing });
    }, [name, ...links.map(([linked]) => linked)]);
    return change;
  }

  async function requireInPlan(name: 'phases' | 'areas', id: string, planId: string, what: string): Promise<void> {
    const row = await table(name).get(id);
    if (!row || row.planId !== planId) throw new StorageError(`This ${what} no longer exists.`, 'missing');
  }

  return {
    /** Every plan with its phase count; deleted ones carry deletedAt. Newest change first. */
    async listPlans(): Promise<PlanSummary[]> {
      // One read of the planId index counts every plan's phases, instead of one count per plan.
      const [plans, phasePlanIds] = await Promise.all([
        db.plans.orderBy('updatedAt').reverse().toArray(),
        db.phases.orderBy('planId').keys(),
      ]);
      const counts = new Map<string, number>();
      for (const id of phasePlanIds) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      return plans.map((p) => ({
        id: p.id, name: p.name, systemName: p.systemName, updatedAt: p.updatedAt, deletedAt: p.deletedAt, phaseCount: counts.get(p.id) ?? 0,
      }));
    },

    loadBundle,
    loadCollection,
    /**
     * Keeps one phase's allocations live (phases belong to one plan): `next` gets them now and
     * after every write that changes them, and only those. Returns the unsubscribe.
     */
    watchPhaseAllocations(planId: string, phaseId: string, next: (rows: AllocationRow[]) => void, fail: (error: unknown) => void): () => void {
      // Filtered after the read: a Dexie filter would walk a cursor, one round trip per row.
      const read = async () => (await db.allocations.where('phaseId').equals(phaseId).toArray()).filter((a) => a.planId === planId);
      const subscription = liveQuery(read).subscribe({ next, error: fail });
      return () => subscription.unsubscribe();
    },

    async getPlanRow(planId: string): Promise<PlanRow | undefined> {
      return db.plans.get(planId);
    },

    async listPhases(planId: string): Promise<Phase[]> {
      return inPlanOrder(db.phases, planId).toArray();
    },

    async createPlan(bundle: PlanBundle): Promise<string> {
      await write('create the plan', ALL_TABLES, () => putBundle(bundle));
      return bundle.plan.id;
    },

    async updatePlan(planId: string, changes: PlanChanges): Promise<ChangeSet> {
      return (await edit('save the plan', planId, async (rec) => {
        const { deletedAt: _d, ...plan } = await requirePlan(planId);
        await rec.putPlan({ ...plan, ...changes });
      }, [])).change;
    },

    /** Merges profile fields inside the write, so two quick edits never overwrite each other. */
    async updateProfile(planId: string, changes: Partial<SystemProfile>): Promise<ChangeSet> {
      return (await edit('save the plan', planId, async (rec) => {
        const { deletedAt: _d, ...plan } = await requirePlan(planId);
        await rec.putPlan({ ...plan, profile: { ...plan.profile, ...changes } });
      }, [])).change;
    },

    // Phases
    addPhase: (phase: Omit<Phase, 'order'>) => addOrdered('phases', phase, 'phase'),
    updatePhase: (phaseId: string, changes: PhaseChanges) => updateChild('phases', phaseId, changes, 'phase'),
    movePhase: (phaseId: string, direction: -1 | 1) => moveOrdered('phases', phaseId, direction, 'phase'),

    /** Removes a phase with its stances, positions, milestones and outcome targets. */
    async deletePhase(phaseId: string): Promise<ChangeSet> {
      const phase = await requireRow('phases', phaseId, 'phase');
      return (await edit('delete the phase', phase.planId, async (rec) => {
        const planId = phase.planId;
        const inPhase = <C extends 'stances' | 'positions' | 'milestones'>(name: C) => table(name).where('planId').equals(planId).filter((r) => r.phaseId === phaseId).toArray();
        for (const name of ['stances', 'positions', 'milestones'] as const) {
          await rec.removeAll(name, (await inPhase(name)).map((row) => row.id));
        }
        const outcomes = await db.outcomes.where('planId').equals(planId).toArray();
        await rec.putAll('outcomes', outcomes.flatMap((outcome) => (outcome.targets.some((t) => t.phaseId === phaseId)
          ? [{ row: { ...outcome, targets: outcome.targets.filter((t) => t.phaseId !== phaseId) }, before: outcome }] : [])));
        await rec.removeAll('allocations', (await db.allocations.where('phaseId').equals(phaseId).primaryKeys()));
        const waves = await db.waves.where('planId').equals(planId).toArray();
        await rec.putAll('waves', waves.flatMap((wave) => (wave.phaseId === phaseId ? [{ row: { ...wave, phaseId: null }, before: wave }] : [])));
        await rec.remove('phases', phaseId);
      })).change;
    },

    // Areas
    addArea: (area: Omit<Area, 'order'>) => addOrdered('areas', area, 'area'),
    updateArea: (areaId: string, changes: AreaChanges) => updateChild('areas', areaId, changes, 'area'),
    moveArea: (areaId: string, direction: -1 | 1) => moveOrdered('areas', areaId, direction, 'area'),
    async deleteArea(areaId: string): Promise<ChangeSet> {
      const area = await requireRow('areas', areaId, 'area');
      return (await edit('delete the area', area.planId, async (rec) => {
        const stances = await db.stances.where('[areaId+phaseId]').between([areaId, Dexie.minKey], [areaId, Dexie.maxKey]).toArray();
        await rec.removeAll('stances', stances.map((s) => s.id));
        const allocations = await db.allocations.where('planId').equals(area.planId).toArray();
        await rec.putAll('allocations', allocations.flatMap((a) => (a.areaId === areaId ? [{ row: { ...a, areaId: null }, before: a }] : [])));
        await rec.remove('areas', areaId);
      }, ['areas', 'stances', 'allocations'])).change;
    },

    /** Sets any part of the stance for one area in one phase, creating the record on first use. */
    async setStance(planId: string, areaId: string, phaseId: string, changes: StanceChanges): Promise<ChangeSet> {
      return upsertKeyed('stances', planId, '[areaId+phaseId]', [areaId, phaseId], [['areas', areaId, 'area'], ['phases', phaseId, 'phase']],
        () => ({ id: newId(), planId, areaId, phaseId, stance: null, rationale: '', owner: '', guardrails: '' }), changes, 'stance');
    },

    /** Sets the position (or its rationale) on one decision in one phase. */
    async setPosition(planId: string, phaseId: string, decision: number, changes: PositionChanges): Promise<ChangeSet> {
      return upsertKeyed('positions', planId, '[phaseId+decision]', [phaseId, decision], [['phases', phaseId, 'phase']],
        () => ({ id: newId(), planId, phaseId, decision, position: null, rationale: '' }), changes, 'position');
    },

    // Milestones
    async addMilestone(milestone: Milestone): Promise<{ id: string; change: ChangeSet }> {
      const { change } = await edit('add the milestone', milestone.planId, (rec) => rec.put('milestones', milestone), ['milestones']);
      return { id: milestone.id, change };
    },
    updateMilestone: (id: string, changes: MilestoneChanges) => updateChild('milestones', id, changes, 'milestone'),
    async deleteMilestone(id: string): Promise<ChangeSet> {
      const row = await requireRow('milestones', id, 'milestone');
      return (await edit('delete the milestone', row.planId, (rec) => rec.remove('milestones', id), ['milestones'])).change;
    },

    // Outcome measures
    addOutcome: (outcome: Omit<Outcome, 'order'>) => addOrdered('outcomes', outcome, 'outcome measure'),
    updateOutcome: (id: string, changes: OutcomeChanges) => updateChild('outcomes', id, changes, 'outcome measure'),
    moveOutcome: (id: string, direction: -1 | 1) => moveOrdered('outcomes', id, direction, 'outcome measure'),
    async deleteOutcome(id: string): Promise<ChangeSet> {
      const row = await requireRow('outcomes', id, 'outcome measure');
      return (await edit('delete the outcome measure', row.planId, (rec) => rec.remove('outcomes', id), ['outcomes'])).change;
    },

    // Need and readiness indicators
    addIndicator: (indicator: Omit<IndicatorRow, 'order'>) => addOrdered('indicators', indicator, 'indicator'),
    updateIndicator: (id: string, changes: IndicatorChanges) => updateChild('indicators', id, changes, 'indicator'),
    moveIndicator: (id: string, direction: -1 | 1) => moveOrdered('indicators', id, direction, 'indicator'),
    /** Adds the suggested indicators after any the plan has. */
    async addIndicators(planId: string, rows: readonly Omit<IndicatorRow, 'order'>[]): Promise<ChangeSet> {
      return (await edit('add the indicators', planId, async (rec) => {
        const first = await nextOrder('indicators', planId);
        await rec.putAll('indicators', rows.map((row, i) => ({ row: { ...row, planId, order: first + i }, before: undefined })));
      }, ['indicators'])).change;
    },
    /** Removes an indicator and every school's value for it. */
    async deleteIndicator(id: string): Promise<ChangeSet> {
      const row = await requireRow('indicators', id, 'indicator');
      return (await edit('delete the indicator', row.planId, async (rec) => {
        const schools = await db.schools.where('planId').equals(row.planId).toArray();
        await rec.putAll('schools', schools.flatMap((school) => {
          if (!(id in school.values)) return [];
          const { [id]: _dropped, ...values } = school.values;
          return [{ row: { ...school, values }, before: school }];
        }));
        await rec.remove('indicators', id);
      }, ['indicators', 'schools'])).change;
    },

    // Schools
    /** Adds schools at the end of the plan's list, in one transaction. */
    async addSchools(planId: string, schools: readonly SchoolInput[]): Promise<{ ids: string[]; change: ChangeSet }> {
      const ids = schools.map(() => newId());
      const { change } = await edit(schools.length === 1 ? 'add the school' : 'add the schools', planId, async (rec) => {
        const first = await nextOrder('schools', planId);
        await rec.putAll('schools', schools.map((school, i) => ({ row: { ...school, id: ids[i] as string, planId, order: first + i }, before: undefined })));
      }, ['schools']);
      return { ids, change };
    },
    updateSchool: (id: string, changes: SchoolChanges) => updateChild('schools', id, changes, 'school'),
    /** Sets (or, with null, clears) one school's value for one indicator, merged inside the write. */
    async setSchoolValue(schoolId: string, indicatorId: string, value: number | null): Promise<ChangeSet> {
      const current = await requireRow('schools', schoolId, 'school');
      return (await edit('save the school', current.planId, async (rec) => {
        const school = await requireRow('schools', schoolId, 'school');
        const { [indicatorId]: _old, ...others } = school.values;
        await rec.put('schools', { ...school, values: value === null ? others : { ...others, [indicatorId]: value } }, { before: school });
      }, ['schools'])).change;
    },
    /** Removes schools and what is allocated to them. */
    async deleteSchools(planId: string, ids: readonly string[]): Promise<ChangeSet> {
      const gone = new Set(ids);
      return (await edit(ids.length === 1 ? 'delete the school' : 'delete the schools', planId, async (rec) => {
        const allocations = await db.allocations.where('planId').equals(planId).toArray();
        await rec.removeAll('allocations', allocations.filter((a) => a.recipient.kind === 'school' && gone.has(a.recipient.schoolId)).map((a) => a.id));
        await rec.removeAll('schools', ids);
      }, ['schools', 'allocations'])).change;
    },
    /**
     * Writes a checked roster in one transaction: a school whose code (or, without a code, name)
     * is already in the plan is updated, keeping its wave; the others are added. New indicators
     * are added first, so the schools' values can name them.
     */
    async importSchools(planId: string, schools: readonly SchoolInput[], newIndicators: readonly Omit<IndicatorRow, 'order'>[]): Promise<{ added: number; updated: number; change: ChangeSet }> {
      const { value, change } = await edit('import the roster', planId, async (rec) => {
        const [existing, firstIndicator, firstSchool] = await Promise.all([
          db.schools.where('planId').equals(planId).toArray(),
          nextOrder('indicators', planId),
          nextOrder('schools', planId),
        ]);
        await rec.putAll('indicators', newIndicators.map((row, i) => ({ row: { ...row, planId, order: firstIndicator + i }, before: undefined })));
        const byCode = new Map(existing.filter((s) => s.code.trim() !== '').map((s) => [s.code.trim().toLowerCase(), s]));
        const byName = new Map(existing.map((s) => [s.name.trim().toLowerCase(), s]));
        let order = firstSchool;
        const writes: { row: School; before: School | undefined }[] = [];
        for (const school of schools) {
          const match = (school.code.trim() ? byCode.get(school.code.trim().toLowerCase()) : undefined) ?? byName.get(school.name.trim().toLowerCase());
          writes.push(match
            ? { row: { ...match, ...givenFields(school), waveId: match.waveId, values: { ...match.values, ...school.values } }, before: match }
            : { row: { ...school, id: newId(), planId, order: order++ }, before: undefined });
        }
        await rec.putAll('schools', writes);
        const updated = writes.filter((w) => w.before !== undefined).length;
        const added = writes.length - updated;
        return { added, updated };
      }, ['indicators', 'schools']);
      return { ...value, change };
    },
    /** Puts schools in a wave, or (null) takes them out of any. */
    async assignSchools(planId: string, schoolIds: readonly string[], waveId: string | null): Promise<ChangeSet> {
      return (await edit('assign the schools', planId, async (rec) => {
        const rows = await db.schools.bulkGet([...schoolIds]);
        await rec.putAll('schools', rows.flatMap((school) => (school && school.planId === planId && school.waveId !== waveId ? [{ row: { ...school, waveId }, before: school }] : [])));
      }, ['schools'])).change;
    },

    // Waves
    addWave: (wave: Omit<Wave, 'order'>) => addOrdered('waves', wave, 'wave'),
    updateWave: (id: string, changes: WaveChanges) => updateChild('waves', id, changes, 'wave'),
    moveWave: (id: string, direction: -1 | 1) => moveOrdered('waves', id, direction, 'wave'),
    /** Removes a wave: its schools are left without one, and what was allocated to it goes. */
    async deleteWave(id: string): Promise<ChangeSet> {
      const wave = await requireRow('waves', id, 'wave');
      return (await edit('delete the wave', wave.planId, async (rec) => {
        const schools = await db.schools.where('waveId').equals(id).toArray();
        await rec.putAll('schools', schools.map((school) => ({ row: { ...school, waveId: null }, before: school })));
        const allocations = await db.allocations.where('planId').equals(wave.planId).toArray();
        await rec.removeAll('allocations', allocations.filter((a) => a.recipient.kind === 'wave' && a.recipient.waveId === id).map((a) => a.id));
        await rec.remove('waves', id);
      }, ['waves', 'schools', 'allocations'])).change;
    },
    /**
     * Applies proposed waves: the plan's waves are used in order (new ones are added, named
     * "Wave N" and linked to the Nth phase), each gets the schools proposed for it, and every
     * other school is left without a wave. One step to undo.
     */
    async applyWaves(planId: string, proposal: readonly WaveProposal[]): Promise<ChangeSet> {
      return (await edit('apply the proposed waves', planId, async (rec) => {
        const [waves, phases, schools] = await Promise.all([
          inPlanOrder(db.waves, planId).toArray(),
          inPlanOrder(db.phases, planId).toArray(),
          db.schools.where('planId').equals(planId).toArray(),
        ]);
        const target = new Map<string, string>();
        let order = waves.length > 0 ? (waves.at(-1) as Wave).order + 1 : 0;
        for (const [i, wave] of proposal.entries()) {
          let waveId = waves[i]?.id;
          if (!waveId) {
            waveId = newId();
            await rec.put('waves', { id: waveId, planId, order: order++, name: `Wave ${i + 1}`, phaseId: phases[i]?.id ?? null, notes: '' }, { before: undefined });
          }
          for (const schoolId of wave.schoolIds) target.set(schoolId, waveId);
        }
        await rec.putAll('schools', schools.flatMap((school) => {
          const waveId = target.get(school.id) ?? null;
          return school.waveId === waveId ? [] : [{ row: { ...school, waveId }, before: school }];
        }));
      }, ['waves', 'schools', 'phases'])).change;
    },

    // Funding sources
    addFundingSource: (source: Omit<FundingSource, 'order'>) => addOrdered('fundingSources', source, 'funding source'),
    updateFundingSource: (id: string, changes: FundingSourceChanges) => updateChild('fundingSources', id, changes, 'funding source'),
    moveFundingSource: (id: string, direction: -1 | 1) => moveOrdered('fundingSources', id, direction, 'funding source'),
    /** Removes a funding source; what it paid for stays, paid from the district's own budget. */
    async deleteFundingSource(id: string): Promise<ChangeSet> {
      const source = await requireRow('fundingSources', id, 'funding source');
      return (await edit('delete the funding source', source.planId, async (rec) => {
        const allocations = await db.allocations.where('planId').equals(source.planId).toArray();
        await rec.putAll('allocations', allocations.filter((a) => a.sourceId === id).map((a) => ({ row: { ...a, sourceId: null }, before: a })));
        await rec.remove('fundingSources', id);
      }, ['fundingSources', 'allocations'])).change;
    },

    // Allocations
    async addAllocation(allocation: AllocationRow): Promise<{ id: string; change: ChangeSet }> {
      const { change } = await edit('add the allocation', allocation.planId, (rec) => rec.put('allocations', allocation, { before: undefined }), ['allocations']);
      return { id: allocation.id, change };
    },
    updateAllocation: (id: string, changes: AllocationChanges) => updateChild('allocations', id, changes, 'allocation'),
    async deleteAllocations(planId: string, ids: readonly string[]): Promise<ChangeSet> {
      return (await edit(ids.length === 1 ? 'delete the allocation' : 'delete the allocations', planId, async (rec) => {
        await rec.removeAll('allocations', ids);
      }, ['allocations'])).change;
    },
    /**
     * Sets a grid cell of one line. `lineId` is the line the planner saw in the cell, or the id
     * a new line takes when the cell was empty (so quick edits of a new cell find the line the
     * first one made). That line takes the amount, or goes when the amount is cleared; if it is
     * not in the cell, a new line with `defaults` takes the amount. Reads that one row only, not
     * the phase's lines: a cell edit is one small round trip however large the plan.
     */
    async setAllocationCell(planId: string, cell: AllocationCell, lineId: string, amount: number | null, defaults: Pick<AllocationRow, 'sourceId' | 'recurrence' | 'flexible'>): Promise<ChangeSet> {
      return (await edit('save the allocation', planId, async (rec) => {
        const found = await db.allocations.get(lineId);
        const inCell = found !== undefined && found.planId === planId && found.phaseId === cell.phaseId && found.kind === cell.kind && sameRecipient(found.recipient, cell.recipient);
        const line = inCell ? found : undefined;
        if (line && (amount === null || amount === 0)) await rec.remove('allocations', line.id, { before: line });
        else if (line && amount !== null) await rec.put('allocations', { ...line, amount }, { before: line });
        else if (amount !== null && amount > 0) {
          await rec.put('allocations', {
            id: found === undefined ? lineId : newId(), planId, phaseId: cell.phaseId, recipient: cell.recipient, kind: cell.kind, amount, areaId: null, note: '', ...defaults,
          }, { before: undefined });
        }
      }, ['allocations'])).change;
    },

    /** Undoes (puts back every "before") or redoes (every "after") an edit, in one transaction. */
    async applyChange(set: ChangeSet, direction: 'undo' | 'redo'): Promise<void> {
      await write(direction === 'undo' ? 'undo the change' : 'redo the change', ALL_TABLES, async () => {
        await requirePlan(set.planId);
        const steps = direction === 'undo' ? [...set.changes].reverse() : set.changes;
        // Where a record changed more than once, the last step taken here decides how it ends up;
        // the rows then go back table by table, in bulk (an import of thousands undoes in one go).
        const finalRows = new Map<string, { table: TableName; id: string; row: unknown }>();
        for (const step of steps) {
          const key = `${step.table}|${step.id}`;
          finalRows.delete(key);
          finalRows.set(key, { table: step.table, id: step.id, row: direction === 'undo' ? step.before : step.after });
        }
        const byTable = new Map<TableName, { puts: unknown[]; deletes: string[] }>();
        for (const { table: name, id, row } of finalRows.values()) {
          const group = byTable.get(name) ?? { puts: [], deletes: [] };
          byTable.set(name, group);
          // The rows were valid when recorded; they go back as they were.
          if (row === undefined) group.deletes.push(id);
          else group.puts.push(row);
        }
        for (const [name, { puts, deletes }] of byTable) {
          const target = (name === 'plans' ? db.plans : table(name)) as Table<unknown, string>;
          if (deletes.length > 0) await target.bulkDelete(deletes);
          if (puts.length > 0) await target.bulkPut(puts);
        }
        await touch(set.planId);
      });
    },

    /** Moves a plan to "Recently deleted"; nothing is removed until it expires or is emptied. */
    async deletePlan(planId: string): Promise<void> {
      await write('delete the plan', ['plans'], async () => {
        await requirePlan(planId);
        await db.plans.update(planId, { deletedAt: now() });
      });
    },

    async restorePlan(planId: string): Promise<void> {
      await write('restore the plan', ['plans'], async () => {
        await requirePlan(planId);
        await db.plans.update(planId, { deletedAt: null });
      });
    },

    /** Removes for good the plans deleted more than RECENTLY_DELETED_DAYS ago (or all deleted, with `all`). */
    async purgeDeleted(options: { all?: boolean } = {}): Promise<number> {
      const cutoff = nowTimestamp(new Date(clock().getTime() - RECENTLY_DELETED_DAYS * 86_400_000));
      return write('empty recently deleted', ALL_TABLES, async () => {
        const expired = (await db.plans.toArray()).filter((p) => p.deletedAt !== null && (options.all || p.deletedAt < cutoff));
        for (const plan of expired) await removePlanRecords(plan.id);
        return expired.length;
      });
    },

    /** Removes a plan and all its records for good. */
    async purgePlan(planId: string): Promise<void> {
      await write('remove the plan', ALL_TABLES, () => removePlanRecords(planId));
    },

    /**
     * Writes an imported plan: as a new plan, or in place of the plan with the same id. A plan
     * that is replaced is kept, as a copy in Recently deleted, unless `keepReplaced` is false
     * (as when undoing a replace); its id is returned.
     */
    async importBundle(bundle: PlanBundle, mode: 'add' | 'replace', options: { keepReplaced?: boolean } = {}): Promise<{ replacedCopyId: string | null }> {
      return write('import the plan', ALL_TABLES, async () => {
        const existing = await loadBundle(bundle.plan.id);
        if (existing && mode === 'add') throw new StorageError('A plan with this id is already in the library.', 'invalid');
        let replacedCopyId: string | null = null;
        if (existing) {
          await removePlanRecords(bundle.plan.id);
          if (options.keepReplaced !== false) {
            const copy = copyPlanBundle(existing, `${existing.plan.name.slice(0, NAME_MAX - 20)} (before import)`, clock());
            await putBundle(copy, now());
            replacedCopyId = copy.plan.id;
          }
        }
        await putBundle(bundle);
        return { replacedCopyId };
      });
    },
  };
}

interface Recorder {
  /** Writes a row; `known.before` saves a read where the caller has just read the row. */
  put<C extends ChildCollection>(name: C, row: ChildRow<C>, known?: { before: ChildRow<C> | undefined }): Promise<void>;
  /** Writes many rows of one table at once, each with what it was before (undefined for a new one). */
  putAll<C extends ChildCollection>(name: C, rows: readonly { row: ChildRow<C>; before: ChildRow<C> | undefined }[]): Promise<void>;
  /** Removes a row; `known.before` saves a read where the caller has just read it. */
  remove<C extends ChildCollection>(name: C, id: string, known?: { before: ChildRow<C> }): Promise<void>;
  /** Removes many rows of one table at once; ids not found are skipped. */
  removeAll(name: ChildCollection, ids: readonly string[]): Promise<void>;
  putPlan(plan: Plan): Promise<void>;
}

/**
 * What a roster row says of a school already in the plan: its name and students (always read),
 * and its code, grade band and FRL share where the file has them. A blank cell or a column the
 * file does not have leaves what the plan holds (as a blank indicator value does).
 */
function givenFields(school: SchoolInput): Partial<SchoolInput> {
  return {
    name: school.name,
    students: school.students,
    ...(school.code.trim() !== '' ? { code: school.code } : {}),
    ...(school.gradeBand.trim() !== '' ? { gradeBand: school.gradeBand } : {}),
    ...(school.frlPercent !== null ? { frlPercent: school.frlPercent } : {}),
  };
}

/** One plan's rows of a child table, in the planner's order, read through the [planId+order] index. */
function inPlanOrder<T extends { planId: string; order: number }>(table: Table<T, string>, planId: string) {
  return table.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]);
}

/** Validates a record before it is written; phases must also end after they start. */
function checkRow<C extends ChildCollection>(name: C, row: ChildRow<C>): ChildRow<C> {
  const checked = CHILD_SCHEMAS[name].parse(row) as ChildRow<C>;
  if (name === 'phases') {
    const phase = checked as Phase;
    const problem = phaseDateProblem(phase.start, phase.end);
    if (problem) throw new StorageError(`Phase “${phase.name}”: ${problem.message}`, 'invalid');
  }
  return checked;
}
