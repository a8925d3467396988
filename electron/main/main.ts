/**
 * The desktop shell's entry point: one instance, one hardened window showing the built renderer
 * from app://roadmap-planner. Decisions live in the modules beside this one; this file wires them
 * to Electron in the order Electron requires.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_SCHEME } from '../shared/ipc';
import { applicationMenuTemplate } from './app-menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { electronIpcDeps } from './electron-deps';
import { registerHandlers } from './ipc-handlers';
import { mainWindowOptions, START_URL } from './main-window';
import { denyPermissions, guardWebContents } from './security';

// Both must happen before 'ready': schemes cannot gain privileges later, and the sandbox flag
// applies to every renderer the app will ever start.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  // The bundles sit side by side in dist/electron; dist/renderer is their sibling.
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(START_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// Two instances would share one IndexedDB and one set of windows; the second hands over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Every web contents, including any Electron creates on its own, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    const menu = applicationMenuTemplate(process.platform);
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
    denyPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(__dirname, '..', 'renderer') }));
    registerHandlers(ipcMain, electronIpcDeps());
    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow();
      else focusMainWindow();
    });
  });
}
