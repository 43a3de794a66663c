import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import type { Metadata } from '../../model/types';
import { inPieces, SLIDES_PER_PAGE } from './deck-pieces';
import type { RenderedDeck } from './render-marp';
import { setOutline, type OutlineEntry } from './pdf-outline';
import { markUntaggedAsArtifacts, refineStructure } from '../../pdf/tagged-structure';
import { setXmpMetadata } from '../../pdf/xmp';
import type { Slide } from './slide-plan';

export interface PdfMetadata {
  meta: Metadata;
  /** Creation and modification date (SOURCE_DATE_EPOCH makes it reproducible). */
  date: Date;
}

/** Prints `rendered`: one 1280x720 page per slide, a piece of `SLIDES_PER_PAGE` slides at a time (`deck-pieces.ts`). */
export async function printDeck(page: Page, rendered: RenderedDeck, lang: string, slidesPerPrint = SLIDES_PER_PAGE): Promise<Uint8Array[]> {
  return inPieces(page, rendered, lang, async () => [await page.pdf({ preferCSSPageSize: true, printBackground: true, width: '1280px', height: '720px', outline: false })], slidesPerPrint);
}

/** A piece as Chromium printed it, or already loaded (and edited) with pdf-lib. */
export type PrintedPiece = Uint8Array | PDFDocument;

const loaded = (piece: PrintedPiece) => (piece instanceof PDFDocument ? piece : PDFDocument.load(piece, { updateMetadata: false }));

/**
 * One PDF of the pieces printed (`printDeck`, `printHandout`), with title, author, language and
 * subject from the front matter (not a heading), and bookmarks from the model.
 */
export async function finishPdf(pieces: readonly PrintedPiece[], metadata: PdfMetadata, outline: readonly OutlineEntry[]): Promise<Uint8Array> {
  const doc = await loaded(pieces[0]!);
  for (const piece of pieces.slice(1)) {
    const other = await loaded(piece);
    for (const copied of await doc.copyPages(other, other.getPageIndices())) doc.addPage(copied);
  }
  const { meta, date } = metadata;
  const keywords = [meta.organisation, meta.event].filter((word): word is string => Boolean(word));
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(meta.subtitle ?? meta.description ?? meta.title);
  doc.setLanguage(meta.lang);
  doc.setKeywords(keywords);
  doc.setCreator('Triptyque (Marp)');
  doc.setProducer('Triptyque');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  setXmpMetadata(doc, { title: meta.title, lang: meta.lang, author: meta.author, subject: meta.subtitle ?? meta.description ?? meta.title, keywords: keywords.join(' '), creatorTool: 'Triptyque (Marp)', producer: 'Triptyque', date });
  // What a reader's software walks: list bodies in the structure, slide furniture as artifacts.
  refineStructure(doc);
  markUntaggedAsArtifacts(doc);
  setOutline(doc, outline);
  return doc.save();
}

/** Bookmarks: parts, their sections, and the agenda; "(suite)" slides are not bookmarked. */
export function deckOutline(slides: readonly Slide[]): OutlineEntry[] {
  const root: OutlineEntry[] = [];
  const stack: { depth: number; entry: OutlineEntry }[] = [];
  slides.forEach((slide, page) => {
    if (slide.continuation > 0 || slide.kind === 'title') return;
    const depth = slide.kind === 'agenda' ? 1 : (slide.section?.depth ?? 1);
    // A section's divider and its first content slide are one bookmark.
    const open = stack.at(-1);
    if (open && slide.kind === 'content' && slide.section && open.entry.title === slide.title && open.depth === depth) return;
    const entry: OutlineEntry = { title: slide.title, page, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    (stack.at(-1)?.entry.children ?? root).push(entry);
    stack.push({ depth, entry });
  });
  return root;
}
