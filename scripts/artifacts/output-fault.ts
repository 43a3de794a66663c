import { TriptyqueError } from '../errors';

/**
 * The file-system errors an output folder can give, as one sentence naming the path and the fix;
 * anything else is returned as it was.
 */
export function asOutputFault(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const at = (error as NodeJS.ErrnoException | undefined)?.path ?? path;
  if (code === 'ENOTDIR' || code === 'EEXIST') return new TriptyqueError('IO', `${at} is a file, not a folder: give --out a folder, or move the file away`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new TriptyqueError('IO', `${at} cannot be written (${code}): make it writable, or give --out another folder`, { cause: error });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new TriptyqueError('IO', `no space left to write ${at}: free some space, or give --out another disk`, { cause: error });
  return error;
}

/** Runs `work`; an output-folder error it throws becomes the one sentence above. */
export async function withOutputFaults<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asOutputFault(error, path);
  }
}
