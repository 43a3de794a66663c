import { clip, endPath, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { bookletOrder, type BookletSlot } from './booklet-order';
import { MM_TO_PT } from './page-geometry';

/** A4 landscape, in points: two A5 pages side by side, folded in the middle. */
export const SHEET = { width: 841.89, height: 595.28 } as const;

export interface ImposedBooklet {
  pdf: PDFDocument;
  /** Sheets of paper (each printed on both sides). */
  sheets: number;
  /** Blank pages added before the back cover to reach a multiple of 4. */
  blanks: number;
}

export interface BookletOptions {
  /**
   * Creep compensation: how far the innermost sheet's pages move toward the fold, in mm (the
   * outermost sheet's do not move; the sheets between move in proportion). Nested sheets of a
   * thick booklet stick out at the fore-edge and lose more there when trimmed; the shift keeps
   * the text block at the same distance from the trimmed edge on every sheet.
   */
  creepMm?: number;
}

/**
 * The brochure imposed for saddle stitching on an office printer: print duplex, flip on the
 * short edge, fold the pile, staple. Pages are embedded as they are (tags and links do not
 * survive imposition, which a printer does not need). The pages are copied from `source`.
 */
export async function imposeBooklet(source: PDFDocument, options: BookletOptions = {}): Promise<ImposedBooklet> {
  const pdf = await PDFDocument.create();
  const embedded = await pdf.embedPages(source.getPages());
  const sheets = bookletOrder(embedded.length);
  const at = (slot: BookletSlot): PDFEmbeddedPage | undefined => (slot === null ? undefined : embedded[slot - 1]);
  const creep = (options.creepMm ?? 0) * MM_TO_PT;
  sheets.forEach((sheet, index) => {
    const shift = sheets.length > 1 ? (creep * index) / (sheets.length - 1) : 0;
    for (const [left, right] of [sheet.front, sheet.back]) {
      const side = pdf.addPage([SHEET.width, SHEET.height]);
      const middle = SHEET.width / 2;
      const leftPage = at(left);
      const rightPage = at(right);
      if (leftPage) drawHalf(side, leftPage, { x: middle - leftPage.width + shift, half: [0, middle] });
      if (rightPage) drawHalf(side, rightPage, { x: middle - shift, half: [middle, SHEET.width] });
    }
  });
  return { pdf, sheets: sheets.length, blanks: sheets.length * 4 - embedded.length };
}

/** A page drawn at `x`, clipped to its half of the sheet: a page moved toward the fold does not spill onto its neighbour. */
function drawHalf(side: PDFPage, page: PDFEmbeddedPage, { x, half }: { x: number; half: [number, number] }): void {
  side.pushOperators(pushGraphicsState(), rectangle(half[0], 0, half[1] - half[0], SHEET.height), clip(), endPath());
  side.drawPage(page, { x, y: (SHEET.height - page.height) / 2 });
  side.pushOperators(popGraphicsState());
}
