/**
 * What the shell trusts, and the guards that enforce it on every window and session.
 * Pure decisions (URLs, permissions, CSP, web preferences) sit beside small installers that take
 * Electron objects by shape, so all of it runs in unit tests without Electron.
 */
import type { WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from '../shared/ipc';

// Chromium hands the shell canonical URLs; anything carrying whitespace or control characters
// was written by hand and is refused rather than "fixed" by the URL parser.
const MAX_URL_LENGTH = 2048;

function hasUnprintable(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/u.test(char)) return true;
  }
  return false;
}

function parse(url: string): URL | null {
  if (url.length === 0 || url.length > MAX_URL_LENGTH || hasUnprintable(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for pages of the app itself (`app://roadmap-planner/...`). IPC senders, navigations
 * and permission requests are judged by this, so it must stay an exact match: no other host,
 * port, credentials or scheme.
 */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A public web site's name: dotted, not an IP address, not a bare local name like `localhost`. */
function isNamedSite(hostname: string): boolean {
  if (hostname.startsWith('[') || /^[\d.]+$/.test(hostname)) return false;
  const labels = hostname.replace(/\.$/, '').split('.');
  return labels.length >= 2 && labels.every((label) => label !== '');
}

/**
 * The normalised address to hand to the operating system, or null when the link must not leave
 * the app: only https, to a named site, without embedded credentials. Links to IP addresses and
 * single-label hosts are refused because they point at local services, not at reading material.
 * The normalised form is what gets opened, so what was checked is exactly what the browser gets.
 */
export function safeExternalUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || !isNamedSite(parsed.hostname)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

export function isSafeExternalUrl(url: string): boolean {
  return safeExternalUrl(url) !== null;
}

/**
 * Sent as a header with every app:// response. MUI (through emotion) injects <style> tags at
 * run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every window's web preferences: the renderer gets a sandboxed, isolated page and nothing more. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/**
 * The one permission granted, and only to the app's own pages: durable storage, so Chromium never
 * evicts the IndexedDB that holds every plan when the disk runs low. Electron reports it as
 * 'persistent-storage'. Everything else (camera, notifications, clipboard reads, ...) is denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'persistent-storage' && requestingUrl !== undefined && isTrustedAppUrl(requestingUrl);
}

/** The parts of an Electron session the permission guard needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean,
  ): void;
}

export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin),
  );
}

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  url: string;
}
interface FrameNavigationEvent extends NavigationEvent {
  isMainFrame: boolean;
}

/** The parts of Electron's WebContents the navigation guard needs. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardDeps {
  /** Hands a checked https address to the system browser. */
  openExternal(url: string): Promise<void>;
}

/**
 * Keeps every web contents on the app's own pages: no navigation away, no redirects out, no new
 * windows, no <webview>. A safe https link the user follows opens in the system browser instead.
 */
export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const openOutside = (url: string): void => {
    const safe = safeExternalUrl(url);
    // A browser that fails to start must not take the app down with an unhandled rejection.
    if (safe) deps.openExternal(safe).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => {
    if (isTrustedAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  // Sub-frames do not emit will-navigate; the main frame is handled (and links opened) above.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
