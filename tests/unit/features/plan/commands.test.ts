import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { renamePlan, setFiscalYearStart, setLocale, setProfileNumber, setSchoolYearStart, setSystemName } from '../../../../renderer/src/features/plan/commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import { createPlanBundle } from '../../../../renderer/src/domain/templates';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => createPlanBundle({ name: 'Riverside roadmap', systemName: 'Riverside Unified', templateId: 'pilot-to-scale', today: new Date(2026, 10, 23) }), (made) => {
  ({ ctx, bundle } = made);
}, () => new Date('2026-11-30T09:00:00Z'));

const planId = () => bundle.plan.id;
const plan = async () => (await ctx.store.loadBundle(planId()))?.plan;

describe('plan basics', () => {
  it('renames the plan and its school system, trimmed, each as a field being typed in', async () => {
    const name = renamePlan(planId(), '  Riverside 2027 roadmap ');
    const system = setSystemName(planId(), ' Riverside Unified School District ');
    expect([name.label, system.label]).toEqual(['Rename the plan', 'Edit the school system']);
    expect([name.field, system.field]).toEqual(['plan.name', 'plan.systemName']);
    await name.write(ctx);
    await system.write(ctx);
    expect(await plan()).toMatchObject({ name: 'Riverside 2027 roadmap', systemName: 'Riverside Unified School District' });
  });

  it('sets the months the school and fiscal years start in', async () => {
    const school = setSchoolYearStart(planId(), 9);
    const fiscal = setFiscalYearStart(planId(), 10);
    expect([school.label, fiscal.label]).toEqual(['Change the school year start', 'Change the fiscal year start']);
    expect([school.field, fiscal.field]).toEqual(['plan.schoolYearStartMonth', 'plan.fiscalYearStartMonth']);
    await school.write(ctx);
    await fiscal.write(ctx);
    expect(await plan()).toMatchObject({ schoolYearStartMonth: 9, fiscalYearStartMonth: 10 });
  });

  it('refuses a month that is not one', async () => {
    await expect(setSchoolYearStart(planId(), 13).write(ctx)).rejects.toThrow();
    expect((await plan())?.schoolYearStartMonth).toBe(8);
  });
});

describe('system profile', () => {
  it('names a number after its field, and keeps both of two quick edits', async () => {
    const schools = setProfileNumber(planId(), 'schoolCount', 'Number of schools', 75);
    const frl = setProfileNumber(planId(), 'frlPercent', 'FRL students (%)', 68.5);
    expect([schools.label, frl.label]).toEqual(['Edit number of schools', 'Edit frl students (%)']);
    expect([schools.field, frl.field]).toEqual(['profile.schoolCount', 'profile.frlPercent']);
    // Started together, as two fields left in quick succession: the profile is merged inside each write.
    await Promise.all([schools.write(ctx), frl.write(ctx)]);
    expect((await plan())?.profile).toMatchObject({ schoolCount: 75, frlPercent: 68.5 });
    await setProfileNumber(planId(), 'schoolCount', 'Number of schools', null).write(ctx);
    expect((await plan())?.profile).toMatchObject({ schoolCount: null, frlPercent: 68.5 });
  });

  it('sets and clears the locale', async () => {
    const urban = setLocale(planId(), 'urban');
    expect(urban.label).toBe('Change the locale');
    expect(urban.field).toBe('profile.locale');
    const change = await urban.write(ctx);
    expect((await plan())?.profile.locale).toBe('urban');
    const cleared = await setLocale(planId(), null).write(ctx);
    expect((await plan())?.profile.locale).toBeNull();
    // Undone newest first, as the Undo button does: an undo of a record changed since is refused.
    await ctx.store.applyChange(cleared, 'undo');
    await ctx.store.applyChange(change, 'undo');
    expect((await plan())?.profile.locale).toBe(bundle.plan.profile.locale);
  });
});
