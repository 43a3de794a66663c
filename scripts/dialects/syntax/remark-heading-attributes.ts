import type { Heading, Root } from 'mdast';
import type {} from './syntax-nodes';
import parseAttr from 'md-attr-parser';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * Attributes closing a heading, as pandoc, kramdown (`{: #id}`), Hugo, VitePress and Docusaurus
 * write them: `## Title {#id .class key=value}`, `{-}`. Read by md-attr-parser; removed from the
 * title, the id kept on the heading. Braces that read as no attribute (`{en euros}`) stay text.
 */
const remarkHeadingAttributes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const source = String(file.value);
  visit(tree, 'heading', (node: Heading) => {
    joinTrailingText(node, source);
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

/**
 * `{#sec:intro}` reads as text around a directive (`:intro`) to remark-directive: the heading's
 * trailing run of text and text directives becomes the one text the author wrote.
 */
function joinTrailingText(heading: Heading, source: string): void {
  let from = heading.children.length;
  while (from > 0 && ['text', 'textDirective'].includes(heading.children[from - 1]!.type)) from -= 1;
  const run = heading.children.slice(from);
  if (run.length < 2 || !run.some((child) => child.type === 'textDirective')) return;
  const start = run[0]!.position?.start;
  const end = run.at(-1)!.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return;
  heading.children.splice(from, run.length, { type: 'text', value: source.slice(start.offset, end.offset), position: { start, end } });
}

export default remarkHeadingAttributes;
