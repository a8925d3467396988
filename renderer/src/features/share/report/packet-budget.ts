/** The budget figures the packet prints, all from the domain's budget rules, worked out once for the money and warnings pages. */
import { budgetWarnings, totals, type BudgetTotals, type BudgetWarning, type CliffWarning } from '../../../domain/budget';
import { fiscalYearBreakdown, schoolsByWave, stanceContradictions, studentsByPhase, type FiscalYearBreakdown } from '../../../domain/resource-rules';
import type { AllocationRow, Phase, PlanBundle } from '../../../domain/schemas';

export interface PacketBudget {
  totals: BudgetTotals;
  warnings: BudgetWarning[];
  cliffs: CliffWarning[];
  breakdown: FiscalYearBreakdown;
  /** Flexible lines whose area is held tight in their phase. */
  contradictions: AllocationRow[];
}

/** The plan's money over the phases the packet covers (lines of other phases left out). */
export function packetBudget(bundle: PlanBundle, phases: readonly Phase[]): PacketBudget {
  const { plan, fundingSources: sources, stances } = bundle;
  const phaseIds = new Set(phases.map((p) => p.id));
  const allocations = bundle.allocations.filter((a) => phaseIds.has(a.phaseId));
  const settings = { schoolYearStartMonth: plan.schoolYearStartMonth, fiscalStartMonth: plan.fiscalYearStartMonth, schoolsByWave: schoolsByWave(bundle.schools) };
  const students = studentsByPhase(phases, bundle.waves, bundle.schools);
  const warnings = budgetWarnings(sources, allocations, phases, settings);
  const cliffs = warnings.filter((w): w is CliffWarning => w.kind === 'cliff');
  return {
    totals: totals(allocations, phases, { ...settings, studentsByPhase: students }),
    warnings,
    cliffs,
    breakdown: fiscalYearBreakdown(sources, allocations, phases, settings, [], cliffs),
    contradictions: stanceContradictions(allocations, stances),
  };
}
