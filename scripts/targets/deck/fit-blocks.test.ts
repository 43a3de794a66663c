import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksMissingFromDeck, deckSlides } from '../../../test/artifact-words';
import { tempDir, writeSource } from '../../../test/helpers';
import { pandocUnits } from '../../../test/pandoc-oracle';
import type { BuildReport } from '../../artifacts/report';
import { BrowserService } from '../../browser/browser-service';
import { build, type BuildResult } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();
const browser = new BrowserService();
afterAll(() => browser.close());

/** A PNG of `width` x `height` pixels (a gradient), written by hand: no image library needed. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const code = Array.from({ length: 60 }, (_, i) => `  const value${i + 1} = compute(input, ${i + 1}); // step ${i + 1}${i % 9 === 0 ? ' with a trailing comment long enough to run past the right edge of any slide, so it must wrap' : ''}`).join('\n');
const nested = Array.from({ length: 2 }, (_, i) => [`- Topic ${i + 1} with its own short text`, ...Array.from({ length: 19 }, (_, j) => `  - Subtopic ${i + 1}.${j + 1} explained in a few words`)].join('\n')).join('\n');
const rows = Array.from({ length: 30 }, (_, i) => `| ${i + 1} | Row ${i + 1} name | ${(i + 1) * 3} | Some description of row ${i + 1} |`).join('\n');
const paragraph = [
  'In the main hall M. Dupont opened the session, etc. and presented the figures for the year.',
  'Everyone agreed that the results were better than expected, although several members said the budget should be reviewed before the summer.',
  'A long discussion followed about the priorities of the network, the role of each partner and the calendar of the next meetings, which will take place in three different cities.',
  'The secretary will send the minutes to all members within two weeks; comments are welcome until the end of the month.',
  'Finally the chair thanked the hosts for their warm welcome and closed the session at noon after a short vote, and everyone went home.',
  'Before leaving, the members agreed to meet again in the autumn to review the progress of the projects and to welcome two new partners into the network.',
].join(' ');
const contents = Array.from({ length: 15 }, (_, i) => [`- [Section number ${i + 1} of the guide](#section-${i + 1})`, `  - [Part ${i + 1}.1](#part-${i + 1}-1)`, `  - [Part ${i + 1}.2](#part-${i + 1}-2)`].join('\n')).join('\n');
const heading = 'A very long heading that goes on and on about the many aspects of the subject that the author wanted to name all at once in the title of the section';

// A deck to read: its slides hold whole blocks for the fit to cut (a deck to speak to cuts lists by its word budget first).
const HARD = `---
title: Hard blocks
date: 2024-01-01
lang: en
deck: { style: read }
---

# Hard blocks

## Contents

${contents}

## A long code block

\`\`\`js
${code}
\`\`\`

## A nested list

${nested}

## A table

| # | Name | Count | Description |
| --- | --- | --: | --- |
${rows}

## A long paragraph

${paragraph}

## ${heading}

Short text under the long heading.

## A big image

![A tall gradient](big.png)

## Only subsections

### First subsection

Some text.

### Empty subsection

## Quote

> ${paragraph}
`;

interface Built {
  result: BuildResult;
  report: BuildReport;
  dir: string;
}

async function buildDeck(source: string, prepare?: (dir: string) => void): Promise<Built> {
  const outDir = tempDir('triptyque-fit-test-');
  const slug = source.split('/').at(-1)!.replace(/\.md$/, '');
  prepare?.(join(outDir, slug));
  const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
  const report = result.reports[0]!;
  return { result, report, dir: join(outDir, report.slug) };
}

/** Each slide of deck.html as the room sees it: overflow, classes, text of its parts. */
async function measureDeckHtml(dir: string) {
  return browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined, viewport: { width: 1280, height: 720 } }, async (page) => {
    await page.goto(pathToFileURL(join(dir, 'deck.html')).href, { waitUntil: 'load' });
    await page.evaluate(() => Promise.all([...document.fonts].map((font) => font.load())).then(() => undefined));
    return page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
      sections.map((section) => {
        const box = section.getBoundingClientRect();
        const style = getComputedStyle(section);
        const inner = box.bottom - parseFloat(style.paddingBottom);
        const image = section.querySelector('img');
        return {
          height: section.scrollHeight - section.clientHeight,
          width: section.scrollWidth - section.clientWidth,
          // Every element ends inside the padding box (Marp's section crops what does not).
          lowest: Math.max(0, ...[...section.children].filter((child) => !['HEADER', 'FOOTER'].includes(child.tagName)).map((child) => child.getBoundingClientRect().bottom)) - inner,
          classes: section.className,
          title: (section.querySelector('h1, h2')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '),
          content: [...section.children].filter((child) => !['HEADER', 'FOOTER', 'H1', 'H2'].includes(child.tagName)).map((child) => child.textContent ?? '').join(' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim(),
          tableHeader: section.querySelector('table thead')?.textContent?.replace(/\s+/g, ' ').trim(),
          image: image ? { height: image.getBoundingClientRect().height, loaded: image.naturalWidth > 0 } : undefined,
        };
      }),
    );
  });
}

describe('a source of blocks too big for a slide', () => {
  let built: Built;
  let slides: Awaited<ReturnType<typeof measureDeckHtml>>;
  let source: string;

  beforeAll(async () => {
    source = writeSource(HARD, 'hard.md');
    const image = png(1200, 1800);
    writeFileSync(join(dirname(source), 'big.png'), image);
    // The image only beside the source, as a user has it: the deck finds it there.
    built = await buildDeck(source);
    slides = await measureDeckHtml(built.dir);
  }, 300_000);

  it('builds a deck with no slide that overflows, measured in deck.html', () => {
    expect(built.result.files.flatMap((file) => file.messages.filter((m) => m.fatal).map(String))).toEqual([]);
    expect(built.report.targets.deck?.ok).toBe(true);
    expect(slides).toHaveLength(built.report.targets.deck!.counts['slides']!);
    expect(slides.filter((slide) => slide.height > 0 || slide.width > 0 || slide.lowest > 0.5)).toEqual([]);
  });

  it('loses nothing: every paragraph and list item is on a slide or in its notes', async () => {
    const markdown = await readFile(join(built.dir, 'deck.md'), 'utf8');
    const { html } = new Marp({ inlineSVG: false, emoji: { shortcode: false, unicode: false }, math: false, script: false }).render(markdown);
    // Every block pandoc reads in the source, on a slide or in its notes, in order (code lines and table rows are also checked one by one).
    expect(blocksMissingFromDeck(pandocUnits(await readFile(source, 'utf8')), deckSlides(built.dir))).toEqual([]);
    // Each code line once on a slide, none cropped.
    const shown = html.replace(/<[^>]+>/g, '');
    for (let line = 1; line <= 60; line += 1) expect(shown).toContain(`const value${line} = compute(input, ${line});`);
  });

  it('cuts the table between rows and repeats its header on every slide of it', () => {
    const tableSlides = slides.filter((slide) => slide.tableHeader !== undefined);
    expect(tableSlides.length).toBeGreaterThan(1);
    expect(new Set(tableSlides.map((slide) => slide.tableHeader))).toEqual(new Set(['# Name Count Description']));
    for (let row = 1; row <= 30; row += 1) expect(tableSlides.some((slide) => slide.content.includes(`Row ${row} name`))).toBe(true);
  });

  it('cuts a nested list inside an item, repeating the parent item marked as continued', () => {
    const listSlides = slides.filter((slide) => slide.title.startsWith('A nested list'));
    expect(listSlides.length).toBeGreaterThan(1);
    const continued = listSlides.slice(1).filter((slide) => /^Topic \d with its own short text \(continued\)/.test(slide.content));
    expect(continued.length).toBeGreaterThan(0);
  });

  it('shows the lead sentence of the long paragraph, the whole of it in the notes', async () => {
    expect(paragraph.length).toBeGreaterThan(800);
    // Its part's divider comes first (the document's one top-level heading is its title): the content slide after it.
    const slide = slides.find((each) => each.title === 'A long paragraph' && /content/.test(each.classes))!;
    expect(slide.content).toBe('In the main hall M. Dupont opened the session, etc. and presented the figures for the year.');
    const deck = built.report.targets.deck!;
    expect((deck.details as { movedToNotes: { line?: number }[] }).movedToNotes.length).toBeGreaterThan(0);
  });

  it('sets the long heading smaller, scales the big image to the room left and makes no empty slide', () => {
    const long = slides.find((slide) => slide.title.startsWith('A very long heading') && /content/.test(slide.classes))!;
    expect(long.classes).toMatch(/title-\d\d/);
    const image = slides.find((slide) => slide.title === 'A big image' && /content/.test(slide.classes))!.image!;
    expect(image.loaded).toBe(true);
    expect(image.height).toBeLessThan(720 - 78 - 76 - 60);
    expect(slides.filter((slide) => /content/.test(slide.classes) && slide.content === '' && !slide.image)).toEqual([]);
    expect(slides.some((slide) => slide.title.startsWith('Empty subsection'))).toBe(false);
    const details = built.report.targets.deck!.details as { cut: { kind: string }[]; titlesShrunk: string[] };
    expect(new Set(details.cut.map((entry) => entry.kind))).toEqual(new Set(['items', 'rows', 'lines']));
    expect(details.titlesShrunk.length).toBeGreaterThan(0);
  });
});

describe('what the author forced onto a slide', () => {
  it('fails with deck-overflow at the line of a :::keep block no slide can hold, and says what to do', async () => {
    const huge = 'Un paragraphe démesuré que l’auteur veut garder entier sur la diapositive. '.repeat(40);
    const { result, report } = await buildDeck(writeSource(`---\ntitle: Essai\ndate: 2024-01-15\n---\n\n# Partie\n\nIntroduction.\n\n:::keep\n${huge}\n:::\n`));
    expect(report.targets.deck?.ok).toBe(false);
    const overflow = result.files[0]!.messages.find((message) => message.ruleId === 'deck-overflow');
    expect(overflow?.fatal).toBe(true);
    expect(overflow?.line).toBe(11);
    expect(overflow?.reason).toMatch(/:::keep/);
  }, 180_000);

  it('builds a list item no slide can hold without :::keep, its lead on the slide and the whole in the notes', async () => {
    const huge = 'Un élément de liste démesuré qui ne tiendra sur aucune diapositive. '.repeat(40).trim();
    const { report, dir } = await buildDeck(writeSource(`---\ntitle: Essai\ndate: 2024-01-15\n---\n\n# Partie\n\nIntroduction.\n\n- ${huge}\n`));
    expect(report.targets.deck?.ok).toBe(true);
    const markdown = await readFile(join(dir, 'deck.md'), 'utf8');
    expect(normalise(markdown)).toContain(normalise(huge));
  }, 180_000);
});
