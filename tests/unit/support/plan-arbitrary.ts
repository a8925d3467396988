/**
 * Generated plans for property tests: every kind of record, in any number (none included),
 * with text from the whole of Unicode and the hostile strings people do type (markup, quotes,
 * emoji, right-to-left text, formulas). Every plan it makes is valid: it passes the plan
 * file's schema and its rules across records, so a round trip must give it back unchanged.
 */
import fc from 'fast-check';
import {
  ALLOCATION_KINDS, FUNDING_TYPES, INDICATOR_DIRECTIONS, INDICATOR_SIDES, INDICATOR_SOURCES, LOCALES, MILESTONE_KINDS, MONEY_MAX_CENTS,
  PHASE_KINDS, PHASE_STATUSES, RATIONALE_ORIGINS, RECURRENCES, STANCES, STUDENTS_MAX, type PlanBundle, type RecipientValue,
} from '../../../renderer/src/domain/schemas';

/** Text that has broken exports elsewhere: markup that ends a block, quotes, emoji, bidi, formulas, escapes. */
export const HOSTILE_TEXTS = [
  '</script><script>alert(1)</script>',
  '<!-- a comment that never ends',
  '<!--<script>',
  '</style><b>bold</b>',
  '</STYLE>',
  '"double" and \'single\' quotes',
  'Emoji 🧑‍🏫📚🏫 and flags 🇺🇸🇲🇽',
  'مدرسة الأمل الابتدائية',
  'שלום \u202Bembedded\u202C',
  '\u202Eevil.exe\u202C',
  '=HYPERLINK("http://x","y")',
  '\\u003c already escaped',
  '\\\\u003c',
  'line\nbreak\r\nand tab\t',
  '&amp; &lt; &#60; entities',
  '\u2028\u2029 separators',
  '\u0000 nul',
  'Peña Elementary',
];

const text = (maxLength: number) => fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
);
/** What a name field keeps: trimmed, not empty, within 120 characters. */
const name = text(50).map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 120);
const short = (maxChars: number) => text(Math.floor(maxChars / 2)).filter((s) => s.length <= maxChars);
const long = text(200);
/** Finite numbers of any size and sign, but never -0, which a JSON file writes as 0. */
const number = (min = -1e12, max = 1e12) => fc.double({ min, max, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const dayNumber = fc.integer({ min: 0, max: 25 * 365 });
const isoDay = (n: number) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);
const date = dayNumber.map(isoDay);
const timestamp = fc.integer({ min: FIRST_DAY, max: Date.UTC(2045, 0, 1) }).map((ms) => new Date(ms).toISOString());
/** A pick among records made later: resolved modulo their count, or to null when there are none. */
const pick = fc.nat(1000);
const optionalPick = fc.option(pick, { nil: null });

const raw = fc.record({
  plan: fc.record({
    name, systemName: short(120), vision: long, templateId: fc.option(fc.constantFrom('pilot-to-scale', 'custom-template'), { nil: null }),
    schoolYearStartMonth: fc.integer({ min: 1, max: 12 }), fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }), createdAt: timestamp, updatedAt: timestamp,
    profile: fc.record({
      schoolCount: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      studentCount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
      frlPercent: fc.option(number(0, 100), { nil: null }),
      locale: fc.option(fc.constantFrom(...LOCALES), { nil: null }),
    }),
  }),
  phases: fc.array(fc.record({
    name, kind: fc.constantFrom(...PHASE_KINDS), status: fc.constantFrom(...PHASE_STATUSES), startDay: dayNumber, days: fc.integer({ min: 1, max: 800 }),
    goal: long, entryCriteria: long, gate: long,
  }), { maxLength: 4 }),
  areas: fc.array(fc.record({ name, description: long, builtIn: fc.boolean() }), { maxLength: 4 }),
  stances: fc.array(fc.record({
    area: pick, phase: pick, stance: fc.option(fc.constantFrom(...STANCES), { nil: null }), rationale: long, rationaleOrigin: fc.constantFrom(...RATIONALE_ORIGINS), owner: short(120), guardrails: long,
  }), { maxLength: 8 }),
  positions: fc.array(fc.record({
    phase: pick, decision: fc.integer({ min: 1, max: 7 }), position: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }), rationale: long, rationaleOrigin: fc.constantFrom(...RATIONALE_ORIGINS),
  }), { maxLength: 8 }),
  milestones: fc.array(fc.record({ phase: optionalPick, name, date, owner: short(120), done: fc.boolean(), kind: fc.constantFrom(...MILESTONE_KINDS) }), { maxLength: 4 }),
  outcomes: fc.array(fc.record({
    name, unit: short(40), baseline: fc.option(number(), { nil: null }),
    targets: fc.array(fc.record({ phase: pick, value: number() }), { maxLength: 3 }),
    actuals: fc.array(fc.record({ date, value: number(), note: short(400) }), { maxLength: 3 }),
  }), { maxLength: 3 }),
  indicators: fc.array(fc.record({
    name, side: fc.constantFrom(...INDICATOR_SIDES), weight: number(0, 100), direction: fc.constantFrom(...INDICATOR_DIRECTIONS), source: fc.constantFrom(...INDICATOR_SOURCES), unit: short(40),
    range: fc.option(fc.tuple(number(), number()).filter(([a, b]) => a !== b).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })), { nil: null }),
  }), { maxLength: 3 }),
  schools: fc.array(fc.record({
    name, code: short(40), gradeBand: short(20), students: fc.integer({ min: 0, max: STUDENTS_MAX }), frlPercent: fc.option(number(0, 100), { nil: null }),
    values: fc.array(fc.tuple(pick, fc.option(number(), { nil: null })), { maxLength: 3 }), wave: optionalPick,
  }), { maxLength: 5 }),
  waves: fc.array(fc.record({ name, phase: optionalPick, notes: long }), { maxLength: 3 }),
  fundingSources: fc.array(fc.record({
    name, amountCents: fc.integer({ min: 0, max: MONEY_MAX_CENTS }), type: fc.constantFrom(...FUNDING_TYPES), startDay: dayNumber, days: fc.integer({ min: 0, max: 2000 }),
    obligateBy: fc.option(date, { nil: null }), notes: long,
  }), { maxLength: 3 }),
  allocations: fc.array(fc.record({
    phase: pick, recipient: fc.constantFrom('central', 'wave', 'school'), recipientPick: pick, source: optionalPick, kind: fc.constantFrom(...ALLOCATION_KINDS),
    amount: number(0, MONEY_MAX_CENTS), recurrence: fc.constantFrom(...RECURRENCES), until: optionalPick, perSchool: fc.boolean(),
    staffCost: fc.option(fc.record({ perFteCents: fc.integer({ min: 0, max: MONEY_MAX_CENTS }), yearlyIncreasePercent: number(0, 50) }), { nil: null }),
    flexible: fc.boolean(), area: optionalPick, note: short(120),
  }), { maxLength: 6 }),
});

type Raw = typeof raw extends fc.Arbitrary<infer T> ? T : never;

function assemble(r: Raw): PlanBundle {
  let next = 0;
  const newId = () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`;
  const planId = newId();
  const of = <T extends { id: string }>(rows: readonly T[]) => ({
    at: (n: number) => rows[n % rows.length]?.id ?? null,
    maybe: (n: number | null) => (n === null ? null : (rows[n % rows.length]?.id ?? null)),
  });
  const child = (order: number) => ({ id: newId(), planId, order });

  const phases = r.phases.map(({ startDay, days, ...p }, i) => ({ ...child(i), ...p, start: isoDay(startDay), end: isoDay(startDay + days) }));
  const areas = r.areas.map((a, i) => ({ ...child(i), ...a }));
  const phase = of(phases);
  const area = of(areas);

  const stancePairs = new Set<string>();
  const stances = r.stances.flatMap(({ area: a, phase: p, ...s }) => {
    const areaId = area.at(a);
    const phaseId = phase.at(p);
    if (!areaId || !phaseId || stancePairs.has(`${areaId}|${phaseId}`)) return [];
    stancePairs.add(`${areaId}|${phaseId}`);
    return [{ id: newId(), planId, areaId, phaseId, ...s }];
  });
  const positionPairs = new Set<string>();
  const positions = r.positions.flatMap(({ phase: p, ...s }) => {
    const phaseId = phase.at(p);
    if (!phaseId || positionPairs.has(`${phaseId}|${s.decision}`)) return [];
    positionPairs.add(`${phaseId}|${s.decision}`);
    return [{ id: newId(), planId, phaseId, ...s }];
  });
  const milestones = r.milestones.map(({ phase: p, ...m }) => ({ id: newId(), planId, phaseId: phase.maybe(p), ...m }));
  const outcomes = r.outcomes.map(({ targets, ...o }, i) => ({
    ...child(i), ...o,
    targets: targets.flatMap(({ phase: p, value }) => { const phaseId = phase.at(p); return phaseId ? [{ phaseId, value }] : []; }),
  }));
  const indicators = r.indicators.map((ind, i) => ({ ...child(i), ...ind }));
  const waves = r.waves.map(({ phase: p, ...w }, i) => ({ ...child(i), ...w, phaseId: phase.maybe(p) }));
  const wave = of(waves);
  const indicator = of(indicators);
  const schools = r.schools.map(({ values, wave: w, ...s }, i) => ({
    ...child(i), ...s, waveId: wave.maybe(w),
    values: Object.fromEntries(values.flatMap(([n, value]) => { const id = indicator.at(n); return id ? [[id, value] as const] : []; })),
  }));
  const school = of(schools);
  const fundingSources = r.fundingSources.map(({ startDay, days, ...f }, i) => ({ ...child(i), ...f, start: isoDay(startDay), end: isoDay(startDay + days) }));
  const source = of(fundingSources);
  const allocations = r.allocations.flatMap(({ phase: p, recipient: kind, recipientPick, source: s, until, area: a, ...rest }) => {
    const phaseId = phase.at(p);
    if (!phaseId) return [];
    const waveId = wave.at(recipientPick);
    const schoolId = school.at(recipientPick);
    const recipient: RecipientValue = kind === 'wave' && waveId ? { kind, waveId } : kind === 'school' && schoolId ? { kind, schoolId } : { kind: 'central' };
    return [{ id: newId(), planId, phaseId, recipient, sourceId: source.maybe(s), untilPhaseId: phase.maybe(until), areaId: area.maybe(a), ...rest }];
  });

  return { plan: { id: planId, ...r.plan }, phases, areas, stances, positions, milestones, outcomes, indicators, schools, waves, fundingSources, allocations };
}

/** Any valid plan, from an empty one to one with some of every record. */
export const planBundleArbitrary: fc.Arbitrary<PlanBundle> = raw.map(assemble);
