import { createPlanBundle } from '../../../renderer/src/domain/templates';
import type { PlanBundle } from '../../../renderer/src/domain/schemas';

export const TODAY = new Date(2026, 10, 23, 9, 30);

export function samplePlan(overrides: { name?: string; templateId?: string | null } = {}): PlanBundle {
  const bundle = createPlanBundle({ name: overrides.name ?? 'Riverside roadmap', systemName: 'Riverside Unified', templateId: overrides.templateId === undefined ? 'pilot-to-scale' : overrides.templateId, today: TODAY });
  bundle.plan.profile = { schoolCount: 42, studentCount: 31_500, frlPercent: 64, locale: 'urban' };
  return bundle;
}

/**
 * A bundle with its unordered records (stances, positions, milestones) sorted by id, so two
 * bundles compare by content: storage and the file each keep their own order for those.
 */
export function normalized(bundle: PlanBundle | undefined): PlanBundle | undefined {
  if (!bundle) return bundle;
  const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return { ...bundle, stances: byId(bundle.stances), positions: byId(bundle.positions), milestones: byId(bundle.milestones), allocations: byId(bundle.allocations) };
}

/** Adds three schools, two waves (the first linked to the first phase), a grant and allocations to each kind of recipient. */
export function withSchools(bundle: PlanBundle): PlanBundle {
  const planId = bundle.plan.id;
  const [first, second] = bundle.phases;
  const need = bundle.indicators.find((i) => i.source === 'value' && i.side === 'need');
  if (!first || !second || !need) throw new Error('the plan needs two phases and a need indicator');
  const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;
  const waves = [
    { id: id(1), planId, order: 0, name: 'Wave 1', phaseId: first.id, notes: 'Early adopters.' },
    { id: id(2), planId, order: 1, name: 'Wave 2', phaseId: second.id, notes: '' },
  ];
  const school = (n: number, name: string, waveId: string | null, students: number, frl: number | null, value: number | null) => ({
    id: id(10 + n), planId, order: n, name, code: `R-${100 + n}`, gradeBand: 'K-5', students, frlPercent: frl, values: value === null ? {} : { [need.id]: value }, waveId,
  });
  const schools = [school(0, 'Adams Elementary', id(1), 420, 81, 12), school(1, 'Baker Middle', id(2), 760, 55, null), school(2, 'Cedar High', null, 1210, null, 4)];
  const fundingSources = [{ id: id(30), planId, order: 0, name: 'Innovation grant', amountCents: 750_000_00, type: 'federal-grant' as const, start: first.start, end: second.end, obligateBy: null, notes: 'Three-year award.' }];
  const base = { planId, sourceId: id(30), kind: 'money' as const, recurrence: 'one-time' as const, flexible: false, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null };
  const allocations = [
    { ...base, id: id(40), phaseId: first.id, recipient: { kind: 'central' as const }, amount: 120_000_00 },
    { ...base, id: id(41), phaseId: first.id, recipient: { kind: 'wave' as const, waveId: id(1) }, amount: 200, kind: 'training-hours' as const, sourceId: null },
    { ...base, id: id(42), phaseId: second.id, recipient: { kind: 'school' as const, schoolId: id(11) }, amount: 45_000_00, recurrence: 'ongoing' as const, flexible: true, areaId: bundle.areas[0]?.id ?? null },
  ];
  return { ...bundle, schools, waves, fundingSources, allocations };
}
