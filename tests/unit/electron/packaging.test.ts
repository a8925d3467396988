import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const config = require('../../../electron-builder.config.cjs') as Configuration;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string; devDependencies: Record<string, string> };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('names the app and pins the Electron that is tested', () => {
    expect(config.appId).toBe('org.roadmapplanner.app');
    expect(config.productName).toBe('Roadmap Planner');
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
  });

  it('pins an Electron that was supported when it was last checked (security checklist item 16)', () => {
    // Electron supports its latest three stable majors. On 2026-11-30 those were 43, 44 and 45
    // (npm's latest: 45.5.0). A version below is out of support; raising this floor is part of
    // each upgrade (see electron/SECURITY.md, item 16).
    const SUPPORTED_FROM_MAJOR = 43;
    const pinned = pkg.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(SUPPORTED_FROM_MAJOR);
  });

  it('packs only the built bundles and package.json into an asar', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.every((pattern) => pattern === 'package.json' || pattern.startsWith('dist/'))).toBe(true);
    expect(files).toContain('!node_modules/**');
    expect(pkg.main.startsWith('dist/electron/')).toBe(true);
  });

  it('flips the fuses that close Node-level back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('builds an installer per platform', () => {
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Education');
  });

  it('signs macOS builds with the hardened runtime and entitlements that exist', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = config.mac?.entitlements ?? '';
    expect(existsSync(`${root}${entitlements}`)).toBe(true);
    expect(readFileSync(`${root}${entitlements}`, 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('has a 512×512 icon and its SVG source', () => {
    expect(pngSize(`${root}build/icon.png`)).toEqual({ width: 512, height: 512 });
    expect(readFileSync(`${root}build/icon.svg`, 'utf8')).toContain('<svg');
  });
});
