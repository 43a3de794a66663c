import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import { uniqueSlugger } from '../model/slug';

/**
 * Word's bookmarks and internal links as a source can hold them. Word, LibreOffice and pandoc
 * put a bookmark on every heading (mammoth: an empty `<a id>`), and cross-references link to
 * bookmarks. A link to a bookmark in a heading points at the heading's anchor, the one the
 * targets give it (its slug); a link to any other bookmark becomes its text; the bookmarks
 * themselves, and links left with no text, go.
 */

type Parent = HastRoot | Element;

const HEADING = /^h[1-6]$/;

function isBookmark(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'a' && node.properties['href'] === undefined && typeof node.properties['id'] === 'string';
}

function collectHeadingAnchors(node: Parent, slug: (text: string) => string, anchors: Map<string, string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (HEADING.test(child.tagName)) {
      const anchor = slug(toText(child));
      const ids: string[] = [];
      const gather = (element: Element) => {
        for (const inner of element.children) {
          if (inner.type !== 'element') continue;
          if (typeof inner.properties['id'] === 'string') ids.push(inner.properties['id']);
          gather(inner);
        }
      };
      if (typeof child.properties['id'] === 'string') ids.push(child.properties['id']);
      gather(child);
      for (const id of ids) anchors.set(id, anchor);
    } else collectHeadingAnchors(child, slug, anchors);
  }
}

function hasContent(element: Element): boolean {
  return toText(element).trim() !== '' || element.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasContent(child)));
}

function rewrite(node: Parent, anchors: Map<string, string>, unwrapUnknown: boolean): void {
  const kept: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') {
      kept.push(child);
      continue;
    }
    rewrite(child, anchors, unwrapUnknown);
    if (isBookmark(child) && child.children.length === 0) continue;
    if (child.tagName === 'a') {
      const href = typeof child.properties['href'] === 'string' ? child.properties['href'] : undefined;
      if (!hasContent(child)) continue;
      if (href === undefined || href === '' || href.startsWith('#')) {
        const target = href?.startsWith('#') ? anchors.get(decodeURIComponent(href.slice(1))) : undefined;
        if (target) child.properties = { href: `#${target}` };
        else if (href && !unwrapUnknown) {
          kept.push(child);
          continue;
        } else {
          kept.push(...child.children);
          continue;
        }
      }
    }
    kept.push(child);
  }
  node.children = kept as typeof node.children;
}

/**
 * In place, after the notes were taken (their links are not bookmarks). `fromWord`: a link to
 * any other place becomes its text (Word's targets are bookmarks, gone); a web page's links to
 * its own ids stay.
 */
export function resolveBookmarks(tree: HastRoot, fromWord: boolean): void {
  const anchors = new Map<string, string>();
  collectHeadingAnchors(tree, uniqueSlugger(), anchors);
  rewrite(tree, anchors, fromWord);
}
