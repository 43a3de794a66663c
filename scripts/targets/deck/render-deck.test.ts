import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir, writeSource, FRONT_MATTER } from '../../../test/helpers';
import type { BuildReport } from '../../artifacts/report';
import { BrowserService } from '../../browser/browser-service';
import { settingsSchema } from '../../config/schema';
import { build, type BuildResult } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';
import { loadSource } from '../../source/load-source';
import { sourcePieces } from './source-pieces';

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();
const browser = new BrowserService();
afterAll(() => browser.close());

async function buildDeck(source: string): Promise<{ result: BuildResult; dir: string; report: BuildReport }> {
  const outDir = tempDir('triptyque-deck-test-');
  const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
  const report = result.reports[0]!;
  return { result, dir: join(outDir, report.slug), report };
}

async function openPdf(path: string) {
  return getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, isEvalSupported: false }).promise;
}

describe('the deck of the real source', () => {
  let dir: string;
  let report: BuildReport;
  let slides: number;

  beforeAll(async () => {
    const built = await buildDeck(REAL_SOURCE);
    ({ dir, report } = built);
    expect(built.result.files.flatMap((file) => file.messages.filter((m) => m.fatal).map(String))).toEqual([]);
    expect(report.targets.deck?.ok).toBe(true);
    slides = report.targets.deck!.counts['slides']!;
  }, 300_000);

  it('reports slides, splits, shrinks and the talk length', () => {
    const deck = report.targets.deck!;
    expect(slides).toBeGreaterThan(15);
    expect(deck.counts).toHaveProperty('splits');
    expect(deck.counts).toHaveProperty('shrunk');
    expect((deck.details as { talk: { total: string } }).talk.total).toMatch(/^≈\u00a0\d+\u00a0min/);
    expect(report.diagnostics.filter((d) => d.ruleId === 'deck-blocked-request')).toEqual([]);
  });

  it('has no slide whose content overflows, measured in deck.html', async () => {
    const blocked: string[] = [];
    const measures = await browser.withPage({ allowedRoots: [dir], onBlocked: (url) => blocked.push(url), viewport: { width: 1280, height: 720 } }, async (page) => {
      await page.goto(pathToFileURL(join(dir, 'deck.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => Promise.all([...document.fonts].map((font) => font.load())).then(() => undefined));
      return page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
        sections.map((section) => ({ id: section.id, height: section.scrollHeight - section.clientHeight, width: section.scrollWidth - section.clientWidth, client: section.clientHeight })),
      );
    });
    expect(blocked).toEqual([]);
    expect(measures).toHaveLength(slides);
    expect(measures.every((m) => m.client === 720)).toBe(true);
    expect(measures.filter((m) => m.height > 0 || m.width > 0)).toEqual([]);
  });

  it('loses nothing: every paragraph and list item of the source is on a slide or in its notes', async () => {
    const markdown = await readFile(join(dir, 'deck.md'), 'utf8');
    expect(markdown).toMatch(/^---\nmarp: true\ntheme: arifor\npaginate: true\n/);
    const { html, comments } = new Marp({ inlineSVG: false, emoji: { shortcode: false, unicode: false }, math: false, script: false }).render(markdown);
    const text = html.replace(/<\/?(?:sup|sub|em|strong|a|code|s)(?: [^>]*)?>/g, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const corpus = normalise(`${text} ${comments.flat().join(' ')}`).replace(/ ([,.;:!?)])/g, '$1');
    const { publication } = await loadSource(REAL_SOURCE, settingsSchema.parse({}));
    const missing = sourcePieces(publication!).filter((piece) => !corpus.includes(piece.replace(/ ([,.;:!?)])/g, '$1')));
    expect(missing.join('\n')).toBe('');
    expect(comments).toHaveLength(slides);
    expect(comments.slice(1).every((notes) => notes.some((note) => /Temps de parole : ≈/.test(normalise(note))))).toBe(true);
  });

  it('prints deck.pdf with one page per slide, bookmarks from the model and the front matter as metadata', async () => {
    const pdf = await openPdf(join(dir, 'deck.pdf'));
    expect(pdf.numPages).toBe(slides);
    const page = await pdf.getPage(1);
    expect(page.view.map(Math.round)).toEqual([0, 0, 960, 540]);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, string> };
    expect(normalise(info['Title']!)).toBe('Synthèse de la journée du 27 mai 2010');
    expect(info['Author']).toBe('GIP ARIFOR Champagne-Ardenne');
    expect(info['Subject']).toContain('travailler en réseau');
    expect(info['Language']).toBe('fr');
    const outline = (await pdf.getOutline()) ?? [];
    const titles = (items: typeof outline): string[] => items.flatMap((item) => [normalise(item.title), ...titles(item.items)]);
    expect(outline.map((item) => normalise(item.title))).toEqual(['Sommaire', 'Extraits de témoignages régionaux', 'Réseaux, plus-values et abnégation']);
    expect(titles(outline)).toContain('Pôle coopération, réseau innovant pour l’accompagnement des évolutions du secteur sanitaire, social et médico-social');
    expect(titles(outline).filter((title) => title.includes('(suite)'))).toEqual([]);
  });

  it('writes deck.pptx with one slide per page and the speaker notes', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'deck.pptx')));
    const slideFiles = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slideFiles).toHaveLength(slides);
    const notes = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    const all = notes.join(' ');
    expect(all).toContain('Temps de parole');
    expect(all).toContain('groupes de travail sur des thématiques particulières');
  });

  it('prints an A4 speaker handout', async () => {
    const pdf = await openPdf(join(dir, 'deck-handout.pdf'));
    const page = await pdf.getPage(1);
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    expect(pdf.numPages).toBeGreaterThan(3);
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    // The ≈ of the timings is set in a fallback font (not in the theme font's subsets): its own text item.
    expect(text).toMatch(/≈\s+\d+\smin/);
  });
});

describe('the deck to read of the real source (deck.style: read: the prose on the slides)', () => {
  let read: { dir: string; report: BuildReport };

  beforeAll(async () => {
    const seed = await readFile(REAL_SOURCE, 'utf8');
    read = await buildDeck(writeSource(seed.replace(/^---\n/, '---\ndeck: { style: read }\n')));
    expect(read.report.targets.deck?.ok).toBe(true);
  }, 300_000);

  it('sets a slide a little too full smaller, down to deck.minScale and no further, measured in deck.html', async () => {
    const minScale = settingsSchema.parse({}).deck.minScale;
    const { dir, report } = read;
    const sizes = await browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined, viewport: { width: 1280, height: 720 } }, async (page) => {
      await page.goto(pathToFileURL(join(dir, 'deck.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => Promise.all([...document.fonts].map((font) => font.load())).then(() => undefined));
      return page.$$eval('svg[data-marpit-svg] > foreignObject > section.content', (sections) =>
        sections.map((section) => ({ title: section.querySelector('h2')?.textContent ?? '', text: parseFloat(getComputedStyle(section.querySelector('p, li') ?? section).fontSize), overflow: section.scrollHeight - section.clientHeight })),
      );
    });
    const full = Math.max(...sizes.map((size) => size.text));
    const shrunk = sizes.filter((size) => size.text < full - 0.01);
    // The slides the report says were set smaller are the ones whose text is smaller on the page.
    const plain = (title: string) => title.replace(/\u00ad/g, '').replace(/[\s\u00a0\u202f]+/gu, ' ').replace(/ \(suite\)$/, '');
    expect([...new Set(shrunk.map((size) => plain(size.title)))].sort()).toEqual((report.targets.deck!.details as { shrunk: string[] }).shrunk.map(plain).sort());
    expect(shrunk.length).toBeGreaterThan(0);
    for (const size of shrunk) {
      expect(size.text / full, size.title).toBeGreaterThanOrEqual(minScale - 0.005);
      expect(size.overflow, size.title).toBeLessThanOrEqual(0);
    }
  });
});

/** A deck to read: its slides hold whole items, which the fit splits (a deck to speak to cuts them by its word budget first). */
const READ_FRONT_MATTER = FRONT_MATTER.replace(/\n---\n/, '\ndeck: { style: read }\n---\n');

describe('slides too full for the room', () => {
  it('splits a long list into "(suite)" slides that all fit', async () => {
    const items = Array.from({ length: 29 }, (_, index) => `- Point numéro ${index + 1} de la liste, qui prend une ligne ou presque sur la diapositive.`).join('\n');
    const { report, dir } = await buildDeck(writeSource(`${READ_FRONT_MATTER}# Partie\n\n## Une longue liste\n\n${items}\n`));
    expect(report.targets.deck?.ok).toBe(true);
    expect(report.targets.deck!.counts['splits']).toBe(1);
    const markdown = normalise(await readFile(join(dir, 'deck.md'), 'utf8'));
    expect(markdown.match(/## Une longue liste \(suite\)/g)!.length).toBeGreaterThanOrEqual(2);
    for (let index = 1; index <= 29; index += 1) expect(markdown).toContain(`Point numéro ${index} de`);

    // Built again in the same process (as in watch mode), the slides start from the fits measured above and come out the same.
    const again = await buildDeck(writeSource(`${READ_FRONT_MATTER}# Partie\n\n## Une longue liste\n\n${items}\n`));
    // No slide is measured to fit again: the whole deck is rendered once, and measured only as a check.
    expect(again.report.targets.deck!.counts['measured']).toBe(0);
    expect(again.report.targets.deck!.counts['wholeRenders']).toBe(1);
    expect(await readFile(join(again.dir, 'deck.md'), 'utf8')).toBe(await readFile(join(dir, 'deck.md'), 'utf8'));
    // Another list is measured anew, not given the split of the first.
    const shorter = await buildDeck(writeSource(`${READ_FRONT_MATTER}# Partie\n\n## Une longue liste\n\n${items.split('\n').slice(0, 5).join('\n')}\n`));
    expect(shorter.report.targets.deck!.counts['splits']).toBe(0);
  }, 180_000);
});

describe('a slide that ends on a picture not there', () => {
  it('keeps its speaker notes in the notes, not printed on the slide', async () => {
    const source = writeSource(`${FRONT_MATTER}# Partie\n\n## Une capture\n\nLa table se lit désormais avec la version récente du paquet, qui sait ouvrir les fichiers compressés.\n\n![La fenêtre des propriétés](absente.png)\n`);
    const { dir } = await buildDeck(source);
    const { html, comments } = new Marp({ inlineSVG: false, html: true, math: false, script: false }).render(await readFile(join(dir, 'deck.md'), 'utf8'));
    expect(html).not.toContain('--&gt;');
    expect(comments.flat().join(' ')).toContain('qui sait ouvrir les fichiers compressés');
  }, 120_000);
});
