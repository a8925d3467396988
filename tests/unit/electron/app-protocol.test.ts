import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  MAX_REQUEST_URL_LENGTH,
  resolveAppRequest,
} from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const root = resolve(tmpdir(), 'roadmap-renderer-root');
const under = (...parts: string[]) => join(root, ...parts);

function servedPath(url: string): string {
  const resource = resolveAppRequest(url, root);
  if (resource.status !== 200) throw new Error(`expected a file for ${url}, got ${resource.status} ${resource.reason}`);
  return resource.path;
}

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure scheme with fetch, so IndexedDB and modules work', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
  });

  it('grants nothing more: no CSP bypass, no CORS, no service workers, no streaming', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });
});

describe('resolveAppRequest', () => {
  it.each([
    ['app://roadmap-planner/', 'index.html'],
    ['app://roadmap-planner', 'index.html'],
    ['app://roadmap-planner/index.html', 'index.html'],
    ['app://roadmap-planner/index.html#/plans/0f8fad5b-d9cb-469f-a165-70867728950e', 'index.html'],
    ['app://roadmap-planner/assets/index-DqJJM3ID.js', join('assets', 'index-DqJJM3ID.js')],
    ['app://roadmap-planner/assets/index-DqJJM3ID.js?v=2&x=..%2f..', join('assets', 'index-DqJJM3ID.js')],
    ['app://roadmap-planner/assets/My%20Font.woff2', join('assets', 'My Font.woff2')],
  ])('serves %s from %s', (url, file) => {
    expect(servedPath(url)).toBe(under(file));
  });

  it.each(['app://roadmap-planner/plans', 'app://roadmap-planner/plans/123/phases', 'app://roadmap-planner/library/'])(
    'answers the app route %s with index.html',
    (url) => {
      expect(servedPath(url)).toBe(under('index.html'));
    },
  );

  it('maps a missing file with an extension to its path (the handler answers 404), not to index.html', () => {
    expect(servedPath('app://roadmap-planner/assets/missing.png')).toBe(under('assets', 'missing.png'));
  });

  it.each([
    'app://roadmap-planner/../../../etc/shadow.json',
    'app://roadmap-planner/assets/../../../../etc/shadow.json',
    'app://roadmap-planner/%2e%2e/%2e%2e/etc/shadow.json',
    'app://roadmap-planner/.%2E/.%2e/etc/shadow.json',
    'app://roadmap-planner//etc/shadow.json',
  ])('keeps dot-segment traversal %s inside the root', (url) => {
    const path = servedPath(url);
    expect(path.startsWith(root + sep)).toBe(true);
    expect(path).toBe(under('etc', 'shadow.json'));
  });

  it.each([
    ['encoded slashes', 'app://roadmap-planner/..%2f..%2fetc%2fpasswd'],
    ['upper-case encoded slashes', 'app://roadmap-planner/assets/..%2F..%2F..%2Fsecret.txt'],
    ['encoded backslashes', 'app://roadmap-planner/..%5c..%5cwindows%5cwin.ini'],
    ['a double-encoded dot segment that decodes to ..', 'app://roadmap-planner/%2e%2e%2fsecret.js'],
    ['an encoded NUL', 'app://roadmap-planner/index.html%00.png'],
    ['a drive letter', 'app://roadmap-planner/C:/Windows/win.ini'],
    ['an encoded drive path', 'app://roadmap-planner/C%3A%5CWindows%5Cwin.ini'],
    ['an alternate data stream', 'app://roadmap-planner/index.html::$DATA'],
    ['a Windows device name', 'app://roadmap-planner/assets/con.js'],
    ['another app host', 'app://other-app/index.html'],
    ['a lookalike host', 'app://roadmap-planner.evil/index.html'],
    ['credentials', 'app://user@roadmap-planner/index.html'],
    ['a port', 'app://roadmap-planner:99/index.html'],
    ['another scheme', 'https://roadmap-planner/index.html'],
    ['a file URL', 'file:///etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, root).status).toBe(403);
  });

  describe('refuses encoded traversal in every spelling', () => {
    it.each([
      ['mixed-case %2E%2e%2F in one segment', 'app://roadmap-planner/%2E%2e%2Fsecret.txt'],
      ['mixed-case encoded dots and slashes, twice', 'app://roadmap-planner/%2E%2E%2F%2e%2e%2Fsecret.txt'],
      ['plain dots with encoded slashes', 'app://roadmap-planner/assets/..%2F..%2fsecret.txt'],
      ['a folder name hiding ../ behind %2f', 'app://roadmap-planner/a%2f..%2f..%2fsecret.txt'],
      ['double-encoded dots and slash', 'app://roadmap-planner/%252e%252e%252fsecret.txt'],
      ['double-encoded dots as a segment', 'app://roadmap-planner/%252e%252e/secret.txt'],
      ['double-encoded slashes after plain dots', 'app://roadmap-planner/assets/..%252f..%252fsecret.txt'],
      ['mixed-case double encoding', 'app://roadmap-planner/%252E%252e%252Fsecret.txt'],
      ['double-encoded backslashes', 'app://roadmap-planner/..%255c..%255csecret.txt'],
      ['raw backslashes', 'app://roadmap-planner/..\\..\\secret.txt'],
      ['upper-case encoded backslashes', 'app://roadmap-planner/..%5C..%5Csecret.txt'],
      ['mixed-case encoded backslashes', 'app://roadmap-planner/..%5c..%5Csecret.txt'],
      ['a UNC path', 'app://roadmap-planner/%5C%5Cserver%5Cshare%5Cx.js'],
      ['a raw UNC path', 'app://roadmap-planner/\\\\server\\share\\x.js'],
      ['an encoded absolute path', 'app://roadmap-planner/%2fetc%2fpasswd'],
      ['dots with a trailing space (Windows drops it)', 'app://roadmap-planner/..%20/..%20/secret.txt'],
      ['dots with a trailing dot', 'app://roadmap-planner/.../secret.txt'],
      ['a name with a trailing dot (Windows drops it)', 'app://roadmap-planner/index.html.'],
      ['a hidden file', 'app://roadmap-planner/.env'],
      ['a hidden folder', 'app://roadmap-planner/.git/config.json'],
    ])('%s', (_what, url) => {
      expect(resolveAppRequest(url, root)).toEqual({ status: 403, reason: 'Path not allowed' });
    });

    it.each([
      ['an overlong UTF-8 dot pair', 'app://roadmap-planner/%c0%ae%c0%ae/secret.txt'],
      ['an overlong UTF-8 slash', 'app://roadmap-planner/..%c0%afsecret.txt'],
      ['a lone percent sign', 'app://roadmap-planner/%/secret.txt'],
    ])('calls %s malformed', (_what, url) => {
      expect(resolveAppRequest(url, root).status).toBe(400);
    });
  });

  describe('refuses NUL and other control characters', () => {
    it.each([
      ['an encoded NUL at the end', 'app://roadmap-planner/index.html%00'],
      ['an encoded NUL before an extension', 'app://roadmap-planner/assets/index.js%00.png'],
      ['a raw NUL', 'app://roadmap-planner/index.html\0.png'],
      ['a raw NUL as a whole segment', 'app://roadmap-planner/\0/index.html'],
      ['an encoded newline', 'app://roadmap-planner/index%0a.html'],
      ['an encoded DEL', 'app://roadmap-planner/index%7f.html'],
    ])('%s', (_what, url) => {
      expect(resolveAppRequest(url, root).status).toBe(403);
    });
  });

  describe('refuses very long addresses', () => {
    it('refuses an address over the limit before parsing it', () => {
      const url = `app://roadmap-planner/${'a/'.repeat(MAX_REQUEST_URL_LENGTH)}x.js`;
      expect(resolveAppRequest(url, root)).toEqual({ status: 414, reason: 'Address too long' });
    });

    it('refuses a name longer than any file system allows', () => {
      expect(resolveAppRequest(`app://roadmap-planner/assets/${'a'.repeat(300)}.js`, root).status).toBe(414);
      // Counted in bytes: 100 three-byte characters are 300 bytes.
      expect(resolveAppRequest(`app://roadmap-planner/${encodeURIComponent('計'.repeat(100))}.js`, root).status).toBe(414);
    });

    it('still serves a deep but reasonable path', () => {
      expect(servedPath(`app://roadmap-planner/${'a/'.repeat(50)}x.js`)).toBe(under(...Array<string>(50).fill('a'), 'x.js'));
    });
  });

  describe('refuses unknown hosts', () => {
    it.each([
      ['an empty host', 'app:///index.html'],
      ['a host with a trailing dot', 'app://roadmap-planner./index.html'],
      ['a host in capitals (Chromium sends it in lower case)', 'app://Roadmap-Planner/index.html'],
      ['an IP address', 'app://127.0.0.1/index.html'],
      ['localhost', 'app://localhost/index.html'],
      ['a sub-domain', 'app://assets.roadmap-planner/index.html'],
      ['an encoded host', 'app://roadmap%2Dplanner/index.html'],
      ['a punycode lookalike', 'app://xn--roadmap-planer-abc/index.html'],
    ])('%s', (_what, url) => {
      expect(resolveAppRequest(url, root)).toEqual({ status: 403, reason: 'Not an address of this app' });
    });
  });

  // The refusals must never catch a real file: `npm test` builds before the unit tests.
  const built = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
  it.skipIf(!existsSync(join(built, 'index.html')))('serves every file of the built renderer', () => {
    const files = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(built, join(entry.parentPath, entry.name)));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const url = `app://roadmap-planner/${file.split(sep).map(encodeURIComponent).join('/')}`;
      expect(resolveAppRequest(url, built), file).toEqual({ status: 200, path: join(built, file), contentType: expect.any(String) });
    }
  });

  it('serves only files under the root, or refuses, whatever the path (property)', () => {
    // Paths built from the pieces traversal is made of, in any order and case.
    const piece = fc.constantFrom('.', '..', '%2e', '%2E', '%2f', '%2F', '%5c', '%5C', '%25', '%00', '/', '\\', ':', ' ', 'a', 'index', '.js', 'C:', 'con', '%c0%ae');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const result = resolveAppRequest(`app://roadmap-planner/${pieces.join('')}`, root);
        if (result.status !== 200) return;
        expect(result.path.startsWith(root + sep)).toBe(true);
        expect(result.path.slice(root.length + 1).split(sep)).not.toContain('..');
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['app://roadmap-planner/%E0%A4%A.js', 'app://roadmap-planner/%', 'not a url'])('calls %s malformed', (url) => {
    expect(resolveAppRequest(url, root).status).toBe(400);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/chunk.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['templates.json', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['LOGO.PNG', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['favicon.ico', 'image/x-icon'],
    ['roboto.woff2', 'font/woff2'],
    ['roboto.woff', 'font/woff'],
    ['module.wasm', 'application/wasm'],
    ['data.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let handler: ReturnType<typeof createAppProtocolHandler>;
  const INDEX = '<!doctype html><title>Roadmap Planner</title>';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roadmap-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), INDEX);
    writeFileSync(join(dir, 'renderer', 'assets', 'index.js'), 'console.log(1);');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    handler = createAppProtocolHandler({ root: join(dir, 'renderer') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get('app://roadmap-planner/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://roadmap-planner/assets/index.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers app routes with index.html', async () => {
    expect(await (await get('app://roadmap-planner/plans/abc')).text()).toBe(INDEX);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://roadmap-planner/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('says 404 for a missing file and still sends the CSP', async () => {
    const response = await get('app://roadmap-planner/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('says 404 when an extension-looking path is a folder', async () => {
    mkdirSync(join(dir, 'renderer', 'assets', 'folder.js'), { recursive: true });
    expect((await get('app://roadmap-planner/assets/folder.js')).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    const responses = await Promise.all([
      get('app://roadmap-planner/..%2fsecret.txt'),
      get('app://roadmap-planner/../secret.txt'),
      get('app://roadmap-planner/%2e%2e/secret.txt'),
      get('app://roadmap-planner/%2E%2e%2Fsecret.txt'),
      get('app://roadmap-planner/%252e%252e%252fsecret.txt'),
      get('app://roadmap-planner/..%5csecret.txt'),
      get('app://roadmap-planner/..%20/secret.txt'),
    ]);
    for (const response of responses) {
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('outside the root');
    }
  });

  it('answers a refused address with its status and the CSP, and reads nothing', async () => {
    const reads: string[] = [];
    const watched = createAppProtocolHandler({ root: join(dir, 'renderer'), readFile: (path) => (reads.push(path), Promise.resolve(new Uint8Array())) });
    const cases: [string, number][] = [
      ['app://other-app/index.html', 403],
      ['app://roadmap-planner/%252e%252e%252fsecret.txt', 403],
      ['app://roadmap-planner/index.html%00', 403],
      [`app://roadmap-planner/${'a'.repeat(MAX_REQUEST_URL_LENGTH)}.js`, 414],
      ['app://roadmap-planner/%c0%ae%c0%ae/secret.txt', 400],
    ];
    for (const [url, status] of cases) {
      const response = await watched(new Request(url));
      expect(response.status, url).toBe(status);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(reads).toEqual([]);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://roadmap-planner/index.html', 'POST')).status).toBe(405);
  });

  it('reports a read failure as 500 without details', async () => {
    const failing = createAppProtocolHandler({
      root: join(dir, 'renderer'),
      readFile: () => Promise.reject(Object.assign(new Error('EIO: i/o error, read /secret/path'), { code: 'EIO' })),
    });
    const response = await failing(new Request('app://roadmap-planner/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/secret/path');
  });
});
