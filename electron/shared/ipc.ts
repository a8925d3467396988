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

/** Every channel, `namespace:verb`, with its request and result schema. */
export const channels = {
  'file:save': { request: saveFileRequest, result: saveFileResult },
  'file:open': { request: openFileRequest, result: openFileResult },
  'print:pdf': { request: printToPdfRequest, result: saveFileResult },
  'app:info': { request: appInfoRequest, result: appInfoResult },
} as const;

export type Channel = keyof typeof channels;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ResultOf<C extends Channel> = z.output<(typeof channels)[C]['result']>;

export type SaveFileRequest = z.infer<typeof saveFileRequest>;
export type SaveFileResult = z.infer<typeof saveFileResult>;
export type OpenFileRequest = z.infer<typeof openFileRequest>;
export type OpenFileResult = z.infer<typeof openFileResult>;
export type AppInfo = z.infer<typeof appInfoResult>;

/** The API the preload exposes on `window[BRIDGE_KEY]`: one function per channel. */
export interface PreloadApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  printToPdf(request: z.infer<typeof printToPdfRequest>): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
}
