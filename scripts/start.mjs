// `npm start`: the desktop app where Electron can run; otherwise the same app in a Chromium
// app window. Says which mode it chose and why.
//
// Browser mode keeps plans safe across runs: IndexedDB belongs to the origin (scheme, host
// AND port) and to the browser profile, so the port and the profile folder are fixed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { electronBinary, electronInstaller } from './electron-binary.mjs';

export const BROWSER_MODE_PORT = 47_821;
const root = fileURLToPath(new URL('..', import.meta.url));

function npmRun(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Where the browser mode keeps its profile, beside where the desktop app keeps its data. */
function browserProfileDir() {
  const base = process.platform === 'win32'
    ? process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
    : process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Application Support')
      : process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'Roadmap Planner', 'browser-profile');
}

function desktopBinary() {
  let found = electronBinary();
  if (!found.path && existsSync(electronInstaller)) {
    console.log('Fetching the Electron binary (first start only)…');
    const install = spawnSync(process.execPath, [electronInstaller], { cwd: join(root, 'node_modules', 'electron'), encoding: 'utf8' });
    found = electronBinary();
    if (!found.path) {
      const cause = `${install.stderr ?? ''}`.split('\n').find((line) => /Error/.test(line))?.trim();
      console.log(`Could not fetch the Electron binary${cause ? ` (${cause})` : ''}.`);
    }
  }
  return found;
}

async function isOurAppServing(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return response.ok && (await response.text()).includes('<title>Roadmap Planner</title>');
  } catch {
    return false;
  }
}

async function startBrowserMode(reason) {
  console.log(`\nStarting in browser mode: ${reason}.`);
  npmRun('build:renderer');
  const url = `http://127.0.0.1:${BROWSER_MODE_PORT}/`;
  let server = null;
  if (await isOurAppServing(url)) {
    console.log(`Roadmap Planner is already being served at ${url}; opening it.`);
  } else {
    const { preview } = await import('vite');
    try {
      server = await preview({ root, configFile: join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: BROWSER_MODE_PORT, strictPort: true, open: false } });
    } catch (error) {
      console.error(`Port ${BROWSER_MODE_PORT} is taken by another program. The app always uses this port so your plans stay in the same place; close that program and run npm start again.\n${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
    console.log(`Serving the app at ${url}`);
  }
  const chromium = findChromium();
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (!chromium || headless) {
    console.log(chromium ? 'No display: open the address above in Chromium or Chrome.' : 'No Chromium or Chrome found: open the address above in Chromium or Chrome (install with: apt-get install chromium).');
    console.log('Plans are kept by that browser for this address. Press Ctrl+C to stop.');
    return;
  }
  const profile = browserProfileDir();
  mkdirSync(profile, { recursive: true });
  console.log(`Opening ${chromium} with its own profile at ${profile} (your plans live there).`);
  const args = [...chromiumArgs().filter((a) => a !== '--disable-gpu'), `--user-data-dir=${profile}`, `--app=${url}`, '--window-size=1440,900'];
  const browser = spawn(chromium, args, { stdio: 'ignore' });
  browser.on('exit', () => {
    void server?.close();
    process.exit(0);
  });
}

const mode = process.argv.includes('--browser') ? 'browser' : 'auto';
if (mode === 'browser') {
  await startBrowserMode('asked for with --browser');
} else {
  const electron = desktopBinary();
  if (electron.path) {
    console.log(`Starting the desktop app (Electron: ${electron.path}).`);
    npmRun('build');
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    await startBrowserMode(`Electron cannot run here because ${electron.reason}`);
  }
}
