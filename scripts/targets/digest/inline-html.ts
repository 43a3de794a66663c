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
 * images are left out (a digest carries none) and relative links lose their link, not their text.
 */
export function inlineHtml(children: readonly Inline[]): string {
  const paragraph = toHast({ type: 'paragraph', children: [...children] }) as Element;
  const clean = sanitize({ type: 'root', children: paragraph.children }) as Root;
  return toHtml({ type: 'root', children: emailSafe(clean.children as ElementContent[]) });
}

function emailSafe(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if (node.tagName === 'img') return [];
    const children = emailSafe(node.children);
    if (node.tagName === 'a' && !ABSOLUTE_LINK.test(String(node.properties['href'] ?? ''))) return children;
    return [{ ...node, children }];
  });
}
