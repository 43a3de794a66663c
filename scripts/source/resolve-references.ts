import type { Definition, Image, Link, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Reference-style links and images (`[text][ref]`, `![alt][ref]` with `[ref]: url` elsewhere) become
 * plain links and images, so every target shows them as the author meant and no target needs the
 * definitions (the model drops them). Without this, the targets print the brackets as text.
 */
export default function remarkResolveReferences() {
  return (tree: Root) => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      // The first definition of a label wins, as in CommonMark.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const common = { url: definition.url, title: definition.title ?? null, position: node.position };
      const resolved: Link | Image =
        node.type === 'linkReference' ? { type: 'link', ...common, children: node.children } : { type: 'image', ...common, alt: node.alt ?? '' };
      parent.children.splice(index, 1, resolved as never);
      // A link's children may hold an image reference (a badge): visit them next.
      return node.type === 'linkReference' ? index : [SKIP, index + 1];
    });
  };
}
