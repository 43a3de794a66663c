import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
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

/** Local images that are not there. */
const missingImages: Rule = (tree, file) => {
  if (!file.path) return;
  const base = dirname(resolve(file.path));
  visit(tree, 'image', (node) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) return;
    const path = resolve(base, decodeURI(node.url.split(/[?#]/)[0]!));
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
    if (!SENTENCE_END.test(text) && /^[a-zà-ÿœ]/u.test(toString(next))) {
      warn(file, 'broken-paragraph', 'paragraph stops mid-sentence and the next starts in lower case: join them, or restore the reading order of interleaved columns', node);
    }
  });
};

/** A source whose headings never start: publishable, but without contents or slides per section. */
const noHeadings: Rule = (tree, file) => {
  if (!tree.children.some((node) => node.type === 'heading')) {
    file.message('no headings: the publication will have a single section', { place: { line: 1, column: 1 }, ruleId: 'no-headings', source: 'triptyque' });
  }
};

export const rules: readonly Rule[] = [headingIncrement, headingEmphasis, emphasisAsHeading, pseudoBullets, brokenParagraphs, emptySections, rawHtml, missingImages, noHeadings];

/** All lint rules as one unified plugin; they only add messages to the file. */
export const lintRules: Plugin<[], Root> = () => (tree, file) => {
  for (const rule of rules) rule(tree, file);
};
