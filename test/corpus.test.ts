import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { settingsSchema } from '../scripts/config/schema';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import type { Block, Section } from '../scripts/model/types';
import { loadSource } from '../scripts/source/load-source';
import { sourcePieces } from '../scripts/targets/deck/source-pieces';
import { overflowingSlides, pageText } from './deck-overflow';
import { missingWords, tempDir, words, wordsOfText } from './helpers';

/** Real READMEs from node_modules (see corpus/SOURCES.md); CI builds a varied sample, `CORPUS=all` every one. */
const CORPUS = join(import.meta.dirname, 'corpus');
const SAMPLE = ['csv-parse.md', 'juice.md', 'remark-gfm.md', 'cssfilter.md'];
const documents = process.env['CORPUS'] === 'all' ? readdirSync(CORPUS).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort() : SAMPLE;

const browser = new BrowserService();
afterAll(() => browser.close());

/** What a reader of the source sees, from the syntax tree alone: text, code, alt text, the text inside raw HTML. */
function sourceText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const parts: string[] = [];
  // Inline siblings join as written (`id`s is one word); a block or a table cell ends a word.
  const blocks = new Set(['paragraph', 'heading', 'code', 'html', 'tableCell', 'listItem', 'blockquote', 'footnoteDefinition']);
  // Raw HTML inside a paragraph is inline, like emphasis (`<sup>` joins), except a line break; raw HTML on its own is a block.
  const inline = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
  const visit = (node: Nodes, parent?: Nodes) => {
    // GitHub shows an alert's `[!NOTE]` as a label, not as text; the brochure prints the label in the document's language.
    if (node.type === 'text' && parent?.type === 'paragraph') parts.push(node.value.replace(/^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i, ''));
    else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'break') parts.push('\n');
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(` ${node.alt ?? ''} `);
    else if (node.type === 'html') parts.push(words(node.value.replace(/<!--[\s\S]*?(-->|$)/g, ' ')).join(' '), /^<br\b/i.test(node.value) || !inline.has(parent?.type ?? '') ? '\n' : '');
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node);
    if (blocks.has(node.type) && node.type !== 'html') parts.push('\n');
  };
  visit(tree);
  return parts.join('');
}

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim().replace(/ ([,.;:!?)])/g, '$1');

describe.each(documents)('the README %s, taken as it is', (name) => {
  const source = join(CORPUS, name);
  const outDir = tempDir('triptyque-corpus-');
  const slug = name.replace(/\.md$/, '');
  const dir = join(outDir, slug);
  let built: Awaited<ReturnType<typeof build>>;

  it('builds the deck, the brochure and the digest with no error and no stack trace', async () => {
    built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    const messages = built.files.flatMap((file) => file.messages);
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([]);
    const report = built.reports[0]!;
    const said = [...messages.map((message) => message.reason), ...Object.values(report.targets).map((target) => target.error ?? '')];
    expect(said.filter((text) => /\n\s+at \S/.test(text))).toEqual([]);
    expect(Object.entries(report.targets).filter(([, target]) => !target.ok).map(([target, { error }]) => `${target}: ${error}`)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 600_000);

  it('has no slide that overflows, measured in deck.html', async () => {
    const { count, overflowing } = await overflowingSlides(browser, dir);
    expect(count).toBe(built.reports[0]!.targets.deck!.counts['slides']);
    expect(overflowing).toEqual([]);
  }, 120_000);

  it('keeps every word of the source in the brochure', async () => {
    const brochure = await pageText(browser, dir, 'brochure.html');
    expect(missingWords(sourceText(readFileSync(source, 'utf8')), brochure, wordsOfText)).toEqual([]);
  }, 120_000);

  it('puts every paragraph and list item on a slide or in its notes', async () => {
    const markdown = await readFile(join(dir, 'deck.md'), 'utf8');
    const { html, comments } = new Marp({ inlineSVG: false, emoji: { shortcode: false, unicode: false }, math: false, script: false }).render(markdown);
    const text = html
      // A footnote's number on a slide stands for the reference the model's text leaves out, as in the brochure.
      .replace(/<sup class="footnote-marker">\d+<\/sup>/g, '')
      .replace(/<img [^>]*?alt="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<\/?(?:sup|sub|em|strong|a|code|s)(?: [^>]*)?>/g, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    // Compared without spaces: a hard line break is nothing in the model's text and a space on the slide.
    // A note line shaped like `key:` carries a zero-width space before its colon, so Marp never reads it as a directive.
    const glued = normalise(`${text} ${comments.flat().join(' ')}`.replace(/\u200b/g, '')).replace(/\s+/gu, '');
    const { publication } = await loadSource(source, settingsSchema.parse({}));
    // Prose: code lines, table cells and images are laid out by the deck, their words are checked in the brochure.
    // Raw HTML counts as what a reader sees (its text, an image's alt), on a slide or in the notes.
    const prose = (blocks: Block[]) => blocks.filter((block) => !['code', 'table', 'image'].includes(block.type));
    const sections = (list: Section[]): Section[] => list.map((section) => ({ ...section, blocks: prose(section.blocks), children: sections(section.children) }));
    const missing = sourcePieces({ ...publication!, preamble: prose(publication!.preamble), sections: sections(publication!.sections) }).filter((piece) => !glued.includes(normalise(piece).replace(/\s+/gu, '')));
    expect(missing).toEqual([]);
  });

  it('keeps the digest under its budget', () => {
    const counts = built.reports[0]!.targets.digest!.counts;
    console.info(`${name}: digest ${counts['encodedHtmlBytes']} of ${counts['budgetBytes']} bytes, ${counts['groups']} groups, ${counts['keyPoints']} key points`);
    expect(counts['encodedHtmlBytes']).toBeLessThanOrEqual(counts['budgetBytes']!);
  });
});
