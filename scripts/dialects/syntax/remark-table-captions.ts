import type { Paragraph, Root, RootContent } from 'mdast';
import type {} from './syntax-nodes';
import type { Plugin } from 'unified';
import type { Parent } from 'unist';

const CAPTION = /^(?:Table)?:[ \t]+/u;

/**
 * Pandoc's table captions, a paragraph `: Caption` or `Table: Caption` just before or after a
 * table: kept where written, in italics, without the marker.
 */
const remarkTableCaptions: Plugin<[], Root> = () => (tree: Root) => {
  const walk = (parent: Parent): void => {
    const children = parent.children as RootContent[];
    children.forEach((child, index) => {
      if ('children' in child) walk(child);
      const besideTable = children[index - 1]?.type === 'table' || children[index + 1]?.type === 'table';
      if (child.type === 'paragraph' && besideTable) children[index] = asCaption(child);
    });
  };
  walk(tree);
};

function asCaption(paragraph: Paragraph): Paragraph {
  const [first, ...rest] = paragraph.children;
  const marker = first?.type === 'text' ? CAPTION.exec(first.value) : null;
  if (!first || first.type !== 'text' || !marker) return paragraph;
  const text = first.value.slice(marker[0].length);
  return { ...paragraph, children: [{ type: 'emphasis', children: [...(text ? [{ ...first, value: text }] : []), ...rest] }], data: { ...paragraph.data, tableCaption: true } };
}

export default remarkTableCaptions;
