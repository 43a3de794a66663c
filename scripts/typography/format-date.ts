import { NO_BREAK_SPACE } from './characters';

/**
 * A front-matter date as the reader of each target sees it. In French: `27 mai 2010`, the first
 * of a month `1er`, and no line break inside; other languages get Intl's long form.
 */
export function formatDate(iso: string, lang = 'fr'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!lang.startsWith('fr')) return formatter(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  const day = date.getUTCDate();
  const rest = formatter('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${day === 1 ? '1er' : day}${NO_BREAK_SPACE}${rest.replace(' ', NO_BREAK_SPACE)}`;
}

/** Making a formatter loads the language's locale data (about a millisecond); a build formats dates by the hundred. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\n${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, made);
  }
  return made;
}
