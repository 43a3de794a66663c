import { createRequire } from 'node:module';
import { BoundedCache } from '../cache/bounded-cache';
import { SOFT_HYPHEN } from './characters';
import type { Span } from './url-spans';
import { findUrlSpans } from './url-spans';

const MIN_WORD_LENGTH = 6;
// French typesetting (babel-french, the Imprimerie nationale), like TeX's English defaults, keeps at least two letters
// before a break and three after: "ac-tivité", never "activi-té".
const MIN_BEFORE_BREAK = 2;
const MIN_AFTER_BREAK = 3;

// Soft hyphens count as part of a word, so a word already hyphenated is seen, and left, whole.
const WORD = /[\p{L}\p{M}\u00AD]+/gu;

interface Hyphenator {
  hyphenateSync(text: string, options?: { minWordLength?: number }): string;
}

const requirePatterns = createRequire(import.meta.url);
const hyphenators = new Map<string, Hyphenator | undefined>();

/**
 * The `hyphen` package's patterns for a language tag: the tag itself (`de-ch-1901`, `en-gb`),
 * then its primary subtag (`en` means `en-us`); `undefined` when hyphen ships none.
 */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const tag = lang.toLowerCase().replaceAll('_', '-');
  if (!hyphenators.has(tag)) {
    const primary = tag.split('-')[0]!;
    const candidates = [tag, primary === 'en' ? 'en-us' : primary].filter((name) => /^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(name));
    hyphenators.set(tag, candidates.map(loadPatterns).find(Boolean));
  }
  return hyphenators.get(tag);
}

function loadPatterns(name: string): Hyphenator | undefined {
  try {
    return requirePatterns(`hyphen/${name}`) as Hyphenator;
  } catch {
    return undefined;
  }
}

/** Texts hyphenated in this process: a rebuild after an edit hyphenates only the text that changed. */
const seen = new BoundedCache<string, string>(20_000);

/**
 * Soft hyphens (U+00AD) where the words of `lang` may break (none for a language hyphen has no
 * patterns for), for the brochure: Chromium has no
 * hyphenation dictionary, so `hyphens: auto` does nothing there. Short words, names in
 * capitals, words stuck to digits, URLs and e-mail addresses stay whole.
 */
export function hyphenateText(text: string, lang: string): string {
  const hyphenator = hyphenatorFor(lang);
  if (!hyphenator) return text;
  const key = `${lang}\n${text}`;
  let hyphenated = seen.get(key);
  if (hyphenated === undefined) {
    const urls = findUrlSpans(text);
    hyphenated = text.replace(WORD, (word: string, offset: number) => (mayHyphenate(word, offset, text, urls) ? hyphenateWord(word, hyphenator) : word));
    seen.set(key, hyphenated);
  }
  return hyphenated;
}

/** French soft hyphens (see `hyphenateText`). */
export const hyphenateFrench = (text: string): string => hyphenateText(text, 'fr');

function mayHyphenate(word: string, offset: number, text: string, urls: readonly Span[]): boolean {
  const end = offset + word.length;
  return (
    word.length >= MIN_WORD_LENGTH &&
    !word.includes(SOFT_HYPHEN) &&
    // A capital after the first letter: an acronym or a code name (ARIFOR, DIRECCTE, iPhone).
    !/\p{Lu}/u.test(word.slice(1)) &&
    // Stuck to a digit or an underscore: a code or a reference (3ème, A4paysage, nom_de_fichier).
    !/[0-9_]/.test(text[offset - 1] ?? '') &&
    !/[0-9_]/.test(text[end] ?? '') &&
    !urls.some((span) => span.start < end && offset < span.end)
  );
}

function hyphenateWord(word: string, hyphenator: Hyphenator): string {
  const [first = '', ...rest] = hyphenator.hyphenateSync(word, { minWordLength: MIN_WORD_LENGTH }).split(SOFT_HYPHEN);
  let result = first;
  for (const syllables of rest) {
    const before = result.replaceAll(SOFT_HYPHEN, '').length;
    const canBreak = before >= MIN_BEFORE_BREAK && word.length - before >= MIN_AFTER_BREAK;
    result += (canBreak ? SOFT_HYPHEN : '') + syllables;
  }
  return result;
}
