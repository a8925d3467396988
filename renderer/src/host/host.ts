/**
 * What the renderer needs from the shell it runs in. The desktop shell provides it over the
 * preload bridge; a plain browser provides it with downloads, a file picker and print.
 * Nothing else in the renderer knows which shell it is in.
 */
import type { AppInfo, BackupEntry, BackupList, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult, WriteBackupRequest, WriteBackupResult } from '../../../electron/shared/ipc';

export type { AppInfo, BackupEntry, BackupList, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult, WriteBackupRequest, WriteBackupResult };

/** Automatic backups, kept by the desktop shell in a folder beside the app's data. */
export interface BackupsHost {
  write(request: WriteBackupRequest): Promise<WriteBackupResult>;
  list(): Promise<BackupList>;
  /** The text of one backup (`file` as `list` names it). */
  read(file: string): Promise<string>;
  /** Shows the Backups folder in the system's file manager; resolves to its path. */
  openFolder(): Promise<string>;
}

export interface Host {
  readonly kind: 'desktop' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Prints the current page; the desktop shell saves it straight to a PDF file. */
  printToPdf(suggestedName: string): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  /** Absent in a plain browser: a web page cannot keep files on its own (the library reminds to export instead). */
  readonly backups?: BackupsHost;
}
