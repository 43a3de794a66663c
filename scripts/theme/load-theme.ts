import { existsSync, readFileSync, statSync } from 'node:fs';
import { checkRegularFileSync, describeRefusal, FileRefused, MAX_THEME_FILE_BYTES, readRegularFileSync } from '../files/regular-file';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { locateYamlPath, parseYaml, yamlToData } from '../config/yaml-location';
import { TriptyqueError } from '../errors';
import { BUILT_IN_THEMES_DIR, packageDir } from '../paths';
import { brandThemeInput } from './brand-theme';
import { parseBrandYml } from './brand-yml';
import { EMOJI_FAMILY } from './emoji-font';
import { themeSchema, type FontRole, type LogoVariant, type Theme } from './theme-schema';

export type { LogoVariant, Theme, ThemeInput } from './theme-schema';

/**
 * The neutral theme that comes with the tool: what a `_brand.yml` is applied onto (its
 * stylesheets, fonts and tokens the brand leaves out), and the stylesheets any theme lacks.
 */
export const DEFAULT_THEME = 'triptyque';
export const THEME_JSON = 'theme.json';
export const BRAND_YML = '_brand.yml';
/** The folder of a project's own themes, beside its configuration. */
export const PROJECT_THEMES = 'themes';

const cache = new Map<string, Theme>();

/** A theme's folder: the project's `themes/<name>` when it has one, else the tool's own. */
export function themeDir(name: string, projectRoot?: string): string {
  const own = projectRoot === undefined ? undefined : join(projectRoot, PROJECT_THEMES, name);
  return own !== undefined && existsSync(own) ? own : join(BUILT_IN_THEMES_DIR, name);
}

/**
 * The tokens every target styles itself with, from `themes/<name>/theme.json` (the native form)
 * or `themes/<name>/_brand.yml` (posit's brand.yml, as Quarto reads it), in the project's themes
 * or the tool's. Problems are thrown as one THEME_INVALID error whose lines read `file:line:column message`.
 */
export function loadTheme(name: string, projectRoot?: string): Theme {
  return loadThemeAt(themeDir(name, projectRoot), name);
}

/** The theme in a known folder (`TargetContext.themeDir`). */
export function loadThemeAt(dir: string, name: string): Theme {
  const cached = cache.get(dir);
  if (cached) return cached;
  const theme = readTheme(dir, name);
  cache.set(dir, theme);
  return theme;
}

/**
 * A stylesheet of the theme, or the default theme's when the theme has none of its own: a theme
 * (a `_brand.yml`, typically) carries only what it changes, and the default's layout fixes reach it.
 */
export function themeFile(theme: Theme, own: string, fallback: string = own): string {
  const path = join(theme.dir, own);
  const refusal = checkRegularFileSync(path, MAX_THEME_FILE_BYTES);
  if (refusal && refusal.reason !== 'missing') throw themeError(describeRefusal(path, refusal));
  return refusal ? join(themeDir(DEFAULT_THEME), fallback) : path;
}

export function readTheme(dir: string, name: string): Theme {
  const json = join(dir, THEME_JSON);
  const brandPath = join(dir, BRAND_YML);
  const hasJson = existsSync(json);
  const hasBrand = existsSync(brandPath);
  if (hasJson && hasBrand) throw themeError(`${brandPath}:1:1 a theme is either ${THEME_JSON} or ${BRAND_YML}, not both: remove one (theme-ambiguous)`);
  if (!hasJson && !hasBrand) throw themeError(`${dir}: no ${THEME_JSON} or ${BRAND_YML} in the theme folder (theme-missing)`);
  let input: unknown;
  const warnings: string[] = [];
  if (hasBrand) {
    const parsed = parseBrandYml(readThemeText(brandPath));
    if ('problems' in parsed) throw themeError(parsed.problems.map((p) => `${brandPath}:${p.line}:${p.column} ${p.message} (theme-invalid)`).join('\n'));
    const base = readTheme(themeDir(DEFAULT_THEME), DEFAULT_THEME);
    const mapped = brandThemeInput(parsed.brand, { name, base });
    warnings.push(...mapped.warnings.map((warning) => `${brandPath}: ${warning}`));
    input = mapped.input;
  } else {
    const parsed = parseYaml(readThemeText(json));
    if (parsed.doc.errors.length > 0) throw themeError(`${json}:${parsed.doc.errors[0]!.linePos?.[0]?.line ?? 1}:${parsed.doc.errors[0]!.linePos?.[0]?.col ?? 1} ${parsed.doc.errors[0]!.message.split('\n')[0]} (theme-invalid)`);
    const converted = yamlToData(parsed);
    if ('error' in converted) throw themeError(`${json}:${converted.place.line}:${converted.place.column} ${converted.error} (theme-invalid)`);
    const result = themeSchema.safeParse(converted.data);
    if (!result.success) {
      throw themeError(
        result.error.issues
          .map((issue) => {
            const place = locateYamlPath(parsed, issue.path);
            return `${json}:${place.line}:${place.column} \`${issue.path.join('.')}\`: ${issue.message} (theme-invalid)`;
          })
          .join('\n'),
      );
    }
    input = result.data;
  }
  const result = themeSchema.safeParse(input);
  if (!result.success) throw themeError(`${brandPath}:1:1 ${result.error.issues.map((issue) => `\`${issue.path.join('.')}\`: ${issue.message}`).join('; ')} (theme-invalid)`);
  const theme: Theme = { ...result.data, dir, warnings };
  for (const variant of ['light', 'dark'] as const) {
    const file = theme.logo?.[variant];
    if (file === undefined) continue;
    const path = resolve(dir, file);
    const rel = relative(dir, path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw themeError(`${hasBrand ? brandPath : json}:1:1 the logo "${file}" is outside the theme folder (theme-logo)`);
    const refusal = checkRegularFileSync(path, MAX_THEME_FILE_BYTES);
    if (refusal?.reason === 'missing') throw themeError(`${hasBrand ? brandPath : json}:1:1 the logo "${file}" does not exist in ${dir} (theme-logo)`);
    if (refusal) throw themeError(`${hasBrand ? brandPath : json}:1:1 ${describeRefusal(path, refusal)} (theme-logo)`);
  }
  return theme;
}

/** A theme file's text: a pipe or device in its place is a theme error, not a build that never ends. */
function readThemeText(path: string): string {
  try {
    return readRegularFileSync(path, MAX_THEME_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof FileRefused) throw themeError(`${path}:1:1 ${error.message} (theme-invalid)`);
    throw error;
  }
}

function themeError(message: string): TriptyqueError {
  return new TriptyqueError('THEME_INVALID', message);
}

/** The logo as a data URL, so an HTML artifact shows it wherever it is copied; the light one when there is no dark one. */
export function logoDataUrl(theme: Theme, variant: LogoVariant): string | undefined {
  const file = logoPath(theme, variant);
  if (!file) return undefined;
  const type = extname(file).toLowerCase() === '.svg' ? 'image/svg+xml' : 'image/png';
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/** Absolute path of a logo variant (falling back to the light one). */
export function logoPath(theme: Theme, variant: LogoVariant): string | undefined {
  const file = theme.logo?.[variant] ?? theme.logo?.light;
  return file === undefined ? undefined : resolve(theme.dir, file);
}

/** Width over height of a logo variant: an SVG's viewBox (or width/height), a PNG's header. */
export function logoAspect(theme: Theme, variant: LogoVariant): number | undefined {
  const file = logoPath(theme, variant);
  if (!file) return undefined;
  const bytes = readFileSync(file);
  if (extname(file).toLowerCase() === '.png') return bytes.readUInt32BE(16) / bytes.readUInt32BE(20);
  const svg = bytes.toString('utf8');
  const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(svg);
  if (box) return Number(box[1]) / Number(box[2]);
  const width = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/.exec(svg);
  const height = /<svg[^>]*\sheight\s*=\s*["']([\d.]+)/.exec(svg);
  return width && height ? Number(width[1]) / Number(height[1]) : undefined;
}

interface FontFace {
  weight: string;
  style: 'normal' | 'italic';
  /** A woff2 file of the font's package. */
  file: string;
  /** The `unicode-range` it covers (fontsource splits a font into subsets: latin, latin-ext, cyrillic...). */
  range: string;
}

const fontFaceLists = new Map<string, FontFace[]>();

/**
 * The faces of one weight (`400`, or `400i` for italic) of a fontsource package, as its own
 * stylesheet (`400.css`, `400-italic.css`) lists them: which file holds which characters.
 */
export function fontFaces(theme: Theme, role: FontRole, key: string): FontFace[] {
  const font = theme.fonts[role];
  const id = `${font.package}/${key}`;
  let faces = fontFaceLists.get(id);
  if (faces === undefined) {
    const dir = packageDir(font.package);
    const style = key.endsWith('i') ? 'italic' : 'normal';
    const weight = key.slice(0, 3);
    const css = join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`);
    if (!existsSync(css)) throw themeError(`${theme.dir}: the font package ${font.package} has no ${weight} ${style} face (${css} is missing) (theme-font)`);
    faces = [...readFileSync(css, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body]) => {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body!)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
      return file ? [{ weight, style, file: join(dir, 'files', file), range: range?.trim() ?? 'U+0-10FFFF' } satisfies FontFace] : [];
    });
    fontFaceLists.set(id, faces);
  }
  return faces;
}

/** Every font file a theme's text and headings are set in: the browser may read these. */
export function fontPackageDirs(theme: Theme): string[] {
  return [...new Set([theme.fonts.text.package, theme.fonts.heading.package].map(packageDir))];
}

/** `font-family` value with fallbacks. */
export function fontStack(theme: Theme, role: FontRole, options: { emoji: boolean } = { emoji: true }): string {
  // Emoji come from the local emoji font (declared only where a document uses some), before any
  // system font; a mail client draws its own.
  const emoji = options.emoji ? `'${EMOJI_FAMILY}', ` : '';
  return `'${theme.fonts[role].family}', ${emoji}${theme.fonts[role].fallback}`;
}

/**
 * @font-face rules for both families. `embed` inlines the fonts as data URLs so an HTML artifact
 * works wherever it is copied; otherwise they point at node_modules with file URLs.
 */
export function fontFaceCss(theme: Theme, options: { embed: boolean; roles?: FontRole[] }): string {
  const rules: string[] = [];
  for (const role of options.roles ?? (['text', 'heading'] as FontRole[])) {
    for (const key of theme.fonts[role].weights) {
      for (const face of fontFaces(theme, role, key)) {
        const src = options.embed ? fontDataUrl(face.file) : pathToFileURL(face.file).href;
        rules.push(
          `@font-face{font-family:'${theme.fonts[role].family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url("${src}") format("woff2");unicode-range:${face.range}}`,
        );
      }
    }
  }
  return rules.join('\n');
}

/** Font files as data URLs, kept while the file is unchanged: each rebuild of a watch session embeds the same fonts. */
const fontDataUrls = new Map<string, { stamp: string; url: string }>();

function fontDataUrl(path: string): string {
  const info = statSync(path);
  const stamp = `${info.mtimeMs}:${info.size}`;
  const known = fontDataUrls.get(path);
  if (known?.stamp === stamp) return known.url;
  const url = `data:font/woff2;base64,${readFileSync(path).toString('base64')}`;
  fontDataUrls.set(path, { stamp, url });
  return url;
}

/** The colours and font stacks as CSS custom properties, for stylesheets that use `var(--...)`. */
export function themeVariables(theme: Theme): string {
  const colors = Object.entries(theme.colors).map(([key, value]) => `--color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value};`);
  return `:root{${colors.join('')}--font-text:${fontStack(theme, 'text')};--font-heading:${fontStack(theme, 'heading')};}`;
}
