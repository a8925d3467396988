/**
 * The main-process side of every channel in the IPC contract. Each handler refuses callers that
 * are not the app's own pages, parses its request with the contract's schema, does its work
 * through injected dependencies (dialogs, printing, the shell) and checks its result against the
 * contract too. Failures reach the renderer as rejected promises with a sentence it can show.
 */
import { promises as nodeFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { channels, MAX_SAVE_BYTES, type AppInfo, type Channel, type ResultOf } from '../shared/ipc';
import { writeFileAtomic } from './atomic-write';
import { createBackupStore, type BackupFs, type BackupStore } from './backups';
import { describeFileError } from './file-errors';
import { readTextFile } from './read-text-file';
import { isTrustedAppUrl } from './security';

/** Matches the largest plan file the app can export (the contract's `content` limit), in bytes. */
export const MAX_OPEN_BYTES = MAX_SAVE_BYTES;

export interface IpcInvokeEvent<Sender> {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: Sender;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike<Sender> {
  handle(channel: string, listener: (event: IpcInvokeEvent<Sender>, ...args: unknown[]) => Promise<unknown>): void;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Everything the handlers need from Electron and the system; `Sender` is the asking page's WebContents. */
export interface IpcDeps<Sender> {
  showSaveDialog(sender: Sender, options: { defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(sender: Sender, options: { defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  printToPdf(sender: Sender): Promise<Uint8Array>;
  /** Where file dialogs start until a file is saved or opened, e.g. the user's Documents folder. */
  defaultDirectory(): string;
  appInfo(): AppInfo;
  /** Replaceable so tests can simulate a full disk; defaults to the real atomic write. */
  writeFile?(path: string, data: string | Uint8Array): Promise<void>;
  /** The automatic backups' folder, `<userData>/Backups`. */
  backupsFolder(): string;
  /** Shows a folder in the system's file manager; resolves to an error message, or '' when shown. */
  openFolder(path: string): Promise<string>;
  /** Replaceable so tests can simulate a full disk, a read-only folder or a crash mid-write. */
  backupFs?: BackupFs;
  /** The clock backups are named and rotated by; tests move it. */
  now?(): Date;
}

export class IpcRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRequestError';
  }
}

/** Under the 255-byte name limit of common file systems, whatever the characters. */
const MAX_FILE_NAME_BYTES = 200;

function isForbiddenInFileName(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || '<>:"/\\|?*'.includes(char);
}

/**
 * The name offered in a save dialog. The renderer suggests it from the plan's name, so it is made
 * a bare file name: separators become dashes (a plan called "2025/26 rollout" stays recognisable
 * instead of turning into a folder path), as do characters Windows or macOS refuse, and leading
 * dots that would hide the file are dropped.
 */
export function safeFileName(suggested: string, fallback = 'Untitled'): string {
  const cleaned = [...suggested]
    .map((char) => (isForbiddenInFileName(char) ? '-' : char))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return fallback;
  if (Buffer.byteLength(cleaned) <= MAX_FILE_NAME_BYTES) return cleaned;
  // A long plan name is shortened, never its extension: ".roadmap.json" is what import looks for.
  const extension = /(\.[A-Za-z0-9]{1,10}){1,2}$/.exec(cleaned)?.[0] ?? '';
  let budget = MAX_FILE_NAME_BYTES - extension.length;
  let stem = '';
  for (const char of cleaned.slice(0, cleaned.length - extension.length)) {
    budget -= Buffer.byteLength(char);
    if (budget < 0) break;
    stem += char;
  }
  return stem.trimEnd() + extension;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

type Implementation<Sender, C extends Channel> = (
  request: z.output<(typeof channels)[C]['request']>,
  sender: Sender,
) => Promise<ResultOf<C>>;

/** Installs one `ipcMain.handle` per channel of the contract. */
export function registerHandlers<Sender>(ipcMain: IpcMainLike<Sender>, deps: IpcDeps<Sender>): void {
  const write = deps.writeFile ?? ((path: string, data: string | Uint8Array) => writeFileAtomic(path, data));

  function handle<C extends Channel>(channel: C, implementation: Implementation<Sender, C>): void {
    const { request: requestSchema, result: resultSchema } = channels[channel];
    ipcMain.handle(channel, async (event, ...args) => {
      const origin = event.senderFrame?.url;
      if (origin === undefined || !isTrustedAppUrl(origin)) {
        throw new IpcRequestError(`Refused “${channel}”: the request did not come from the app's own page (${shorten(origin ?? 'no frame')}).`);
      }
      if (args.length > 1) throw new IpcRequestError(`Invalid request for “${channel}”: expected one argument, got ${args.length}.`);
      const parsed = requestSchema.safeParse(args[0]);
      if (!parsed.success) throw new IpcRequestError(`Invalid request for “${channel}”: ${describeIssues(parsed.error)}.`);
      const result = await implementation(parsed.data as z.output<(typeof channels)[C]['request']>, event.sender);
      // A result the contract does not describe is a bug here, not something to hand the renderer.
      return resultSchema.parse(result);
    });
  }

  // Where the planner last saved or opened a file: the next dialog starts there. Electron (since
  // 43) starts a dialog without a path in Downloads and the system no longer remembers the folder.
  let lastFolder: string | null = null;
  const startFolder = () => lastFolder ?? deps.defaultDirectory();

  async function saveAs(sender: Sender, suggestedName: string, filters: FileFilter[], data: () => Promise<string | Uint8Array>): Promise<ResultOf<'file:save'>> {
    const name = safeFileName(suggestedName);
    const choice = await deps.showSaveDialog(sender, { defaultPath: join(startFolder(), name), filters });
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    const location = choice.filePath;
    const bytes = await data();
    try {
      await write(location, bytes);
    } catch (error) {
      throw new IpcRequestError(describeFileError('save', basename(location), error));
    }
    lastFolder = dirname(location);
    return { status: 'saved', location };
  }

  handle('file:save', (request, sender) =>
    saveAs(sender, request.suggestedName, request.filters, () => Promise.resolve(request.content)),
  );

  handle('file:open', async (request, sender) => {
    const choice = await deps.showOpenDialog(sender, { defaultPath: startFolder(), filters: request.filters });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return { status: 'cancelled' };
    const name = basename(path);
    let content: string;
    try {
      content = await readTextFile(path, MAX_OPEN_BYTES);
    } catch (error) {
      throw new IpcRequestError(describeFileError('open', name, error));
    }
    lastFolder = dirname(path);
    return { status: 'opened', name, content };
  });

  // The location is asked for first: cancelling costs nothing, and the PDF shows the page as it
  // is when the user confirms.
  handle('print:pdf', (request, sender) =>
    saveAs(sender, request.suggestedName, [{ name: 'PDF document', extensions: ['pdf'] }], async () => {
      try {
        return await deps.printToPdf(sender);
      } catch (error) {
        throw new IpcRequestError(`Could not make the PDF: ${error instanceof Error ? error.message : String(error)}.`);
      }
    }),
  );

  handle('app:info', () => Promise.resolve(deps.appInfo()));

  // Made on first use: the folder comes from the app's data path, known once the app is ready.
  let backupStore: BackupStore | undefined;
  const backups = (): BackupStore => {
    backupStore ??= createBackupStore({ root: deps.backupsFolder(), fileSystem: deps.backupFs, now: deps.now });
    return backupStore;
  };

  handle('backups:write', async (request) => {
    const result = await backups().write(request.planId, request.planName, request.content);
    return result.status === 'saved' ? { status: 'saved', file: result.file, savedAt: result.savedAt } : result;
  });

  handle('backups:list', async () => ({ folder: backups().root, backups: await backups().list() }));

  handle('backups:read', async (request) => ({ file: request.file, content: await backups().read(request.file) }));

  handle('backups:open-folder', async () => {
    const folder = backups().root;
    const fileSystem = deps.backupFs ?? nodeFs;
    try {
      await fileSystem.mkdir(folder, { recursive: true });
    } catch (error) {
      throw new IpcRequestError(describeFileError('open', folder, error));
    }
    const problem = await deps.openFolder(folder);
    if (problem) throw new IpcRequestError(`Could not show the folder ${folder}: ${problem}.`);
    return { folder };
  });
}
