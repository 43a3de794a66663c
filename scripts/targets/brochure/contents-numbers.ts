import type { Element } from 'hast';
import type { PDFDocument } from 'pdf-lib';
import { filledRun, pageSlots, rewriteSlots } from '../../pdf/text-slots';

/**
 * Chromium has no `target-counter()`, so the contents page cannot ask for the page a heading
 * lands on. Instead the contents are printed with a slot where each number goes, and the
 * numbers read from that same print (its named destinations) are written into the slots in the
 * PDF: one print, and the numbers are right wherever the chapters moved.
 *
 * A slot is the ten digits followed by the entry's index ("0123456789" + "7"), in the number's
 * own font, size and colour, in a box as wide as two digits whose content is right-aligned and
 * overflows to the left (`direction: rtl`). So the font subset Chromium embeds holds every digit,
 * the slot's glyph run ends exactly where the number ends, the run says which entry it is, and
 * the contents are laid out as they would be with two-digit numbers. Filling a slot keeps its
 * marked content (the tags) and the font's ToUnicode map: the number is real text.
 */
const DIGITS = '0123456789';
const SLOT_CLASS = 'toc-page-slot';
const SLOT_PATTERN = /^0123456789(\d+)$/;

/** Print-only CSS of the slots; none of it reaches brochure.html. */
export const CONTENTS_SLOT_CSS = `.${SLOT_CLASS}{display:inline-block;width:2ch;direction:rtl;unicode-bidi:isolate;white-space:nowrap;text-align:right}`;

/** The slot for the contents entry at `index` (0-based), put where the number goes. */
export function contentsSlot(index: number): Element {
  return { type: 'element', tagName: 'span', properties: { className: [SLOT_CLASS] }, children: [{ type: 'text', value: `${DIGITS}${index}` }] };
}

/**
 * Writes `numbers[i]` into the slot of contents entry `i` on the first `pages` pages. All or
 * nothing: unless every slot is found once, in a run this code understands, the PDF is left as
 * printed and the answer is false (the caller prints again with the numbers in the HTML).
 */
export function fillContentsSlots(pdf: PDFDocument, numbers: readonly number[], pages: number): boolean {
  const found = new Map<number, ReturnType<typeof pageSlots>[number]>();
  for (const page of pdf.getPages().slice(0, pages)) {
    for (const place of pageSlots(pdf, page, SLOT_PATTERN)) {
      const index = Number(place.slot.match[1]);
      if (found.has(index) || index >= numbers.length) return false;
      found.set(index, place);
    }
  }
  if (found.size !== numbers.length) return false;
  const edits = [];
  for (const [index, place] of found) {
    const number = numbers[index]!;
    const replacement = Number.isInteger(number) && number >= 0 ? filledRun(place.slot, String(number)) : undefined;
    if (replacement === undefined) return false;
    edits.push({ ...place, replacement });
  }
  rewriteSlots(pdf, edits);
  return true;
}
