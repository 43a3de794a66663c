import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Parent } from 'unist';

const MARK = '%%';

/**
 * Obsidian's comments, `%%hidden%%` inline or `%%` lines around whole blocks: what lies between
 * two marks is the author's, not the reader's. The marks are found in the text the parser read
 * (never in code), in reading order, so a comment may span paragraphs; blocks left empty go.
 */
const remarkObsidianComments: Plugin<[], Root> = () => (tree: Root) => {
  let hidden = false;
  const walk = (parent: Parent): void => {
    const kept: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text') {
        const parts = child.value.split(MARK);
        const shown = parts.filter((_, index) => (index % 2 === 0) !== hidden).join('');
        if (parts.length % 2 === 0) hidden = !hidden;
        if (shown) kept.push({ ...child, value: parts.length > 1 ? shown.replace(/[ \t]{2,}/gu, ' ') : shown });
        continue;
      }
      if ('children' in child) {
        walk(child);
        if (child.children.length > 0 || !hidden) kept.push(child);
        continue;
      }
      if (!hidden) kept.push(child);
    }
    parent.children = kept.filter((child) => !(child.type === 'paragraph' && child.children.every((inner) => inner.type === 'text' && !inner.value.trim())));
  };
  walk(tree);
};

export default remarkObsidianComments;
