import type { ElementContent, Nodes, Root } from 'hast';
import type { InlineMath } from 'mdast-util-math';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { renderMath, type MathOutput } from './katex';

const parser = unified().use(rehypeParse, { fragment: true });

/** TeX as hast: KaTeX's own HTML (or MathML alone), trusted as it comes (KaTeX escapes the source and allows no links or HTML). */
export function mathHast(tex: string, display: boolean, output: MathOutput): ElementContent[] {
  return (parser.parse(renderMath(tex, display, output)) as Root).children.filter((node): node is ElementContent => node.type !== 'doctype');
}

/**
 * Inline math through a sanitiser that would strip KaTeX's markup: each `inlineMath` goes in as
 * a private-use marker in the text, and `restoreMath` puts its rendering back in the sanitised tree.
 */
export function mathMarkers(): { mark: (node: InlineMath) => string; restore: (tree: Nodes, output: MathOutput) => void } {
  const formulas: string[] = [];
  return {
    mark(node) {
      formulas.push(node.value);
      return `\uE000${formulas.length - 1}\uE001`;
    },
    restore(tree, output) {
      if (formulas.length === 0) return;
      visit(tree, 'text', (node, index, parent) => {
        if (!parent || index === undefined || !node.value.includes('\uE000')) return undefined;
        const pieces = node.value.split(/\uE000(\d+)\uE001/u);
        const replacement: ElementContent[] = pieces.flatMap((piece, at): ElementContent[] =>
          at % 2 === 1 ? mathHast(formulas[Number(piece)] ?? '', false, output) : piece ? [{ type: 'text', value: piece }] : [],
        );
        parent.children.splice(index, 1, ...(replacement as typeof parent.children));
        return index + replacement.length;
      });
    },
  };
}
