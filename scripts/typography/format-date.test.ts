import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date';

describe('dates as every target prints them', () => {
  it('writes French dates in full, the first of the month as 1er, with no break inside', () => {
    expect(formatDate('2010-05-27')).toBe('27\u00a0mai\u00a02010');
    expect(formatDate('2024-01-01')).toBe('1er\u00a0janvier\u00a02024');
  });

  it('uses the long form of another language when the document is not French', () => {
    expect(formatDate('2010-05-27', 'en-GB')).toBe('27 May 2010');
  });
});
