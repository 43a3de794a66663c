import type { Rule } from './edit';
import { editsFor } from './edit';

/** "..." → "…"; a longer run of dots is left as the author typed it. */
export const ellipsis: Rule = (text) =>
  editsFor(text, /(?<!\.)\.{3}(?!\.)/g, (match) => ({ start: match.index, end: match.index + 3, text: '…' }));

/** don't → don’t: a straight quote between two letters is an apostrophe in every language. */
export const apostropheInWord: Rule = (text) =>
  editsFor(text, /(?<=[\p{L}\p{M}])'(?=\p{L})/gu, (match) => ({ start: match.index, end: match.index + 1, text: '’' }));

/** " -- " → " – ": a doubled hyphen between spaces is a dash. */
export const doubleHyphenDash: Rule = (text) =>
  editsFor(text, /(?<=\s)--(?=\s)/g, (match) => ({ start: match.index, end: match.index + 2, text: '–' }));

/** What every language gets: characters only, no spacing a language has its own rules for. */
export const NEUTRAL_RULES: readonly Rule[] = [ellipsis, apostropheInWord, doubleHyphenDash];
