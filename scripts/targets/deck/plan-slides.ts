import { blockText, inlineText } from '../../model/plain-text';
import type { Block, ListBlock, Publication, Section } from '../../model/types';
import { htmlToText } from '../../sanitize/html-to-text';
import { formatDate } from '../../typography/format-date';
import { messages, type Messages } from '../../messages/messages';
import { clipInline, plainText, sentenceRanges, wordCount } from './inline-text';
import type { Slide, SlideUnit } from './slide-plan';

export interface PlanOptions {
  /** A paragraph longer than this goes to the notes; the slide shows its gist. */
  maxParagraphWords: number;
  /** A quote longer than this goes to the notes too. */
  maxQuoteWords: number;
  /** Longest gist shown for a paragraph moved to the notes. */
  gistWords: number;
  /** Text for a date in the title slide ("27 mai 2010"), in the document's language. */
  formatDate: (iso: string, lang: string) => string;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  maxParagraphWords: 40,
  maxQuoteWords: 45,
  gistWords: 28,
  formatDate: formatDate,
};

/**
 * From prose to slides (pure): a title slide, an agenda, a divider per part, then content slides
 * per section. Nothing of the source is dropped: what a slide cannot show goes to its notes.
 */
export function planSlides(publication: Publication, options: PlanOptions = DEFAULT_PLAN_OPTIONS): Slide[] {
  const { meta } = publication;
  const words = messages(meta.lang);
  const sections = deckSections(publication.sections);
  const slides: Slide[] = [
    {
      kind: 'title',
      title: meta.title,
      kicker: meta.subtitle,
      lines: [meta.event, [meta.date === undefined ? undefined : options.formatDate(meta.date, meta.lang), meta.organisation].filter(Boolean).join(' · ')].filter((line): line is string => Boolean(line)),
      units: [],
      scale: 1,
      continuation: 0,
    },
  ];
  const preamble = shown(publication.preamble);
  if (preamble.length > 0) slides.push(...contentSlides({ title: words.introduction, blocks: preamble }, options));
  if (sections.length > 0) slides.push(agendaSlide(sections, words));
  let part = 0;
  const visit = (section: Section, trail: string[]) => {
    const blocks = shown(section.blocks);
    if (section.depth === 1) {
      part += 1;
      slides.push(dividerSlide(section, 'divider', words.part(part)));
    } else if (section.children.length > 0 && blocks.length === 0) {
      slides.push(dividerSlide(section, 'subdivider', trail.join(' · ')));
    }
    if (blocks.length > 0 || (section.depth > 1 && section.children.length === 0)) {
      slides.push(...contentSlides({ title: section.titleText, titleInline: section.title, blocks, header: trail.join(' · '), section }, options));
    }
    for (const child of deckSections(section.children)) visit(child, [...trail, section.titleText]);
  };
  for (const section of sections) visit(section, []);
  return slides;
}

function deckSections(sections: readonly Section[]): Section[] {
  return sections.filter((section) => section.targets.includes('deck'));
}

function shown(blocks: readonly Block[]): Block[] {
  return blocks.filter((block) => block.targets.includes('deck'));
}

function agendaSlide(sections: Section[], words: Messages): Slide {
  const units: SlideUnit[] = sections.map((section, index) => {
    const children = deckSections(section.children);
    const sublist: ListBlock | undefined =
      children.length > 0
        ? { type: 'list', ordered: false, targets: ['deck'], items: children.map((child) => ({ children: child.title, more: [] })) }
        : undefined;
    return { visible: { type: 'item', item: { children: section.title, more: [], sublist }, ordered: true, number: index + 1, list: 0 }, notes: [] };
  });
  return { kind: 'agenda', title: words.contentsTitle, units, scale: 1, continuation: 0 };
}

function dividerSlide(section: Section, kind: 'divider' | 'subdivider', kicker: string): Slide {
  return {
    kind,
    title: section.titleText,
    titleInline: section.title,
    kicker: kicker || undefined,
    units: [],
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

/** One slide per run of blocks between forced breaks (`::newslide`, `---`). */
function contentSlides(source: ContentSource, options: PlanOptions): Slide[] {
  const runs: Block[][] = [[]];
  for (const block of source.blocks) {
    if (block.type === 'slide-break' || block.type === 'rule') runs.push([]);
    else runs.at(-1)!.push(block);
  }
  const nonEmpty = runs.filter((run, index) => run.length > 0 || index === 0);
  let list = 0;
  return nonEmpty.map((run) => ({
    kind: 'content',
    title: source.title,
    titleInline: source.titleInline,
    header: source.header || undefined,
    units: run.flatMap((block, index) => unitsOf(block, run[index + 1], options, () => list++)),
    scale: 1,
    continuation: 0,
    section: source.section ? { id: source.section.id, depth: source.section.depth } : undefined,
    position: run[0]?.position ?? source.section?.position,
  }));
}

function unitsOf(block: Block, next: Block | undefined, options: PlanOptions, newList: () => number): SlideUnit[] {
  const position = block.position;
  switch (block.type) {
    case 'paragraph':
      return [paragraphUnit(block, next, options)];
    case 'list': {
      const list = newList();
      return block.items.map((item, index) => ({
        visible: { type: 'item', item, ordered: block.ordered, number: (block.start ?? 1) + index, list },
        notes: [],
        position: item.position ?? position,
      }));
    }
    case 'quote': {
      const text = blockText(block);
      if (wordCount(text) <= options.maxQuoteWords) return [{ visible: { type: 'quote', blocks: block.blocks }, notes: [], position }];
      const first = block.blocks.find((inner) => inner.type === 'paragraph');
      const gist = first?.type === 'paragraph' ? gistOf(first.children, options) : undefined;
      return [{ visible: gist ? { type: 'quote', blocks: [{ ...first!, children: gist }] } : undefined, notes: [text], position }];
    }
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
    case 'slide-break':
    case 'rule':
      return [];
  }
}

function paragraphUnit(block: Extract<Block, { type: 'paragraph' }>, next: Block | undefined, options: PlanOptions): SlideUnit {
  const text = inlineText(block.children);
  const position = block.position;
  if (block.keep || wordCount(text) <= options.maxParagraphWords) {
    return { visible: { type: 'paragraph', children: block.children }, notes: [], position, keepWithNext: introducesList(text, next) };
  }
  if (introducesList(text, next)) {
    // "... visent notamment à :" then a list: the slide shows the sentence that leads into it.
    const last = sentenceRanges(plainText(block.children)).at(-1)!;
    return { visible: { type: 'paragraph', children: clipInline(block.children, last, options.gistWords) }, notes: [text], position, keepWithNext: true };
  }
  return { visible: { type: 'item', item: { children: gistOf(block.children, options), more: [] }, ordered: false, number: 1, list: -1 }, notes: [text], position };
}

/** The first sentence, clipped: what a room can read of a long paragraph. */
function gistOf(children: Extract<Block, { type: 'paragraph' }>['children'], options: PlanOptions) {
  const first = sentenceRanges(plainText(children))[0] ?? [0, 0];
  return clipInline(children, first, options.gistWords);
}

function introducesList(text: string, next: Block | undefined): boolean {
  return next?.type === 'list' && /:\s*$/u.test(text);
}
