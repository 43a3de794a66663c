import type { Page } from 'puppeteer-core';
import { showDocument } from './deck-page';
import { DECK_PAGE_CSS, deckBody, type RenderedDeck } from './render-marp';

/**
 * Slides a page shows at once. A long deck is shown, measured, read and printed this many slides
 * at a time: the renderer's memory follows what it shows, and Chromium's print time grows with the
 * document as well as with its pages (300 slides print at 5.5 ms a slide, 1,600 at 19 ms,
 * measured); a long deck printed whole would also outlast the browser call's timeout. A slide lays
 * out the same alone as among others (the theme's header, footer and number are out of the flow).
 */
export const SLIDES_PER_PAGE = 300;

/**
 * Runs `work` on each piece of `rendered` in turn, the page showing that piece, and joins what
 * it gives in slide order.
 */
export async function inPieces<T>(page: Page, rendered: RenderedDeck, lang: string | undefined, work: (piece: RenderedDeck) => Promise<T[]>, size = SLIDES_PER_PAGE): Promise<T[]> {
  const results: T[] = [];
  // At least once: an empty deck is still a document to show.
  for (let first = 0; first === 0 || first < rendered.sections.length; first += size) {
    const piece = { ...rendered, sections: rendered.sections.slice(first, first + size), notes: rendered.notes.slice(first, first + size) };
    await showDocument(page, { css: `${rendered.css}${DECK_PAGE_CSS}`, body: deckBody(piece), lang });
    results.push(...(await work(piece)));
  }
  return results;
}
