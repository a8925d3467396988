/**
 * The plan as a calendar file (iCalendar, RFC 5545): phases as multi-day all-day events, each
 * phase's go / no-go gate on its last day, and milestones, for any calendar app. Written by
 * hand: it is small, adds nothing to the app's download, and keeps full control of escaping
 * and folding. Dates stay dates (all-day, no time zone), so nothing shifts by a day anywhere.
 */
import { MILESTONE_KIND_LABELS, type PlanBundle } from './schemas';

export interface CalendarOptions {
  phases: boolean;
  milestones: boolean;
  gates: boolean;
}

export const CALENDAR_EXTENSION = 'ics';
const PRODID = '-//Roadmap Planner//Roadmap Planner//EN';
/** Lines longer than this many octets are folded (RFC 5545 §3.1). */
const LINE_MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11); control characters other than tab are not allowed, so they become spaces. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    // eslint-disable-next-line no-control-regex -- removing the control characters RFC 5545 forbids
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/\n/g, '\\n');
}

/** Octets of one character (a whole code point) in UTF-8. */
function utf8Length(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Splits a content line into lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  // Most lines are short: at most 3 octets a UTF-16 unit, so 25 units always fit.
  if (line.length <= LINE_MAX_OCTETS / 3) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // Continuation lines start with a space, which counts toward their 75.
    if (octets + size > LINE_MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** "2027-08-15" → "20270815"; `plusDays` moves it by whole days in the calendar, not the clock. */
function icsDate(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays));
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function icsStamp(moment: Date): string {
  return `${moment.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** Stable across exports, so a calendar that imports the file again updates its events instead of doubling them. */
export function calendarUid(kind: 'phase' | 'gate' | 'milestone', recordId: string, planId: string): string {
  return `${kind}-${recordId}@${planId}.roadmap-planner`;
}

interface CalendarEvent {
  uid: string;
  start: string;
  /** The last day the event covers (inclusive); written as DTEND the day after. */
  end: string;
  summary: string;
  description: string;
  category: string;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(event.start)}`,
    `DTEND;VALUE=DATE:${icsDate(event.end, 1)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    `CATEGORIES:${escapeText(event.category)}`,
    // All-day plan events do not make anyone look busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The plan's phases, gates and milestones (as chosen) as iCalendar text with CRLF line ends. */
export function calendarFile(bundle: PlanBundle, include: CalendarOptions, now: Date): string {
  const { plan } = bundle;
  const stamp = icsStamp(now);
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  const events: CalendarEvent[] = [];
  if (include.phases) {
    for (const phase of phases) {
      events.push({ uid: calendarUid('phase', phase.id, plan.id), start: phase.start, end: phase.end, summary: `Phase: ${phase.name}`, description: phase.goal.trim(), category: 'Phase' });
    }
  }
  if (include.gates) {
    for (const phase of phases) {
      if (!phase.gate.trim()) continue;
      events.push({ uid: calendarUid('gate', phase.id, plan.id), start: phase.end, end: phase.end, summary: `Go / no-go: ${phase.name}`, description: phase.gate.trim(), category: 'Go / no-go' });
    }
  }
  if (include.milestones) {
    const milestones = [...bundle.milestones].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date)));
    for (const m of milestones) {
      const label = MILESTONE_KIND_LABELS[m.kind];
      const phase = m.phaseId ? phaseName.get(m.phaseId) : undefined;
      const description = [
        m.owner.trim() ? `Owner: ${m.owner.trim()}` : 'Owner: not set',
        m.done ? 'Status: done' : 'Status: not done yet',
        ...(phase ? [`Phase: ${phase}`] : []),
      ].join('\n');
      events.push({ uid: calendarUid('milestone', m.id, plan.id), start: m.date, end: m.date, summary: `${label}: ${m.name}`, description, category: label });
    }
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(plan.name)}`,
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
