import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/app-menu';

describe('application menu', () => {
  it('has no menu bar on Windows and Linux, so no developer tools or reload', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });

  it('keeps the standard app, Edit and Window menus on macOS, and nothing for developers', () => {
    const template = applicationMenuTemplate('darwin');
    expect(template?.map((item) => item.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
    expect(JSON.stringify(template)).not.toMatch(/toggleDevTools|forceReload|viewMenu/);
  });
});
