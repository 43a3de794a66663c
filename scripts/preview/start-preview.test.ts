import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir } from '../../test/helpers';
import type { BuildReport } from '../artifacts/report';
import { BrowserService } from '../browser/browser-service';
import { startPreview, type Preview } from './start-preview';

/** One preview of a copy of the real source for the whole file: its first build is shared. */
const root = tempDir('triptyque-preview-');
const source = join(root, 'synthese.md');
const outDir = join(root, 'out');
const original = readFileSync(REAL_SOURCE, 'utf8');
const viewer = new BrowserService();
let preview: Preview;
let report: BuildReport;
let page: Page;

/** GET with the path sent exactly as written: fetch() would tidy the `..` away before sending. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** What the preview page shows, read in Chromium. */
function readPage(target: Page) {
  return target.evaluate(() => ({
    title: document.querySelector('.bar h1')?.textContent,
    slides: [...document.querySelectorAll<HTMLImageElement>('.pane.deck .thumbs.slides img')].filter((img) => img.complete && img.naturalWidth > 0).length,
    pages: [...document.querySelectorAll<HTMLImageElement>('.pane.brochure .thumbs.pages img')].filter((img) => img.complete && img.naturalWidth > 0).length,
    counter: document.querySelector('.slide-counter')?.textContent,
    live: document.querySelector('.live')?.textContent,
  }));
}

async function frameText(target: Page, name: string): Promise<string> {
  const frame = target.frames().find((candidate) => candidate.url().includes(name));
  if (!frame) return '';
  await frame.waitForFunction(() => document.readyState === 'complete');
  return frame.evaluate(() => document.body.innerText);
}

beforeAll(async () => {
  copyFileSync(REAL_SOURCE, source);
  copyFileSync(join(import.meta.dirname, '..', '..', 'triptyque.config.yaml'), join(root, 'triptyque.config.yaml'));
  let firstBuild!: (report: BuildReport) => void;
  const built = new Promise<BuildReport>((resolve) => (firstBuild = resolve));
  preview = await startPreview({
    root,
    sources: [source],
    outDir,
    onEvent: (event) => {
      if (event.type === 'built' && event.result.reports[0]) firstBuild(event.result.reports[0]);
    },
  });
  report = await built;
  page = await (await viewer.browser()).newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  await page.goto(preview.url, { waitUntil: 'load' });
}, 400_000);

afterAll(async () => {
  await viewer.close();
  await preview?.close();
});

describe('triptyque preview', () => {
  it('serves on 127.0.0.1 a page with every slide, every brochure page and the digest', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.ok).toBe(true);
    const slides = report.targets.deck!.counts['slides']!;
    const pages = report.targets.brochure!.counts['pages']!;
    expect(slides).toBeGreaterThan(10);
    expect(pages).toBeGreaterThan(4);
    const seen = await readPage(page);
    expect(seen).toMatchObject({ title: 'Synthèse de la journée du 27 mai 2010', slides, pages, counter: `1 / ${slides}` });
    expect(await frameText(page, 'digest.html')).toContain('Raisons d’être des réseaux');
    // The deck itself is Marp's page, live in the frame, with every slide in it.
    const deck = page.frames().find((frame) => frame.url().includes('deck.html'))!;
    expect(await deck.$$eval('svg[data-marpit-svg]', (svgs) => svgs.length)).toBe(slides);
  });

  it('moves through the deck with the arrow keys and the slide thumbnails', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const deck = page.frames().find((frame) => frame.url().includes('deck.html'))!;
    await deck.waitForFunction(() => location.hash === '#3');
    expect((await readPage(page)).counter).toMatch(/^3 \/ /);
    await page.click('.thumbs.slides li:nth-child(5) a');
    await deck.waitForFunction(() => location.hash === '#5');
    // Marp's own page shows that slide.
    await deck.waitForFunction(() => document.querySelector('svg[data-marpit-svg].bespoke-marp-active') === document.querySelectorAll('svg[data-marpit-svg]')[4]);
  });

  it('refreshes the gallery: one thumbnail per slide and per page, as the report counts them', async () => {
    const gallery = await (await viewer.browser()).newPage();
    try {
      await gallery.goto(`${preview.url}out/index.html`, { waitUntil: 'load' });
      const counts = await gallery.evaluate(() => ({
        slides: document.querySelectorAll('.thumbs.slides img').length,
        pages: document.querySelectorAll('.thumbs.pages img').length,
      }));
      expect(counts).toEqual({ slides: report.targets.deck!.counts['slides'], pages: report.targets.brochure!.counts['pages'] });
    } finally {
      await gallery.close();
    }
  });

  it('answers only requests addressed to itself: another Host (DNS rebinding) gets 403', async () => {
    const { port } = new URL(preview.url);
    expect((await rawGet(preview.url, '/', { host: `localhost:${port}` })).status).toBe(200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`]) {
      const response = await rawGet(preview.url, `/out/${report.slug}/report.json`, { host });
      expect(response.status, host).toBe(403);
      expect(response.body).not.toContain('"slug"');
    }
  });

  it('serves the output folder and nothing outside it', async () => {
    expect((await rawGet(preview.url, `/out/${report.slug}/report.json`)).status).toBe(200);
    for (const path of ['/out/../../../../etc/passwd', '/out/..%2f..%2f..%2f..%2fetc%2fpasswd', '/out/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', `/out/${report.slug}/../../synthese.md`]) {
      const response = await rawGet(preview.url, path);
      expect([403, 404], path).toContain(response.status);
      expect(response.body).not.toContain('root:');
      expect(response.body).not.toContain('title:');
    }
    expect((await rawGet(preview.url, '/out/nothing-here.pdf')).status).toBe(404);
  });

  it('reloads by itself after the source is edited, and shows the change', async () => {
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 400_000 });
    writeFileSync(source, original.replace('title: Synthèse de la journée du 27 mai 2010', 'title: Journée réécrite en direct').replace('## Raisons d', '## Motifs et raisons d'));
    await page.waitForFunction(() => document.querySelector('.live')?.textContent === 'Rebuilding…', { timeout: 30_000 });
    await reloaded;
    expect((await readPage(page)).title).toBe('Journée réécrite en direct');
    expect(await frameText(page, 'digest.html')).toContain('Journée réécrite en direct');
    expect(await frameText(page, 'digest.html')).toContain('Motifs et raisons d’être des réseaux');
  }, 420_000);
});
