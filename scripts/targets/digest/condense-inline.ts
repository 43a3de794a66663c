import type { Inline } from '../../model/types';

/**
 * Condensing keeps the inline nodes (emphasis, links, superscript ordinals typeset at parse time)
 * and cuts them by character offset in their plain text, so a lead never loses its typography.
 */

/** Plain text of inline content as the reader sees it: literal values in order; images count as nothing. */
export function inlinePlainText(children: readonly Inline[]): string {
  let text = '';
  for (const node of children) {
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'footnoteReference') continue;
    if ('value' in node) text += node.value;
    else if (node.type === 'break') text += ' ';
    else if ('children' in node) text += inlinePlainText(node.children as Inline[]);
  }
  return text;
}

/** The first `length` characters of the plain text, with the nodes that hold them (partly if need be). */
export function sliceInline(children: readonly Inline[], length: number): Inline[] {
  const kept: Inline[] = [];
  let left = length;
  for (const node of children) {
    if (left <= 0) break;
    const size = inlinePlainText([node]).length;
    if (size <= left) kept.push(node);
    // A formula is whole or left out: half of its TeX is no formula.
    else if ('value' in node && node.type !== 'inlineMath') kept.push({ ...node, value: node.value.slice(0, left) } as Inline);
    else if ('children' in node) kept.push({ ...node, children: sliceInline(node.children as Inline[], left) } as Inline);
    left -= size;
  }
  return kept;
}

/** Drops white space (and a dangling `;` or `,` that closed a list item) at the end of inline content. */
export function trimInlineEnd(children: readonly Inline[], trailing: RegExp = /[\s\u00a0\u202f]+$/u): Inline[] {
  const text = inlinePlainText(children);
  const trimmed = text.replace(trailing, '');
  return trimmed.length === text.length ? [...children] : sliceInline(children, trimmed.length);
}

/** Appends plain text (an ellipsis) after the last node. */
export function appendText(children: readonly Inline[], text: string): Inline[] {
  return [...children, { type: 'text', value: text }];
}
