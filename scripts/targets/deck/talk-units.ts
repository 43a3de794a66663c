import { blockText, inlineText } from '../../model/plain-text';
import type { Block, Inline, ListBlock, ListItem, ParagraphBlock, QuoteBlock } from '../../model/types';
import { plainText, wordCount } from './inline-text';
import { keyLineInline, type KeyLines } from './key-lines';
import type { SlideUnit } from './slide-plan';
import { unitText } from './timing';

/**
 * The units of a deck to speak to (`deck.style: talk`): each paragraph, list item and quote shows
 * its key line (`key-lines.ts`) and goes whole into the notes, in order, so the speaker says what
 * the room reads in a glance. What is not prose (tables, code, images, equations) is the plan's as
 * in a deck to read.
 */
export interface TalkOptions {
  keyLines: KeyLines;
  wordsPerLine: number;
  /** Texts the key lines are ranked against besides their own paragraph: the section's. */
  around: readonly string[];
}

/** A paragraph: whole when it fits a line, else its key line as a bullet; in the notes either way. */
export function talkParagraphUnit(block: ParagraphBlock, introducesList: boolean, options: TalkOptions): SlideUnit {
  const text = inlineText(block.children);
  const position = block.position;
  // What leads into a list is said by its last sentence, and stays a line of text above the list.
  const line = options.keyLines.pick(block.children, options.around, { ...options, last: introducesList });
  const children = shownPart(block.children, line.range);
  if (!line.shortened || introducesList) return { visible: { type: 'paragraph', children }, notes: [text], position, keepWithNext: introducesList, ...(line.shortened ? { movedToNotes: true } : {}) };
  return { visible: { type: 'item', item: { children, more: [] }, ordered: false, number: 1, list: -1 }, notes: [text], position, movedToNotes: true };
}

/** The inline content of a line: the whole of `children` when it is all of it. */
function shownPart(children: readonly Inline[], range: [number, number]): Inline[] {
  return range[0] === 0 && range[1] === plainText(children).length ? [...children] : keyLineInline(children, range);
}

/** Each item of a list, at any depth, shows its key line; the whole of each top item (its nested items too) goes to its notes. */
export function talkListUnits(block: ListBlock, list: number, options: TalkOptions): SlideUnit[] {
  return block.items.map((item, index) => {
    const visible = { type: 'item' as const, item, ordered: block.ordered, number: (block.start ?? 1) + index, list };
    const shown = itemLine(item, options);
    return {
      visible: { ...visible, item: shown.item },
      notes: [unitText(visible)],
      position: item.position ?? block.position,
      ...(shown.shortened ? { movedToNotes: true } : {}),
    };
  });
}

function itemLine(item: ListItem, options: TalkOptions): { item: ListItem; shortened: boolean } {
  const line = options.keyLines.pick(item.children, options.around, options);
  const sublist = item.sublist?.items.map((child) => itemLine(child, options));
  const shortened = line.shortened || item.more.length > 0 || (sublist?.some((child) => child.shortened) ?? false);
  return {
    item: { ...item, children: shownPart(item.children, line.range), more: [], sublist: item.sublist && sublist ? { ...item.sublist, items: sublist.map((child) => child.item) } : undefined },
    shortened,
  };
}

/**
 * A quote: the key line of its first paragraph (after a title in bold, which a callout opens
 * with), and the line that names who said it when it ends with one ("— Guy Le Boterf").
 */
export function talkQuoteUnit(block: QuoteBlock, options: TalkOptions): SlideUnit {
  const text = blockText(block);
  const position = block.position;
  if (wordCount(text) <= options.wordsPerLine) return { visible: { type: 'quote', blocks: block.blocks }, notes: [text], position };
  const paragraphs = block.blocks.filter((inner): inner is ParagraphBlock => inner.type === 'paragraph');
  const title = paragraphs[0] && isTitle(paragraphs[0], options.wordsPerLine) ? paragraphs[0] : undefined;
  const speaker = paragraphs.length > 1 && isAttribution(paragraphs.at(-1)!) ? paragraphs.at(-1)! : undefined;
  const said = paragraphs.find((paragraph) => paragraph !== title && paragraph !== speaker);
  const shown: Block[] = [
    ...(title ? [title] : []),
    ...(said ? [{ ...said, children: shownPart(said.children, options.keyLines.pick(said.children, options.around, options).range) }] : []),
    ...(speaker ? [speaker] : []),
  ];
  return { visible: shown.length > 0 ? { type: 'quote', blocks: shown } : undefined, notes: [text], position, movedToNotes: true };
}

/** A paragraph in bold alone, short: the title a callout opens with. */
function isTitle(paragraph: ParagraphBlock, wordsPerLine: number): boolean {
  return paragraph.children.length === 1 && paragraph.children[0]!.type === 'strong' && wordCount(plainText(paragraph.children)) <= wordsPerLine;
}

/** "— Name", "-- Name", "― Name, title": the speaker of a quote, as quotes are signed. */
function isAttribution(paragraph: ParagraphBlock): boolean {
  const text = plainText(paragraph.children);
  return /^\s*(?:[\u2014\u2015\u2013]|--?)\s*\S/u.test(text) && wordCount(text) <= 12;
}
