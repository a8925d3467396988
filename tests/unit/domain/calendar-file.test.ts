import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { calendarFile, calendarUid, escapeText, foldLine } from '../../../renderer/src/domain/calendar-file';
import { MILESTONE_KIND_LABELS, type PlanBundle } from '../../../renderer/src/domain/schemas';
import { samplePlan } from './plan-fixtures';

// Calendar apps read X-WR-CALNAME as TEXT; ical.js leaves unknown properties escaped unless told.
ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };

const ALL = { phases: true, milestones: true, gates: true };
const NOW = new Date(Date.UTC(2026, 10, 30, 10, 15, 7));

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: event.endDate,
      categories: v.getFirstPropertyValue('categories'),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
    };
  });
  return { calendar, events };
}

/** The day after an ISO date, as an ISO date. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function withGatesAndMilestones(bundle: PlanBundle): PlanBundle {
  const [first] = bundle.phases;
  if (!first) throw new Error('the plan needs a phase');
  return {
    ...bundle,
    phases: bundle.phases.map((p, i) => ({ ...p, gate: i === bundle.phases.length - 1 ? '' : `Evidence for ${p.name}` })),
    milestones: [
      ...bundle.milestones,
      { id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001', planId: bundle.plan.id, phaseId: first.id, name: 'Board vote', date: first.end, owner: 'Superintendent', done: true, kind: 'board-meeting' },
      { id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000002', planId: bundle.plan.id, phaseId: null, name: 'Family night', date: '2027-02-28', owner: '', done: false, kind: 'family-engagement' },
    ],
  };
}

describe('calendarFile', () => {
  it('has the calendar header, CRLF line ends and nothing but CRLF', () => {
    const text = calendarFile(samplePlan(), ALL, NOW);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text).toContain('\r\nCALSCALE:GREGORIAN\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Riverside roadmap');
  });

  it('gives every phase, gate and milestone back with its dates, summary and UID', () => {
    const bundle = withGatesAndMilestones(samplePlan());
    const { events } = parse(calendarFile(bundle, ALL, NOW));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const gated = bundle.phases.filter((p) => p.gate.trim());
    expect(gated.length).toBeGreaterThan(0);
    expect(gated.length).toBeLessThan(bundle.phases.length);
    expect(events).toHaveLength(bundle.phases.length + gated.length + bundle.milestones.length);
    for (const phase of bundle.phases) {
      const event = byUid.get(`phase-${phase.id}@${bundle.plan.id}.roadmap-planner`);
      expect(event?.summary).toBe(`Phase: ${phase.name}`);
      expect(event?.start.isDate).toBe(true);
      expect(event?.start.toString()).toBe(phase.start);
      expect(event?.end.toString()).toBe(dayAfter(phase.end));
      expect(event?.categories).toBe('Phase');
    }
    for (const phase of gated) {
      const event = byUid.get(`gate-${phase.id}@${bundle.plan.id}.roadmap-planner`);
      expect(event?.summary).toBe(`Go / no-go: ${phase.name}`);
      expect(event?.description).toBe(`Evidence for ${phase.name}`);
      expect(event?.start.toString()).toBe(phase.end);
      expect(event?.end.toString()).toBe(dayAfter(phase.end));
    }
    for (const m of bundle.milestones) {
      const event = byUid.get(calendarUid('milestone', m.id, bundle.plan.id));
      expect(event?.summary).toBe(`${MILESTONE_KIND_LABELS[m.kind]}: ${m.name}`);
      expect(event?.categories).toBe(MILESTONE_KIND_LABELS[m.kind]);
      expect(event?.start.isDate).toBe(true);
      expect(event?.start.toString()).toBe(m.date);
      expect(event?.end.toString()).toBe(dayAfter(m.date));
    }
    const vote = events.find((e) => e.summary === 'Board meeting: Board vote');
    expect(vote?.description).toBe(`Owner: Superintendent\nStatus: done\nPhase: ${bundle.phases[0]?.name}`);
    const family = events.find((e) => e.summary === 'Family engagement: Family night');
    expect(family?.description).toBe('Owner: not set\nStatus: not done yet');
    expect(events.every((e) => e.stamp === '2026-11-30T10:15:07Z')).toBe(true);
  });

  it('leaves out what is not chosen', () => {
    const bundle = withGatesAndMilestones(samplePlan());
    const phasesOnly = parse(calendarFile(bundle, { phases: true, milestones: false, gates: false }, NOW)).events;
    expect(phasesOnly.map((e) => e.uid).every((uid) => uid.startsWith('phase-'))).toBe(true);
    expect(phasesOnly).toHaveLength(bundle.phases.length);
    const gatesOnly = parse(calendarFile(bundle, { phases: false, milestones: false, gates: true }, NOW)).events;
    expect(gatesOnly.length).toBeGreaterThan(0);
    expect(gatesOnly.every((e) => e.summary.startsWith('Go / no-go: '))).toBe(true);
    const milestonesOnly = parse(calendarFile(bundle, { phases: false, milestones: true, gates: false }, NOW)).events;
    expect(milestonesOnly).toHaveLength(bundle.milestones.length);
  });

  it('gives the same UIDs on every export, and only the stamp changes', () => {
    const bundle = withGatesAndMilestones(samplePlan());
    const first = calendarFile(bundle, ALL, NOW);
    const second = calendarFile(bundle, ALL, new Date(Date.UTC(2027, 0, 5, 8)));
    const uids = (text: string) => parse(text).events.map((e) => e.uid);
    expect(uids(second)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(uids(first).length);
    expect(second.replace(/DTSTAMP:\S+/g, '')).toBe(first.replace(/DTSTAMP:\S+/g, ''));
  });

  it('keeps dates as dates whatever the time zone (no shift at year ends or leap days)', () => {
    const bundle = samplePlan();
    const [phase] = bundle.phases;
    if (!phase) throw new Error('the plan needs a phase');
    const leap = { ...bundle, phases: [{ ...phase, start: '2027-12-31', end: '2028-02-29' }], milestones: [] };
    const text = calendarFile(leap, ALL, NOW);
    expect(text).toContain('DTSTART;VALUE=DATE:20271231\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20280301\r\n');
  });

  const HOSTILE = [
    'He said "go"; we said, "no"',
    'Rollout 🚀👩🏽‍🏫 done',
    'خطة المدرسة الجديدة',
    'x'.repeat(500),
    'Line one\nLine two\r\nLine three',
    '=HYPERLINK("http://x","y")',
    'Back\\slash, semi;colon',
    'é'.repeat(200) + '日本語'.repeat(40),
  ];

  it('brings hostile names back intact', () => {
    const base = samplePlan();
    for (const name of HOSTILE) {
      const bundle: PlanBundle = {
        ...base,
        plan: { ...base.plan, name },
        phases: base.phases.map((p) => ({ ...p, name, goal: name, gate: name })),
        milestones: base.milestones.map((m) => ({ ...m, name, owner: name })),
      };
      const text = calendarFile(bundle, ALL, NOW);
      const { calendar, events } = parse(text);
      const expected = name.replace(/\r\n/g, '\n');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(expected);
      for (const event of events) {
        const prefix = event.uid.startsWith('phase-') ? 'Phase: ' : event.uid.startsWith('gate-') ? 'Go / no-go: ' : `${String(event.categories)}: `;
        expect(event.summary).toBe(`${prefix}${expected}`);
        if (!event.uid.startsWith('milestone-')) expect(event.description).toBe(expected);
        else expect(event.description.startsWith(`Owner: ${expected}\n`)).toBe(true);
      }
      expect(events).toHaveLength(base.phases.length * 2 + base.milestones.length);
    }
  });

  it('folds at 75 octets without splitting a character', () => {
    const base = samplePlan();
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const name of HOSTILE) {
      const text = calendarFile({ ...base, phases: base.phases.map((p) => ({ ...p, name, goal: name })) }, ALL, NOW);
      const bytes = new TextEncoder().encode(text);
      let start = 0;
      let longest = 0;
      for (let i = 0; i < bytes.length - 1; i++) {
        if (bytes[i] === 13 && bytes[i + 1] === 10) {
          const line = bytes.slice(start, i);
          longest = Math.max(longest, line.length);
          expect(line.length).toBeLessThanOrEqual(75);
          expect(() => decoder.decode(line)).not.toThrow();
          start = i + 2;
        }
      }
      expect(text).not.toMatch(lone);
      if (name.length >= 200) expect(longest).toBeGreaterThan(70);
    }
  });

  it('escapes text and folds with a leading space', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('tab\there\u0007bell')).toBe('tab\there bell');
    const folded = foldLine(`SUMMARY:${'😀'.repeat(30)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'😀'.repeat(30)}`);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('folds any text into lines of at most 75 octets that unfold to the same text', () => {
    const octets = (line: string) => new TextEncoder().encode(line).length;
    // Content lines never hold a line break: escapeText writes them as \n.
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).map((t) => t.replace(/[\r\n]/g, '')), (text) => {
      const line = `SUMMARY:${text}`;
      const lines = foldLine(line).split('\r\n');
      expect(lines.every((l) => octets(l) <= 75)).toBe(true);
      expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    }));
  });
});
