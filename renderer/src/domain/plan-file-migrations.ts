/**
 * The plan file's upgrades from older format versions. Each step is frozen as it shipped: it
 * uses nothing from the live domain code (helpers change; a file written years ago must still
 * upgrade the way it did then), only what is written here.
 */

/**
 * Upgrades from older format versions, keyed by the version they upgrade from. Each takes the
 * raw object of version N and returns version N + 1. Append only; never edit an old step.
 */
export const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2, the roadmap: plans gain a vision; phases a kind, a status, entry criteria and a
  // gate; stances, positions, milestones and outcome measures arrive, empty.
  1: (raw) => {
    const plan = isRecord(raw.plan) ? { vision: '', ...raw.plan } : raw.plan;
    const phases = Array.isArray(raw.phases)
      ? raw.phases.map((p: unknown) => (isRecord(p) ? { kind: phaseKindAtVersion2(typeof p.name === 'string' ? p.name : ''), status: 'planned', entryCriteria: '', gate: '', ...p } : p))
      : raw.phases;
    return { ...raw, formatVersion: 2, plan, phases, stances: [], positions: [], milestones: [], outcomes: [] };
  },
  // 2 → 3, schools, waves and resources: plans gain a fiscal-year start (July); indicators,
  // schools, waves, funding sources and allocations arrive, empty.
  2: (raw) => {
    const plan = isRecord(raw.plan) ? { fiscalYearStartMonth: 7, ...raw.plan } : raw.plan;
    return { ...raw, formatVersion: 3, plan, indicators: [], schools: [], waves: [], fundingSources: [], allocations: [] };
  },
  // 3 → 4, a district's first real plan: milestones gain a kind (a plain milestone); stance and
  // position rationales an origin (the planner's); indicators a range (none stated); funding
  // sources a type ("other") and an obligate-by date (none); allocations an end phase (their
  // own), per-school (no: for the wave) and a staff cost (none). Meaning is unchanged.
  3: (raw) => {
    const each = (key: string, defaults: Record<string, unknown>) =>
      Array.isArray(raw[key]) ? raw[key].map((row: unknown) => (isRecord(row) ? { ...defaults, ...row } : row)) : raw[key];
    return {
      ...raw,
      formatVersion: 4,
      milestones: each('milestones', { kind: 'milestone' }),
      stances: each('stances', { rationaleOrigin: 'planner' }),
      positions: each('positions', { rationaleOrigin: 'planner' }),
      indicators: each('indicators', { range: null }),
      fundingSources: each('fundingSources', { type: 'other', obligateBy: null }),
      allocations: each('allocations', { untilPhaseId: null, perSchool: false, staffCost: null }),
    };
  },
  // 4 → 5, history: a file may now carry the plan's journal and revisions beside the plan. A
  // file of format 4 has neither; the plan is unchanged.
  4: (raw) => ({ ...raw, formatVersion: 5 }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A phase's kind read from its name, as format 2 read it: "Pilot …" is a pilot, and so on. */
function phaseKindAtVersion2(name: string): string {
  const lower = name.trim().toLowerCase();
  return ['pilot', 'expand', 'scale', 'sustain'].find((kind) => lower.startsWith(kind)) ?? 'custom';
}
