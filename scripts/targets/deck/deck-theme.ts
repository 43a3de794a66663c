import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontFaceCss, themeVariables, type Theme } from '../../theme/load-theme';

export interface DeckTheme {
  /** The `@theme` name Marp knows it by. */
  name: string;
  /** The complete Marp theme: the theme's deck CSS, its tokens as variables, its fonts embedded. */
  css: string;
}

/**
 * The Marp theme for a Triptyque theme: `themes/<theme>/deck/<theme>.css` plus the shared tokens.
 * Fonts are embedded as data URLs: deck.html then works wherever it is copied, and the page that
 * prints the PDF loads nothing from disk or network.
 */
export async function loadDeckTheme(theme: Theme): Promise<DeckTheme> {
  const css = await readFile(join(theme.dir, 'deck', `${theme.name}.css`), 'utf8');
  const name = /@theme\s+([\w-]+)/.exec(css)?.[1] ?? theme.name;
  return { name, css: `${css}\n${themeVariables(theme)}\n${fontFaceCss(theme, { embed: true })}\n` };
}
