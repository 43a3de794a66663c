import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontStack, themeFile, type Theme } from '../../theme/load-theme';

/** The digest's stylesheets, from `themes/<theme>/digest/` (else the default theme's), with the theme's tokens filled in. */
export interface DigestCss {
  /** Inlined into the elements by juice. */
  inline: string;
  /** Media queries kept as `<style>` blocks, one per concern. */
  responsive: string;
  dark: string;
}

export function loadDigestCss(theme: Theme): DigestCss {
  const read = (name: string) => resolveTokens(readFileSync(themeFile(theme, join('digest', name)), 'utf8'), theme);
  return { inline: read('digest.css'), responsive: read('digest-responsive.css'), dark: read('digest-dark.css') };
}

/**
 * Email clients know no custom properties: `var(--color-ink)` becomes `#1d2733` here. Fonts are the
 * theme's families with their web-safe fallbacks (Georgia, Arial): a mail client cannot load ours.
 */
export function resolveTokens(css: string, theme: Theme): string {
  const tokens = new Map<string, string>([
    ...Object.entries(theme.colors).map(([key, value]) => [`--color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value] as [string, string]),
    ['--font-text', fontStack(theme, 'text', { emoji: false })],
    ['--font-heading', fontStack(theme, 'heading', { emoji: false })],
  ]);
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return withoutComments.replace(/var\((--[\w-]+)\)/g, (whole, name: string) => {
    const value = tokens.get(name);
    if (value === undefined) throw new Error(`unknown theme token ${name} in the digest stylesheet`);
    return value;
  });
}
