import { statSync, readFileSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { TriptyqueError } from '../errors';
import { operations, type SpecialFile } from '../messages/operations';

/**
 * Only regular files are read as sources, images, themes and configuration: a named pipe, a
 * device or a socket would block the read for ever (and, read synchronously, the whole process,
 * signals included). Each kind of file has a size cap; an asynchronous read also has a timeout,
 * for a file on a share that stopped answering.
 */
export type FileRefusal = { reason: 'missing' } | { reason: 'not-regular'; kind: SpecialFile } | { reason: 'too-large'; bytes: number; maxBytes: number };

/** An operational failure (the CLI prints it as one sentence) that callers may also locate on a source. */
export class FileRefused extends TriptyqueError {
  constructor(
    readonly path: string,
    readonly refusal: FileRefusal,
  ) {
    super('IO', describeRefusal(path, refusal));
  }
}

export function describeRefusal(path: string, refusal: FileRefusal): string {
  return operations.fileRefused(path, refusal);
}

/** What stands at `path` when it is not a readable regular file within the cap; undefined when it is. */
function refusalOf(info: Stats | undefined, maxBytes: number): FileRefusal | undefined {
  if (!info) return { reason: 'missing' };
  if (!info.isFile()) return { reason: 'not-regular', kind: kindOf(info) };
  if (info.size > maxBytes) return { reason: 'too-large', bytes: info.size, maxBytes };
  return undefined;
}

function kindOf(info: Stats): SpecialFile {
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'pipe';
  if (info.isSocket()) return 'socket';
  return 'device';
}

/** Checks `path` without opening it (a pipe's open would already block). */
export function checkRegularFileSync(path: string, maxBytes: number): FileRefusal | undefined {
  return refusalOf(statSync(path, { throwIfNoEntry: false }), maxBytes);
}

export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const refusal = checkRegularFileSync(path, maxBytes);
  if (refusal) throw new FileRefused(path, refusal);
  return readFileSync(path);
}

/** How long one file may take to read before it counts as unreadable. */
const READ_TIMEOUT_MS = 20_000;

export async function readRegularFile(path: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const refusal = refusalOf(await stat(path).catch(() => undefined), maxBytes);
  if (refusal) throw new FileRefused(path, refusal);
  const timeout = AbortSignal.timeout(READ_TIMEOUT_MS);
  return readFile(path, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
}

/** Images larger than this are shown as a placeholder: no slide or page needs one. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Theme files (JSON, YAML, stylesheets, logos, fonts): a few hundred KB at most in practice. */
export const MAX_THEME_FILE_BYTES = 20 * 1024 * 1024;
