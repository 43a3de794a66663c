import type { Heading, Root } from 'mdast';
import type {} from './syntax-nodes';
import parseAttr from 'md-attr-parser';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Attributes closing a heading, as pandoc, kramdown (`{: #id}`), Hugo, VitePress and Docusaurus
 * write them: `## Title {#id .class key=value}`, `{-}`. Read by md-attr-parser; removed from the
 * title, the id kept on the heading. Braces that read as no attribute (`{en euros}`) stay text.
 */
const remarkHeadingAttributes: Plugin<[], Root> = () => (tree: Root) => {
  visit(tree, 'heading', (node: Heading) => {
    const last = node.children.at(-1);
    if (last?.type !== 'text') return;
    const text = last.value.trimEnd();
    const open = text.lastIndexOf('{');
    if (!text.endsWith('}') || open === -1) return;
    const written = text.slice(open);
    const { prop, eaten } = parseAttr(written);
    const unnumbered = written.replace(/\s+/gu, '') === '{-}';
    // Bare words (`{en euros}`) read as keys without values: prose in braces, not attributes.
    const attributes = Boolean(prop.id) || Boolean(prop.class?.length) || Object.entries(prop).some(([key, value]) => key !== 'class' && typeof value === 'string');
    if (eaten !== written || !(unnumbered || attributes)) return;
    last.value = text.slice(0, open).trimEnd();
    if (!last.value) node.children.pop();
    // Spaces before the braces, after other inline content, are not part of the title either.
    const before = node.children.at(-1);
    if (before?.type === 'text') before.value = before.value.trimEnd();
    if (prop.id) node.data = { ...node.data, id: prop.id };
  });
};

export default remarkHeadingAttributes;
