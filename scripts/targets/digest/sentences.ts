/**
 * Sentence boundaries in typeset French: `.`, `!`, `?` or `…`, maybe a closing quote or bracket
 * (after a no-break space), then a space and a capital, a digit or an opening quote.
 * `Intl.Segmenter` breaks after "M." and inside « oui ! » — wrong for this prose.
 */
const BOUNDARY = /[.!?…](?:[\u00a0\u202f]?[»”)])?(?=[ \t\n]+[«“(\p{Lu}\d])/gu;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Dr', 'Pr', 'St', 'Ste', 'cf', 'p', 'n°', 'art', 'av', 'bd']);

/** Offsets just after each sentence end (before the space), the text's end included. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(BOUNDARY)) {
    const before = text.slice(0, match.index).match(/([\p{L}°]+)$/u)?.[1];
    if (match[0].startsWith('.') && before && ABBREVIATIONS.has(before)) continue;
    ends.push(match.index + match[0].length);
  }
  const trimmedEnd = text.trimEnd().length;
  if (ends.at(-1) !== trimmedEnd) ends.push(trimmedEnd);
  return ends;
}

export interface Cut {
  /** Characters kept. */
  length: number;
  /** True when the cut fell inside a sentence (the caller adds an ellipsis). */
  partial: boolean;
}

/**
 * Where to cut `text` so it holds whole sentences and at most `max` characters. When even the first
 * sentence is longer, cut at the last word boundary that fits and say so.
 */
export function cutAtSentence(text: string, max: number): Cut {
  const ends = sentenceEnds(text);
  const fitting = ends.filter((end) => end <= max);
  if (fitting.length > 0) return { length: fitting.at(-1)!, partial: false };
  const words = text.slice(0, max).match(/^.*[\p{L}\p{N}»)][,;:]?(?=[ \t\n])/su)?.[0];
  return { length: (words ?? text.slice(0, max)).replace(/[,;:]$/u, '').length, partial: true };
}
