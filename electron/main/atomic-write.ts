import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The calls atomic writing makes; tests swap in failing ones. */
export interface AtomicWriteFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}

/**
 * Writes `data` to `target` so that `target` is either untouched or complete: the bytes go to a
 * temporary file beside it (same folder, so same volume and rename is atomic), are flushed to
 * disk, and only then replace the target. A full disk or a crash mid-write leaves at most the old
 * file, never half an export; the temporary file is removed on failure.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fileSystem: AtomicWriteFs = fs,
): Promise<void> {
  // A leading dot hides the temporary file from the user's file manager while it exists.
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
  try {
    const handle = await fileSystem.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(temporary, target);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
