import type { Root, ThematicBreak } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A row of dash runs side by side (`-------  ------ -------`): the rule under a pandoc simple or multiline table's header. */
const COLUMN_RULE = /^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$/mu;

/**
 * Pandoc's simple and multiline tables have no parser in the unified world: their text is kept
 * (every word reaches the reader, in lines) and each one gets a warning naming it, at its header.
 * CommonMark reads their column rule as a thematic break (dashes with spaces between).
 */
const remarkUnreadTables: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const source = String(file.value);
  visit(tree, 'thematicBreak', (node: ThematicBreak, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !COLUMN_RULE.test(source.slice(start, end))) return;
    const header = index !== undefined ? parent?.children[index - 1] : undefined;
    file.message('pandoc simple or multiline table is not read as a table: its text is printed in lines; write it as a pipe table (`| a | b |`) or a grid table (`+---+`)', {
      place: (header?.type === 'paragraph' ? header : node).position?.start,
      ruleId: 'dialect-unsupported',
      source: 'triptyque',
    });
  });
};

export default remarkUnreadTables;
