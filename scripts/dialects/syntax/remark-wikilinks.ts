import remarkWikiLink from '@flowershow/remark-wiki-link';
import type { PhrasingContent, Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

interface WikiNode {
  type: 'wikiLink' | 'embed';
  value: string;
  data?: { alias?: string; path?: string };
  position?: import('unist').Position;
}

const IMAGE = /\.(?:png|jpe?g|gif|webp|svg|avif|bmp)$/iu;

/**
 * Obsidian's links between notes, read by @flowershow/remark-wiki-link: `[[Page]]` and
 * `[[Page|alias]]` are the words a reader sees (the page is not part of this publication);
 * `![[picture.png]]` the picture; `![[Note]]` (a note embedded) its name, with a warning.
 */
const remarkWikilinks: Plugin<[], Root> = function (this: Processor) {
  remarkWikiLink.call(this as never, {});
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if ((node.type as string) !== 'wikiLink' && (node.type as string) !== 'embed') return undefined;
      if (!parent || index === undefined) return undefined;
      const wiki = node as unknown as WikiNode;
      const target = wiki.value.split('|')[0]!.trim();
      let replacement: PhrasingContent;
      if (wiki.type === 'embed' && IMAGE.test(target)) {
        const name = target.replace(/^.*\//u, '').replace(IMAGE, '');
        replacement = { type: 'image', url: encodeURI(target), alt: wiki.data?.alias ?? name, position: wiki.position };
      } else {
        if (wiki.type === 'embed') {
          file.message(`embedded note \`![[${target}]]\` is not included here: only its name is printed`, { place: wiki.position?.start, ruleId: 'dialect-unsupported', source: 'triptyque' });
        }
        // `Page#Section` reads as Obsidian shows it, `Page > Section`.
        replacement = { type: 'text', value: wiki.data?.alias ?? target.replace(/#\^?/gu, ' > ').replace(/^ > /u, ''), position: wiki.position };
      }
      parent.children[index] = replacement as never;
      return undefined;
    });
  };
};

export default remarkWikilinks;
