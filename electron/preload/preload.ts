/**
 * The bridge: one function per IPC channel, nothing else. It runs in a sandboxed preload, so it
 * is bundled to one CommonJS file whose only import is `electron`. Contract imports are type-only
 * on purpose: they check every name against electron/shared/ipc.ts while keeping zod out of the
 * renderer's preload.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BRIDGE_KEY, Channel, PreloadApi, RequestOf, ResultOf } from '../shared/ipc';

const bridgeKey: typeof BRIDGE_KEY = 'roadmapHost';

function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<ResultOf<C>>;
}

const api: PreloadApi = {
  saveFile: (request) => invoke('file:save', request),
  openFile: (request) => invoke('file:open', request),
  printToPdf: (request) => invoke('print:pdf', request),
  appInfo: () => invoke('app:info', undefined),
  writeBackup: (request) => invoke('backups:write', request),
  listBackups: () => invoke('backups:list', undefined),
  readBackup: (request) => invoke('backups:read', request),
  openBackupsFolder: () => invoke('backups:open-folder', undefined),
};

contextBridge.exposeInMainWorld(bridgeKey, api);
