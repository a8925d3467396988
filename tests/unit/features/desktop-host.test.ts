import { describe, expect, it } from 'vitest';
import { createDesktopHost, withoutIpcPrefix } from '../../../renderer/src/host/desktop-host';
import type { PreloadApi } from '../../../electron/shared/ipc';

describe('desktop host', () => {
  it('shows the main process message without Electron’s prefix', () => {
    expect(withoutIpcPrefix(new Error("Error invoking remote method 'file:save': Error: The disk is full. Nothing was saved.")).message)
      .toBe('The disk is full. Nothing was saved.');
    expect(withoutIpcPrefix(new Error('Plain message')).message).toBe('Plain message');
  });

  it('passes requests through the bridge and reads the answers', async () => {
    const calls: unknown[] = [];
    const bridge: PreloadApi = {
      saveFile: async (r) => { calls.push(['save', r.suggestedName]); return { status: 'saved', location: '/home/p/plan.roadmap.json' }; },
      openFile: async () => ({ status: 'cancelled' }),
      printToPdf: async (r) => { calls.push(['pdf', r.suggestedName]); throw new Error("Error invoking remote method 'print:pdf': Error: Could not write the PDF."); },
      appInfo: async () => ({ name: 'Roadmap Planner', version: '1', platform: 'linux', userDataPath: '/home/p/.config/Roadmap Planner' }),
      writeBackup: async (r) => { calls.push(['backup', r.planId]); return { status: 'saved', file: `${r.planId}/x.roadmap.json`, savedAt: '2026-11-30T10:00:00.000Z' }; },
      listBackups: async () => ({ folder: '/home/p/.config/Roadmap Planner/Backups', backups: [] }),
      readBackup: async (r) => { throw new Error(`Error invoking remote method 'backups:read': BackupError: The backup “${r.file}” is damaged: it is not a complete plan file.`); },
      openBackupsFolder: async () => ({ folder: '/home/p/.config/Roadmap Planner/Backups' }),
    };
    const host = createDesktopHost(bridge);
    expect(await host.saveFile({ suggestedName: 'plan.roadmap.json', content: '{}', filters: [] })).toEqual({ status: 'saved', location: '/home/p/plan.roadmap.json' });
    await expect(host.printToPdf('Plan.pdf')).rejects.toThrow(/^Could not write the PDF\.$/);
    expect(calls).toEqual([['save', 'plan.roadmap.json'], ['pdf', 'Plan.pdf']]);
  });

  it('offers the backups, with the main process messages as they are', async () => {
    const bridge = {
      writeBackup: async (r: { planId: string }) => ({ status: 'saved' as const, file: `${r.planId}/x.roadmap.json`, savedAt: '2026-11-30T10:00:00.000Z' }),
      listBackups: async () => ({ folder: '/p/Backups', backups: [] }),
      readBackup: async (r: { file: string }) => { throw new Error(`Error invoking remote method 'backups:read': BackupError: The backup “${r.file}” is damaged.`); },
      openBackupsFolder: async () => ({ folder: '/p/Backups' }),
    } as unknown as PreloadApi;
    const backups = createDesktopHost(bridge).backups;
    expect(await backups?.write({ planId: 'p1', planName: 'Pilot', content: '{}' })).toEqual({ status: 'saved', file: 'p1/x.roadmap.json', savedAt: '2026-11-30T10:00:00.000Z' });
    expect(await backups?.openFolder()).toBe('/p/Backups');
    await expect(backups?.read('p1/x.roadmap.json')).rejects.toThrow(/^The backup “p1\/x\.roadmap\.json” is damaged\.$/);
  });
});
