import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../shared/ipc';
import { secureWebPreferences } from './security';

export const MAIN_WINDOW_TITLE = 'Roadmap Planner';

/** The page every window opens: the built renderer on the app's fixed origin. */
export const START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The main window. It starts hidden and is shown on ready-to-show so the user never sees an empty
 * frame; the minimum size keeps the phase timeline and its side panel usable side by side.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: MAIN_WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    // The renderer theme's page background, so the first paint does not flash.
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
