/** A page of the brochure (1-based), or `null` for a blank page added to fill the last sheet. */
export type BookletSlot = number | null;

/** One sheet of paper, printed on both sides, each side holding two pages [left, right]. */
export interface BookletSheet {
  front: [BookletSlot, BookletSlot];
  back: [BookletSlot, BookletSlot];
}

/**
 * The brochure's pages in reading order, padded to a multiple of 4 for saddle stitching.
 * The blanks go just before the back cover, so the back cover stays the last page.
 */
export function paddedPageSequence(pageCount: number): BookletSlot[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError(`a booklet needs at least one page, got ${pageCount}`);
  const padded = Math.ceil(pageCount / 4) * 4;
  const blanks: BookletSlot[] = Array.from({ length: padded - pageCount }, () => null);
  if (pageCount === 1) return [1, ...blanks];
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return [...pages.slice(0, -1), ...blanks, pageCount];
}

/**
 * Imposition for a saddle-stitched booklet printed duplex (flip on the short edge): sheet `i`
 * carries the outermost remaining pages, last-and-first on the front, second-and-before-last on
 * the back. Nesting the folded sheets in order gives the pages in reading order.
 */
export function bookletOrder(pageCount: number): BookletSheet[] {
  const sequence = paddedPageSequence(pageCount);
  const total = sequence.length;
  const at = (position: number): BookletSlot => sequence[position - 1] ?? null;
  return Array.from({ length: total / 4 }, (_, sheet) => ({
    front: [at(total - 2 * sheet), at(1 + 2 * sheet)],
    back: [at(2 + 2 * sheet), at(total - 1 - 2 * sheet)],
  }));
}
