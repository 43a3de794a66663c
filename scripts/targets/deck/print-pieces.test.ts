import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers';
import { BrowserService } from '../../browser/browser-service';
import { PACKAGE_ROOT } from '../../paths';
import type { Metadata } from '../../model/types';
import { DEFAULT_THEME, loadTheme } from '../../theme/load-theme';
import { comparableText, pdfPageTexts } from '../brochure/pdf-text';
import { openFontPage, showDocument } from './deck-page';
import { loadDeckTheme } from './deck-theme';
import { inPieces } from './deck-pieces';
import { finishPdf, printDeck } from './export-pdf';
import { measureSlides } from './measure-slides';
import { readSlideLayouts } from './pptx/slide-layout';
import { printHandout, type HandoutSlide } from './handout';
import { DECK_PAGE_CSS, deckBody, renderMarp, type RenderedDeck } from './render-marp';

// A long deck prints in pieces (Chromium's print slows down with the document's length); these
// tests make the pieces a few slides long so that a short deck shows what a long one gets.

const browser = new BrowserService();
afterAll(() => browser.close());

const meta: Metadata = { title: 'Essai', organisation: 'Arifor', author: 'Arifor', authors: [], lang: 'fr', date: '2024-01-15' };
const SLIDES = 9;
let rendered: RenderedDeck;
let theme: Awaited<ReturnType<typeof loadDeckTheme>>;

beforeAll(async () => {
  theme = await loadDeckTheme(loadTheme(DEFAULT_THEME));
  const markdown = `---\nmarp: true\ntheme: ${theme.name}\n---\n\n${Array.from({ length: SLIDES }, (_, index) => `## Diapositive ${index + 1}\n\nTexte propre à la diapositive ${index + 1}.`).join('\n\n---\n\n')}\n`;
  rendered = renderMarp(markdown, theme);
});

/** Runs `work` in a page showing the deck, fonts loaded, as the fit leaves it. */
function withDeckPage<T>(work: (page: Parameters<Parameters<BrowserService['withPage']>[1]>[0]) => Promise<T>): Promise<T> {
  const workDir = tempDir('triptyque-pieces-');
  return browser.withPage({ allowedRoots: [workDir, PACKAGE_ROOT], viewport: { width: 1280, height: 720 } }, async (page) => {
    await openFontPage(page, theme.fontCss, workDir);
    await showDocument(page, { css: `${rendered.css}${DECK_PAGE_CSS}`, body: deckBody(rendered), lang: 'fr' });
    return work(page);
  });
}

describe('a long deck shown in pieces', () => {
  it('measures and lays out each slide for the PPTX as when the deck is shown whole', async () => {
    const { whole, pieces } = await withDeckPage(async (page) => ({
      whole: { measures: await measureSlides(page), layouts: await readSlideLayouts(page) },
      pieces: { measures: await inPieces(page, rendered, 'fr', () => measureSlides(page), 4), layouts: await inPieces(page, rendered, 'fr', () => readSlideLayouts(page), 4) },
    }));
    expect(whole.measures).toHaveLength(SLIDES);
    expect(pieces).toEqual(whole);
  }, 120_000);
});

describe('a long deck printed in pieces', () => {
  it('gives one PDF with every slide once, in order, as text', async () => {
    const pieces = await withDeckPage((page) => printDeck(page, rendered, 'fr', 4));
    expect(pieces).toHaveLength(3);
    const pages = (await pdfPageTexts(await finishPdf(pieces, { meta, date: new Date(0) }, []))).map(comparableText);
    expect(pages).toHaveLength(SLIDES);
    pages.forEach((text, index) => expect(text).toContain(`Texte propre à la diapositive ${index + 1}.`));
  }, 120_000);

  it('gives a handout whose pages are numbered across the pieces, in the margin, as text', async () => {
    const slides: HandoutSlide[] = rendered.sections.map((section, index) => ({ section, title: `Diapositive ${index + 1}`, notes: [`Note de la diapositive ${index + 1}.`], timing: '≈ 1 min' }));
    const options = { meta, theme: loadTheme(DEFAULT_THEME), slideCss: rendered.css, summary: 'Durée totale ≈ 9 min' };
    const { whole, pieces } = await withDeckPage(async (page) => ({ whole: await printHandout(page, slides, options), pieces: await printHandout(page, slides, options, 4) }));
    expect(whole).toHaveLength(1);
    expect(pieces).toHaveLength(3);
    const pages = (await pdfPageTexts(await finishPdf(pieces, { meta, date: new Date(0) }, []))).map(comparableText);
    pages.forEach((text, index) => expect(text).toMatch(new RegExp(`^Essai Notes de l’orateur ${index + 1} / ${pages.length} `)));
    // No slot left, the opening once, every row once and in order.
    const all = pages.join(' ');
    expect(all).not.toContain('0123456789');
    expect(all.match(/Durée totale/g)).toHaveLength(1);
    const rows = [...all.matchAll(/(\d+)\. Diapositive (\d+) ≈/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(rows).toEqual(slides.map((_, index) => [index + 1, index + 1]));
    // The one-piece handout numbers its pages the same way.
    const onePiece = (await pdfPageTexts(await finishPdf(whole, { meta, date: new Date(0) }, []))).map(comparableText);
    onePiece.forEach((text, index) => expect(text).toMatch(new RegExp(`^Essai Notes de l’orateur ${index + 1} / ${onePiece.length} `)));
  }, 120_000);
});
