import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, channels } from '../../../electron/shared/ipc';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Invocation {
  channel: string;
  args: unknown[];
}

let exposed: Map<string, unknown>;
let invocations: Invocation[];
let required: string[];

/**
 * Bundles the preload the way scripts/build-electron.mjs does and runs it in a bare context whose
 * `require` knows only `electron`, like Electron's sandboxed preload.
 */
beforeAll(async () => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/preload/preload.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  exposed = new Map();
  invocations = [];
  required = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invocations.push({ channel, args });
        return Promise.resolve(`result of ${channel}`);
      },
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
});

function bridge(): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return exposed.get(BRIDGE_KEY) as Record<string, (...args: unknown[]) => Promise<unknown>>;
}

describe('preload bridge', () => {
  it('requires nothing but electron', () => {
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes one object, under the contract key', () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_KEY]);
  });

  it('offers exactly the functions of PreloadApi', () => {
    const api = bridge();
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'listBackups', 'openBackupsFolder', 'openFile', 'printToPdf', 'readBackup', 'saveFile', 'writeBackup']);
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('forwards each call to its channel with the request as the only argument', async () => {
    const api = bridge();
    const save = { suggestedName: 'Plan.roadmap.json', content: '{}', filters: [] };
    invocations.length = 0;
    expect(await api.saveFile?.(save)).toBe('result of file:save');
    await api.openFile?.({ filters: [] });
    await api.printToPdf?.({ suggestedName: 'Plan.pdf' });
    await api.appInfo?.();
    const backup = { planId: 'p', planName: 'Pilot', content: '{}' };
    await api.writeBackup?.(backup);
    await api.listBackups?.();
    await api.readBackup?.({ file: 'p/x.roadmap.json' });
    await api.openBackupsFolder?.();
    expect(invocations).toEqual([
      { channel: 'file:save', args: [save] },
      { channel: 'file:open', args: [{ filters: [] }] },
      { channel: 'print:pdf', args: [{ suggestedName: 'Plan.pdf' }] },
      { channel: 'app:info', args: [undefined] },
      { channel: 'backups:write', args: [backup] },
      { channel: 'backups:list', args: [undefined] },
      { channel: 'backups:read', args: [{ file: 'p/x.roadmap.json' }] },
      { channel: 'backups:open-folder', args: [undefined] },
    ]);
    expect(new Set(invocations.map((call) => call.channel))).toEqual(new Set(Object.keys(channels)));
  });
});
