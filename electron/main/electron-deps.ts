/**
 * The IPC dependencies, wired to Electron. Kept apart from the handlers so that everything with a
 * decision in it is tested without Electron; this file only forwards calls.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import { BACKUPS_FOLDER_NAME } from './backups';
import type { IpcDeps } from './ipc-handlers';

export function electronIpcDeps(): IpcDeps<WebContents> {
  return {
    async showSaveDialog(sender, options) {
      const window = BrowserWindow.fromWebContents(sender);
      // The overwrite question matters: the file written next replaces whatever has that name.
      const dialogOptions: SaveDialogOptions = { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      return window ? dialog.showSaveDialog(window, dialogOptions) : dialog.showSaveDialog(dialogOptions);
    },
    async showOpenDialog(sender, options) {
      const window = BrowserWindow.fromWebContents(sender);
      const dialogOptions: OpenDialogOptions = { ...options, properties: ['openFile'] };
      return window ? dialog.showOpenDialog(window, dialogOptions) : dialog.showOpenDialog(dialogOptions);
    },
    // The report's own CSS sets paper size, orientation per page and the "Page N of M" footer;
    // tagging and the outline (from the report's headings) make the PDF readable by assistive
    // technology and navigable by bookmarks.
    printToPdf: (sender) => sender.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    }),
    defaultDirectory: () => app.getPath('documents'),
    // Beside the app's data (the browser profile with the plans), not inside it: clearing or
    // damaging the profile leaves the backups.
    backupsFolder: () => join(app.getPath('userData'), BACKUPS_FOLDER_NAME),
    // A folder path the main process made, never one from the page.
    openFolder: (path) => shell.openPath(path),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      userDataPath: app.getPath('userData'),
    }),
  };
}
