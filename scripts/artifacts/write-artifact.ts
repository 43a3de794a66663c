import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from '../process-alive';

export interface ArtifactRecord {
  /** File name inside the output folder. */
  name: string;
  path: string;
  bytes: number;
}

export type ArtifactWriter = (name: string, data: string | Uint8Array) => Promise<ArtifactRecord>;

/**
 * Writes to a temporary file beside the target, then renames it over: a reader sees the old
 * artifact or the new one, never a truncated file, even if the build dies half-way.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/**
 * The files a build writes beside its artifacts while it runs, with the pid of the process: a
 * temporary artifact of writeAtomic (`.<name>.<pid>.<random>.tmp`), a page the deck or the
 * brochure loads from a file (`.brochure-<pid>-<random>.html`).
 */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$|^\.(?:brochure|deck)-(\d+)-[0-9a-f]{8}\.html$/;

/**
 * Removes the temporary files a build killed outright (SIGKILL, a power cut) left under `dir`
 * half-written; those of a process still running are its own and stay. Called with the output
 * folder's lock held, so no other build is writing there.
 */
export async function removeDeadTemporaries(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry.name);
    const pid = match?.[1] ?? match?.[2];
    if (entry.isFile() && pid && !processAlive(Number(pid))) await rm(join(entry.parentPath, entry.name), { force: true });
  }
}

export function artifactWriter(outDir: string): ArtifactWriter {
  return async (name, data) => {
    const path = join(outDir, name);
    const bytes = await writeAtomic(path, data);
    return { name, path, bytes };
  };
}
