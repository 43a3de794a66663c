import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

/** The streams that draw one page, in order (Chromium writes one; pdf-lib may wrap it in more). */
export function pageContentStreams(pdf: PDFDocument, page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray().map((part) => pdf.context.lookup(part)) : [contents];
  return parts.filter((part): part is PDFRawStream => part instanceof PDFRawStream);
}

/** Every form XObject of the document (what a page draws through `Do`). */
export function formStreams(pdf: PDFDocument): PDFRawStream[] {
  const forms: PDFRawStream[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) forms.push(object);
  }
  return forms;
}

/** A content stream's operators as text: latin1 maps each byte to one char and back unchanged. */
export function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/**
 * Puts `text` in place of `stream`'s content, compressed, keeping the stream's other entries (a
 * form's BBox, Resources...). Chromium writes every content stream as an indirect object; a
 * direct one is left as it is (false).
 */
export function replaceStreamText(pdf: PDFDocument, stream: PDFRawStream, text: string): boolean {
  const ref = pdf.context.getObjectRef(stream);
  if (!(ref instanceof PDFRef)) return false;
  const rewritten = pdf.context.flateStream(Buffer.from(text, 'latin1'));
  for (const [key, value] of stream.dict.entries()) {
    if (key !== PDFName.of('Filter') && key !== PDFName.of('Length') && key !== PDFName.of('DecodeParms')) rewritten.dict.set(key, value);
  }
  pdf.context.assign(ref, rewritten);
  return true;
}
