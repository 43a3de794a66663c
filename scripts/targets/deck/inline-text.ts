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

/** Sentence ends: a full stop, ! ? or … followed by a space and a capital, a digit or «. */
const SENTENCE_END = /[.!?…](?:\s*»)?(?=\s+[«"(\p{Lu}\d])/gu;

/** Plain-text ranges of the sentences of a paragraph. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    ranges.push([start, end]);
    start = end;
  }
  ranges.push([start, text.length]);
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
