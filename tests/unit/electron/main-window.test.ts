import { describe, expect, it } from 'vitest';
import { mainWindowOptions, START_URL } from '../../../electron/main/main-window';
import { isTrustedAppUrl } from '../../../electron/main/security';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/opt/roadmap/preload.cjs');

  it('is titled and sized for the planner', () => {
    expect(options.title).toBe('Roadmap Planner');
    expect(options.minWidth).toBe(1024);
    expect(options.minHeight).toBe(700);
    expect(options.width ?? 0).toBeGreaterThanOrEqual(1024);
    expect(options.height ?? 0).toBeGreaterThanOrEqual(700);
  });

  it('stays hidden until its first paint', () => {
    expect(options.show).toBe(false);
  });

  it('uses the hardened web preferences with the given preload', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/roadmap/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('starts on a page the shell trusts', () => {
    expect(START_URL).toBe('app://roadmap-planner/index.html');
    expect(isTrustedAppUrl(START_URL)).toBe(true);
  });
});
