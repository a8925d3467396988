// `npm run dist [-- <electron-builder options, e.g. --win --mac --linux>]`: builds the app, then
// makes installers into release/ with electron-builder.config.cjs. electron-builder downloads the
// Electron release it packages (and some platform tools); where that is impossible it says why
// in one line instead of a network stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = 'electron-builder.config.cjs';
const { electronVersion } = createRequire(import.meta.url)(`../${config}`);
const windows = process.platform === 'win32';

const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: windows });
if (built.status !== 0) {
  console.error('\nnpm run dist: the build failed, so no installers were made.');
  process.exit(built.status ?? 1);
}

// Never publish from here: a release is a deliberate step, even in CI with a token around.
const args = ['electron-builder', '--config', config, '--publish', 'never', ...process.argv.slice(2)];
const child = spawn('npx', args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], shell: windows });
let output = '';
for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
  stream.on('data', (chunk) => {
    output += chunk;
    sink.write(chunk);
  });
}

const NETWORK_FAILURE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|CERT_|UNABLE_TO_GET_ISSUER_CERT|self[- ]signed certificate)\b|status code (403|404|5\d\d)/i;

child.on('exit', (code, signal) => {
  if (code === 0) {
    console.log('\nInstallers are in release/.');
    return;
  }
  if (NETWORK_FAILURE.test(output)) {
    const host = /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(output)?.[1];
    console.error(
      `\nnpm run dist: electron-builder could not download what it packages (Electron ${electronVersion}` +
        `${host ? ` from ${host}` : ''}): this machine has no access to it. ` +
        'Run npm run dist on a machine with internet access, or point ELECTRON_MIRROR at a reachable mirror ' +
        '(or put the Electron zip in the electron cache: see https://www.electron.build/configuration#electronDownload).',
    );
  } else {
    console.error(`\nnpm run dist: electron-builder failed (${signal ?? `exit code ${code}`}); see its output above.`);
  }
  process.exit(code ?? 1);
});
