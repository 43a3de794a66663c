import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { NODE_MODULES_DIR, themeDir } from '../paths';

const fontSchema = z.object({
  family: z.string(),
  fallback: z.string(),
  package: z.string(),
  /** Weight (with `i` for italic) -> file name without extension, in the package's complete woff2 set. */
  files: z.record(z.string().regex(/^\d{3}i?$/), z.string()),
});

const themeSchema = z.object({
  name: z.string(),
  colors: z.object({
    ink: z.string(),
    muted: z.string(),
    accent: z.string(),
    accentDark: z.string(),
    accentSoft: z.string(),
    highlight: z.string(),
    paper: z.string(),
    rule: z.string(),
  }),
  fonts: z.object({ text: fontSchema, heading: fontSchema }),
});

export type Theme = z.output<typeof themeSchema> & { dir: string };
type FontRole = keyof Theme['fonts'];

const cache = new Map<string, Theme>();

/** The tokens every target styles itself with; one `theme.json` per folder under `themes/`. */
export function loadTheme(name: string): Theme {
  const cached = cache.get(name);
  if (cached) return cached;
  const dir = themeDir(name);
  const theme = { ...themeSchema.parse(JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8'))), dir };
  cache.set(name, theme);
  return theme;
}

export function fontFile(theme: Theme, role: FontRole, key: string): string {
  const font = theme.fonts[role];
  return join(NODE_MODULES_DIR, font.package, 'fonts', 'complete', 'woff2', `${font.files[key]}.woff2`);
}

/** `font-family` value with fallbacks. */
export function fontStack(theme: Theme, role: FontRole): string {
  return `'${theme.fonts[role].family}', ${theme.fonts[role].fallback}`;
}

/**
 * @font-face rules for both families. `embed` inlines the fonts as data URLs so an HTML artifact
 * works wherever it is copied; otherwise they point at node_modules with file URLs.
 */
export function fontFaceCss(theme: Theme, options: { embed: boolean; roles?: FontRole[] }): string {
  const rules: string[] = [];
  for (const role of options.roles ?? (['text', 'heading'] as FontRole[])) {
    for (const key of Object.keys(theme.fonts[role].files)) {
      const path = fontFile(theme, role, key);
      const src = options.embed ? `data:font/woff2;base64,${readFileSync(path).toString('base64')}` : pathToFileURL(path).href;
      rules.push(
        `@font-face{font-family:'${theme.fonts[role].family}';font-style:${key.endsWith('i') ? 'italic' : 'normal'};font-weight:${key.slice(0, 3)};font-display:block;src:url("${src}") format("woff2")}`,
      );
    }
  }
  return rules.join('\n');
}

/** The colours and font stacks as CSS custom properties, for stylesheets that use `var(--...)`. */
export function themeVariables(theme: Theme): string {
  const colors = Object.entries(theme.colors).map(([key, value]) => `--color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value};`);
  return `:root{${colors.join('')}--font-text:${fontStack(theme, 'text')};--font-heading:${fontStack(theme, 'heading')};}`;
}
