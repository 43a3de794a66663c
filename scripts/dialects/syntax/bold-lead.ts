import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';

/** The title in bold opening the first paragraph (a paragraph of its own before anything else). */
export function withBoldLead(title: PhrasingContent[] | undefined, children: (BlockContent | DefinitionContent)[], position: Position | undefined): RootContent[] {
  if (!title?.length) return children;
  const [first, ...rest] = children;
  const lead: PhrasingContent = { type: 'strong', children: title };
  if (first?.type === 'paragraph') return [{ ...first, children: [lead, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: [lead], position } satisfies Paragraph, ...children];
}
