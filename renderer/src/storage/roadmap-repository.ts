/**
 * The roadmap of one plan: the plan's own fields, phases, areas of implementation with their
 * tight / loose stances, positions on the seven decisions, milestones and outcome measures.
 */
import { Dexie } from 'dexie';
import { StorageError } from './storage-error';
import { inPlanOrder, type ChangeSet, type Transactions } from './transactions';
import type { Area, ChildRow, Milestone, Outcome, Phase, Plan, Position, Stance, SystemProfile } from '../domain/schemas';
import { newId } from '../domain/ids';
import { planPhaseMove, type Carry } from '../domain/phase-moves';
import type { PhaseDates } from '../domain/timeline';

export type PlanChanges = Partial<Pick<Plan, 'name' | 'systemName' | 'profile' | 'schoolYearStartMonth' | 'fiscalYearStartMonth' | 'vision'>>;
export type PhaseChanges = Partial<Omit<Phase, 'id' | 'planId' | 'order'>>;
export type AreaChanges = Partial<Pick<Area, 'name' | 'description'>>;
export type StanceChanges = Partial<Pick<Stance, 'stance' | 'rationale' | 'rationaleOrigin' | 'owner' | 'guardrails'>>;
export type PositionChanges = Partial<Pick<Position, 'position' | 'rationale' | 'rationaleOrigin'>>;
/** One cell of the tight & loose matrix and what to change in it. */
export interface StanceEdit { areaId: string; phaseId: string; changes: StanceChanges }
/** One position (a decision in a phase) and what to change in it. */
export interface PositionEdit { phaseId: string; decision: number; changes: PositionChanges }
export type MilestoneChanges = Partial<Omit<Milestone, 'id' | 'planId'>>;
export type OutcomeChanges = Partial<Omit<Outcome, 'id' | 'planId' | 'order'>>;

export function createRoadmapRepository(tx: Transactions) {
  const { db, table, change, requirePlan, requireRow, addOrdered, addChild, updateChild, removeChild, moveOrdered } = tx;

  async function requireInPlan(name: 'phases' | 'areas', id: string, planId: string, what: string): Promise<void> {
    const row = await table(name).get(id);
    if (!row || row.planId !== planId) throw new StorageError(`This ${what} no longer exists.`, 'missing');
  }

  /**
   * Upserts the one record keyed by a compound index ([areaId+phaseId], [phaseId+decision]),
   * after checking, in the same transaction, that the records it points at are in the plan.
   */
  async function upsertKeyed<C extends 'stances' | 'positions'>(
    name: C, planId: string, index: string, key: [string, string | number], links: ['phases' | 'areas', string, string][],
    create: () => ChildRow<C>, changes: Partial<ChildRow<C>>, what: string,
  ): Promise<ChangeSet> {
    return change(`save the ${what}`, planId, async (rec) => {
      const [existing] = await Promise.all([
        table(name).where(index).equals(key).first(),
        ...links.map(([linked, id, label]) => requireInPlan(linked, id, planId, label)),
      ]);
      await rec.put(name, { ...(existing ?? create()), ...changes }, { before: existing });
    }, [name, ...links.map(([linked]) => linked)]);
  }

  return {
    async updatePlan(planId: string, changes: PlanChanges): Promise<ChangeSet> {
      return change('save the plan', planId, async (rec) => {
        const { deletedAt: _d, ...plan } = await requirePlan(planId);
        await rec.putPlan({ ...plan, ...changes });
      }, []);
    },

    /** Merges profile fields inside the write, so two quick edits never overwrite each other. */
    async updateProfile(planId: string, changes: Partial<SystemProfile>): Promise<ChangeSet> {
      return change('save the plan', planId, async (rec) => {
        const { deletedAt: _d, ...plan } = await requirePlan(planId);
        await rec.putPlan({ ...plan, profile: { ...plan.profile, ...changes } });
      }, []);
    },

    // Phases
    async listPhases(planId: string): Promise<Phase[]> {
      return inPlanOrder(db.phases, planId).toArray();
    },
    addPhase: (phase: Omit<Phase, 'order'>) => addOrdered('phases', phase, 'phase'),
    updatePhase: (phaseId: string, changes: PhaseChanges) => updateChild('phases', phaseId, changes, 'phase'),
    movePhase: (phaseId: string, direction: -1 | 1) => moveOrdered('phases', phaseId, direction, 'phase'),
    /**
     * New dates for a phase, with what the planner chose to carry along (its milestones, the
     * phases after it with theirs; see domain/phase-moves.ts), worked out from the records as
     * they are inside the one transaction.
     */
    async reschedulePhase(phaseId: string, dates: PhaseDates, carry: Carry): Promise<ChangeSet> {
      const current = await requireRow('phases', phaseId, 'phase');
      const planId = current.planId;
      return change('move the phase', planId, async (rec) => {
        const [phase, phases, milestones] = await Promise.all([
          requireRow('phases', phaseId, 'phase'),
          db.phases.where('planId').equals(planId).toArray(),
          carry.milestones || carry.following ? db.milestones.where('planId').equals(planId).toArray() : Promise.resolve([] as Milestone[]),
        ]);
        const move = planPhaseMove(phases, milestones, phase, dates, carry);
        const phaseRows = new Map(phases.map((p) => [p.id, p]));
        const milestoneRows = new Map(milestones.map((m) => [m.id, m]));
        await rec.putAll('phases', move.phases.flatMap(({ id, start, end }) => {
          const before = phaseRows.get(id);
          return before ? [{ row: { ...before, start, end }, before }] : [];
        }));
        await rec.putAll('milestones', move.milestones.flatMap(({ id, date }) => {
          const before = milestoneRows.get(id);
          return before ? [{ row: { ...before, date }, before }] : [];
        }));
      }, ['phases', 'milestones']);
    },
    /** Removes a phase with its stances, positions, milestones, outcome targets and allocations; its waves are left unlinked. */
    async deletePhase(phaseId: string): Promise<ChangeSet> {
      const phase = await requireRow('phases', phaseId, 'phase');
      const planId = phase.planId;
      return change('delete the phase', planId, async (rec) => {
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
      });
    },

    // Areas
    addArea: (area: Omit<Area, 'order'>) => addOrdered('areas', area, 'area'),
    updateArea: (areaId: string, changes: AreaChanges) => updateChild('areas', areaId, changes, 'area'),
    moveArea: (areaId: string, direction: -1 | 1) => moveOrdered('areas', areaId, direction, 'area'),
    /** Removes an area with its stances; lines that paid for it are left without an area. */
    async deleteArea(areaId: string): Promise<ChangeSet> {
      const area = await requireRow('areas', areaId, 'area');
      return change('delete the area', area.planId, async (rec) => {
        const stances = await db.stances.where('[areaId+phaseId]').between([areaId, Dexie.minKey], [areaId, Dexie.maxKey]).toArray();
        await rec.removeAll('stances', stances.map((s) => s.id));
        const allocations = await db.allocations.where('planId').equals(area.planId).toArray();
        await rec.putAll('allocations', allocations.flatMap((a) => (a.areaId === areaId ? [{ row: { ...a, areaId: null }, before: a }] : [])));
        await rec.remove('areas', areaId);
      }, ['areas', 'stances', 'allocations']);
    },

    /** Sets any part of the stance for one area in one phase, creating the record on first use. */
    async setStance(planId: string, areaId: string, phaseId: string, changes: StanceChanges): Promise<ChangeSet> {
      return upsertKeyed('stances', planId, '[areaId+phaseId]', [areaId, phaseId], [['areas', areaId, 'area'], ['phases', phaseId, 'phase']],
        () => ({ id: newId(), planId, areaId, phaseId, stance: null, rationale: '', rationaleOrigin: 'planner', owner: '', guardrails: '' }), changes, 'stance');
    },

    /** Sets the position (or its rationale) on one decision in one phase. */
    async setPosition(planId: string, phaseId: string, decision: number, changes: PositionChanges): Promise<ChangeSet> {
      return upsertKeyed('positions', planId, '[phaseId+decision]', [phaseId, decision], [['phases', phaseId, 'phase']],
        () => ({ id: newId(), planId, phaseId, decision, position: null, rationale: '', rationaleOrigin: 'planner' }), changes, 'position');
    },

    /**
     * Sets several stances and positions in one transaction (each record created on first use):
     * an area in every phase at once, or a stance with the decision rationale it flags for review.
     */
    async setStancesAndPositions(planId: string, stances: readonly StanceEdit[], positions: readonly PositionEdit[] = []): Promise<ChangeSet> {
      const areaIds = [...new Set(stances.map((s) => s.areaId))];
      const phaseIds = [...new Set([...stances, ...positions].map((e) => e.phaseId))];
      return change('save the stances', planId, async (rec) => {
        const [stancesBefore, positionsBefore] = await Promise.all([
          Promise.all(stances.map((s) => table('stances').where('[areaId+phaseId]').equals([s.areaId, s.phaseId]).first())),
          Promise.all(positions.map((p) => table('positions').where('[phaseId+decision]').equals([p.phaseId, p.decision]).first())),
          ...areaIds.map((id) => requireInPlan('areas', id, planId, 'area')),
          ...phaseIds.map((id) => requireInPlan('phases', id, planId, 'phase')),
        ]);
        await rec.putAll('stances', stances.map(({ areaId, phaseId, changes }, i) => {
          const before = stancesBefore[i];
          return { row: { ...(before ?? { id: newId(), planId, areaId, phaseId, stance: null, rationale: '', rationaleOrigin: 'planner' as const, owner: '', guardrails: '' }), ...changes }, before };
        }));
        await rec.putAll('positions', positions.map(({ phaseId, decision, changes }, i) => {
          const before = positionsBefore[i];
          return { row: { ...(before ?? { id: newId(), planId, phaseId, decision, position: null, rationale: '', rationaleOrigin: 'planner' as const }), ...changes }, before };
        }));
      }, ['stances', 'positions', 'areas', 'phases']);
    },

    /** Adds an area as the last row with a stance in each phase given, in one transaction. */
    async addAreaWithStances(area: Omit<Area, 'order'>, stances: readonly { phaseId: string; stance: Stance['stance'] }[]): Promise<{ id: string; change: ChangeSet }> {
      const set = await change('add the area', area.planId, async (rec) => {
        await Promise.all([...new Set(stances.map((s) => s.phaseId))].map((id) => requireInPlan('phases', id, area.planId, 'phase')));
        await rec.put('areas', { ...area, order: await tx.nextOrder('areas', area.planId) }, { before: undefined });
        await rec.putAll('stances', stances.map(({ phaseId, stance }) => ({
          row: { id: newId(), planId: area.planId, areaId: area.id, phaseId, stance, rationale: '', rationaleOrigin: 'planner' as const, owner: '', guardrails: '' },
          before: undefined,
        })));
      }, ['areas', 'stances', 'phases']);
      return { id: area.id, change: set };
    },

    // Milestones
    addMilestone: (milestone: Milestone) => addChild('milestones', milestone, 'milestone'),
    updateMilestone: (id: string, changes: MilestoneChanges) => updateChild('milestones', id, changes, 'milestone'),
    deleteMilestone: (id: string) => removeChild('milestones', id, 'milestone'),

    // Outcome measures
    addOutcome: (outcome: Omit<Outcome, 'order'>) => addOrdered('outcomes', outcome, 'outcome measure'),
    /** Changes an outcome measure; a function works the changes out from it as stored (its targets and actuals are whole lists). */
    updateOutcome: (id: string, changes: OutcomeChanges | ((current: Outcome) => OutcomeChanges)) => updateChild('outcomes', id, changes, 'outcome measure'),
    moveOutcome: (id: string, direction: -1 | 1) => moveOrdered('outcomes', id, direction, 'outcome measure'),
    deleteOutcome: (id: string) => removeChild('outcomes', id, 'outcome measure'),
  };
}
