import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { TriptyqueError } from '../../errors';
import type { BrochureDocument } from './brochure-html';
import { namedDestinationPages, type HeadingPlace } from './read-pdf';

export interface PaginateOptions {
  /** Builds the HTML, with the contents' page numbers once they are known. */
  compose: (pageNumbers?: ReadonlyMap<string, number>) => BrochureDocument;
  /** A folder the page may read, where the HTML is written to be loaded from a file URL. */
  workDir: string;
  /** Passes allowed before giving up on numbers that keep moving. */
  maxPasses?: number;
}

export interface Paginated {
  document: BrochureDocument;
  pdf: Uint8Array;
  /** Page (and position) of every heading listed on the contents page. */
  places: Map<string, HeadingPlace>;
  passes: number;
}

/**
 * Chromium has no `target-counter()`: print once, read back where each heading landed (the
 * contents links give every heading a named destination), write the numbers in, print again.
 * Numbers are the same width as the placeholder, so the second pass normally lands the same.
 */
export async function paginate(page: Page, options: PaginateOptions): Promise<Paginated> {
  const maxPasses = options.maxPasses ?? 3;
  let numbers: Map<string, number> | undefined;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const document = options.compose(numbers);
    const pdf = await printHtml(page, document.html, options.workDir);
    const ids = document.contents.map((entry) => entry.id);
    const places = await namedDestinationPages(pdf, ids);
    const missing = ids.filter((id) => !places.has(id));
    if (missing.length > 0) throw new TriptyqueError('RENDER_FAILED', `brochure: headings not found in the PDF: ${missing.join(', ')}`);
    if (numbers && ids.every((id) => places.get(id)?.page === numbers?.get(id))) return { document, pdf, places, passes: pass };
    numbers = new Map(ids.map((id) => [id, places.get(id)!.page]));
  }
  throw new TriptyqueError('RENDER_FAILED', `brochure: contents page numbers still moved after ${maxPasses} passes`);
}

/** Prints HTML with the page's own CSS page size; loaded from a file so fonts and images under allowed roots load. */
export async function printHtml(page: Page, html: string, workDir: string): Promise<Uint8Array> {
  const file = join(workDir, `.brochure-${process.pid}-${randomBytes(4).toString('hex')}.html`);
  await writeFile(file, html);
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
  } finally {
    await rm(file, { force: true });
  }
}
