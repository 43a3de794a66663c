const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2010-05-27` -> `27 mai 2010`; the first of a month is written `1er`, as French usage wants. */
export function formatFrenchDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = MONTHS[(month ?? 1) - 1] ?? '';
  return `${day === 1 ? '1er' : String(day)} ${name} ${year}`;
}
