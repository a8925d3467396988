/**
 * Electron's fuses (security checklist item 19): switches compiled into the Electron binary that
 * electron-builder flips while packaging (electronFuses in electron-builder.config.cjs). Three
 * levels, from always to where a packaged app exists:
 * - the configuration asks for every fuse the checklist wants, in words this electron-builder
 *   passes on to @electron/fuses (an unknown key would be dropped without a word);
 * - the fuse wire reader below works, on a made-up binary and on the real Electron when present;
 * - the packaged app's binary (release/, after `npm run dist`) carries exactly those fuses.
 *   Without a packaged app that part is skipped; CI sets REQUIRE_PACKAGED_APP=1 after
 *   `npm run dist`, which turns "no packaged app" into a failure.
 */
import type { Configuration } from 'electron-builder';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const config = require('../../../electron-builder.config.cjs') as Configuration;
const fuses = config.electronFuses ?? {};

/** The marker @electron/fuses looks for; the fuse wire follows it: version, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STATE_NAMES: Record<number, FuseState> = { 0x30: 'disabled', 0x31: 'enabled', 0x72: 'removed', 0x90: 'inherit' };
type FuseState = 'disabled' | 'enabled' | 'removed' | 'inherit';

/** Fuse wire version 1, in wire order, by the names electron-builder's electronFuses uses. */
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
type FuseName = (typeof FUSE_ORDER)[number];

/** What Electron's security checklist and fuses guide ask of an app that needs none of these powers. */
const REQUIRED: Partial<Record<FuseName, FuseState>> = {
  runAsNode: 'disabled',
  enableNodeOptionsEnvironmentVariable: 'disabled',
  enableNodeCliInspectArguments: 'disabled',
  enableEmbeddedAsarIntegrityValidation: 'enabled',
  onlyLoadAppFromAsar: 'enabled',
  enableCookieEncryption: 'enabled',
  grantFileProtocolExtraPrivileges: 'disabled',
};

/** Every fuse wire in a binary (a universal macOS binary has one per architecture). */
function readFuseWires(bytes: Uint8Array): Array<Partial<Record<FuseName, FuseState>>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wires: Array<Partial<Record<FuseName, FuseState>>> = [];
  for (let at = buffer.indexOf(SENTINEL); at !== -1; at = buffer.indexOf(SENTINEL, at + 1)) {
    const start = at + SENTINEL.length;
    const version = buffer[start];
    if (version !== 1) throw new Error(`Fuse wire version ${version ?? 'missing'} is not the version 1 this reader knows.`);
    const length = buffer[start + 1] ?? 0;
    const wire: Partial<Record<FuseName, FuseState>> = {};
    FUSE_ORDER.slice(0, length).forEach((name, index) => {
      const byte = buffer[start + 2 + index] ?? -1;
      const state = STATE_NAMES[byte];
      if (!state) throw new Error(`Fuse ${name} has the unknown state 0x${byte.toString(16)}.`);
      wire[name] = state;
    });
    wires.push(wire);
  }
  if (wires.length === 0) throw new Error('No fuse wire in this file: it is not an Electron binary.');
  return wires;
}

/** The file holding the fuse wire: the executable, or on macOS the Electron Framework. */
function fuseFile(executableOrApp: string): string {
  const app = /^(.*?\.app)(?:[/\\]|$)/.exec(executableOrApp)?.[1];
  return app ? join(app, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework') : executableOrApp;
}

/** The packaged apps electron-builder left in release/: linux-unpacked, win-unpacked, mac*. */
function packagedApps(): string[] {
  const release = join(root, 'release');
  if (!existsSync(release)) return [];
  const names = ['roadmap-planner', 'Roadmap Planner.exe', 'Roadmap Planner.app'];
  return readdirSync(release, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (/-unpacked$/.test(entry.name) || /^mac/.test(entry.name)))
    .flatMap((entry) => names.map((name) => join(release, entry.name, name)))
    .filter((path) => existsSync(path));
}

function fakeBinary(...wires: number[][]): Uint8Array {
  const parts = wires.flatMap((states) => [Buffer.from('\x7fELF some code '), Buffer.from(SENTINEL), Buffer.from([1, states.length, ...states])]);
  return new Uint8Array(Buffer.concat([...parts, Buffer.from(' more code')]));
}

describe('electronFuses in electron-builder.config.cjs', () => {
  it.each(Object.entries(REQUIRED))('sets %s to %s', (name, state) => {
    expect(fuses[name as FuseName]).toBe(state === 'enabled');
  });

  it('uses only names this electron-builder hands on to @electron/fuses', () => {
    // electron-builder copies each fuse it knows by name and silently drops the rest.
    const builderRequire = createRequire(require.resolve('electron-builder/package.json'));
    const packager = readFileSync(join(dirname(builderRequire.resolve('app-builder-lib/package.json')), 'out', 'platformPackager.js'), 'utf8');
    for (const name of Object.keys(fuses)) {
      expect(packager, `electron-builder does not know the fuse option ${name}`).toContain(`fuses.${name}`);
    }
  });
});

describe('the fuse wire reader', () => {
  it('reads each fuse by its place on the wire', () => {
    const [wire] = readFuseWires(fakeBinary([0x30, 0x31, 0x30, 0x30, 0x31, 0x31, 0x30, 0x30]));
    expect(wire).toEqual({
      runAsNode: 'disabled',
      enableCookieEncryption: 'enabled',
      enableNodeOptionsEnvironmentVariable: 'disabled',
      enableNodeCliInspectArguments: 'disabled',
      enableEmbeddedAsarIntegrityValidation: 'enabled',
      onlyLoadAppFromAsar: 'enabled',
      loadBrowserProcessSpecificV8Snapshot: 'disabled',
      grantFileProtocolExtraPrivileges: 'disabled',
    });
  });

  it('reads both wires of a universal binary, so one unflipped slice is seen', () => {
    const wires = readFuseWires(fakeBinary([0x30, 0x31], [0x31, 0x31]));
    expect(wires.map((wire) => wire.runAsNode)).toEqual(['disabled', 'enabled']);
  });

  it('refuses a file without a wire, or with a wire it cannot read', () => {
    expect(() => readFuseWires(new Uint8Array(Buffer.from('#!/bin/sh\necho not electron\n')))).toThrow(/not an Electron binary/);
    expect(() => readFuseWires(new Uint8Array(Buffer.concat([Buffer.from(SENTINEL), Buffer.from([2, 1, 0x30])])))).toThrow(/version 2/);
    expect(() => readFuseWires(fakeBinary([0x30, 0x07]))).toThrow(/enableCookieEncryption has the unknown state 0x7/);
  });

  it('finds the fuse wire of a macOS app in its Electron Framework', () => {
    expect(fuseFile('/Applications/Roadmap Planner.app')).toBe(
      join('/Applications/Roadmap Planner.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    );
    expect(fuseFile('/x/Electron.app/Contents/MacOS/Electron')).toBe(
      join('/x/Electron.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    );
    expect(fuseFile('/x/linux-unpacked/roadmap-planner')).toBe('/x/linux-unpacked/roadmap-planner');
  });

  const electron = electronBinary();
  it.runIf(electron.path !== null)('reads the wire of the real Electron binary, whose fuses are still at their defaults', () => {
    const wires = readFuseWires(readFileSync(fuseFile(resolve(electron.path ?? ''))));
    for (const wire of wires) {
      expect(Object.keys(wire).length).toBeGreaterThanOrEqual(Object.keys(REQUIRED).length);
      // Electron ships with ELECTRON_RUN_AS_NODE working; only packaging turns it off.
      expect(wire.runAsNode).toBe('enabled');
    }
  });
});

describe('the packaged app', () => {
  const apps = packagedApps();
  const required = process.env.REQUIRE_PACKAGED_APP === '1';

  it.runIf(required)('exists in release/ (REQUIRE_PACKAGED_APP is set: npm run dist must have run)', () => {
    expect(apps, 'no packaged app in release/').not.toEqual([]);
  });

  it.skipIf(apps.length === 0)('has the fuses the configuration asks for, in every binary (skipped: no packaged app in release/)', () => {
    for (const app of apps) {
      for (const wire of readFuseWires(readFileSync(fuseFile(app)))) {
        for (const [name, state] of Object.entries(REQUIRED)) {
          expect(wire[name as FuseName], `${name} in ${app}`).toBe(state);
        }
      }
    }
  });
});
