import { blockText, inlineText } from '../../model/plain-text';
import { calloutAsQuote, definitionsAsList } from '../../model/lowered-blocks';
import type { Block, ListBlock, Publication, Section } from '../../model/types';

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** For tests: each paragraph, list item and quote paragraph of the deck's part of the model, as text. */
export function sourcePieces(publication: Publication): string[] {
  const pieces = (block: Block): string[] => {
    if (!block.targets.includes('deck')) return [];
    if (block.type === 'list') return listPieces(block);
    if (block.type === 'quote' || block.type === 'notes') return block.blocks.flatMap(pieces);
    if (block.type === 'callout') return pieces(calloutAsQuote(block));
    if (block.type === 'definitions') return listPieces(definitionsAsList(block));
    return [blockText(block)];
  };
  const sections = (list: readonly Section[]): string[] => list.flatMap((section) => [...section.blocks.flatMap(pieces), ...sections(section.children)]);
  return [...publication.preamble.flatMap(pieces), ...sections(publication.sections)].map(normalise).filter(Boolean);
}


function listPieces(list: ListBlock): string[] {
  return list.items.flatMap((item) => [inlineText(item.children), ...item.more.map(inlineText), ...(item.sublist ? listPieces(item.sublist) : [])]);
}
