import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SANITIZE_SCHEMA } from './schema';
import { sanitize } from 'hast-util-sanitize';

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const parts = node.children.map((child) => textOf(child as Nodes));
  const block = node.type === 'element' && /^(p|div|li|h[1-6]|tr|br|section|article|blockquote)$/.test(node.tagName);
  return block ? `${parts.join('')}\n` : parts.join('');
}

/**
 * The readable text of raw HTML from a source, for targets that cannot show HTML (slides, notes,
 * plain text): sanitised first, so script bodies, event handlers and `javascript:` links are gone,
 * and what a reader would have seen is kept.
 */
export function htmlToText(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), SANITIZE_SCHEMA);
  return textOf(tree).replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
}
