import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { mathMarkers } from '../../math/math-hast';
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
  // Math passes the sanitiser as a marker and comes back as KaTeX's MathML, which Apple Mail,
  // iOS Mail and Thunderbird draw; clients that drop MathML keep its text.
  const math = mathMarkers();
  const paragraph = toHast({ type: 'paragraph', children: [...children] }, { handlers: { inlineMath: (_state, inline: InlineMath) => ({ type: 'text', value: math.mark(inline) }) } }) as Element;
  const clean = sanitize({ type: 'root', children: paragraph.children }) as Root;
  const safe: Root = { type: 'root', children: emailSafe(clean.children as ElementContent[]) };
  math.restore(safe, 'mathml');
  // Clients that drop MathML show its text: the TeX annotation (for digest.txt) must not show beside it.
  visit(safe, 'element', (node) => {
    if (node.tagName === 'annotation') node.properties = { ...node.properties, style: 'display:none' };
  });
  return toHtml(safe);
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
