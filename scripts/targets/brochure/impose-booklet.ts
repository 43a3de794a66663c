import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib';
import { bookletOrder, type BookletSlot } from './booklet-order';

/** A4 landscape, in points: two A5 pages side by side, folded in the middle. */
export const SHEET = { width: 841.89, height: 595.28 } as const;

export interface ImposedBooklet {
  pdf: PDFDocument;
  /** Sheets of paper (each printed on both sides). */
  sheets: number;
  /** Blank pages added before the back cover to reach a multiple of 4. */
  blanks: number;
}

/**
 * The brochure imposed for saddle stitching on an office printer: print duplex, flip on the
 * short edge, fold the pile, staple. Pages are embedded as they are (tags and links do not
 * survive imposition, which a printer does not need). The pages are copied from `source`.
 */
export async function imposeBooklet(source: PDFDocument): Promise<ImposedBooklet> {
  const pdf = await PDFDocument.create();
  const embedded = await pdf.embedPages(source.getPages());
  const sheets = bookletOrder(embedded.length);
  const at = (slot: BookletSlot): PDFEmbeddedPage | undefined => (slot === null ? undefined : embedded[slot - 1]);
  for (const sheet of sheets) {
    for (const [left, right] of [sheet.front, sheet.back]) {
      const side = pdf.addPage([SHEET.width, SHEET.height]);
      const middle = SHEET.width / 2;
      const leftPage = at(left);
      const rightPage = at(right);
      if (leftPage) side.drawPage(leftPage, { x: middle - leftPage.width, y: (SHEET.height - leftPage.height) / 2 });
      if (rightPage) side.drawPage(rightPage, { x: middle, y: (SHEET.height - rightPage.height) / 2 });
    }
  }
  return { pdf, sheets: sheets.length, blanks: sheets.length * 4 - embedded.length };
}
