import type { Element, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';

/**
 * Word's captions (its Caption style, mammoth's `p.caption`) as the source's: a table's, beside
 * it, as pandoc's table caption `: Table 1 ...`, which the default dialect reads as the table's;
 * any other (a figure's) a line in italics where Word put it. Their number, the result of Word's
 * SEQ field, stays in their text.
 */

const CAPTION_CLASS = 'caption';

/**
 * The label Word writes before a table's number, in the languages of the project's messages: a
 * figure's caption may stand beside a table too (a figure set in a table's cell).
 */
const TABLE_LABEL = /^\s*(table|tableau|tabelle|tabla|tabella|tabel)\b/i;

function isCaption(node: Element): boolean {
  const className = node.properties['className'];
  return node.tagName === 'p' && Array.isArray(className) && className.includes(CAPTION_CLASS);
}

function visit(parent: HastRoot | Element): void {
  const elements = (parent.children as HastRoot['children']).filter((child): child is Element => child.type === 'element');
  elements.forEach((element, index) => {
    if (!isCaption(element)) return visit(element);
    element.properties = {};
    const besideTable = [elements[index - 1], elements[index + 1]].some((sibling) => sibling?.tagName === 'table');
    element.children = besideTable && TABLE_LABEL.test(toText(element)) ? [{ type: 'text', value: ': ' }, ...element.children] : [{ type: 'element', tagName: 'em', properties: {}, children: element.children }];
  });
}

/** In place: the captions of `tree`, marked as mammoth marks Word's Caption paragraphs. */
export function placeCaptions(tree: HastRoot): void {
  visit(tree);
}
