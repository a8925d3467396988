import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
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
    ]);
    for (const response of responses) {
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('outside the root');
    }
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
