import type { Rule } from './edit';
import { editsFor } from './edit';

// Not after a letter, digit or "#" (A3e, 0x3e, #3e3e3e), nor in a decimal (1,3e); not before a
// letter, a digit or an exponent (3e8, 1e-5).
const ORDINAL = /(?<![\p{L}\p{N}_#]|[0-9][.,])([0-9]+|[IVXLCDM]+)(èmes|ème|emes|eme|ères|ère|eres|ere|ers|er|res|re|ndes|nde|nds|nd|de|d|es|è|e)(?![\p{L}\p{N}]|[-+][0-9])/gu;

const VALID_ROMAN = /^M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** 1er, 1re: "1ère" is a common spelling, not the French form. */
const FIRST: Readonly<Record<string, string>> = { er: 'er', ers: 'ers', re: 're', res: 'res', ère: 're', ères: 'res', ere: 're', eres: 'res' };
/** 2nd, 2nde, 2d, 2de: legitimate next to 2e when there is no third. */
const SECOND: Readonly<Record<string, string>> = { nd: 'nd', nde: 'nde', nds: 'nds', ndes: 'ndes', d: 'd', de: 'de' };
/** 3e, XXe: "ème", "eme" and "è" are usual but wrong. */
const NTH: Readonly<Record<string, string>> = { e: 'e', es: 'es', ème: 'e', èmes: 'es', eme: 'e', emes: 'es', è: 'e' };

/**
 * The French form of an ordinal's suffix, or nothing when the pair is not an ordinal: "1e" could
 * be 1er or 1re, "3d" is "3D", and single-letter Roman numerals other than I, V and X are the
 * start of words ("Le", "Ce", "De", "Me", "Mer").
 */
function frenchOrdinalSuffix(number: string, suffix: string): string | undefined {
  const roman = !/^[0-9]/.test(number);
  if (roman && (!VALID_ROMAN.test(number) || (number.length === 1 && !'IVX'.includes(number)))) return undefined;
  if (number === '1' || number === 'I') return FIRST[suffix];
  return ((number === '2' || number === 'II') && SECOND[suffix]) || NTH[suffix];
}

/** Ordinals: the suffix takes its French form and is raised ("3ème" → 3e with a superscript "e"). */
export const ordinals: Rule = (text) =>
  editsFor(text, ORDINAL, (match) => {
    const [whole, number = '', suffix = ''] = match;
    const french = frenchOrdinalSuffix(number, suffix);
    if (french === undefined) return undefined;
    const start = match.index + number.length;
    return { start, end: match.index + whole.length, text: french, raised: true };
  });

/** Suffixes as they are once normalised, for rules that must see "3e" as a number. */
export const FRENCH_ORDINAL_SUFFIX = 'ers|er|res|re|ndes|nde|nds|nd|de|d|es|e';
