/**
 * The plan as a Microsoft Project XML file (MSPDI, the "Project XML Data Interchange" format),
 * for offices that track projects in Microsoft Project or ProjectLibre: phases as summary tasks
 * holding a task that spans the whole phase, then their milestones and go / no-go gate as
 * milestones, then the milestones that belong to no phase. Written by hand: no well-kept library writes MSPDI, and the format is
 * small. Follows the Project 2007 schema (mspdi_pj12.xsd), which every later Project reads.
 *
 * What must stay true:
 * - Elements appear in the schema's order: Microsoft Project refuses a file whose <Task>
 *   children are out of order, and ProjectLibre reads it through the same schema.
 * - Task UIDs are small integers (the schema types them as integers, so the plan's own ids,
 *   which are UUIDs, cannot be used), given in outline order: the same plan always gives the
 *   same UIDs.
 * - A phase's bar runs from its start to its end: Project and ProjectLibre recompute a summary
 *   task's dates from the tasks under it, so each phase holds a task with exactly its dates.
 * - Text never breaks the XML: markup characters are escaped, and characters XML 1.0 forbids
 *   (control characters, unpaired surrogates) are dropped.
 */
import { addDays, differenceInBusinessDays, parseISO } from 'date-fns';
import { MILESTONE_KIND_LABELS, PHASE_STATUS_LABELS, type Milestone, type Phase, type PlanBundle } from './schemas';

export const MSPDI_EXTENSION = 'xml';
export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

/** The schema version followed: 12 is Project 2007 (mspdi_pj12.xsd). */
const SAVE_VERSION = 12;
const HOURS_PER_DAY = 8;
/** The standard calendar every task uses: Monday to Friday, 8:00–12:00 and 13:00–17:00. */
const CALENDAR_UID = 1;
const DAY_START = '08:00:00';
const DAY_END = '17:00:00';
/** DurationFormat 7: show durations in days (the value itself is always in hours). */
const DURATION_FORMAT_DAYS = 7;
/** ConstraintType 0: as soon as possible; 4: start no earlier than (what Project sets when a start date is typed). */
const AS_SOON_AS_POSSIBLE = 0;
const START_NO_EARLIER_THAN = 4;
/** Project's limits on names (characters): 255 for a task, 512 for the project. */
const TASK_NAME_MAX = 255;
const PROJECT_NAME_MAX = 512;

/** Everything XML 1.0 does not allow as a character (its "Char" production), matched per code point. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as XML 1.0 keeps it: characters XML forbids removed, line breaks as LF (what any XML
 * reader turns CR LF and lone CR into anyway). The value a reader gets back from `escapeXmlText`.
 */
export function xmlSafeText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/\r\n?/g, '\n');
}

/** Text for element content or an attribute: XML-safe, with & < > " ' escaped. */
export function escapeXmlText(value: string): string {
  return xmlSafeText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` UTF-16 units (how Project counts), at a whole grapheme so an
 * emoji or accented letter is never split, with "…" when cut. Undefined when it already fits.
 */
function shortened(text: string, max: number): string | undefined {
  if (text.length <= max) return undefined;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/** Working hours from 08:00 on `start` to 17:00 on `end`, both ISO dates: 8 for each weekday from Monday to Friday. */
export function workingHours(start: string, end: string): number {
  const days = differenceInBusinessDays(addDays(parseISO(end), 1), parseISO(start));
  return Math.max(0, days) * HOURS_PER_DAY;
}

/** An MSPDI duration (ISO 8601, as Project writes it): 40 → "PT40H0M0S". */
export function mspdiDuration(hours: number): string {
  return `PT${hours}H0M0S`;
}

type Line = string | Line[];

function element(name: string, value: string | number): string {
  return `<${name}>${typeof value === 'number' ? String(value) : escapeXmlText(value)}</${name}>`;
}

/** Nested lines, two spaces per level, LF line ends. */
function render(lines: Line[], depth = 0): string[] {
  return lines.flatMap((line) => (typeof line === 'string' ? [`${'  '.repeat(depth)}${line}`] : render(line, depth + 1)));
}

interface TaskRow {
  name: string;
  /** Text after the name that a cut name keeps whole, so a cut name still says what the task is. */
  nameSuffix?: string;
  outlineNumber: string;
  outlineLevel: number;
  start: string;
  finish: string;
  hours: number;
  milestone: boolean;
  summary: boolean;
  /** Undefined for the project's own summary task, which Project calculates. */
  percentComplete?: number;
  notes: string;
}

function taskLines(task: TaskRow, uid: number): Line[] {
  const suffix = xmlSafeText(task.nameSuffix ?? '');
  const cutBase = shortened(xmlSafeText(task.name), TASK_NAME_MAX - suffix.length);
  const cut = cutBase === undefined ? undefined : `${cutBase}${suffix}`;
  const fullName = `${task.name}${task.nameSuffix ?? ''}`;
  // A cut name keeps its full text at the top of the notes, so nothing is lost.
  const notes = cut ? [`Full name: ${fullName}`, task.notes].filter(Boolean).join('\n\n') : task.notes;
  // Summary tasks take their dates from their tasks; the others keep the planner's dates.
  const constrained = !task.summary;
  return [
    '<Task>',
    [
      element('UID', uid),
      element('ID', uid),
      element('Name', cut ?? fullName),
      element('Type', 1),
      element('IsNull', 0),
      element('WBS', task.outlineNumber),
      element('OutlineNumber', task.outlineNumber),
      element('OutlineLevel', task.outlineLevel),
      element('Priority', 500),
      element('Start', task.start),
      element('Finish', task.finish),
      element('Duration', mspdiDuration(task.hours)),
      element('DurationFormat', DURATION_FORMAT_DAYS),
      element('Estimated', 0),
      element('Milestone', task.milestone ? 1 : 0),
      element('Summary', task.summary ? 1 : 0),
      ...(task.percentComplete === undefined ? [] : [element('PercentComplete', task.percentComplete)]),
      element('ConstraintType', constrained ? START_NO_EARLIER_THAN : AS_SOON_AS_POSSIBLE),
      ...(constrained ? [element('ConstraintDate', task.start)] : []),
      ...(notes ? [element('Notes', notes)] : []),
    ],
    '</Task>',
  ];
}

function calendarLines(): Line[] {
  // DayType: 1 Sunday … 7 Saturday.
  const weekDays = [1, 2, 3, 4, 5, 6, 7].map((day): Line[] => {
    const working = day !== 1 && day !== 7;
    return [
      '<WeekDay>',
      [
        element('DayType', day),
        element('DayWorking', working ? 1 : 0),
        ...(working ? [
          '<WorkingTimes>',
          [
            '<WorkingTime>', [element('FromTime', DAY_START), element('ToTime', '12:00:00')], '</WorkingTime>',
            '<WorkingTime>', [element('FromTime', '13:00:00'), element('ToTime', DAY_END)], '</WorkingTime>',
          ],
          '</WorkingTimes>',
        ] : []),
      ],
      '</WeekDay>',
    ];
  });
  return [
    '<Calendars>',
    [
      '<Calendar>',
      [element('UID', CALENDAR_UID), element('Name', 'Standard'), element('IsBaseCalendar', 1), '<WeekDays>', weekDays.flat(), '</WeekDays>'],
      '</Calendar>',
    ],
    '</Calendars>',
  ];
}

const at = (isoDate: string, time: string) => `${isoDate}T${time}`;

/** Milestones sort by day, then name and id by code point, so the order never depends on the reader's language. */
function byDateThenName(a: Milestone, b: Milestone): number {
  const key = (m: Milestone) => [m.date, m.name, m.id];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i += 1) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function milestoneRow(m: Milestone, outlineNumber: string, outlineLevel: number): TaskRow {
  const notes = [
    `Kind: ${MILESTONE_KIND_LABELS[m.kind]}`,
    m.owner.trim() ? `Owner: ${m.owner.trim()}` : 'Owner: not set',
    m.done ? 'Status: done' : 'Status: not done yet',
  ].join('\n');
  // A milestone takes no time: it starts and finishes at the start of its day.
  return { name: m.name, outlineNumber, outlineLevel, start: at(m.date, DAY_START), finish: at(m.date, DAY_START), hours: 0, milestone: true, summary: false, percentComplete: m.done ? 100 : 0, notes };
}

function gateRow(phase: Phase, outlineNumber: string): TaskRow {
  // The gate closes its phase: it sits at the end of the phase's last day.
  return {
    name: `Go / no-go: ${phase.name}`,
    outlineNumber,
    outlineLevel: 2,
    start: at(phase.end, DAY_END),
    finish: at(phase.end, DAY_END),
    hours: 0,
    milestone: true,
    summary: false,
    percentComplete: phase.status === 'complete' ? 100 : 0,
    notes: phase.gate.trim(),
  };
}

/**
 * The phase's own dates as a task under it. Without it Project would draw the phase from its
 * first milestone to its gate; with it the phase's bar runs from its start to its end.
 */
function spanRow(phase: Phase, outlineNumber: string): TaskRow {
  return {
    name: phase.name,
    nameSuffix: ': whole phase',
    outlineNumber,
    outlineLevel: 2,
    start: at(phase.start, DAY_START),
    finish: at(phase.end, DAY_END),
    hours: workingHours(phase.start, phase.end),
    milestone: false,
    summary: false,
    percentComplete: phase.status === 'complete' ? 100 : 0,
    notes: '',
  };
}

function phaseNotes(phase: Phase): string {
  return [
    `Status: ${PHASE_STATUS_LABELS[phase.status]}`,
    ...(phase.goal.trim() ? [`Goal: ${phase.goal.trim()}`] : []),
    ...(phase.entryCriteria.trim() ? [`Entry criteria: ${phase.entryCriteria.trim()}`] : []),
  ].join('\n\n');
}

/** The plan as the text of an MSPDI file (UTF-8 XML). Same plan, same text: nothing depends on the clock. */
export function mspdiFile(bundle: PlanBundle): string {
  const { plan } = bundle;
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  const phaseIds = new Set(phases.map((p) => p.id));
  const milestones = [...bundle.milestones].sort(byDateThenName);
  const rows: TaskRow[] = [];

  phases.forEach((phase, index) => {
    const number = String(index + 1);
    const children = milestones.filter((m) => m.phaseId === phase.id);
    const gate = phase.gate.trim() !== '';
    // Every phase is a summary task holding its span task, even one with no milestones or gate:
    // Project then draws every phase alike (a summary bar rolling up what is under it), and a
    // milestone added there later in Project falls under the phase without reshaping the outline.
    rows.push({
      name: phase.name,
      outlineNumber: number,
      outlineLevel: 1,
      start: at(phase.start, DAY_START),
      finish: at(phase.end, DAY_END),
      hours: workingHours(phase.start, phase.end),
      milestone: false,
      summary: true,
      percentComplete: phase.status === 'complete' ? 100 : 0,
      notes: phaseNotes(phase),
    });
    // Milestones before the gate on the same day: the gate is decided at the end of it.
    const under = children.filter((m) => m.date <= phase.end);
    const after = children.filter((m) => m.date > phase.end);
    // A milestone dated outside its phase still widens the phase's bar: the file shows where it falls.
    let child = 0;
    rows.push(spanRow(phase, `${number}.${(child += 1)}`));
    for (const m of under) rows.push(milestoneRow(m, `${number}.${(child += 1)}`, 2));
    if (gate) rows.push(gateRow(phase, `${number}.${(child += 1)}`));
    for (const m of after) rows.push(milestoneRow(m, `${number}.${(child += 1)}`, 2));
  });
  const loose = milestones.filter((m) => m.phaseId === null || !phaseIds.has(m.phaseId));
  loose.forEach((m, index) => rows.push(milestoneRow(m, String(phases.length + index + 1), 1)));

  // The project spans its tasks; a plan with none spans the day it was created.
  const created = plan.createdAt.slice(0, 10);
  const starts = rows.map((r) => r.start).sort();
  const finishes = rows.map((r) => r.finish).sort();
  const projectStart = starts[0] ?? at(created, DAY_START);
  const projectFinish = finishes[finishes.length - 1] ?? at(created, DAY_END);
  const projectName = shortened(xmlSafeText(plan.name), PROJECT_NAME_MAX) ?? plan.name;
  const projectTask: TaskRow = {
    name: plan.name,
    outlineNumber: '0',
    outlineLevel: 0,
    start: projectStart,
    finish: projectFinish,
    hours: workingHours(projectStart.slice(0, 10), projectFinish.slice(0, 10)),
    milestone: false,
    summary: true,
    notes: plan.vision.trim(),
  };

  const lines: Line[] = [
    `<Project xmlns="${MSPDI_NAMESPACE}">`,
    [
      element('SaveVersion', SAVE_VERSION),
      element('Name', projectName),
      element('Title', projectName),
      ...(plan.systemName.trim() ? [element('Company', plan.systemName.trim())] : []),
      element('CreationDate', plan.createdAt.slice(0, 19)),
      element('ScheduleFromStart', 1),
      element('StartDate', projectStart),
      element('FinishDate', projectFinish),
      element('FYStartDate', plan.fiscalYearStartMonth),
      element('CalendarUID', CALENDAR_UID),
      element('DefaultStartTime', DAY_START),
      element('DefaultFinishTime', DAY_END),
      element('MinutesPerDay', HOURS_PER_DAY * 60),
      element('MinutesPerWeek', HOURS_PER_DAY * 60 * 5),
      element('DaysPerMonth', 20),
      element('DurationFormat', DURATION_FORMAT_DAYS),
      ...calendarLines(),
      '<Tasks>',
      [...taskLines(projectTask, 0), ...rows.flatMap((row, index) => taskLines(row, index + 1))],
      '</Tasks>',
    ],
    '</Project>',
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${render(lines).join('\n')}\n`;
}
