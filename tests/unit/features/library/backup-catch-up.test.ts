import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlannerDatabase } from '../../../../renderer/src/storage/database';
import { createPlanStore } from '../../../../renderer/src/storage/plan-store';
import { backUpChangedPlans, plansToBackUp } from '../../../../renderer/src/features/library/backup-commands';
import { backupsKnown, lastBackedUpAt, recordBackupList } from '../../../../renderer/src/features/library/backup-status';
import { createPlan, deletePlan } from '../../../../renderer/src/features/library/library-commands';
import type { PlanFileContext } from '../../../../renderer/src/features/plan-file/plan-file-commands';
import type { BackupEntry, Host, WriteBackupRequest } from '../../../../renderer/src/host/host';
import { newId } from '../../../../renderer/src/domain/ids';

const entry = (planId: string, savedAt: string): BackupEntry => ({ planId, planName: 'P', file: `${planId}/${savedAt.replace(/:/g, '-')} P.roadmap.json`, savedAt, bytes: 10 });

describe('plansToBackUp', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  const c = '00000000-0000-4000-8000-00000000000c';

  it('takes plans changed since their newest backup or never backed up, oldest change first, and leaves deleted ones', () => {
    const plans = [
      { id: a, updatedAt: '2026-11-30T12:00:00.000Z', deletedAt: null },
      { id: b, updatedAt: '2026-11-29T09:00:00.000Z', deletedAt: null },
      { id: c, updatedAt: '2026-11-28T09:00:00.000Z', deletedAt: '2026-11-29T10:00:00.000Z' },
    ];
    // a: an older and a newer backup, the newer after its last change; b: one before its change.
    expect(plansToBackUp(plans, [entry(a, '2026-11-20T10:00:00.000Z'), entry(a, '2026-11-30T12:05:00.000Z'), entry(b, '2026-11-29T08:00:00.000Z')])).toEqual([b]);
    expect(plansToBackUp(plans, [])).toEqual([b, a]);
    // A backup at the very time of the change is a backup of it.
    expect(plansToBackUp(plans.slice(0, 1), [entry(a, '2026-11-30T12:00:00.000Z')])).toEqual([]);
  });
});

describe('backUpChangedPlans', () => {
  let db: PlannerDatabase;
  let written: WriteBackupRequest[];
  let stored: BackupEntry[];
  let failFor: string | null;
  let ctx: PlanFileContext;
  let clock: Date;

  beforeEach(() => {
    db = new PlannerDatabase(`test-${newId()}`);
    written = [];
    stored = [];
    failFor = null;
    clock = new Date('2026-11-30T10:00:00.000Z');
    const host: Host = {
      kind: 'desktop',
      saveFile: async () => ({ status: 'cancelled' }),
      openFile: async () => ({ status: 'cancelled' }),
      printToPdf: async () => ({ status: 'cancelled' }),
      appInfo: async () => ({ name: 'Roadmap Planner', version: 'test', platform: 'linux', userDataPath: '/tmp' }),
      backups: {
        write: async (request) => {
          if (request.planName === failFor) throw new Error('The disk is full. Nothing was saved.');
          written.push(request);
          const savedAt = new Date(clock.getTime() + 60_000).toISOString();
          stored.push(entry(request.planId, savedAt));
          return { status: 'saved', file: `${request.planId}/x.roadmap.json`, savedAt };
        },
        list: async () => ({ folder: '/tmp/Backups', backups: [...stored] }),
        read: async () => '',
        openFolder: async () => '/tmp/Backups',
      },
    };
    ctx = { store: createPlanStore(db), host, now: () => clock, appVersion: 'test' };
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('backs up each changed plan once, whole, and a second pass finds nothing to do', async () => {
    const north = await createPlan(ctx, { name: 'North pilot', systemName: 'North District', templateId: null });
    const south = await createPlan(ctx, { name: 'South pilot', systemName: 'South District', templateId: null });
    const gone = await createPlan(ctx, { name: 'Old draft', systemName: 'North District', templateId: null });
    await deletePlan(ctx, gone);

    expect(await backUpChangedPlans(ctx)).toEqual({ backedUp: 2, waiting: 0, failed: [] });
    expect(written.map((w) => w.planName).sort()).toEqual(['North pilot', 'South pilot']);
    expect((JSON.parse(written[0]?.content ?? '{}') as { plan: { id: string } }).plan.id).toBe(written[0]?.planId);
    expect(backupsKnown()).toBe(true);
    expect(lastBackedUpAt(north)).toBe('2026-11-30T10:01:00.000Z');
    expect(lastBackedUpAt(south)).toBe('2026-11-30T10:01:00.000Z');
    expect(lastBackedUpAt(gone)).toBeNull();

    expect(await backUpChangedPlans(ctx)).toEqual({ backedUp: 0, waiting: 0, failed: [] });
    expect(written).toHaveLength(2);
  });

  it('goes on past a plan whose backup fails, and names it', async () => {
    await createPlan(ctx, { name: 'North pilot', systemName: 'North District', templateId: null });
    const south = await createPlan(ctx, { name: 'South pilot', systemName: 'South District', templateId: null });
    failFor = 'South pilot';
    const result = await backUpChangedPlans(ctx);
    expect(result.backedUp).toBe(1);
    expect(result.failed).toEqual([{ planId: south, message: 'The disk is full. Nothing was saved.' }]);
    // The next pass, with the disk freed, takes the one left.
    failFor = null;
    expect((await backUpChangedPlans(ctx)).backedUp).toBe(1);
    expect(written.map((w) => w.planName).sort()).toEqual(['North pilot', 'South pilot']);
  });

  it('counts a plan the main process answers "too soon" for as waiting, for the next pass', async () => {
    await createPlan(ctx, { name: 'North pilot', systemName: 'North District', templateId: null });
    const backups = ctx.host.backups;
    if (!backups) throw new Error('no backups');
    ctx = { ...ctx, host: { ...ctx.host, backups: { ...backups, write: async () => ({ status: 'too-soon', nextAt: '2026-11-30T10:03:00.000Z' }) } } };
    expect(await backUpChangedPlans(ctx)).toEqual({ backedUp: 0, waiting: 1, failed: [] });
  });
});

describe('backup status', () => {
  it('keeps the newest backup per plan from a list', () => {
    const a = '00000000-0000-4000-8000-0000000000aa';
    recordBackupList([entry(a, '2026-11-20T10:00:00.000Z'), entry(a, '2026-11-29T10:00:00.000Z'), entry(a, '2026-11-25T10:00:00.000Z')]);
    expect(lastBackedUpAt(a)).toBe('2026-11-29T10:00:00.000Z');
    recordBackupList([]);
    expect(lastBackedUpAt(a)).toBeNull();
  });
});
