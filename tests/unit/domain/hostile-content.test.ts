/**
 * One plan full of text that breaks careless writers (quotes, emoji with joiners, right-to-left
 * scripts, long text, line breaks, text that looks like a spreadsheet formula), through every
 * text format, each read back by the reader people will use: the text comes out intact and
 * harmless.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { csvTable, CSV_TABLES, type CsvTable } from '../../../renderer/src/domain/csv-tables';
import { calendarFile } from '../../../renderer/src/domain/calendar-file';
import { mspdiFile, xmlSafeText } from '../../../renderer/src/domain/mspdi-file';
import { bundleFromFile, readPlanFile, serializePlanFile } from '../../../renderer/src/domain/plan-file';
import { NAME_MAX, type PlanBundle } from '../../../renderer/src/domain/schemas';
import { normalized, samplePlan, withSchools } from './plan-fixtures';

ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };

const QUOTES = 'He said "go" & it\'s <done>; a,b \\ back';
const EMOJI = '👩🏽‍🏫 teachers 👨‍👩‍👧‍👦 families 🏳️‍🌈 pride';
const RTL = 'مدرسة النور الابتدائية · בית ספר אור';
const LINES = 'Line one\nLine two';
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '  =1+1'] as const;
/** 500 characters mixing the rest, cut at a whole character. */
const LONG = [...`${QUOTES} ${EMOJI} ${RTL} `.repeat(10)].slice(0, 500).join('');

/** What a spreadsheet would run as a formula (the rule: = + - @ also after spaces, or a leading tab or CR). */
const LOOKS_LIKE_FORMULA = /^(?:[\t\r]|\s*[=+\-@])/u;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

const APP = { name: 'Roadmap Planner', version: '0.1.0' };
const ALL = { phases: true, milestones: true, gates: true };
const NOW = new Date(Date.UTC(2026, 10, 30, 9));

/**
 * A valid plan (names at most NAME_MAX and trimmed, as the app stores them) with hostile text in
 * every name and note that the formats write.
 */
function hostilePlan(): PlanBundle {
  const bundle = withSchools(samplePlan({ name: '"Quoted" plan 👩🏽‍🏫 مدرسة النور' }));
  const [formula, plus, minus, at] = FORMULAS;
  const phaseNames = [formula, plus, minus, at];
  bundle.plan = { ...bundle.plan, systemName: RTL, vision: `${LONG}\n${LINES}` };
  bundle.phases = bundle.phases.map((p, i) => ({
    ...p,
    name: phaseNames[i] ?? `${EMOJI} ${i}`,
    goal: i === 0 ? FORMULAS[4] : `${LONG}\r\n${LINES}`,
    gate: i === 0 ? `${QUOTES}\r\n${RTL}` : p.gate,
  }));
  const schoolNames = [formula, `${QUOTES} ${EMOJI}`, `${RTL}\n${LINES}`];
  bundle.schools = bundle.schools.map((s, i) => ({ ...s, name: schoolNames[i] ?? s.name }));
  bundle.waves = bundle.waves.map((w, i) => ({ ...w, name: i === 0 ? at : 'Wave "B" – בית ספר אור', notes: i === 0 ? FORMULAS[4] : LONG }));
  bundle.allocations = bundle.allocations.map((a, i) => ({ ...a, note: i === 0 ? FORMULAS[4] : EMOJI }));
  const [first] = bundle.phases;
  bundle.milestones = [
    ...bundle.milestones,
    { id: 'eeeeeeee-eeee-4eee-8eee-000000000001', planId: bundle.plan.id, phaseId: first?.id ?? null, name: `${LINES} ${EMOJI}`, date: first?.start ?? '2027-09-01', owner: at, done: false, kind: 'board-meeting' },
    { id: 'eeeeeeee-eeee-4eee-8eee-000000000002', planId: bundle.plan.id, phaseId: null, name: minus, date: '2027-10-01', owner: QUOTES, done: true, kind: 'milestone' },
  ];
  return bundle;
}

/** Each CSV table read back with papaparse, as a list of records by header. */
function csvRecords(bundle: PlanBundle, table: CsvTable): Record<string, string>[] {
  const text = csvTable(bundle, table);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1, -2), { newline: '\r\n', header: false });
  expect(result.errors).toEqual([]);
  const [header = [], ...rows] = result.data;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** What a CSV cell holding `text` must read back as: the text, after a `'` when it looks like a formula. */
const guarded = (text: string) => (LOOKS_LIKE_FORMULA.test(text) ? `'${text}` : text);

function icsSummaries(bundle: PlanBundle): { summaries: string[]; descriptions: string[]; calendarName: string; text: string } {
  const text = calendarFile(bundle, ALL, NOW);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { summaries: events.map((e) => e.summary), descriptions: events.map((e) => e.description), calendarName: String(calendar.getFirstPropertyValue('x-wr-calname')), text };
}

const xml = new XMLParser({ trimValues: false, parseTagValue: false, isArray: (name) => name === 'Task' });

function mspdiNames(bundle: PlanBundle): { project: string; tasks: { Name: string; Notes?: string }[] } {
  const text = mspdiFile(bundle);
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text) as { Project: { Name: string; Tasks: { Task: { Name: string; Notes?: string }[] } } };
  return { project: doc.Project.Name, tasks: doc.Project.Tasks.Task };
}

describe('hostile content', () => {
  const bundle = hostilePlan();

  it('keeps text intact in CSV, with a leading quote only on cells a spreadsheet would run as a formula', () => {
    const phases = csvRecords(bundle, 'phases');
    expect(phases.map((r) => r.Phase)).toEqual(bundle.phases.map((p) => guarded(p.name)));
    expect(phases.map((r) => r.Phase).slice(0, 4)).toEqual([`'${FORMULAS[0]}`, "'+1", "'-2", "'@SUM(A1)"]);
    expect(phases.map((r) => r.Goal)).toEqual(bundle.phases.map((p) => guarded(p.goal)));
    expect(phases[0]?.Goal).toBe(`'${FORMULAS[4]}`);
    expect(phases[0]?.['Go / no-go gate']).toBe(`${QUOTES}\r\n${RTL}`);

    const schools = csvRecords(bundle, 'schools');
    expect(schools.map((r) => r.School)).toEqual([`'${FORMULAS[0]}`, `${QUOTES} ${EMOJI}`, `${RTL}\n${LINES}`]);
    const waves = csvRecords(bundle, 'waves');
    expect(waves.map((r) => [r.Wave, r.Notes])).toEqual(bundle.waves.map((w) => [guarded(w.name), guarded(w.notes)]));
    const milestones = csvRecords(bundle, 'milestones');
    expect(milestones.map((r) => r.Milestone).sort()).toEqual(bundle.milestones.map((m) => guarded(m.name)).sort());
    expect(milestones.find((r) => r.Milestone === "'-2")?.Owner).toBe(QUOTES);
    const allocations = csvRecords(bundle, 'allocations');
    expect(allocations.map((r) => r.Note).sort()).toEqual(bundle.allocations.map((a) => guarded(a.note)).sort());
    // A school named like a formula stays guarded where another table names it.
    expect(allocations.map((r) => r.Recipient)).toContain(schools[1]?.School);
  });

  it('leaves no CSV cell that a spreadsheet would run as a formula', () => {
    for (const table of CSV_TABLES) {
      for (const record of csvRecords(bundle, table)) {
        for (const [column, cell] of Object.entries(record)) {
          expect(!LOOKS_LIKE_FORMULA.test(cell) || NUMBER.test(cell), `${table} › ${column}: ${cell}`).toBe(true);
        }
      }
    }
  });

  it('keeps summaries and descriptions intact in the calendar, on lines of at most 75 octets', () => {
    const { summaries, descriptions, calendarName, text } = icsSummaries(bundle);
    expect(calendarName).toBe(bundle.plan.name);
    for (const phase of bundle.phases) {
      expect(summaries).toContain(`Phase: ${phase.name}`);
      expect(descriptions).toContain(phase.goal.replace(/\r\n/g, '\n').trim());
    }
    expect(summaries).toContain(`Go / no-go: ${FORMULAS[0]}`);
    expect(descriptions).toContain(`${QUOTES}\n${RTL}`);
    expect(summaries).toContain(`Board meeting: ${LINES} ${EMOJI}`);
    expect(summaries).toContain('Milestone: -2');
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps task names intact in the Microsoft Project file', () => {
    const { project, tasks } = mspdiNames(bundle);
    expect(project).toBe(bundle.plan.name);
    const names = tasks.map((t) => t.Name);
    for (const phase of bundle.phases) expect(names).toContain(phase.name);
    for (const m of bundle.milestones) expect(names).toContain(m.name);
    expect(names).toContain(`Go / no-go: ${FORMULAS[0]}`);
    const gate = tasks.find((t) => t.Name === `Go / no-go: ${FORMULAS[0]}`);
    // XML reads every line break as LF.
    expect(gate?.Notes).toBe(`${QUOTES}\n${RTL}`);
  });

  it('round-trips the native plan file to the identical plan', () => {
    const result = readPlanFile(serializePlanFile(bundle, APP, NOW.toISOString()));
    if (!result.ok) throw new Error(`${result.summary} ${JSON.stringify(result.problems)}`);
    expect(normalized(bundleFromFile(result.file))).toEqual(normalized(bundle));
  });

  it('writes 500-character names whole in CSV and the calendar, and cut at 255 with the full name in notes in Project', () => {
    // The app keeps names to NAME_MAX, but no writer depends on that.
    expect(LONG.length).toBeGreaterThan(NAME_MAX);
    const long = { ...bundle, phases: bundle.phases.map((p, i) => (i === 1 ? { ...p, name: LONG } : p)), schools: bundle.schools.map((s, i) => (i === 1 ? { ...s, name: LONG } : s)) };
    expect(csvRecords(long, 'phases')[1]?.Phase).toBe(LONG);
    expect(csvRecords(long, 'schools')[1]?.School).toBe(LONG);
    expect(icsSummaries(long).summaries).toContain(`Phase: ${LONG}`);
    const task = mspdiNames(long).tasks.find((t) => t.Notes?.startsWith(`Full name: ${LONG}`));
    expect(task?.Name.length).toBeLessThanOrEqual(255);
    expect(task?.Name.endsWith('…')).toBe(true);
    expect(LONG.startsWith(task?.Name.slice(0, -1) ?? 'missing')).toBe(true);
  });

  describe('any text (property)', () => {
    const base = samplePlan();
    const withPhaseName = (name: string): PlanBundle => ({ ...base, phases: base.phases.map((p, i) => (i === 0 ? { ...p, name } : p)) });
    /** Only the phase holding the text: small files, so many texts are tried. */
    const onePhaseNamed = (name: string): PlanBundle => ({ ...base, phases: base.phases.slice(0, 1).map((p) => ({ ...p, name })), milestones: [] });
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 });

    it('CSV reads back every text as written, guarded when it looks like a formula', () => {
      fc.assert(fc.property(text, (name) => {
        expect(csvRecords(onePhaseNamed(name), 'phases')[0]?.Phase).toBe(guarded(name));
      }), { numRuns: 100 });
    }, 30_000);

    it('the calendar reads back every text, with line breaks as LF and control characters as spaces', () => {
      fc.assert(fc.property(text, (name) => {
        // eslint-disable-next-line no-control-regex -- the control characters RFC 5545 forbids in text
        const expected = name.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ');
        expect(icsSummaries(onePhaseNamed(name)).summaries[0]).toBe(`Phase: ${expected}`);
      }), { numRuns: 100 });
    }, 30_000);

    it('Project reads back every text apart from characters XML cannot hold', () => {
      fc.assert(fc.property(text, (name) => {
        expect(mspdiNames(onePhaseNamed(name)).tasks[1]?.Name).toBe(xmlSafeText(name));
      }), { numRuns: 100 });
    }, 30_000);

    it('the native file round-trips every text', () => {
      fc.assert(fc.property(text.filter((s) => s.trim() === s && s.length > 0), fc.string({ unit: 'binary', maxLength: 200 }), (name, goal) => {
        const plan = { ...withPhaseName(name), phases: withPhaseName(name).phases.map((p) => ({ ...p, goal })) };
        const result = readPlanFile(serializePlanFile(plan, APP, NOW.toISOString()));
        expect(result.ok && normalized(bundleFromFile(result.file))).toEqual(normalized(plan));
      }), { numRuns: 100 });
    }, 30_000);
  });
});
