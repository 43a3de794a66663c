import { readFile } from 'node:fs/promises';
// pdf-lib compresses what it writes with Node's zlib (`node-deflate.ts`).
import '../../pdf/node-deflate';
import { join } from 'node:path';
import { fontFaceCss, loadThemeAt, themeFile, logoDataUrl, themeVariables } from '../../theme/load-theme';
import type { Target, TargetContext, TargetResult } from '../target';
import { brochureHtml, type BrochureHtmlOptions } from './brochure-html';
import { cropToTrim } from './crop-to-trim';
import { earlierPageNumbers } from './earlier-page-numbers';
import { imposeBooklet } from './impose-booklet';
import { writeOutline } from './outline';
import { BLEED_MM, MM_TO_PT, PAGE } from './page-geometry';
import { paginate } from './paginate';
import { applyPdfMetadata, documentDate } from './pdf-metadata';
import { makePrintFile } from './print-file';
import { convertToPdfX } from './pdfx';
import { greysOnBlackPlate } from './greys-on-black';
import { wholeWordsEdit } from './whole-words';
import { artifactsEdit, refineStructure } from '../../pdf/tagged-structure';
import { editContentStreams } from '../../pdf/content-streams';
import { emojiFontCss } from '../../theme/emoji-font';
import { publicationText } from '../../model/plain-text';
import { hasMath } from '../../math/has-math';
import { katexCss } from '../../math/katex';

/** The finished page, A5 portrait, in points. */
export const TRIM = { width: PAGE.width * MM_TO_PT, height: PAGE.height * MM_TO_PT } as const;

/**
 * HTML and PDF of the A5 booklet, plus the same pages imposed for an office printer and a
 * print-shop file. Chromium prints once, the print shop's variant (with bleed): the contents
 * numbers are written into that print (contents-numbers.ts), the reading PDF is it cut to the
 * trim (the same layout), and the booklet and the print-shop file are pdf-lib impositions of it.
 */
export async function renderBrochure(context: TargetContext): Promise<TargetResult> {
  const { publication } = context;
  const theme = loadThemeAt(context.themeDir, context.settings.theme);
  const shownText = [publication.meta.title, publication.meta.subtitle ?? '', publication.meta.organisation, publicationText(publication, 'brochure')].join('\n');
  const css = await readFile(themeFile(theme, join('brochure', 'brochure.css')), 'utf8');
  // The numbers of the brochure this build replaces (usually still right; a first build has none).
  const expected = earlierPageNumbers(context.earlier);
  // The print loads fonts from their files; brochure.html, which is kept and may be sent on, carries them.
  const stylesheets = (embed: boolean) => [fontFaceCss(theme, { embed }), emojiFontCss(shownText, { embed }), hasMath(publication) ? katexCss({ embed }) : '', themeVariables(theme), css];
  const logo = theme.logo && { onDark: logoDataUrl(theme, 'dark')!, onLight: logoDataUrl(theme, 'light')!, alt: theme.logo.alt ?? publication.meta.organisation ?? '' };
  const compose = (options: Pick<BrochureHtmlOptions, 'bleedMm' | 'pageNumbers' | 'contentsSlots' | 'portable'>) =>
    brochureHtml(publication, { stylesheets: stylesheets(options.portable === true), sourceDir: context.sourceDir, logo, ...options });
  const onBlocked = (url: string) => {
    context.file.message(`brochure: a resource outside the allowed folders was not loaded: ${url}`, { ruleId: 'brochure-blocked-resource', source: 'triptyque' });
  };

  // The HTML comes before any print, with those numbers: a watch rebuild shows it while Chromium prints.
  const early = compose({ bleedMm: 0, pageNumbers: expected, portable: true });
  const earlyRecord = await context.write('brochure.html', early.html);
  context.turn.htmlWritten();

  // Composed once prints may start: in watch, the other targets' HTML comes first.
  await context.turn.printsMayStart();
  const toPrint = compose({ bleedMm: BLEED_MM, contentsSlots: true });
  const printed = await context.browser.withPage({ allowedRoots: context.allowedRoots, onBlocked, kind: 'brochure', affinity: context.outDir, keep: context.keepPages }, (page) =>
    paginate(page, { document: toPrint, workDir: context.outDir }),
  );
  context.progress(printed.prints === 1 ? 'printed once, contents numbers written in' : `printed ${printed.prints} times: the contents numbers could not be written into the print`);
  context.signal?.throwIfAborted();

  const sameNumbers = early.contents.every((entry) => expected?.get(entry.id) === printed.numbers.get(entry.id));
  const reading = sameNumbers ? early : compose({ bleedMm: 0, pageNumbers: printed.numbers, portable: true });
  const html = sameNumbers ? earlyRecord : await context.write('brochure.html', reading.html);

  const date = documentDate();
  const seed = reading.html;
  const brochure = printed.pdf;
  // One rewrite of the pages' operators: whole words in the text layer, page furniture marked as artifacts.
  const wholeWords = wholeWordsEdit();
  const artifacts = artifactsEdit();
  editContentStreams(brochure, [wholeWords.edit, artifacts.edit]);
  const softHyphensDropped = wholeWords.dropped();
  // The print shop's file takes the pages as printed, with their bleed, before they are cut.
  const print = await makePrintFile(brochure, { trim: TRIM, bleedMm: BLEED_MM });
  applyPdfMetadata(print.pdf, publication.meta, date, `${seed}\nprint`);
  // The embedded pages become form XObjects at flush: only then can their colours be rewritten.
  await print.pdf.flush();
  greysOnBlackPlate(print.pdf);
  const rgbPrintBytes = await print.pdf.save();
  // Ghostscript converts in its own process while the reading PDF and the booklet are made.
  const { printFile, printProfile } = context.settings.brochure;
  const pdfx = printFile === 'rgb' ? undefined : convertToPdfX(rgbPrintBytes, { version: printFile === 'pdfx-3' ? 'pdfx-3' : 'pdfx-4', profile: printProfile });

  // What a reader's software walks: list bodies and notes in the structure.
  const structure = refineStructure(brochure, { noteRole: 'Art' });
  cropToTrim(brochure, { trim: TRIM, bleed: BLEED_MM * MM_TO_PT });
  writeOutline(
    brochure,
    reading.contents.map((entry) => ({ title: entry.title, depth: entry.depth, place: printed.places.get(entry.id)! })),
  );
  applyPdfMetadata(brochure, publication.meta, date, seed);
  const brochureBytes = await brochure.save();
  const pages = brochure.getPageCount();
  const brochurePdf = await context.write('brochure.pdf', brochureBytes);

  const booklet = await imposeBooklet(brochure, { creepMm: context.settings.brochure.creepMm });
  applyPdfMetadata(booklet.pdf, publication.meta, date, `${seed}\nbooklet`);
  const bookletPdf = await context.write('brochure-booklet.pdf', await booklet.pdf.save());
  const converted = (await pdfx) ?? { ok: false as const, reason: undefined };
  if (!converted.ok && converted.reason !== undefined) {
    context.file.message(`brochure: brochure-print.pdf stays in RGB, not PDF/X, because ${converted.reason}.`, { ruleId: 'brochure-print-not-pdfx', source: 'triptyque' });
  }
  const printPdf = await context.write('brochure-print.pdf', converted.ok ? converted.bytes : rgbPrintBytes);

  context.progress(`${pages} pages, ${booklet.sheets} booklet sheets`);
  return {
    artifacts: [html, brochurePdf, bookletPdf, printPdf],
    counts: {
      pages,
      bookletSheets: booklet.sheets,
      bookletBlankPages: booklet.blanks,
      printPages: print.pages,
      printPdfX: converted.ok ? 1 : 0,
      contentsEntries: reading.contents.length,
      chapters: reading.chapters.length,
      prints: printed.prints,
      softHyphensDropped,
      taggedListBodies: structure.listBodies,
      taggedNotes: structure.notes,
      artifactsMarked: artifacts.marked(),
      footnotesOnCallPage: printed.footnotes.onCallPage,
      footnotesElsewhere: printed.footnotes.elsewhere,
    },
    // With each entry's anchor: the next build's guess of the contents numbers (`earlier-page-numbers.ts`).
    details: { contents: reading.contents.map((entry) => ({ id: entry.id, title: entry.title, depth: entry.depth, page: printed.numbers.get(entry.id) })) },
  };
}

export const brochureTarget: Target = { name: 'brochure', render: renderBrochure };
