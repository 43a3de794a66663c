import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../config/schema';
import { build } from '../../core/build';
import { allSections, publicationText } from '../../model/plain-text';
import type { Publication } from '../../model/types';
import { PACKAGE_ROOT } from '../../paths';
import { loadSource } from '../../source/load-source';
import { bookletOrder } from './booklet-order';
import { comparableText, pdfPageItems, pdfPageTexts } from './pdf-text';
import { tool } from '../../../test/tools';

const SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');
const SLUG = '2010-05-27-travailler-en-reseau';
const A5 = { width: 419.53, height: 595.28 };
const BLEED_PT = 8.504;

let outRoot: string;
let publication: Publication;
let brochure: Uint8Array;
let pageTexts: string[];
let prints: number | undefined;

/** Builds the brochure alone; returns how many times Chromium printed it. */
async function buildBrochure(outDir: string): Promise<number | undefined> {
  const result = await build({ sources: [SOURCE], root: PACKAGE_ROOT, outDir, only: ['brochure'] });
  expect(result.reports[0]?.targets.brochure?.error).toBeUndefined();
  expect(result.ok).toBe(true);
  return result.reports[0]?.targets.brochure?.counts['prints'];
}

const read = (name: string, root = outRoot) => readFile(join(root, SLUG, name)).then((buffer) => new Uint8Array(buffer));

beforeAll(async () => {
  process.env['SOURCE_DATE_EPOCH'] = '1274918400';
  outRoot = await mkdtemp(join(tmpdir(), 'triptyque-brochure-'));
  prints = await buildBrochure(outRoot);
  publication = (await loadSource(SOURCE, settingsSchema.parse({}))).publication!;
  brochure = await read('brochure.pdf');
  pageTexts = await pdfPageTexts(brochure);
});

afterAll(async () => {
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

describe('the brochure a reader gets', () => {
  it('is A5 portrait on every page', async () => {
    const pdf = await PDFDocument.load(brochure);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A5.width, 1);
      expect(page.getHeight()).toBeCloseTo(A5.height, 1);
    }
  });

  it('comes from one print on a first build, its contents numbers written into that print', () => {
    expect(prints).toBe(1);
  });

  it('lists on its contents page the page where each heading really is', () => {
    const contents = comparableText(pageTexts[1] ?? '').toLowerCase();
    const sections = allSections(publication.sections).filter((section) => section.depth <= 3);
    expect(sections.length).toBeGreaterThan(5);
    const firstBodyPage = 3;
    for (const section of sections) {
      const title = comparableText(section.titleText).toLowerCase();
      const listed = new RegExp(`${escapeRegExp(title)}[ .]*(\\d+)`).exec(contents);
      expect(listed, `contents lists "${section.titleText}"`).not.toBeNull();
      const page = pageTexts.findIndex((text, index) => index + 1 >= firstBodyPage && comparableText(text).toLowerCase().includes(title)) + 1;
      expect(page, `"${section.titleText}" is printed`).toBeGreaterThan(0);
      expect(Number(listed![1]), `page of "${section.titleText}"`).toBe(page);
    }
  });

  it('contains every word of the source body, in order', () => {
    // Body pages, without their margin boxes (running head and folio, the first two lines), so a
    // word hyphenated across a page break joins up again.
    const body = comparableText(pageTexts.slice(2, -1).map((text) => text.split('\n').slice(2).join('\n')).join('\n'));
    const words = comparableText(publicationText(publication, 'brochure')).split(' ');
    expect(words.length).toBeGreaterThan(2000);
    let position = 0;
    const missing: string[] = [];
    for (const word of words) {
      const found = body.indexOf(word, position);
      if (found < 0) missing.push(`${word} (after …${body.slice(Math.max(0, position - 40), position)})`);
      else position = found + word.length;
    }
    expect(missing).toEqual([]);
  });

  it('shows the cover, a French date, running heads and folios', () => {
    expect(comparableText(pageTexts[0] ?? '')).toContain('27 mai 2010');
    expect(comparableText(pageTexts[0] ?? '')).toContain(publication.meta.title.replace(/\u202f|\u00a0/g, ' '));
    // Margin boxes come first in the page's text: the running head, then the folio.
    // Page 4 is a left-hand page inside the first part: its head is the part's title.
    expect(comparableText(pageTexts[3] ?? '').startsWith(`${comparableText(publication.sections[0]!.titleText)} 4 `)).toBe(true);
    // Page 3 is a right-hand page: its head is the chapter's (depth-2) title.
    expect(comparableText(pageTexts[2] ?? '').startsWith(`${comparableText(publication.sections[0]!.children[0]!.titleText)} 3 `)).toBe(true);
    // No folio on the covers.
    expect(pageTexts[0]).not.toMatch(/^1$/m);
    expect(pageTexts.at(-1)).not.toMatch(new RegExp(`^${pageTexts.length}$`, 'm'));
  });

  it('embeds every font it uses', () => {
    for (const name of ['brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf']) {
      const report = execFileSync(tool('pdffonts'), [join(outRoot, SLUG, name)], { encoding: 'utf8' });
      const rows = report.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, `${name}: ${row}`).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
      expect(report).toContain('IBMPlexSerif-Regular');
    }
  });

  it('carries metadata, language and bookmarks titled from the model', async () => {
    const pdf = await PDFDocument.load(brochure, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(publication.meta.title);
    expect(pdf.getAuthor()).toBe(publication.meta.author);
    expect(pdf.getSubject()).toBe(publication.meta.subtitle);
    expect(pdf.getCreator()).toBe('Triptyque');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2010-05-27T00:00:00.000Z');
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain('fr');
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const titles = outlineTitles(pdf);
    expect(titles).toEqual(allSections(publication.sections).filter((section) => section.depth <= 3).map((section) => section.titleText));
  });

  it('rebuilds over an earlier brochure in one print, to identical bytes when SOURCE_DATE_EPOCH is set', async () => {
    const second = await mkdtemp(join(tmpdir(), 'triptyque-brochure-'));
    try {
      // The earlier build's report gives brochure.html its numbers before the print (and says the folder is this source's).
      await mkdir(join(second, SLUG), { recursive: true });
      for (const name of ['brochure.pdf', 'report.json']) await copyFile(join(outRoot, SLUG, name), join(second, SLUG, name));
      const passes = await buildBrochure(second);
      expect(passes).toBe(1);
      for (const name of ['brochure.html', 'brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf']) {
        expect(sha256(await read(name, second)), name).toBe(sha256(await read(name)));
      }
    } finally {
      await rm(second, { recursive: true, force: true });
    }
  });
});

describe('the booklet for an office printer', () => {
  it('puts two brochure pages per A4 landscape side, in saddle-stitch order, back cover last', async () => {
    const booklet = await read('brochure-booklet.pdf');
    const pdf = await PDFDocument.load(booklet);
    const sheets = bookletOrder(pageTexts.length);
    expect(pdf.getPageCount()).toBe(sheets.length * 2);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(841.89, 1);
      expect(page.getHeight()).toBeCloseTo(595.28, 1);
    }
    const sides = await pdfPageItems(booklet);
    const expected = sheets.flatMap((sheet) => [sheet.front, sheet.back]);
    sides.forEach((items, index) => {
      const [left, right] = expected[index]!;
      const half = (onLeft: boolean) => comparableText(items.filter((item) => item.x < 841.89 / 2 === onLeft).map((item) => item.text).join(''));
      expect(half(true), `side ${index + 1} left`).toBe(left === null ? '' : comparableText(pageTexts[left - 1]!));
      expect(half(false), `side ${index + 1} right`).toBe(right === null ? '' : comparableText(pageTexts[right - 1]!));
    });
  });
});

describe('the file for a print shop', () => {
  it('has a TrimBox of A5 and a BleedBox 3 mm larger on every side, inside the MediaBox', async () => {
    const pdf = await PDFDocument.load(await read('brochure-print.pdf'));
    expect(pdf.getPageCount() % 4).toBe(0);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(pageTexts.length);
    for (const page of pdf.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      const media = page.getMediaBox();
      expect(trim.width).toBeCloseTo(A5.width, 1);
      expect(trim.height).toBeCloseTo(A5.height, 1);
      expect(trim.x - bleed.x).toBeCloseTo(BLEED_PT, 2);
      expect(trim.y - bleed.y).toBeCloseTo(BLEED_PT, 2);
      expect(bleed.width - trim.width).toBeCloseTo(2 * BLEED_PT, 2);
      expect(bleed.height - trim.height).toBeCloseTo(2 * BLEED_PT, 2);
      expect(bleed.x).toBeGreaterThan(media.x);
      expect(bleed.y).toBeGreaterThan(media.y);
    }
  });

  it('runs the cover colour into the bleed', () => {
    const file = join(outRoot, SLUG, 'brochure-print.pdf');
    // Render page 1 at 72 dpi and read the pixel 1.5 mm outside the trim's top-left corner.
    const ppm = execFileSync(tool('pdftoppm'), ['-r', '72', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '60', '-H', '60', file]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
    const width = Number(header[1]);
    const pixel = (x: number, y: number) => [...ppm.subarray(header[0].length + (y * width + x) * 3, header[0].length + (y * width + x) * 3 + 3)];
    const inBleed = Math.round(34.02 - 4.25);
    expect(pixel(inBleed, inBleed)).toEqual(pixel(inBleed + 10, inBleed + 10));
    expect(pixel(inBleed, inBleed)).not.toEqual([255, 255, 255]);
  });
});

function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFHexString || title instanceof PDFString) titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
