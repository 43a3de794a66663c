import { Marp } from '@marp-team/marp-core';
import type { DeckTheme } from './deck-theme';

export interface RenderedDeck {
  /** A complete HTML document: one 1280x720 page per slide, ready to measure, screenshot and print. */
  document: string;
  /** Notes of each slide, as Marp read them from the comments. */
  notes: string[][];
}

/**
 * Renders deck.md with Marp Core, the way marp-cli will for deck.html, but into a page of plain
 * sections (no inline SVG) that the build's one browser can measure and print.
 */
export function renderMarp(markdown: string, theme: DeckTheme): RenderedDeck {
  // Offline: Twemoji images come from a CDN and KaTeX fonts are remote, so both are off.
  const marp = new Marp({ inlineSVG: false, emoji: { shortcode: false, unicode: false }, math: false, script: false });
  marp.themeSet.add(theme.css);
  const { html, css, comments } = marp.render(markdown);
  const document = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>${css}</style>
<style>
@page { size: 1280px 720px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > section { break-after: page; break-inside: avoid; }
div.marpit > section:last-child { break-after: auto; }
</style></head><body>${html}</body></html>`;
  return { document, notes: comments };
}
