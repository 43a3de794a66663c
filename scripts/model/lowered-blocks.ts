import type { CalloutBlock, DefinitionsBlock, Inline, ListBlock, QuoteBlock } from './types';

/**
 * Callouts and definition lists in the shapes a target that has no box or `<dl>` of its own
 * already renders: the deck's slides and the digest's summaries.
 */

/** A quote opened by its title (or the kind's label) in bold, on a line of its own. */
export function calloutAsQuote(callout: CalloutBlock): QuoteBlock {
  const heading: Inline[] = [{ type: 'strong', children: callout.title ?? [{ type: 'text', value: callout.label }] }];
  return {
    type: 'quote',
    blocks: [{ type: 'paragraph', children: heading, targets: callout.targets, position: callout.position }, ...callout.blocks],
    targets: callout.targets,
    position: callout.position,
  };
}

/** One item a term: the term in bold, then its first definition; further definitions as its further lines. */
export function definitionsAsList(definitions: DefinitionsBlock): ListBlock {
  return {
    type: 'list',
    ordered: false,
    items: definitions.items.map((item) => {
      const [first, ...more] = item.definitions;
      const term: Inline[] = item.term.length > 0 ? [{ type: 'strong', children: item.term }] : [];
      const between: Inline[] = term.length > 0 && first ? [{ type: 'text', value: ' — ' }] : [];
      return { children: [...term, ...between, ...(first ?? [])], more, position: item.position };
    }),
    targets: definitions.targets,
    position: definitions.position,
  };
}
