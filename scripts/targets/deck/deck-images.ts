import type { Block, Inline, ListBlock, Publication, Section } from '../../model/types';
import { imageDataUrl, locateImage, resolveInlineImages, type ImageSource } from '../image-source';

/**
 * The publication as the deck shows it: every local image carried in its data URL, since deck.md
 * and deck.html leave the source's folder and the slides are measured, printed and shot from the
 * output folder; every other image (web, missing) becomes a placeholder (inline: a span with its
 * alt text; alone on its line: an image block whose URL is not a data URL, which marp-markdown
 * lays out as a box).
 */
export function withDeckImages(publication: Publication, sourceDir: string): Publication {
  const inline = (children: readonly Inline[]) => resolveInlineImages(children, deckImageUrl, sourceDir);
  const block = (node: Block): Block => {
    switch (node.type) {
      case 'paragraph':
        return { ...node, children: inline(node.children) };
      case 'list':
        return listWithImages(node, inline);
      case 'quote':
        return { ...node, blocks: node.blocks.map(block) };
      case 'notes':
        return { ...node, blocks: node.blocks.map(block) };
      case 'callout':
        return { ...node, title: node.title && inline(node.title), blocks: node.blocks.map(block) };
      case 'definitions':
        return { ...node, items: node.items.map((item) => ({ ...item, term: inline(item.term), definitions: item.definitions.map(inline) })) };
      case 'table':
        return { ...node, rows: node.rows.map((row) => row.map(inline)) };
      case 'image': {
        const url = deckImageUrl(locateImage(node.url, sourceDir));
        return url ? { ...node, url } : node;
      }
      default:
        return node;
    }
  };
  const section = (node: Section): Section => ({ ...node, title: inline(node.title), blocks: node.blocks.map(block), children: node.children.map(section) });
  return { ...publication, preamble: publication.preamble.map(block), sections: publication.sections.map(section) };
}

function listWithImages(list: ListBlock, inline: (children: readonly Inline[]) => Inline[]): ListBlock {
  return {
    ...list,
    items: list.items.map((item) => ({
      ...item,
      children: inline(item.children),
      more: item.more.map(inline),
      sublist: item.sublist ? listWithImages(item.sublist, inline) : undefined,
    })),
  };
}

function deckImageUrl(source: ImageSource): string | undefined {
  if (source.kind === 'local') return imageDataUrl(source.path);
  if (source.kind === 'embedded') return source.url;
  return undefined;
}
