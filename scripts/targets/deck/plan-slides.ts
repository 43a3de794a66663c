import { blockText, inlineText } from '../../model/plain-text';
import { calloutAsQuote, definitionsAsList } from '../../model/lowered-blocks';
import type { Block, Inline, ListBlock, ListItem, Publication, Section } from '../../model/types';
import { htmlToText } from '../../sanitize/html-to-text';
import { formatDate } from '../../typography/format-date';
import { messages, type Messages } from '../../messages/messages';
import { clipInline, plainText, sentenceRanges, sliceInline, wordCount } from './inline-text';
import { KeyLines } from './key-lines';
import type { Slide, SlideUnit } from './slide-plan';
import { talkListUnits, talkParagraphUnit, talkQuoteUnit, type TalkOptions } from './talk-units';
import { slideWords, withinWordBudget } from './word-budget';

export interface PlanOptions {
  /**
   * `talk`: a deck to speak to, each paragraph and list item a key line, the prose whole in the
   * notes, at most `wordsPerSlide` words a slide; `read`: a deck sent instead of presented, its
   * prose on the slides, only what is too long for them in the notes.
   */
  style: 'talk' | 'read';
  /** Talk: words of prose a slide shows at most, the title aside. */
  wordsPerSlide: number;
  /** Talk: words of a paragraph's or item's line at most, unless its first clause is longer. */
  wordsPerLine: number;
  /** A paragraph longer than this goes to the notes; the slide shows its gist. */
  maxParagraphWords: number;
  /** A quote longer than this goes to the notes too. */
  maxQuoteWords: number;
  /** A paragraph with more characters than this goes to the notes too (long words, URLs). */
  maxParagraphChars: number;
  /** A list item whose own text is longer than this shows its lead; the whole item goes to the notes. */
  maxItemWords: number;
  /** A heading with more words than this is clipped on its slide; the whole heading goes to the notes. */
  maxTitleWords: number;
  /** Nor more characters than this (one word can be that long): no slide title, agenda line or trail is longer, with its ellipsis. */
  maxTitleChars: number;
  /** Longest gist shown for a paragraph moved to the notes. */
  gistWords: number;
  /** Text for a date in the title slide ("27 mai 2010"), in the document's language. */
  formatDate: (iso: string, lang: string) => string;
}

/** The plan's own defaults are a deck to read; the deck target takes the style from the settings (`talk` unless told). */
export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  style: 'read',
  wordsPerSlide: 40,
  wordsPerLine: 15,
  maxParagraphWords: 40,
  maxQuoteWords: 45,
  maxParagraphChars: 320,
  maxItemWords: 100,
  maxTitleWords: 40,
  maxTitleChars: 320,
  gistWords: 28,
  formatDate: formatDate,
};

/** The plan's options for the deck's settings: its style and word budgets. */
export function planOptionsFor(deck: Pick<PlanOptions, 'style' | 'wordsPerSlide' | 'wordsPerLine'>): PlanOptions {
  return { ...DEFAULT_PLAN_OPTIONS, style: deck.style, wordsPerSlide: deck.wordsPerSlide, wordsPerLine: deck.wordsPerLine };
}

/**
 * From prose to slides (pure): a title slide, an agenda, a divider per part, then content slides
 * per section. Nothing of the source is dropped: what a slide cannot show goes to its notes.
 */
export function planSlides(publication: Publication, planOptions: PlanOptions = DEFAULT_PLAN_OPTIONS): Slide[] {
  const { meta } = publication;
  const words = messages(meta.lang);
  const sections = deckSections(publication.sections);
  const options: PlannerOptions = { ...planOptions, lang: meta.lang, keyLines: planOptions.style === 'talk' ? new KeyLines(proseTexts(publication), meta.lang) : undefined, around: [] };
  const slides: Slide[] = [
    {
      kind: 'title',
      title: meta.title,
      kicker: meta.subtitle,
      lines: [meta.authors.map((person) => person.name).join(', '), meta.event, [meta.date === undefined ? undefined : options.formatDate(meta.date, meta.lang), meta.organisation].filter(Boolean).join(' · ')].filter((line): line is string => Boolean(line)),
      units: [],
      scale: 1,
      continuation: 0,
    },
  ];
  const preamble = shown(publication.preamble);
  if (preamble.length > 0) slides.push(...contentSlides({ title: words.introduction, blocks: preamble }, { ...options, around: [preamble.map(blockText).join('\n')] }));
  // A contents slide and numbered part dividers only where there are parts to tell apart.
  if (sections.length > 1) slides.push(agendaSlide(sections, words, options));
  let part = 0;
  const visit = (section: Section, trail: string[]) => {
    const blocks = shown(section.blocks);
    if (section.depth === 1 && sections.length > 1) {
      part += 1;
      slides.push(dividerSlide(section, 'divider', words.part(part), options));
    } else if (section.children.length > 0 && blocks.length === 0) {
      slides.push(dividerSlide(section, 'subdivider', shortText(trail.join(' · '), options.maxTitleChars), options));
    }
    // An empty section gives no slide of its own: the agenda and the trail above its subsections name it.
    if (blocks.length > 0) {
      const around = [[section.titleText, ...blocks.map(blockText)].join('\n')];
      slides.push(...contentSlides({ title: section.titleText, titleInline: section.title, blocks, header: shortText(trail.join(' · '), options.maxTitleChars), section }, { ...options, around }));
    } else if (section.depth > 1 && section.children.length === 0) {
      // Its heading is still said: the notes of the slide before name it.
      slides.at(-1)!.units.push({ notes: [section.titleText], position: section.position });
    }
    for (const child of deckSections(section.children)) visit(child, [...trail, shortText(section.titleText, options.maxTitleChars)]);
  };
  for (const section of sections) visit(section, []);
  const planned = withoutEmptySlides(slides);
  if (options.style === 'read') return planned;
  return planned.flatMap((slide) => {
    // The talk's map stays on one slide where it can: its parts alone when their sections are too many words.
    if (slide.kind === 'agenda') return withinWordBudget(slideWords(slide) > options.wordsPerSlide ? partsOnly(slide) : slide, options.wordsPerSlide, words.continuedLabel);
    return slide.kind === 'content' ? withinWordBudget({ ...slide, talk: true }, options.wordsPerSlide, words.continuedLabel) : [slide];
  });
}

/** The contents slide without the sections under each part (each part's divider and trail name them). */
function partsOnly(agenda: Slide): Slide {
  return { ...agenda, units: agenda.units.map((unit) => (unit.visible?.type === 'item' ? { ...unit, visible: { ...unit.visible, item: { ...unit.visible.item, sublist: undefined } } } : unit)) };
}

/** The document's prose, a paragraph or list item apiece: what the key lines' word weights are learnt from. */
function proseTexts(publication: Publication): string[] {
  const ofBlock = (block: Block): string[] => {
    if (block.type === 'list') return block.items.flatMap((item) => [[item.children, ...item.more].map(inlineText).join('\n'), ...(item.sublist ? ofBlock(item.sublist) : [])]);
    if (block.type === 'quote' || block.type === 'callout') return block.blocks.flatMap(ofBlock);
    return block.type === 'paragraph' ? [inlineText(block.children)] : [];
  };
  const ofSections = (sections: readonly Section[]): string[] => sections.flatMap((section) => [...section.blocks.flatMap(ofBlock), ...ofSections(section.children)]);
  return [...publication.preamble.flatMap(ofBlock), ...ofSections(publication.sections)];
}

/**
 * A content slide with nothing to show (a section of raw HTML or `:::notes` only) is no slide: what
 * it has for the notes joins the slide before it.
 */
function withoutEmptySlides(slides: Slide[]): Slide[] {
  const kept: Slide[] = [];
  for (const slide of slides) {
    const previous = kept.at(-1);
    if (slide.kind === 'content' && previous && !slide.units.some((unit) => unit.visible)) previous.units = [...previous.units, ...slide.units];
    else kept.push(slide);
  }
  return kept;
}

function deckSections(sections: readonly Section[]): Section[] {
  return sections.filter((section) => section.targets.includes('deck'));
}

function shown(blocks: readonly Block[]): Block[] {
  return blocks.filter((block) => block.targets.includes('deck'));
}

/** The agenda names each part and its sections, each title shortened as on its own slide (the whole of it is in that slide's notes). */
function agendaSlide(sections: Section[], words: Messages, options: PlannerOptions): Slide {
  const title = (section: Section) => clippedTitle(section.titleText, section.title, options) ?? section.title;
  const units: SlideUnit[] = sections.map((section, index) => {
    const children = deckSections(section.children);
    const sublist: ListBlock | undefined =
      children.length > 0
        ? { type: 'list', ordered: false, targets: ['deck'], items: children.map((child) => ({ children: title(child), more: [] })) }
        : undefined;
    return { visible: { type: 'item', item: { children: title(section), more: [], sublist }, ordered: true, number: index + 1, list: 0 }, notes: [] };
  });
  return { kind: 'agenda', title: words.contentsTitle, units, scale: 1, continuation: 0 };
}

function dividerSlide(section: Section, kind: 'divider' | 'subdivider', kicker: string, options: PlannerOptions): Slide {
  const clipped = clippedTitle(section.titleText, section.title, options);
  return {
    kind,
    title: section.titleText,
    titleInline: clipped ?? section.title,
    kicker: kicker || undefined,
    units: clipped ? [{ notes: [section.titleText], position: section.position, movedToNotes: true }] : [],
    scale: 1,
    continuation: 0,
    section: { id: section.id, depth: section.depth },
    position: section.position,
  };
}

interface ContentSource {
  title: string;
  titleInline?: Slide['titleInline'];
  header?: string;
  blocks: Block[];
  section?: Section;
}

/** The plan's options with the document's language, which finds its sentences; in a talk deck, its key lines and the text of the section at hand. */
interface PlannerOptions extends PlanOptions {
  lang: string;
  keyLines: KeyLines | undefined;
  around: readonly string[];
}

/** One slide per run of blocks between forced breaks (`::newslide`, `---`). */
function contentSlides(source: ContentSource, options: PlannerOptions): Slide[] {
  const runs: Block[][] = [[]];
  for (const block of source.blocks) {
    if (block.type === 'slide-break' || block.type === 'rule') runs.push([]);
    else runs.at(-1)!.push(block);
  }
  const nonEmpty = runs.filter((run) => run.length > 0);
  let list = 0;
  const clipped = source.titleInline ? clippedTitle(source.title, source.titleInline, options) : undefined;
  return nonEmpty.map((run, slideIndex) => ({
    kind: 'content',
    title: source.title,
    titleInline: clipped ?? source.titleInline,
    header: source.header || undefined,
    units: [
      ...(clipped && slideIndex === 0 ? [{ notes: [source.title], position: source.section?.position, movedToNotes: true }] : []),
      ...run.flatMap((block, index) => unitsOf(block, run[index + 1], options, () => list++)),
    ],
    scale: 1,
    continuation: 0,
    section: source.section ? { id: source.section.id, depth: source.section.depth } : undefined,
    position: run[0]?.position ?? source.section?.position,
  }));
}

/** A heading no title area can hold shows its first words on the slide; the whole of it goes to the notes. */
function clippedTitle(text: string, inline: readonly Inline[], options: PlannerOptions): Inline[] | undefined {
  if (wordCount(text) <= options.maxTitleWords && text.length <= options.maxTitleChars) return undefined;
  const byWords = clipInline(inline, [0, plainText(inline).length], options.maxTitleWords);
  if (plainText(byWords).length <= options.maxTitleChars + 1) return byWords;
  return [...sliceInline(inline, 0, cutAt(plainText(inline), options.maxTitleChars)), { type: 'text', value: '…' }];
}

/** Where to cut `text` to at most `max` characters: after its last whole word, or inside a word longer than half of it, never inside a character. */
function cutAt(text: string, max: number): number {
  const space = text.lastIndexOf(' ', max);
  let end = space > max / 2 ? space : max;
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end -= 1;
  return end;
}

function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, cutAt(text, max)).trimEnd()}…`;
}

function unitsOf(block: Block, next: Block | undefined, options: PlannerOptions, newList: () => number): SlideUnit[] {
  const position = block.position;
  const talk = talkOptions(block, options);
  switch (block.type) {
    case 'paragraph':
      return [talk ? talkParagraphUnit(block, introducesList(inlineText(block.children), next), talk) : paragraphUnit(block, next, options)];
    case 'list': {
      const list = newList();
      if (talk) return talkListUnits(block, list, talk);
      return block.items.map((item, index) => {
        const notes: string[] = [];
        const shownItem = block.keep ? item : itemLead(item, options, notes);
        return {
          visible: { type: 'item', item: shownItem, ordered: block.ordered, number: (block.start ?? 1) + index, list },
          notes,
          position: item.position ?? position,
          ...(block.keep ? { keep: true } : {}),
          ...(notes.length > 0 ? { movedToNotes: true } : {}),
        };
      });
    }
    case 'quote': {
      if (talk) return [talkQuoteUnit(block, talk)];
      const text = blockText(block);
      if (wordCount(text) <= options.maxQuoteWords) return [{ visible: { type: 'quote', blocks: block.blocks }, notes: [], position }];
      const first = block.blocks.find((inner) => inner.type === 'paragraph');
      const gist = first?.type === 'paragraph' ? gistOf(first.children, options) : undefined;
      return [{ visible: gist ? { type: 'quote', blocks: [{ ...first!, children: gist }] } : undefined, notes: [text], position, movedToNotes: true }];
    }
    case 'callout':
      return unitsOf(calloutAsQuote(block), next, options, newList);
    case 'definitions':
      return unitsOf(definitionsAsList(block), next, options, newList);
    case 'table':
    case 'code':
    case 'image':
      return [{ visible: { type: 'block', block }, notes: [], position }];
    case 'notes':
      return [{ notes: block.blocks.map(blockText).filter(Boolean), position }];
    case 'html': {
      // Raw HTML is not shown on slides; its readable text, sanitised, goes to the notes.
      const text = htmlToText(block.value);
      return text ? [{ notes: [text], position }] : [];
    }
    case 'math':
      // The room sees the equation; the presenter reads its TeX in the notes.
      return [{ visible: { type: 'block', block }, notes: [block.value], position }];
    case 'slide-break':
    case 'rule':
    case 'page-break':
      return [];
  }
}

/** The talk style's options for a block, unless the deck is to read or the author kept the block whole (`:::keep`). */
function talkOptions(block: Block, options: PlannerOptions): TalkOptions | undefined {
  if (!options.keyLines || ('keep' in block && block.keep)) return undefined;
  return { keyLines: options.keyLines, wordsPerLine: options.wordsPerLine, around: options.around };
}

function paragraphUnit(block: Extract<Block, { type: 'paragraph' }>, next: Block | undefined, options: PlannerOptions): SlideUnit {
  const text = inlineText(block.children);
  const position = block.position;
  if (block.keep) return { visible: { type: 'paragraph', children: block.children }, notes: [], position, keepWithNext: introducesList(text, next), keep: true };
  if (wordCount(text) <= options.maxParagraphWords && text.length <= options.maxParagraphChars) {
    return { visible: { type: 'paragraph', children: block.children }, notes: [], position, keepWithNext: introducesList(text, next) };
  }
  if (introducesList(text, next)) {
    // "... visent notamment à :" then a list: the slide shows the sentence that leads into it.
    const last = sentenceRanges(plainText(block.children), options.lang).at(-1)!;
    return { visible: { type: 'paragraph', children: clipInline(block.children, last, options.gistWords) }, notes: [text], position, keepWithNext: true, movedToNotes: true };
  }
  return leadUnit(block.children, text, options, position);
}

/** A block the room cannot read whole: its lead as a bullet on the slide, the whole of it in the notes. */
export function leadUnit(children: readonly Inline[], text: string, options: { gistWords: number; lang: string }, position?: SlideUnit['position']): SlideUnit {
  return { visible: { type: 'item', item: { children: gistOf(children, options), more: [] }, ordered: false, number: 1, list: -1 }, notes: [text], position, movedToNotes: true };
}

/** A list item with its own text cut to its lead when long (the whole text into `notes`), at any depth. */
function itemLead(item: ListItem, options: PlannerOptions, notes: string[]): ListItem {
  const own = [item.children, ...item.more].map(inlineText).join('\n');
  const long = wordCount(own) > options.maxItemWords || own.length > options.maxParagraphChars * 2.2;
  if (long) notes.push(own);
  const sublist = item.sublist ? { ...item.sublist, items: item.sublist.items.map((child) => itemLead(child, options, notes)) } : undefined;
  if (!long && sublist === item.sublist) return item;
  return { ...item, children: long ? gistOf(item.children, options) : item.children, more: long ? [] : item.more, sublist };
}

/** The first sentence, clipped: what a room can read of a long paragraph. */
function gistOf(children: readonly Inline[], options: { gistWords: number; lang: string }) {
  const first = sentenceRanges(plainText(children), options.lang)[0] ?? [0, 0];
  return clipInline(children, first, options.gistWords);
}

function introducesList(text: string, next: Block | undefined): boolean {
  return next?.type === 'list' && /:\s*$/u.test(text);
}
