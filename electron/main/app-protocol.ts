/**
 * The app:// protocol: the built renderer (dist/renderer, inside app.asar when packaged) served
 * from one fixed origin, app://roadmap-planner. IndexedDB belongs to that origin, so it must never
 * change between versions. Request-to-file mapping is pure; the handler only reads files.
 */
import type { CustomScheme } from 'electron';
import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../shared/ipc';
import { CONTENT_SECURITY_POLICY } from './security';
import { fileErrorCode } from './file-errors';

/**
 * Registered before the app is ready. `standard` gives the scheme real origins (and with them
 * IndexedDB, localStorage and relative URLs); `secure` makes it a secure context like https;
 * `supportFetchAPI` lets the page fetch its own files; `codeCache` keeps V8's compiled scripts
 * between starts.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export const INDEX_FILE = 'index.html';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** With `nosniff`, a wrong type would block the file, so unknown extensions are served as bytes. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppResource =
  | { status: 200; path: string; contentType: string }
  | { status: 400 | 403 | 404 | 414; reason: string };

/**
 * The built renderer's longest address is well under a hundred characters; these limits are far
 * above that, and keep absurd addresses away from the URL parser and the file system (255 bytes
 * is the longest name common file systems allow).
 */
export const MAX_REQUEST_URL_LENGTH = 2048;
const MAX_SEGMENT_LENGTH = 255;

// Windows opens these device names in any folder, whatever the extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;
// Separators, a drive or stream colon, the characters Windows refuses in names, and controls.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * Whether a decoded path segment may reach the file system. The built renderer only has plain
 * names like `assets/index-DqJJM3ID.js`, so anything unusual is refused rather than interpreted:
 * - a leading dot: `.` and `..` (already folded by the URL parser, but never trusted to be),
 *   `...`, and hidden files;
 * - a trailing dot or space, which Windows drops, so `.. ` or `index.html.` would name another
 *   file than the one checked;
 * - a `%` left after decoding once: a double-encoded `%252e%252e%252f` is an attack, not a name;
 * - separators, colons, NUL and other controls, Windows device names.
 */
function isSafeSegment(segment: string): boolean {
  return (
    !segment.startsWith('.') &&
    !/[. ]$/.test(segment) &&
    !/%[0-9a-f]{2}/i.test(segment) &&
    !FORBIDDEN_IN_SEGMENT.test(segment) &&
    !WINDOWS_DEVICE.test(segment)
  );
}

/**
 * Maps an app:// request to a file under `root`, or says why not. The URL parser has already
 * folded plain and %2e-encoded dot segments, but every segment is decoded once and checked again
 * (see `isSafeSegment`) so that encoded separators (%2f, %5c), double encoding, NUL, drive
 * letters and device names can never reach the file system, and the final path is checked to lie
 * under `root`. Over-long addresses and names are refused before any of that. Paths without an
 * extension are app routes and get index.html; a missing file with an extension is a 404, not
 * the app page.
 */
export function resolveAppRequest(requestUrl: string, root: string): AppResource {
  if (requestUrl.length > MAX_REQUEST_URL_LENGTH) return { status: 414, reason: 'Address too long' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'Malformed address' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { status: 403, reason: 'Not an address of this app' };
  }

  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400, reason: 'Malformed address' };
    }
    if (Buffer.byteLength(segment) > MAX_SEGMENT_LENGTH) return { status: 414, reason: 'Address too long' };
    if (!isSafeSegment(segment)) return { status: 403, reason: 'Path not allowed' };
    segments.push(segment);
  }

  const last = segments.at(-1);
  if (last === undefined || !last.includes('.')) {
    segments.splice(0, segments.length, INDEX_FILE);
  }

  const base = resolve(root);
  const path = resolve(base, ...segments);
  if (!path.startsWith(base + sep)) return { status: 403, reason: 'Path not allowed' };
  return { status: 200, path, contentType: contentTypeFor(path) };
}

/** Headers on every app:// response, errors included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // New versions replace files in place; revalidating keeps an update from mixing old and new.
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolOptions {
  root: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** The function given to `protocol.handle('app', ...)`. */
export function createAppProtocolHandler({ root, readFile = (path) => fs.readFile(path) }: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    const text = (status: number, body: string) =>
      new Response(body, { status, headers: responseHeaders('text/plain; charset=utf-8') });

    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    const resource = resolveAppRequest(request.url, root);
    if (resource.status !== 200) return text(resource.status, resource.reason);
    try {
      const bytes = await readFile(resource.path);
      const body = request.method === 'HEAD' ? null : new Uint8Array(bytes);
      return new Response(body, { status: 200, headers: responseHeaders(resource.contentType) });
    } catch (error) {
      const code = fileErrorCode(error);
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? text(404, 'Not found') : text(500, 'Could not read the file');
    }
  };
}
