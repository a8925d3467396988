import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  guardWebContents,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedAppUrl,
  safeExternalUrl,
  secureWebPreferences,
  type GuardedContents,
  type PermissionSession,
} from '../../../electron/main/security';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A policy's directives by name, e.g. `script-src` → `'self'`. */
function directivesOf(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name.toLowerCase(), values.join(' ')] as const;
      }),
  );
}

/** The Content-Security-Policy meta tag of an HTML page, or null. */
function metaPolicy(html: string): string | null {
  const tag = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  return tag ? (/content="([^"]*)"/i.exec(tag)?.[1] ?? null) : null;
}

/** What a policy lets run as script: script-src, or default-src when there is none. */
function scriptSources(policy: string): string {
  const directives = directivesOf(policy);
  return directives.get('script-src') ?? directives.get('default-src') ?? '';
}

describe('isTrustedAppUrl', () => {
  it.each([
    'app://roadmap-planner/index.html',
    'app://roadmap-planner/',
    'app://roadmap-planner',
    'app://roadmap-planner/index.html#/plans/0f8fad5b-d9cb-469f-a165-70867728950e',
    'app://roadmap-planner/index.html?from=start',
    'app://roadmap-planner/assets/index-abc123.js',
  ])('trusts the app page %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://roadmap-planner/index.html'],
    ['https', 'https://roadmap-planner/index.html'],
    ['a local file', 'file:///work/main/dist/renderer/index.html'],
    ['another app host', 'app://other-app/index.html'],
    ['a lookalike suffix', 'app://roadmap-planner.evil.com/index.html'],
    ['a lookalike prefix', 'app://evil-roadmap-planner/index.html'],
    ['the host as a path', 'app://evil.com/roadmap-planner/index.html'],
    ['the host as a username', 'app://roadmap-planner@evil.com/index.html'],
    ['embedded credentials', 'app://user:secret@roadmap-planner/index.html'],
    ['a username only', 'app://user@roadmap-planner/index.html'],
    ['a port', 'app://roadmap-planner:8080/index.html'],
    ['no authority', 'app:roadmap-planner/index.html'],
    ['an empty host', 'app:///roadmap-planner/index.html'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['javascript: dressed as the app', 'javascript://roadmap-planner/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['the empty string', ''],
    ['not a URL', 'roadmap-planner/index.html'],
    ['leading whitespace', ' app://roadmap-planner/index.html'],
    ['an embedded newline', 'app://roadmap-\nplanner/index.html'],
    ['a trailing tab', 'app://roadmap-planner/index.html\t'],
    ['an absurd length', `app://roadmap-planner/${'a'.repeat(5000)}`],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it.each([
    'https://www.christenseninstitute.org/blended-learning/',
    'https://example.org/research?topic=scale#phase-2',
    'https://example.org:8443/report.pdf',
    'https://www.k12.district.example.us/plans',
  ])('lets %s open in the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it('hands out the normalised address, which is what was checked', () => {
    expect(safeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
    const tricky = safeExternalUrl('https://example.org\\@evil.com/');
    expect(tricky).not.toBeNull();
    expect(new URL(tricky ?? '').hostname).toBe('example.org');
  });

  it.each([
    ['http', 'http://example.org/'],
    ['ftp', 'ftp://example.org/file'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,hi'],
    ['mailto', 'mailto:someone@example.org'],
    ['the app itself', 'app://roadmap-planner/index.html'],
    ['credentials', 'https://user:secret@example.org/'],
    ['a username', 'https://user@example.org/'],
    ['no host', 'https://'],
    ['an empty host with a path', 'https:///path'],
    ['localhost', 'https://localhost:3000/'],
    ['a single-label host', 'https://intranet/'],
    ['an IPv4 address', 'https://127.0.0.1/'],
    ['a decimal IPv4 address', 'https://2130706433/'],
    ['an IPv6 address', 'https://[::1]/'],
    ['an empty label', 'https://example..org/'],
    ['whitespace', 'https://exa mple.org/'],
    ['a newline', 'https://example.org/\nx'],
    ['an absurd length', `https://example.org/${'a'.repeat(5000)}`],
    ['not a URL', 'example.org'],
  ])('keeps %s inside', (_what, url) => {
    expect(safeExternalUrl(url)).toBeNull();
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('sets %s to %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('allows no eval, no inline script and no wildcard anywhere', () => {
    expect(directives.get('script-src')).not.toMatch(/unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(directives.size).toBe(10);
  });

  it('lets scripts come from the app only: no http(s), data: or blob: sources, no hashes or nonces needed', () => {
    expect(scriptSources(CONTENT_SECURITY_POLICY)).toBe("'self'");
    expect(directivesOf(CONTENT_SECURITY_POLICY).get('default-src')).toBe("'self'");
  });
});

describe('the page’s own Content-Security-Policy (meta tag)', () => {
  // Chromium applies both the header and the meta tag, the stricter winning: the meta tag also
  // covers browser mode, where the page is served by vite preview without the app's headers.
  const source = readFileSync(`${root}renderer/index.html`, 'utf8');
  const built = `${root}dist/renderer/index.html`;

  it('is in renderer/index.html and allows no inline or eval script', () => {
    const policy = metaPolicy(source);
    expect(policy).not.toBeNull();
    const scripts = scriptSources(policy ?? '');
    expect(scripts).toBe("'self'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*/);
  });

  it('says the same as the header, less what only a header can say', () => {
    const header = directivesOf(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directivesOf(metaPolicy(source) ?? '')).toEqual(header);
  });

  // `npm test` builds before the unit tests; on its own, vitest may run before any build.
  it.skipIf(!existsSync(built))('survives the build: the built page keeps the policy and has no inline script or handler', () => {
    const html = readFileSync(built, 'utf8');
    expect(metaPolicy(html)).toBe(metaPolicy(source));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

describe('secureWebPreferences', () => {
  it('is exactly the hardened set: nothing loosened, no Blink or experimental features, no own session', () => {
    expect(secureWebPreferences('/p.cjs')).toEqual({
      preload: '/p.cjs',
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
    });
  });
});

describe('permissions', () => {
  it.each([
    'media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen',
    'display-capture', 'mediaKeySystem', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'fileSystem', 'window-management',
    'idle-detection', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'serial', 'usb', 'bluetooth', 'unknown', 'hid',
  ])(
    'denies %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://roadmap-planner/index.html')).toBe(false);
    },
  );

  it('grants durable storage to the app and to nobody else', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://roadmap-planner/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', undefined)).toBe(false);
  });

  it('installs both the request and the check handler', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    denyPermissions({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    const answers: boolean[] = [];
    request?.(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://roadmap-planner/index.html' });
    request?.(null, 'persistent-storage', (granted) => answers.push(granted), { requestingUrl: 'app://roadmap-planner/index.html' });
    expect(answers).toEqual([false, true]);
    expect(check?.(null, 'notifications', 'app://roadmap-planner', {})).toBe(false);
    // Check requests may carry only the origin.
    expect(check?.(null, 'persistent-storage', 'app://roadmap-planner', {})).toBe(true);
    expect(check?.(null, 'persistent-storage', 'app://roadmap-planner', { requestingUrl: 'https://evil.example/' })).toBe(false);
  });
});

type Listener = (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, details: { url?: string; isMainFrame?: boolean } = {}) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener({ ...details, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as GuardedContents, fire, open };
}

describe('guardWebContents', () => {
  function setup(openExternal = vi.fn(() => Promise.resolve())) {
    const fake = fakeContents();
    guardWebContents(fake.contents, { openExternal });
    return { ...fake, openExternal };
  }

  it('lets the app navigate within itself', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'app://roadmap-planner/index.html' })).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation away and opens safe links in the browser instead', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'https://Example.org/guide' })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/guide');
  });

  it.each(['http://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)'])(
    'blocks navigation to %s without opening it anywhere',
    (url) => {
      const { fire, openExternal } = setup();
      expect(fire('will-navigate', { url })).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  // Protocol handlers the operating system would run: the classic openExternal attacks.
  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker.example/share/payload.exe',
    '\\\\attacker.example\\share\\payload.exe',
    'ms-msdt:/id PCWDiagnostic /skip force',
    'search-ms:query=invoice&crumb=location:\\\\attacker.example\\share',
    'ms-officecmd:{"id":1}',
    'vscode://file/etc/passwd',
    'x-apple.systempreferences:com.apple.preference.security',
    'mailto:board@district.example?attach=/etc/passwd',
    'tel:+15555550100',
    'http://example.org/',
    'https://user:pass@example.org/',
    'https://127.0.0.1:9229/json',
  ])('never hands %s to the operating system, by link or by window.open', async (url) => {
    const { fire, open, openExternal } = setup();
    expect(fire('will-navigate', { url })).toBe(true);
    expect(open(url)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks sub-frames leaving the app and redirects out of it', () => {
    const { fire } = setup();
    expect(fire('will-frame-navigate', { url: 'https://example.org/', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://roadmap-planner/x.html', isMainFrame: false })).toBe(false);
    expect(fire('will-redirect', { url: 'https://example.org/' })).toBe(true);
    expect(fire('will-redirect', { url: 'app://roadmap-planner/index.html' })).toBe(false);
  });

  it('refuses every <webview>', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window, but sends safe links to the browser', () => {
    const { open, openExternal } = setup();
    expect(open('https://example.org/a')).toEqual({ action: 'deny' });
    expect(open('app://roadmap-planner/index.html')).toEqual({ action: 'deny' });
    expect(open('http://example.org/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/a');
  });

  it('survives a browser that fails to start', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('no browser')));
    const { open } = setup(failing);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(open('https://example.org/')).toEqual({ action: 'deny' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(failing).toHaveBeenCalled();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
