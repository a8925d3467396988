/**
 * Runs the bundled main process against a stand-in for the `electron` module (the real one cannot
 * load outside Electron) and checks the wiring: what happens before 'ready', what after, and what
 * the first window gets.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/shared/ipc';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const nodeRequire = createRequire(import.meta.url);

let bundle: string;
let dist: string;

beforeAll(async () => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/main/main.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]?.text ?? '';
  // The layout the bundle expects: dist/electron/main.cjs beside dist/renderer/.
  dist = mkdtempSync(join(tmpdir(), 'roadmap-main-'));
  mkdirSync(join(dist, 'electron'));
  mkdirSync(join(dist, 'renderer'));
  writeFileSync(join(dist, 'renderer', 'index.html'), '<title>Roadmap Planner</title>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

type Fn = (...args: unknown[]) => unknown;

function fakeElectron({ gotLock = true } = {}) {
  const log: string[] = [];
  const appListeners = new Map<string, Fn>();
  const windows: FakeWindow[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcChannels: string[] = [];
  const permissionHandlers: { request?: Fn; check?: Fn } = {};
  const openedExternally: string[] = [];
  let privileged: unknown;

  class FakeWindow {
    readonly listeners = new Map<string, Fn>();
    loaded: string | undefined;
    shown = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      log.push('new BrowserWindow');
      windows.push(this);
    }
    once(event: string, listener: Fn) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Fn) {
      this.listeners.set(event, listener);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      log.push('focus');
    }
  }

  const electron = {
    app: {
      enableSandbox: () => log.push('enableSandbox'),
      requestSingleInstanceLock: () => gotLock,
      quit: () => log.push('quit'),
      on: (event: string, listener: Fn) => appListeners.set(event, listener),
      whenReady: () => ready,
      getPath: (name: string) => `/fake/${name}`,
      getName: () => 'Roadmap Planner',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        log.push('registerSchemesAsPrivileged');
        privileged = schemes;
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        log.push(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Fn) => {
          log.push('setPermissionRequestHandler');
          permissionHandlers.request = handler;
        },
        setPermissionCheckHandler: (handler: Fn) => {
          log.push('setPermissionCheckHandler');
          permissionHandlers.check = handler;
        },
      },
    },
    ipcMain: { handle: (channel: string) => ipcChannels.push(channel) },
    BrowserWindow: Object.assign(FakeWindow, { fromWebContents: () => null, getAllWindows: () => windows }),
    dialog: {},
    shell: {
      openExternal: (url: string) => {
        openedExternally.push(url);
        return Promise.resolve();
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: unknown) => log.push(`setApplicationMenu ${menu === null ? 'none' : 'built'}`),
    },
  };

  const run = () => {
    const module = { exports: {} };
    const requireShim = (name: string) => (name === 'electron' ? electron : nodeRequire(name));
    const filename = join(dist, 'electron', 'main.cjs');
    new Function('require', 'module', 'exports', '__filename', '__dirname', bundle)(requireShim, module, module.exports, filename, join(dist, 'electron'));
  };
  const becomeReady = async () => {
    markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { run, becomeReady, log, appListeners, windows, protocolHandlers, ipcChannels, permissionHandlers, openedExternally, privileged: () => privileged };
}

describe('main process wiring', () => {
  it('registers the app:// scheme and the sandbox before ready, and nothing else yet', () => {
    const fake = fakeElectron();
    fake.run();
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(fake.privileged()).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect([...fake.appListeners.keys()]).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']));
  });

  it('on ready guards the session, serves app://, handles every channel and opens the window', async () => {
    const fake = fakeElectron();
    fake.run();
    await fake.becomeReady();
    expect(fake.log).toEqual(
      expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'protocol.handle app', 'new BrowserWindow']),
    );
    expect(fake.log.indexOf('protocol.handle app')).toBeLessThan(fake.log.indexOf('new BrowserWindow'));
    // Electron's default menu (with developer tools) is replaced before the window opens.
    expect(fake.log.indexOf(process.platform === 'darwin' ? 'setApplicationMenu built' : 'setApplicationMenu none')).toBeGreaterThanOrEqual(0);
    expect(fake.log.findIndex((l) => l.startsWith('setApplicationMenu'))).toBeLessThan(fake.log.indexOf('new BrowserWindow'));
    expect(fake.ipcChannels.sort()).toEqual(Object.keys(channels).sort());

    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window?.loaded).toBe('app://roadmap-planner/index.html');
    expect(window?.options.title).toBe('Roadmap Planner');
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({
      preload: join(dist, 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    window?.listeners.get('ready-to-show')?.();
    expect(window?.shown).toBe(true);
  });

  it('serves the renderer that sits beside the bundle', async () => {
    const fake = fakeElectron();
    fake.run();
    await fake.becomeReady();
    const handler = fake.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://roadmap-planner/index.html'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('<title>Roadmap Planner</title>');
  });

  it('hands over to the running instance instead of starting a second one', async () => {
    const fake = fakeElectron({ gotLock: false });
    fake.run();
    await fake.becomeReady();
    expect(fake.log).toContain('quit');
    expect(fake.windows).toHaveLength(0);
    expect(fake.appListeners.has('second-instance')).toBe(false);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const fake = fakeElectron();
    fake.run();
    await fake.becomeReady();
    fake.appListeners.get('second-instance')?.();
    expect(fake.log).toContain('focus');
    expect(fake.windows).toHaveLength(1);
  });

  it('denies permissions on the session every window uses, except durable storage for the app', async () => {
    const fake = fakeElectron();
    fake.run();
    await fake.becomeReady();
    const { request, check } = fake.permissionHandlers;
    const answers: boolean[] = [];
    const answer = (granted: boolean) => answers.push(granted);
    request?.(null, 'media', answer, { requestingUrl: 'app://roadmap-planner/index.html' });
    request?.(null, 'notifications', answer, { requestingUrl: 'app://roadmap-planner/index.html' });
    request?.(null, 'persistent-storage', answer, { requestingUrl: 'https://evil.example/' });
    request?.(null, 'persistent-storage', answer, { requestingUrl: 'app://roadmap-planner/index.html' });
    expect(answers).toEqual([false, false, false, true]);
    expect(check?.(null, 'geolocation', 'app://roadmap-planner', {})).toBe(false);
    expect(check?.(null, 'persistent-storage', 'https://evil.example', {})).toBe(false);
    // Every window is created without a partition of its own, so these handlers cover it.
    expect(fake.windows[0]?.options.webPreferences).not.toHaveProperty('partition');
    expect(fake.windows[0]?.options.webPreferences).not.toHaveProperty('session');
  });

  it('guards every web contents Electron creates: no navigation, no windows, no <webview>, only safe links outside', async () => {
    const fake = fakeElectron();
    fake.run();
    await fake.becomeReady();
    const listeners = new Map<string, Fn>();
    let openHandler: Fn | undefined;
    const contents = {
      on(event: string, listener: Fn) {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler(handler: Fn) {
        openHandler = handler;
      },
    };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);

    const fire = (event: string, details: Record<string, unknown> = {}) => {
      let prevented = false;
      listeners.get(event)?.({ ...details, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(fire('will-attach-webview')).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/hosts' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://roadmap-planner/index.html' })).toBe(false);
    expect(openHandler?.({ url: 'https://example.org/guide' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'smb://attacker.example/share/payload.exe' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'ms-msdt:/id PCWDiagnostic' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Only the https link reached the operating system, through shell.openExternal.
    expect(fake.openedExternally).toEqual(['https://example.org/guide']);
  });
});
