import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, ListItem as MdastListItem, List as MdastList, RootContent, TableRow } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SANITIZE_SCHEMA } from '../../sanitize/schema';
import type { Block, Inline, ListBlock, TargetName } from '../../model/types';

export interface BlockRenderOptions {
  /** Folder of the source: relative image URLs resolve here. */
  sourceDir: string;
  target: TargetName;
}

/** Inline model content -> hast, through mdast-util-to-hast so typography nodes (ordinals) render as authored. */
export function inlineToHast(children: readonly Inline[]): ElementContent[] {
  return contentOf(toHast({ type: 'paragraph', children: [...children] }));
}

/** Blocks shown in the brochure -> hast, in order. Raw HTML is parsed and sanitised (default schema). */
export function blocksToHast(blocks: readonly Block[], options: BlockRenderOptions): ElementContent[] {
  return blocks.filter((block) => block.targets.includes(options.target)).flatMap((block) => blockToHast(block, options));
}

function blockToHast(block: Block, options: BlockRenderOptions): ElementContent[] {
  if (block.type === 'html') return sanitizeHtml(block.value);
  if (block.type === 'quote') return [{ type: 'element', tagName: 'blockquote', properties: {}, children: blocksToHast(block.blocks, options) }];
  const node = blockToMdast(block, options);
  return node ? [toHast(node) as ElementContent] : [];
}

function blockToMdast(block: Block, options: BlockRenderOptions): RootContent | undefined {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', children: [...block.children] };
    case 'list':
      return listToMdast(block);
    case 'table':
      return {
        type: 'table',
        align: [...block.align],
        children: block.rows.map((row): TableRow => ({ type: 'tableRow', children: row.map((cell) => ({ type: 'tableCell', children: [...cell] })) })),
      };
    case 'image':
      return { type: 'paragraph', children: [{ type: 'image', url: resolveImage(block.url, options.sourceDir), alt: block.alt, title: block.title ?? null }] };
    case 'code':
      return { type: 'code', lang: block.lang ?? null, value: block.value };
    case 'rule':
      return { type: 'thematicBreak' };
    // Speaker notes and slide breaks belong to the deck; quotes and HTML are handled above.
    case 'notes':
    case 'slide-break':
    case 'quote':
    case 'html':
      return undefined;
  }
}

function listToMdast(list: ListBlock): MdastList {
  return {
    type: 'list',
    ordered: list.ordered,
    start: list.start ?? null,
    spread: false,
    children: list.items.map((item): MdastListItem => {
      const children: BlockContent[] = [item.children, ...item.more].map((inline) => ({ type: 'paragraph', children: [...inline] }));
      if (item.sublist) children.push(listToMdast(item.sublist));
      return { type: 'listItem', spread: false, checked: item.checked ?? null, children };
    }),
  };
}

/** Remote images are left as written (the page sandbox blocks them); local ones become file URLs. */
function resolveImage(url: string, sourceDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? url);
  return pathToFileURL(isAbsolute(path) ? path : resolve(sourceDir, path)).href;
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
