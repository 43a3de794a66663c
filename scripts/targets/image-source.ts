import { checkRegularFileSync, MAX_IMAGE_BYTES, readRegularFileSync } from '../files/regular-file';
import { basename, extname, resolve } from 'node:path';
import { isInsideFolder } from '../paths-real';
import { urlPath } from '../files/url-path';
import type { Inline } from '../model/types';

/**
 * Where an image of the source is, as the targets see it: a file beside the source they can show,
 * a web image they never fetch (rendering is offline), an image already in the URL, or a local
 * file that is not there. The last three are what a placeholder stands for.
 */
export type ImageSource =
  | { kind: 'local'; path: string }
  | { kind: 'embedded'; url: string }
  | { kind: 'remote' }
  | { kind: 'missing' };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function locateImage(url: string, sourceDir: string): ImageSource {
  if (/^data:image\//i.test(url)) return { kind: 'embedded', url };
  if (SCHEME.test(url)) return { kind: 'remote' };
  // A path out of the source's folder is never read, whatever the checks before let through.
  if (!isInsideFolder(url, sourceDir)) return { kind: 'missing' };
  const path = resolve(sourceDir, urlPath(url));
  // A pipe or device would block the read, a huge file the memory: both stand as missing (`check` says why).
  return checkRegularFileSync(path, MAX_IMAGE_BYTES) === undefined ? { kind: 'local', path } : { kind: 'missing' };
}

/** What a placeholder says about where the image is: the web site's host, or the file's name (no file system access). */
export function imageWhere(url: string): string {
  if (/^data:/i.test(url)) return '';
  if (SCHEME.test(url)) return hostOf(url);
  const relative = urlPath(url);
  return basename(relative) || url;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url.split(':')[0]!;
  } catch {
    return url.split(':')[0]!;
  }
}

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};

/** A local image as a data URL, so an artifact that leaves the build machine (deck.html, deck.md) carries it. */
export function imageDataUrl(path: string): string | undefined {
  const type = MEDIA_TYPES[extname(path).toLowerCase()];
  if (!type) return undefined;
  return `data:${type};base64,${readRegularFileSync(path, MAX_IMAGE_BYTES).toString('base64')}`;
}

/** Class of a placeholder that stands in an inline run (a badge in a paragraph). */
export const INLINE_PLACEHOLDER_CLASS = 'image-placeholder-inline';
/** Class of a placeholder that stands for an image alone on its line. */
export const BLOCK_PLACEHOLDER_CLASS = 'image-placeholder';

/**
 * Inline content where every image is either shown (`show` gives the URL the target loads) or
 * replaced by a compact placeholder: its alt text in a span (the mdast `data.hName` way, so every
 * renderer built on mdast-util-to-hast emits it).
 */
export function resolveInlineImages(children: readonly Inline[], show: (source: ImageSource) => string | undefined, sourceDir: string): Inline[] {
  return children.map((node): Inline => {
    if (node.type === 'image') {
      const source = locateImage(node.url, sourceDir);
      const url = show(source);
      if (url) return { ...node, url };
      const where = imageWhere(node.url);
      const label = node.alt?.trim() || where || 'image';
      return {
        type: 'text',
        value: label,
        data: { hName: 'span', hProperties: { className: [INLINE_PLACEHOLDER_CLASS], title: where || undefined } },
      } as Inline;
    }
    if ('children' in node && Array.isArray(node.children)) {
      return { ...node, children: resolveInlineImages(node.children as Inline[], show, sourceDir) } as Inline;
    }
    return node;
  });
}
