import { describe, expect, it } from 'vitest';
import { sentenceRanges } from './inline-text';

describe('the sentences a slide takes its lead from', () => {
  it('go on over a line break of the source: the lead ends at a sentence end, not where the author wrapped the line', () => {
    const text = 'We read the file assuming this relates to a\nbook of the Bible and Genesis. Then we stop.';
    const [first] = sentenceRanges(text, 'en');
    expect(text.slice(...first!)).toBe('We read the file assuming this relates to a\nbook of the Bible and Genesis.');
    const french = 'Les partenaires se réunissent chaque année en\nChampagne-Ardenne. Ils échangent.';
    expect(french.slice(...sentenceRanges(french, 'fr')[0]!)).toBe('Les partenaires se réunissent chaque année en\nChampagne-Ardenne.');
  });
});
