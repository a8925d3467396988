import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { eachDayOfInterval, isWeekend, parseISO } from 'date-fns';
import { escapeXmlText, mspdiDuration, mspdiFile, MSPDI_NAMESPACE, workingHours, xmlSafeText } from '../../../renderer/src/domain/mspdi-file';
import type { Milestone, PlanBundle } from '../../../renderer/src/domain/schemas';
import { samplePlan } from './plan-fixtures';

/** The order of a <Task>'s children in mspdi_pj12.xsd (the ones this file can hold, and those around them). */
const TASK_ORDER = [
  'UID', 'ID', 'Name', 'Type', 'IsNull', 'CreateDate', 'Contact', 'WBS', 'WBSLevel', 'OutlineNumber', 'OutlineLevel', 'Priority',
  'Start', 'Finish', 'Duration', 'DurationFormat', 'Work', 'Stop', 'Resume', 'ResumeValid', 'EffortDriven', 'Recurring',
  'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'Critical', 'IsSubproject', 'IsSubprojectReadOnly', 'SubprojectName',
  'ExternalTask', 'ExternalTaskProject', 'EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish', 'StartVariance',
  'FinishVariance', 'WorkVariance', 'FreeSlack', 'TotalSlack', 'FixedCost', 'FixedCostAccrual', 'PercentComplete',
  'PercentWorkComplete', 'Cost', 'OvertimeCost', 'OvertimeWork', 'ActualStart', 'ActualFinish', 'ActualDuration', 'ActualCost',
  'ActualOvertimeCost', 'ActualWork', 'ActualOvertimeWork', 'RegularWork', 'RemainingDuration', 'RemainingCost', 'RemainingWork',
  'RemainingOvertimeCost', 'RemainingOvertimeWork', 'ACWP', 'CV', 'ConstraintType', 'CalendarUID', 'ConstraintDate', 'Deadline',
  'LevelAssignments', 'LevelingCanSplit', 'LevelingDelay', 'LevelingDelayFormat', 'PreLeveledStart', 'PreLeveledFinish',
  'Hyperlink', 'HyperlinkAddress', 'HyperlinkSubAddress', 'IgnoreResourceCalendar', 'Notes',
];
/** The order of <Project>'s children in mspdi_pj12.xsd, up to the collections. */
const PROJECT_ORDER = [
  'SaveVersion', 'UID', 'Name', 'Title', 'Subject', 'Category', 'Company', 'Manager', 'Author', 'CreationDate', 'Revision',
  'LastSaved', 'ScheduleFromStart', 'StartDate', 'FinishDate', 'FYStartDate', 'CriticalSlackLimit', 'CurrencyDigits',
  'CurrencySymbol', 'CurrencyCode', 'CurrencySymbolPosition', 'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime',
  'MinutesPerDay', 'MinutesPerWeek', 'DaysPerMonth', 'DefaultTaskType', 'DefaultFixedCostAccrual', 'DefaultStandardRate',
  'DefaultOvertimeRate', 'DurationFormat', 'WorkFormat', 'OutlineCodes', 'WBSMasks', 'ExtendedAttributes', 'Calendars', 'Tasks',
  'Resources', 'Assignments',
];

interface ParsedTask {
  UID: string; ID: string; Name: string; OutlineNumber: string; OutlineLevel: string; Start: string; Finish: string;
  Duration: string; Milestone: string; Summary: string; PercentComplete?: string; ConstraintType: string; ConstraintDate?: string; Notes?: string;
  [element: string]: string | undefined;
}
interface ParsedProject {
  Name: string; Title: string; StartDate: string; FinishDate: string; CalendarUID: string;
  Calendars: { Calendar: { UID: string; Name: string; WeekDays: { WeekDay: { DayType: string; DayWorking: string }[] } } };
  Tasks: { Task: ParsedTask[] };
  [element: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Text as written: no trimming, no numbers made of "0012", so names compare exactly.
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => name === 'Task' || name === 'WeekDay' || name === 'WorkingTime',
});

/** Reads the file with a real XML parser after checking it is well-formed. */
function read(text: string): ParsedProject {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = parser.parse(text) as { Project: ParsedProject };
  return doc.Project;
}

const tasks = (bundle: PlanBundle) => read(mspdiFile(bundle)).Tasks.Task;

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

const milestone = (bundle: PlanBundle, n: number, fields: Partial<Milestone>): Milestone => ({
  id: `cccccccc-cccc-4ccc-8ccc-${String(n).padStart(12, '0')}`, planId: bundle.plan.id, phaseId: null, name: `Milestone ${n}`,
  date: '2027-10-04', owner: '', done: false, kind: 'milestone', ...fields,
});

/** The sample plan with known weekday dates, two milestones in the first phase, one on its own, and no gate on the last phase. */
function plan(): PlanBundle {
  const bundle = samplePlan();
  const phases = bundle.phases.map((p, i) => ({ ...p, gate: i === bundle.phases.length - 1 ? '' : p.gate }));
  const [first] = phases;
  if (!first) throw new Error('the plan needs a phase');
  first.start = '2027-08-02'; // a Monday
  first.end = '2027-08-13'; // the Friday after next
  return {
    ...bundle,
    phases,
    milestones: [
      milestone(bundle, 1, { phaseId: first.id, name: 'Coaches hired', date: '2027-08-09', done: true, owner: 'HR' }),
      milestone(bundle, 2, { phaseId: first.id, name: 'Board update', date: '2027-08-03', kind: 'board-meeting' }),
      milestone(bundle, 3, { phaseId: null, name: 'Family night', date: '2031-09-01', kind: 'family-engagement' }),
    ],
  };
}

describe('mspdiFile', () => {
  it('is a Project document in Microsoft’s namespace with a standard calendar', () => {
    const bundle = plan();
    const text = mspdiFile(bundle);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="http://schemas.microsoft.com/project">')).toBe(true);
    const project = read(text);
    expect(project['@_xmlns']).toBe(MSPDI_NAMESPACE);
    expect(project.Name).toBe('Riverside roadmap');
    expect(project.Title).toBe('Riverside roadmap');
    expect(project.Company).toBe('Riverside Unified');
    expect(project.CalendarUID).toBe('1');
    expect(project.Calendars.Calendar.UID).toBe('1');
    expect(project.Calendars.Calendar.Name).toBe('Standard');
    expect(project.Calendars.Calendar.WeekDays.WeekDay.map((d) => [d.DayType, d.DayWorking])).toEqual([
      ['1', '0'], ['2', '1'], ['3', '1'], ['4', '1'], ['5', '1'], ['6', '1'], ['7', '0'],
    ]);
    expect(project.StartDate).toBe('2027-08-02T08:00:00');
    // The milestone without a phase comes after the last phase ends.
    expect(bundle.phases.at(-1)?.end).toBe('2031-07-31');
    expect(project.FinishDate).toBe('2031-09-01T08:00:00');
  });

  it('writes <Project> and every <Task> child in the schema’s order', () => {
    const project = read(mspdiFile(plan()));
    // Whitespace between elements reads as "#text" with trimming off, attributes as "@_…": neither is an element.
    const inOrder = (all: string[], order: string[]) => {
      const keys = all.filter((k) => k !== '#text' && !k.startsWith('@_'));
      const positions = keys.map((k) => order.indexOf(k));
      expect(positions, `unknown element among ${keys.join(', ')}`).not.toContain(-1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    };
    inOrder(Object.keys(project), PROJECT_ORDER);
    for (const task of project.Tasks.Task) inOrder(Object.keys(task), TASK_ORDER);
  });

  it('lays out phases as summary tasks holding a whole-phase task, their milestones and gate, then milestones without a phase', () => {
    const bundle = plan();
    const rows = tasks(bundle);
    const [first, second, third, fourth] = bundle.phases;
    const shape = rows.map((t) => [t.OutlineNumber, t.OutlineLevel, t.Name, t.Summary, t.Milestone]);
    expect(shape).toEqual([
      ['0', '0', 'Riverside roadmap', '1', '0'],
      ['1', '1', first?.name, '1', '0'],
      ['1.1', '2', `${first?.name}: whole phase`, '0', '0'],
      ['1.2', '2', 'Board update', '0', '1'],
      ['1.3', '2', 'Coaches hired', '0', '1'],
      ['1.4', '2', `Go / no-go: ${first?.name}`, '0', '1'],
      ['2', '1', second?.name, '1', '0'],
      ['2.1', '2', `${second?.name}: whole phase`, '0', '0'],
      ['2.2', '2', `Go / no-go: ${second?.name}`, '0', '1'],
      ['3', '1', third?.name, '1', '0'],
      ['3.1', '2', `${third?.name}: whole phase`, '0', '0'],
      ['3.2', '2', `Go / no-go: ${third?.name}`, '0', '1'],
      // No gate and no milestones: still a summary holding its whole-phase task, like every phase.
      ['4', '1', fourth?.name, '1', '0'],
      ['4.1', '2', `${fourth?.name}: whole phase`, '0', '0'],
      ['5', '1', 'Family night', '0', '1'],
    ]);
    // The gate's notes are the evidence it asks for; a milestone's notes say what it is and who owns it.
    expect(rows[5]?.Notes).toBe(first?.gate.trim());
    expect(rows[4]?.Notes).toBe('Kind: Milestone\nOwner: HR\nStatus: done');
    expect(rows[4]?.PercentComplete).toBe('100');
    expect(rows[3]?.PercentComplete).toBe('0');
    expect(rows[1]?.Notes).toContain(`Goal: ${first?.goal.trim()}`);
  });

  it('gives every phase a task with exactly its dates, so the summary Project computes spans the phase', () => {
    const bundle = plan();
    const rows = tasks(bundle);
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    expect(phases.length).toBeGreaterThan(1);
    phases.forEach((phase, index) => {
      const number = String(index + 1);
      const summary = rows.find((t) => t.OutlineNumber === number);
      const children = rows.filter((t) => t.OutlineNumber.startsWith(`${number}.`));
      expect(summary?.Summary).toBe('1');
      expect(children.length).toBeGreaterThan(0);
      const [span] = children;
      expect(span?.Name).toBe(`${phase.name}: whole phase`);
      expect([span?.OutlineNumber, span?.OutlineLevel, span?.Summary, span?.Milestone]).toEqual([`${number}.1`, '2', '0', '0']);
      expect([span?.Start, span?.Finish]).toEqual([`${phase.start}T08:00:00`, `${phase.end}T17:00:00`]);
      expect(span?.Duration).toBe(`PT${workingHours(phase.start, phase.end)}H0M0S`);
      expect([span?.ConstraintType, span?.ConstraintDate]).toEqual(['4', `${phase.start}T08:00:00`]);
      expect(span?.PercentComplete).toBe(phase.status === 'complete' ? '100' : '0');
      // What Project and ProjectLibre do: a summary starts at its earliest task and finishes at its latest.
      const starts = children.map((t) => t.Start).sort();
      const finishes = children.map((t) => t.Finish).sort();
      expect([starts[0], finishes.at(-1)]).toEqual([`${phase.start}T08:00:00`, `${phase.end}T17:00:00`]);
      expect([summary?.Start, summary?.Finish]).toEqual([starts[0], finishes.at(-1)]);
    });
  });

  it('marks the whole-phase task done only when its phase is complete', () => {
    const bundle = plan();
    const done = { ...bundle.phases[0]!, status: 'complete' as const };
    const underway = { ...bundle.phases[1]!, status: 'underway' as const };
    bundle.phases[0] = done;
    bundle.phases[1] = underway;
    const rows = tasks(bundle);
    const span = (phaseName: string) => rows.find((t) => t.Name === `${phaseName}: whole phase`);
    expect(span(done.name)?.PercentComplete).toBe('100');
    expect(span(underway.name)?.PercentComplete).toBe('0');
  });

  it('cuts a long phase name in its whole-phase task but keeps the ending that says what the task is', () => {
    const bundle = plan();
    const long = `${'Phase '.repeat(60)}end`;
    bundle.phases[0] = { ...bundle.phases[0]!, name: long };
    const span = tasks(bundle)[2];
    expect(span?.Name.length).toBeLessThanOrEqual(255);
    expect(span?.Name.endsWith('…: whole phase')).toBe(true);
    expect(long.startsWith(span?.Name.slice(0, -'…: whole phase'.length) ?? 'missing')).toBe(true);
    expect(span?.Notes).toBe(`Full name: ${long}: whole phase`);
  });

  it('gives small whole-number UIDs in outline order, the same for the same plan whatever order its records come in', () => {
    const bundle = plan();
    const rows = tasks(bundle);
    expect(rows.map((t) => t.UID)).toEqual(rows.map((_, i) => String(i)));
    expect(rows.map((t) => t.ID)).toEqual(rows.map((_, i) => String(i)));
    const shuffled = { ...bundle, phases: [...bundle.phases].reverse(), milestones: [...bundle.milestones].reverse() };
    expect(mspdiFile(shuffled)).toBe(mspdiFile(bundle));
  });

  it('writes dates as 08:00 starts and 17:00 finishes, milestones as zero-length, durations in working hours', () => {
    const bundle = plan();
    const rows = tasks(bundle);
    const phase = rows[1];
    expect(phase?.Start).toBe('2027-08-02T08:00:00');
    expect(phase?.Finish).toBe('2027-08-13T17:00:00');
    // Two working weeks of five 8-hour days.
    expect(phase?.Duration).toBe('PT80H0M0S');
    const board = rows[3];
    expect([board?.Start, board?.Finish, board?.Duration]).toEqual(['2027-08-03T08:00:00', '2027-08-03T08:00:00', 'PT0H0M0S']);
    const gate = rows[5];
    expect([gate?.Start, gate?.Finish, gate?.Duration]).toEqual(['2027-08-13T17:00:00', '2027-08-13T17:00:00', 'PT0H0M0S']);
    // Dates the planner set are kept with "start no earlier than"; summary tasks take theirs from their tasks.
    expect([board?.ConstraintType, board?.ConstraintDate]).toEqual(['4', '2027-08-03T08:00:00']);
    expect([phase?.ConstraintType, phase?.ConstraintDate]).toEqual(['0', undefined]);
    expect(rows.at(-1)?.ConstraintType).toBe('4');
    for (const row of rows) {
      expect(row.Start).toMatch(/^\d{4}-\d{2}-\d{2}T(08|17):00:00$/);
      expect(row.Finish).toMatch(/^\d{4}-\d{2}-\d{2}T(08|17):00:00$/);
      expect(row.Duration).toMatch(/^PT\d+H0M0S$/);
    }
  });

  it('counts working hours Monday to Friday, 8 a day', () => {
    expect(workingHours('2027-08-02', '2027-08-02')).toBe(8);
    expect(workingHours('2027-08-07', '2027-08-08')).toBe(0); // a weekend
    expect(workingHours('2027-08-06', '2027-08-09')).toBe(16); // Friday to Monday
    // A Sunday to a Monday 366 days later (2028 is a leap year): 52 weeks and one more weekday.
    expect(workingHours('2027-08-01', '2028-07-31')).toBe(261 * 8);
    expect(mspdiDuration(2088)).toBe('PT2088H0M0S');
    const day = fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), (start, length) => {
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
      const weekdays = eachDayOfInterval({ start: parseISO(start), end: parseISO(end) }).filter((d) => !isWeekend(d)).length;
      expect(workingHours(start, end)).toBe(weekdays * 8);
    }));
  });

  it('escapes markup and drops characters XML forbids, keeping quotes, emoji and right-to-left text', () => {
    const bundle = plan();
    const hostile = 'Tom & Jerry\'s "<b>pilot</b>" 👩🏽‍🏫 مرحلة התחלה\u0000\u0007\u001F\uD800 ]]> &amp;';
    bundle.phases[0] = { ...bundle.phases[0]!, name: hostile, goal: 'Line one\r\nLine two\rLine three' };
    const text = mspdiFile(bundle);
    // eslint-disable-next-line no-control-regex -- checking that no forbidden control character is written
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(text).toContain('Tom &amp; Jerry&apos;s &quot;&lt;b&gt;pilot&lt;/b&gt;&quot;');
    const rows = read(text).Tasks.Task;
    expect(rows[1]?.Name).toBe('Tom & Jerry\'s "<b>pilot</b>" 👩🏽‍🏫 مرحلة התחלה ]]> &amp;');
    expect(rows[2]?.Name).toBe(`${rows[1]?.Name}: whole phase`);
    expect(rows[5]?.Name).toBe(`Go / no-go: ${rows[1]?.Name}`);
    expect(rows[1]?.Notes).toContain('Goal: Line one\nLine two\nLine three');
  });

  it('cuts task names longer than Project allows (255) at a whole character, keeping the full name in the notes', () => {
    const bundle = plan();
    const long = `${'Ab'.repeat(126)}👩🏽‍🏫 and more`;
    bundle.milestones[0] = { ...bundle.milestones[0]!, name: long };
    const row = tasks(bundle).find((t) => t.Name.startsWith('AbAb'));
    expect(row?.Name.length).toBeLessThanOrEqual(255);
    // The emoji does not fit whole, so it is left out rather than split.
    expect(row?.Name).toBe(`${'Ab'.repeat(126)}…`);
    expect(row?.Notes?.startsWith(`Full name: ${long}\n\nKind: Milestone`)).toBe(true);
  });

  it('writes a valid file for a plan with no phases or milestones', () => {
    const bundle = { ...plan(), phases: [], milestones: [] };
    const project = read(mspdiFile(bundle));
    const created = bundle.plan.createdAt.slice(0, 10);
    expect(project.StartDate).toBe(`${created}T08:00:00`);
    expect(project.Tasks.Task.map((t) => t.UID)).toEqual(['0']);
  });

  it('keeps any text intact apart from what XML cannot hold', () => {
    // One milestone and no phases keeps each file small, so many texts are tried.
    const base = plan();
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
      const bundle = { ...base, phases: [], milestones: base.milestones.slice(2).map((m) => ({ ...m, name })) };
      const rows = read(mspdiFile(bundle)).Tasks.Task;
      expect(rows.at(-1)?.Name ?? '').toBe(xmlSafeText(name));
    }), { numRuns: 200 });
  }, 30_000);

  it('escapes text so it never leaves its element', () => {
    expect(escapeXmlText('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlSafeText('a\u0000b\uFFFEc\uDFFFd\u{1F600}')).toBe('abcd\u{1F600}');
  });

  it.skipIf(!xmllint)(`is well-formed XML to xmllint${xmllint ? '' : ' (skipped: xmllint is not installed; apt-get install libxml2-utils)'}`, () => {
    const bundle = plan();
    bundle.phases[0] = { ...bundle.phases[0]!, name: 'Q&A <pilot> "one" \'two\' 👩🏽‍🏫 مرحلة\u0001\uD800' };
    // xmllint exits non-zero and names the line on any well-formedness error.
    expect(() => execFileSync('xmllint', ['--noout', '-'], { input: mspdiFile(bundle), stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });
});
