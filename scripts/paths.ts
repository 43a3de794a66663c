import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder (where `themes/` and `node_modules/` live), wherever it is run from. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
export const NODE_MODULES_DIR = join(PACKAGE_ROOT, 'node_modules');

export function themeDir(theme: string): string {
  return join(THEMES_DIR, theme);
}
