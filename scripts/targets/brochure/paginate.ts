import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { TriptyqueError } from '../../errors';
import type { BrochureDocument } from './brochure-html';
import { fillContentsSlots } from './contents-numbers';
import { placeFootnotesAtFoot } from './footnotes-at-foot';
import { firstLinkPages, namedDestinationPages, type HeadingPlace } from './read-pdf';

export interface PaginateOptions {
  /** The HTML to print, with a slot for each contents number (see contents-numbers.ts). */
  document: BrochureDocument;
  /** A folder the page may read, where the HTML is written to be loaded from a file URL. */
  workDir: string;
  /** Prints allowed before giving up on numbers that keep moving (only when slots cannot be filled). */
  maxPrints?: number;
}

export interface Paginated {
  /** The print, opened with pdf-lib, its contents numbers written in (nothing else changed yet). */
  pdf: PDFDocument;
  /** Page (and position) of every heading listed on the contents page. */
  places: Map<string, HeadingPlace>;
  /** The page number of every heading, as printed on the contents page. */
  numbers: Map<string, number>;
  prints: number;
  /** Footnotes read back from the print: on the page of their first call, and elsewhere (after the block that calls them). */
  footnotes: { onCallPage: number; elsewhere: number };
}

/**
 * One print: every heading's page is read from the print's named destinations (the contents
 * links give every heading one) and written into the contents' slots in the PDF. Should the
 * slots not be found (a theme that draws them in a shape `fillContentsSlots` does not know),
 * the numbers are written into the loaded page instead and it is printed again, until the
 * numbers printed are the numbers found.
 */
export async function paginate(page: Page, options: PaginateOptions): Promise<Paginated> {
  const maxPrints = options.maxPrints ?? 3;
  const ids = options.document.contents.map((entry) => entry.id);
  await loadHtml(page, options.document.html, options.workDir);
  // A document without notes is printed as it always was.
  if (options.document.footnotes.length > 0) await placeFootnotesAtFoot(page);
  let written: Map<string, number> | undefined;
  for (let prints = 1; prints <= maxPrints; prints++) {
    const pdf = await PDFDocument.load(await printLoaded(page), { updateMetadata: false });
    const places = namedDestinationPages(pdf, ids);
    const missing = ids.filter((id) => !places.has(id));
    if (missing.length > 0) throw new TriptyqueError('RENDER_FAILED', `brochure: headings not found in the PDF: ${missing.join(', ')}`);
    const numbers = new Map(ids.map((id) => [id, places.get(id)!.page]));
    // The contents come before the first heading: only those pages can hold slots.
    const contentsPages = ids.length > 0 ? Math.min(...numbers.values()) : 0;
    if (written === undefined ? fillContentsSlots(pdf, [...numbers.values()], contentsPages) : ids.every((id) => written!.get(id) === numbers.get(id))) {
      return { pdf, places, numbers, prints, footnotes: footnotePages(pdf, options.document.footnotes) };
    }
    if (!(await fillContentsNumbers(page, numbers))) throw new TriptyqueError('RENDER_FAILED', 'brochure: the contents page numbers could not be written');
    written = numbers;
  }
  throw new TriptyqueError('RENDER_FAILED', `brochure: contents page numbers still moved after ${maxPrints} prints`);
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

/** Prints with the page's own CSS page size, tagged (bookmarks are written from the model). */
async function printLoaded(page: Page): Promise<Uint8Array> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
}

/**
 * Sets each contents entry's page number in the loaded page, as `brochureHtml` writes it (the
 * `.toc-page` of the link to the heading, its slot replaced). False when an entry is not there.
 */
async function fillContentsNumbers(page: Page, numbers: ReadonlyMap<string, number>): Promise<boolean> {
  return page.evaluate((entries: [string, number][]) => {
    const cells = entries.map(([id]) => document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`));
    if (cells.some((cell) => cell === null)) return false;
    cells.forEach((cell, index) => (cell!.textContent = String(entries[index]![1])));
    return true;
  }, [...numbers]);
}

/**
 * How many notes the print shows on the page of their first call: the note's page is its named
 * destination (a link target), the call's the first page with a link to the note (a call at the
 * top of a page has its destination where its heading's margin began, on the page before).
 */
function footnotePages(pdf: PDFDocument, footnotes: BrochureDocument['footnotes']): Paginated['footnotes'] {
  if (footnotes.length === 0) return { onCallPage: 0, elsewhere: 0 };
  const places = namedDestinationPages(pdf, footnotes);
  const calls = firstLinkPages(pdf);
  const onCallPage = footnotes.filter((id) => places.get(id)?.page !== undefined && places.get(id)?.page === calls.get(id)).length;
  return { onCallPage, elsewhere: footnotes.length - onCallPage };
}
