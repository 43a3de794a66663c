import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

/** The BCP 47 code of the language `text` is written in, or undefined when it is too short to tell. */
export function guessLang(text: string, minLength = 40): string | undefined {
  const code = franc(text, { minLength });
  return code === 'und' ? undefined : (iso6393To1[code] ?? code);
}

/**
 * Below this many characters of prose a guess is a coin toss (franc's own advice): the
 * configuration's language stands.
 */
const PROSE_TO_GUESS = 300;

/**
 * The language of a source's prose, for a source whose front matter does not say: an English
 * README dropped into a French project must not be typeset in French. Code, raw HTML and URLs
 * are not prose.
 */
export function guessDocumentLang(tree: Root): string | undefined {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || (node.type as string) === 'toml') return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      parts.push(toString(node, { includeHtml: false }));
      return SKIP;
    }
    return undefined;
  });
  const prose = parts.join('\n').replace(/https?:\/\/\S+/g, ' ');
  return guessLang(prose, PROSE_TO_GUESS);
}
