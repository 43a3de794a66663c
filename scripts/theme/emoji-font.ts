import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from '../paths';

/**
 * Google's Noto Emoji, from its npm package, in the subsets (unicode ranges) fontsource splits it into.
 * The monochrome one: Chromium prints the colour font's COLRv1 glyphs as nothing in a PDF.
 */
export const EMOJI_FAMILY = 'Noto Emoji';
export const EMOJI_PACKAGE = '@fontsource/noto-emoji';

interface EmojiSubset {
  file: string;
  ranges: [number, number][];
}

let subsets: EmojiSubset[] | undefined;

/** The package's own stylesheet says which file holds which code points. */
function emojiSubsets(): EmojiSubset[] {
  subsets ??= [...readFileSync(join(packageDir(EMOJI_PACKAGE), 'index.css'), 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body]) => {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    if (!file || !range) return [];
    const ranges = range.split(',').map((part) => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
    });
    return [{ file: join(packageDir(EMOJI_PACKAGE), 'files', file), ranges }];
  });
  return subsets;
}

// Pictographs and flags: the characters no text font of a theme draws. Digits, `#` and `*` are in the
// emoji font too (keycaps) but the text font has them, so they never make a subset necessary.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu;

/**
 * @font-face rules for the emoji a text uses, and only those subsets (the whole font is 10 MB);
 * empty when it has none. `embed` inlines them as data URLs, for HTML that must work wherever it is copied.
 */
export function emojiFontCss(text: string, options: { embed: boolean }): string {
  const codePoints = new Set([...text.matchAll(EMOJI)].map((match) => match[0].codePointAt(0)!));
  if (codePoints.size === 0) return '';
  const needed = emojiSubsets().filter((subset) => [...codePoints].some((code) => subset.ranges.some(([from, to]) => code >= from && code <= to)));
  return needed
    .map((subset) => {
      const src = options.embed ? `data:font/woff2;base64,${readFileSync(subset.file).toString('base64')}` : pathToFileURL(subset.file).href;
      const range = subset.ranges.map(([from, to]) => (from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`)).join(',');
      return `@font-face{font-family:'${EMOJI_FAMILY}';font-style:normal;font-weight:400;font-display:block;src:url("${src}") format("woff2");unicode-range:${range}}`;
    })
    .join('\n');
}
