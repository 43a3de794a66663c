import type { PDFDocument } from 'pdf-lib';
import { editContentStreams, type StreamEdit } from '../../pdf/content-streams';

/**
 * Chromium (Skia) keeps every soft hyphen that did not break a line as a blank glyph of no width
 * (the font's space) wrapped in `/Span <</ActualText <FEFF00AD>>> BDC ... EMC`, so copy, search,
 * screen readers and indexers get "ré\u00ADgio\u00ADna..." (poppler, Acrobat) or "ré gio na" (the
 * glyph's own space). The span and the glyph it shows are dropped; the positioning operators
 * inside are kept, so every other glyph stays where it was and the page draws the same. A soft
 * hyphen used at a line end is a real hyphen glyph outside such a span: it stays.
 */
const UNUSED_SOFT_HYPHEN = /\/Span\s*<<\s*\/ActualText\s*<\s*feff\s*00ad\s*>\s*>>\s*BDC\b([\s\S]*?)\bEMC\b/gi;
/** Text-showing operators: `<hex> Tj`, `(literal) Tj`, `[...] TJ` (the glyph of no width). */
const SHOW_TEXT = /(?:<[0-9a-f\s]*>|\((?:\\.|[^\\)])*\))\s*Tj\b|\[[^\]]*\]\s*TJ\b/gi;

/** The edit that drops the unused soft hyphens of a stream, and how many it dropped so far. */
export function wholeWordsEdit(): { edit: StreamEdit; dropped: () => number } {
  let removed = 0;
  const edit: StreamEdit = (text) =>
    text.replace(UNUSED_SOFT_HYPHEN, (span, inner: string) => {
      // A span that holds marked content of its own is not the shape Chromium writes: leave it.
      if (/\bB[DM]C\b/.test(inner)) return span;
      removed++;
      return inner.replace(SHOW_TEXT, ' ');
    });
  return { edit, dropped: () => removed };
}

/** Rewrites the page content streams (and form XObjects) in place; returns how many spans went. */
export function keepWholeWords(pdf: PDFDocument): number {
  const wholeWords = wholeWordsEdit();
  editContentStreams(pdf, [wholeWords.edit]);
  return wholeWords.dropped();
}
