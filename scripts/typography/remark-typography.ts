import type { Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { typesetPhrasing } from './phrasing-units';
import { rulesFor } from './rules';

/** Blocks whose children are inline content; code, HTML and YAML hold none and are never read. */
const BLOCKS_WITH_TEXT = new Set(['paragraph', 'heading', 'tableCell']);

export interface TypographyOptions {
  /** Used when the file does not say (`file.data.lang`, set from the front matter). */
  lang?: string;
}

/**
 * The typography of the document's language on the text of the source, once for all three
 * targets (see `./rules`). URLs, e-mail addresses, code and HTML are left as written. Running it
 * twice changes nothing more.
 */
const remarkTypography: Plugin<[TypographyOptions?], Root> = (options = {}) => (tree, file) => {
  const lang = typeof file.data['lang'] === 'string' ? file.data['lang'] : (options.lang ?? 'fr');
  const rules = rulesFor(lang);
  visit(tree, (node) => {
    if (!BLOCKS_WITH_TEXT.has(node.type)) return undefined;
    typesetPhrasing(node as Parent, rules);
    return SKIP;
  });
};

export default remarkTypography;
