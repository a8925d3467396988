import type { PreloadApi } from '../../../electron/shared/ipc';
import type { Host } from './host';
import { errorMessage } from '../domain/messages';

/** Electron prefixes errors thrown in the main process; the planner needs only the sentence. */
export function withoutIpcPrefix(error: unknown): Error {
  const message = errorMessage(error);
  return new Error(message.replace(/^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?/, ''), { cause: error });
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw withoutIpcPrefix(error);
  }
}

export function createDesktopHost(bridge: PreloadApi): Host {
  return {
    kind: 'desktop',
    saveFile: (request) => call(() => bridge.saveFile(request)),
    openFile: (request) => call(() => bridge.openFile(request)),
    printToPdf: (suggestedName) => call(() => bridge.printToPdf({ suggestedName })),
    appInfo: () => call(() => bridge.appInfo()),
    backups: {
      write: (request) => call(() => bridge.writeBackup(request)),
      list: () => call(() => bridge.listBackups()),
      read: async (file) => (await call(() => bridge.readBackup({ file }))).content,
      openFolder: async () => (await call(() => bridge.openBackupsFolder())).folder,
    },
  };
}
