import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { urlPath } from './files/url-path';

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

/**
 * Whether a local URL of a source (`images/a.png`, `../a.png`, `/img/a.png`), decoded and with
 * symlinks followed, leads to a file inside `folder`: the only files a build reads for a source.
 */
export function isInsideFolder(url: string, folder: string): boolean {
  const path = urlPath(url);
  const target = resolve(folder, path);
  return !isAbsolute(path) && target.startsWith(`${resolve(folder)}/`) && isInsideReally(target, folder);
}

