import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MARP_BUILTIN_THEMES } from '../../dialects/marp-directives';

/** The Marp theme a deck source asks for, as the build can give it. */
export type MarpThemeChoice =
  /** Marp's own theme, or none asked for (Marp's default). */
  | { kind: 'builtin' }
  /** A stylesheet with that `@theme`, beside the source or named in the configuration. */
  | { kind: 'custom'; css: string }
  /** Nowhere to be found: the Triptyque deck theme stands in. */
  | { kind: 'unknown' };

/** Folders beside the source where decks keep their themes. */
const THEME_FOLDERS = ['.', 'themes', 'theme', '.marp'];

/** Finds the stylesheet whose `@theme` is `name`: the configured files first, then those beside the source. */
export function chooseMarpTheme(name: string | undefined, sourceDir: string, configured: readonly string[]): MarpThemeChoice {
  if (name === undefined || MARP_BUILTIN_THEMES.has(name)) return { kind: 'builtin' };
  const beside = THEME_FOLDERS.flatMap((folder) => cssFiles(resolve(sourceDir, folder)));
  for (const file of [...configured, ...beside]) {
    const css = readText(file);
    if (css !== undefined && themeNameOf(css) === name) return { kind: 'custom', css };
  }
  return { kind: 'unknown' };
}

function themeNameOf(css: string): string | undefined {
  return /@theme\s+([\w-]+)/.exec(css)?.[1];
}

function cssFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((entry) => entry.toLowerCase().endsWith('.css'))
      .map((entry) => join(folder, entry));
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
