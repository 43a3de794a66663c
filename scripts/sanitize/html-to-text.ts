import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SANITIZE_SCHEMA } from './schema';
import { sanitize } from 'hast-util-sanitize';

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  // An image reads as its alt text, as a screen reader or a text browser gives it.
  if (node.type === 'element' && node.tagName === 'img') return ` ${String(node.properties['alt'] ?? '').trim()} `;
  if (!('children' in node)) return '';
  const parts = node.children.map((child) => textOf(child as Nodes));
  const block = node.type === 'element' && /^(p|div|li|h[1-6]|tr|br|section|article|blockquote)$/.test(node.tagName);
  return block ? `${parts.join('')}\n` : parts.join('');
}

/**
 * The readable text of raw HTML from a source, for targets that cannot show HTML (slides, notes,
 * plain text): sanitised first, so script bodies, event handlers and `javascript:` links are gone,
 * and what a reader would have seen is kept, images as their alt text.
 */
export function htmlToText(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), SANITIZE_SCHEMA);
  return textOf(tree).replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+\n|\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n').trim();
}

/** The one `<img>` an inline HTML node is (a badge written as HTML), or nothing. */
export function loneHtmlImage(html: string): { alt: string; src: string } | undefined {
  const tree = sanitize(fromHtml(html.trim(), { fragment: true }), SANITIZE_SCHEMA);
  const [only, ...rest] = tree.type === 'root' ? tree.children : [];
  if (rest.length > 0 || only?.type !== 'element' || only.tagName !== 'img') return undefined;
  return { alt: String(only.properties['alt'] ?? '').trim(), src: String(only.properties['src'] ?? '') };
}
