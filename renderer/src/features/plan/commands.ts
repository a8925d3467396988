/**
 * What a planner changes in the plan's basics, as commands: its name and school system, when its
 * school and fiscal years start, and the system profile the decisions compare with the survey.
 * Every one is a field being typed in or chosen, so quick changes to it merge into one undo step.
 */
import type { PlanCommand } from '../../app/commands';
import type { Locale, SystemProfile } from '../../domain/schemas';
import type { ChangeSet } from '../../storage/transactions';
import type { PlanChanges } from '../../storage/roadmap-repository';

/** The numbers of the system profile. */
export type ProfileNumber = 'schoolCount' | 'studentCount' | 'frlPercent';

function planField(planId: string, label: string, changes: PlanChanges): PlanCommand<ChangeSet> {
  return {
    label,
    field: `plan.${Object.keys(changes).join()}`,
    write: ({ store }) => store.updatePlan(planId, changes),
  };
}

function profileField(planId: string, label: string, changes: Partial<SystemProfile>): PlanCommand<ChangeSet> {
  return {
    label,
    field: `profile.${Object.keys(changes).join()}`,
    write: ({ store }) => store.updateProfile(planId, changes),
  };
}

export function renamePlan(planId: string, name: string): PlanCommand<ChangeSet> {
  return planField(planId, 'Rename the plan', { name: name.trim() });
}

export function setSystemName(planId: string, systemName: string): PlanCommand<ChangeSet> {
  return planField(planId, 'Edit the school system', { systemName: systemName.trim() });
}

/** The month the school year starts in, 1 = January. */
export function setSchoolYearStart(planId: string, month: number): PlanCommand<ChangeSet> {
  return planField(planId, 'Change the school year start', { schoolYearStartMonth: month });
}

/** The month the fiscal year starts in, 1 = January. */
export function setFiscalYearStart(planId: string, month: number): PlanCommand<ChangeSet> {
  return planField(planId, 'Change the fiscal year start', { fiscalYearStartMonth: month });
}

/** One number of the profile (null clears it), named after its field: "Edit number of schools". */
export function setProfileNumber(planId: string, key: ProfileNumber, fieldLabel: string, value: number | null): PlanCommand<ChangeSet> {
  return profileField(planId, `Edit ${fieldLabel.toLowerCase()}`, { [key]: value });
}

export function setLocale(planId: string, locale: Locale | null): PlanCommand<ChangeSet> {
  return profileField(planId, 'Change the locale', { locale });
}
