import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

export function artifactWriter(outDir: string): ArtifactWriter {
  return async (name, data) => {
    const path = join(outDir, name);
    const bytes = await writeAtomic(path, data);
    return { name, path, bytes };
  };
}
