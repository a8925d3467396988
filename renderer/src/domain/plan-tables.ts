/**
 * The plan as tables of typed cells: what the spreadsheet formats write. Each table has a header
 * row in plain words and rows of cells that say what they hold (text, a number, money, a
 * percentage, a date, yes or no, or nothing), so each writer shows them its own way: the CSV
 * writes plain numbers, the workbook real numbers and dates with money and percent formats.
 *
 * Related records appear by name. The Schools and Allocations tables are also read back (a
 * workbook edited in a spreadsheet), so their columns are a contract: SCHOOL_COLUMNS and
 * ALLOCATION_COLUMNS are the names and order the import looks for.
 */
import { fiscalCliffs, fiscalYearLabel, formatMoney, type BudgetSettings } from './budget';
import { DECISIONS, midwayShare, poleName, positionLabel } from './decisions';
import { fiscalYearBreakdown, fiscalYearSpan, schoolsByWave, DISTRICT_BUDGET } from './resource-rules';
import {
  ALLOCATION_KIND_LABELS,
  FUNDING_TYPE_LABELS,
  MILESTONE_KIND_LABELS,
  PHASE_KIND_LABELS,
  PHASE_STATUS_LABELS,
  RECURRENCE_LABELS,
  type AllocationRow,
  type Phase,
  type PlanBundle,
} from './schemas';
import { STANCE_MEANINGS, stanceLabel } from './stance-words';

// ——— Cells ———

/**
 * One cell. Money is integer cents; a percentage is in percent (45 is 45%); a date is
 * `yyyy-MM-dd`; null is an empty cell.
 */
export type TableCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'money'; readonly cents: number }
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'yes-no'; readonly yes: boolean }
  | null;

export type TableRow = readonly TableCell[];

export interface PlanTable {
  readonly key: PlanTableKey;
  /** The table's name as planners read it: the sheet's name, and the end of a CSV file's name. */
  readonly label: string;
  readonly header: readonly string[];
  /** Each row has one cell per header label. */
  readonly rows: readonly TableRow[];
}

const text = (value: string): TableCell => ({ kind: 'text', text: value });
const integer = (value: number | null | undefined): TableCell => (value === null || value === undefined ? null : { kind: 'integer', value });
const number = (value: number | null | undefined): TableCell => (value === null || value === undefined ? null : { kind: 'number', value });
const money = (cents: number | null | undefined): TableCell => (cents === null || cents === undefined ? null : { kind: 'money', cents });
const percent = (value: number | null | undefined): TableCell => (value === null || value === undefined ? null : { kind: 'percent', percent: value });
const date = (value: string | null | undefined): TableCell => (value ? { kind: 'date', date: value } : null);
const yesNo = (yes: boolean): TableCell => ({ kind: 'yes-no', yes });

// ——— Tables ———

export const PLAN_TABLES = ['phases', 'milestones', 'tightLoose', 'decisions', 'schools', 'waves', 'fundingSources', 'allocations', 'moneyByFiscalYear'] as const;
export type PlanTableKey = (typeof PLAN_TABLES)[number];

export const PLAN_TABLE_LABELS: Record<PlanTableKey, string> = {
  phases: 'Phases',
  milestones: 'Milestones',
  tightLoose: 'Tight & loose',
  decisions: 'Decisions',
  schools: 'Schools',
  waves: 'Waves',
  fundingSources: 'Funding sources',
  allocations: 'Allocations',
  moneyByFiscalYear: 'Money by fiscal year',
};

export const PHASE_COLUMNS = ['Phase', 'Kind', 'Status', 'Start', 'End', 'Goal', 'Entry criteria', 'Go / no-go gate'] as const;
export const MILESTONE_COLUMNS = ['Milestone', 'Kind', 'Date', 'Phase', 'Owner', 'Done'] as const;
export const TIGHT_LOOSE_COLUMNS = ['Area', 'Phase', 'Stance', 'Who decides', 'Rationale', 'Owner', 'Guardrails'] as const;
export const DECISION_COLUMNS = [
  'Decision', 'Question', 'Pole A', 'Pole B', 'Phase', 'Position', 'Position (-2 to +2)', 'Rationale',
  'Leaders nearer pole A (%)', 'Leaders mid-way (%)', 'Leaders nearer pole B (%)', 'Leaders answering',
] as const;
/** The Schools table's fixed columns; one column per indicator (by its exact name) follows them. */
export const SCHOOL_COLUMNS = ['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)', 'Wave'] as const;
export const WAVE_COLUMNS = ['Wave', 'Starts in phase', 'Schools', 'Notes'] as const;
export const FUNDING_SOURCE_COLUMNS = ['Funding source', 'Type', 'Amount (USD)', 'Start', 'Spend by', 'Obligate by', 'Notes'] as const;
/** The Allocations table's columns; "Line ID" is the allocation's id, so edited rows find their line. */
export const ALLOCATION_COLUMNS = [
  'Phase', 'Through phase', 'Recipient', 'For each school in the wave', 'Kind', 'Amount (USD)', 'Quantity',
  'Cost per FTE (USD)', 'Yearly cost increase (%)', 'Recurrence', 'Funding source', 'Flexible', 'Area', 'Note', 'Line ID',
] as const;
/** What an allocation's recipient reads as when it is the central office. */
export const CENTRAL_OFFICE = 'Central office';

const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

function namesById(rows: readonly { id: string; name: string }[]): (id: string | null | undefined) => string {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => (id ? names.get(id) ?? '' : '');
}

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function phasesTable(bundle: PlanBundle): PlanTable['rows'] {
  return byOrder(bundle.phases).map((p) => [
    text(p.name), text(PHASE_KIND_LABELS[p.kind]), text(PHASE_STATUS_LABELS[p.status]), date(p.start), date(p.end), text(p.goal), text(p.entryCriteria), text(p.gate),
  ]);
}

function milestonesTable(bundle: PlanBundle): PlanTable['rows'] {
  const phase = namesById(bundle.phases);
  const rows = [...bundle.milestones].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  return rows.map((m) => [text(m.name), text(MILESTONE_KIND_LABELS[m.kind]), date(m.date), text(phase(m.phaseId)), text(m.owner), yesNo(m.done)]);
}

/** Guardrails are kept one per line; in a table cell they read as a list on one line. */
const guardrailList = (guardrails: string) => guardrails.split(/\r\n|\r|\n/).map((g) => g.trim()).filter(Boolean).join('; ');

/** Every area in every phase, in the planner's order, with areas not decided yet saying so. */
function tightLooseTable(bundle: PlanBundle): PlanTable['rows'] {
  const phases = byOrder(bundle.phases);
  const stances = new Map(bundle.stances.map((s) => [`${s.areaId}|${s.phaseId}`, s]));
  return byOrder(bundle.areas).flatMap((area) => phases.map((phase) => {
    const held = stances.get(`${area.id}|${phase.id}`);
    const stance = held?.stance ?? null;
    return [
      text(area.name), text(phase.name), text(stanceLabel(stance)), text(stance ? sentence(STANCE_MEANINGS[stance]) : ''),
      text(held?.rationale ?? ''), text(held?.owner ?? ''), text(guardrailList(held?.guardrails ?? '')),
    ];
  }));
}

/** The seven decisions, the plan's position on each in each phase, and what the study found. */
function decisionsTable(bundle: PlanBundle): PlanTable['rows'] {
  const phases: (Phase | null)[] = byOrder(bundle.phases);
  const positions = new Map(bundle.positions.map((p) => [`${p.decision}|${p.phaseId}`, p]));
  return DECISIONS.flatMap((decision) => (phases.length > 0 ? phases : [null]).map((phase) => {
    const held = phase ? positions.get(`${decision.number}|${phase.id}`) : undefined;
    const position = held?.position ?? null;
    const survey = decision.survey;
    return [
      integer(decision.number), text(decision.question), text(poleName(decision, 'A')), text(poleName(decision, 'B')),
      text(phase?.name ?? ''), text(positionLabel(decision, position)), integer(position), text(held?.rationale ?? ''),
      percent(survey?.poleA), percent(survey ? midwayShare(survey) : null), percent(survey?.poleB), integer(survey?.respondents),
    ];
  }));
}

function schoolsTable(bundle: PlanBundle): Pick<PlanTable, 'header' | 'rows'> {
  const wave = namesById(bundle.waves);
  // Only indicators with values of their own: the FRL share is the school's own column already.
  const indicators = byOrder(bundle.indicators).filter((i) => i.source === 'value');
  return {
    header: [...SCHOOL_COLUMNS, ...indicators.map((i) => i.name)],
    rows: byOrder(bundle.schools).map((s) => [
      text(s.name), text(s.code), text(s.gradeBand), integer(s.students), percent(s.frlPercent), text(wave(s.waveId)),
      ...indicators.map((i) => number(s.values[i.id])),
    ]),
  };
}

function wavesTable(bundle: PlanBundle): PlanTable['rows'] {
  const phase = namesById(bundle.phases);
  return byOrder(bundle.waves).map((w) => [text(w.name), text(phase(w.phaseId)), integer(bundle.schools.filter((s) => s.waveId === w.id).length), text(w.notes)]);
}

function fundingSourcesTable(bundle: PlanBundle): PlanTable['rows'] {
  return byOrder(bundle.fundingSources).map((f) => [
    text(f.name), text(FUNDING_TYPE_LABELS[f.type]), money(f.amountCents), date(f.start), date(f.end), date(f.obligateBy), text(f.notes),
  ]);
}

function allocationsTable(bundle: PlanBundle): PlanTable['rows'] {
  const phase = namesById(bundle.phases);
  const wave = namesById(bundle.waves);
  const school = namesById(bundle.schools);
  const source = namesById(bundle.fundingSources);
  const area = namesById(bundle.areas);
  const phaseOrder = new Map(bundle.phases.map((p) => [p.id, p.order]));
  const recipient = (line: AllocationRow): string => {
    switch (line.recipient.kind) {
      case 'central': return CENTRAL_OFFICE;
      case 'wave': return wave(line.recipient.waveId);
      case 'school': return school(line.recipient.schoolId);
    }
  };
  const rows = [...bundle.allocations].sort((a, b) => (phaseOrder.get(a.phaseId) ?? 0) - (phaseOrder.get(b.phaseId) ?? 0));
  return rows.map((a) => [
    text(phase(a.phaseId)),
    text(a.recurrence === 'ongoing' ? phase(a.untilPhaseId) : ''),
    text(recipient(a)),
    a.recipient.kind === 'wave' ? yesNo(a.perSchool) : null,
    text(ALLOCATION_KIND_LABELS[a.kind]),
    a.kind === 'money' ? money(a.amount) : null,
    a.kind === 'money' ? null : number(a.amount),
    money(a.staffCost?.perFteCents),
    percent(a.staffCost?.yearlyIncreasePercent),
    text(RECURRENCE_LABELS[a.recurrence]),
    text(a.sourceId ? source(a.sourceId) : DISTRICT_BUDGET),
    yesNo(a.flexible),
    text(area(a.areaId)),
    text(a.note),
    text(a.id),
  ]);
}

/** The budget rules' view of the plan's calendar and waves. */
function budgetSettings(bundle: PlanBundle): BudgetSettings {
  return { schoolYearStartMonth: bundle.plan.schoolYearStartMonth, fiscalStartMonth: bundle.plan.fiscalYearStartMonth, schoolsByWave: schoolsByWave(bundle.schools) };
}

/**
 * Money per fiscal year (rows) and funding source (a column each, as the Resources section
 * totals it), with each cliff year marked: the first fiscal year without a source whose
 * recurring costs continue.
 */
function moneyByFiscalYearTable(bundle: PlanBundle): Pick<PlanTable, 'header' | 'rows'> {
  const phases = byOrder(bundle.phases);
  const sources = byOrder(bundle.fundingSources);
  const settings = budgetSettings(bundle);
  const cliffs = fiscalCliffs(sources, bundle.allocations, phases, settings);
  const { years, series, totals, uncovered } = fiscalYearBreakdown(sources, bundle.allocations, phases, settings, [], cliffs);
  const sourceName = namesById(sources);
  const cliffNote = (year: number, uncoveredCents: number): string => {
    const ending = [...new Set(cliffs.filter((c) => c.year === year).map((c) => sourceName(c.sourceId) || DISTRICT_BUDGET))];
    if (ending.length === 0) return '';
    return `Fiscal cliff: first year without ${ending.join(' and ')}${uncoveredCents > 0 ? `, ${formatMoney(uncoveredCents)} a year uncovered` : ', its recurring costs picked up'}`;
  };
  return {
    header: ['Fiscal year', 'Months', ...series.map((s) => `${s.name} (USD)`), 'Total (USD)', 'Uncovered (USD)', 'Fiscal cliff'],
    rows: years.map((year, i) => [
      text(fiscalYearLabel(year)),
      text(fiscalYearSpan(year, bundle.plan.fiscalYearStartMonth)),
      ...series.map((s) => money(s.cents[i] ?? 0)),
      money(totals[i] ?? 0),
      money(uncovered[i] ?? 0),
      text(cliffNote(year, uncovered[i] ?? 0)),
    ]),
  };
}

const TABLES: Record<PlanTableKey, (bundle: PlanBundle) => Pick<PlanTable, 'header' | 'rows'>> = {
  phases: (b) => ({ header: PHASE_COLUMNS, rows: phasesTable(b) }),
  milestones: (b) => ({ header: MILESTONE_COLUMNS, rows: milestonesTable(b) }),
  tightLoose: (b) => ({ header: TIGHT_LOOSE_COLUMNS, rows: tightLooseTable(b) }),
  decisions: (b) => ({ header: DECISION_COLUMNS, rows: decisionsTable(b) }),
  schools: schoolsTable,
  waves: (b) => ({ header: WAVE_COLUMNS, rows: wavesTable(b) }),
  fundingSources: (b) => ({ header: FUNDING_SOURCE_COLUMNS, rows: fundingSourcesTable(b) }),
  allocations: (b) => ({ header: ALLOCATION_COLUMNS, rows: allocationsTable(b) }),
  moneyByFiscalYear: moneyByFiscalYearTable,
};

/** One table of the plan. */
export function planTable(bundle: PlanBundle, key: PlanTableKey): PlanTable {
  return { key, label: PLAN_TABLE_LABELS[key], ...TABLES[key](bundle) };
}

/** Every table of the plan, in the order above. */
export function planTables(bundle: PlanBundle): PlanTable[] {
  return PLAN_TABLES.map((key) => planTable(bundle, key));
}
