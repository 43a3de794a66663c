import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
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
  const notes = comments.flat().map((note) =>
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
  }, 120_000);
});
