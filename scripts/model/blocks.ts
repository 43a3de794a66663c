import type { Content, FootnoteDefinition, List, ListItem as MdListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { PageBreakData } from '../dialects/raw-tex';
import { messages } from '../messages/messages';
import type { DefListNode } from 'mdast-util-definition-list';
import type {} from '../dialects/syntax/syntax-nodes';
import type { Block, DefinitionsBlock, Inline, ListBlock, ListItem, TargetName } from './types';

/** Container directives that keep their content to one target; `print` and `email` are aliases. */
const TARGET_DIRECTIVES: Record<string, TargetName> = {
  deck: 'deck',
  brochure: 'brochure',
  print: 'brochure',
  digest: 'digest',
  email: 'digest',
};

export interface BlockContext {
  file: VFile;
  targets: readonly TargetName[];
  keep: boolean;
  /** The document's language, for the few words the model itself writes (alert labels). */
  lang?: string;
}

type Handler<T> = (node: T, context: BlockContext) => Block[];

/** One small function per mdast block type; unknown types are kept as text so nothing is lost. */
const handlers: { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> } = {
  paragraph: (node, context) => paragraphBlocks(node, context),
  list: (node, context) => [listBlock(node, context)],
  blockquote: (node, context) => [
    { type: 'quote', blocks: toBlocks(withAlertLabel(node.children, context), context), targets: context.targets, position: node.position },
  ],
  callout: (node, context) => [
    {
      type: 'callout',
      kind: node.kind,
      label: messages(context.lang ?? 'en').calloutLabel[node.kind],
      title: node.title,
      blocks: toBlocks(node.children, context),
      targets: context.targets,
      position: node.position,
    },
  ],
  defList: (node, context) => [definitionsBlock(node, context)],
  table: (node, context) => [tableBlock(node, context)],
  code: (node, context) => [
    { type: 'code', value: node.value, lang: node.lang ?? undefined, targets: context.targets, position: node.position },
  ],
  html: (node, context) => [{ type: 'html', value: node.value, targets: context.targets, position: node.position }],
  thematicBreak: (node, context) =>
    (node.data as PageBreakData | undefined)?.pageBreak
      ? [{ type: 'page-break', targets: context.targets.filter((target) => target === 'brochure'), position: node.position }]
      : [{ type: 'rule', targets: context.targets, position: node.position }],
  math: (node, context) => [{ type: 'math', value: node.value, targets: context.targets, position: node.position }],
  // A heading inside a quote or a callout opens no section: it stays a line of its own, in bold.
  heading: (node, context) => [{ type: 'paragraph', children: [{ type: 'strong', children: node.children }], targets: context.targets, position: node.position }],
  containerDirective: (node, context) => containerBlocks(node, context),
  leafDirective: (node, context) => leafBlocks(node, context),
  yaml: () => [],
  definition: () => [],
  footnoteDefinition: (node, context) => footnoteBlocks(node, context),
};

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n)?/i;

/**
 * GitHub's alerts (`> [!WARNING]` opening a quote): the marker becomes the label a reader sees,
 * in the document's language, in bold; the rest of the quote is kept as written.
 */
function withAlertLabel(children: readonly RootContent[], context: BlockContext): RootContent[] {
  const [first, ...rest] = children;
  const text = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0] : undefined;
  const marker = text && ALERT.exec(text.value);
  if (!first || first.type !== 'paragraph' || !text || !marker) return [...children];
  const kind = marker[1]!.toLowerCase() as keyof ReturnType<typeof messages>['alertLabel'];
  const remainder = text.value.slice(marker[0].length);
  const label: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: messages(context.lang ?? 'en').alertLabel[kind] }] };
  const after: PhrasingContent[] = [...(remainder ? [{ type: 'text' as const, value: ` ${remainder}` }] : [{ type: 'text' as const, value: ' ' }]), ...first.children.slice(1)];
  return [{ ...first, children: [label, ...after] }, ...rest];
}

export function toBlocks(nodes: readonly RootContent[] | readonly Content[], context: BlockContext): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const handler = handlers[node.type] as Handler<RootContent> | undefined;
    if (handler) blocks.push(...withAnchor(handler(node as RootContent, context), node));
    else if ('children' in node) blocks.push(...toBlocks(node.children as RootContent[], context));
  }
  return blocks;
}

/** The id a dialect's reader gave the node (`hProperties.id`) goes to the first block it became. */
function withAnchor(blocks: Block[], node: RootContent | Content): Block[] {
  const id = ('data' in node ? (node.data as { hProperties?: { id?: unknown } } | undefined) : undefined)?.hProperties?.id;
  if (typeof id !== 'string' || blocks.length === 0 || node.type === 'heading') return blocks;
  return [{ ...blocks[0]!, anchor: id }, ...blocks.slice(1)];
}

/**
 * A footnote's text stays where it was written, led by its own marker (a `footnoteReference` to
 * itself), so a reader can tell which note it is: each target renders the marker as it renders
 * the references (the brochure numbers them, the deck shows the label).
 */
function footnoteBlocks(node: FootnoteDefinition, context: BlockContext): Block[] {
  const marker: PhrasingContent[] = [{ type: 'footnoteReference', identifier: node.identifier, label: node.label ?? null }, { type: 'text', value: ' ' }];
  const [first, ...rest] = node.children;
  const blocks =
    first?.type === 'paragraph'
      ? toBlocks([{ ...first, children: [...marker, ...first.children] }, ...rest], context)
      : [{ type: 'paragraph' as const, children: marker.slice(0, 1), targets: context.targets, position: node.position }, ...toBlocks(node.children, context)];
  // Marked so a target can set the note apart from the text (smaller, under a rule, at the foot of the page).
  return blocks.map((block) => ({ ...block, footnote: node.identifier }));
}

function paragraphBlocks(node: Paragraph, context: BlockContext): Block[] {
  // An image alone on its line is a figure, not a paragraph.
  const [only] = node.children;
  if (node.children.length === 1 && only?.type === 'image') {
    return [{ type: 'image', url: only.url, alt: only.alt ?? '', title: only.title ?? undefined, targets: context.targets, position: node.position }];
  }
  return [{ type: 'paragraph', children: node.children, targets: context.targets, position: node.position, ...(context.keep ? { keep: true } : {}) }];
}

function listBlock(node: List, context: BlockContext): ListBlock {
  return {
    type: 'list',
    ordered: Boolean(node.ordered),
    start: node.start ?? undefined,
    items: node.children.map((item) => listItem(item, context)),
    targets: context.targets,
    position: node.position,
    ...(context.keep ? { keep: true } : {}),
  };
}

function listItem(item: MdListItem, context: BlockContext): ListItem {
  const paragraphs: Inline[][] = [];
  let sublist: ListBlock | undefined;
  for (const child of item.children) {
    if (child.type === 'list' && !sublist) sublist = listBlock(child, context);
    else paragraphs.push(inlineOf(child));
  }
  const [first = [], ...more] = paragraphs;
  return { children: first, more, sublist, checked: item.checked ?? undefined, position: item.position };
}

/** Any block inside a list item, flattened to its inline content (lists stay simple in every target). */
function inlineOf(node: Content): Inline[] {
  if (node.type === 'paragraph' || node.type === 'heading') return node.children;
  // An equation displayed in a list item stays math, set in the item's line.
  if (node.type === 'math') return [{ type: 'inlineMath', value: node.value }];
  if ('children' in node) {
    const out: Inline[] = [];
    for (const child of node.children as Content[]) {
      if (out.length > 0) out.push({ type: 'text', value: ' ' });
      out.push(...inlineOf(child));
    }
    return out;
  }
  if ('value' in node && typeof node.value === 'string') return [{ type: 'text', value: node.value }];
  return [];
}

/** Each term with the definitions after it; a definition's paragraphs are flattened like a list item's. */
function definitionsBlock(node: DefListNode, context: BlockContext): Block {
  const items: DefinitionsBlock['items'] = [];
  for (const child of node.children) {
    if (child.type === 'defListTerm') items.push({ term: child.children, definitions: [], position: child.position });
    else if (child.type === 'defListDescription') {
      const definition = child.children.flatMap((inner, index) => [...(index > 0 ? [{ type: 'text' as const, value: ' ' }] : []), ...inlineOf(inner)]);
      if (items.length === 0) items.push({ term: [], definitions: [], position: child.position });
      items.at(-1)!.definitions.push(definition);
    }
  }
  return { type: 'definitions', items, targets: context.targets, position: node.position };
}

function tableBlock(node: Table, context: BlockContext): Block {
  return {
    type: 'table',
    align: node.align ?? [],
    rows: node.children.map((row) => row.children.map((cell) => cell.children as PhrasingContent[])),
    targets: context.targets,
    position: node.position,
  };
}

function containerBlocks(node: ContainerDirective, context: BlockContext): Block[] {
  const target = TARGET_DIRECTIVES[node.name];
  if (target) {
    const targets = context.targets.includes(target) ? [target] : [];
    return toBlocks(node.children, { ...context, targets });
  }
  if (node.name === 'notes') {
    const targets: TargetName[] = context.targets.includes('deck') ? ['deck'] : [];
    return [{ type: 'notes', blocks: toBlocks(node.children, { ...context, targets }), targets, position: node.position }];
  }
  if (node.name === 'keep') return toBlocks(node.children, { ...context, keep: true });
  // The lint rule has warned; the content still reaches every target.
  return toBlocks(node.children, context);
}

function leafBlocks(node: LeafDirective, context: BlockContext): Block[] {
  if (node.name === 'newslide') return [{ type: 'slide-break', targets: ['deck'], position: node.position }];
  return node.children.length > 0 ? [{ type: 'paragraph', children: node.children, targets: context.targets, position: node.position }] : [];
}

