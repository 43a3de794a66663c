import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { isInsideReally } from '../paths-real';
import type { VFile } from 'vfile';

type Rule = (tree: Root, file: VFile) => void;

function warn(file: VFile, ruleId: string, reason: string, node: { position?: RootContent['position'] }): void {
  file.message(reason, { place: node.position?.start, ruleId, source: 'triptyque' });
}

/** A heading more than one level below the previous one (## then ####). */
const headingIncrement: Rule = (tree, file) => {
  let previous: number | undefined;
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    if (previous !== undefined && node.depth > previous + 1) {
      warn(file, 'heading-increment', `heading level ${node.depth} follows level ${previous}: use level ${previous + 1}`, node);
    }
    previous = node.depth;
  }
};

/** `### **Title**`: the emphasis is the PDF's styling, not structure. */
const headingEmphasis: Rule = (tree, file) => {
  visit(tree, 'heading', (node: Heading) => {
    const [only] = node.children;
    if (node.children.length === 1 && (only?.type === 'strong' || only?.type === 'emphasis')) {
      warn(file, 'heading-emphasis', `heading wrapped in ${only.type === 'strong' ? 'bold' : 'italics'}: remove the \`${only.type === 'strong' ? '**' : '*'}\``, node);
    }
  });
};

/** A bold paragraph standing alone where a heading belongs. */
const emphasisAsHeading: Rule = (tree, file) => {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const [only] = node.children;
    if (node.children.length === 1 && only?.type === 'strong' && toString(only).length < 200) {
      warn(file, 'emphasis-as-heading', 'a paragraph that is all bold: make it a heading (`##`) or front matter', node);
    }
  }
};

const PSEUDO_BULLET = /^(?:[o•▪◦·§]|-|\*)\s+\S/u;

/** Word's "o" sub-bullets and pasted bullet characters, inside lists or as paragraphs. */
const pseudoBullets: Rule = (tree, file) => {
  visit(tree, 'listItem', (item) => {
    const first = item.children[0];
    if (first?.type === 'paragraph' && PSEUDO_BULLET.test(toString(first))) {
      warn(file, 'pseudo-bullet', `list item starts with a pasted bullet "${toString(first).charAt(0)}": remove it and nest the item`, first);
    }
  });
  visit(tree, 'paragraph', (node: Paragraph, _index, parent) => {
    if (parent?.type === 'listItem') return;
    if (/^[•▪◦·]\s*\S/u.test(toString(node))) warn(file, 'pseudo-bullet', 'paragraph starts with a pasted bullet: make it a list item (`- `)', node);
  });
};

/** A heading with nothing under it before the next heading of the same or a higher level. */
const emptySections: Rule = (tree, file) => {
  const nodes = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition');
  nodes.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = nodes[index + 1];
    const empty = !next || (next.type === 'heading' && next.depth <= node.depth);
    if (empty) warn(file, 'empty-section', `section "${toString(node)}" has no content`, node);
  });
};

/** Raw HTML: sanitised per target, and usually a leftover of a conversion. */
const rawHtml: Rule = (tree, file) => {
  visit(tree, 'html', (node) => {
    if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
    warn(file, 'raw-html', `raw HTML \`${node.value.trim().slice(0, 40)}\`: write it in Markdown (it is sanitised per target)`, node);
  });
};

function fatal(file: VFile, ruleId: string, reason: string, node: { position?: RootContent['position'] }): void {
  file.message(reason, { place: node.position?.start, ruleId, source: 'triptyque' }).fatal = true;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Images and links may point to the web or inside the source's folder, nothing else: a source
 * from a partner must not pull `/etc/passwd` or `file:` URLs into a publication.
 */
const unsafePaths: Rule = (tree, file) => {
  const base = file.path ? dirname(resolve(file.path)) : undefined;
  visit(tree, ['image', 'link', 'definition'], (node) => {
    const url = (node as { url: string }).url.trim();
    if (/^(javascript|vbscript|data|file):/i.test(url) && !/^data:image\/(png|jpe?g|gif|webp);/i.test(url)) {
      fatal(file, 'unsafe-url', `${url.split(':')[0]}: URLs are not allowed in a source (${url.slice(0, 40)})`, node as RootContent);
      return;
    }
    if (SCHEME.test(url) || url.startsWith('#') || !base) return;
    const path = safeDecode(url.split(/[?#]/)[0]!);
    // Symlinks are followed: a link inside the folder to a file outside it leaves the folder.
    const outside = path.startsWith('/') || resolve(base, path).startsWith(`${base}/`) === false || !isInsideReally(resolve(base, path), base);
    if (outside) fatal(file, 'unsafe-path', `${url} is outside the source's folder: copy the file next to the source`, node as RootContent);
  });
};

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Local images that are not there. */
const missingImages: Rule = (tree, file) => {
  if (!file.path) return;
  const base = dirname(resolve(file.path));
  visit(tree, 'image', (node) => {
    if (SCHEME.test(node.url)) return;
    const path = resolve(base, safeDecode(node.url.split(/[?#]/)[0]!));
    if (!path.startsWith(`${base}/`)) return;
    if (!existsSync(path)) file.message(`image not found: ${node.url}`, { place: node.position?.start, ruleId: 'missing-image', source: 'triptyque' }).fatal = true;
  });
};

const SENTENCE_END = /[.!?…:;»)"”*_]\s*$/u;

/**
 * A paragraph that stops mid-sentence and a next one that starts in lower case: a page or column
 * break of the PDF the source was extracted from (interleaved columns show up this way too).
 */
const brokenParagraphs: Rule = (tree, file) => {
  tree.children.forEach((node, index) => {
    const next = tree.children[index + 1];
    if (node.type !== 'paragraph' || next?.type !== 'paragraph') return;
    const text = toString(node).trimEnd();
    if (text.length >= 60 && !SENTENCE_END.test(text) && /^[a-zà-ÿœ]/u.test(toString(next))) {
      warn(file, 'broken-paragraph', 'paragraph stops mid-sentence and the next starts in lower case: join them, or restore the reading order of interleaved columns', node);
    }
  });
};

const MAX_LIST_DEPTH = 4;

/** Lists nested deeper than a reader (or a slide) can follow: published, but flag it. */
const listDepth: Rule = (tree, file) => {
  const walk = (node: RootContent | Root, depth: number) => {
    if (node.type === 'list' && depth === MAX_LIST_DEPTH + 1) {
      warn(file, 'list-depth', `list nested ${depth} levels deep: more than ${MAX_LIST_DEPTH} is hard to read; flatten it`, node);
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child, depth + (child.type === 'list' ? 1 : 0));
  };
  walk(tree, 0);
};

const MAX_PARAGRAPH = 3000;

/** A paragraph the length of a page: a lost line break from an extraction, most of the time. */
const longParagraphs: Rule = (tree, file) => {
  visit(tree, 'paragraph', (node: Paragraph) => {
    const length = toString(node).length;
    if (length > MAX_PARAGRAPH) warn(file, 'long-paragraph', `paragraph of ${length} characters: split it where the thought changes`, node);
  });
};

const MAX_COLUMNS = 6;

/** Tables wider than an A5 page or a phone screen. */
const wideTables: Rule = (tree, file) => {
  visit(tree, 'table', (node) => {
    const columns = Math.max(...node.children.map((row) => row.children.length));
    if (columns > MAX_COLUMNS) warn(file, 'wide-table', `table of ${columns} columns: more than ${MAX_COLUMNS} will be set very small in print and on phones`, node);
  });
};

/** `:::name` without its closing `:::`: remark-directive runs it to the end of the document. */
const unclosedDirectives: Rule = (tree, file) => {
  const source = String(file.value);
  visit(tree, 'containerDirective', (node) => {
    const end = node.position?.end.offset;
    if (end === undefined) return;
    const lastLine = source.slice(source.lastIndexOf('\n', end - 1) + 1, end);
    if (!/^\s*:{3,}\s*$/.test(lastLine)) {
      fatal(file, 'unclosed-directive', `\`:::${node.name}\` is never closed: add a line \`:::\` where it ends`, node);
    }
  });
};

/** A source whose headings never start: publishable, but without contents or slides per section. */
const noHeadings: Rule = (tree, file) => {
  if (!tree.children.some((node) => node.type === 'heading')) {
    file.message('no headings: the publication will have a single section', { place: { line: 1, column: 1 }, ruleId: 'no-headings', source: 'triptyque' });
  }
};

export const rules: readonly Rule[] = [headingIncrement, headingEmphasis, emphasisAsHeading, pseudoBullets, brokenParagraphs, emptySections, rawHtml, unsafePaths, missingImages, listDepth, longParagraphs, wideTables, unclosedDirectives, noHeadings];

/** All lint rules as one unified plugin; they only add messages to the file. */
export const lintRules: Plugin<[], Root> = () => (tree, file) => {
  for (const rule of rules) rule(tree, file);
};
