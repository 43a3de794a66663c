import type { Page } from 'puppeteer-core';
import type { Metadata } from '../../model/types';
import type { Theme } from '../../theme/load-theme';
import { themeVariables } from '../../theme/load-theme';
import { messages } from '../../messages/messages';
import { showDocument } from './deck-page';
import { cssString } from '../../escape/css-string';
import { PDFDocument } from 'pdf-lib';
import { filledRun, pageSlots, rewriteSlots } from '../../pdf/text-slots';
import type { PrintedPiece } from './export-pdf';

export interface HandoutSlide {
  /** The slide's Marp `<section>`, set in the handout as it is (vector text, not a picture). */
  section: string;
  title: string;
  /** Notes paragraphs, as the presenter reads them. */
  notes: string[];
  /** "≈ 1 min 20 s". */
  timing: string;
}

export interface HandoutOptions {
  meta: Metadata;
  theme: Theme;
  /** Marp's stylesheet for the sections. */
  slideCss: string;
  /** "Durée totale ≈ 32 min". */
  summary: string;
}

/**
 * The speaker's handout on A4: each slide with its notes beside it, as Marp has no such layout.
 * Laid out in HTML and printed with Chromium's paged media (margin boxes for the running title
 * and page numbers). Each slide is its Marp section scaled down into an 88 mm box: crisp at any
 * zoom, small, and no screenshot to take. Shown in a page that already has the fonts (`openFontPage`).
 */
export function handoutDocument(slides: readonly HandoutSlide[], options: HandoutOptions, piece?: HandoutPiece): { css: string; body: string; lang: string } {
  const { meta, theme } = options;
  const words = messages(meta.lang);
  const first = piece?.first ?? 0;
  const rows = slides
    .map((slide, at) => {
      const index = first + at;
      const notes = slide.notes.length > 0 ? slide.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('') : `<p class="empty">${escapeHtml(words.noNotes)}</p>`;
      return `<article class="row"><figure><div class="slide"><div class="marpit">${slide.section}</div></div><figcaption>${index + 1}. ${escapeHtml(slide.title)}</figcaption><div class="timing">${escapeHtml(slide.timing)}</div></figure><div class="notes">${notes}</div></article>`;
    })
    .join('\n');
  const css = `${options.slideCss}
${themeVariables(theme)}
@page {
  size: A4;
  margin: 16mm 14mm 18mm;
  @top-left { content: ${cssString(meta.title)}; font: 8pt var(--font-heading); color: var(--color-muted); }
  @top-right { content: ${cssString(words.speakerNotes)}; font: 8pt var(--font-heading); color: var(--color-muted); }
  @bottom-right { content: ${piece ? cssString(PAGE_NUMBER_SLOT) : 'counter(page) " / " counter(pages)'}; font: 8pt var(--font-heading); color: var(--color-muted); }
}
html { font: 9.5pt/1.42 var(--font-text); color: var(--color-ink); }
html, body { margin: 0; background: #fff; break-inside: auto; page-break-inside: auto; }
h1.handout-title { font: 600 15pt/1.2 var(--font-heading); color: var(--color-accent-dark); margin: 0 0 2mm; }
.summary { font: 9pt var(--font-heading); color: var(--color-muted); margin: 0 0 6mm; }
.row { display: grid; grid-template-columns: 88mm 1fr; gap: 6mm; padding: 4mm 0; border-top: 0.3mm solid var(--color-rule); break-inside: avoid; }
figure { margin: 0; }
/* 1280x720 px scaled to 88 mm wide (88 mm = 332.6 px). */
.slide { width: 88mm; height: 49.5mm; overflow: hidden; border: 0.3mm solid var(--color-rule); }
.slide div.marpit > section { transform: scale(${SLIDE_SCALE}); transform-origin: 0 0; break-before: auto; page-break-before: auto; }
figcaption { font: 600 8pt/1.3 var(--font-heading); color: var(--color-accent-dark); margin-top: 1.5mm; }
.timing { font: 8pt var(--font-heading); color: var(--color-highlight); margin-top: 0.8mm; }
.notes p { margin: 0 0 2mm; hyphens: manual; text-align: left; }
.notes p.empty { color: var(--color-muted); font-style: italic; }
`;
  const opening = `<h1 class="handout-title">${escapeHtml(meta.title)}</h1>
<p class="summary">${escapeHtml(options.summary)}</p>
`;
  const body = `${first === 0 ? opening : ''}${rows}`;
  return { css, body, lang: meta.lang };
}

const SLIDE_SCALE = ((88 / 25.4) * 96) / 1280;

/** Part of a handout printed apart: its first row's index in the whole. */
export interface HandoutPiece {
  first: number;
}

/** Rows printed by one call, for the reasons the deck is shown in pieces (`deck-pieces.ts`). */
export const HANDOUT_ROWS_PER_PRINT = 300;

/**
 * A handout printed in pieces numbers its pages from 1 in each, and Chromium has no way to start a
 * page counter elsewhere: each page shows a slot (`text-slots.ts`) where its number goes, in the
 * margin box's own font, filled in once the pieces' pages are counted.
 */
const PAGE_NUMBER_SLOT = '0123456789 /';
const PAGE_NUMBER_PATTERN = /^0123456789 \/$/;

/**
 * Prints the handout in a page opened with `openFontPage`: in one piece, or for a long deck in
 * pieces of `rowsPerPrint` rows whose pages are numbered across the pieces. Should a piece's
 * numbers not be found where they were printed, the handout is printed in one piece.
 */
export async function printHandout(page: Page, slides: readonly HandoutSlide[], options: HandoutOptions, rowsPerPrint = HANDOUT_ROWS_PER_PRINT): Promise<PrintedPiece[]> {
  const print = async (document: { css: string; body: string; lang: string }) => {
    await showDocument(page, document);
    return page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
  };
  const whole = async () => [await print(handoutDocument(slides, options))];
  if (slides.length <= rowsPerPrint) return whole();
  const pieces: PDFDocument[] = [];
  for (let first = 0; first < slides.length; first += rowsPerPrint) {
    const printed = await print(handoutDocument(slides.slice(first, first + rowsPerPrint), options, { first }));
    pieces.push(await PDFDocument.load(printed, { updateMetadata: false }));
  }
  const total = pieces.reduce((sum, piece) => sum + piece.getPageCount(), 0);
  let number = 0;
  for (const piece of pieces) {
    const edits = [];
    for (const pdfPage of piece.getPages()) {
      number += 1;
      const slots = pageSlots(piece, pdfPage, PAGE_NUMBER_PATTERN);
      const replacement = slots.length === 1 ? filledRun(slots[0]!.slot, `${number} / ${total}`) : undefined;
      if (replacement === undefined) return whole();
      edits.push({ ...slots[0]!, replacement });
    }
    rewriteSlots(piece, edits);
  }
  return pieces;
}
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

