import { Marp } from '@marp-team/marp-core';
import { checkRegularFileSync, describeRefusal, MAX_IMAGE_BYTES } from '../files/regular-file';
import { operations } from '../messages/operations';
import { basename, dirname, resolve } from 'node:path';
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { isInsideFolder } from '../paths-real';
import { urlPath } from '../files/url-path';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import type { SourceEdit } from '../fix/source-edit';

type Rule = (tree: Root, file: VFile) => void;

function warn(file: VFile, ruleId: string, reason: string, node: { position?: RootContent['position'] }, fix?: SourceEdit[]): VFileMessage {
  const message = file.message(reason, { place: node.position?.start, ruleId, source: 'triptyque' });
  if (fix && fix.length > 0) message.fix = fix;
  return message;
}

function startOf(node: { position?: RootContent['position'] }): number | undefined {
  return node.position?.start.offset;
}

function endOf(node: { position?: RootContent['position'] }): number | undefined {
  return node.position?.end.offset;
}

/**
 * Where `found`, seen at `index` in a text node's value, was written: looked up in the source
 * the node's position spans, since a value may differ from what was written (an escape, an
 * entity, words a plugin took out or put in). The node's start when the source does not hold it.
 */
function offsetInSource(source: string, node: { value: string; position?: RootContent['position'] }, index: number, found: string): number | undefined {
  const start = startOf(node);
  const end = endOf(node);
  if (start === undefined || end === undefined) return undefined;
  const written = source.slice(start, end);
  if (written === node.value) return start + index;
  // The same occurrence: as many of them before it in the source as in the value.
  let before = 0;
  for (let at = node.value.indexOf(found); at !== -1 && at < index; at = node.value.indexOf(found, at + 1)) before += 1;
  let at = written.indexOf(found);
  for (; at !== -1 && before > 0; before -= 1) at = written.indexOf(found, at + 1);
  return at === -1 ? undefined : start + at;
}

/** A heading more than one level below the previous one (## then ####). */
const headingIncrement: Rule = (tree, file) => {
  let previous: number | undefined;
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    if (previous !== undefined && node.depth > previous + 1) {
      warn(file, 'heading-increment', `heading level ${node.depth} follows level ${previous}: use level ${previous + 1}`, node, atxDepthFix(file, node, previous + 1));
    }
    previous = node.depth;
  }
};

/** Rewrites the `#` run of an ATX heading; setext headings are left to the author. */
function atxDepthFix(file: VFile, node: Heading, depth: number): SourceEdit[] | undefined {
  const start = startOf(node);
  if (start === undefined || !String(file.value).startsWith('#'.repeat(node.depth), start)) return undefined;
  return [{ start, end: start + node.depth, text: '#'.repeat(depth) }];
}

/** The source of a node's children, without the node's own markers (`**`, `*`). */
function innerSpan(node: { children: { position?: RootContent['position'] }[] }): { start: number; end: number } | undefined {
  const start = node.children[0] && startOf(node.children[0]);
  const end = node.children.at(-1) && endOf(node.children.at(-1)!);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** `### **Title**`: the emphasis is the PDF's styling, not structure. */
const headingEmphasis: Rule = (tree, file) => {
  visit(tree, 'heading', (node: Heading) => {
    const [only] = node.children;
    if (node.children.length === 1 && (only?.type === 'strong' || only?.type === 'emphasis')) {
      const inner = innerSpan(only);
      const fix = inner && startOf(only) !== undefined && endOf(only) !== undefined
        ? [{ start: startOf(only)!, end: inner.start, text: '' }, { start: inner.end, end: endOf(only)!, text: '' }]
        : undefined;
      warn(file, 'heading-emphasis', `heading wrapped in ${only.type === 'strong' ? 'bold' : 'italics'}: remove the \`${only.type === 'strong' ? '**' : '*'}\``, node, fix);
    }
  });
};

/** A bold paragraph standing alone where a heading belongs, or an italic one that can only be a heading. */
const emphasisAsHeading: Rule = (tree, file) => {
  tree.children.forEach((node, index) => {
    if (node.type !== 'paragraph') return;
    const [only] = node.children;
    if (node.children.length === 1 && only?.type === 'strong' && toString(only).length < 200) {
      warn(file, 'emphasis-as-heading', 'a paragraph that is all bold: make it a heading (`##`) or front matter', node, boldHeadingFix(tree, file, node, only));
    } else if (only?.type === 'emphasis' && isItalicPseudoHeading(node, tree.children[index - 1], tree.children[index + 1])) {
      warn(file, 'emphasis-as-heading', 'a short paragraph all in italics before the text: make it a heading (`##`)', node, boldHeadingFix(tree, file, node, only));
    }
  });
};

const MAX_ITALIC_HEADING = 80;

/** A paragraph wholly in italics and nothing else (no bold, link, image or code in it). */
function isAllItalic(node: RootContent | undefined): boolean {
  if (node?.type !== 'paragraph' || node.children.length !== 1 || node.children[0]?.type !== 'emphasis') return false;
  return node.children[0].children.every((child) => child.type === 'text' || child.type === 'break');
}

/** A paragraph of nothing but pictures. */
function isPicture(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.children.every((child) => child.type === 'image' || child.type === 'imageReference' || (child.type === 'text' && child.value.trim() === ''));
}

/**
 * Italics are also how quotes, epigraphs and asides are set, so only the way Word users fake a
 * heading counts: one short line in italics, starting with a capital, with no sentence
 * punctuation in it or at its end, after a heading or body text and followed by body text
 * that is not in italics.
 */
function isItalicPseudoHeading(node: Paragraph, before: RootContent | undefined, after: RootContent | undefined): boolean {
  if (!isAllItalic(node) || node.data?.tableCaption) return false;
  const text = toString(node).trim();
  if (text.length === 0 || text.length > MAX_ITALIC_HEADING || /\n/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || /[.,;:!?…»"”')\]]$/u.test(text) || /[.!?…]\s/u.test(text) || /^[«"“]/u.test(text)) return false;
  // After other italics it is one of a run of quotes; after a picture or a table, or before a
  // picture, its caption; after a paragraph ending in a colon, what that paragraph announces.
  if (isAllItalic(before) || before?.type === 'table' || isPicture(after) || (before?.type === 'paragraph' && (isPicture(before) || /:\s*$/u.test(toString(before))))) return false;
  const wholly = after?.type === 'paragraph' && after.children.length === 1 && (after.children[0]?.type === 'emphasis' || after.children[0]?.type === 'strong');
  return (after?.type === 'paragraph' && !wholly) || after?.type === 'list' || after?.type === 'table';
}

/**
 * A bold (or italic) paragraph becomes a heading one level below the heading before it (the top
 * level when none comes before), its lines joined. A bold sentence (ending in `.` `,` `;`) stays as it is.
 */
function boldHeadingFix(tree: Root, file: VFile, node: Paragraph, emphasis: RootContent & { children: RootContent[] }): SourceEdit[] | undefined {
  const inner = innerSpan(emphasis);
  const start = startOf(node);
  const end = endOf(node);
  if (!inner || start === undefined || end === undefined || /[.,;]\s*$/u.test(toString(emphasis))) return undefined;
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading');
  const before = headings.filter((heading) => (endOf(heading) ?? Infinity) <= start).at(-1);
  const depth = before ? Math.min(before.depth + 1, 6) : Math.min(...headings.map((heading) => heading.depth), 6);
  const text = String(file.value).slice(inner.start, inner.end).replace(/[ \t]*\\?\r?\n[ \t]*/g, ' ').trim();
  return [{ start, end, text: `${'#'.repeat(depth)} ${text}` }];
}

const PSEUDO_BULLET = /^(?:[o•▪◦·§]|-|\*)\s+\S/u;

/** Word's "o" sub-bullets and pasted bullet characters, inside lists or as paragraphs. */
const pseudoBullets: Rule = (tree, file) => {
  const nested = new Set<List>();
  visit(tree, 'listItem', (item) => item.children.forEach((child) => child.type === 'list' && nested.add(child)));
  visit(tree, 'listItem', (item, index, parent) => {
    const first = item.children[0];
    if (first?.type === 'paragraph' && PSEUDO_BULLET.test(toString(first))) {
      const list = parent as List;
      warn(file, 'pseudo-bullet', `list item starts with a pasted bullet "${toString(first).charAt(0)}": remove it and nest the item`, first, pseudoItemFix(file, item, first, nested.has(list) ? undefined : list.children.slice(0, index).reverse()));
    }
  });
  visit(tree, 'paragraph', (node: Paragraph, _index, parent) => {
    if (parent?.type === 'listItem') return;
    if (/^[•▪◦·]\s*\S/u.test(toString(node))) {
      const start = startOf(node);
      const marker = start === undefined ? null : /^[•▪◦·][ \t]*/u.exec(String(file.value).slice(start));
      warn(file, 'pseudo-bullet', 'paragraph starts with a pasted bullet: make it a list item (`- `)', node, marker ? [{ start: start!, end: start! + marker[0].length, text: '- ' }] : undefined);
    }
  });
};

/**
 * Removes the pasted bullet; an item of a top-level list is moved under the nearest item before
 * it that is a real one (every line indented to that item's content), as Word meant.
 */
function pseudoItemFix(file: VFile, item: ListItem, first: Paragraph, earlierSiblings: ListItem[] | undefined): SourceEdit[] | undefined {
  const source = String(file.value);
  const start = startOf(first);
  const marker = start === undefined ? null : /^\\?[o•▪◦·§*-][ \t]+/u.exec(source.slice(start));
  if (!marker) return undefined;
  const edits: SourceEdit[] = [{ start: start!, end: start! + marker[0].length, text: '' }];
  const owner = earlierSiblings?.find((sibling) => !(sibling.children[0]?.type === 'paragraph' && PSEUDO_BULLET.test(toString(sibling.children[0]))));
  const itemStart = startOf(item);
  const itemEnd = endOf(item);
  const ownerContent = owner?.children[0]?.position?.start.column;
  if (owner && ownerContent !== undefined && owner.position && itemStart !== undefined && itemEnd !== undefined) {
    const indent = ' '.repeat(ownerContent - owner.position.start.column);
    for (let at = itemStart; at > 0 && at < itemEnd; at = source.indexOf('\n', at) + 1) {
      if (source[at] !== '\n') edits.push({ start: at, end: at, text: indent });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

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

/** The alt text an import gives a picture it cannot describe: a person must write it. */
export const ALT_PLACEHOLDER = 'Image to describe';

/** A picture without a description (or with an import's placeholder): screen readers and the digest's text part have only its alt text. */
const imageAlt: Rule = (tree, file) => {
  visit(tree, 'image', (node) => {
    if (node.alt?.trim() === ALT_PLACEHOLDER) warn(file, 'image-alt', `image ${node.url} has no description: write what it shows in place of "${ALT_PLACEHOLDER}"`, node);
  });
};

/**
 * In a Marp deck, `<style>` is the author's slide design and the tags Marp renders by default
 * (`<br>`, `<small>`, `<div>`...) are the deck's own: not leftovers to rewrite.
 */
function isMarpHtml(value: string): boolean {
  const tag = /^<\/?([a-z][a-z0-9]*)/i.exec(value.trim())?.[1]?.toLowerCase();
  return tag !== undefined && (tag === 'style' || Object.hasOwn(Marp.html, tag));
}

/** Raw HTML: sanitised per target, and usually a leftover of a conversion. */
const rawHtml: Rule = (tree, file) => {
  visit(tree, 'html', (node, index, parent) => {
    if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
    if (isDeckSource(file)) {
      if (isMarpHtml(node.value)) return;
      // Marp escapes the tags outside its allowlist: the slide shows the code; the brochure and the digest leave it out.
      warn(file, 'deck-html-shown-as-text', `Marp shows \`${node.value.trim().split('\n')[0]!.slice(0, 40)}\` as text on the slide (HTML outside its allowlist is not run); the brochure and the digest leave it out`, node);
      return;
    }
    warn(file, 'raw-html', `raw HTML \`${node.value.trim().slice(0, 40)}\`: write it in Markdown (it is sanitised per target)`, node, ordinalFix(file, node, parent?.children.slice((index ?? 0) - 1, (index ?? 0) + 3)));
  });
};

/** French ordinal suffixes as written in superscript, and the plain form typography sets again. */
const ORDINAL_SUFFIXES: Record<string, string> = { e: 'e', è: 'e', ème: 'e', eme: 'e', es: 'es', èmes: 'es', emes: 'es', er: 'er', re: 're', ère: 're', ers: 'ers', res: 'res', nd: 'nd', nde: 'nde', nds: 'nds', ndes: 'ndes' };

/** `3<sup>ème</sup>` -> `3e`: the pipeline puts ordinals in superscript itself. */
function ordinalFix(file: VFile, open: RootContent, around: RootContent[] | undefined): SourceEdit[] | undefined {
  const [before, self, text, close] = around ?? [];
  if (self !== open || before?.type !== 'text' || text?.type !== 'text' || close?.type !== 'html') return undefined;
  if (!/^<sup>$/i.test((open as { value: string }).value) || !/^<\/sup>$/i.test(close.value) || !/\d$/.test(before.value)) return undefined;
  const suffix = ORDINAL_SUFFIXES[text.value.trim().toLowerCase()];
  const start = startOf(open);
  const end = endOf(close);
  if (!suffix || start === undefined || end === undefined || /^[\p{L}\p{N}]/u.test(String(file.value).slice(end, end + 1))) return undefined;
  return [{ start, end, text: suffix }];
}

function fatal(file: VFile, ruleId: string, reason: string, node: { position?: RootContent['position'] }): void {
  file.message(reason, { place: node.position?.start, ruleId, source: 'triptyque' }).fatal = true;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Images may come from the web or from inside the source's folder, nothing else: a source from a
 * partner must not pull `/etc/passwd` or `file:` URLs into a publication. A path out of the folder
 * (a site's `/img/x.png`, `../assets/x.png`) is never read: the targets show its placeholder. Links
 * are made safe before this (./source/resolve-links).
 */
const unsafePaths: Rule = (tree, file) => {
  const base = file.path ? dirname(resolve(file.path)) : undefined;
  visit(tree, 'image', (node) => {
    const url = node.url.trim();
    if (/^(javascript|vbscript|data|file):/i.test(url) && !/^data:image\/(png|jpe?g|gif|webp);/i.test(url)) {
      fatal(file, 'unsafe-url', `${url.split(':')[0]}: URLs are not allowed in a source (${url.slice(0, 40)})`, node);
      return;
    }
    if (SCHEME.test(url) || !base) return;
    if (!isInsideFolder(url, base)) {
      warn(file, 'image-outside-folder', `image ${url.slice(0, 60)} is outside the source's folder and is not read (a placeholder shows its alt text): copy the file next to the source`, node);
    }
  });
};

/** Local images that are not there: a warning, since every target shows a placeholder and the build goes on. */
const missingImages: Rule = (tree, file) => {
  if (!file.path) return;
  const base = dirname(resolve(file.path));
  visit(tree, 'image', (node) => {
    if (SCHEME.test(node.url)) return;
    const path = resolve(base, urlPath(node.url));
    if (!path.startsWith(`${base}/`)) return;
    const refusal = checkRegularFileSync(path, MAX_IMAGE_BYTES);
    if (refusal?.reason === 'missing') file.message(`image not found: ${node.url} (a placeholder with its alt text is shown instead)`, { place: node.position?.start, ruleId: 'missing-image', source: 'triptyque' });
    else if (refusal) file.message(operations.imageRefused(node.url, describeRefusal(basename(path), refusal)), { place: node.position?.start, ruleId: 'image-not-file', source: 'triptyque' });
  });
};

const SENTENCE_END = /[.!?…:;»)"”*_]\s*$/u;

/**
 * A paragraph that stops mid-sentence and a next one that starts in lower case: a page or column
 * break of the PDF the source was extracted from (interleaved columns show up this way too).
 */
const brokenParagraphs: Rule = (tree, file) => {
  const cuts: number[] = [];
  tree.children.forEach((node, index) => {
    const next = tree.children[index + 1];
    if (node.type !== 'paragraph' || next?.type !== 'paragraph') return;
    const text = toString(node).trimEnd();
    if (text.length >= 60 && !SENTENCE_END.test(text) && /^[a-zà-ÿœ]/u.test(toString(next))) cuts.push(index);
  });
  for (const index of cuts) {
    const node = tree.children[index]!;
    warn(file, 'broken-paragraph', 'paragraph stops mid-sentence and the next starts in lower case: join them, or restore the reading order of interleaved columns', node, pageBreakFix(cuts, index, node, tree.children[index + 1]!));
  }
};

/**
 * A lone cut is a page break: the two paragraphs are joined. Cuts close to one another are
 * interleaved columns, whose reading order only a person can restore: no fix.
 */
function pageBreakFix(cuts: number[], index: number, node: RootContent, next: RootContent): SourceEdit[] | undefined {
  if (cuts.some((other) => other !== index && Math.abs(other - index) <= 3)) return undefined;
  const start = endOf(node);
  const end = startOf(next);
  return start === undefined || end === undefined ? undefined : [{ start, end, text: ' ' }];
}

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

// Hugo shortcodes (`{{< name >}}`, `{{% name %}}`) and Liquid/Jekyll tags (`{% name %}`): a site
// generator expands them, this pipeline prints them as they are.
const TEMPLATE_TAG = /\{\{[<%].*?[%>]\}\}|\{%-?\s.*?-?%\}/gsu;

/** Template tags of the tool the source came from, left as text. */
const templateTags: Rule = (tree, file) => {
  const source = String(file.value);
  const place = location(file);
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(TEMPLATE_TAG)) {
      const offset = offsetInSource(source, node, match.index, match[0]);
      const point = offset === undefined ? node.position?.start : place.toPoint(offset);
      const shown = match[0].length > 40 ? `${match[0].slice(0, 40)}…` : match[0];
      file.message(`template tag \`${shown}\` is printed as it is (a site generator would expand it): write what it stands for in Markdown, or remove it`, { place: point, ruleId: 'template-tag', source: 'triptyque' });
    }
  });
};

// Pandoc's attributes: `# Title {#id .class}` and `[text]{.underline}`, which its Markdown writes
// (from Word, for one) and CommonMark prints as they are.
const HEADING_ATTRIBUTES = /\s*\{[#.][^{}\n]*\}\s*$/u;
const SPAN_ATTRIBUTES = /\[([^\]\n]+)\]\{[^{}\n]*\}/gu;

/** Pandoc attribute blocks left in headings and text; the fix keeps the words and drops the braces. */
const pandocAttributes: Rule = (tree, file) => {
  const source = String(file.value);
  const place = location(file);
  // An edit is offered only where the text node is the source as written (no escape or entity inside).
  const asWritten = (node: { value: string; position?: RootContent['position'] }) => startOf(node) !== undefined && source.slice(startOf(node), endOf(node)) === node.value;
  visit(tree, 'heading', (node: Heading) => {
    const last = node.children.at(-1);
    const match = last?.type === 'text' ? HEADING_ATTRIBUTES.exec(last.value) : null;
    if (!last || last.type !== 'text' || !match) return;
    const fix = asWritten(last) ? [{ start: endOf(last)! - match[0].length, end: endOf(last)!, text: '' }] : undefined;
    warn(file, 'pandoc-attributes', `pandoc attributes \`${match[0].trim()}\` are printed as text: remove them`, node, fix);
  });
  visit(tree, 'paragraph', (node: Paragraph) => {
    const first = node.children[0];
    if (first?.type === 'text' && /^:{3,}[ \t]+\S/u.test(first.value)) {
      warn(file, 'pandoc-attributes', 'pandoc fenced div `::: …` is printed as text: write `:::name` (no space, a plain name) to keep it a block, or remove its `:::` lines', node);
    }
  });
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(SPAN_ATTRIBUTES)) {
      const start = startOf(node);
      const offset = offsetInSource(source, node, match.index, match[0]);
      const message = file.message(`pandoc span \`${match[0].length > 40 ? `${match[0].slice(0, 40)}…` : match[0]}\` is printed with its brackets: keep its text only`, {
        place: offset === undefined ? node.position?.start : place.toPoint(offset),
        ruleId: 'pandoc-attributes',
        source: 'triptyque',
      });
      if (asWritten(node)) message.fix = [{ start: start! + match.index, end: start! + match.index + match[0].length, text: match[1]! }];
    }
  });
};

/** A source whose headings never start: publishable, but without contents or slides per section. */
const noHeadings: Rule = (tree, file) => {
  if (!tree.children.some((node) => node.type === 'heading')) {
    file.message('no headings: the publication will have a single section', { place: { line: 1, column: 1 }, ruleId: 'no-headings', source: 'triptyque' });
  }
};

export const rules: readonly Rule[] = [imageAlt, headingIncrement, headingEmphasis, emphasisAsHeading, pseudoBullets, brokenParagraphs, emptySections, rawHtml, unsafePaths, missingImages, listDepth, longParagraphs, wideTables, unclosedDirectives, templateTags, pandocAttributes, noHeadings];

/**
 * On a deck's slides, heading levels, bold lines and a heading alone (a title slide, a divider)
 * are the author's design, kept as written: not a document's structure to repair.
 */
const DOCUMENT_STRUCTURE_RULES: ReadonlySet<Rule> = new Set([headingIncrement, headingEmphasis, emphasisAsHeading, emptySections]);

/** All lint rules as one unified plugin; they only add messages to the file. */
export const lintRules: Plugin<[], Root> = () => (tree, file) => {
  const deck = isDeckSource(file);
  for (const rule of rules) if (!deck || !DOCUMENT_STRUCTURE_RULES.has(rule)) rule(tree, file);
};

/** A Marp deck source: its slides are the author's. */
function isDeckSource(file: VFile): boolean {
  return (file.data['dialect'] as { name?: string } | undefined)?.name === 'marp';
}
