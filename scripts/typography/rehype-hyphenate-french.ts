import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { hyphenateText } from './hyphenate';
import { linkShowsAddress } from './url-spans';

/** Text a reader must see whole (titles, code) or that is not prose (styles, scripts). */
const KEEP_WHOLE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'title', 'svg', 'math']);

/** Adds soft hyphens for `lang` to the running text of a hast tree, in place. */
export function hyphenateHast(tree: Root, lang = 'fr'): void {
  visit(tree, (node) => {
    if (node.type === 'element' && keepsWordsWhole(node)) return SKIP;
    if (node.type === 'text') node.value = hyphenateText(node.value, lang);
    return undefined;
  });
}

/** Rehype plugin for the brochure: French soft hyphens in running text (see `hyphenateHast`). */
export const rehypeHyphenateFrench: Plugin<[], Root> = () => (tree) => {
  hyphenateHast(tree);
};

function keepsWordsWhole(element: Element): boolean {
  if (KEEP_WHOLE.has(element.tagName) || hasClass(element, 'no-hyphens')) return true;
  const href = element.properties['href'];
  return element.tagName === 'a' && typeof href === 'string' && linkShowsAddress(href, textOf(element));
}

function hasClass(element: Element, name: string): boolean {
  // hast keeps `class` as a list of names.
  const className = element.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}
