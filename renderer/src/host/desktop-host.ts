import type { PreloadApi } from '../../../electron/shared/ipc';
import type { Host } from './host';

export function createDesktopHost(bridge: PreloadApi): Host {
  return {
    kind: 'desktop',
    saveFile: (request) => bridge.saveFile(request),
    openFile: (request) => bridge.openFile(request),
    printToPdf: (suggestedName) => bridge.printToPdf({ suggestedName }),
    appInfo: () => bridge.appInfo(),
    openExternal: async (url) => (await bridge.openExternal(url)).opened,
  };
}
