import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Html } from 'mdast';
import type { Options as ToMdastOptions } from 'rehype-remark';

/**
 * Superscripts and subscripts kept: `m²`, `H₂O` in the Unicode characters made for them, where
 * every one of the text's characters has one; otherwise as `<sup>`/`<sub>`, which the targets
 * render (`3<sup>e</sup>`, an ordinal, is turned into `3e` by `check --fix`, set in superscript
 * by the typography).
 */

const SUPERSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()ni'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[i]!]));
const SUBSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()aeoxhklmnpst'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ'[i]!]));

const SCRIPT_TAG = 'triptyque-script';

function textOnly(element: Element): string | undefined {
  let text = '';
  for (const child of element.children) {
    if (child.type === 'text') text += child.value;
    else return undefined;
  }
  return text;
}

function visit(node: HastRoot | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent];
    visit(child);
    if (child.tagName !== 'sup' && child.tagName !== 'sub') return [child];
    const text = textOnly(child);
    if (text !== undefined && text.trim() === '') return [{ type: 'text', value: text }];
    const table = child.tagName === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
    if (text !== undefined && [...text].every((c) => table[c])) return [{ type: 'text', value: [...text].map((c) => table[c]).join('') }];
    return [{ ...child, tagName: SCRIPT_TAG, properties: { dataTag: child.tagName } }];
  }) as typeof node.children;
}

/** In place: the superscripts and subscripts of `tree` (notes' calls already taken out). */
export function markScripts(tree: HastRoot): void {
  visit(tree);
}

/** The rehype-remark handler for what `markScripts` left as tags. */
export const scriptHandlers: NonNullable<ToMdastOptions['handlers']> = {
  [SCRIPT_TAG]: (state, element) => {
    const tag = String(element.properties['dataTag']);
    const open: Html = { type: 'html', value: `<${tag}>` };
    const close: Html = { type: 'html', value: `</${tag}>` };
    return [open, ...state.all(element), close] as never;
  },
};
