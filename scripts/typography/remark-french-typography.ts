import type { Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { FRENCH_RULES } from './french-rules';
import { typesetPhrasing } from './phrasing-units';

/** Blocks whose children are inline content; code, HTML and YAML hold none and are never read. */
const BLOCKS_WITH_TEXT = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * French typography on the text of the source, once for all three targets: no-break spaces
 * before `: ; ! ?`, inside « » and after numbers, curly apostrophes, ellipses, and ordinals
 * with a raised suffix (a `superscript` node, see `./superscript`). URLs, e-mail addresses,
 * code and HTML are left as written. Running it twice changes nothing more.
 */
const remarkFrenchTypography: Plugin<[], Root> = () => (tree) => {
  visit(tree, (node) => {
    if (!BLOCKS_WITH_TEXT.has(node.type)) return undefined;
    typesetPhrasing(node as Parent, FRENCH_RULES);
    return SKIP;
  });
};

export default remarkFrenchTypography;
