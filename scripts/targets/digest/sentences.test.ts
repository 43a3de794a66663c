import { describe, expect, it } from 'vitest';
import { cutAtSentence, sentenceEnds } from './sentences';

describe('sentence boundaries in typeset French', () => {
  it('ends sentences at . ! ? followed by a capital, not after abbreviations or inside guillemets', () => {
    const text = 'M. Dupont parle\u202f! «\u00a0On est acteur\u202f!\u00a0» Puis il part. Il revient, etc. Fin.';
    const ends = sentenceEnds(text).map((end) => text.slice(0, end));
    expect(ends).toEqual([
      'M. Dupont parle\u202f!',
      'M. Dupont parle\u202f! «\u00a0On est acteur\u202f!\u00a0»',
      'M. Dupont parle\u202f! «\u00a0On est acteur\u202f!\u00a0» Puis il part.',
      'M. Dupont parle\u202f! «\u00a0On est acteur\u202f!\u00a0» Puis il part. Il revient, etc.',
      text,
    ]);
  });

  it('keeps whole sentences that fit, and cuts a first sentence that is too long at a word', () => {
    const text = 'Une phrase courte. Une seconde phrase bien plus longue que la limite fixée.';
    expect(cutAtSentence(text, 40)).toEqual({ length: 'Une phrase courte.'.length, partial: false });
    const cut = cutAtSentence(text, 12);
    expect(cut.partial).toBe(true);
    expect(text.slice(0, cut.length)).toBe('Une phrase');
  });

  it('never cuts at a no-break space (a French "?" stays with its word)', () => {
    const text = 'Pourquoi travailler en réseau\u202f? Quelles réalités en Champagne-Ardenne\u202f?';
    const cut = cutAtSentence(text, 30);
    expect(text.slice(0, cut.length)).toBe('Pourquoi travailler en');
  });
});
