import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (where its `themes/` and `package.json` are), beside this file. Its
 * dependencies are not looked for under it: npm hoists them wherever it likes, so they are found
 * by Node's resolution (`packageDir`).
 */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The themes that come with the tool (the neutral default, which stands in for what a theme lacks). */
export const BUILT_IN_THEMES_DIR = join(PACKAGE_ROOT, 'themes');

const requireHere = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();

/** Where an installed package's files are, as Node would find it from here (hoisted or not). */
export function packageDir(name: string): string {
  let dir = packageDirs.get(name);
  if (dir === undefined) {
    dir = dirname(requireHere.resolve(`${name}/package.json`));
    packageDirs.set(name, dir);
  }
  return dir;
}
