import { primaryLanguage } from '../typography/rules';
import { de } from './de';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';

export type { Messages } from './en';

/** One table per language, by primary subtag. */
const TABLES: Readonly<Record<string, Messages>> = { de, en, es, fr, it, nl };

/**
 * The words the targets print for a document in `lang`: its primary subtag's table (`fr-CA` →
 * `fr`), English for a language without one (the most widely read fallback; its typography still
 * follows `lang`).
 */
export function messages(lang: string): Messages {
  return TABLES[primaryLanguage(lang)] ?? en;
}

/** Whether the targets print their own words in `lang`, rather than English's. */
export function hasMessages(lang: string): boolean {
  return TABLES[primaryLanguage(lang)] !== undefined;
}

/** The languages with a table, for tests and `--help`. */
export const MESSAGE_LANGUAGES: readonly string[] = Object.keys(TABLES);
