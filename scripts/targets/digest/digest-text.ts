import { convert, type FormatCallback } from 'html-to-text';
import { messages } from '../../messages/messages';
import { PREHEADER_CLASS } from './digest-html';

/** A heading on its own line after a marker, so the text part's levels stay apart ("■ Titre"). */
const markedHeading: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 2 });
  if (options['uppercase']) builder.pushWordTransform((word) => word.toLocaleUpperCase(String(options['lang'])));
  builder.addInline(String(options['marker'] ?? ''));
  walk(elem.children, builder);
  if (options['uppercase']) builder.popWordTransform();
  builder.closeBlock({ trailingLineBreaks: options.trailingLineBreaks ?? 1 });
};

/** Math as its TeX, the one text form a reader of plain text can follow (KaTeX's MathML keeps it as its annotation). */
const texOfMath: FormatCallback = (elem, _walk, builder) => {
  const find = (nodes: readonly unknown[]): string | undefined => {
    for (const node of nodes as { name?: string; children?: unknown[]; data?: string }[]) {
      if (node.name === 'annotation') return (node.children as { data?: string }[] | undefined)?.map((child) => child.data ?? '').join('');
      const found = node.children ? find(node.children) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  builder.addInline(find(elem.children ?? [])?.trim() ?? '');
};

/**
 * The plain-text alternative, from the same HTML so both parts say the same thing: 72 columns,
 * headings and lists kept readable, links written out, the preheader left out (it is only for the
 * inbox's preview line). No-break spaces are not white space to html-to-text, so French spacing stays.
 */
export function renderDigestText(html: string, lang: string): string {
  const body = convert(html, {
    wordwrap: 72,
    formatters: { markedHeading, texOfMath },
    selectors: [
      { selector: `.${PREHEADER_CLASS}`, format: 'skip' },
      { selector: 'title', format: 'skip' },
      { selector: 'img', format: 'skip' },
      { selector: 'math', format: 'texOfMath' },
      { selector: 'h1', format: 'markedHeading', options: { uppercase: true, leadingLineBreaks: 1, lang } },
      { selector: 'h2', format: 'markedHeading', options: { uppercase: true, leadingLineBreaks: 2, marker: '== ', lang } },
      { selector: 'h3', format: 'markedHeading', options: { uppercase: false, leadingLineBreaks: 2, marker: '■ ' } },
      { selector: 'ul', options: { itemPrefix: ' – ' } },
      { selector: 'a', options: { hideLinkIfSameAsText: true, linkBrackets: ['<', '>'] } },
      { selector: 'a.button', format: 'anchor', options: { linkBrackets: messages(lang).digestButtonLinkBrackets } },
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
    ],
  });
  return `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
