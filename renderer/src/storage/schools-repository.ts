/**
 * Schools and how they are chosen: need and readiness indicators, schools (added by hand or
 * from a roster), and the waves they join in.
 */
import { inPlanOrder, type ChangeSet, type Transactions } from './transactions';
import type { IndicatorRow, School, Wave } from '../domain/schemas';
import { newId } from '../domain/ids';
import { rosterMatcher, rosterUpdate } from '../domain/roster-import';
import { waveName } from '../domain/waves';

export type IndicatorChanges = Partial<Omit<IndicatorRow, 'id' | 'planId' | 'order'>>;
/** A school as a planner enters or imports it: everything but its ids and place. */
export type SchoolInput = Omit<School, 'id' | 'planId' | 'order'>;
export type SchoolChanges = Partial<Omit<School, 'id' | 'planId' | 'order'>>;
export type WaveChanges = Partial<Omit<Wave, 'id' | 'planId' | 'order'>>;

/** A wave as proposed from the ranking: the schools in it, in order, and the phase it joins in (when given). */
export interface WaveProposal {
  schoolIds: string[];
  /** The phase the wave is linked to; left out, a wave keeps its phase (a new one takes the phase at its place). */
  phaseId?: string | null;
}

export function createSchoolsRepository(tx: Transactions) {
  const { db, change, edit, requireRow, nextOrder, addOrdered, updateChild, moveOrdered } = tx;

  return {
    // Need and readiness indicators
    addIndicator: (indicator: Omit<IndicatorRow, 'order'>) => addOrdered('indicators', indicator, 'indicator'),
    updateIndicator: (id: string, changes: IndicatorChanges) => updateChild('indicators', id, changes, 'indicator'),
    moveIndicator: (id: string, direction: -1 | 1) => moveOrdered('indicators', id, direction, 'indicator'),
    /** Adds the suggested indicators after any the plan has. */
    async addIndicators(planId: string, rows: readonly Omit<IndicatorRow, 'order'>[]): Promise<ChangeSet> {
      return change('add the indicators', planId, async (rec) => {
        const first = await nextOrder('indicators', planId);
        await rec.putAll('indicators', rows.map((row, i) => ({ row: { ...row, planId, order: first + i }, before: undefined })));
      }, ['indicators']);
    },
    /** Removes an indicator and every school's value for it. */
    async deleteIndicator(id: string): Promise<ChangeSet> {
      const row = await requireRow('indicators', id, 'indicator');
      return change('delete the indicator', row.planId, async (rec) => {
        const schools = await db.schools.where('planId').equals(row.planId).toArray();
        await rec.putAll('schools', schools.flatMap((school) => {
          if (!(id in school.values)) return [];
          const { [id]: _dropped, ...values } = school.values;
          return [{ row: { ...school, values }, before: school }];
        }));
        await rec.remove('indicators', id);
      }, ['indicators', 'schools']);
    },

    // Schools
    /** Adds schools at the end of the plan's list, in one transaction. */
    async addSchools(planId: string, schools: readonly SchoolInput[]): Promise<{ ids: string[]; change: ChangeSet }> {
      const ids = schools.map(() => newId());
      const set = await change(schools.length === 1 ? 'add the school' : 'add the schools', planId, async (rec) => {
        const first = await nextOrder('schools', planId);
        await rec.putAll('schools', schools.map((school, i) => ({ row: { ...school, id: ids[i] as string, planId, order: first + i }, before: undefined })));
      }, ['schools']);
      return { ids, change: set };
    },
    updateSchool: (id: string, changes: SchoolChanges) => updateChild('schools', id, changes, 'school'),
    /** Sets (or, with null, clears) one school's value for one indicator, merged inside the write. */
    setSchoolValue: (schoolId: string, indicatorId: string, value: number | null) => updateChild('schools', schoolId, (school) => {
      const { [indicatorId]: _old, ...others } = school.values;
      return { values: value === null ? others : { ...others, [indicatorId]: value } };
    }, 'school'),
    /** Removes schools and what is allocated to them. */
    async deleteSchools(planId: string, ids: readonly string[]): Promise<ChangeSet> {
      const gone = new Set(ids);
      return change(ids.length === 1 ? 'delete the school' : 'delete the schools', planId, async (rec) => {
        const allocations = await db.allocations.where('planId').equals(planId).toArray();
        await rec.removeAll('allocations', allocations.filter((a) => a.recipient.kind === 'school' && gone.has(a.recipient.schoolId)).map((a) => a.id));
        await rec.removeAll('schools', ids);
      }, ['schools', 'allocations']);
    },
    /**
     * Writes a checked roster in one transaction: a school the roster matches (domain's
     * rosterMatcher) is updated as rosterUpdate says (its wave kept unless the roster names one); the others are added.
     * New indicators are added first, so the schools' values can name them.
     */
    async importSchools(planId: string, schools: readonly SchoolInput[], newIndicators: readonly Omit<IndicatorRow, 'order'>[]): Promise<{ added: number; updated: number; change: ChangeSet }> {
      const { value, change: set } = await edit('import the roster', planId, async (rec) => {
        const [existing, firstIndicator, firstSchool, waves] = await Promise.all([
          db.schools.where('planId').equals(planId).toArray(),
          nextOrder('indicators', planId),
          nextOrder('schools', planId),
          db.waves.where('planId').equals(planId).primaryKeys(),
        ]);
        await rec.putAll('indicators', newIndicators.map((row, i) => ({ row: { ...row, planId, order: firstIndicator + i }, before: undefined })));
        const matchOf = rosterMatcher(existing);
        // A wave deleted (in another window) since the roster was checked is no wave: the school keeps its own.
        const planWaves = new Set<string>(waves);
        let order = firstSchool;
        const writes = schools.map((named) => {
          const school = named.waveId === null || planWaves.has(named.waveId) ? named : { ...named, waveId: null };
          const match = matchOf(school);
          return match ? { row: rosterUpdate(match, school), before: match } : { row: { ...school, id: newId(), planId, order: order++ }, before: undefined };
        });
        await rec.putAll('schools', writes);
        const updated = writes.filter((w) => w.before !== undefined).length;
        return { added: writes.length - updated, updated };
      }, ['indicators', 'schools', 'waves']);
      return { ...value, change: set };
    },
    /** Puts schools in a wave, or (null) takes them out of any. */
    async assignSchools(planId: string, schoolIds: readonly string[], waveId: string | null): Promise<ChangeSet> {
      return change('assign the schools', planId, async (rec) => {
        const rows = await db.schools.bulkGet([...schoolIds]);
        await rec.putAll('schools', rows.flatMap((school) => (school && school.planId === planId && school.waveId !== waveId ? [{ row: { ...school, waveId }, before: school }] : [])));
      }, ['schools']);
    },

    // Waves
    addWave: (wave: Omit<Wave, 'order'>) => addOrdered('waves', wave, 'wave'),
    updateWave: (id: string, changes: WaveChanges) => updateChild('waves', id, changes, 'wave'),
    moveWave: (id: string, direction: -1 | 1) => moveOrdered('waves', id, direction, 'wave'),
    /** Removes a wave: its schools are left without one, and what was allocated to it goes. */
    async deleteWave(id: string): Promise<ChangeSet> {
      const wave = await requireRow('waves', id, 'wave');
      return change('delete the wave', wave.planId, async (rec) => {
        const schools = await db.schools.where('waveId').equals(id).toArray();
        await rec.putAll('schools', schools.map((school) => ({ row: { ...school, waveId: null }, before: school })));
        const allocations = await db.allocations.where('planId').equals(wave.planId).toArray();
        await rec.removeAll('allocations', allocations.filter((a) => a.recipient.kind === 'wave' && a.recipient.waveId === id).map((a) => a.id));
        await rec.remove('waves', id);
      }, ['waves', 'schools', 'allocations']);
    },
    /**
     * Applies proposed waves: the plan's waves are used in order (new ones are added, named
     * "Wave N"), each is linked to its proposed phase (without one, a new wave takes the Nth
     * phase and a wave the plan has keeps its own), each gets the schools proposed for it, and
     * every other school is left without a wave. One step to undo.
     */
    async applyWaves(planId: string, proposal: readonly WaveProposal[]): Promise<ChangeSet> {
      return change('apply the proposed waves', planId, async (rec) => {
        const [waves, phases, schools] = await Promise.all([
          inPlanOrder(db.waves, planId).toArray(),
          inPlanOrder(db.phases, planId).toArray(),
          db.schools.where('planId').equals(planId).toArray(),
        ]);
        const target = new Map<string, string>();
        let order = waves.length > 0 ? (waves.at(-1) as Wave).order + 1 : 0;
        for (const [i, wave] of proposal.entries()) {
          const existing = waves[i];
          let waveId = existing?.id;
          const phaseId = wave.phaseId !== undefined && (wave.phaseId === null || phases.some((p) => p.id === wave.phaseId)) ? wave.phaseId : undefined;
          if (!existing || !waveId) {
            waveId = newId();
            await rec.put('waves', { id: waveId, planId, order: order++, name: waveName(i), phaseId: phaseId === undefined ? phases[i]?.id ?? null : phaseId, notes: '' }, { before: undefined });
          } else if (phaseId !== undefined && existing.phaseId !== phaseId) {
            await rec.put('waves', { ...existing, phaseId }, { before: existing });
          }
          for (const schoolId of wave.schoolIds) target.set(schoolId, waveId);
        }
        await rec.putAll('schools', schools.flatMap((school) => {
          const waveId = target.get(school.id) ?? null;
          return school.waveId === waveId ? [] : [{ row: { ...school, waveId }, before: school }];
        }));
      }, ['waves', 'schools', 'phases']);
    },
  };
}
