import remarkCallout from '@r4ai/remark-callout';
import type { Blockquote, Root, RootContent } from 'mdast';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { calloutKind } from './callout-kinds';
import { withBoldLead } from './bold-lead';
import type { Callout } from './syntax-nodes';

interface CalloutData {
  hProperties?: { dataCallout?: boolean; dataCalloutType?: string };
}

/**
 * Obsidian's callouts and GitHub's alerts (`> [!tip]- Title`, `> [!NOTE]`), read by
 * @r4ai/remark-callout, become `callout` nodes; a kind no tool styles keeps its title in bold and
 * its content, as a quote, with an info note.
 */
const remarkCallouts: Plugin<[], Root> = function (this: Processor) {
  const read = remarkCallout.call(this as never, {}) as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    read(tree, file);
    visit(tree, 'blockquote', (node: Blockquote, index, parent) => {
      const data = node.data as CalloutData | undefined;
      const type = data?.hProperties?.dataCalloutType;
      if (!parent || index === undefined || !data?.hProperties?.dataCallout || type === undefined) return undefined;
      const [titleNode, body] = node.children;
      const titleChildren = titleNode?.type === 'paragraph' ? titleNode.children : [];
      // Without a title the plugin writes the kind's name: the target's label in the document's language says it better.
      const written = !(titleChildren.length === 1 && titleChildren[0]?.type === 'text' && titleChildren[0].value.toLowerCase() === type.toLowerCase());
      const title = written && titleChildren.length > 0 ? titleChildren : undefined;
      const children = (body?.type === 'blockquote' ? body.children : []).filter((child) => !(child.type === 'paragraph' && child.children.length === 0));
      const kind = calloutKind(type);
      let replacement: RootContent;
      if (kind) replacement = { type: 'callout', kind, title, children, position: node.position } satisfies Callout;
      else {
        file.info(`callout \`[!${type}]\` has no style of its own here: its title and content are kept as a quote`, { place: node.position?.start, ruleId: 'unknown-container', source: 'triptyque' });
        replacement = { type: 'blockquote', children: withBoldLead(title ?? [{ type: 'text', value: type }], children, node.position) as Blockquote['children'], position: node.position };
      }
      parent.children[index] = replacement as never;
      return undefined;
    });
  };
};

export default remarkCallouts;
