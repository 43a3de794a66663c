import type { FootnoteDefinition, FootnoteReference, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';

const OPEN = '^[';

/**
 * Pandoc's inline notes, `text^[the note]`: the note's words, formatting included, become a
 * footnote defined right after the block that holds it, as if written `[^n]` and `[^n]: ...`.
 * The brackets are counted across the paragraph's nodes, so a note may hold emphasis or links.
 */
export default function remarkInlineNotes() {
  return (tree: Root, _file: VFile) => {
    let count = 0;
    const nextId = () => `inline-note-${(count += 1)}`;
    for (let index = 0; index < tree.children.length; index += 1) {
      const definitions: FootnoteDefinition[] = [];
      extractNotes(tree.children[index]!, definitions, nextId);
      tree.children.splice(index + 1, 0, ...definitions);
      index += definitions.length;
    }
  };
}

function extractNotes(node: RootContent, definitions: FootnoteDefinition[], nextId: () => string): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  if (parent.children.some((child) => child.type === 'text')) parent.children = notesOf(parent.children as PhrasingContent[], definitions, nextId) as Parent['children'];
  for (const child of parent.children) extractNotes(child as RootContent, definitions, nextId);
}

/** The children with each `^[...]` made a reference, its content moved into a definition. */
function notesOf(children: PhrasingContent[], definitions: FootnoteDefinition[], nextId: () => string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let queue = [...children];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const at = node.type === 'text' ? node.value.indexOf(OPEN) : -1;
    if (node.type !== 'text' || at < 0) {
      out.push(node);
      continue;
    }
    const close = findClose([{ ...node, value: node.value.slice(at + OPEN.length) }, ...queue]);
    if (!close) {
      out.push(node);
      continue;
    }
    if (at > 0) out.push({ type: 'text', value: node.value.slice(0, at), position: node.position });
    const identifier = nextId();
    out.push({ type: 'footnoteReference', identifier, label: identifier, position: node.position } as FootnoteReference);
    definitions.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: close.inside }], position: node.position });
    queue = close.after;
  }
  return out;
}

/** The nodes up to the `]` that closes the note (brackets counted), and what follows it. */
function findClose(nodes: PhrasingContent[]): { inside: PhrasingContent[]; after: PhrasingContent[] } | undefined {
  let depth = 1;
  const inside: PhrasingContent[] = [];
  for (const [index, node] of nodes.entries()) {
    if (node.type !== 'text') {
      inside.push(node);
      continue;
    }
    for (let at = 0; at < node.value.length; at += 1) {
      const character = node.value[at];
      if (character === '[') depth += 1;
      else if (character === ']') depth -= 1;
      if (depth === 0) {
        if (at > 0) inside.push({ ...node, value: node.value.slice(0, at) });
        const rest = node.value.slice(at + 1);
        return { inside, after: [...(rest ? [{ ...node, value: rest }] : []), ...nodes.slice(index + 1)] };
      }
    }
    inside.push(node);
  }
  return undefined;
}
