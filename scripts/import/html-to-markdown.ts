import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { resolveBookmarks } from './html-anchors';
import { placeCaptions } from './html-captions';
import { equationHandlers, markEquations } from './html-equations';
import { footnoteHandlers, markFootnotes } from './html-footnotes';
import { markScripts, scriptHandlers } from './html-scripts';
import { applyListNumbers } from './list-numbers';

/** Page furniture that is not the text: menus, scripts, styles, forms. */
const FURNITURE = new Set(['nav', 'script', 'style', 'noscript', 'template', 'form', 'iframe', 'button', 'header', 'footer', 'aside']);

function findElement(node: HastRoot | Element, names: string[]): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (names.includes(child.tagName)) return child;
    const inner = findElement(child, names);
    if (inner) return inner;
  }
  return undefined;
}

function strip(children: HastContent[]): HastContent[] {
  return children
    .filter((child) => !(child.type === 'element' && FURNITURE.has(child.tagName)) && child.type !== 'comment')
    .map((child) => (child.type === 'element' ? linesOfCell(headerRow({ ...child, children: strip(child.children) as Element['children'] })) : child));
}

const CELL_BREAK = 'triptyque-cell-break';
const BLOCK = new Set(['p', 'ul', 'ol', 'li', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/**
 * A table cell's paragraphs, list items and the cells of a table inside it, one a line (a Markdown table's cell is one line:
 * `<br>` between them), else they would be glued into one word.
 */
function linesOfCell(element: Element): Element {
  if (element.tagName !== 'td' && element.tagName !== 'th') return element;
  const lines: Element['children'][] = [];
  const gather = (children: Element['children']) => {
    let inline: Element['children'] = [];
    const flush = () => {
      if (inline.some((child) => child.type !== 'text' || child.value.trim() !== '')) lines.push(inline);
      inline = [];
    };
    for (const child of children) {
      if (child.type === 'element' && BLOCK.has(child.tagName)) {
        flush();
        gather(child.children);
      } else inline.push(child);
    }
    flush();
  };
  gather(element.children);
  if (lines.length < 2) return element;
  const children: Element['children'] = lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'element', tagName: CELL_BREAK, properties: {}, children: [] } as Element, ...line]));
  return { ...element, children };
}

/** Word's tables have no header row: its first row becomes one, else Markdown would show an empty one. */
function headerRow(element: Element): Element {
  if (element.tagName !== 'table' || element.children.some((child) => child.type === 'element' && child.tagName === 'thead')) return element;
  const body = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tbody') ?? element;
  const first = body.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tr');
  for (const cell of first?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  return element;
}

/** The text of a page (its <main> or <article> when it has one, without menus and scripts) as Markdown, its notes as footnotes. */
export async function htmlToMarkdown(html: string, fromWord = false): Promise<string> {
  const parsed = unified().use(rehypeParse).parse(html) as HastRoot;
  const main = findElement(parsed, ['main', 'article']) ?? findElement(parsed, ['body']) ?? parsed;
  const tree: HastRoot = { type: 'root', children: strip(main.children as HastContent[]) };
  markFootnotes(tree);
  applyListNumbers(tree);
  resolveBookmarks(tree, fromWord);
  markScripts(tree);
  markEquations(tree);
  placeCaptions(tree);
  const processor = unified()
    .use(rehypeRemark, { handlers: { ...footnoteHandlers, ...scriptHandlers, ...equationHandlers, [CELL_BREAK]: () => ({ type: 'html', value: '<br>' }) } })
    .use(remarkGfm)
    // Inline math as `$$...$$`: a single `$` is a dollar in the default dialect (French prose writes "5 $").
    .use(remarkMath, { singleDollarTextMath: false })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' });
  const mdast = await processor.run(tree);
  return processor.stringify(mdast as never);
}
