/**
 * Benchmark data: one large plan plus a library of other plans, shaped to the current schema
 * and valid against the domain schemas, so the app's own validation runs
 * on every record exactly as it would for a planner.
 *
 * Every child table of a plan is described once, in CHILD_TABLES. When the schema grows a table,
 * PlanBundle gains a key, TypeScript then requires an entry here, and
 * every scenario, the raw IndexedDB baseline and the sanity checks pick it up: nothing else in
 * the benchmark names a child table. Tables are made in CHILD_TABLES order, and each row maker
 * sees the tables made before it, so stances can point at the plan's phases and areas.
 */
import { DEFAULT_AREAS } from '../../renderer/src/domain/areas';
import { newId, nowTimestamp } from '../../renderer/src/domain/ids';
import { SUGGESTED_INDICATORS } from '../../renderer/src/domain/indicators';
import { STANCES, type AllocationRow, type FundingSource, type IndicatorRow, type School, type Wave, type Area, type Milestone, type Outcome, type Phase, type Plan, type PlanBundle, type Position, type Stance } from '../../renderer/src/domain/schemas';

/** The tables of a plan other than the plan record itself. */
export type ChildTables = Omit<PlanBundle, 'plan'>;
export type ChildTableName = keyof ChildTables;
type RowOf<K extends ChildTableName> = ChildTables[K][number];

export type PlanSize = 'large' | 'library';

interface ChildTableSpec<K extends ChildTableName> {
  /** Rows in the large plan and in each plan of the library. */
  count: Record<PlanSize, number>;
  row: (plan: Plan, index: number, count: number, made: Partial<ChildTables>) => RowOf<K>;
}

const FIRST_YEAR = 2026;

const PHASE_NAMES = ['Explore', 'Design', 'Pilot', 'Pilot review', 'First expansion', 'Expansion review', 'Second expansion', 'Consolidate', 'Scale', 'Scale review', 'Sustain', 'Renew'];

/** Prose about as long as a planner writes: a few sentences, different per record. */
function prose(subject: string, index: number, sentences: number): string {
  const parts = [
    `${subject} builds on what the previous stage showed about student outcomes and teacher practice.`,
    'Schools that joined earlier mentor the newcomers, and the central office holds the platform, data and procurement decisions tight.',
    'Principals choose their own schedules and staffing models within the shared definition of blended learning.',
    `Success means at least ${60 + (index % 30)}% of participating classrooms meeting the implementation rubric by spring.`,
    'Coaches visit every new school monthly; the evaluation team reports to the board twice a year.',
    'Device refresh, connectivity and help-desk capacity are budgeted before any school is added.',
  ];
  return Array.from({ length: sentences }, (_, i) => parts[(index + i) % parts.length]).join(' ');
}

/** Phase i runs one school year, August to July, one after another. */
function phaseRow(plan: Plan, index: number): Phase {
  const year = FIRST_YEAR + index;
  return {
    id: newId(),
    planId: plan.id,
    order: index,
    name: `${PHASE_NAMES[index % PHASE_NAMES.length] ?? 'Phase'} ${year}–${String((year + 1) % 100).padStart(2, '0')}`,
    kind: (['pilot', 'expand', 'scale', 'sustain', 'custom'] as const)[index % 5] ?? 'custom',
    status: index < 2 ? 'complete' : index === 2 ? 'underway' : 'planned',
    start: `${year}-08-01`,
    end: `${year + 1}-07-31`,
    goal: prose(`Phase ${index + 1}`, index, 4),
    entryCriteria: prose('Entry', index + 1, 2),
    gate: prose('The gate', index + 2, 2),
  };
}

/** The six areas the study names come first, then the planner's own. */
function areaRow(plan: Plan, index: number): Area {
  const builtIn = DEFAULT_AREAS[index];
  return {
    id: newId(),
    planId: plan.id,
    order: index,
    name: builtIn?.name ?? `Local area ${index + 1 - DEFAULT_AREAS.length}`,
    description: builtIn?.description ?? prose(`Area ${index + 1}`, index, 2),
    builtIn: builtIn !== undefined,
  };
}

function pick<T>(rows: readonly T[] | undefined, index: number): T {
  const row = rows?.[index % rows.length];
  if (row === undefined) throw new Error('generate: a table is made before the ones it points at');
  return row;
}

/** One stance for every area in every phase: area-major, phase-minor. */
function stanceRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): Stance {
  const phases = made.phases ?? [];
  const area = pick(made.areas, Math.floor(index / Math.max(1, phases.length)));
  const phase = pick(phases, index);
  return {
    id: newId(), planId: plan.id, areaId: area.id, phaseId: phase.id,
    stance: STANCES[(index * 7 + Math.floor(index / 5)) % STANCES.length] ?? null,
    rationale: prose('This stance', index, 2), rationaleOrigin: 'planner', owner: 'Director of Personalized Learning', guardrails: 'Student data privacy\nCommon outcome measures',
  };
}

function positionRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): Position {
  const phase = pick(made.phases, Math.floor(index / 7));
  return { id: newId(), planId: plan.id, phaseId: phase.id, decision: (index % 7) + 1, position: (index % 5) - 2, rationale: prose('This position', index, 1), rationaleOrigin: 'planner' };
}

/** Milestones spread through each phase's year, inside it. */
function milestoneRow(plan: Plan, index: number, count: number, made: Partial<ChildTables>): Milestone {
  const phases = made.phases ?? [];
  const phase = pick(phases, Math.floor((index * phases.length) / Math.max(1, count)));
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = ((index % 12) + 8 - 1) % 12 + 1;
  const year = Number(phase.start.slice(0, 4)) + (month < 8 ? 1 : 0);
  return { id: newId(), planId: plan.id, phaseId: phase.id, name: `Milestone ${index + 1}`, date: `${year}-${String(month).padStart(2, '0')}-${day}`, owner: 'Project lead', done: index % 3 === 0, kind: 'milestone' };
}

function outcomeRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): Outcome {
  return {
    id: newId(), planId: plan.id, order: index, name: `Outcome measure ${index + 1}`, unit: '%', baseline: 40 + index,
    targets: (made.phases ?? []).map((p, i) => ({ phaseId: p.id, value: 41 + index + i })),
    actuals: [{ date: '2027-03-01', value: 41 + index, note: 'Winter benchmark' }],
  };
}

function indicatorRow(plan: Plan, index: number): IndicatorRow {
  const suggested = SUGGESTED_INDICATORS[index % SUGGESTED_INDICATORS.length] as (typeof SUGGESTED_INDICATORS)[number];
  return { ...suggested, id: newId(), planId: plan.id, order: index, name: index < SUGGESTED_INDICATORS.length ? suggested.name : `${suggested.name} ${index + 1}`, range: null };
}

/** Schools with every indicator value known, spread so no two score alike. */
function schoolRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): School {
  const indicators = made.indicators ?? [];
  return {
    id: newId(), planId: plan.id, order: index, name: `School ${String(index + 1).padStart(3, '0')}`, code: `S-${1000 + index}`,
    gradeBand: (['K-5', '6-8', '9-12', 'K-8'] as const)[index % 4] ?? 'K-5', students: 250 + ((index * 37) % 900), frlPercent: (index * 13) % 101,
    values: Object.fromEntries(indicators.filter((i) => i.source === 'value').map((i, k) => [i.id, ((index + 3) * (k + 7) * 11) % 97])),
    waveId: null,
  };
}

function waveRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): Wave {
  return { id: newId(), planId: plan.id, order: index, name: `Wave ${index + 1}`, phaseId: pick(made.phases, index * 2).id, notes: '' };
}

function sourceRow(plan: Plan, index: number): FundingSource {
  const year = FIRST_YEAR + index * 3;
  return { id: newId(), planId: plan.id, order: index, name: `Grant ${index + 1}`, amountCents: 2_500_000_00 * (index + 1), type: 'federal-grant', start: `${year}-07-01`, end: `${year + 3}-06-30`, obligateBy: null, notes: '' };
}

/** One money line per school per phase: school-major, phase-minor (the grid's cells). */
function allocationRow(plan: Plan, index: number, _count: number, made: Partial<ChildTables>): AllocationRow {
  const phases = made.phases ?? [];
  const school = pick(made.schools, Math.floor(index / Math.max(1, phases.length)));
  return {
    id: newId(), planId: plan.id, phaseId: pick(phases, index).id, recipient: { kind: 'school', schoolId: school.id },
    sourceId: pick(made.fundingSources, index).id, kind: 'money', amount: 5_000_00 + (index % 40) * 250_00,
    recurrence: index % 3 === 0 ? 'ongoing' : 'one-time', flexible: index % 4 === 0, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null,
  };
}

export const CHILD_TABLES: { [K in ChildTableName]: ChildTableSpec<K> } = {
  phases: { count: { large: 12, library: 4 }, row: phaseRow },
  areas: { count: { large: 20, library: 6 }, row: areaRow },
  stances: { count: { large: 240, library: 24 }, row: stanceRow },
  positions: { count: { large: 84, library: 28 }, row: positionRow },
  milestones: { count: { large: 500, library: 8 }, row: milestoneRow },
  outcomes: { count: { large: 8, library: 3 }, row: outcomeRow },
  indicators: { count: { large: 7, library: 7 }, row: indicatorRow },
  schools: { count: { large: 200, library: 10 }, row: schoolRow },
  waves: { count: { large: 4, library: 2 }, row: waveRow },
  fundingSources: { count: { large: 3, library: 1 }, row: sourceRow },
  allocations: { count: { large: 2_400, library: 20 }, row: allocationRow },
};

export const CHILD_TABLE_NAMES = Object.keys(CHILD_TABLES) as ChildTableName[];

/**
 * The app's tables that are not plan content: a plan's history (revisions) sits beside the plan
 * and no plan operation the benchmark measures reads or writes it. The raw baseline still makes
 * these stores, so its layout stays the app's.
 */
export const NOT_PLAN_CONTENT_TABLES: readonly string[] = ['revisions', 'revisionData', 'journal'];

/** Plans in the library besides the large one. */
export const LIBRARY_PLANS = 200;

function makePlan(size: PlanSize, index: number, updatedAt: Date): PlanBundle {
  const plan: Plan = {
    id: newId(),
    name: size === 'large' ? 'Statewide personalized learning roadmap' : `Roadmap ${String(index + 1).padStart(3, '0')}`,
    systemName: size === 'large' ? 'Lakeshore Consolidated School District' : `District ${index + 1}`,
    profile: { schoolCount: 200, studentCount: 140_000 + index, frlPercent: 30 + (index % 60), locale: (['urban', 'suburban', 'town', 'rural'] as const)[index % 4] ?? null },
    schoolYearStartMonth: 8,
    templateId: index % 2 === 0 ? 'pilot-to-scale' : null,
    vision: prose('The vision', index, 3),
    fiscalYearStartMonth: 7,
    createdAt: nowTimestamp(new Date(updatedAt.getTime() - 86_400_000)),
    updatedAt: nowTimestamp(updatedAt),
  };
  const made: Partial<ChildTables> = {};
  for (const name of CHILD_TABLE_NAMES) {
    const spec = CHILD_TABLES[name] as ChildTableSpec<ChildTableName>;
    const count = spec.count[size];
    (made as Record<string, unknown>)[name] = Array.from({ length: count }, (_, i) => spec.row(plan, i, count, made));
  }
  return { plan, ...(made as ChildTables) };
}

export interface BenchLibrary {
  /** The plan that is imported, opened, edited and exported. */
  large: PlanBundle;
  /** The other plans in the library (they make the list, and the tables, realistically full). */
  others: PlanBundle[];
}

const BASE_TIME = Date.UTC(2026, 10, 23, 9, 0, 0);

/** The large plan alone, with fresh ids: the newest plan of the library. */
export function generateLargePlan(): PlanBundle {
  return makePlan('large', LIBRARY_PLANS, new Date(BASE_TIME));
}

/** Fresh ids every call, so each database gets records it has never seen. */
export function generateLibrary(): BenchLibrary {
  const others = Array.from({ length: LIBRARY_PLANS }, (_, i) => makePlan('library', i, new Date(BASE_TIME - (i + 1) * 60_000)));
  return { large: generateLargePlan(), others };
}

export function rowCount(bundle: PlanBundle): number {
  return 1 + CHILD_TABLE_NAMES.reduce((sum, name) => sum + bundle[name].length, 0);
}
