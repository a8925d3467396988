/**
 * Electron's security checklist, read off the source: the settings and calls that would undo the
 * hardening tested in security.test.ts, main-wiring.test.ts and preload.test.ts must not appear
 * anywhere in the shell or the renderer. Each test names its checklist item (see
 * electron/SECURITY.md). Comments are left out of the scan, so explaining a rule never breaks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The code of a file without its comments (block comments and whole-line // comments). */
function code(file: string): string {
  return readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

const shell = sourceFiles('electron');
const renderer = sourceFiles('renderer/src');

/** Files whose code matches, for an error message that says where. */
function filesMatching(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(code(file)));
}

describe('Electron security checklist, read off the source', () => {
  it('scans the shell and the renderer', () => {
    expect(shell).toEqual(expect.arrayContaining(['electron/main/main.ts', 'electron/main/security.ts', 'electron/preload/preload.ts', 'electron/shared/ipc.ts']));
    expect(renderer.length).toBeGreaterThan(50);
  });

  it.each([
    ['2. Node.js integration', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['3. context isolation', /contextIsolation\s*:\s*false/],
    ['4. sandbox', /sandbox\s*:\s*false|no-sandbox/],
    ['6. webSecurity', /webSecurity\s*:\s*false|disable-web-security/],
    ['8. allowRunningInsecureContent', /allowRunningInsecureContent\s*:\s*true/],
    ['9. experimental features', /experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/],
    ['10. enableBlinkFeatures', /enableBlinkFeatures|enable-blink-features/],
    ['11, 12. <webview>', /webviewTag\s*:\s*true|allowpopups/],
    ['7. a CSP bypass for the app scheme', /bypassCSP\s*:\s*true/],
    ['4, 6. a command-line switch weakening Chromium', /appendSwitch\s*\(/],
    ['5. a session of its own, outside the permission handlers', /fromPartition\s*\(|partition\s*:/],
  ])('item %s: nothing in the shell turns it off', (_item, pattern) => {
    expect(filesMatching(shell, pattern)).toEqual([]);
  });

  it('items 11, 12: the renderer never renders a <webview>', () => {
    expect(filesMatching(renderer, /<webview\b|allowpopups/i)).toEqual([]);
  });

  it('items 1, 18: windows load only the app page over app://, never a file:// page or a remote one', () => {
    expect(filesMatching(shell, /\.loadFile\s*\(|registerFileProtocol|interceptFileProtocol|interceptHttpProtocol/)).toEqual([]);
    const loads = shell.flatMap((file) => [...code(file).matchAll(/\.loadURL\s*\(([^)]*)\)/g)].map((match) => `${file}: ${match[1]}`));
    expect(loads).toEqual(['electron/main/main.ts: START_URL']);
  });

  it('item 14: every window is made from mainWindowOptions (the hardened web preferences)', () => {
    const windows = shell.flatMap((file) => [...code(file).matchAll(/new BrowserWindow\s*\(([^)]*)/g)].map((match) => `${file}: ${match[1]}`));
    expect(windows).toEqual(["electron/main/main.ts: mainWindowOptions(join(__dirname, 'preload.cjs'"]);
  });

  it('item 15: shell.openExternal is called in one place, with what guardWebContents checked', () => {
    const calls = shell.flatMap((file) => [...code(file).matchAll(/^.*\bshell\s*\.\s*openExternal\b.*$/gm)].map((match) => `${file}: ${match[0].trim()}`));
    expect(calls).toEqual(['electron/main/main.ts: guardWebContents(contents, { openExternal: (url) => shell.openExternal(url) });']);
    // guardWebContents hands on only the address safeExternalUrl returned.
    const guard = code('electron/main/security.ts');
    expect([...guard.matchAll(/^.*\bdeps\.openExternal\(.*$/gm)].map((match) => match[0].trim())).toEqual([
      'if (safe) deps.openExternal(safe).catch(() => undefined);',
    ]);
    expect(guard).toMatch(/const safe = safeExternalUrl\(url\);/);
  });

  it('item 15: other shell calls open only what the main process chose (the Backups folder), never a page-given path', () => {
    const calls = shell.flatMap((file) => [...code(file).matchAll(/\bshell\s*\.\s*(\w+)/g)].map((match) => `${file}: shell.${match[1]}`));
    expect(calls.sort()).toEqual(['electron/main/electron-deps.ts: shell.openPath', 'electron/main/main.ts: shell.openExternal']);
    expect(code('electron/main/electron-deps.ts')).toMatch(/openFolder: \(path\) => shell\.openPath\(path\)/);
    // The one caller opens the backups root, which the renderer never names.
    expect([...code('electron/main/ipc-handlers.ts').matchAll(/deps\.openFolder\((\w+)\)/g)].map((match) => match[1])).toEqual(['folder']);
    expect(code('electron/main/ipc-handlers.ts')).toMatch(/const folder = backups\(\)\.root;/);
  });

  it('item 17: IPC is answered only through registerHandlers, which checks every sender', () => {
    expect(filesMatching(shell, /ipcMain\s*\.\s*(on|once|addListener|handleOnce)\s*\(/)).toEqual([]);
    expect(filesMatching(shell, /ipcMain\s*\.\s*handle\s*\(/)).toEqual(['electron/main/ipc-handlers.ts']);
    expect(code('electron/main/ipc-handlers.ts')).toMatch(/if \(origin === undefined \|\| !isTrustedAppUrl\(origin\)\)/);
  });

  it('item 20: the preload hands the page named functions over invoke, never ipcRenderer itself', () => {
    const preload = code('electron/preload/preload.ts');
    expect(preload.match(/exposeInMainWorld\s*\(/g)).toHaveLength(1);
    expect([...preload.matchAll(/ipcRenderer\s*\.\s*(\w+)/g)].map((match) => match[1])).toEqual(['invoke']);
    // ipcRenderer appears only as the import and as the receiver of that one invoke call.
    expect(preload.match(/\bipcRenderer\b/g)).toHaveLength(2);
    expect(filesMatching(shell.filter((file) => file !== 'electron/preload/preload.ts'), /contextBridge|ipcRenderer/)).toEqual([]);
  });
});
