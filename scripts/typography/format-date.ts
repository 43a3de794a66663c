import { NO_BREAK_SPACE } from './characters';

/**
 * A front-matter date as the reader of each target sees it. In French: `27 mai 2010`, the first
 * of a month `1er`, and no line break inside; other languages get Intl's long form.
 */
export function formatDate(iso: string, lang = 'fr'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!lang.startsWith('fr')) return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  const day = date.getUTCDate();
  const rest = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${day === 1 ? '1er' : day}${NO_BREAK_SPACE}${rest.replace(' ', NO_BREAK_SPACE)}`;
}
