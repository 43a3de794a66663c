import type { PhrasingContent, Root } from 'mdast';
import { highlightMarkFromMarkdown } from 'mdast-util-highlight-mark';
import { highlightMark } from 'micromark-extension-highlight-mark';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * `==highlighted==` (Obsidian, Typora, markdown-it-mark), read by micromark-extension-highlight-mark:
 * set in bold, the emphasis every target already renders, rather than printed with its `==`.
 */
const remarkHighlights: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(highlightMark());
  (data.fromMarkdownExtensions ??= []).push(highlightMarkFromMarkdown);
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if ((node.type as string) !== 'highlight' || !parent || index === undefined) return;
      const { children, position } = node as unknown as { children: PhrasingContent[]; position?: PhrasingContent['position'] };
      parent.children[index] = { type: 'strong', children, position } as never;
    });
  };
};

export default remarkHighlights;
