import { Marp } from '@marp-team/marp-core';
import type { DeckTheme } from './deck-theme';
import { withoutKatexFontFiles } from './katex-font-faces.mjs';
import { linearSlides } from './linear-slides.mjs';

export interface RenderedDeck {
  /** Each slide's `<section>`, as Marp renders it (to go inside a `div.marpit`). */
  sections: string[];
  /** Marp's stylesheet for the sections (theme included, fonts not). */
  css: string;
  /** Notes of each slide, as Marp read them from the comments. */
  notes: string[][];
}

/**
 * Marp whose stylesheet is packed once per theme and inline styles: packing runs the theme through
 * PostCSS (tens of ms) and gives the same CSS for every render of the deck, whatever its slides.
 */
class DeckMarp extends Marp {
  private readonly styles = new Map<string, string>();

  protected override renderStyle(theme?: string): string {
    const key = `${theme}\n${this.lastStyles?.join('\n') ?? ''}`;
    let css = this.styles.get(key);
    if (css === undefined) {
      css = super.renderStyle(theme);
      this.styles.set(key, css);
    }
    return css;
  }
}

/**
 * What changes how a slide lays out, the same for the slides measured and for deck.html. Offline:
 * Twemoji images come from a CDN, so they are off; KaTeX's fonts would too, so Marp leaves them
 * out (`katexFontPath: false`, then `withoutKatexFontFiles`) and the deck's font stylesheet brings the installed ones (`withMathFonts`).
 */
export const MARP_OPTIONS = { emoji: { shortcode: false, unicode: false }, math: { lib: 'katex', katexFontPath: false, katexOption: { strict: 'ignore', throwOnError: false } } } as const;

/** One Marp per theme: adding a theme parses its CSS, which the rounds of fitting need not repeat. */
const marps = new Map<string, Marp>();

/**
 * Renders deck.md with Marp Core, the way marp-cli will for deck.html, but into plain sections
 * (no inline SVG) that the build's one browser can measure, screenshot and print.
 */
export function renderMarp(markdown: string, theme: DeckTheme): RenderedDeck {
  let marp = marps.get(theme.css);
  if (!marp) {
    // Marpit's own splitting is quadratic in the deck's tokens; marp-cli renders deck.html with the same fix (`export-html.ts`).
    marp = withoutKatexFontFiles(new DeckMarp({ ...MARP_OPTIONS, inlineSVG: false, script: false })).use(linearSlides);
    marp.themeSet.add(theme.css);
    marps.set(theme.css, marp);
  }
  const { html, css, comments } = marp.render(markdown, { htmlAsArray: true });
  return { sections: html, css, notes: comments };
}

/** The slides one below the other, one 1280x720 page each when printed. */
export function deckBody(rendered: RenderedDeck): string {
  return `<div class="marpit">${rendered.sections.join('')}</div>`;
}

export const DECK_PAGE_CSS = `
@page { size: 1280px 720px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > section { break-after: page; break-inside: avoid; }
div.marpit > section:last-child { break-after: auto; }
`;
