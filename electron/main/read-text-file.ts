import { promises as fs } from 'node:fs';

export class FileTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`the file is ${megabytes(size)}, larger than the ${megabytes(limit)} the app opens`);
    this.name = 'FileTooLargeError';
  }
}

export class NotTextError extends Error {
  constructor() {
    super('it is not a text file (plan files are UTF-8 text)');
    this.name = 'NotTextError';
  }
}

const CHUNK_BYTES = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a UTF-8 text file of at most `limit` bytes. The reported size is checked first for a
 * quick, clear refusal, but reading stops as soon as more than `limit` bytes arrive, so a file
 * that grows meanwhile (or a device that reports no size) still cannot make the main process
 * load more than the limit.
 */
export async function readTextFile(path: string, limit: number): Promise<string> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new FileTooLargeError(size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new FileTooLargeError(total, limit);
    }
    try {
      // fatal: a binary file picked by mistake is refused instead of arriving as mojibake.
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
    } catch {
      throw new NotTextError();
    }
  } finally {
    await handle.close();
  }
}
