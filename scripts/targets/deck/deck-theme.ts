import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emojiFontCss } from '../../theme/emoji-font';
import { katexCss } from '../../math/katex';
import { DEFAULT_THEME, themeFile, fontFaceCss, logoAspect, logoDataUrl, themeVariables, type Theme } from '../../theme/load-theme';

export interface DeckTheme {
  /** The `@theme` name Marp knows it by. */
  name: string;
  /** The Marp theme without fonts: the theme's deck CSS and its tokens as variables. What the build lays slides out with. */
  css: string;
  /** `@font-face` rules with the fonts embedded as data URLs, for deck.html (added beside Marp's stylesheet, not through it). */
  embeddedFontCss: string;
  /** `@font-face` rules pointing at node_modules: the build's pages load fonts from disk, not from 900 KB of base64. */
  fontCss: string;
}

/**
 * The Marp theme for a Triptyque theme: `themes/<theme>/deck/<theme>.css` plus the shared tokens.
 * deck.html embeds the fonts as data URLs so it works wherever it is copied; the pages the build
 * measures and prints in read the same font files by file URL.
 */
export async function loadDeckTheme(theme: Theme): Promise<DeckTheme> {
  const file = themeFile(theme, join('deck', `${theme.name}.css`), join('deck', `${DEFAULT_THEME}.css`));
  // A theme without a deck stylesheet of its own takes the default's under its own name: Marp knows a theme by its `@theme` line.
  const source = (await readFile(file, 'utf8')).replace(new RegExp(`@theme\\s+${DEFAULT_THEME}\\b`), `@theme ${theme.name}`);
  const name = /@theme\s+([\w-]+)/.exec(source)?.[1] ?? theme.name;
  const css = `${source}\n${themeVariables(theme)}\n${logoVariables(theme)}\n`;
  return { name, css, embeddedFontCss: fontFaceCss(theme, { embed: true }), fontCss: fontFaceCss(theme, { embed: false }) };
}

/** The same theme with the emoji font subsets a document's text needs, if any (`emoji-font.ts`). */
export function withEmojiFonts(theme: DeckTheme, text: string): DeckTheme {
  const local = emojiFontCss(text, { embed: false });
  if (!local) return theme;
  return { ...theme, fontCss: `${theme.fontCss}\n${local}`, embeddedFontCss: `${theme.embeddedFontCss}\n${emojiFontCss(text, { embed: true })}` };
}

/** The same theme with KaTeX's stylesheet and fonts, for a deck with math (Marp's own points at no fonts). */
export function withMathFonts(theme: DeckTheme, math: boolean): DeckTheme {
  if (!math) return theme;
  return { ...theme, fontCss: `${theme.fontCss}\n${katexCss({ embed: false })}`, embeddedFontCss: `${theme.embeddedFontCss}\n${katexCss({ embed: true })}` };
}

/** Height of the logo in the footer, in px; the stylesheet reserves its width before the footer text. */
const FOOTER_LOGO_PX = 22;

/**
 * The logo as CSS variables the Marp theme draws with (the title slide is dark, the footer
 * light): `none` and no indent when the theme has no logo.
 */
function logoVariables(theme: Theme): string {
  const onLight = logoDataUrl(theme, 'light');
  const onDark = logoDataUrl(theme, 'dark');
  if (!onLight || !onDark) return ':root{--logo-on-light:none;--logo-on-dark:none;--logo-footer-indent:0px;}';
  const indent = Math.round(FOOTER_LOGO_PX * (logoAspect(theme, 'light') ?? 1)) + 14;
  return `:root{--logo-on-light:url("${onLight}");--logo-on-dark:url("${onDark}");--logo-footer-indent:${indent}px;}`;
}
