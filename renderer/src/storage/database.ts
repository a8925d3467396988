/**
 * The IndexedDB database, typed. Tables are normalized by plan: every child record carries
 * its planId and is indexed by [planId+order] so one plan's records load with one range read.
 *
 * Schema history is append-only: every version ever shipped stays in SCHEMA_HISTORY with its
 * upgrade, and tests open a database written by each older version.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { AllocationRow, Area, FundingSource, IndicatorRow, Milestone, Outcome, Phase, Plan, Position, School, Stance, Wave } from '../domain/schemas';
import { kindFromName } from '../domain/roadmap-rules';

export const DATABASE_NAME = 'roadmap-planner';

// Dexie turns on its debug mode (long async stack traces) for pages served from localhost,
// which the browser mode is; a built app runs as the desktop one does.
if (import.meta.env?.PROD) Dexie.debug = false;

/** A plan as stored: the plan plus when it was moved to "Recently deleted" (null while in use). */
export interface PlanRow extends Plan {
  deletedAt: string | null;
}

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
        phase.kind ??= kindFromName(String(phase.name ?? ''));
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
];

export class PlannerDatabase extends Dexie {
  plans!: Table<PlanRow, string>;
  phases!: Table<Phase, string>;
  areas!: Table<Area, string>;
  stances!: Table<Stance, string>;
  positions!: Table<Position, string>;
  milestones!: Table<Milestone, string>;
  outcomes!: Table<Outcome, string>;
  indicators!: Table<IndicatorRow, string>;
  schools!: Table<School, string>;
  waves!: Table<Wave, string>;
  fundingSources!: Table<FundingSource, string>;
  allocations!: Table<AllocationRow, string>;

  constructor(name: string = DATABASE_NAME, history: readonly SchemaVersion[] = SCHEMA_HISTORY) {
    super(name);
    for (const step of history) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
