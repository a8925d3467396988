/**
 * What the fuzz suite shares: how many cases each reader gets, the check every case passes (an
 * answer, not a throw; within 2 s; no prototype touched), and the inputs every reader of files
 * from outside is given: random JSON text with hostile keys, random bytes with invalid UTF-8,
 * valid documents mutated in the ways damaged or hand-edited files are, huge and deep values.
 *
 * A failing case is reported by fast-check with its seed and path: rerun one with
 * `fc.assert(…, { seed, path })` to replay it.
 */
import fc from 'fast-check';

/** Cases per reader. CI runs 10,000; `FUZZ_RUNS=100000 npx vitest run tests/unit/fuzz` runs more. */
export const FUZZ_RUNS = Math.max(1, Math.floor(Number(process.env.FUZZ_RUNS) || 10_000));

/**
 * The longest one case may take, in processor time: a reader is pure, so this is the planner's
 * wait for a message. Processor time (of this test file's own process: vitest runs each file in a
 * process of its own) rather than the clock, so a machine busy with other work does not fail a
 * case; the clock is held to a looser bound, WALL_LIMIT_MS, which only a hang passes.
 */
export const CASE_LIMIT_MS = 2_000;
const WALL_LIMIT_MS = 30_000;

/** A test running FUZZ_RUNS cases: a generous bound that still ends a reader slowed to a crawl. */
export const FUZZ_TEST_TIMEOUT_MS = 120_000 + FUZZ_RUNS * 30;

/** Options for fc.assert: the cases, and no shrinking beyond what a replay needs. */
export const FUZZ_OPTIONS = { numRuns: FUZZ_RUNS, endOnFailure: true } as const;

// ——— The check every case passes ———

/** The prototypes a hostile key could reach, and the keys each has before any case runs. */
const WATCHED: readonly object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const ownKeys = (target: object) => Reflect.ownKeys(target).map(String).sort().join('|');
const KEYS_BEFORE = WATCHED.map(ownKeys);

/** The input in a failure message: its kind, its size and how it starts. */
export function describeInput(input: unknown): string {
  if (input instanceof Uint8Array) {
    return `${input.byteLength} bytes starting ${Array.from(input.subarray(0, 48), (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
  }
  const text = typeof input === 'string' ? input : safeJson(input);
  return `${text.length.toLocaleString('en-US')} characters starting ${JSON.stringify(text.slice(0, 160))}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws, naming the input, when a case left anything on a prototype (and takes it off again, so one failure stays one). */
function checkPrototypes(input: unknown): void {
  const polluted = ({} as Record<string, unknown>).polluted !== undefined || ([] as unknown as Record<string, unknown>).polluted !== undefined;
  const changed = WATCHED.filter((target, i) => ownKeys(target) !== KEYS_BEFORE[i]);
  if (!polluted && changed.length === 0) return;
  for (const target of WATCHED) delete (target as Record<string, unknown>).polluted;
  throw new Error(`A prototype was changed (${polluted ? '“polluted” is set' : 'its keys differ'}) by ${describeInput(input)}`);
}

interface Started { wall: number; cpu: NodeJS.CpuUsage }
const start = (): Started => ({ wall: performance.now(), cpu: process.cpuUsage() });

function checkTime(input: unknown, started: Started): void {
  const { user, system } = process.cpuUsage(started.cpu);
  const cpu = (user + system) / 1000;
  const wall = performance.now() - started.wall;
  if (cpu > CASE_LIMIT_MS || wall > WALL_LIMIT_MS) {
    throw new Error(`The reader took ${Math.round(cpu)} ms of processor time (${Math.round(wall)} ms by the clock; the limit is ${CASE_LIMIT_MS} ms) on ${describeInput(input)}`);
  }
}

/** Runs one case of a pure reader: its answer, or a failure naming the input when it throws, runs long or touches a prototype. */
export function readOnce<T>(input: unknown, read: () => T): T {
  const started = start();
  let result: T;
  try {
    result = read();
  } catch (error) {
    throw new Error(`The reader threw on ${describeInput(input)}: ${String(error)}`, { cause: error });
  }
  checkTime(input, started);
  checkPrototypes(input);
  return result;
}

/**
 * The same for a reader that answers later, or refuses by rejecting with its own kind of error
 * (`refusal`): such a refusal is an answer, and is given back; anything else it throws fails.
 */
export async function readOnceAsync<T>(input: unknown, read: () => Promise<T>, refusal: (error: unknown) => boolean = () => false): Promise<{ ok: true; value: T } | { ok: false; error: Error }> {
  const started = start();
  let outcome: { ok: true; value: T } | { ok: false; error: Error };
  try {
    outcome = { ok: true, value: await read() };
  } catch (error) {
    if (!(error instanceof Error) || !refusal(error)) throw new Error(`The reader threw on ${describeInput(input)}: ${String(error)}`, { cause: error });
    outcome = { ok: false, error };
  }
  checkTime(input, started);
  checkPrototypes(input);
  return outcome;
}

// ——— Inputs ———

/** Keys that reach an object's prototype when a reader copies them carelessly. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** A value that pollutes when merged under a hostile key. */
const POLLUTING_JSON = ['{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}'];

/**
 * Random JSON as text: text can hold what a value built in JavaScript cannot easily (an own
 * `__proto__` key, the same key twice). Keys come from the reader's own field names, hostile
 * keys and any string, so objects look like the reader's often enough to get past its first check.
 */
export function jsonTextArbitrary(fieldNames: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 }));
  const leaf = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 24 }).map((s) => JSON.stringify(s)),
    fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1, 5, 1e308, -1e-308, 2 ** 53 + 1)).map((n) => JSON.stringify(n)),
    fc.constantFrom('true', 'false', 'null', ...POLLUTING_JSON, '"2027-02-30"', '"2027-08-16"', '"roadmap-planner.plan"', '"2026-11-23T09:30:00.000Z"'),
  );
  const { value } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  }));
  return value;
}

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, cut sequences, bytes never used. */
const INVALID_UTF8: readonly (readonly number[])[] = [
  [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3],
];

/** Random bytes, laced with invalid UTF-8 and with the bytes a text file is made of. */
export const bytesArbitrary: fc.Arbitrary<Uint8Array> = fc.array(fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_UTF8).map((b) => Uint8Array.from(b)) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => new TextEncoder().encode(s)) },
  { weight: 1, arbitrary: fc.constantFrom(',', ';', '\t', '"', '\r\n', '\n', '{', '}', '[', ']', ':', '<', '>').map((s) => new TextEncoder().encode(s)) },
), { maxLength: 24 }).map((parts) => {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
});

/** Bytes as a browser or the shell hands a text file over: decoded as UTF-8, bad bytes replaced. */
export const decodedText = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Brackets nested `depth` deep: the array form closed or left open. */
export const deepArrays = (depth: number, closed = true) => `${'['.repeat(depth)}${closed ? ']'.repeat(depth) : ''}`;
/** Objects nested `depth` deep under the key `key`. */
export const deepObjects = (depth: number, key = 'a') => `${`{"${key}":`.repeat(depth)}null${'}'.repeat(depth)}`;

// ——— Mutations of a valid document ———

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MUTATION_KINDS = [
  'drop', 'wrong-type', 'duplicate', 'missing-link', 'same-id', 'array-for-object', 'object-for-array',
  'hostile-key', 'huge-string', 'deep', 'old-version', 'random-json',
] as const;

export interface Mutation {
  kind: (typeof MUTATION_KINDS)[number];
  /** Which node (or link, or id), modulo how many there are. */
  at: number;
  /** Which variant of the mutation. */
  pick: number;
  /** JSON text put in place of a node by random-json. */
  json: string;
}

/** One to four mutations, each at a random place. */
export function mutationsArbitrary(fieldNames: readonly string[]): fc.Arbitrary<Mutation[]> {
  return fc.array(fc.record({ kind: fc.constantFrom(...MUTATION_KINDS), at: fc.nat(), pick: fc.nat(), json: jsonTextArbitrary(fieldNames) }), { minLength: 1, maxLength: 4 });
}

/** Wrong types for any field: every kind of JSON value, and the strings that look nearly right. */
const WRONG_VALUES: readonly Json[] = [null, 0, -1, 1.5, 1e308, -1e308, '', ' ', 'x', '2027-02-30', '2027-13-01', 'NaN', true, false, [], {}, [null], { id: null }];

const DEEP_TOKEN = '@@fuzz-deep-nesting@@';
const HUGE_TOKEN = '@@fuzz-huge-string@@';

interface Slot { parent: Json[] | { [key: string]: Json }; key: string | number }

/** Every place in the document a value sits, in document order. */
function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i });
        visit(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        slots.push({ parent: node, key });
        visit(node[key] ?? null);
      }
    }
  };
  visit(root);
  return slots;
}

const get = ({ parent, key }: Slot): Json => (parent as Record<string | number, Json>)[key] ?? null;
/** Sets a value as JSON.parse would, even under `__proto__`. */
const set = ({ parent, key }: Slot, value: Json) => Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/**
 * The document changed by each mutation in turn, as JSON text. Huge strings and deep nesting are
 * put in the text after it is written (JSON.stringify itself recurses, so it cannot write them).
 */
export function mutatedText(document: unknown, mutations: readonly Mutation[]): string {
  const root = clone(document as Json);
  let deep = 0;
  let huge = 0;
  for (const { kind, at, pick, json } of mutations) {
    const slots = slotsOf(root);
    const slotAt = (candidates: Slot[]) => (candidates.length === 0 ? undefined : candidates[at % candidates.length]);
    const slot = slotAt(slots);
    if (!slot) break;
    switch (kind) {
      case 'drop':
        if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else delete slot.parent[slot.key as string];
        break;
      case 'wrong-type':
        set(slot, clone(WRONG_VALUES[pick % WRONG_VALUES.length] ?? null));
        break;
      case 'duplicate': {
        // A record twice (the same id twice), or an array's item repeated inside it.
        const inArray = slotAt(slots.filter((s) => Array.isArray(s.parent)));
        if (inArray) (inArray.parent as Json[]).push(clone(get(inArray)));
        break;
      }
      case 'missing-link': {
        const link = slotAt(slots.filter((s) => typeof s.key === 'string' && /Id$/.test(s.key) && s.key !== 'planId'));
        if (link) set(link, pick % 3 === 0 ? null : `missing-${pick}`);
        break;
      }
      case 'same-id': {
        const ids = slots.filter((s) => s.key === 'id' || s.key === 'planId');
        const from = ids[pick % Math.max(1, ids.length)];
        const to = slotAt(ids);
        if (from && to) set(to, get(from));
        break;
      }
      case 'array-for-object': {
        const object = slotAt(slots.filter((s) => { const v = get(s); return v !== null && typeof v === 'object' && !Array.isArray(v); }));
        if (object) set(object, pick % 2 === 0 ? [get(object)] : []);
        break;
      }
      case 'object-for-array': {
        const array = slotAt(slots.filter((s) => Array.isArray(get(s))));
        if (array) set(array, Object.fromEntries((get(array) as Json[]).map((v, i) => [String(i), v])));
        break;
      }
      case 'hostile-key': {
        const objects = [root, ...slots.map(get)].filter((v): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v));
        const target = objects[at % Math.max(1, objects.length)];
        const key = HOSTILE_KEYS[pick % HOSTILE_KEYS.length] ?? '__proto__';
        if (target) set({ parent: target, key }, JSON.parse(POLLUTING_JSON[pick % POLLUTING_JSON.length] ?? '{}') as Json);
        break;
      }
      case 'huge-string':
        huge = 10_000 + (pick % 200_000);
        set(slotAt(slots.filter((s) => typeof get(s) === 'string')) ?? slot, HUGE_TOKEN);
        break;
      case 'deep':
        deep = pick % 20 === 0 ? 100_000 : 1_000 + (pick % 20_000);
        set(slot, DEEP_TOKEN);
        break;
      case 'old-version':
        if (root !== null && typeof root === 'object' && !Array.isArray(root)) root.formatVersion = 1 + (pick % 5);
        break;
      case 'random-json':
        set(slot, JSON.parse(json) as Json);
        break;
    }
  }
  let text = JSON.stringify(root);
  if (huge > 0) text = text.replace(`"${HUGE_TOKEN}"`, () => JSON.stringify('x'.repeat(huge)));
  if (deep > 0) text = text.replace(`"${DEEP_TOKEN}"`, () => deepArrays(deep));
  return text;
}

/** Damage to the text itself: cut short, a byte order mark, garbage spliced in, a character flipped. */
export const textDamageArbitrary = fc.record({ kind: fc.constantFrom('none', 'none', 'none', 'cut', 'bom', 'splice', 'flip'), at: fc.nat(), garbage: fc.string({ unit: 'binary', maxLength: 8 }) });

export function damaged(text: string, { kind, at, garbage }: { kind: string; at: number; garbage: string }): string {
  const position = text.length === 0 ? 0 : at % text.length;
  switch (kind) {
    case 'cut': return text.slice(0, position);
    case 'bom': return `\uFEFF${text}`;
    case 'splice': return `${text.slice(0, position)}${garbage}${text.slice(position)}`;
    case 'flip': return `${text.slice(0, position)}${String.fromCharCode((text.charCodeAt(position) ^ 0x20) || 0x20)}${text.slice(position + 1)}`;
    default: return text;
  }
}

/** About 50 MB of text: `unit` repeated (built once per test, never committed). */
export function fiftyMegabytes(unit: string): string {
  return unit.repeat(Math.ceil((50 * 1024 * 1024) / unit.length));
}
