import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { pdfPageTexts } from '../scripts/targets/brochure/pdf-text';
import { comparableWords, compareWords, printedWords, type PrintedWord, type Unit } from './pandoc-oracle';

/**
 * What a reader finds in the artifacts of `dir`, read the way a reader's tools read them: the
 * brochure's text layer with pdf.js, the deck's slides and speaker notes from deck.html, the
 * digest's plain-text part. Compared with pandoc's reading of the source (pandoc-oracle.ts).
 */

/** The brochure's words as pdf.js reads brochure.pdf, page after page. */
export async function brochureWords(dir: string): Promise<PrintedWord[]> {
  const pages = await pdfPageTexts(new Uint8Array(readFileSync(join(dir, 'brochure.pdf'))));
  return printedWords(pages.join('\n'));
}

const elements = (node: Nodes, test: (element: Element) => boolean, found: Element[] = []): Element[] => {
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) elements(child as Nodes, test, found);
  return found;
};

const classes = (element: Element) => (Array.isArray(element.properties['className']) ? element.properties['className'].map(String) : []);

/** What a reader sees of an element: its text and its images' alt text. */
function seen(element: Element): string {
  const alts = elements(element, (child) => child.tagName === 'img').map((image) => String(image.properties['alt'] ?? ''));
  return `${toText(element, { whitespace: 'pre-wrap' })}\n${alts.join('\n')}`;
}

/** Each slide of deck.html as the audience and the speaker have it: the slide's text, then its notes. */
export function deckSlides(dir: string): string[] {
  const tree: Root = fromHtml(readFileSync(join(dir, 'deck.html'), 'utf8'));
  const sections = elements(tree, (element) => element.tagName === 'section' && element.properties['id'] !== undefined && 'dataTheme' in element.properties);
  const notes = new Map(elements(tree, (element) => classes(element).includes('bespoke-marp-note')).map((note) => [Number(note.properties['dataIndex']), seen(note)]));
  return sections.map((section, index) => `${seen(section)}\n${notes.get(index) ?? ''}`);
}

/** How many slides past its first one a block may run on: a list, a table or code cut onto "(suite)" slides. */
const SPREAD = 8;

/**
 * Each block of the source (pandoc's reading) the deck lacks: one is found when its words are
 * on a slide or in its notes, in order, starting no earlier than the block before it started.
 * The slide's own wording is free (a lead sentence, a shorter line): the words are looked for
 * in the slide and its notes together.
 */
export function blocksMissingFromDeck(units: readonly Unit[], slides: readonly string[]): string[] {
  const perSlide = slides.map((slide) => comparableWords(slide).map((word) => ({ word, broken: false })));
  const missing: string[] = [];
  let from = 0;
  for (const unit of units) {
    const words = comparableWords(unit.text);
    if (words.length === 0) continue;
    let start = from;
    while (start < perSlide.length && compareWords(words, perSlide.slice(start, start + SPREAD).flat()).outOfOrder) start++;
    if (start === perSlide.length) missing.push(`${unit.kind}: ${unit.text.slice(0, 80)}`);
    else from = start;
  }
  return missing;
}

/** The digest's plain-text part, as digest.txt has it. */
export function digestWords(dir: string): PrintedWord[] {
  return printedWords(readFileSync(join(dir, 'digest.txt'), 'utf8'));
}
