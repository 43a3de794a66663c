import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TriptyqueError } from '../errors';
import { BUILT_IN_THEMES_DIR } from '../paths';
import { BRAND_YML, DEFAULT_THEME, readTheme, THEME_JSON } from './load-theme';
import { brandLogo, parseBrandYml } from './brand-yml';

export interface CreateThemeOptions {
  name: string;
  /** A `_brand.yml` to apply; its logo files are copied beside it. */
  from?: string;
  /** The project's themes folder, where the new one goes. */
  themesDir: string;
}

/**
 * A new theme folder: a copy of the default theme (stylesheets of the three targets), renamed,
 * with either its own `theme.json` or the given `_brand.yml` and its logos. Checked by loading
 * it; nothing is left behind when it does not load.
 */
export function createTheme(options: CreateThemeOptions): { dir: string; warnings: string[] } {
  const { name } = options;
  if (!/^[a-z0-9-]+$/.test(name)) throw new TriptyqueError('USAGE', `theme name "${name}": use lower-case letters, digits and hyphens (it is a folder name)`);
  const { themesDir } = options;
  const dir = join(themesDir, name);
  if (existsSync(dir)) throw new TriptyqueError('USAGE', `${dir} already exists: choose another name or remove it`);
  const brand = options.from === undefined ? undefined : readBrand(options.from);
  const staging = join(themesDir, `.${name}-${process.pid}`);
  try {
    mkdirSync(themesDir, { recursive: true });
    cpSync(join(BUILT_IN_THEMES_DIR, DEFAULT_THEME), staging, { recursive: true });
    // The Marp theme is known by its file's name and its `@theme` line.
    const deckCss = join(staging, 'deck', `${DEFAULT_THEME}.css`);
    writeFileSync(join(staging, 'deck', `${name}.css`), readFileSync(deckCss, 'utf8').replace(new RegExp(`@theme\\s+${DEFAULT_THEME}\\b`), `@theme ${name}`));
    rmSync(deckCss);
    const themeJson = join(staging, THEME_JSON);
    if (brand) {
      rmSync(themeJson);
      writeFileSync(join(staging, BRAND_YML), brand.text);
      for (const file of brand.logoFiles) {
        mkdirSync(dirname(join(staging, file)), { recursive: true });
        cpSync(join(dirname(brand.path), file), join(staging, file));
      }
    } else {
      const json = JSON.parse(readFileSync(themeJson, 'utf8')) as Record<string, unknown>;
      writeFileSync(themeJson, `${JSON.stringify({ ...json, name }, null, 2)}\n`);
    }
    const theme = readTheme(staging, name);
    renameSync(staging, dir);
    return { dir, warnings: theme.warnings.map((warning) => warning.replace(staging, dir)) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The brand file's text and the local logo files it names (relative, inside its folder). */
function readBrand(path: string): { path: string; text: string; logoFiles: string[] } {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new TriptyqueError('USAGE', `${path}: no such file`);
  const text = readFileSync(absolute, 'utf8');
  const parsed = parseBrandYml(text);
  if ('problems' in parsed) throw new TriptyqueError('THEME_INVALID', parsed.problems.map((p) => `${absolute}:${p.line}:${p.column} ${p.message} (theme-invalid)`).join('\n'));
  const logo = brandLogo(parsed.brand);
  const logoFiles = [logo?.light, logo?.dark].filter((file): file is string => file !== undefined && !/^https?:\/\//i.test(file));
  for (const file of logoFiles) {
    const rel = relative(dirname(absolute), resolve(dirname(absolute), file));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new TriptyqueError('THEME_INVALID', `${absolute}:1:1 the logo "${file}" must sit beside ${BRAND_YML} or below it (theme-logo)`);
    if (!existsSync(resolve(dirname(absolute), file))) throw new TriptyqueError('THEME_INVALID', `${absolute}:1:1 the logo "${file}" does not exist (theme-logo)`);
  }
  return { path: absolute, text, logoFiles };
}
