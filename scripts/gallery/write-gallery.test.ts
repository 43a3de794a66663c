import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONT_MATTER, tempDir, writeSource } from '../../test/helpers';
import type { BuildReport } from '../artifacts/report';
import { BrowserService } from '../browser/browser-service';
import { DEFAULT_THEME, fontPackageDirs, loadTheme } from '../theme/load-theme';
import { writeFakeOutput } from './fake-output.test-helper';
import { EarlyDrawings } from './thumbnails';
import { writeGallery } from './write-gallery';

const browser = new BrowserService();
const outDir = tempDir('triptyque-gallery-');
const source = writeSource(`${FRONT_MATTER}# Essai\n\nTexte.\n`);
let report: BuildReport;

/** What a person sees on the gallery page, read in Chromium. */
async function readGallery(path: string) {
  return browser.withPage({ allowedRoots: [outDir, ...fontPackageDirs(loadTheme(DEFAULT_THEME))], viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const images = (selector: string) => [...document.querySelectorAll<HTMLImageElement>(selector)].map((img) => ({ alt: img.alt, width: img.naturalWidth, height: img.naturalHeight }));
      return {
        title: document.querySelector('.source h2')?.textContent,
        badge: document.querySelector('.source-head .badge')?.textContent,
        slides: images('.thumbs.slides img'),
        pages: images('.thumbs.pages img'),
        artifacts: [...document.querySelectorAll<HTMLElement>('.artifact')].map((item) => item.innerText.replace(/\s+/g, ' ').trim()),
        diagnostics: [...document.querySelectorAll<HTMLElement>('.diagnostic')].map((item) => item.innerText.replace(/\s+/g, ' ').trim()),
        text: document.body.innerText,
      };
    });
    const digest = page.frames().find((frame) => frame.url().includes('digest.html'));
    return { ...seen, digest: digest ? await digest.evaluate(() => document.body.innerText) : undefined };
  });
}

beforeAll(async () => {
  report = await writeFakeOutput(outDir, { source, slides: 5, pages: 6 });
});

afterAll(() => browser.close());

describe('the build gallery', () => {
  it('shows, for each source, one thumbnail per slide and per brochure page, the digest, the files with their sizes and the diagnostics', async () => {
    const gallery = await writeGallery({ outDir, reports: [report] });
    expect(gallery).toMatchObject({ name: 'index.html', path: join(outDir, 'index.html') });
    const seen = await readGallery(gallery.path);

    expect(seen.title).toBe('Essai');
    expect(seen.badge).toBe('Built, 1 warning');
    expect(seen.slides).toHaveLength(report.targets.deck!.counts['slides']!);
    expect(seen.pages).toHaveLength(report.targets.brochure!.counts['pages']!);
    // Every thumbnail is a real, decoded picture of the right shape: 16:9 slides, A5 pages.
    for (const slide of seen.slides) expect(slide.width / slide.height).toBeCloseTo(16 / 9, 1);
    for (const page of seen.pages) expect(page.width / page.height).toBeCloseTo(420 / 595, 1);
    expect(seen.slides.map((slide) => slide.alt)).toEqual(['Diapositive 1', 'Diapositive 2', 'Diapositive 3', 'Diapositive 4', 'Diapositive 5']);
    expect(seen.digest).toContain('Le courriel de synthèse.');

    const deckHtml = statSync(join(outDir, 'essai', 'deck.html')).size;
    expect(seen.artifacts).toContain(`Slides with presenter view deck.html ${Math.round(deckHtml / 100) / 10} kB`);
    expect(seen.artifacts).toContain('Handout deck-handout.pdf not built');
    expect(seen.artifacts).toContain('Email digest.html 193 B');
    expect(seen.text).toContain('5 slides · 800 ms');
    expect(seen.text).toContain('6 pages · 600 ms');
    expect(seen.diagnostics).toEqual(['WARNING essai.md:12:3 Paragraph of 212 words: it will not fit on a slide long-paragraph']);
  });

  it('keeps thumbnails whose artifact is unchanged and drops the slides a shorter deck lost', async () => {
    const thumbs = join(outDir, 'essai', 'thumbs');
    const page = statSync(join(thumbs, 'page-01.jpg')).mtimeMs;
    const slide = statSync(join(thumbs, 'slide-01.jpg')).mtimeMs;
    const shorter = await writeFakeOutput(outDir, { source, slides: 2, only: ['deck'] });
    await writeGallery({ outDir, reports: [shorter] });
    expect(statSync(join(thumbs, 'page-01.jpg')).mtimeMs).toBe(page);
    expect(statSync(join(thumbs, 'slide-01.jpg')).mtimeMs).toBeGreaterThan(slide);
    expect(readdirSync(thumbs).filter((name) => name.startsWith('slide-')).sort()).toEqual(['slide-01.jpg', 'slide-02.jpg']);
    report = await writeFakeOutput(outDir, { source, slides: 5, only: ['deck'] });
  });

  it('keeps the thumbnails of artifacts written again with the same content (a --force build that changed nothing)', async () => {
    const thumbs = join(outDir, 'essai', 'thumbs');
    await writeGallery({ outDir, reports: [report] });
    const slide = statSync(join(thumbs, 'slide-01.jpg')).mtimeMs;
    const deck = join(outDir, 'essai', 'deck.html');
    writeFileSync(deck, readFileSync(deck));
    await writeGallery({ outDir, reports: [report] });
    expect(statSync(join(thumbs, 'slide-01.jpg')).mtimeMs).toBe(slide);
  });

  it('takes the thumbnails drawn while the build was still running, from the PDF as it was written', async () => {
    const written = await writeFakeOutput(outDir, { source, slides: 3, only: ['deck'] });
    const early = new EarlyDrawings();
    const deckPdf = join(outDir, 'essai', 'deck.pdf');
    early.artifactWritten(deckPdf);
    early.artifactWritten(join(outDir, 'essai', 'deck.md'));
    // Once the drawing started with the PDF is done, the PDF is broken: a drawing made now would fail.
    await (early as unknown as { drawings: Map<string, Promise<Buffer[]>> }).drawings.get(deckPdf);
    writeFileSync(deckPdf, '%PDF-1.7\nthis is not a PDF\n');
    const seen = await readGallery((await writeGallery({ outDir, reports: [written], early })).path);
    expect(seen.slides).toHaveLength(3);
    expect(seen.text).not.toContain('Thumbnails could not be made');
    expect(early.take(deckPdf)).toBeUndefined();
    report = await writeFakeOutput(outDir, { source, slides: 5, only: ['deck'] });
  });

  it('says "not built" for a source whose build failed, and shows its errors with line, column and rule', async () => {
    const failed: BuildReport = {
      ...report,
      slug: 'casse',
      ok: false,
      model: undefined,
      targets: {},
      diagnostics: [{ file: source, line: 3, column: 1, severity: 'error', ruleId: 'source-binary', message: 'binary content (a NUL byte)' }],
    };
    const gallery = await writeGallery({ outDir, reports: [report, failed] });
    const seen = await readGallery(gallery.path);
    expect(seen.text).toContain('2 sources, 1 failed');
    expect(seen.text).toContain('No slides to show: the deck is not built.');
    expect(seen.text).toContain('No pages to show: the brochure PDF is not built.');
    expect(seen.text).toContain('No email to show: the digest is not built.');
    expect(seen.diagnostics).toContain('ERROR essai.md:3:1 binary content (a NUL byte) source-binary');
  });

  it('says why the slides have no thumbnails when deck.pdf cannot be read, and still shows the pages', async () => {
    const dir = join(outDir, 'essai');
    writeFileSync(join(dir, 'deck.pdf'), '%PDF-1.7\nthis is not a PDF\n');
    writeFileSync(join(dir, 'deck.html'), `${readFileSync(join(dir, 'deck.html'), 'utf8')}\n<!-- changed -->`);
    const seen = await readGallery((await writeGallery({ outDir, reports: [report] })).path);
    expect(seen.text).toMatch(/Thumbnails could not be made: slides of deck\.pdf: pdf\.js could not render .*deck\.pdf/);
    expect(seen.pages).toHaveLength(6);
  });
});
