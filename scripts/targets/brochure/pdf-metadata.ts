import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';
import { setXmpMetadata } from '../../pdf/xmp';
import { TOOL_VERSION } from '../../artifacts/tool-version';
import type { Metadata } from '../../model/types';

/** The build's date: SOURCE_DATE_EPOCH when set, so the same input gives the same bytes. */
export function documentDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/**
 * Title, author, subject, language, creator, dates and the document ID. Chromium's own values
 * (its timestamps, its random-looking ID, its XMP packet) are replaced: the ID is derived from
 * `seed` (what the file is made of) and the date, so it only changes when the input does.
 */
export function applyPdfMetadata(pdf: PDFDocument, meta: Metadata, date: Date, seed: string): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subtitle ?? meta.description ?? meta.title);
  const keywords = [meta.organisation, meta.event].filter((word): word is string => Boolean(word));
  const producer = `Triptyque ${TOOL_VERSION} (Chromium, pdf-lib)`;
  pdf.setKeywords(keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('Triptyque');
  pdf.setProducer(producer);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  // Chromium's XMP packet (its own dates and producer) gives way to one of the same values as above.
  setXmpMetadata(pdf, { title: meta.title, lang: meta.lang, author: meta.author, subject: meta.subtitle ?? meta.description ?? meta.title, keywords: keywords.join(' '), creatorTool: 'Triptyque', producer, date });
  const id = createHash('md5').update(seed).update(date.toISOString()).digest('hex');
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
