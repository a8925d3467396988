import { promises as fs, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Real file system calls, except that writing stores a few bytes and then finds the disk full. */
const fullDisk: AtomicWriteFs = {
  open: (async (path: string, flags: string) => {
    const handle = await fs.open(path, flags);
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') {
          return async (data: string | Uint8Array) => {
            await target.writeFile(typeof data === 'string' ? data.slice(0, 5) : data.subarray(0, 5));
            throw diskFull();
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as FileHandle;
  }) as AtomicWriteFs['open'],
  rename: fs.rename,
  rm: fs.rm,
};

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves nothing else behind', async () => {
    const target = join(dir, 'plan.roadmap.json');
    await writeFileAtomic(target, '{"name":"Pilot"}');
    expect(readFileSync(target, 'utf8')).toBe('{"name":"Pilot"}');
    expect(readdirSync(dir)).toEqual(['plan.roadmap.json']);
  });

  it('writes bytes as they are', async () => {
    const target = join(dir, 'plan.pdf');
    await writeFileAtomic(target, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    expect([...readFileSync(target)]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('replaces an existing file', async () => {
    const target = join(dir, 'plan.roadmap.json');
    writeFileSync(target, 'old version');
    await writeFileAtomic(target, 'new version');
    expect(readFileSync(target, 'utf8')).toBe('new version');
    expect(readdirSync(dir)).toEqual(['plan.roadmap.json']);
  });

  it('leaves no file at all when the disk fills up during a new export', async () => {
    const target = join(dir, 'plan.roadmap.json');
    await expect(writeFileAtomic(target, 'a long plan export', fullDisk)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file whole when the disk fills up while replacing it', async () => {
    const target = join(dir, 'plan.roadmap.json');
    writeFileSync(target, 'the previous, complete export');
    await expect(writeFileAtomic(target, 'a newer export', fullDisk)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('the previous, complete export');
    expect(readdirSync(dir)).toEqual(['plan.roadmap.json']);
  });

  it('cleans up when the final rename fails (the name is taken by a folder)', async () => {
    const target = join(dir, 'plan.roadmap.json');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'content')).rejects.toHaveProperty('code');
    expect(readdirSync(dir)).toEqual(['plan.roadmap.json']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('fails without a trace when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'gone', 'plan.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
