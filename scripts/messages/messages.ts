import { primaryLanguage } from '../typography/rules';
import { en, type Messages } from './en';
import { fr } from './fr';

export type { Messages } from './en';

/** One table per language, by primary subtag. */
const TABLES: Readonly<Record<string, Messages>> = { en, fr };

/**
 * The words the targets print for a document in `lang`: its primary subtag's table (`fr-CA` →
 * `fr`), English for a language without one (the most widely read fallback; its typography still
 * follows `lang`).
 */
export function messages(lang: string): Messages {
  return TABLES[primaryLanguage(lang)] ?? en;
}
