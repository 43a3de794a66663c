import { FOOTNOTE_MARKER_CLASS } from '../../model/footnote-numbers';
import { pathToFileURL } from 'node:url';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, ListItem as MdastListItem, List as MdastList, RootContent, TableRow } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SANITIZE_SCHEMA } from '../../sanitize/schema';
import type { Block, CalloutBlock, DefinitionsBlock, ImageBlock, Inline, ListBlock, TargetName } from '../../model/types';
import type { InlineMath } from 'mdast-util-math';
import { mathHast, mathMarkers } from '../../math/math-hast';
import { BLOCK_PLACEHOLDER_CLASS, imageDataUrl, imageWhere, locateImage, resolveInlineImages, type ImageSource } from '../image-source';

export interface BlockRenderOptions {
  /** Folder of the source: relative image URLs resolve here. */
  sourceDir: string;
  target: TargetName;
  /** Footnote numbers of the whole document (identifier -> number). */
  footnotes?: ReadonlyMap<string, number>;
  /** Local images carried inside the HTML, for a file that leaves the build machine; else loaded from their file. */
  embedImages?: boolean;
  /** References met so far to each note, while the document is rendered in order: each call gets its own anchor. */
  calls?: Map<string, number>;
  /** The note whose text is being rendered: its own marker links back to its first call. */
  inNote?: string;
}

/** Anchors of a note and of its calls, linked both ways (in brochure.html and in the PDF). */
export const footnoteId = (number: number) => `fn-${number}`;
const footnoteCallId = (number: number, nth = 1) => (nth === 1 ? `fnref-${number}` : `fnref-${number}-${nth}`);
/** Class of a note's box in the brochure; the print moves each to the foot of the page that calls it (`footnotes-at-foot.ts`). */
export const FOOTNOTE_CLASS = 'footnote';
export const FOOTNOTE_CALL_CLASS = 'footnote-call';

/** Inline model content -> hast, through mdast-util-to-hast so typography nodes (ordinals) render as authored. */
export function inlineToHast(children: readonly Inline[], options: BlockRenderOptions): ElementContent[] {
  return contentOf(withRawHtml({ type: 'paragraph', children: resolveInline(children, options) }));
}

/** Images resolved (shown or a placeholder) and footnote references as their number in the document. */
function resolveInline(children: readonly Inline[], options: BlockRenderOptions): Inline[] {
  return resolveInlineImages(numberFootnotes(children, options), (source) => brochureImageUrl(source, options.embedImages), options.sourceDir);
}

/**
 * A reference is the note's number, a link to the note; the note's own marker links back to its
 * first call. Without numbers (a fragment rendered alone), the label, unlinked.
 */
function numberFootnotes(children: readonly Inline[], options: BlockRenderOptions): Inline[] {
  return children.map((node): Inline => {
    if (node.type === 'footnoteReference') {
      const number = options.footnotes?.get(node.identifier);
      const marker = { type: 'text', value: String(number ?? node.label ?? node.identifier), data: { hName: 'sup', hProperties: { className: [FOOTNOTE_MARKER_CLASS] } } } as Inline;
      if (number === undefined) return marker;
      if (options.inNote === node.identifier) return { type: 'link', url: `#${footnoteCallId(number)}`, children: [marker], data: { hProperties: { className: ['footnote-back'] } } } as Inline;
      const nth = (options.calls?.get(node.identifier) ?? 0) + 1;
      options.calls?.set(node.identifier, nth);
      return { type: 'link', url: `#${footnoteId(number)}`, children: [marker], data: { hProperties: { id: footnoteCallId(number, nth), className: [FOOTNOTE_CALL_CLASS] } } } as Inline;
    }
    if ('children' in node && Array.isArray(node.children)) return { ...node, children: numberFootnotes(node.children as Inline[], options) } as Inline;
    return node;
  });
}


/**
 * mdast -> hast, keeping inline raw HTML (`<br>`, `<sup>`, `<kbd>`, a badge's `<a><img></a>`) as
 * the reader of the source saw it: tags split across text nodes are whole again once the HTML
 * is read back, then sanitised like a block of HTML. Without any, plain mdast-util-to-hast.
 */
function withRawHtml(node: RootContent): ReturnType<typeof toHast> {
  // Inline math passes the sanitiser as a marker and comes back as KaTeX's HTML.
  const math = mathMarkers();
  const hast = toHast(node, { allowDangerousHtml: true, handlers: { inlineMath: (_state, inline: InlineMath) => ({ type: 'text', value: math.mark(inline) }) } });
  let raw = false;
  visit(hast, 'raw', () => {
    raw = true;
  });
  const clean: ReturnType<typeof toHast> = raw ? { type: 'root', children: sanitizeHtml(toHtml(hast, { allowDangerousHtml: true })) } : hast;
  math.restore(clean, 'htmlAndMathml');
  return clean;
}

/** Blocks shown in the brochure -> hast, in order. Raw HTML is parsed and sanitised (default schema). */
export function blocksToHast(blocks: readonly Block[], options: BlockRenderOptions): ElementContent[] {
  const shown = blocks.filter((block) => block.targets.includes(options.target));
  const out: ElementContent[] = [];
  for (let index = 0; index < shown.length; index++) {
    const identifier = shown[index]!.footnote;
    if (identifier === undefined) {
      out.push(...blockToHast(shown[index]!, options));
      continue;
    }
    // A note's blocks in one box: where the source defines it here, at the foot of its page in the print.
    const noteBlocks: Block[] = [];
    while (index < shown.length && shown[index]!.footnote === identifier) noteBlocks.push(shown[index++]!);
    index--;
    const number = options.footnotes?.get(identifier);
    const inNote = { ...options, inNote: identifier };
    out.push({
      type: 'element',
      tagName: 'aside',
      properties: { className: [FOOTNOTE_CLASS], id: number === undefined ? undefined : footnoteId(number), role: 'doc-footnote' },
      children: noteBlocks.flatMap((block) => blockToHast(block, inNote)),
    });
  }
  return out;
}

function blockToHast(block: Block, options: BlockRenderOptions): ElementContent[] {
  const rendered = renderBlock(block, options);
  const [first] = rendered;
  // Where a cross-reference (`@fig:x`) lands.
  if (block.anchor && first?.type === 'element') first.properties = { ...first.properties, id: block.anchor };
  return rendered;
}

function renderBlock(block: Block, options: BlockRenderOptions): ElementContent[] {
  if (block.type === 'html') return sanitizeHtml(block.value);
  if (block.type === 'quote') return [{ type: 'element', tagName: 'blockquote', properties: {}, children: blocksToHast(block.blocks, options) }];
  if (block.type === 'image') return imageToHast(block, options);
  if (block.type === 'callout') return [calloutToHast(block, options)];
  if (block.type === 'definitions') return [definitionsToHast(block, options)];
  if (block.type === 'math') return [{ type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children: mathHast(block.value, true, 'htmlAndMathml') }];
  // An empty block that ends the page: the brochure's stylesheet need not know it.
  if (block.type === 'page-break') return [{ type: 'element', tagName: 'div', properties: { className: ['page-break'], style: 'break-after:page' }, children: [] }];
  const node = blockToMdast(block, options);
  if (!node) return [];
  const hast = withRawHtml(node);
  // A table's first row heads its columns: said, so the PDF's TH carry /Scope /Column.
  if (block.type === 'table') visit(hast, 'element', (element) => void (element.tagName === 'th' && (element.properties = { ...element.properties, scope: 'col' })));
  return hast.type === 'root' ? contentOf(hast) : [hast as ElementContent];
}

function blockToMdast(block: Block, options: BlockRenderOptions): RootContent | undefined {
  const inline = (children: readonly Inline[]) => resolveInline(children, options);
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', children: inline(block.children) };
    case 'list':
      return listToMdast(block, inline);
    case 'table':
      return {
        type: 'table',
        align: [...block.align],
        children: block.rows.map((row): TableRow => ({ type: 'tableRow', children: row.map((cell) => ({ type: 'tableCell', children: inline(cell) })) })),
      };
    case 'code':
      return { type: 'code', lang: block.lang ?? null, value: block.value };
    case 'rule':
      return { type: 'thematicBreak' };
    // Speaker notes and slide breaks belong to the deck; quotes, images, HTML, math and page breaks are handled above.
    case 'image':
    case 'notes':
    case 'slide-break':
    case 'quote':
    case 'html':
    case 'callout':
    case 'definitions':
    case 'math':
    case 'page-break':
      return undefined;
  }
}

/** A box of its kind (`callout callout-warning`, styled by the theme), its title or the kind's label first. */
function calloutToHast(block: CalloutBlock, options: BlockRenderOptions): ElementContent {
  const title = block.title ? inlineToHast(block.title, options) : [{ type: 'text' as const, value: block.label }];
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['callout', `callout-${block.kind}`] },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: title }, ...blocksToHast(block.blocks, options)],
  };
}

function definitionsToHast(block: DefinitionsBlock, options: BlockRenderOptions): ElementContent {
  const element = (tagName: string, children: ElementContent[]): ElementContent => ({ type: 'element', tagName, properties: {}, children });
  return element(
    'dl',
    block.items.flatMap((item) => [element('dt', inlineToHast(item.term, options)), ...item.definitions.map((definition) => element('dd', inlineToHast(definition, options)))]),
  );
}

function listToMdast(list: ListBlock, inline: (children: readonly Inline[]) => Inline[]): MdastList {
  return {
    type: 'list',
    ordered: list.ordered,
    start: list.start ?? null,
    spread: false,
    children: list.items.map((item): MdastListItem => {
      const children: BlockContent[] = [item.children, ...item.more].map((text) => ({ type: 'paragraph', children: inline(text) }));
      if (item.sublist) children.push(listToMdast(item.sublist, inline));
      return { type: 'listItem', spread: false, checked: item.checked ?? null, children };
    }),
  };
}

/**
 * Local images load from their file for the print (the page may read the source's folder), or come
 * inside the HTML that is kept (no path of the build machine in an artifact); web images are never fetched.
 */
function brochureImageUrl(source: ImageSource, embed = false): string | undefined {
  if (source.kind === 'local') return embed ? imageDataUrl(source.path) : pathToFileURL(source.path).href;
  if (source.kind === 'embedded') return source.url;
  return undefined;
}

/** An image alone on its line: the picture, or a box with its alt text and where it would come from. */
function imageToHast(block: ImageBlock, options: BlockRenderOptions): ElementContent[] {
  const source = locateImage(block.url, options.sourceDir);
  const url = brochureImageUrl(source, options.embedImages);
  if (url) return [toHast({ type: 'paragraph', children: [{ type: 'image', url, alt: block.alt, title: block.title ?? null }] }) as ElementContent];
  const where = imageWhere(block.url);
  const children: ElementContent[] = [];
  if (block.alt.trim()) children.push({ type: 'element', tagName: 'span', properties: { className: ['image-placeholder-alt'] }, children: [{ type: 'text', value: block.alt }] });
  // A space between the two: read without the stylesheet (text layer, reader mode), they stay two words.
  if (where && children.length > 0) children.push({ type: 'text', value: ' ' });
  if (where) children.push({ type: 'element', tagName: 'span', properties: { className: ['image-placeholder-where'] }, children: [{ type: 'text', value: where }] });
  return [{ type: 'element', tagName: 'div', properties: { className: [BLOCK_PLACEHOLDER_CLASS], role: 'img', ariaLabel: block.alt || where }, children }];
}

const PUBLIC_LINK = /^(?:https?:|mailto:|tel:|#)/i;

const htmlProcessor = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, SANITIZE_SCHEMA);

export function sanitizeHtml(html: string): ElementContent[] {
  const tree = htmlProcessor.runSync(htmlProcessor.parse(html)) as HastRoot;
  // A link reaches a reader only if it is absolute or inside the document: a relative one would
  // resolve against the build machine's folders in the PDF (a dead link naming the builder's paths).
  visit(tree, 'element', (node) => {
    if (node.tagName === 'a' && node.properties['href'] !== undefined && !PUBLIC_LINK.test(String(node.properties['href']))) delete node.properties['href'];
  });
  // Raw images may only point to the web or inside the source's folder, like Markdown ones.
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(node.properties['src'] ?? '');
    if (/^https?:/i.test(src) || (!src.startsWith('/') && !src.includes('\\') && !decodeURIComponentSafe(src).split('/').includes('..') && !/^[a-z][a-z0-9+.-]*:/i.test(src) && src !== '')) return;
    parent.children.splice(index, 1);
    return index;
  });
  return contentOf(tree);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function contentOf(node: ReturnType<typeof toHast>): ElementContent[] {
  if (node.type === 'root') return node.children.filter((child): child is ElementContent => child.type !== 'doctype');
  if (node.type === 'element') return node.children;
  // Only what mdast-util-to-hast makes of the model's mdast reaches here: no MDX node ever does.
  return node.type === 'comment' || node.type === 'text' || node.type === 'raw' ? [node] : [];
}
