import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type AppInfo } from '../../../electron/shared/ipc';
import {
  MAX_OPEN_BYTES,
  registerHandlers,
  safeFileName,
  type IpcDeps,
  type IpcInvokeEvent,
  type IpcMainLike,
} from '../../../electron/main/ipc-handlers';

/** Stands in for a WebContents: the handlers only pass it back to their dependencies. */
interface FakeSender {
  id: number;
}
type Listener = Parameters<IpcMainLike<FakeSender>['handle']>[1];

class FakeIpcMain implements IpcMainLike<FakeSender> {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, event: IpcInvokeEvent<FakeSender>, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

const sender: FakeSender = { id: 7 };
const fromApp = (url = 'app://roadmap-planner/index.html#/plans/1'): IpcInvokeEvent<FakeSender> => ({ senderFrame: { url }, sender });
const INFO: AppInfo = { name: 'Roadmap Planner', version: '0.1.0', platform: 'linux', userDataPath: '/home/planner/.config/Roadmap Planner' };
const PLAN_FILTERS = [{ name: 'Roadmap plan', extensions: ['roadmap.json', 'json'] }];
const PLAN_ID = '6f1c2a9e-3b4d-4c5e-8f70-123456789abc';

let dir: string;
let documents: string;
let ipc: FakeIpcMain;
let saveTo: string | undefined;
let openFrom: string | undefined;
let deps: { [K in keyof Required<IpcDeps<FakeSender>>]: ReturnType<typeof vi.fn> } & IpcDeps<FakeSender>;

function setup(overrides: Partial<IpcDeps<FakeSender>> = {}) {
  deps = {
    showSaveDialog: vi.fn(async () => (saveTo ? { canceled: false, filePath: saveTo } : { canceled: true, filePath: '' })),
    showOpenDialog: vi.fn(async () => (openFrom ? { canceled: false, filePaths: [openFrom] } : { canceled: true, filePaths: [] })),
    printToPdf: vi.fn(async () => new TextEncoder().encode('%PDF-1.7 fake')),
    defaultDirectory: vi.fn(() => documents),
    appInfo: vi.fn(() => INFO),
    backupsFolder: vi.fn(() => join(dir, 'userData', 'Backups')),
    openFolder: vi.fn(async () => ''),
    ...overrides,
  } as typeof deps;
  ipc = new FakeIpcMain();
  registerHandlers(ipc, deps);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-ipc-'));
  documents = join(dir, 'Documents');
  mkdirSync(documents);
  saveTo = undefined;
  openFrom = undefined;
  setup();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saveRequest = { suggestedName: 'Pilot to scale.roadmap.json', content: '{"plan":"pilot"}', filters: PLAN_FILTERS };

describe('registerHandlers', () => {
  it('handles exactly the channels of the contract', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  describe('refuses callers that are not the app', () => {
    const validRequests: Record<string, unknown> = {
      'file:save': saveRequest,
      'file:open': { filters: PLAN_FILTERS },
      'print:pdf': { suggestedName: 'Plan.pdf' },
      'app:info': undefined,
      'backups:write': { planId: PLAN_ID, planName: 'Pilot', content: '{}' },
      'backups:list': undefined,
      'backups:read': { file: `${PLAN_ID}/2026-11-30T15-09-43.123Z Pilot.roadmap.json` },
      'backups:open-folder': undefined,
    };
    const strangers: Array<[string, IpcInvokeEvent<FakeSender>]> = [
      ['a web page', { senderFrame: { url: 'https://evil.example/' }, sender }],
      ['a dev server', { senderFrame: { url: 'http://127.0.0.1:5173/' }, sender }],
      ['a local file', { senderFrame: { url: 'file:///tmp/index.html' }, sender }],
      ['another app:// host', { senderFrame: { url: 'app://other/index.html' }, sender }],
      ['a lookalike host', { senderFrame: { url: 'app://roadmap-planner.evil/index.html' }, sender }],
      ['a destroyed frame', { senderFrame: null, sender }],
    ];
    for (const channel of Object.keys(channels)) {
      it.each(strangers)(`${channel} from %s`, async (_who, event) => {
        saveTo = join(documents, 'x.json');
        openFrom = join(documents, 'x.json');
        await expect(ipc.invoke(channel, event, validRequests[channel])).rejects.toThrow(/did not come from the app's own page/);
        for (const dep of Object.values(deps)) expect(dep).not.toHaveBeenCalled();
      });
    }
  });

  describe('refuses malformed requests with a message that names the problem', () => {
    it.each([
      ['file:save', undefined, /Invalid request for “file:save”/],
      ['file:save', { ...saveRequest, suggestedName: '' }, /suggestedName/],
      ['file:save', { ...saveRequest, content: 42 }, /content/],
      ['file:save', { ...saveRequest, filters: [{ name: 'Plans', extensions: ['../x'] }] }, /filters\.0\.extensions\.0/],
      ['file:open', { filters: 'json' }, /filters/],
      ['print:pdf', { suggestedName: 'x'.repeat(300) }, /suggestedName/],
      ['app:info', { please: true }, /Invalid request for “app:info”/],
    ])('%s with %j', async (channel, request, message) => {
      await expect(ipc.invoke(channel, fromApp(), request)).rejects.toThrow(message);
      for (const dep of Object.values(deps)) expect(dep).not.toHaveBeenCalled();
    });

    it('refuses extra arguments', async () => {
      await expect(ipc.invoke('app:info', fromApp(), undefined, 'extra')).rejects.toThrow(/expected one argument, got 2/);
    });
  });
});

describe('file:save', () => {
  it('asks where, starting in Documents with the suggested name, and writes the content there', async () => {
    saveTo = join(documents, 'chosen.roadmap.json');
    const result = await ipc.invoke('file:save', fromApp(), saveRequest);
    expect(result).toEqual({ status: 'saved', location: saveTo });
    expect(readFileSync(saveTo, 'utf8')).toBe('{"plan":"pilot"}');
    expect(deps.showSaveDialog).toHaveBeenCalledWith(sender, {
      defaultPath: join(documents, 'Pilot to scale.roadmap.json'),
      filters: PLAN_FILTERS,
    });
  });

  it('writes bytes as they are, for files that are not text (a spreadsheet)', async () => {
    saveTo = join(documents, 'Plan – Spreadsheet.xlsx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    const result = await ipc.invoke('file:save', fromApp(), { suggestedName: 'Plan – Spreadsheet.xlsx', content: bytes, filters: [{ name: 'Spreadsheet', extensions: ['xlsx'] }] });
    expect(result).toEqual({ status: 'saved', location: saveTo });
    expect([...readFileSync(saveTo)]).toEqual([...bytes]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    expect(await ipc.invoke('file:save', fromApp(), saveRequest)).toEqual({ status: 'cancelled' });
    expect(readdirSync(documents)).toEqual([]);
  });

  it('treats an empty chosen path as cancelled', async () => {
    deps.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await ipc.invoke('file:save', fromApp(), saveRequest)).toEqual({ status: 'cancelled' });
  });

  it('keeps a suggested name from pointing the dialog into another folder', async () => {
    await ipc.invoke('file:save', fromApp(), { ...saveRequest, suggestedName: '../../.ssh/authorized_keys' });
    const [, options] = deps.showSaveDialog.mock.calls[0] as [FakeSender, { defaultPath: string }];
    expect(dirname(options.defaultPath)).toBe(documents);
  });

  it('reports a full disk in words and leaves no half-written file', async () => {
    setup({ writeFile: vi.fn(() => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))) });
    saveTo = join(documents, 'plan.roadmap.json');
    await expect(ipc.invoke('file:save', fromApp(), saveRequest)).rejects.toThrow('Could not save “plan.roadmap.json”: the disk is full. Free some space and try again.');
    expect(existsSync(saveTo)).toBe(false);
  });

  it('fails cleanly with the real writer when the chosen name is taken by a folder', async () => {
    saveTo = join(documents, 'plan.roadmap.json');
    mkdirSync(join(saveTo, 'keep'), { recursive: true });
    await expect(ipc.invoke('file:save', fromApp(), saveRequest)).rejects.toThrow(/^Could not save “plan\.roadmap\.json”: /);
    expect(readdirSync(documents)).toEqual(['plan.roadmap.json']);
    expect(readdirSync(saveTo)).toEqual(['keep']);
  });

  it('fails with a readable message when the folder has gone', async () => {
    saveTo = join(dir, 'unplugged-drive', 'plan.roadmap.json');
    await expect(ipc.invoke('file:save', fromApp(), saveRequest)).rejects.toThrow('Could not save “plan.roadmap.json”: the folder or file no longer exists.');
  });

  it('overwrites a file the user chose to replace', async () => {
    saveTo = join(documents, 'plan.roadmap.json');
    writeFileSync(saveTo, 'last week');
    await ipc.invoke('file:save', fromApp(), saveRequest);
    expect(readFileSync(saveTo, 'utf8')).toBe('{"plan":"pilot"}');
  });
});

describe('file:open', () => {
  it('reads the chosen file and names it', async () => {
    openFrom = join(documents, 'shared plan.roadmap.json');
    writeFileSync(openFrom, '{"format":"roadmap-planner"}');
    expect(await ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).toEqual({
      status: 'opened',
      name: 'shared plan.roadmap.json',
      content: '{"format":"roadmap-planner"}',
    });
    expect(deps.showOpenDialog).toHaveBeenCalledWith(sender, { defaultPath: documents, filters: PLAN_FILTERS });
  });

  it('starts the next dialog where the last file was opened or saved (Electron would start it in Downloads)', async () => {
    const shared = join(dir, 'Board packets');
    mkdirSync(shared);
    openFrom = join(shared, 'from the board.roadmap.json');
    writeFileSync(openFrom, '{}');
    await ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS });
    saveTo = join(shared, 'Pilot to scale.roadmap.json');
    await ipc.invoke('file:save', fromApp(), saveRequest);
    expect(deps.showSaveDialog).toHaveBeenLastCalledWith(sender, expect.objectContaining({ defaultPath: join(shared, 'Pilot to scale.roadmap.json') }));

    // A save elsewhere moves it; a cancelled or failed open does not.
    const finance = join(dir, 'Finance');
    mkdirSync(finance);
    saveTo = join(finance, 'Pilot to scale.roadmap.json');
    await ipc.invoke('file:save', fromApp(), saveRequest);
    openFrom = join(shared, 'missing.roadmap.json');
    await expect(ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).rejects.toThrow();
    openFrom = undefined;
    await ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS });
    expect(deps.showOpenDialog).toHaveBeenLastCalledWith(sender, { defaultPath: finance, filters: PLAN_FILTERS });
  });

  it('does nothing when the dialog is cancelled', async () => {
    expect(await ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).toEqual({ status: 'cancelled' });
  });

  it('refuses a file over the size cap without loading it', async () => {
    openFrom = join(documents, 'huge.json');
    writeFileSync(openFrom, '');
    truncateSync(openFrom, MAX_OPEN_BYTES + 1); // sparse: no real disk use
    await expect(ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).rejects.toThrow(/^Could not open “huge\.json”: the file is 200\.0 MB, larger than the 200\.0 MB the app opens\.$/);
  });

  it('refuses a binary file', async () => {
    openFrom = join(documents, 'photo.json');
    writeFileSync(openFrom, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]));
    await expect(ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).rejects.toThrow(/not a text file/);
  });

  it('reports a file that vanished', async () => {
    openFrom = join(documents, 'moved.json');
    await expect(ipc.invoke('file:open', fromApp(), { filters: PLAN_FILTERS })).rejects.toThrow('Could not open “moved.json”: the folder or file no longer exists.');
  });
});

describe('print:pdf', () => {
  it('asks where first, then prints the asking page and saves the PDF', async () => {
    saveTo = join(documents, 'Plan.pdf');
    expect(await ipc.invoke('print:pdf', fromApp(), { suggestedName: 'Plan.pdf' })).toEqual({ status: 'saved', location: saveTo });
    expect(readFileSync(saveTo, 'utf8')).toBe('%PDF-1.7 fake');
    expect(deps.printToPdf).toHaveBeenCalledWith(sender);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(sender, {
      defaultPath: join(documents, 'Plan.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(deps.showSaveDialog.mock.invocationCallOrder[0]).toBeLessThan(deps.printToPdf.mock.invocationCallOrder[0] ?? 0);
  });

  it('does not print when the dialog is cancelled', async () => {
    expect(await ipc.invoke('print:pdf', fromApp(), { suggestedName: 'Plan.pdf' })).toEqual({ status: 'cancelled' });
    expect(deps.printToPdf).not.toHaveBeenCalled();
  });

  it('says when printing fails and writes nothing', async () => {
    setup({ printToPdf: vi.fn(() => Promise.reject(new Error('Printing failed'))) });
    saveTo = join(documents, 'Plan.pdf');
    await expect(ipc.invoke('print:pdf', fromApp(), { suggestedName: 'Plan.pdf' })).rejects.toThrow('Could not make the PDF: Printing failed.');
    expect(existsSync(saveTo)).toBe(false);
  });
});

describe('app:info', () => {
  it('answers with the app facts', async () => {
    expect(await ipc.invoke('app:info', fromApp(), undefined)).toEqual(INFO);
  });

  it('never hands the renderer something outside the contract', async () => {
    setup({ appInfo: vi.fn(() => ({ ...INFO, version: 3 }) as unknown as AppInfo) });
    await expect(ipc.invoke('app:info', fromApp(), undefined)).rejects.toThrow();
  });
});

describe('backups', () => {
  const backup = { planId: PLAN_ID, planName: 'Pilot to scale', content: '{"format":"roadmap-planner-plan"}' };

  it('writes a backup into the Backups folder, lists it and reads it back', async () => {
    const saved = await ipc.invoke('backups:write', fromApp(), backup) as { status: string; file: string };
    expect(saved).toMatchObject({ status: 'saved', file: expect.stringMatching(new RegExp(`^${PLAN_ID}/\\d{4}-.* Pilot to scale\\.roadmap\\.json$`)) });
    expect(readdirSync(join(dir, 'userData', 'Backups', PLAN_ID))).toHaveLength(1);
    const listed = await ipc.invoke('backups:list', fromApp(), undefined);
    expect(listed).toEqual({ folder: join(dir, 'userData', 'Backups'), backups: [expect.objectContaining({ planId: PLAN_ID, planName: 'Pilot to scale', file: saved.file, bytes: backup.content.length })] });
    expect(await ipc.invoke('backups:read', fromApp(), { file: saved.file })).toEqual({ file: saved.file, content: backup.content });
    // A second request a moment later is refused by the main process, whatever the page asks.
    expect(await ipc.invoke('backups:write', fromApp(), backup)).toMatchObject({ status: 'too-soon' });
    expect(readdirSync(join(dir, 'userData', 'Backups', PLAN_ID))).toHaveLength(1);
  });

  it('refuses a plan id that could name another folder', async () => {
    await expect(ipc.invoke('backups:write', fromApp(), { ...backup, planId: '../../Documents' })).rejects.toThrow(/planId: Expected a plan id/);
    expect(existsSync(join(dir, 'userData'))).toBe(false);
  });

  it('refuses to read outside the Backups folder', async () => {
    writeFileSync(join(dir, 'secret.roadmap.json'), '{}');
    await expect(ipc.invoke('backups:read', fromApp(), { file: '../secret.roadmap.json' })).rejects.toThrow(/^Refused to read/);
    await expect(ipc.invoke('backups:read', fromApp(), { file: join(dir, 'secret.roadmap.json') })).rejects.toThrow(/^Refused to read/);
  });

  it('reports a full disk in words', async () => {
    setup({
      backupFs: {
        open: vi.fn(async () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); }),
        rename: vi.fn(), rm: vi.fn(async () => undefined), mkdir: vi.fn(async () => undefined), readdir: vi.fn(async () => []), lstat: vi.fn(),
      } as never,
    });
    await expect(ipc.invoke('backups:write', fromApp(), backup)).rejects.toThrow('Could not save the backup of “Pilot to scale”: the disk is full. Free some space and try again.');
  });

  it('shows the folder (made if need be) in the file manager, and says when it cannot', async () => {
    const folder = join(dir, 'userData', 'Backups');
    expect(await ipc.invoke('backups:open-folder', fromApp(), undefined)).toEqual({ folder });
    expect(existsSync(folder)).toBe(true);
    expect(deps.openFolder).toHaveBeenCalledWith(folder);
    deps.openFolder.mockResolvedValueOnce('No application is associated with the folder');
    await expect(ipc.invoke('backups:open-folder', fromApp(), undefined)).rejects.toThrow(`Could not show the folder ${folder}: No application is associated with the folder.`);
  });
});

describe('channels', () => {
  it('answers exactly the channels of the contract, and no way to open an outside address', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(['app:info', 'backups:list', 'backups:open-folder', 'backups:read', 'backups:write', 'file:open', 'file:save', 'print:pdf']);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Pilot to scale.roadmap.json', 'Pilot to scale.roadmap.json'],
    ['2025/26 rollout.roadmap.json', '2025-26 rollout.roadmap.json'],
    ['..\\..\\Windows\\evil.json', '-..-Windows-evil.json'],
    ['What: next? <draft> | "v2" *.json', 'What- next- -draft- - -v2- -.json'],
    ['.hidden.json', 'hidden.json'],
    ['line\nbreak.json', 'line-break.json'],
    ['   ', 'Untitled'],
    ['...', 'Untitled'],
  ])('%j becomes %j', (input, output) => {
    expect(safeFileName(input)).toBe(output);
  });

  it('shortens a long name to what every file system accepts, keeping its extension', () => {
    const name = safeFileName(`${'Long plan name '.repeat(20)}.roadmap.json`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.startsWith('Long plan name Long')).toBe(true);
    expect(name.endsWith('.roadmap.json')).toBe(true);
    expect(name).not.toMatch(/\s\.roadmap/);
    expect(Buffer.byteLength(safeFileName(`${'計画'.repeat(100)}.pdf`))).toBeLessThanOrEqual(200);
    expect(safeFileName(`${'計画'.repeat(100)}.pdf`)).toMatch(/^計画計画.*[計画]\.pdf$/);
  });
});
