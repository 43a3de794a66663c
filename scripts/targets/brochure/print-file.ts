import { cmyk, PDFDocument, type PDFPage } from 'pdf-lib';
import { paddedPageSequence } from './booklet-order';
import { BLEED_MM, MM_TO_PT } from './page-geometry';

export interface PrintFileOptions {
  /** Finished (trimmed) page size in points. */
  trim: { width: number; height: number };
  bleedMm?: number;
}

/** Paper around the bleed that carries the crop marks. */
const SLUG_MM = 12;
const MARK_LENGTH_MM = 6;

/**
 * The file for a print shop: every page drawn with its bleed (the variant rendered 3 mm larger
 * on each side, so full-page colours run past the cut), crop marks in the slug, and the
 * TrimBox/BleedBox a prepress tool reads. Pages are padded to a multiple of 4 like the booklet.
 * `source` is the print with bleed, as printed: its pages are copied here, so it may change after.
 */
export async function makePrintFile(source: PDFDocument, options: PrintFileOptions): Promise<{ pdf: PDFDocument; pages: number }> {
  const bleed = (options.bleedMm ?? BLEED_MM) * MM_TO_PT;
  const slug = SLUG_MM * MM_TO_PT;
  const { trim } = options;
  const media = { width: trim.width + 2 * slug, height: trim.height + 2 * slug };
  const pdf = await PDFDocument.create();
  const embedded = await pdf.embedPages(source.getPages());
  for (const slot of paddedPageSequence(embedded.length)) {
    const page = pdf.addPage([media.width, media.height]);
    const art = slot === null ? undefined : embedded[slot - 1];
    // Chromium rounds the paper size; draw the page at exactly trim + bleed.
    if (art) page.drawPage(art, { x: slug - bleed, y: slug - bleed, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed });
    page.setMediaBox(0, 0, media.width, media.height);
    page.setBleedBox(slug - bleed, slug - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed);
    page.setTrimBox(slug, slug, trim.width, trim.height);
    drawCropMarks(page, { x: slug, y: slug, ...trim }, bleed);
  }
  return { pdf, pages: pdf.getPageCount() };
}

/** Two short lines at each corner, on the trim lines, starting just outside the bleed. */
function drawCropMarks(page: PDFPage, trim: { x: number; y: number; width: number; height: number }, bleed: number): void {
  const length = MARK_LENGTH_MM * MM_TO_PT;
  // Registration colour, all four inks at 100 %: the marks show on every plate, so the cut lines up with each.
  const style = { thickness: 0.25, color: cmyk(1, 1, 1, 1) };
  const xs = [trim.x, trim.x + trim.width];
  const ys = [trim.y, trim.y + trim.height];
  for (const x of xs) {
    for (const y of ys) {
      const outX = x === trim.x ? -1 : 1;
      const outY = y === trim.y ? -1 : 1;
      page.drawLine({ start: { x: x + outX * bleed, y }, end: { x: x + outX * (bleed + length), y }, ...style });
      page.drawLine({ start: { x, y: y + outY * bleed }, end: { x, y: y + outY * (bleed + length) }, ...style });
    }
  }
}
