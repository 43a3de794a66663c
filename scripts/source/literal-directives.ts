import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Triptyque's own containers; every other name is another tool's. */
export const TRIPTYQUE_CONTAINERS: ReadonlySet<string> = new Set(['deck', 'brochure', 'print', 'digest', 'email', 'notes', 'keep']);
const KNOWN_LEAVES = new Set(['newslide']);

/**
 * Directive syntax is greedy: "voir:transnational" or "::" in prose would vanish as directives.
 * Text directives (none are defined) and unknown leaf directives go back to the literal text the
 * author typed; unknown containers keep their content, with a warning.
 */
const remarkLiteralDirectives: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const source = String(file.value);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'textDirective' || (node.type === 'leafDirective' && !KNOWN_LEAVES.has(node.name))) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const literal: Text = { type: 'text', value: start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}` };
      if (node.type === 'leafDirective') {
        file.message(`unknown directive \`::${node.name}\`, kept as text (known: ::newslide)`, { place: node.position, ruleId: 'unknown-directive', source: 'triptyque' });
        parent.children[index] = { type: 'paragraph', children: [literal], position: node.position } as never;
      } else parent.children[index] = literal as never;
      return SKIP;
    }
    if (node.type === 'containerDirective' && !TRIPTYQUE_CONTAINERS.has(node.name)) {
      file.message(`unknown directive \`:::${node.name}\`; its content goes to every target (known: ${[...TRIPTYQUE_CONTAINERS].join(', ')})`, {
        place: node.position?.start,
        ruleId: 'unknown-directive',
        source: 'triptyque',
      });
    }
    return undefined;
  });
};

export default remarkLiteralDirectives;
