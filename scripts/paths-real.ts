import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** Where a path really leads once symlinks are followed; a path that does not exist stays as written. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether `path`, symlinks followed, lies in `root` (symlinks followed too) or is `root`. */
export function isInsideReally(path: string, root: string): boolean {
  const rel = relative(realPath(root), realPath(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
