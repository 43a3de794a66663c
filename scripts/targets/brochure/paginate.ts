import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { TriptyqueError } from '../../errors';
import type { BrochureDocument } from './brochure-html';
import { namedDestinationPages, type HeadingPlace } from './read-pdf';

export interface PaginateOptions {
  /** Builds the HTML, with the contents' page numbers once they are known. */
  compose: (pageNumbers?: ReadonlyMap<string, number>) => BrochureDocument;
  /** A folder the page may read, where the HTML is written to be loaded from a file URL. */
  workDir: string;
  /** The numbers an earlier build found: when they still hold, one print is enough. */
  expected?: ReadonlyMap<string, number>;
  /** Passes allowed before giving up on numbers that keep moving. */
  maxPasses?: number;
}

export interface Paginated {
  document: BrochureDocument;
  /** The last print, as printed. */
  bytes: Uint8Array;
  /** The same, opened with pdf-lib (not yet changed). */
  pdf: PDFDocument;
  /** Page (and position) of every heading listed on the contents page. */
  places: Map<string, HeadingPlace>;
  /** The page number of every heading, as printed on the contents page. */
  numbers: Map<string, number>;
  passes: number;
}

/**
 * Chromium has no `target-counter()`: print, read back where each heading landed (the contents
 * links give every heading a named destination), write the numbers in, print again until the
 * numbers printed are the numbers found. The first print uses the expected numbers when there
 * are some (a rebuild: usually right, so done in one print), else a placeholder of the same width.
 */
export async function paginate(page: Page, options: PaginateOptions): Promise<Paginated> {
  const maxPasses = options.maxPasses ?? 3;
  let numbers = options.expected && options.expected.size > 0 ? new Map(options.expected) : undefined;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const document = options.compose(numbers);
    // A print with placeholders is only measured, never kept: it can skip tags and backgrounds.
    const draft = numbers === undefined;
    // Only the contents' numbers change between passes: write them into the page already loaded.
    const reloaded = pass === 1 || !numbers || !(await fillContentsNumbers(page, numbers));
    if (reloaded) await loadHtml(page, document.html, options.workDir);
    const bytes = await printLoaded(page, { draft });
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const ids = document.contents.map((entry) => entry.id);
    const places = namedDestinationPages(pdf, ids);
    const missing = ids.filter((id) => !places.has(id));
    if (missing.length > 0) throw new TriptyqueError('RENDER_FAILED', `brochure: headings not found in the PDF: ${missing.join(', ')}`);
    const found = new Map(ids.map((id) => [id, places.get(id)!.page]));
    if (numbers && ids.every((id) => found.get(id) === numbers?.get(id))) return { document, bytes, pdf, places, numbers: found, passes: pass };
    numbers = found;
  }
  throw new TriptyqueError('RENDER_FAILED', `brochure: contents page numbers still moved after ${maxPasses} passes`);
}

/** Loads the HTML from a file, so fonts and images under the allowed roots load. */
async function loadHtml(page: Page, html: string, workDir: string): Promise<void> {
  const file = join(workDir, `.brochure-${process.pid}-${randomBytes(4).toString('hex')}.html`);
  await writeFile(file, html);
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  } finally {
    await rm(file, { force: true });
  }
}

/** Prints with the page's own CSS page size. A draft has the same layout, without the structure tags and backgrounds. */
async function printLoaded(page: Page, { draft }: { draft: boolean }): Promise<Uint8Array> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return page.pdf({ preferCSSPageSize: true, printBackground: !draft, tagged: !draft, outline: false });
}

/**
 * Sets each contents entry's page number in the loaded page, as `brochureHtml` writes it (the
 * `.toc-page` of the link to the heading). False when an entry is not there: reload instead.
 */
async function fillContentsNumbers(page: Page, numbers: ReadonlyMap<string, number>): Promise<boolean> {
  return page.evaluate((entries: [string, number][]) => {
    const cells = entries.map(([id]) => document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`));
    if (cells.some((cell) => cell === null)) return false;
    cells.forEach((cell, index) => (cell!.textContent = String(entries[index]![1])));
    return true;
  }, [...numbers]);
}
