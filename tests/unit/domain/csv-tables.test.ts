import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvTable, CSV_TABLES, type CsvTable } from '../../../renderer/src/domain/csv-tables';
import {
  ALLOCATION_KIND_LABELS,
  FUNDING_TYPE_LABELS,
  MILESTONE_KIND_LABELS,
  PHASE_KIND_LABELS,
  PHASE_STATUS_LABELS,
  RECURRENCE_LABELS,
  type PlanBundle,
} from '../../../renderer/src/domain/schemas';
import { samplePlan, withSchools } from './plan-fixtures';

/** Reads a CSV file back with a real CSV reader, after checking its BOM and final CRLF. */
function read(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1, -2), { newline: '\r\n', header: false, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

function table(bundle: PlanBundle, which: CsvTable) {
  const [header, ...rows] = read(csvTable(bundle, which));
  return { header, rows };
}

const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

describe('csvTable', () => {
  const bundle = withSchools(samplePlan());
  const phaseName = (id: string | null) => bundle.phases.find((p) => p.id === id)?.name ?? '';

  it('writes every table with a BOM, CRLF line ends and no other line breaks', () => {
    for (const which of CSV_TABLES) {
      const text = csvTable(bundle, which);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      // Outside quoted fields (none in these plain tables' headers) every break is CRLF.
      expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(read(text).length).toBeGreaterThan(1);
    }
  });

  it('gives every phase back, field by field', () => {
    const { header, rows } = table(bundle, 'phases');
    expect(header).toEqual(['Phase', 'Kind', 'Status', 'Start', 'End', 'Goal', 'Entry criteria', 'Go / no-go gate']);
    expect(rows).toEqual(byOrder(bundle.phases).map((p) => [p.name, PHASE_KIND_LABELS[p.kind], PHASE_STATUS_LABELS[p.status], p.start, p.end, p.goal, p.entryCriteria, p.gate]));
    for (const row of rows) expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives every milestone back by date, with its phase by name', () => {
    const { header, rows } = table(bundle, 'milestones');
    expect(header).toEqual(['Milestone', 'Kind', 'Date', 'Phase', 'Owner', 'Done']);
    expect(rows).toHaveLength(bundle.milestones.length);
    const sorted = [...bundle.milestones].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    expect(rows).toEqual(sorted.map((m) => [m.name, MILESTONE_KIND_LABELS[m.kind], m.date, phaseName(m.phaseId), m.owner, m.done ? 'Yes' : 'No']));
    expect(rows.some((r) => r[3] !== '')).toBe(true);
  });

  it('gives schools with plain numbers, their wave by name and a column per indicator of their own', () => {
    const { header, rows } = table(bundle, 'schools');
    // The FRL share indicator reads the school's own FRL column, so it has no column of its own.
    const indicators = byOrder(bundle.indicators).filter((i) => i.source === 'value');
    expect(indicators.length).toBeGreaterThan(1);
    expect(header).toEqual(['School', 'Code', 'Grade band', 'Students', 'Free or reduced-price lunch (%)', 'Wave', ...indicators.map((i) => i.name)]);
    const values = (first: string) => [first, ...indicators.slice(1).map(() => '')];
    expect(indicators[0]?.side).toBe('need');
    expect(rows).toEqual([
      ['Adams Elementary', 'R-100', 'K-5', '420', '81', 'Wave 1', ...values('12')],
      ['Baker Middle', 'R-101', 'K-5', '760', '55', 'Wave 2', ...values('')],
      ['Cedar High', 'R-102', 'K-5', '1210', '', '', ...values('4')],
    ]);
  });

  it('gives waves with their phase by name and their count of schools', () => {
    const { header, rows } = table(bundle, 'waves');
    expect(header).toEqual(['Wave', 'Starts in phase', 'Schools', 'Notes']);
    expect(rows).toEqual([
      ['Wave 1', phaseName(bundle.waves[0]?.phaseId ?? null), '1', 'Early adopters.'],
      ['Wave 2', phaseName(bundle.waves[1]?.phaseId ?? null), '1', ''],
    ]);
  });

  it('gives funding sources with money as plain dollars', () => {
    const { header, rows } = table(bundle, 'fundingSources');
    const [source] = bundle.fundingSources;
    if (!source) throw new Error('the fixture has a funding source');
    expect(header).toEqual(['Funding source', 'Type', 'Amount (USD)', 'Start', 'Spend by', 'Obligate by', 'Notes']);
    expect(rows).toEqual([['Innovation grant', FUNDING_TYPE_LABELS['federal-grant'], '750000.00', source.start, source.end, '', 'Three-year award.']]);
  });

  it('gives allocations with recipients, phases, sources and areas by name', () => {
    const { header, rows } = table(bundle, 'allocations');
    expect(header).toEqual(['Phase', 'Through phase', 'Recipient', 'For each school in the wave', 'Kind', 'Amount (USD)', 'Quantity', 'Cost per FTE (USD)', 'Yearly cost increase (%)', 'Recurrence', 'Funding source', 'Flexible', 'Area', 'Note', 'Line ID']);
    const [first, second] = bundle.phases;
    const [central, wave, school] = bundle.allocations.map((a) => a.id);
    expect(rows).toEqual([
      [first?.name, '', 'Central office', '', 'Money', '120000.00', '', '', '', RECURRENCE_LABELS['one-time'], 'Innovation grant', 'No', '', '', central],
      [first?.name, '', 'Wave 1', 'No', ALLOCATION_KIND_LABELS['training-hours'], '', '200', '', '', RECURRENCE_LABELS['one-time'], 'District budget', 'No', '', '', wave],
      [second?.name, '', 'Baker Middle', '', 'Money', '45000.00', '', '', '', RECURRENCE_LABELS.ongoing, 'Innovation grant', 'Yes', bundle.areas[0]?.name, '', school],
    ]);
  });

  it('gives staff lines their cost per FTE and yearly increase, and a recurring line its last phase', () => {
    const [first, , third] = bundle.phases;
    if (!first || !third) throw new Error('the plan needs three phases');
    const staff: PlanBundle = {
      ...bundle,
      allocations: [{ ...bundle.allocations[0]!, kind: 'staff-fte', amount: 1.5, recurrence: 'ongoing', untilPhaseId: third.id, staffCost: { perFteCents: 95_000_50, yearlyIncreasePercent: 2.5 } }],
    };
    const { rows } = table(staff, 'allocations');
    expect(rows).toEqual([[first.name, third.name, 'Central office', '', 'Staff (FTE)', '', '1.5', '95000.50', '2.5', RECURRENCE_LABELS.ongoing, 'Innovation grant', 'No', '', '', staff.allocations[0]?.id]]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads them back intact', () => {
    const tricky = ['Adams, East', 'The "new" school', 'Line one\r\nline two', 'Bare\nnewline', 'Bare\rreturn'];
    const schools = tricky.map((name, i) => ({ ...bundle.schools[0]!, id: `cccccccc-cccc-4ccc-8ccc-00000000000${i}`, order: i, name }));
    const text = csvTable({ ...bundle, schools }, 'schools');
    expect(text).toContain('"Adams, East",');
    expect(text).toContain('"The ""new"" school",');
    expect(text).toContain('"Line one\r\nline two",');
    const { rows } = table({ ...bundle, schools }, 'schools');
    expect(rows.map((r) => r[0])).toEqual(tricky);
  });

  const HOSTILE_TEXT = ['=HYPERLINK("http://x","y")', ' -1+2', '@SUM(A1)', '+1', '-', '   =1', '\t=1', '\rcmd', '\tplain tab'];
  const HOSTILE_SAFE = ['Ünïcödé "quoted" name 🚀🏫', 'مدرسة النور الابتدائية', 'אבג, דהו', 'x'.repeat(500), 'a=b', 'Adams - East', 'email@example.org'];

  it('writes text that a spreadsheet would run as a formula with a leading quote, and other text as it is', () => {
    const names = [...HOSTILE_TEXT, ...HOSTILE_SAFE];
    const schools = names.map((name, i) => ({ ...bundle.schools[0]!, id: `dddddddd-dddd-4ddd-8ddd-${String(i).padStart(12, '0')}`, order: i, name, code: name, gradeBand: name }));
    const waves = [{ ...bundle.waves[0]!, name: '=cmd|" /C calc"!A0' }];
    const { rows } = table({ ...bundle, schools, waves }, 'schools');
    expect(rows).toHaveLength(names.length);
    rows.forEach((row, i) => {
      const name = names[i] ?? '';
      const written = HOSTILE_TEXT.includes(name) ? `'${name}` : name;
      expect(row.slice(0, 3)).toEqual([written, written, written]);
      expect(row[5]).toBe(`'=cmd|" /C calc"!A0`);
    });
    // No field, quoted or not, starts with a formula character.
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^(?:[\t\r]|\s*[=+\-@])/);
  });

  it('keeps real numbers numbers, negative ones too, without a leading quote', () => {
    const negative: PlanBundle = {
      ...bundle,
      schools: [{ ...bundle.schools[0]!, students: -3, frlPercent: -12.5 }],
      fundingSources: [{ ...bundle.fundingSources[0]!, amountCents: -1_200_000_00 }],
    };
    const text = csvTable(negative, 'schools');
    expect(text).toContain(',-3,-12.5,');
    expect(table(negative, 'schools').rows[0]?.slice(3, 5)).toEqual(['-3', '-12.5']);
    expect(table(negative, 'fundingSources').rows[0]?.[2]).toBe('-1200000.00');
    const typed = Papa.parse<unknown[]>(text.slice(1), { dynamicTyping: true, skipEmptyLines: true }).data;
    expect(typed[1]?.slice(3, 5)).toEqual([-3, -12.5]);
  });
});
