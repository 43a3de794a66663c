import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';

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
  for (const stream of contentStreams(pdf)) {
    // Content streams are bytes; latin1 maps each byte to one char and back unchanged.
    const before = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    let count = 0;
    const after = before.replace(UNUSED_SOFT_HYPHEN, (span, inner: string) => {
      // A span that holds marked content of its own is not the shape Chromium writes: leave it.
      if (/\bB[DM]C\b/.test(inner)) return span;
      count++;
      return inner.replace(SHOW_TEXT, ' ');
    });
    if (count === 0) continue;
    const rewritten = pdf.context.flateStream(Buffer.from(after, 'latin1'));
    // Keep the other entries of the stream's dictionary (a form XObject's BBox, Resources...).
    for (const [key, value] of stream.dict.entries()) {
      if (key !== PDFName.of('Filter') && key !== PDFName.of('Length') && key !== PDFName.of('DecodeParms')) rewritten.dict.set(key, value);
    }
    if (replaceObject(pdf, stream, rewritten)) removed += count;
  }
  return removed;
}

/** The page contents and every form XObject: the streams that draw text. */
function contentStreams(pdf: PDFDocument): PDFRawStream[] {
  const streams = new Set<PDFRawStream>();
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray().map((part) => pdf.context.lookup(part)) : [contents];
    for (const part of parts) if (part instanceof PDFRawStream) streams.add(part);
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) streams.add(object);
  }
  return [...streams];
}

/** Chromium writes every content stream as an indirect object; a direct one is left as it is. */
function replaceObject(pdf: PDFDocument, from: PDFRawStream, to: PDFRawStream): boolean {
  const ref = pdf.context.getObjectRef(from);
  if (!(ref instanceof PDFRef)) return false;
  pdf.context.assign(ref, to);
  return true;
}
