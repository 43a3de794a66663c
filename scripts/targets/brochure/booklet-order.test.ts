import { describe, expect, it } from 'vitest';
import { bookletOrder, paddedPageSequence } from './booklet-order';

describe('booklet imposition order', () => {
  it('puts 8 pages on 2 sheets so that folded and nested they read 1 to 8', () => {
    expect(bookletOrder(8)).toEqual([
      { front: [8, 1], back: [2, 7] },
      { front: [6, 3], back: [4, 5] },
    ]);
  });

  it('puts 12 pages on 3 sheets', () => {
    expect(bookletOrder(12)).toEqual([
      { front: [12, 1], back: [2, 11] },
      { front: [10, 3], back: [4, 9] },
      { front: [8, 5], back: [6, 7] },
    ]);
  });

  it('pads 10 pages with 2 blanks placed before the back cover, which stays last', () => {
    expect(paddedPageSequence(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null, 10]);
    expect(bookletOrder(10)).toEqual([
      { front: [10, 1], back: [2, null] },
      { front: [null, 3], back: [4, 9] },
      { front: [8, 5], back: [6, 7] },
    ]);
  });

  it('pads 18 pages to 20 and still shows every page exactly once', () => {
    const sheets = bookletOrder(18);
    expect(sheets).toHaveLength(5);
    expect(sheets[0]).toEqual({ front: [18, 1], back: [2, null] });
    const shown = sheets.flatMap((sheet) => [...sheet.front, ...sheet.back]).filter((slot) => slot !== null);
    expect([...shown].sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
  });

  it('keeps the pages of each spread facing: the two pages of a side add up to the padded count + 1', () => {
    const sequence = paddedPageSequence(16);
    for (const sheet of bookletOrder(16)) {
      for (const [left, right] of [sheet.front, sheet.back]) expect(sequence.indexOf(left) + sequence.indexOf(right) + 2).toBe(17);
    }
  });
});
