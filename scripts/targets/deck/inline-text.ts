import type { Inline } from '../../model/types';

/**
 * Cutting prose into what fits on a slide: sentences are found in the plain text, then the
 * inline tree is sliced at the same offsets so emphasis and superscript ordinals survive.
 */

type AnyInline = Inline & { value?: string; alt?: string; children?: Inline[] };

/** Plain text as the slicer counts it (text values, image alts). */
export function plainText(children: readonly Inline[]): string {
  return children.map((node) => nodeText(node as AnyInline)).join('');
}

function nodeText(node: AnyInline): string {
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if (typeof node.value === 'string') return node.value;
  return node.children ? plainText(node.children) : '';
}

/** The inline content between plain-text offsets `start` and `end`. */
export function sliceInline(children: readonly Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let offset = 0;
  for (const child of children) {
    const node = child as AnyInline;
    const length = nodeText(node).length;
    const from = offset;
    offset += length;
    if (offset <= start || from >= end) continue;
    const inside = from >= start && offset <= end;
    if (inside) out.push(child);
    else if (node.type === 'text' || node.type === 'inlineCode') out.push({ ...node, value: (node.value ?? '').slice(Math.max(0, start - from), end - from) } as Inline);
    else if (node.children) out.push({ ...node, children: sliceInline(node.children, start - from, end - from) } as Inline);
  }
  return out;
}

/**
 * Words ending in a full stop that do not end a sentence. `Intl.Segmenter` cuts after "M." and
 * "Mr." (it keeps "etc. et"): a sentence that ends on one of these goes on with the next.
 */
const ABBREVIATION = /(?:^|[\s(«“"'])(?:\p{Lu}|M|MM|Mme|Mmes|Mlle|Mgr|Me|Dr|Pr|St|Ste|Mr|Mrs|Ms|Prof|Sr|Jr|etc|cf|p|pp|n°|no|vol|chap|art|fig|env|ex|vs|e\.g|i\.e|approx|av|apr|J\.-C)\.\s*$/u;
/** A segment that opens on a closing mark or a lower-case letter continues the sentence before it ("« Pourquoi ? » dit-il."). */
const CONTINUES = /^\s*(?:[»”’)\]]|\p{Ll})/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** The language's segmenter of sentences or words, made once (making one is the costly part); the root locale's for a tag it does not know. */
export function segmenter(lang: string, granularity: 'sentence' | 'word' = 'sentence'): Intl.Segmenter {
  const key = `${granularity}:${lang}`;
  let found = segmenters.get(key);
  if (!found) {
    try {
      found = new Intl.Segmenter(lang || undefined, { granularity });
    } catch {
      found = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, found);
  }
  return found;
}

/** Plain-text ranges of the sentences of a paragraph, found by `Intl.Segmenter` in the document's language. */
export function sentenceRanges(text: string, lang = 'fr'): [number, number][] {
  const ranges: [number, number][] = [];
  // A line break of the source is no sentence end (the segmenter takes it for one): read it as a space, same length.
  for (const { segment, index } of segmenter(lang).segment(text.replace(/\r\n|[\r\n\u2028\u2029\v\f]/g, (brk) => ' '.repeat(brk.length)))) {
    const last = ranges.at(-1);
    if (last && (ABBREVIATION.test(text.slice(last[0], last[1])) || CONTINUES.test(segment))) last[1] = index + segment.length;
    else ranges.push([index, index + segment.length]);
  }
  return ranges.map(([from, to]) => trimRange(text, from, to)).filter(([from, to]) => to > from);
}

function trimRange(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/u.test(text[from]!)) from += 1;
  while (to > from && /\s/u.test(text[to - 1]!)) to -= 1;
  return [from, to];
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * At most `maxWords` words of the range, cut after a comma or semicolon when one falls late
 * enough, otherwise between words, and marked with an ellipsis.
 */
export function clipInline(children: readonly Inline[], [from, to]: [number, number], maxWords: number): Inline[] {
  const text = plainText(children);
  const words = [...text.slice(from, to).matchAll(/\S+/gu)];
  if (words.length <= maxWords) return sliceInline(children, from, to);
  const kept = words.slice(0, maxWords);
  const pause = kept.findLastIndex((word, index) => index >= maxWords / 2 && /[,;:]$/u.test(word[0]));
  const last = kept[pause >= 0 ? pause : kept.length - 1]!;
  const end = trimRange(text, from, from + last.index + last[0].length - (pause >= 0 ? 1 : 0))[1];
  return [...sliceInline(children, from, end), { type: 'text', value: '…' }];
}
