import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Options as ToMdastOptions } from 'rehype-remark';
import { splitEquations, type Equation } from './equation-marks';

/**
 * The equations the Word reader marked in the text (see `equation-marks`) as math nodes: a
 * paragraph of nothing but set-apart equations becomes one math block each (`$$` on their own
 * lines), any other equation math within its line.
 */

// A span holding its TeX, which the HTML step takes for text: an element of its own, or an empty
// one, would be taken for a block and the spaces around an equation within a line dropped.
function equationElement(equation: Equation, display: boolean): Element {
  return { type: 'element', tagName: 'span', properties: { dataLatex: equation.latex, dataDisplay: display }, children: [{ type: 'text', value: equation.latex }] };
}

/** The equations of a paragraph that holds nothing else, or undefined. */
function displayOnly(paragraph: Element): Equation[] | undefined {
  if (paragraph.tagName !== 'p' || !paragraph.children.every((child) => child.type === 'text')) return undefined;
  const parts = splitEquations(paragraph.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
  const equations = parts.filter((part): part is Equation => typeof part !== 'string');
  const alone = equations.length > 0 && equations.every((equation) => equation.display) && parts.every((part) => typeof part !== 'string' || part.trim() === '');
  return alone ? equations : undefined;
}

function visit(node: HastRoot | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type === 'text') return splitEquations(child.value).map((part) => (typeof part === 'string' ? { type: 'text', value: part } : equationElement(part, false)));
    if (child.type !== 'element') return [child as ElementContent];
    const display = displayOnly(child);
    if (display) return display.map((equation) => equationElement(equation, true));
    visit(child);
    return [child];
  }) as typeof node.children;
}

/** In place: the marked equations of `tree` as elements the handler below turns into math. */
export function markEquations(tree: HastRoot): void {
  visit(tree);
}

/** The rehype-remark handler for the elements `markEquations` made. */
export const equationHandlers: NonNullable<ToMdastOptions['handlers']> = {
  span: (state, element) => {
    if (element.properties['dataLatex'] === undefined) return state.all(element);
    const value = String(element.properties['dataLatex']);
    const node: Math | InlineMath = element.properties['dataDisplay'] ? { type: 'math', value } : { type: 'inlineMath', value };
    return node as never;
  },
};
