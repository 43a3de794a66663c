import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A line's `| ` marker, or a lone `|` (an empty line of the block). */
const MARKER = /^\|(?: |$)/u;

/**
 * Pandoc's line blocks: a paragraph whose every line opens on `| ` (a verse, an address, a list
 * of "where:" lines under an equation). Markdown has already read what the lines hold (emphasis,
 * links, math); this keeps each line a line and drops the markers. A line opening on a space
 * goes on the line before, as pandoc reads it; a table is no paragraph, so never one.
 */
const remarkLineBlocks: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const source = String(file.value);
  visit(tree, 'paragraph', (node: Paragraph) => {
    if (!isLineBlock(node, source)) return;
    node.children = node.children.flatMap((child, index) => (child.type === 'text' ? lines(child, index === 0) : [child]));
  });
};

/**
 * Every line as written opens on a marker, or on a space that continues the line before (the
 * parsed text has lost those spaces): read in the source, past the indent of the paragraph's
 * container (a list item's, a quote's `> `).
 */
function isLineBlock(paragraph: Paragraph, source: string): boolean {
  const [first] = paragraph.children;
  const start = paragraph.position?.start;
  const end = paragraph.position?.end.offset;
  if (first?.type !== 'text' || !MARKER.test(first.value) || start?.offset === undefined || end === undefined) return false;
  const [, ...rest] = source.slice(start.offset, end).split(/\r?\n/u);
  return rest.every((line) => {
    const inside = line.slice(start.column - 1);
    return MARKER.test(inside) || /^[ \t]/u.test(inside);
  });
}

/** A text's lines as lines of the block: its line ends become breaks, the markers after them go. */
function lines(text: Text, opensBlock: boolean): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  text.value.split('\n').forEach((line, index) => {
    const atLineStart = index > 0 || opensBlock;
    const marked = atLineStart && MARKER.test(line);
    const value = marked ? line.replace(MARKER, '') : line;
    if (index > 0) out.push(marked ? { type: 'break', position: text.position } : { type: 'text', value: ' ', position: text.position });
    // Spaces after the marker are the author's indent, kept as pandoc keeps them.
    const shown = marked ? value.replace(/^ +/u, (spaces) => '\u00a0'.repeat(spaces.length)) : index > 0 ? value.replace(/^ +/u, '') : value;
    if (shown) out.push({ type: 'text', value: shown, position: text.position });
  });
  return out;
}

export default remarkLineBlocks;
