/**
 * The IPC contract between the renderer (through the preload bridge) and the main process.
 * Each channel is defined once here: its name and the zod schemas of what goes in and what
 * comes back. The main process parses every request with these schemas; the preload exposes
 * exactly one function per channel. Keep this file free of Electron and DOM imports so that
 * both sides (and the renderer's Host types) can import it.
 */
import { z } from 'zod';

/** The origin the packaged app is served from. IndexedDB belongs to this origin: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roadmap-planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Name of the object the preload puts on `window`. */
export const BRIDGE_KEY = 'roadmapHost';

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9.]{1,20}$/i)).min(1).max(10),
});

/** The largest file the app writes: the largest plan file, a long board packet, a big workbook. */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

export const saveFileRequest = z.object({
  suggestedName: z.string().min(1).max(255),
  /** Text (plan files, CSV, calendars, HTML, XML) or bytes (spreadsheets). */
  content: z.union([
    z.string().max(MAX_SAVE_BYTES),
    z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Expected text or bytes.' }).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, { message: `Too large: over ${MAX_SAVE_BYTES / 1024 / 1024} MB.` }),
  ]),
  filters: z.array(fileFilter).max(5),
});
export const saveFileResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), location: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const openFileRequest = z.object({
  filters: z.array(fileFilter).max(5),
});
export const openFileResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), content: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const printToPdfRequest = z.object({
  suggestedName: z.string().min(1).max(255),
});

export const appInfoRequest = z.undefined();
export const appInfoResult = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  userDataPath: z.string(),
});

/**
 * Automatic backups (desktop): the renderer sends a plan's file text; the main process keeps
 * rotating copies in `<userData>/Backups/<plan id>/`. Files are named relative to that folder.
 */
const planId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'Expected a plan id.' });
const backupFile = z.string().min(1).max(400);
export const writeBackupRequest = z.object({
  planId,
  planName: z.string().max(500),
  content: z.string().min(1).max(MAX_SAVE_BYTES),
});
export const writeBackupResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), file: backupFile, savedAt: z.string() }),
  /** One was written a moment ago: the main process writes at most one per plan every few minutes. */
  z.object({ status: z.literal('too-soon'), nextAt: z.string() }),
]);
export const backupEntry = z.object({
  planId,
  planName: z.string(),
  file: backupFile,
  savedAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export const listBackupsResult = z.object({ folder: z.string(), backups: z.array(backupEntry) });
export const readBackupRequest = z.object({ file: backupFile });
export const readBackupResult = z.object({ file: backupFile, content: z.string() });
export const openBackupsFolderResult = z.object({ folder: z.string() });

/** Every channel, `namespace:verb`, with its request and result schema. */
export const channels = {
  'file:save': { request: saveFileRequest, result: saveFileResult },
  'file:open': { request: openFileRequest, result: openFileResult },
  'print:pdf': { request: printToPdfRequest, result: saveFileResult },
  'app:info': { request: appInfoRequest, result: appInfoResult },
  'backups:write': { request: writeBackupRequest, result: writeBackupResult },
  'backups:list': { request: z.undefined(), result: listBackupsResult },
  'backups:read': { request: readBackupRequest, result: readBackupResult },
  'backups:open-folder': { request: z.undefined(), result: openBackupsFolderResult },
} as const;

export type Channel = keyof typeof channels;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ResultOf<C extends Channel> = z.output<(typeof channels)[C]['result']>;

export type SaveFileRequest = z.infer<typeof saveFileRequest>;
export type SaveFileResult = z.infer<typeof saveFileResult>;
export type OpenFileRequest = z.infer<typeof openFileRequest>;
export type OpenFileResult = z.infer<typeof openFileResult>;
export type AppInfo = z.infer<typeof appInfoResult>;
export type WriteBackupRequest = z.infer<typeof writeBackupRequest>;
export type WriteBackupResult = z.infer<typeof writeBackupResult>;
export type BackupEntry = z.infer<typeof backupEntry>;
export type BackupList = z.infer<typeof listBackupsResult>;
export type ReadBackupResult = z.infer<typeof readBackupResult>;

/** The API the preload exposes on `window[BRIDGE_KEY]`: one function per channel. */
export interface PreloadApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  printToPdf(request: z.infer<typeof printToPdfRequest>): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  listBackups(): Promise<BackupList>;
  readBackup(request: z.infer<typeof readBackupRequest>): Promise<ReadBackupResult>;
  openBackupsFolder(): Promise<z.infer<typeof openBackupsFolderResult>>;
}
