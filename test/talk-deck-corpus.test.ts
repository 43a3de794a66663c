import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../scripts/config/schema';
import type { Block, ListItem, Section } from '../scripts/model/types';
import { loadSource } from '../scripts/source/load-source';
import { inlineText } from '../scripts/model/plain-text';
import { DEFAULT_PLAN_OPTIONS, planSlides } from '../scripts/targets/deck/plan-slides';
import type { Slide } from '../scripts/targets/deck/slide-plan';
import { sourcePieces } from '../scripts/targets/deck/source-pieces';
import { slideWords } from '../scripts/targets/deck/word-budget';
import { REAL_SOURCE } from './helpers';

/**
 * A deck to speak to (`deck.style: talk`, the default), planned from every real document of the
 * corpus (READMEs, and documents written for other tools in French, English and German) and the
 * seed: a few words a slide, lines cut only where a clause ends, and the prose whole in the notes.
 */
const CORPUS = join(import.meta.dirname, 'corpus');
const documents = [
  REAL_SOURCE,
  ...readdirSync(CORPUS)
    .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
    .map((name) => join(CORPUS, name)),
  ...readdirSync(join(CORPUS, 'dialects'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|mdx|qmd|rmd)$/i.test(name) && !/(^|\/)(SOURCES|BASELINE)\.md$/.test(name))
    .map((name) => join(CORPUS, 'dialects', name)),
].sort();

const settings = settingsSchema.parse({});
const { wordsPerSlide, wordsPerLine } = settings.deck;

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Each line a slide shows for the prose: a paragraph, a quote's paragraphs, each list item at any depth. */
function shownLines(slide: Slide): string[] {
  return slide.units.flatMap((unit) => {
    const visible = unit.visible;
    if (!visible || unit.notes.length === 0) return [];
    const itemLines = (item: ListItem, continued: boolean): string[] => [
      // A parent repeated above the rest of its list carries the "(continued)" label.
      ...(continued ? [] : [inlineText(item.children)]),
      ...(item.sublist?.items.flatMap((child) => itemLines(child, false)) ?? []),
    ];
    const lines =
      visible.type === 'paragraph' ? [inlineText(visible.children)]
      : visible.type === 'item' ? itemLines(visible.item, visible.continued ?? false)
      : visible.type === 'quote' ? visible.blocks.flatMap((block) => (block.type === 'paragraph' ? [inlineText(block.children)] : []))
      : [];
    return lines.map(normalise).filter(Boolean);
  });
}

/**
 * `line` is the whole of a paragraph or list item of the source, or a part of one that stops at a
 * sentence's or a clause's end: on punctuation of its own, or right before punctuation.
 */
function endsCleanly(line: string, pieces: readonly string[]): boolean {
  // A line that starts inside a sentence has its first letter set as a capital.
  const variants = [line, line.charAt(0).toLocaleLowerCase() + line.slice(1)];
  return pieces.some((piece) =>
    variants.some((variant) => {
      for (let at = piece.indexOf(variant); at >= 0; at = piece.indexOf(variant, at + 1)) {
        const after = piece.slice(at + variant.length);
        if (after === '' || /[.!?…:;»”)]$/u.test(variant) || /^\s*(?:[,;:.!?…\u2014\u2013(]|-\s)/u.test(after)) return true;
      }
      return false;
    }),
  );
}

/** The prose of the deck's part of the model: what a talk deck puts whole in its notes (tables, code, images and equations are shown). */
function prose(blocks: readonly Block[]): Block[] {
  return blocks.filter((block) => !['table', 'code', 'image', 'math'].includes(block.type) && !('keep' in block && block.keep));
}

describe.each(documents)('a deck to speak to, planned from %s', async (document) => {
  const { publication } = await loadSource(document, settings);
  const name = relative(CORPUS, document);
  const slides = publication?.slides ? [] : planSlides(publication!, { ...DEFAULT_PLAN_OPTIONS, style: 'talk', wordsPerSlide, wordsPerLine });
  const counted = slides.filter((slide) => slide.kind === 'content' || slide.kind === 'agenda').map(slideWords);

  it(`shows at most ${wordsPerSlide} words on the median slide, and no slide over ${wordsPerSlide} + 10 %`, () => {
    const sorted = [...counted].sort((a, b) => a - b);
    console.info(`${name}: ${slides.length} slides, words per slide median ${sorted[Math.floor((sorted.length - 1) / 2)] ?? 0}, max ${sorted.at(-1) ?? 0}`);
    expect(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0).toBeLessThanOrEqual(wordsPerSlide);
    // Only a clause that has no punctuation to be cut at may be longer: it stands alone on its slide, whole.
    const over = slides.filter((slide) => (slide.kind === 'content' || slide.kind === 'agenda') && slideWords(slide) > wordsPerSlide * 1.1);
    const uncuttable = (slide: Slide) => {
      const lines = shownLines(slide);
      return lines.length === 1 && !/[,;:\u2014\u2013(]\s|\s-\s/u.test(lines[0]!.replace(/[.!?…]$/u, ''));
    };
    expect(over.filter((slide) => !uncuttable(slide)).map((slide) => `${slide.title}: ${slideWords(slide)} words`)).toEqual([]);
  });

  it('shows lines in the words of the source, each ending where a sentence or a clause ends (no ellipsis of its own)', () => {
    const pieces = sourcePieces(publication!);
    expect(slides.flatMap(shownLines).filter((line) => !endsCleanly(line, pieces))).toEqual([]);
  });

  it('puts every paragraph, list item and quote of the source in the notes, in order', () => {
    const notes = normalise(slides.flatMap((slide) => slide.units.flatMap((unit) => unit.notes)).join(' ')).replace(/\s+/gu, '');
    const sections = (list: readonly Section[]): Section[] => list.map((section) => ({ ...section, blocks: prose(section.blocks), children: sections(section.children) }));
    const pieces = publication?.slides ? [] : sourcePieces({ ...publication!, preamble: prose(publication!.preamble), sections: sections(publication!.sections) });
    let from = 0;
    const missing: string[] = [];
    for (const piece of pieces.map((text) => text.replace(/\s+/gu, ''))) {
      const at = notes.indexOf(piece, from);
      if (at < 0) missing.push(piece);
      else from = at;
    }
    expect(missing).toEqual([]);
  });
});
