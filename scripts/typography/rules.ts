import type { Rule } from './edit';
import { FRENCH_RULES } from './french-rules';
import { ENGLISH_RULES } from './rules-en';
import { NEUTRAL_RULES } from './rules-neutral';
import { typesetString } from './typeset';

/** The primary subtag, lower case: `fr-CA` → `fr`. */
export function primaryLanguage(lang: string): string {
  return lang.split(/[-_]/)[0]!.toLowerCase();
}

/** The typography rules of a language: French for `fr*`, English for `en*`, the neutral ones otherwise. */
export function rulesFor(lang: string): readonly Rule[] {
  const primary = primaryLanguage(lang);
  if (primary === 'fr') return FRENCH_RULES;
  if (primary === 'en') return ENGLISH_RULES;
  return NEUTRAL_RULES;
}

/** Typesets a plain string (titles, subjects) by the rules of `lang`. */
export function typesetterFor(lang: string): (text: string) => string {
  const rules = rulesFor(lang);
  return (text) => typesetString(text, rules);
}
