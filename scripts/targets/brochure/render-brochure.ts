import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { TriptyqueError } from '../../errors';
import { fontFaceCss, loadTheme, themeVariables } from '../../theme/load-theme';
import type { Target, TargetContext, TargetResult } from '../target';
import { brochureHtml } from './brochure-html';
import { imposeBooklet } from './impose-booklet';
import { writeOutline } from './outline';
import { BLEED_MM, MM_TO_PT, PAGE } from './page-geometry';
import { fitPagesToSize } from './page-size';
import { paginate, printHtml } from './paginate';
import { applyPdfMetadata, documentDate } from './pdf-metadata';
import { makePrintFile } from './print-file';

/** The finished page, A5 portrait, in points. */
export const TRIM = { width: PAGE.width * MM_TO_PT, height: PAGE.height * MM_TO_PT } as const;

/** HTML and PDF of the A5 booklet, plus the same pages imposed for an office printer and a print-shop file. */
export async function renderBrochure(context: TargetContext): Promise<TargetResult> {
  const { publication } = context;
  const theme = loadTheme(context.settings.theme);
  const stylesheets = [fontFaceCss(theme, { embed: false }), themeVariables(theme), await readFile(join(context.themeDir, 'brochure', 'brochure.css'), 'utf8')];
  const compose = (bleedMm: number) => (pageNumbers?: ReadonlyMap<string, number>) =>
    brochureHtml(publication, { stylesheets, sourceDir: context.sourceDir, bleedMm, pageNumbers });
  const onBlocked = (url: string) => {
    context.file.message(`brochure: a resource outside the allowed folders was not loaded: ${url}`, { ruleId: 'brochure-blocked-resource', source: 'triptyque' });
  };

  const printed = await context.browser.withPage({ allowedRoots: context.allowedRoots, onBlocked }, async (page) => {
    const paginated = await paginate(page, { compose: compose(0), workDir: context.outDir });
    context.progress(`${paginated.passes} passes for the contents page numbers`);
    const numbers = new Map([...paginated.places].map(([id, place]) => [id, place.page]));
    const withBleed = await printHtml(page, compose(BLEED_MM)(numbers).html, context.outDir);
    return { ...paginated, withBleed };
  });
  context.signal?.throwIfAborted();

  const date = documentDate();
  const seed = printed.document.html;
  const reading = await PDFDocument.load(printed.pdf, { updateMetadata: false });
  fitPagesToSize(reading, TRIM.width, TRIM.height);
  writeOutline(
    reading,
    printed.document.contents.map((entry) => ({ title: entry.title, depth: entry.depth, place: printed.places.get(entry.id)! })),
  );
  applyPdfMetadata(reading, publication.meta, date, seed);
  const readingBytes = await reading.save();
  const pages = reading.getPageCount();

  const booklet = await imposeBooklet(readingBytes);
  applyPdfMetadata(booklet.pdf, publication.meta, date, `${seed}\nbooklet`);

  const print = await makePrintFile(printed.withBleed, { trim: TRIM, bleedMm: BLEED_MM });
  const printSourcePages = (await PDFDocument.load(printed.withBleed)).getPageCount();
  if (printSourcePages !== pages) {
    throw new TriptyqueError('RENDER_FAILED', `brochure: the print variant has ${printSourcePages} pages, the brochure ${pages}; bleed must not move the text`);
  }
  applyPdfMetadata(print.pdf, publication.meta, date, `${seed}\nprint`);

  const artifacts = [
    await context.write('brochure.html', printed.document.html),
    await context.write('brochure.pdf', readingBytes),
    await context.write('brochure-booklet.pdf', await booklet.pdf.save()),
    await context.write('brochure-print.pdf', await print.pdf.save()),
  ];
  context.progress(`${pages} pages, ${booklet.sheets} booklet sheets`);
  return {
    artifacts,
    counts: {
      pages,
      bookletSheets: booklet.sheets,
      bookletBlankPages: booklet.blanks,
      printPages: print.pages,
      contentsEntries: printed.document.contents.length,
      chapters: printed.document.chapters.length,
      paginationPasses: printed.passes,
    },
    details: { contents: printed.document.contents.map((entry) => ({ title: entry.title, depth: entry.depth, page: printed.places.get(entry.id)?.page })) },
  };
}

export const brochureTarget: Target = { name: 'brochure', render: renderBrochure };
