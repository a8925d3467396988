// `npm run build:electron`: bundles the main process and the preload into dist/electron.
// Both are single CommonJS files with only `electron` left outside: the packaged app ships no
// node_modules, and a sandboxed preload cannot require anything but `electron` anyway.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/electron/', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Electron 45 runs Node 24 and Chromium 156; these targets are comfortably below both.
  target: ['node22', 'chrome130'],
};

/** Fails the build when a bundle would require something other than `electron` and Node built-ins. */
function checkImports(result, allowed) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const stray = output.imports.filter((entry) => entry.external && !allowed(entry.path)).map((entry) => entry.path);
    if (stray.length > 0) throw new Error(`${file} would require ${stray.join(', ')} at run time; bundle it or drop it.`);
  }
}

rmSync(outdir, { recursive: true, force: true });

const [main, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main/main.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    // The sandboxed preload has no Node: only `electron` and a few globals.
    platform: 'browser',
  }),
]);
checkImports(main, (path) => path === 'electron' || path.startsWith('node:') || builtinModules.includes(path));
checkImports(preload, (path) => path === 'electron');

console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
