import type { PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { superscript } from '../../typography/superscript';

/** Pandoc's `^raised^`: no space inside unless escaped (`1^er^`, `2^10^`, `P^a\ cat^`). */
const RAISED = /\^((?:[^\s^\\]|\\[ ^])+)\^/gu;

/**
 * Pandoc's superscripts (its `superscript` extension) as the superscript node the typography
 * already gives French ordinals, which every target renders raised. Code is not text, so it keeps
 * its carets.
 */
export default function remarkSuperscript() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('^')) return undefined;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(RAISED)) {
        if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
        pieces.push(superscript(match[1]!.replace(/\\ /gu, '\u00a0').replace(/\\\^/gu, '^')));
        last = match.index + match[0].length;
      }
      if (pieces.length === 0) return undefined;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(pieces as never[]));
      return [SKIP, index + pieces.length];
    });
  };
}
