import { BRIDGE_KEY, type PreloadApi } from '../../../electron/shared/ipc';
import { createBrowserHost } from './browser-host';
import { createDesktopHost } from './desktop-host';
import type { Host } from './host';

export type { Host } from './host';

let host: Host | undefined;

/** The shell the app runs in: the desktop bridge when the preload put it there, else the browser. */
export function getHost(): Host {
  if (!host) {
    const bridge = (window as unknown as Record<string, PreloadApi | undefined>)[BRIDGE_KEY];
    host = bridge ? createDesktopHost(bridge) : createBrowserHost(__APP_VERSION__);
  }
  return host;
}
