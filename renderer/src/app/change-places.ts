/**
 * Where in a plan an edit shows: the sections whose records a ChangeSet touches, so that an
 * Undo or Redo that acts out of sight can say what it changed and where, with a link there.
 */
import type { ChangeSet, TableName } from '../storage/transactions';
import { PLAN_SECTIONS, type PlanSection } from './router';

/** The section where each table's records are edited. */
const HOME: Record<Exclude<TableName, 'plans'>, PlanSection> = {
  phases: 'roadmap',
  milestones: 'roadmap',
  areas: 'tight-loose',
  stances: 'tight-loose',
  positions: 'decisions',
  outcomes: 'outcomes',
  indicators: 'priorities',
  schools: 'schools',
  waves: 'waves',
  fundingSources: 'resources',
  allocations: 'resources',
  journal: 'journal',
};

/** Other sections that show (and edit) the same records, so an undo there is in sight. */
const ALSO_SHOWN: Partial<Record<TableName, readonly PlanSection[]>> = {
  positions: ['priorities'], // decision 3's lean is set on Need & readiness too
  schools: ['waves', 'priorities'],
  indicators: ['schools'],
  waves: ['schools', 'resources'],
};

const fieldsChanged = (before: unknown, after: unknown): string[] => {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => key !== 'updatedAt' && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
};

/** The sections an edit changed, in the navigation's order. */
export function sectionsChanged(change: ChangeSet): PlanSection[] {
  const found = new Set<PlanSection>();
  for (const row of change.changes) {
    if (row.table === 'plans') {
      // The vision is written under Vision & outcomes; the plan's basics on the overview.
      for (const field of fieldsChanged(row.before, row.after)) found.add(field === 'vision' ? 'outcomes' : 'overview');
    } else {
      found.add(HOME[row.table]);
    }
  }
  return PLAN_SECTIONS.map((s) => s.key).filter((key) => found.has(key));
}

/**
 * Where an edit happened when that is not the section on show: the first section it changed,
 * or null when the section on show holds (or also shows) what changed.
 */
export function changedOutOfSight(change: ChangeSet, current: PlanSection): { section: PlanSection; label: string } | null {
  const sections = sectionsChanged(change);
  if (sections.length === 0 || sections.includes(current)) return null;
  const shownHere = change.changes.some((row) => ALSO_SHOWN[row.table]?.includes(current));
  if (shownHere) return null;
  const section = sections[0] as PlanSection;
  return { section, label: PLAN_SECTIONS.find((s) => s.key === section)?.label ?? section };
}
