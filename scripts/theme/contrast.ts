import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Theme } from './theme-schema';

/** What WCAG 2.1 AA asks of body-size text (criterion 1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

type Colour = keyof Theme['colors'];

/** The text-on-background pairs the targets' stylesheets set: body, captions, headings and links, covers and divider slides. */
const TEXT_PAIRS: readonly [text: Colour, background: Colour][] = [
  ['ink', 'paper'],
  ['muted', 'paper'],
  ['accent', 'paper'],
  ['paper', 'accent'],
  ['paper', 'accentDark'],
  ['accentDark', 'accentSoft'],
];

/**
 * Each pair of the theme's colours that the targets set as text on background and that reads
 * under 4.5:1, as a warning located at the text colour in the theme's file.
 */
export function themeContrastWarnings(theme: Theme): string[] {
  return TEXT_PAIRS.flatMap(([text, background]) => {
    const ratio = contrastRatio(theme.colors[text], theme.colors[background]);
    if (ratio >= AA_TEXT_CONTRAST) return [];
    return [`${colourPlace(theme, text)} colors.${text} (${theme.colors[text]}) on colors.${background} (${theme.colors[background]}) reads at ${ratio.toFixed(2)}:1, under the ${AA_TEXT_CONTRAST}:1 WCAG 2.1 AA asks of text`];
  });
}

/** WCAG's contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channels = (/^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex) ?? ['', '00', '00', '00']).slice(1, 4).map((pair) => parseInt(pair, 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `file:line:column` of the colour's key in theme.json (or its value in _brand.yml); the file's start when it is not written there. */
function colourPlace(theme: Theme, colour: Colour): string {
  for (const [name, needle] of [['theme.json', `"${colour}"`], ['_brand.yml', theme.colors[colour]]] as const) {
    const file = join(theme.dir, name);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.toLowerCase().includes(needle.toLowerCase()));
    return line < 0 ? `${file}:1:1` : `${file}:${line + 1}:${lines[line]!.toLowerCase().indexOf(needle.toLowerCase()) + 1}`;
  }
  return `${theme.dir}:1:1`;
}
