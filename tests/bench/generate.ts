/**
 * Benchmark data: one large plan plus a library of other plans, shaped to the current schema
 * (plans, phases, areas) and valid against the domain schemas, so the app's own validation runs
 * on every record exactly as it would for a planner.
 *
 * Every child table of a plan is described once, in CHILD_TABLES. When the schema grows a table
 * (schools, allocations, milestones), PlanBundle gains a key, TypeScript then requires an entry
 * here, and every scenario, the raw IndexedDB baseline and the sanity checks pick it up: nothing
 * else in the benchmark names a child table.
 */
import { DEFAULT_AREAS } from '../../renderer/src/domain/areas';
import { newId, nowTimestamp } from '../../renderer/src/domain/ids';
import type { Area, Phase, Plan, PlanBundle } from '../../renderer/src/domain/schemas';

/** The tables of a plan other than the plan record itself. */
export type ChildTables = Omit<PlanBundle, 'plan'>;
export type ChildTableName = keyof ChildTables;
type RowOf<K extends ChildTableName> = ChildTables[K][number];

export type PlanSize = 'large' | 'library';

interface ChildTableSpec<K extends ChildTableName> {
  /** Rows in the large plan and in each plan of the library. */
  count: Record<PlanSize, number>;
  row: (plan: Plan, index: number, count: number) => RowOf<K>;
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
    start: `${year}-08-01`,
    end: `${year + 1}-07-31`,
    goal: prose(`Phase ${index + 1}`, index, 4),
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

export const CHILD_TABLES: { [K in ChildTableName]: ChildTableSpec<K> } = {
  phases: { count: { large: 12, library: 4 }, row: phaseRow },
  areas: { count: { large: 20, library: 6 }, row: areaRow },
  // schools:     { count: { large: 200, library: … }, row: … },
  // allocations: { count: { large: 2_400, library: … }, row: … },
  // milestones:  { count: { large: 500, library: … }, row: … },
};

export const CHILD_TABLE_NAMES = Object.keys(CHILD_TABLES) as ChildTableName[];

/** Tables the benchmark issue sizes for the large plan that the schema does not have yet. */
export const PLANNED_TABLES: readonly { name: string; large: number }[] = [
  { name: 'schools', large: 200 },
  { name: 'allocations', large: 2_400 },
  { name: 'milestones', large: 500 },
];

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
    createdAt: nowTimestamp(new Date(updatedAt.getTime() - 86_400_000)),
    updatedAt: nowTimestamp(updatedAt),
  };
  const children = Object.fromEntries(CHILD_TABLE_NAMES.map((name) => {
    const spec = CHILD_TABLES[name] as ChildTableSpec<ChildTableName>;
    const count = spec.count[size];
    return [name, Array.from({ length: count }, (_, i) => spec.row(plan, i, count))];
  })) as unknown as ChildTables;
  return { plan, ...children };
}

export interface BenchLibrary {
  /** The plan that is imported, opened, edited and exported. */
  large: PlanBundle;
  /** The other plans in the library (they make the list, and the tables, realistically full). */
  others: PlanBundle[];
}

/** Fresh ids every call, so each database gets records it has never seen. */
export function generateLibrary(): BenchLibrary {
  const base = Date.UTC(2026, 10, 23, 9, 0, 0);
  const others = Array.from({ length: LIBRARY_PLANS }, (_, i) => makePlan('library', i, new Date(base - (i + 1) * 60_000)));
  return { large: makePlan('large', LIBRARY_PLANS, new Date(base)), others };
}

export function rowCount(bundle: PlanBundle): number {
  return 1 + CHILD_TABLE_NAMES.reduce((sum, name) => sum + bundle[name].length, 0);
}
