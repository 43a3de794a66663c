import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontFaceCss, loadTheme, logoDataUrl, themeVariables } from '../../theme/load-theme';
import type { Target, TargetContext, TargetResult } from '../target';
import { brochureHtml } from './brochure-html';
import { cropToTrim } from './crop-to-trim';
import { earlierPageNumbers } from './earlier-page-numbers';
import { imposeBooklet } from './impose-booklet';
import { writeOutline } from './outline';
import { BLEED_MM, MM_TO_PT, PAGE } from './page-geometry';
import { paginate } from './paginate';
import { applyPdfMetadata, documentDate } from './pdf-metadata';
import { makePrintFile } from './print-file';
import { namedDestinationPages } from './read-pdf';
import { keepWholeWords } from './whole-words';
import { emojiFontCss } from '../../theme/emoji-font';
import { publicationText } from '../../model/plain-text';

/** The finished page, A5 portrait, in points. */
export const TRIM = { width: PAGE.width * MM_TO_PT, height: PAGE.height * MM_TO_PT } as const;

/**
 * HTML and PDF of the A5 booklet, plus the same pages imposed for an office printer and a
 * print-shop file. Chromium prints the print shop's variant (with bleed) only: the reading PDF
 * is that print cut to the trim, the same layout, so pagination prints once or twice, not more.
 */
export async function renderBrochure(context: TargetContext): Promise<TargetResult> {
  const { publication } = context;
  const theme = loadTheme(context.settings.theme);
  const shownText = [publication.meta.title, publication.meta.subtitle ?? '', publication.meta.organisation, publicationText(publication, 'brochure')].join('\n');
  const stylesheets = [fontFaceCss(theme, { embed: false }), emojiFontCss(shownText, { embed: false }), themeVariables(theme), await readFile(join(context.themeDir, 'brochure', 'brochure.css'), 'utf8')];
  const logo = theme.logo && { onDark: logoDataUrl(theme, 'dark')!, onLight: logoDataUrl(theme, 'light')!, alt: theme.logo.alt ?? publication.meta.organisation };
  const compose = (bleedMm: number) => (pageNumbers?: ReadonlyMap<string, number>) =>
    brochureHtml(publication, { stylesheets, sourceDir: context.sourceDir, bleedMm, pageNumbers, logo });
  const onBlocked = (url: string) => {
    context.file.message(`brochure: a resource outside the allowed folders was not loaded: ${url}`, { ruleId: 'brochure-blocked-resource', source: 'triptyque' });
  };

  // A rebuild finds the numbers in the brochure it replaces: usually still right, so its HTML
  // is written before any print, and one print may be enough.
  const expected = await earlierPageNumbers(join(context.outDir, 'brochure.pdf'));
  const early = expected ? compose(0)(expected) : undefined;
  const earlyRecord = early ? await context.write('brochure.html', early.html) : undefined;

  const printed = await context.browser.withPage({ allowedRoots: context.allowedRoots, onBlocked }, (page) =>
    paginate(page, { compose: compose(BLEED_MM), workDir: context.outDir, expected }),
  );
  context.progress(`${printed.passes} ${printed.passes === 1 ? 'print' : 'prints'} for the contents page numbers`);
  context.signal?.throwIfAborted();

  const reading = compose(0)(printed.numbers);
  const html = earlyRecord && early?.html === reading.html ? earlyRecord : await context.write('brochure.html', reading.html);

  const date = documentDate();
  const seed = reading.html;
  const brochure = printed.pdf;
  const softHyphensDropped = keepWholeWords(brochure);
  cropToTrim(brochure, { trim: TRIM, bleed: BLEED_MM * MM_TO_PT });
  const places = namedDestinationPages(brochure, reading.contents.map((entry) => entry.id));
  writeOutline(
    brochure,
    reading.contents.map((entry) => ({ title: entry.title, depth: entry.depth, place: places.get(entry.id)! })),
  );
  applyPdfMetadata(brochure, publication.meta, date, seed);
  const brochureBytes = await brochure.save();
  const pages = brochure.getPageCount();
  const brochurePdf = await context.write('brochure.pdf', brochureBytes);

  const booklet = await imposeBooklet(brochureBytes);
  applyPdfMetadata(booklet.pdf, publication.meta, date, `${seed}\nbooklet`);
  const bookletPdf = await context.write('brochure-booklet.pdf', await booklet.pdf.save());

  const print = await makePrintFile(printed.bytes, { trim: TRIM, bleedMm: BLEED_MM });
  applyPdfMetadata(print.pdf, publication.meta, date, `${seed}\nprint`);
  const printPdf = await context.write('brochure-print.pdf', await print.pdf.save());

  context.progress(`${pages} pages, ${booklet.sheets} booklet sheets`);
  return {
    artifacts: [html, brochurePdf, bookletPdf, printPdf],
    counts: {
      pages,
      bookletSheets: booklet.sheets,
      bookletBlankPages: booklet.blanks,
      printPages: print.pages,
      contentsEntries: reading.contents.length,
      chapters: reading.chapters.length,
      paginationPasses: printed.passes,
      softHyphensDropped,
    },
    details: { contents: reading.contents.map((entry) => ({ title: entry.title, depth: entry.depth, page: printed.numbers.get(entry.id) })) },
  };
}

export const brochureTarget: Target = { name: 'brochure', render: renderBrochure };
