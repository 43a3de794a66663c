import { FOOTNOTE_MARKER_CLASS } from '../../model/footnote-numbers';
import type { CrossReferenceData } from '../../dialects/cross-references';
import type { Inline } from '../../model/types';
import { imageWhere, INLINE_PLACEHOLDER_CLASS } from '../image-source';
import { htmlToText, loneHtmlImage } from '../../sanitize/html-to-text';

/**
 * Inline mdast to Markdown that markdown-it (Marp) reads back to the same thing, written to stay
 * readable for a presenter who edits deck.md by hand. Superscripts (French ordinals) become
 * `<sup>`, which Marp's default HTML allowlist keeps; raw HTML from the source is reduced to its sanitised text.
 */
export function inlineMarkdown(children: readonly Inline[]): string {
  return escapeLineStart(children.map(node).join(''));
}

function node(inline: Inline): string {
  const hName = (inline.data as { hName?: string } | undefined)?.hName;
  if (hName === 'sup' || hName === 'sub') return `<${hName}>${childrenOf(inline)}</${hName}>`;
  if (hName === 'span' && inline.type === 'text') return imagePlaceholder(inline);
  switch (inline.type) {
    case 'text':
      return escapeText(inline.value.replace(/\s*\n\s*/g, ' '));
    case 'emphasis':
      return `*${childrenOf(inline)}*`;
    case 'strong':
      return `**${childrenOf(inline)}**`;
    case 'delete':
      return `~~${childrenOf(inline)}~~`;
    case 'inlineMath':
      // Marp's KaTeX reads `$...$`: no space may follow the opening dollar nor precede the closing one.
      return `$${inline.value.trim()}$`;
    case 'inlineCode': {
      const fence = '`'.repeat(Math.max(0, ...[...inline.value.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
      return `${fence}${inline.value.startsWith('`') ? ' ' : ''}${inline.value}${inline.value.endsWith('`') ? ' ' : ''}${fence}`;
    }
    case 'break':
      return '<br>';
    case 'link':
      // A cross-reference ("figure 2") has no anchor to go to on a slide: its words alone.
      if ((inline.data as CrossReferenceData | undefined)?.crossReference) return childrenOf(inline);
      return `[${childrenOf(inline)}](${destination(inline.url)})`;
    case 'image':
      return imageMarkdown(inline.url, inline.alt ?? '');
    case 'html': {
      // Slides show no raw HTML: only the text a reader would have seen, sanitised; a badge
      // written as `<img>` gets the placeholder a Markdown badge gets.
      const image = loneHtmlImage(inline.value);
      if (!image) return escapeText(htmlToText(inline.value));
      const where = imageWhere(image.src);
      return imagePlaceholder({ type: 'text', value: image.alt || where || 'image', data: { hProperties: { title: where || undefined } } } as Extract<Inline, { type: 'text' }>);
    }
    case 'footnoteReference': {
      // The number the brochure prints too; a note's own text on a slide or in the notes starts with it.
      const number = (inline.data as { footnoteNumber?: number } | undefined)?.footnoteNumber;
      return number === undefined ? escapeText(`[${inline.label ?? inline.identifier}]`) : `<sup class="${FOOTNOTE_MARKER_CLASS}">${number}</sup>`;
    }
    default:
      return 'children' in inline ? childrenOf(inline) : 'value' in inline ? escapeText(String(inline.value)) : '';
  }
}

/** A badge or web image the deck does not show, as `deck-images` marked it: its alt text, compact, with the host as its title. */
function imagePlaceholder(inline: Extract<Inline, { type: 'text' }>): string {
  const title = (inline.data as { hProperties?: { title?: string } } | undefined)?.hProperties?.title;
  return `<span class="${INLINE_PLACEHOLDER_CLASS}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeText(inline.value)}</span>`;
}

/** markdown-it accepts only some data URLs in `![]()`; SVG goes as `<img>`, which Marp's HTML allowlist keeps. */
export function imageMarkdown(url: string, alt: string): string {
  if (/^data:/i.test(url) && !/^data:image\/(gif|png|jpeg|webp);/i.test(url)) return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">`;
  return `![${escapeText(alt)}](${destination(url)})`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function childrenOf(inline: Inline): string {
  return 'children' in inline ? (inline.children as Inline[]).map(node).join('') : '';
}

function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** Only what markdown-it (and Marp's math: `$`) would read as syntax is escaped, so deck.md stays readable. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|$]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** A line that starts like a heading, a quote or a list marker must not become one. */
function escapeLineStart(markdown: string): string {
  return markdown.replace(/^(\s*)(#|>|[-+](?=\s)|=|(\d+)([.)])(?=\s))/, (_all, space: string, marker: string, digits?: string, dot?: string) =>
    digits ? `${space}${digits}\\${dot}` : `${space}\\${marker}`,
  );
}
