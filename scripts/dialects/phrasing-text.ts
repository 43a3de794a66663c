import type { Parent, PhrasingContent, Text } from 'mdast';
import type { VFile } from 'vfile';

/**
 * The text of a paragraph as the author typed it, for syntax remark does not read: a text
 * directive (`@fig:one` holds `:one`) goes back to its letters and neighbouring texts are merged,
 * so `@fig:one` or `[@doe, p. 3]` stand in one text node. `visit` calls `use` on each parent of
 * phrasing content, after the merge. Only texts written side by side are merged: one made of texts
 * a plugin took something from between (a shortcode) would place what follows the gap wrongly.
 */
export function eachPhrasingParent(tree: Parent, file: VFile, use: (parent: { children: PhrasingContent[] }) => void): void {
  const source = String(file.value);
  const walk = (node: Parent) => {
    if (node.children.some((child) => child.type === 'text' || child.type === 'textDirective')) {
      node.children = merged(node.children as PhrasingContent[], source) as Parent['children'];
      use(node as unknown as { children: PhrasingContent[] });
    }
    for (const child of node.children) if ('children' in child) walk(child as Parent);
  };
  walk(tree);
}

function merged(children: readonly PhrasingContent[], source: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const text = child.type === 'textDirective' ? literal(child, source) : child;
    const last = out.at(-1);
    if (text.type === 'text' && last?.type === 'text' && adjacent(last, text)) {
      out[out.length - 1] = { ...last, value: last.value + text.value, position: last.position && text.position ? { start: last.position.start, end: text.position.end } : last.position };
    } else out.push(text);
  }
  return out;
}

/** Whether `next` was written right after `last` in the source, or neither was written (made by a plugin). */
function adjacent(last: Text, next: Text): boolean {
  if (!last.position && !next.position) return true;
  const end = last.position?.end.offset;
  return end !== undefined && end === next.position?.start.offset;
}

function literal(node: PhrasingContent, source: string): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return { type: 'text', value: start !== undefined && end !== undefined ? source.slice(start, end) : '', position: node.position };
}
