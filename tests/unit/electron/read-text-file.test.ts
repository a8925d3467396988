import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, NotTextError, readTextFile } from '../../../electron/main/read-text-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readTextFile', () => {
  it('reads UTF-8 text, accents and all', async () => {
    expect(await readTextFile(file('plan.json', '{"name":"Élan – année 1"}'), 1024)).toBe('{"name":"Élan – année 1"}');
  });

  it('drops a byte-order mark', async () => {
    expect(await readTextFile(file('bom.json', '\ufeff{}'), 1024)).toBe('{}');
  });

  it('reads a file of exactly the limit', async () => {
    expect(await readTextFile(file('exact.txt', 'x'.repeat(64)), 64)).toBe('x'.repeat(64));
  });

  it('refuses a file over the limit before reading it', async () => {
    const error = await readTextFile(file('big.txt', 'x'.repeat(65)), 64).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).size).toBe(65);
  });

  it('refuses binary content', async () => {
    await expect(readTextFile(file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00])), 1024)).rejects.toBeInstanceOf(NotTextError);
  });

  it('passes on a missing file as the system error', async () => {
    await expect(readTextFile(join(dir, 'missing.json'), 1024)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
