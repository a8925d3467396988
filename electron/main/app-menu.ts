/**
 * The application menu. Electron's default menu offers Toggle Developer Tools and Force Reload,
 * which have no place in a shipped planner. macOS needs a menu for Cut/Copy/Paste and Quit to
 * work by keyboard, so it gets the standard app, Edit and Window menus; elsewhere text fields
 * handle those keys themselves and the window has no menu bar.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu' },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
}
