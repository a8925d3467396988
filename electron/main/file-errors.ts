/**
 * Turns file-system failures into sentences a planner can act on. The renderer shows the message
 * of a rejected IPC call as is, so it must name the file and say what to do.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space and try again',
  EDQUOT: 'your disk quota is used up. Free some space and try again',
  EACCES: 'you do not have permission to use this location. Choose another folder',
  EPERM: 'the system did not allow it (the file may be open in another program or protected). Choose another folder or close that program',
  EROFS: 'this location is read-only. Choose another folder',
  EISDIR: 'a folder with that name is already there. Choose another name',
  ENOTDIR: 'part of the path is not a folder. Choose another folder',
  ENOENT: 'the folder or file no longer exists',
  EBUSY: 'the file is in use by another program. Close it and try again',
  EMFILE: 'too many files are open. Close some programs and try again',
  ENAMETOOLONG: 'the name is too long. Choose a shorter name',
  EIO: 'the disk reported an error. Check the drive and try again',
};

export function fileErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** "Could not save “plan.json”: the disk is full. ..." — for any error, known code or not. */
export function describeFileError(action: 'save' | 'open', fileName: string, error: unknown): string {
  const code = fileErrorCode(error);
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return `Could not ${action} “${fileName}”: ${reason}.`;
}
