import type { PDFDocument } from 'pdf-lib';
import { formStreams, pageContentStreams, replaceStreamText, streamText } from '../../pdf/content-streams';

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

/** Rewrites the page content streams (and form XObjects) in place; returns how many spans went. */
export function keepWholeWords(pdf: PDFDocument): number {
  let removed = 0;
  // A form drawn by several pages is one stream: rewrite it once.
  const streams = new Map([...pdf.getPages().flatMap((page) => pageContentStreams(pdf, page)), ...formStreams(pdf)].map((entry) => [entry.ref.toString(), entry]));
  for (const entry of streams.values()) {
    const before = streamText(entry.stream);
    let count = 0;
    const after = before.replace(UNUSED_SOFT_HYPHEN, (span, inner: string) => {
      // A span that holds marked content of its own is not the shape Chromium writes: leave it.
      if (/\bB[DM]C\b/.test(inner)) return span;
      count++;
      return inner.replace(SHOW_TEXT, ' ');
    });
    if (count === 0) continue;
    replaceStreamText(pdf, entry, after);
    removed += count;
  }
  return removed;
}
