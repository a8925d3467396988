// Where the Electron binary is, or why there is none. The `electron` package is installed with
// scripts ignored (see .npmrc), so its binary arrives only when its own installer has run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageDir = join(root, 'node_modules', 'electron');

/** @returns {{ path: string } | { path: null, reason: string }} */
export function electronBinary() {
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'the Electron binary has not been downloaded (its installer needs internet access)' };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { path: null, reason: `the Electron binary is missing at ${binary}` };
}

export const electronInstaller = join(packageDir, 'install.js');
