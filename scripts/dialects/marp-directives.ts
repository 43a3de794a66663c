/**
 * Marp's directives (marpit.marp.app/directives, marp-core's own), which a deck's front matter
 * and comments may hold: Marp reads them, Triptyque does not take them for keys of its own.
 * `title`, `author`, `description`, `lang` and `url` mean the same to both and stay Triptyque's too.
 */
export const MARP_DIRECTIVE_KEYS: ReadonlySet<string> = new Set([
  'marp',
  'theme',
  'style',
  'headingDivider',
  'lang',
  'size',
  'math',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
  'keywords',
  'image',
  'title',
  'author',
  'description',
  'url',
]);

/** A key of Marp's: a directive, or a local one for the first slide only (`_paginate: false`, `_class: lead`). */
export function isMarpDirective(key: string): boolean {
  return MARP_DIRECTIVE_KEYS.has(key) || (key.startsWith('_') && MARP_DIRECTIVE_KEYS.has(key.slice(1)));
}

/** Marp's own themes, known by name without a stylesheet. */
export const MARP_BUILTIN_THEMES: ReadonlySet<string> = new Set(['default', 'gaia', 'uncover']);

/**
 * Words of Marp's image syntax (marpit.marp.app/image-syntax) that an image's alt text may hold
 * beside its description: sizes, background keywords and filters.
 */
const IMAGE_KEYWORD = /^(?:bg|fit|contain|cover|auto|left|right|top|bottom|vertical|horizontal|\d+(?:\.\d+)?%|(?:w|h|width|height|left|right|top|bottom):\S*|(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::\S*)?)$/i;

/** An image's alt text as Marp reads it: whether it is a background, and the words left as its description. */
export function readImageAlt(alt: string): { background: boolean; text: string } {
  const words = alt.split(/\s+/).filter(Boolean);
  const background = words.some((word) => word.toLowerCase() === 'bg');
  return { background, text: words.filter((word) => !IMAGE_KEYWORD.test(word)).join(' ') };
}
