import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { pageText } from './deck-overflow';
import { missingWords, tempDir, wordsOfText } from './helpers';

/** Real Marp decks written by others (corpus/marp/SOURCES.md), in French and English, with their themes. */
const DECKS = join(import.meta.dirname, 'corpus', 'marp');
const NAMES = [
  'fr-marp-diaporamas.md',
  'fr-automatiser-contenus-cours.md',
  'fr-ia-contenus-cours.md',
  'fr-exemple-marp.md',
  'en-ufal-slides-template.md',
  'en-well-architected-architect.md',
  'en-marp-cli-example.md',
];

const browser = new BrowserService();
afterAll(() => browser.close());

/** Each slide's words and notes as Marp itself renders the file (the count is Marp CLI's page count: one SVG a slide). */
function marpSlides(markdown: string): { slides: string[]; notes: string[] } {
  const { html, comments } = new Marp({
    emoji: { shortcode: false, unicode: false },
    // Math as Marp sets it with KaTeX, the library the deck uses (Marp CLI's MathJax draws it as paths, with no text to compare).
    math: 'katex',
    script: false,
  }).render(markdown, { htmlAsArray: true });
  // Notes are Markdown to a speaker (`**word**`): their words are what the brochure keeps; a commented-out directive is not one.
  // `<!-- fit -->` is Marp's mark of a heading it scales, though Marp lists it among the comments: no speaker's word.
  const notes = comments.flat().filter((note) => !/^\s*fit\s*$/i.test(note)).map((note) =>
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(note.replace(/<!--|-->/g, ' ').replace(/!\[[^\]\n]*\](?:\[[^\]\n]*\]|\([^)\n]*\))?/g, ' ').replace(/^\s*_?(?:class|paginate|header|footer)\s*:.*$/gm, ''))
      .children.map(blockText)
      .join('\n'),
  );
  // A script Marp prints as text (HTML outside its allowlist) is code, not the author's words: the brochure leaves it out, check warns.
  return { slides: html.map((slide) => htmlText(slide.replace(/&lt;script[\s\S]*?&lt;\/script&gt;/g, ' '))), notes };
}

/** The slides Marp draws with a split background (`![bg left:40%](...)`): which, on which side, over what share of the width. */
function marpSplits(markdown: string): { slide: number; side: string; share: number; width: number }[] {
  const { html } = new Marp({ emoji: { shortcode: false, unicode: false }, math: 'katex', script: false }).render(markdown, { htmlAsArray: true });
  return html.flatMap((svg, index) => {
    const layer = /<section[^>]*data-marpit-advanced-background="background"[^>]*>/.exec(svg)?.[0];
    const side = layer && /data-marpit-advanced-background-split="(left|right)"/.exec(layer)?.[1];
    if (!layer || !side) return [];
    const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1] ?? 1280);
    return [{ slide: index + 1, side, share: Number(/--marpit-advanced-background-split:\s*([\d.]+)%/.exec(layer)?.[1] ?? 50) / 100, width }];
  });
}

/** Marp's `<!-- fit -->` headings (auto-scaling, not downscale-only): the slide, the heading's text, and the share of the width its slide gives it. */
function marpFitHeadings(markdown: string): { slide: number; text: string; share: number }[] {
  const { html } = new Marp({ emoji: { shortcode: false, unicode: false }, math: 'katex', script: false }).render(markdown, { htmlAsArray: true });
  return html.flatMap((svg, index) => {
    const layer = /<section[^>]*data-marpit-advanced-background="background"[^>]*>/.exec(svg)?.[0];
    const split = layer && /data-marpit-advanced-background-split/.test(layer) ? Number(/--marpit-advanced-background-split:\s*([\d.]+)%/.exec(layer)?.[1] ?? 50) / 100 : 0;
    // A heading broken with `<br>` is scaled as a block of lines: its first line is what fills the width.
    return [...svg.matchAll(/<h([1-6])[^>]*\sdata-auto-scaling(?=[\s>])[^>]*>([\s\S]*?)<\/h\1>/g)].map((found) => ({ slide: index + 1, text: htmlText(found[2]!.split(/<br\s*\/?>/)[0]!).replace(/\s+/g, ' ').trim(), share: 1 - split }));
  });
}

/** The words pdftotext finds on a page, with their boxes (points). */
function pdfWords(pdf: string, page: number): { text: string; x0: number; x1: number; y0: number; y1: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((found) => ({ x0: Number(found[1]), y0: Number(found[2]), x1: Number(found[3]), y1: Number(found[4]), text: unescape(found[5]!) }));
}

/** The pictures and the text boxes of a slide of deck.pptx, their boxes in the HTML slide's pixels (9525 EMU). */
function pptxShapes(xml: string): { pictures: Box[]; texts: Box[]; boxes: Box[] } {
  const boxOf = (shape: string): Box | undefined => {
    const found = /<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(shape);
    return found ? { x: Number(found[1]) / 9525, y: Number(found[2]) / 9525, w: Number(found[3]) / 9525, h: Number(found[4]) / 9525 } : undefined;
  };
  const shapes = (tag: string) => [...xml.matchAll(new RegExp(`<p:${tag}>[\\s\\S]*?</p:${tag}>`, 'g'))].map((found) => found[0]);
  return {
    pictures: shapes('pic').flatMap((shape) => boxOf(shape) ?? []),
    // Every shape: a web picture (not fetched) is a box that holds its place.
    boxes: [...shapes('pic'), ...shapes('sp')].flatMap((shape) => boxOf(shape) ?? []),
    // The page number is Marp's too over a picture on the right: the slide's text is what must sit beside it.
    texts: shapes('sp').filter((shape) => /<a:t>[^<]*[^\s<]/.test(shape) && !shape.includes('<a:fld')).flatMap((shape) => boxOf(shape) ?? []),
  };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A block's words, one list item or cell apart from the next (`toString` glues them). */
function blockText(node: RootContent): string {
  const blocks = ['list', 'listItem', 'table', 'tableRow', 'blockquote'].includes(node.type) && 'children' in node;
  return blocks ? node.children.map((child) => blockText(child as RootContent)).join(' ') : toString(node);
}

/** What a reader sees of some HTML: its text, an image's alt. */
function htmlText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<(header|footer)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<img [^>]*?alt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(
      /<\/?(?:sup|sub|em|strong|a|code|s|mark|span|small)(?: [^>]*)?>/g,
      '',
    )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Marp's own syntax, which a reader of the brochure or the digest must never see. */
const MARP_SYNTAX =
  /<!--|-->|_class:|_paginate|headingDivider|!\[bg|\bbg left|\bbg right|marp: true|<style/;

describe.each(NAMES)('the Marp deck %s, built as it is', (name) => {
  const source = join(DECKS, name);
  const outDir = tempDir('triptyque-marp-');
  const dir = join(outDir, name.replace(/\.md$/, ''));
  const marp = marpSlides(readFileSync(source, 'utf8'));
  let built: Awaited<ReturnType<typeof build>>;

  it('builds every target with no error', async () => {
    built = await build({
      sources: [source],
      root: PACKAGE_ROOT,
      outDir,
      browser,
    });
    const messages = built.files.flatMap((file) => file.messages);
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([]);
    // A valid deck's directives, styles and Marp HTML are no noise.
    expect(
      messages
        .filter((message) =>
          ['front-matter-ignored', 'raw-html', 'front-matter-invalid'].includes(
            message.ruleId ?? '',
          ),
        )
        .map(String),
    ).toEqual([]);
    expect(built.reports[0]!.ok).toBe(true);
  }, 600_000);

  it('has exactly the slides Marp makes of the file, in deck.pdf and in the report', async () => {
    const pdf = await PDFDocument.load(await readFile(join(dir, 'deck.pdf')));
    expect(pdf.getPageCount()).toBe(marp.slides.length);
    expect(built.reports[0]!.targets.deck!.counts['slides']).toBe(
      marp.slides.length,
    );
  });

  it('shows each slide with Marp’s own text in deck.html', async () => {
    const html = await readFile(join(dir, 'deck.html'), 'utf8');
    const glue = (text: string) => text.replace(/\s+/g, '');
    const shown = glue(htmlText(html));
    expect(marp.slides.filter((slide) => !shown.includes(glue(slide)))).toEqual(
      [],
    );
  });

  it('sets each split background on its side of deck.pptx, as wide as Marp makes it, and the slide’s text beside it', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'deck.pptx')));
    for (const split of marpSplits(readFileSync(source, 'utf8'))) {
      const width = split.width;
      const near = (a: number, b: number) => Math.abs(a - b) <= width * 0.02;
      const { boxes, texts } = pptxShapes(await zip.file(`ppt/slides/slide${split.slide}.xml`)!.async('string'));
      const edge = split.side === 'left' ? split.share * width : (1 - split.share) * width;
      const side = (box: Box) => (split.side === 'left' ? near(box.x, 0) && near(box.x + box.w, edge) : near(box.x, edge) && near(box.x + box.w, width));
      expect(boxes.filter(side), `slide ${split.slide}: a picture on the ${split.side}`).not.toEqual([]);
      const across = texts.filter((text) => !side(text) && (split.side === 'left' ? text.x < edge - width * 0.01 : text.x + text.w > edge + width * 0.01));
      expect(across, `slide ${split.slide}: text over the picture`).toEqual([]);
    }
  });

  it('makes deck.pptx the size of Marp’s slides (4:3 is 10 x 7.5 in), every shape on the slide', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'deck.pptx')));
    const { html } = new Marp({ script: false }).render(readFileSync(source, 'utf8'), { htmlAsArray: true });
    const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(html[0]!)!.map(Number) as [number, number, number];
    // 96 px an inch, 914400 EMU an inch: 9525 EMU a pixel.
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(await zip.file('ppt/presentation.xml')!.async('string'))!;
    expect([Number(size[1]), Number(size[2])]).toEqual([Math.round(width * 9525), Math.round(height * 9525)]);
    if (name === 'fr-marp-diaporamas.md') expect([Number(size[1]), Number(size[2])]).toEqual([9144000, 6858000]);
    const slides = Object.keys(zip.files).filter((part) => /^ppt\/slides\/slide\d+\.xml$/.test(part));
    expect(slides).toHaveLength(marp.slides.length);
    for (const part of slides) {
      const { boxes } = pptxShapes(await zip.file(part)!.async('string'));
      expect(boxes.filter((box) => box.x < 0 || box.y < 0 || box.x + box.w > width + 0.5 || box.y + box.h > height + 0.5), part).toEqual([]);
    }
  });

  it('scales each <!-- fit --> heading to one line as wide as its slide, as Marp does', async () => {
    const pdf = join(dir, 'deck.pdf');
    const width = (await PDFDocument.load(await readFile(pdf))).getPage(0).getWidth();
    for (const fit of marpFitHeadings(readFileSync(source, 'utf8'))) {
      const words = fit.text.split(' ').filter((word) => /\w/.test(word));
      if (words.length === 0) continue;
      const found = pdfWords(pdf, fit.slide).filter((word) => words.includes(word.text));
      const first = found.find((word) => word.text === words[0]);
      const line = found.filter((word) => first && Math.abs(word.y0 - first.y0) < 2);
      expect(line.map((word) => word.text), `slide ${fit.slide}: “${fit.text}” on one line`).toEqual(expect.arrayContaining(words));
      const span = Math.max(...line.map((word) => word.x1)) - Math.min(...line.map((word) => word.x0));
      expect(span, `slide ${fit.slide}: “${fit.text}” as wide as the slide`).toBeGreaterThan(width * fit.share * 0.6);
    }
  });

  it('lists the slides’ titles in the brochure’s contents, none empty', async () => {
    const html = await readFile(join(dir, 'brochure.html'), 'utf8');
    const entries = [...html.matchAll(/<span class="toc-title">([\s\S]*?)<\/span>/g)].map((found) => htmlText(found[1]!).trim());
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry === '' || /\bundefined\b|<!--|-->/.test(entry))).toEqual([]);
  });

  it('keeps every slide’s words and notes in the brochure and the digest’s text, with no Marp syntax', async () => {
    const brochure = await pageText(browser, dir, 'brochure.html');
    // Raw HTML Marp prints escaped (`<div data-marpit-fragment>`) is sanitised out of the brochure, per its policy.
    const expected = [...marp.slides, ...marp.notes].join('\n').replace(/<\/?[a-z][^>]*>/g, ' ');
    expect(missingWords(expected, brochure.replace(/<\/?[a-z][^>]*>/g, ' '), wordsOfText)).toEqual([]);
    // Marp's syntax is printed only where the author shows it as text (in code), as many times as on the slides.
    const count = (text: string) => text.match(new RegExp(MARP_SYNTAX, 'g'))?.length ?? 0;
    const onSlides = count(marp.slides.join('\n'));
    expect(count(brochure)).toBeLessThanOrEqual(onSlides);
    const digest = await readFile(join(dir, 'digest.txt'), 'utf8');
    expect(count(digest)).toBeLessThanOrEqual(onSlides);
    // `<!-- fit -->` marks a heading Marp scales, no line of the speaker's.
    const fitLines = (text: string) => text.match(/^\s*fit\s*$/gim)?.length ?? 0;
    expect(fitLines(brochure)).toBe(0);
    expect(fitLines(digest)).toBe(0);
  }, 120_000);
});
