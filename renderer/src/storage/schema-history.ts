/**
 * Every version of the database schema ever shipped, with its upgrade. Append only. Each
 * upgrade is frozen as it shipped: it uses nothing from the live domain code, so a database
 * last opened years ago upgrades the way it would have then.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      plans: 'id, updatedAt',
      phases: 'id, planId, [planId+order]',
      areas: 'id, planId, [planId+order]',
    },
  },
  {
    // The roadmap: phases gain a kind, a status, entry criteria and a go / no-go gate; plans a
    // vision; stances, decision positions, milestones and outcome measures get tables.
    version: 2,
    stores: {
      stances: 'id, planId, &[areaId+phaseId]',
      positions: 'id, planId, &[phaseId+decision]',
      milestones: 'id, planId, phaseId',
      outcomes: 'id, planId, [planId+order]',
    },
    upgrade: async (tx) => {
      await tx.table('plans').toCollection().modify((plan: Record<string, unknown>) => {
        plan.vision ??= '';
      });
      await tx.table('phases').toCollection().modify((phase: Record<string, unknown>) => {
        phase.kind ??= phaseKindAtVersion2(String(phase.name ?? ''));
        phase.status ??= 'planned';
        phase.entryCriteria ??= '';
        phase.gate ??= '';
      });
    },
  },
  {
    // Schools, waves and resources: plans gain a fiscal-year start month (July).
    version: 3,
    stores: {
      indicators: 'id, planId, [planId+order]',
      schools: 'id, planId, [planId+order], waveId',
      waves: 'id, planId, [planId+order]',
      fundingSources: 'id, planId, [planId+order]',
      allocations: 'id, planId, phaseId',
    },
    upgrade: async (tx) => {
      await tx.table('plans').toCollection().modify((plan: Record<string, unknown>) => {
        plan.fiscalYearStartMonth ??= 7;
      });
    },
  },
  {
    // A district's first real plan: milestones gain a kind; stance and position rationales say
    // whether a template wrote them; indicators a stated range; funding sources a type and an
    // obligate-by date; allocations continue over phases, go to each school of a wave or to the
    // wave, and staff lines can carry a cost per FTE. Old rows keep their meaning: a plain
    // milestone, the planner's own text, no range, "other" money spent by its end date, a line
    // for its own phase, for the wave as a whole, typed money.
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      await tx.table('milestones').toCollection().modify((row: Record<string, unknown>) => {
        row.kind ??= 'milestone';
      });
      for (const table of ['stances', 'positions']) {
        await tx.table(table).toCollection().modify((row: Record<string, unknown>) => {
          row.rationaleOrigin ??= 'planner';
        });
      }
      await tx.table('indicators').toCollection().modify((row: Record<string, unknown>) => {
        row.range ??= null;
      });
      await tx.table('fundingSources').toCollection().modify((row: Record<string, unknown>) => {
        row.type ??= 'other';
        row.obligateBy ??= null;
      });
      await tx.table('allocations').toCollection().modify((row: Record<string, unknown>) => {
        row.untilPhaseId ??= null;
        row.perSchool ??= false;
        row.staffCost ??= null;
      });
    },
  },
  {
    // Revisions: saved states of a plan with the reason it changed. The metadata a history list
    // shows and the gzipped plan file text (keyed by the revision's id) are separate tables, so
    // listing a plan's history never reads the bytes. No existing row changes: no upgrade.
    version: 5,
    stores: {
      revisions: 'id, planId, [planId+createdAt]',
      revisionData: 'id',
    },
  },
  {
    // Approved baselines and the journal: a revision can carry the board's approval (none so
    // far); the journal's entries get a table, read by plan and date.
    version: 6,
    stores: {
      journal: 'id, planId, [planId+date]',
    },
    upgrade: async (tx) => {
      await tx.table('revisions').toCollection().modify((row: Record<string, unknown>) => {
        row.approval ??= null;
      });
    },
  },
];

/** A phase's kind read from its name, as schema version 2 read it: "Pilot …" is a pilot, and so on. */
function phaseKindAtVersion2(name: string): string {
  const lower = name.trim().toLowerCase();
  return ['pilot', 'expand', 'scale', 'sustain'].find((kind) => lower.startsWith(kind)) ?? 'custom';
}
