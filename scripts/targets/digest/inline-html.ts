import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { Inline } from '../../model/types';

/** Links a mail client can follow from anywhere: relative ones would point nowhere. */
const ABSOLUTE_LINK = /^(https?:|mailto:)/i;

/**
 * Inline content as email-safe HTML: through mdast-util-to-hast (so typography and superscript
 * ordinals come out as the other targets show them), then sanitised; raw HTML never passes,
 * web images are kept by URL (the reader's mail client loads them; local ones would point nowhere,
 * so they are left out) and relative links lose their link, not their text.
 */
export function inlineHtml(children: readonly Inline[]): string {
  const paragraph = toHast({ type: 'paragraph', children: [...children] }) as Element;
  const clean = sanitize({ type: 'root', children: paragraph.children }) as Root;
  return toHtml({ type: 'root', children: emailSafe(clean.children as ElementContent[]) });
}

function emailSafe(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if (node.tagName === 'img') return /^https?:/i.test(String(node.properties['src'] ?? '')) ? [{ ...node, properties: { ...node.properties, style: 'max-width:100%;height:auto;vertical-align:middle' } }] : [];
    const children = emailSafe(node.children);
    if (node.tagName === 'a' && !ABSOLUTE_LINK.test(String(node.properties['href'] ?? ''))) return children;
    return [{ ...node, children }];
  });
}
