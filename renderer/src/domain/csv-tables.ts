/**
 * The plan as spreadsheet tables (CSV, RFC 4180), one file per table, for the finance office
 * and anyone with a spreadsheet. Written by hand: it is small, adds nothing to the app's
 * download, and keeps full control of quoting and of formula injection.
 *
 * Every file: UTF-8 with a byte-order mark (so Excel reads accents, emoji and right-to-left
 * text), CRLF line ends, a header row in plain words, numbers unformatted (money as dollars
 * with "(USD)" in the header, percentages with "%" in the header), dates as YYYY-MM-DD and
 * related records by name. Text that a spreadsheet would run as a formula is written as text.
 */
import {
  ALLOCATION_KIND_LABELS,
  FUNDING_TYPE_LABELS,
  MILESTONE_KIND_LABELS,
  PHASE_KIND_LABELS,
  PHASE_STATUS_LABELS,
  RECURRENCE_LABELS,
  type AllocationRow,
  type PlanBundle,
} from './schemas';

export const CSV_EXTENSION = 'csv';
export const CSV_TABLES = ['phases', 'milestones', 'schools', 'waves', 'fundingSources', 'allocations'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
/** The table's name as planners read it, also the end of its file name. */
export const CSV_TABLE_LABELS: Record<CsvTable, string> = {
  phases: 'Phases',
  milestones: 'Milestones',
  schools: 'Schools',
  waves: 'Waves',
  fundingSources: 'Funding sources',
  allocations: 'Allocations',
};

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A number already written out (money with its two decimals): a number, not text. */
interface Written { readonly written: string }
/** A cell: text, a number (written as it is, never guarded as text) or nothing. */
type Cell = string | number | Written | null;

/**
 * Text a spreadsheet would read as a formula: starting with = + - @, also after leading
 * spaces, or with a tab or carriage return (OWASP "CSV injection").
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/u;

/** One field: numbers as they are; text that looks like a formula gets a leading `'`; quoted when it holds a comma, quote, CR or LF. */
function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'object') return cell.written;
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join(CRLF) + CRLF;
}

/** Cents as a plain number of dollars: 120000000 → "1200000.00" (text, so the cents stay two digits). */
function dollars(cents: number): Cell {
  if (!Number.isFinite(cents)) return null;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.round(Math.abs(cents));
  return { written: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` };
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

function namesById(rows: readonly { id: string; name: string }[]): (id: string | null | undefined) => string {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => (id ? names.get(id) ?? '' : '');
}

function phasesTable(bundle: PlanBundle): string {
  return csvText(
    ['Phase', 'Kind', 'Status', 'Start', 'End', 'Goal', 'Entry criteria', 'Go / no-go gate'],
    byOrder(bundle.phases).map((p) => [p.name, PHASE_KIND_LABELS[p.kind], PHASE_STATUS_LABELS[p.status], p.start, p.end, p.goal, p.entryCriteria, p.gate]),
  );
}

function milestonesTable(bundle: PlanBundle): string {
  const phase = namesById(bundle.phases);
  const rows = [...bundle.milestones].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  return csvText(
    ['Milestone', 'Kind', 'Date', 'Phase', 'Owner', 'Done'],
    rows.map((m) => [m.name, MILESTONE_KIND_LABELS[m.kind], m.date, phase(m.phaseId), m.owner, yesNo(m.done)]),
  );
}

function schoolsTable(bundle: PlanBundle): string {
  const wave = namesById(bundle.waves);
  return csvText(
    ['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)', 'Wave'],
    byOrder(bundle.schools).map((s) => [s.name, s.code, s.gradeBand, s.students, s.frlPercent, wave(s.waveId)]),
  );
}

function wavesTable(bundle: PlanBundle): string {
  const phase = namesById(bundle.phases);
  return csvText(
    ['Wave', 'Starts in phase', 'Schools', 'Notes'],
    byOrder(bundle.waves).map((w) => [w.name, phase(w.phaseId), bundle.schools.filter((s) => s.waveId === w.id).length, w.notes]),
  );
}

function fundingSourcesTable(bundle: PlanBundle): string {
  return csvText(
    ['Funding source', 'Type', 'Amount (USD)', 'Start', 'Spend by', 'Obligate by', 'Notes'],
    byOrder(bundle.fundingSources).map((f) => [f.name, FUNDING_TYPE_LABELS[f.type], dollars(f.amountCents), f.start, f.end, f.obligateBy, f.notes]),
  );
}

function allocationsTable(bundle: PlanBundle): string {
  const phase = namesById(bundle.phases);
  const wave = namesById(bundle.waves);
  const school = namesById(bundle.schools);
  const source = namesById(bundle.fundingSources);
  const area = namesById(bundle.areas);
  const phaseOrder = new Map(bundle.phases.map((p) => [p.id, p.order]));
  const recipient = (line: AllocationRow): string => {
    switch (line.recipient.kind) {
      case 'central': return 'Central office';
      case 'wave': return wave(line.recipient.waveId);
      case 'school': return school(line.recipient.schoolId);
    }
  };
  const rows = [...bundle.allocations].sort((a, b) => (phaseOrder.get(a.phaseId) ?? 0) - (phaseOrder.get(b.phaseId) ?? 0));
  return csvText(
    ['Phase', 'Through phase', 'Recipient', 'For each school in the wave', 'Kind', 'Amount (USD)', 'Quantity', 'Cost per FTE (USD)', 'Yearly cost increase (%)', 'Recurrence', 'Funding source', 'Flexible', 'Area', 'Note'],
    rows.map((a) => [
      phase(a.phaseId),
      a.recurrence === 'ongoing' ? phase(a.untilPhaseId) : '',
      recipient(a),
      a.recipient.kind === 'wave' ? yesNo(a.perSchool) : '',
      ALLOCATION_KIND_LABELS[a.kind],
      a.kind === 'money' ? dollars(a.amount) : null,
      a.kind === 'money' ? null : a.amount,
      a.staffCost ? dollars(a.staffCost.perFteCents) : null,
      a.staffCost ? a.staffCost.yearlyIncreasePercent : null,
      RECURRENCE_LABELS[a.recurrence],
      a.sourceId ? source(a.sourceId) : 'District budget',
      yesNo(a.flexible),
      area(a.areaId),
      a.note,
    ]),
  );
}

const TABLE_WRITERS: Record<CsvTable, (bundle: PlanBundle) => string> = {
  phases: phasesTable,
  milestones: milestonesTable,
  schools: schoolsTable,
  waves: wavesTable,
  fundingSources: fundingSourcesTable,
  allocations: allocationsTable,
};

/** One table of the plan as the text of a CSV file. */
export function csvTable(bundle: PlanBundle, table: CsvTable): string {
  return TABLE_WRITERS[table](bundle);
}
