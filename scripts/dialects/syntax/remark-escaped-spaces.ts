import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Whether each backslash before a space in `written` (the source, in order) is an escape: the last
 * of an odd run is (`\ `, `\\\ `); of an even run, the second half of an escaped backslash (`\\ `) is not.
 */
function escapesIn(written: string): boolean[] {
  return [...written.matchAll(/(\\+) /gu)].map((match) => match[1]!.length % 2 === 1);
}

/** `text` with each backslash-space the source wrote as an escape made a space that does not break. */
function readEscapes(text: string, written: string): string {
  const escapes = escapesIn(written);
  let index = 0;
  return text.replace(/\\ /gu, (found) => (escapes[index++] ? '\u00a0' : found));
}

/**
 * Pandoc's `\ ` (its `all_symbols_escapable`): a space that does not break, as in `LaTeX\ (1985)`
 * or `![](logo.png)\ Name`. CommonMark escapes punctuation only, so remark leaves the backslash in
 * the text; it is read here, in the text and the alt text of pictures, where the source has it.
 */
export default function remarkEscapedSpaces() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      if (node.type === 'text' && node.value.includes('\\ ')) node.value = readEscapes(node.value, source.slice(start, end));
      else if (node.type === 'image' && node.alt?.includes('\\ ')) node.alt = readEscapes(node.alt, source.slice(start, end));
    });
  };
}
