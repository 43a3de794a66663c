import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../../test/helpers';
import { build } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';
import { brochureHtml } from './brochure-html';

const SOURCE = `---
title: Notes
lang: en
---

# Part

A first claim[^source] in one paragraph.

A second claim[^other] in another, and the first again[^source].

[^other]: The other note.
[^source]: Where the first claim comes from.
`;

describe('footnotes in brochure.html', () => {
  it('are set apart as notes, each led by the number its calls show, call and note linked both ways', async () => {
    const { publication } = await loadMarkdown(SOURCE);
    const { html, footnotes } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    const notes = [...html.matchAll(/<aside class="footnote" id="(fn-\d+)" role="doc-footnote">(.*?)<\/aside>/g)].map((match) => `${match[1]}: ${match[2]!.replace(/<[^>]+>/g, '').replace(/\u00ad/g, '')}`);
    expect(notes).toEqual(['fn-2: 2 The other note.', 'fn-1: 1 Where the first claim comes from.']);
    const calls = html.match(/<p>[^]*?claim[^]*?<\/p>/g)!.map((p) => [...p.matchAll(/<a href="#(fn-\d+)" id="([\w-]+)" class="footnote-call"><sup class="footnote-marker">(\d+)<\/sup><\/a>/g)].map((m) => `${m[3]} ${m[1]} ${m[2]}`)).filter((row) => row.length > 0);
    expect(calls).toEqual([['1 fn-1 fnref-1'], ['2 fn-2 fnref-2', '1 fn-1 fnref-1-2']]);
    expect(html).toContain('<a href="#fnref-1" class="footnote-back"><sup class="footnote-marker">1</sup></a>');
    expect(footnotes).toEqual(['fn-1', 'fn-2']);
  });
});

/** A report of three sections, a note called every other paragraph and from a list, some notes two lines long. */
function notedReport(): { markdown: string; notes: number } {
  const words = 'the council agreed that regional networks need shared tools and a common calendar so that every partner can plan training sessions with the others across the whole territory'.split(' ');
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const sentence = (length: number) => Array.from({ length }, () => words[next() % words.length]).join(' ');
  const parts: string[] = ['---\ntitle: Notes at the foot\nlang: en\n---\n\n# First part\n'];
  let note = 0;
  for (let section = 1; section <= 3; section++) {
    parts.push(`## Section ${section}\n`);
    for (let paragraph = 0; paragraph < 7; paragraph++) {
      const text = sentence(40 + (next() % 50));
      parts.push(paragraph % 2 === 0 ? `Claim ${text}[^n${++note}] ${sentence(12)}.\n` : `Text ${text}.\n`);
    }
    parts.push(`- A list item with a note[^n${++note}] inside\n- Another item\n`);
  }
  for (let number = 1; number <= note; number++) parts.push(`[^n${number}]: Note ${number} says where the claim comes from.${number % 3 === 0 ? ' More words make this note run over two lines of the page, as notes often do.' : ''}\n`);
  return { markdown: parts.join('\n'), notes: note };
}

describe('footnotes in brochure.pdf, read back with pdf.js', () => {
  const { markdown, notes } = notedReport();
  let pages: { text: string; links: string[]; lines: { y: number; text: string }[] }[];
  let destinations: Map<string, number>;
  let counts: Record<string, number>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'triptyque-footnotes-'));
    const source = join(dir, 'notes.md');
    await writeFile(source, markdown);
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir: join(dir, 'out'), only: ['brochure'] });
    expect(result.ok).toBe(true);
    counts = result.reports[0]!.targets.brochure!.counts;
    const pdf = await getDocument({ data: new Uint8Array(await readFile(join(dir, 'out', 'notes', 'brochure.pdf'))), verbosity: 0 }).promise;
    pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const lines = (await page.getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ y: item.transform[5] as number, text: item.str }] : []));
      const text = lines.map((line) => line.text).join(' ');
      // A link of no height is where an inline box began at the page's foot, drawn on the next page.
      const links = (await page.getAnnotations()).filter((annotation) => annotation.subtype === 'Link' && typeof annotation.dest === 'string' && Math.abs(annotation.rect[3] - annotation.rect[1]) >= 1).map((annotation) => annotation.dest as string);
      pages.push({ text, links, lines });
    }
    destinations = new Map();
    for (let number = 1; number <= notes; number++) {
      const destination = await pdf.getDestination(`fn-${number}`);
      if (destination) destinations.set(`fn-${number}`, (await pdf.getPageIndex(destination[0] as { num: number; gen: number })) + 1);
      // The call is where its link to the note is drawn.
      const callPage = pages.findIndex((page) => page.links.includes(`fn-${number}`));
      if (callPage >= 0) destinations.set(`fnref-${number}`, callPage + 1);
    }
  }, 300_000);

  it('sets every note at the foot of the page that calls it: the note below all the text of that page', () => {
    expect(counts['footnotesOnCallPage']).toBe(notes);
    expect(counts['footnotesElsewhere']).toBe(0);
    for (let number = 1; number <= notes; number++) {
      const page = destinations.get(`fnref-${number}`);
      expect(page, `call ${number}`).toBeDefined();
      expect(destinations.get(`fn-${number}`), `note ${number}`).toBe(page);
      const text = pages[page! - 1]!.text.replace(/\s+/g, ' ');
      expect(text, `page ${page}`).toContain(`Note ${number} says`);
      // Below the text: nothing of the body follows the page's notes.
      const after = text.slice(text.lastIndexOf('says where the claim comes from'));
      expect(after).not.toMatch(/Claim|Text |Another item/);
    }
  });

  it('fills a page down to its notes: a paragraph that does not fit above them is cut between its lines', () => {
    const bodyTop = 595 - 50;
    // Pages with notes whose text goes on on the next page (not a section's last page).
    const gaps = pages.flatMap((page, index) => {
      const notes = page.lines.filter((line) => /^Note \d+ says/.test(line.text));
      const nextFirst = pages[index + 1]?.lines.filter((line) => line.y < bodyTop).sort((a, b) => b.y - a.y)[0]?.text;
      // (the last page is the back cover)
      if (notes.length === 0 || index + 2 >= pages.length || nextFirst === undefined || /^(Section \d|Part)/.test(nextFirst)) return [];
      const notesTop = Math.max(...notes.map((line) => line.y));
      // The body's last line: above the notes (whose raised numbers sit a few points higher), below the running head.
      const bodyBottom = Math.min(...page.lines.filter((line) => line.y > notesTop + 6 && line.y < bodyTop).map((line) => line.y));
      return [Math.round(bodyBottom - notesTop)];
    });
    expect(gaps.length).toBeGreaterThan(1);
    // The rule above the notes and its space, and at most one line's room more (a line is 12.5 pt).
    for (const gap of gaps) expect(gap, gaps.join(' ')).toBeLessThan(45);
  });

  it('links each call to its note and each note back to its call, in the PDF', () => {
    for (let number = 1; number <= notes; number++) {
      const page = pages[destinations.get(`fn-${number}`)! - 1]!;
      expect(page.links).toContain(`fn-${number}`);
      expect(page.links).toContain(`fnref-${number}`);
    }
  });

  it('numbers the notes through the document, in the order they are called', () => {
    const order = pages.flatMap((page) => [...page.text.matchAll(/Note (\d+) says/g)].map((match) => Number(match[1])));
    expect(order).toEqual(Array.from({ length: notes }, (_, index) => index + 1));
  });
});
