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
    };
    const host = createDesktopHost(bridge);
    expect(await host.saveFile({ suggestedName: 'plan.roadmap.json', content: '{}', filters: [] })).toEqual({ status: 'saved', location: '/home/p/plan.roadmap.json' });
    await expect(host.printToPdf('Plan.pdf')).rejects.toThrow(/^Could not write the PDF\.$/);
    expect(calls).toEqual([['save', 'plan.roadmap.json'], ['pdf', 'Plan.pdf']]);
  });
});
