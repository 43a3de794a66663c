import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindNumbers,
  bindSingleLetterWords,
  curlApostrophes,
  normaliseOrdinals,
  spaceBeforePunctuation,
  typesetFrench,
  useEllipsisCharacter,
  useGuillemets,
} from './french-rules';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('spaces before punctuation', () => {
  it('puts a fine no-break space before a question mark, typed or missing', () => {
    expect(spaceBeforePunctuation('Pourquoi et comment travailler en réseau ?')).toBe(`Pourquoi et comment travailler en réseau${NNBSP}?`);
    expect(spaceBeforePunctuation('Pourquoi?')).toBe(`Pourquoi${NNBSP}?`);
  });

  it('puts a fine no-break space before ; and !', () => {
    expect(spaceBeforePunctuation('valeur générique ;')).toBe(`valeur générique${NNBSP};`);
    expect(spaceBeforePunctuation('il s’écoulera 6 ans!')).toBe(`il s’écoulera 6 ans${NNBSP}!`);
  });

  it('puts a full no-break space before a colon', () => {
    expect(spaceBeforePunctuation('Deuxième constat important : la nation')).toBe(`Deuxième constat important${NBSP}: la nation`);
    expect(spaceBeforePunctuation('visent notamment à:')).toBe(`visent notamment à${NBSP}:`);
  });

  it('replaces a space of the wrong kind', () => {
    expect(spaceBeforePunctuation(`Quoi${NBSP}?`)).toBe(`Quoi${NNBSP}?`);
  });

  it('spaces a run like ?! once, before its first mark', () => {
    expect(spaceBeforePunctuation('Vraiment?!')).toBe(`Vraiment${NNBSP}?!`);
    expect(spaceBeforePunctuation('Vraiment !?')).toBe(`Vraiment${NNBSP}!?`);
  });

  it('leaves times, ratios, URLs, e-mail addresses and emoticons as typed', () => {
    for (const text of ['à 10:30 précises', 'un rapport 1:2', 'http: et https://exemple.fr/page?id=3', 'voir www.exemple.fr/a?b', 'écrire à contact@arifor.fr', 'Super :)', 'Bien ;)', 'C:\\Documents']) {
      expect(spaceBeforePunctuation(text)).toBe(text);
    }
  });

  it('adds no space after an ellipsis or an opening bracket', () => {
    expect(spaceBeforePunctuation('Et alors…?')).toBe('Et alors…?');
    expect(spaceBeforePunctuation('(?)')).toBe('(?)');
  });
});

describe('guillemets', () => {
  it('puts fine no-break spaces inside guillemets, replacing typed spaces', () => {
    expect(useGuillemets('« on est acteur et on est décideur, 1 personne = 1 voix »')).toBe(
      `«${NNBSP}on est acteur et on est décideur, 1 personne = 1 voix${NNBSP}»`,
    );
  });

  it('adds the fine spaces when the guillemets touch the words', () => {
    expect(useGuillemets('coopérer va de pair avec «renier»')).toBe(`coopérer va de pair avec «${NNBSP}renier${NNBSP}»`);
  });

  it('turns paired straight quotes into guillemets', () => {
    expect(useGuillemets('il ne suffit pas de dire "ça va se faire" pour que')).toBe(`il ne suffit pas de dire «${NNBSP}ça va se faire${NNBSP}» pour que`);
  });

  it('leaves a lone straight quote alone', () => {
    expect(useGuillemets('un écran de 12" seulement')).toBe('un écran de 12" seulement');
  });
});

describe('apostrophes', () => {
  it('curls an apostrophe between letters', () => {
    expect(curlApostrophes("l'insertion par l'activité économique, aujourd'hui")).toBe('l’insertion par l’activité économique, aujourd’hui');
  });

  it('joins an elided word to the next when a space slipped in', () => {
    expect(curlApostrophes("en relationnel avec l' élu local")).toBe('en relationnel avec l’élu local');
    expect(curlApostrophes("jusqu' à demain, qu’ il vienne")).toBe('jusqu’à demain, qu’il vienne');
  });

  it('leaves single quotes that are not apostrophes', () => {
    expect(curlApostrophes("le mot 'réseau' entre guillemets")).toBe("le mot 'réseau' entre guillemets");
  });
});

describe('ordinals as text', () => {
  it('writes the French suffix', () => {
    expect(normaliseOrdinals('le 3ème axe, la 3eme, le 3è, la 1ère fois, le 1er mai, la 1re')).toBe('le 3e axe, la 3e, le 3e, la 1re fois, le 1er mai, la 1re');
  });

  it('keeps the legitimate forms of second', () => {
    expect(normaliseOrdinals('en 2nde, le 2nd, la 2de, le 2d, le 2e')).toBe('en 2nde, le 2nd, la 2de, le 2d, le 2e');
  });

  it('writes plurals and Roman numerals', () => {
    expect(normaliseOrdinals('les 1ers, les 1ères, les 3èmes, le XXème siècle, François Ier')).toBe('les 1ers, les 1res, les 3es, le XXe siècle, François Ier');
  });

  it('leaves codes, numbers and words that only look like ordinals', () => {
    for (const text of ['format A3e', 'couleur #3e3e3e et 0x3e', '3e8 et 1e-5', 'Le Ce De Me Mer Vers', 'la 1e ou le 1ème', 'en 3D ou 3d', '1,3e']) {
      expect(normaliseOrdinals(text)).toBe(text);
    }
  });
});

describe('numbers and what they count', () => {
  it('binds a number to the next word or %', () => {
    expect(bindNumbers('une charte commune en 10 points')).toBe(`une charte commune en 10${NBSP}points`);
    expect(bindNumbers('50 % d’une classe d’âge')).toBe(`50${NBSP}% d’une classe d’âge`);
    expect(bindNumbers('des jeunes de 16 à 25 ans')).toBe(`des jeunes de 16${NBSP}à 25${NBSP}ans`);
  });

  it('binds an ordinal to its noun', () => {
    expect(bindNumbers('le 3e axe')).toBe(`le 3e${NBSP}axe`);
  });

  it('groups thousands with fine no-break spaces', () => {
    expect(bindNumbers('plus de 130 000 sites et 1 000 000 de mails')).toBe(`plus de 130${NNBSP}000${NBSP}sites et 1${NNBSP}000${NNBSP}000${NBSP}de mails`);
  });

  it('leaves numbers inside words, times and addresses, and years followed by numbers', () => {
    for (const text of ['un MP3 neuf', 'à 10:30 ou', 'voir exemple.fr/?id=1 ou']) expect(bindNumbers(text)).toBe(text);
    expect(bindNumbers('en 1999 2000 jeunes')).toBe(`en 1999 2000${NBSP}jeunes`);
  });
});

describe('one-letter words', () => {
  it('keeps à, a, y and ô with the next word', () => {
    expect(bindSingleLetterWords('il y a des expertises à chaque niveau')).toBe(`il y${NBSP}a${NBSP}des expertises à${NBSP}chaque niveau`);
    expect(bindSingleLetterWords('A partir de la charte')).toBe(`A${NBSP}partir de la charte`);
  });

  it('leaves letters that are part of a word', () => {
    expect(bindSingleLetterWords('il l’a fait, a-t-il dit, point a) suivant')).toBe('il l’a fait, a-t-il dit, point a) suivant');
  });
});

describe('ellipsis', () => {
  it('replaces three periods with the ellipsis character', () => {
    expect(useEllipsisCharacter('par deux, trois, quatre... acteurs')).toBe('par deux, trois, quatre… acteurs');
  });

  it('leaves dots in URLs and longer runs of dots', () => {
    expect(useEllipsisCharacter('https://exemple.fr/a...b')).toBe('https://exemple.fr/a...b');
    expect(useEllipsisCharacter('Chapitre 1.....12')).toBe('Chapitre 1.....12');
  });
});

describe('all rules together', () => {
  it('typesets a sentence of the seed', () => {
    expect(typesetFrench("Les principes de ce Pôle sont la solidarité, « on est acteur et on est décideur, 1 personne = 1 voix ».")).toBe(
      `Les principes de ce Pôle sont la solidarité, «${NNBSP}on est acteur et on est décideur, 1${NBSP}personne = 1${NBSP}voix${NNBSP}».`,
    );
    expect(typesetFrench("à l'issue de la 3ème de moins en moins d'élèves... Pourquoi?")).toBe(
      `à${NBSP}l’issue de la 3e${NBSP}de moins en moins d’élèves… Pourquoi${NNBSP}?`,
    );
  });

  it('changes nothing more the second time', () => {
    const frenchish = fc.string({ unit: fc.constantFrom(...'aàyl3210eèmrndsIXV :;!?«»"\'’.%…/@w-', NBSP, NNBSP), maxLength: 40 });
    fc.assert(
      fc.property(frenchish, (text) => {
        const once = typesetFrench(text);
        expect(typesetFrench(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
