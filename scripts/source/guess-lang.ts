import { franc } from 'franc-min';
import { bcp47Normalize } from 'bcp-47-normalize';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

/** The BCP 47 code of the language `text` is written in, or undefined when it is too short to tell. */
export function guessLang(text: string, minLength = 40): string | undefined {
  const code = franc(text, { minLength });
  // franc names individual languages ("arb", "cmn"): the tag in use is the macrolanguage's ("ar", "zh").
  return code === 'und' ? undefined : bcp47Normalize(code);
}

/**
 * Below this many characters of prose a guess is a coin toss (franc's own advice): the
 * configuration's language stands.
 */
const PROSE_TO_GUESS = 300;

/**
 * Languages franc tells by their script alone (kana, hangul, Han, Arabic, Hebrew, Greek, Thai...):
 * a short text is enough for them, where Latin-script languages need the full length.
 */
const TOLD_BY_SCRIPT_LENGTH = 20;
const SCRIPT_ONLY_PATTERN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Ethiopic}]/gu;

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
  const letters = prose.match(/\p{L}/gu)?.length ?? 0;
  const scriptOnly = prose.match(SCRIPT_ONLY_PATTERN)?.length ?? 0;
  // A text mostly in a script of its own is told at a short length; Latin or Cyrillic prose needs the full one.
  const minLength = letters > 0 && scriptOnly / letters > 0.5 ? TOLD_BY_SCRIPT_LENGTH : PROSE_TO_GUESS;
  return guessLang(prose, minLength);
}
