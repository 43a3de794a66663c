import { readRegularFile } from '../files/regular-file';
import { MAX_SOURCE_BYTES } from '../source/read-source';
import { createTwoFilesPatch } from 'diff';
import { writeAtomic } from '../artifacts/write-artifact';
import { fixSource, type AppliedFix } from './fix-source';

export interface FileFixes {
  path: string;
  fixes: AppliedFix[];
  /** With `dryRun`: the unified diff of what would change (empty when nothing would). */
  patch?: string;
}

/** Fixes each source in place (written atomically), or with `dryRun` only says how as a diff. */
export async function fixFiles(paths: readonly string[], options: { dryRun: boolean }): Promise<FileFixes[]> {
  const results: FileFixes[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = (await readRegularFile(path, MAX_SOURCE_BYTES)).toString('utf8');
    } catch {
      continue; // `check` reports the unreadable source with its reason.
    }
    const fixed = await fixSource(text, path);
    if (fixed.text === text) {
      results.push({ path, fixes: [] });
      continue;
    }
    if (options.dryRun) results.push({ path, fixes: fixed.fixes, patch: createTwoFilesPatch(path, path, text, fixed.text) });
    else {
      await writeAtomic(path, fixed.text);
      results.push({ path, fixes: fixed.fixes });
    }
  }
  return results;
}
