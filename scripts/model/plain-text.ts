import { toString } from 'mdast-util-to-string';
import { htmlToText } from '../sanitize/html-to-text';
import type { Heading, PhrasingContent } from 'mdast';
import type { Block, Inline, ListBlock, Publication, Section, TargetName } from './types';

/** Text of inline content as a reader sees it: raw HTML as its readable text (an `<img>` as its alt), never its tags. */
export function inlineText(children: readonly Inline[]): string {
  return toString({ type: 'paragraph', children: readable(children) });
}

function readable(children: readonly Inline[]): Inline[] {
  return children.map((node): Inline => {
    // A line break (`<br>`) between two words is a space between them in one line of text.
    if (node.type === 'html') return { type: 'text', value: /^<br\s*\/?>$/i.test(node.value.trim()) ? ' ' : htmlToText(node.value) };
    if ('children' in node && Array.isArray(node.children)) return { ...node, children: readable(node.children as Inline[]) } as Inline;
    return node;
  });
}

/** Text of a block as a reader sees it, paragraphs and items on their own lines; raw HTML as its sanitised text. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'list':
      return listText(block);
    case 'quote':
    case 'notes':
      return block.blocks.map(blockText).join('\n');
    case 'callout':
      return [block.title ? inlineText(block.title) : '', ...block.blocks.map(blockText)].filter(Boolean).join('\n');
    case 'definitions':
      return block.items.map((item) => [inlineText(item.term), ...item.definitions.map(inlineText)].join('\n')).join('\n');
    case 'table':
      return block.rows.map((row) => row.map(inlineText).join('\t')).join('\n');
    case 'image':
      return block.alt;
    case 'code':
    case 'math':
      return block.value;
    case 'html':
      return htmlToText(block.value);
    case 'slide-break':
    case 'rule':
    case 'page-break':
      return '';
  }
}

function listText(list: ListBlock): string {
  return list.items
    .map((item) => [inlineText(item.children), ...item.more.map(inlineText), item.sublist ? listText(item.sublist) : ''].filter(Boolean).join('\n'))
    .join('\n');
}

/** Depth-first list of every section. */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)]);
}

/** The body's text for one target, titles included, in reading order. */
export function publicationText(publication: Publication, target?: TargetName): string {
  const shown = (block: Block) => !target || block.targets.includes(target);
  const parts = publication.preamble.filter(shown).map(blockText);
  for (const section of allSections(publication.sections)) {
    parts.push(section.titleText, ...section.blocks.filter(shown).map(blockText));
  }
  return parts.filter(Boolean).join('\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A heading's words, a line break (`<br>`) between two of them a space. */
export function headingText(node: Heading): string {
  const children = node.children.map((child): PhrasingContent => (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value.trim()) ? { type: 'text', value: ' ' } : child));
  return toString({ type: 'paragraph', children }, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}
