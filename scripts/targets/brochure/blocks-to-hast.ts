import { pathToFileURL } from 'node:url';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, FootnoteReference, ListItem as MdastListItem, List as MdastList, RootContent, TableRow } from 'mdast';
import { toHast, type Options as ToHastOptions } from 'mdast-util-to-hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SANITIZE_SCHEMA } from '../../sanitize/schema';
import type { Block, ImageBlock, Inline, ListBlock, TargetName } from '../../model/types';
import { BLOCK_PLACEHOLDER_CLASS, imageWhere, locateImage, resolveInlineImages, type ImageSource } from '../image-source';

export interface BlockRenderOptions {
  /** Folder of the source: relative image URLs resolve here. */
  sourceDir: string;
  target: TargetName;
}

/**
 * A footnote reference shows the number the model gave it and links to the note (a link inside the
 * PDF); mdast-util-to-hast would number each paragraph on its own and link to notes it never wrote.
 */
const HANDLERS: ToHastOptions['handlers'] = {
  footnoteReference: (_state, node: FootnoteReference) => {
    const number = (node.data as { footnoteNumber?: number } | undefined)?.footnoteNumber;
    const text = String(number ?? node.label ?? node.identifier);
    return { type: 'element', tagName: 'sup', properties: { className: ['footnote-ref'] }, children: [{ type: 'element', tagName: 'a', properties: { href: `#fn-${number ?? ''}` }, children: [{ type: 'text', value: text }] }] };
  },
};

function mdastToHast(node: Parameters<typeof toHast>[0]): ReturnType<typeof toHast> {
  return toHast(node, { handlers: HANDLERS });
}

/** Inline model content -> hast, through mdast-util-to-hast so typography nodes (ordinals) render as authored. */
export function inlineToHast(children: readonly Inline[], sourceDir: string): ElementContent[] {
  return contentOf(mdastToHast({ type: 'paragraph', children: resolveInlineImages(children, brochureImageUrl, sourceDir) }));
}

/** Blocks shown in the brochure -> hast, in order. Raw HTML is parsed and sanitised (default schema). */
export function blocksToHast(blocks: readonly Block[], options: BlockRenderOptions): ElementContent[] {
  return blocks.filter((block) => block.targets.includes(options.target)).flatMap((block) => blockToHast(block, options));
}

function blockToHast(block: Block, options: BlockRenderOptions): ElementContent[] {
  const rendered = renderBlock(block, options);
  return block.footnote ? footnoteToHast(block.footnote.number, rendered) : rendered;
}

/** A footnote's text, set as a note where it is defined, opening with its number. */
function footnoteToHast(number: number, rendered: ElementContent[]): ElementContent[] {
  const mark: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['footnote-number'] }, children: [{ type: 'text', value: `${number}` }] };
  const [first, ...rest] = rendered;
  if (first?.type === 'element' && first.tagName === 'p') {
    return [{ ...first, properties: { ...first.properties, className: ['footnote'], id: `fn-${number}` }, children: [mark, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  }
  return [{ type: 'element', tagName: 'div', properties: { className: ['footnote'], id: `fn-${number}` }, children: [mark, ...rendered] }];
}

function renderBlock(block: Block, options: BlockRenderOptions): ElementContent[] {
  if (block.type === 'html') return sanitizeHtml(block.value);
  if (block.type === 'quote') return [{ type: 'element', tagName: 'blockquote', properties: {}, children: blocksToHast(block.blocks, options) }];
  if (block.type === 'image') return imageToHast(block, options.sourceDir);
  const node = blockToMdast(block, options);
  return node ? [mdastToHast(node) as ElementContent] : [];
}

function blockToMdast(block: Block, options: BlockRenderOptions): RootContent | undefined {
  const inline = (children: readonly Inline[]) => resolveInlineImages(children, brochureImageUrl, options.sourceDir);
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
    // Speaker notes and slide breaks belong to the deck; quotes, images and HTML are handled above.
    case 'image':
    case 'notes':
    case 'slide-break':
    case 'quote':
    case 'html':
      return undefined;
  }
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

/** Local images load from their file (the page may read the source's folder); web images are never fetched. */
function brochureImageUrl(source: ImageSource): string | undefined {
  if (source.kind === 'local') return pathToFileURL(source.path).href;
  if (source.kind === 'embedded') return source.url;
  return undefined;
}

/** An image alone on its line: the picture, or a box with its alt text and where it would come from. */
function imageToHast(block: ImageBlock, sourceDir: string): ElementContent[] {
  const source = locateImage(block.url, sourceDir);
  const url = brochureImageUrl(source);
  if (url) return [toHast({ type: 'paragraph', children: [{ type: 'image', url, alt: block.alt, title: block.title ?? null }] }) as ElementContent];
  const where = imageWhere(block.url);
  const children: ElementContent[] = [];
  if (block.alt.trim()) children.push({ type: 'element', tagName: 'span', properties: { className: ['image-placeholder-alt'] }, children: [{ type: 'text', value: block.alt }] });
  if (where) children.push({ type: 'element', tagName: 'span', properties: { className: ['image-placeholder-where'] }, children: [{ type: 'text', value: where }] });
  return [{ type: 'element', tagName: 'div', properties: { className: [BLOCK_PLACEHOLDER_CLASS], role: 'img', ariaLabel: block.alt || where }, children }];
}

const htmlProcessor = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, SANITIZE_SCHEMA);

export function sanitizeHtml(html: string): ElementContent[] {
  const tree = htmlProcessor.runSync(htmlProcessor.parse(html)) as HastRoot;
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
  return node.type === 'doctype' ? [] : [node];
}
