import { newId, nowTimestamp } from './ids';
import type { PlanBundle } from './schemas';

/**
 * A copy of a plan with new ids for every record, so it can live beside the original.
 * Links between records (plan, phase, area) follow the new ids.
 */
export function copyPlanBundle(bundle: PlanBundle, name: string, now: Date): PlanBundle {
  const planId = newId();
  const timestamp = nowTimestamp(now);
  const phaseIds = new Map(bundle.phases.map((p) => [p.id, newId()]));
  const areaIds = new Map(bundle.areas.map((a) => [a.id, newId()]));
  // A link to a record outside the plan cannot happen in a valid bundle; it keeps its id.
  const phase = (id: string) => phaseIds.get(id) ?? id;
  const area = (id: string) => areaIds.get(id) ?? id;
  const idMap = (rows: readonly { id: string }[]) => {
    const map = new Map(rows.map((r) => [r.id, newId()]));
    return (id: string) => map.get(id) ?? id;
  };
  const indicator = idMap(bundle.indicators);
  const school = idMap(bundle.schools);
  const wave = idMap(bundle.waves);
  const source = idMap(bundle.fundingSources);
  return {
    plan: { ...bundle.plan, id: planId, name, createdAt: timestamp, updatedAt: timestamp },
    phases: bundle.phases.map((p) => ({ ...p, id: phase(p.id), planId })),
    areas: bundle.areas.map((a) => ({ ...a, id: area(a.id), planId })),
    stances: bundle.stances.map((s) => ({ ...s, id: newId(), planId, areaId: area(s.areaId), phaseId: phase(s.phaseId) })),
    positions: bundle.positions.map((p) => ({ ...p, id: newId(), planId, phaseId: phase(p.phaseId) })),
    milestones: bundle.milestones.map((m) => ({ ...m, id: newId(), planId, phaseId: m.phaseId === null ? null : phase(m.phaseId) })),
    outcomes: bundle.outcomes.map((o) => ({
      ...o, id: newId(), planId, targets: o.targets.map((t) => ({ ...t, phaseId: phase(t.phaseId) })), actuals: o.actuals.map((a) => ({ ...a })),
    })),
    indicators: bundle.indicators.map((i) => ({ ...i, id: indicator(i.id), planId })),
    schools: bundle.schools.map((s) => ({
      ...s,
      id: school(s.id),
      planId,
      waveId: s.waveId === null ? null : wave(s.waveId),
      values: Object.fromEntries(Object.entries(s.values).map(([key, value]) => [indicator(key), value])),
    })),
    waves: bundle.waves.map((w) => ({ ...w, id: wave(w.id), planId, phaseId: w.phaseId === null ? null : phase(w.phaseId) })),
    fundingSources: bundle.fundingSources.map((f) => ({ ...f, id: source(f.id), planId })),
    allocations: bundle.allocations.map((a) => ({
      ...a,
      id: newId(),
      planId,
      phaseId: phase(a.phaseId),
      sourceId: a.sourceId === null ? null : source(a.sourceId),
      areaId: a.areaId === null ? null : area(a.areaId),
      recipient: a.recipient.kind === 'wave' ? { kind: 'wave', waveId: wave(a.recipient.waveId) }
        : a.recipient.kind === 'school' ? { kind: 'school', schoolId: school(a.recipient.schoolId) } : { kind: 'central' },
    })),
  };
}

/** "Plan (copy)", "Plan (copy 2)", … the first name not already taken. */
export function copyName(name: string, taken: ReadonlySet<string>, label = 'copy'): string {
  const base = name.replace(new RegExp(` \\(${label}(?: \\d+)?\\)$`), '');
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${base} (${label})` : `${base} (${label} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
