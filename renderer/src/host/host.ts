/**
 * What the renderer needs from the shell it runs in. The desktop shell provides it over the
 * preload bridge; a plain browser provides it with downloads, a file picker and print.
 * Nothing else in the renderer knows which shell it is in.
 */
import type { AppInfo, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from '../../../electron/shared/ipc';

export type { AppInfo, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult };

export interface Host {
  readonly kind: 'desktop' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Prints the current page; the desktop shell saves it straight to a PDF file. */
  printToPdf(suggestedName: string): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
}
