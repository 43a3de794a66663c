import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import parseAttr from 'md-attr-parser';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { TRIPTYQUE_CONTAINERS } from '../../source/literal-directives';
import { withBoldLead } from './bold-lead';
import { calloutKind } from './callout-kinds';
import { fencedDivFromMarkdown, fencedDivSyntax } from './fenced-div-syntax';
import type { Callout, FencedDiv } from './syntax-nodes';

type Content = BlockContent | DefinitionContent;

/** What a container is once its opening line is understood. */
type Reading =
  | { as: 'callout'; kind: NonNullable<ReturnType<typeof calloutKind>>; title?: PhrasingContent[] }
  | { as: 'directive'; name: string }
  | { as: 'content' }
  | { as: 'unknown'; name: string; title?: PhrasingContent[] };

/**
 * Containers of every tool that writes them: pandoc's and Quarto's fenced divs
 * (`::: {.callout-note title="x"}`), VitePress's `::: tip Titre`, Docusaurus's `:::note[Title]`
 * and `:::tip Title`. A known kind becomes a `callout`; Triptyque's own names (`::: notes`, as
 * pandoc's slides write them) its directive; layout (`{layout-ncol=2}`, `{#fig-x}`) its content;
 * an unknown kind its title in bold and its content, with an info note.
 */
const remarkContainers: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(fencedDivSyntax());
  (data.fromMarkdownExtensions ??= []).push(fencedDivFromMarkdown());
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const reading = node.type === 'fencedDiv' ? readInfo(node.info) : node.type === 'containerDirective' && !TRIPTYQUE_CONTAINERS.has(node.name) ? readDirective(node) : undefined;
      if (!reading) return undefined;
      const container = node as FencedDiv | ContainerDirective;
      const children = (node.type === 'containerDirective' ? container.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel)) : container.children) as Content[];
      const replacement = isClosed(container, file) ? replace(reading, children, container, file) : unclosed(children, container, file);
      parent.children.splice(index, 1, ...(replacement as never[]));
      // Visit what replaced it: nested containers are read too.
      return index;
    });
  };
};

/** Whether the container ends with its own fence (`:::` alone on its line), not at the end of the document. */
function isClosed(node: FencedDiv | ContainerDirective, file: VFile): boolean {
  const end = node.position?.end.offset;
  if (end === undefined) return true;
  const source = String(file.value);
  const lastLine = source.slice(source.lastIndexOf('\n', end - 1) + 1, end);
  return /^\s*:{3,}\s*$/u.test(lastLine);
}

/**
 * A container never closed runs to the end of the document: as a box it would swallow every
 * section after it, so its content stays where it is, with a warning.
 */
function unclosed(children: Content[], node: FencedDiv | ContainerDirective, file: VFile): RootContent[] {
  file.message('this `:::` container is never closed: add a line `:::` where it ends; its content is kept as text', { place: node.position?.start, ruleId: 'unclosed-directive', source: 'triptyque' });
  return children;
}

function replace(reading: Reading, children: Content[], node: FencedDiv | ContainerDirective, file: VFile): RootContent[] {
  const position = node.position;
  switch (reading.as) {
    case 'callout': {
      // Quarto's other way to title a callout: a heading first inside it.
      const [first, ...rest] = children;
      if (!reading.title && first?.type === 'heading') return [{ type: 'callout', kind: reading.kind, title: first.children, children: rest, position } satisfies Callout];
      return [{ type: 'callout', kind: reading.kind, title: reading.title, children, position } satisfies Callout];
    }
    case 'directive':
      return [{ type: 'containerDirective', name: reading.name, attributes: {}, children: children as ContainerDirective['children'], position }];
    case 'content':
      return children;
    case 'unknown': {
      file.info(`container \`${reading.name}\` has no style of its own here: its title and content are kept as text`, { place: position?.start, ruleId: 'unknown-container', source: 'triptyque' });
      return withBoldLead(reading.title, children, position);
    }
  }
}

/** `{.callout-warning title="x"}`, `tip Titre`, `Warning`, `details Click me`, `{layout-ncol="2"}`. */
function readInfo(written: string): Reading {
  // Pandoc lets the opening fence end with colons too: `::: note :::`.
  const info = written.replace(/\s*:+\s*$/u, '');
  if (info.startsWith('{')) {
    const { prop } = parseAttr(info);
    const classes = prop.class ?? [];
    const title = typeof prop['title'] === 'string' && prop['title'] ? [{ type: 'text' as const, value: prop['title'] }] : undefined;
    for (const name of classes) {
      const kind = calloutKind(name);
      if (kind) return { as: 'callout', kind, title };
      if (TRIPTYQUE_CONTAINERS.has(name)) return { as: 'directive', name };
    }
    // Layout (columns, panels, figures by their id) carries no meaning a reader sees but its content.
    return { as: 'content' };
  }
  const space = info.search(/\s/u);
  const name = space === -1 ? info : info.slice(0, space);
  const rest = space === -1 ? '' : info.slice(space).trim();
  const title = rest ? [{ type: 'text' as const, value: rest }] : undefined;
  const kind = calloutKind(name);
  if (kind) return { as: 'callout', kind, title };
  if (TRIPTYQUE_CONTAINERS.has(name.toLowerCase())) return { as: 'directive', name: name.toLowerCase() };
  return { as: 'unknown', name, title };
}

/** `:::note[Title]`, `:::my-admonition{title="x"}`: the label (or a `title` attribute) is the title. */
function readDirective(node: ContainerDirective): Reading {
  const label = node.children.find((child): child is Paragraph => child.type === 'paragraph' && Boolean(child.data?.directiveLabel));
  const attribute = node.attributes?.['title'];
  const title = label ? label.children : attribute ? [{ type: 'text' as const, value: attribute }] : undefined;
  const kind = calloutKind(node.name);
  if (kind) return { as: 'callout', kind, title };
  return { as: 'unknown', name: node.name, title };
}

export default remarkContainers;
