import cssesc from 'cssesc';

/**
 * Model text as a quoted CSS string that is safe inside a `<style>` element: cssesc escapes
 * quotes, backslashes and controls (CSS's rules); `<` is escaped too, since HTML ends a style
 * element at `</style` whatever CSS thinks of it.
 */
export function cssString(text: string): string {
  return cssesc(text, { quotes: 'double', wrap: true }).replaceAll('<', '\\3c ');
}
