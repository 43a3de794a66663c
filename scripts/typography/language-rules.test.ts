import { describe, expect, it } from 'vitest';
import { hyphenateText } from './hyphenate';
import { typesetterFor } from './rules';
import { formatDate } from './format-date';

describe('typography by the document’s language', () => {
  const english = typesetterFor('en-GB');
  it('English: curly quotes and apostrophes, nothing before : ; ! ?', () => {
    expect(english('He said "it\'s fine": really? Yes; "no"!')).toBe('He said “it’s fine”: really? Yes; “no”!');
    expect(english("the 'quoted' word and the '90s")).toBe("the ‘quoted’ word and the '90s");
    expect(english('the 1st and 2nd items...')).toBe('the 1st and 2nd items…');
  });

  it('French keeps its rules', () => {
    expect(typesetterFor('fr-CA')('Pourquoi "ici" ?')).toBe('Pourquoi «\u202Fici\u202F»\u202F?');
  });

  it('other languages: neutral rules only, never French spacing or guillemets', () => {
    expect(typesetterFor('de')('Er sagt: "Das ist\'s" -- gut?')).toBe('Er sagt: "Das ist’s" – gut?');
  });

  it('hyphenates by the language, not at all when hyphen has no patterns', () => {
    expect(hyphenateText('international', 'en')).toContain('\u00AD');
    expect(hyphenateText('Zusammenarbeit', 'de')).toContain('\u00AD');
    expect(hyphenateText('international', 'xx')).toBe('international');
  });

  it('dates through Intl in each language, French with 1er', () => {
    expect(formatDate('2010-05-01', 'fr')).toBe('1er\u00a0mai\u00a02010');
    expect(formatDate('2010-05-01', 'en')).toBe('May 1, 2010');
  });
});
