import type { PhrasingContent, Root, Text } from 'mdast';
import parseAttr from 'md-attr-parser';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { eachPhrasingParent } from '../phrasing-text';

/** `{...}` opening a text, as pandoc writes attributes right after a code span, a link or an image. */
const LEADING = /^\{[^{}\n]*\}/u;
/** `[words]{...}`: pandoc's bracketed span, its words in one text. */
const SPAN = /\[([^[\]\n]*)\]\{([^{}\n]*)\}/gu;

/**
 * The attributes of a brace block, when it holds any (`{.r}`, `{#id .class key=value}`, `{-}`):
 * read by md-attr-parser, as a heading's are. Bare words (`{en euros}`) are prose, not attributes.
 */
function attributesOf(written: string): { id?: string } | undefined {
  const { prop, eaten } = parseAttr(written);
  const any = Boolean(prop.id) || Boolean(prop.class?.length) || Object.entries(prop).some(([key, value]) => key !== 'class' && typeof value === 'string');
  return eaten === written && any ? { id: prop.id } : undefined;
}

/**
 * Pandoc's inline attributes, which its Markdown, Quarto and R Markdown write after a code span
 * (`` `as.Date()`{.r} ``), a link or an image (`![x](a.png){width=50%}`), and around words
 * (`[souligné]{.underline}`): what a reader sees is the code, the link, the picture, the words;
 * the attributes say how a tool styles them and go. An image's id stays its anchor. Runs after
 * cross-references, which read `{#fig:x}` and `[]{#tbl:x}` labels first.
 */
const remarkInlineAttributes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  eachPhrasingParent(tree, file, (parent) => {
    parent.children = parent.children.flatMap((node, index, children): PhrasingContent[] => {
      if (node.type !== 'text') return [node];
      let value = node.value;
      const before = children[index - 1];
      const leading = LEADING.exec(value);
      const attributes = leading && before && ['inlineCode', 'link', 'image', 'linkReference', 'imageReference'].includes(before.type) ? attributesOf(leading[0]) : undefined;
      if (leading && attributes) {
        value = value.slice(leading[0].length);
        if (before?.type === 'image' && attributes.id) before.data = { ...before.data, hProperties: { ...before.data?.hProperties, id: attributes.id } };
      }
      value = value.replace(SPAN, (written, words: string, inside: string) => (attributesOf(`{${inside}}`) ? words : written));
      if (value === node.value) return [node];
      return value ? [{ ...node, value } satisfies Text] : [];
    });
  });
};

export default remarkInlineAttributes;
