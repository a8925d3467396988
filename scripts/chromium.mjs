// Finds a Chromium to run the renderer in (tests, benchmark, browser mode of `npm start`).
// Playwright's own browser download cannot run everywhere; a system Chromium always can.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Path of an installed Chromium or Chrome, or null. CHROMIUM_PATH wins when set. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/**
 * The readers the tests open shared files with, as people's tools would: poppler's pdftotext and
 * pdfinfo for the PDFs, xmllint for the project file. Each: a command it provides, and its
 * Debian package.
 */
export const FILE_READERS = [
  { command: 'pdftotext', package: 'poppler-utils' },
  { command: 'pdfinfo', package: 'poppler-utils' },
  { command: 'xmllint', package: 'libxml2-utils' },
];

function aptInstall(packages, log) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) return false;
  log(`Installing the system packages ${packages.join(', ')} (apt-get install)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', timeout: 10 * 60_000 });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return true;
}

/**
 * Makes sure the file readers are installed (on Debian/Ubuntu as root, installs the packages).
 * Returns the commands still missing, for the caller to report; tests that need one fail with
 * its name rather than pass without reading the file.
 */
export function ensureFileReaders({ log = console.log } = {}) {
  const missing = () => FILE_READERS.filter((r) => !hasCommand(r.command));
  const before = missing();
  if (before.length > 0) {
    try {
      aptInstall([...new Set(before.map((r) => r.package))], log);
    } catch (error) {
      log(`Could not install the file readers: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return missing().map((r) => `${r.command} (Debian package ${r.package})`);
}

/**
 * Finds Chromium or, on Debian/Ubuntu as root, installs the system package. Otherwise throws
 * with exactly what to install.
 */
export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return found;
  if (aptInstall(['chromium'], log)) {
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium or Chrome found. Install one and run again:\n' +
    '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
    '  macOS:          install Google Chrome\n' +
    '  Windows:        install Google Chrome\n' +
    'or set CHROMIUM_PATH to the browser executable.',
  );
}

/** Flags for running Chromium here: quiet, no background network, no sandbox when root. */
export function chromiumArgs() {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}
