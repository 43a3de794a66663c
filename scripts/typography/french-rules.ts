import { NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE, OBJECT_REPLACEMENT, SPACE_CLASS } from './characters';
import type { Edit, Rule } from './edit';
import { editsFor } from './edit';
import { FRENCH_ORDINAL_SUFFIX, ordinals } from './ordinals';
import { typesetString } from './typeset';

/** "..." → "…"; a longer run of dots is left as the author typed it. */
const ellipsis: Rule = (text) =>
  editsFor(text, /(?<!\.)\.{3}(?!\.)/g, (match) => ({ start: match.index, end: match.index + 3, text: '…' }));

const APOSTROPHE_IN_WORD = /(?<=[\p{L}\p{M}])'(?=\p{L})/gu;
const ELIDING_WORD = String.raw`(?<![\p{L}\p{M}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)`;
const ELISION_WITH_SPACE = new RegExp(String.raw`(?<=${ELIDING_WORD})['’]${SPACE_CLASS}+(?=\p{L})`, 'giu');

/** l'activité → l’activité; "l' élu" (a space left by the PDF export) → l’élu. */
const apostrophes: Rule = (text) => [
  ...editsFor(text, APOSTROPHE_IN_WORD, (match) => ({ start: match.index, end: match.index + 1, text: '’' })),
  ...editsFor(text, ELISION_WITH_SPACE, (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: '’',
  })),
];

/** Straight double quotes, paired, become guillemets; a lone one is left alone. */
const straightQuotes: Rule = (text) => {
  const edits: Edit[] = [];
  let opening: number | undefined;
  for (const { index } of text.matchAll(/"/g)) {
    const before = text[index - 1];
    const after = text[index + 1];
    // Closing first: whether a quote opens depends on what follows it, which later rules may space out.
    if (opening !== undefined && before !== undefined && /\S/.test(before)) {
      edits.push({ start: opening, end: opening + 1, text: '«' }, { start: index, end: index + 1, text: '»' });
      opening = undefined;
    } else if ((before === undefined || /[\s([{«—–-]/.test(before)) && after !== undefined && /[^\s"]/.test(after)) {
      opening = index;
    }
  }
  return edits;
};

const AFTER_OPENING_GUILLEMET = new RegExp(`«(${SPACE_CLASS}*)(?=[^\\s»])`, 'gu');
const BEFORE_CLOSING_GUILLEMET = new RegExp(`(?<=[^\\s«])(${SPACE_CLASS}*)»`, 'gu');

/** « fine spaces inside », replacing any space typed there; empty guillemets are left alone. */
const guillemetSpaces: Rule = (text) => [
  ...editsFor(text, AFTER_OPENING_GUILLEMET, (match) => ({
    start: match.index + 1,
    end: match.index + 1 + (match[1]?.length ?? 0),
    text: NARROW_NO_BREAK_SPACE,
    attach: 'before',
  })),
  ...editsFor(text, BEFORE_CLOSING_GUILLEMET, (match) => ({
    start: match.index,
    end: match.index + (match[1]?.length ?? 0),
    text: NARROW_NO_BREAK_SPACE,
    attach: 'after',
  })),
];

// A mark ends a clause when what follows is a space, the end, more punctuation or a closing sign:
// that leaves alone 10:30, 1:2, http://, "C:\" and "a?b".
const PUNCTUATION = new RegExp(
  String.raw`(?<=(\S))(${SPACE_CLASS}*)([;:!?])(?=$|[\s!?;:.,…)\]»"”'’${OBJECT_REPLACEMENT}])`,
  'gu',
);
// After these, a missing space is added; after other signs ("!?", "…?", "(?") it is not.
const ENDS_A_WORD = new RegExp(String.raw`[\p{L}\p{M}\p{N})\]»%°${OBJECT_REPLACEMENT}]`, 'u');

/** Fine no-break space before ; ! ?, no-break space before : (typed, missing, or the wrong kind). */
const punctuationSpaces: Rule = (text) =>
  editsFor(text, PUNCTUATION, (match) => {
    const [whole, before = '', space = '', mark = ''] = match;
    if (space === '' && !ENDS_A_WORD.test(before)) return undefined;
    const isEmoticon = (mark === ':' || mark === ';') && text[match.index + whole.length] === ')';
    if (isEmoticon) return undefined;
    return {
      start: match.index,
      end: match.index + space.length,
      text: mark === ':' ? NO_BREAK_SPACE : NARROW_NO_BREAK_SPACE,
      attach: 'after',
    };
  });

// A number stands alone in prose; not the end of a time (10:30), a URL (?id=1) or a code (MP3).
const STARTS_A_NUMBER = String.raw`(?<=^|[\s(\[«"“—–-])`;
const THOUSANDS = new RegExp(String.raw`${STARTS_A_NUMBER}[0-9]{1,3}(?:${SPACE_CLASS}[0-9]{3})+(?![0-9])`, 'gu');
const SPACE_AFTER_NUMBER = new RegExp(
  String.raw`(?<=${STARTS_A_NUMBER}[0-9]+(?:[.,][0-9]+)?(?:${FRENCH_ORDINAL_SUFFIX})?)${SPACE_CLASS}+(?=[\p{L}%‰°€$£])`,
  'gu',
);

/** 130 000 → fine no-break spaces between groups of three digits. */
const thousands: Rule = (text) =>
  editsFor(text, THOUSANDS, (match) =>
    [...match[0]].flatMap((char, offset) =>
      /[0-9]/.test(char) ? [] : [{ start: match.index + offset, end: match.index + offset + 1, text: NARROW_NO_BREAK_SPACE }],
    ),
  );

/** "10 points", "50 %", "3e siècle": a number never ends a line without what it counts. */
const numberAndWord: Rule = (text) =>
  editsFor(text, SPACE_AFTER_NUMBER, (match) => ({ start: match.index, end: match.index + match[0].length, text: NO_BREAK_SPACE }));

// A word of its own: not the "a" of "l’a", "a-t-il" or "p. a".
const SPACE_AFTER_ONE_LETTER_WORD = new RegExp(
  String.raw`(?<=(?<![\p{L}\p{M}\p{N}'’.\-])[aàyôAÀYÔ])${SPACE_CLASS}+(?=[\p{L}\p{N}«"(\[${OBJECT_REPLACEMENT}])`,
  'gu',
);

/** "à", "a", "y", "ô" never end a line: the space after them does not break. */
const singleLetterWords: Rule = (text) =>
  editsFor(text, SPACE_AFTER_ONE_LETTER_WORD, (match) => ({ start: match.index, end: match.index + match[0].length, text: NO_BREAK_SPACE }));

/**
 * Every rule, in the order they must run: characters first (an ellipsis is not three periods,
 * straight quotes become guillemets), then the spaces around them.
 */
export const FRENCH_RULES: readonly Rule[] = [
  ellipsis,
  apostrophes,
  straightQuotes,
  guillemetSpaces,
  punctuationSpaces,
  ordinals,
  thousands,
  numberAndWord,
  singleLetterWords,
];

/** All the French rules on a plain string (titles, e-mail subjects); ordinals stay "3e", not raised. */
export const typesetFrench = (text: string): string => typesetString(text, FRENCH_RULES);

/** Rule 1: "Pourquoi ?" and "Pourquoi?" → "Pourquoi\u202F?"; "Constat :" → "Constat\u00A0:". */
export const spaceBeforePunctuation = (text: string): string => typesetString(text, [punctuationSpaces]);

/** Rule 2: "« on est acteur »" with fine spaces; "\"texte\"" → "« texte »". */
export const useGuillemets = (text: string): string => typesetString(text, [straightQuotes, guillemetSpaces]);

/** Rule 3: l'activité → l’activité, "l' élu" → "l’élu". */
export const curlApostrophes = (text: string): string => typesetString(text, [apostrophes]);

/** Rule 4, as text: "3ème" → "3e", "1ère" → "1re"; only the tree can raise the suffix. */
export const normaliseOrdinals = (text: string): string => typesetString(text, [ordinals]);

/** Rule 5: "10 points", "50 %" → no-break space; "130 000" → fine no-break space. */
export const bindNumbers = (text: string): string => typesetString(text, [thousands, numberAndWord]);

/** Rule 6: "à Paris" → "à\u00A0Paris". */
export const bindSingleLetterWords = (text: string): string => typesetString(text, [singleLetterWords]);

/** Rule 7: "..." → "…". */
export const useEllipsisCharacter = (text: string): string => typesetString(text, [ellipsis]);
