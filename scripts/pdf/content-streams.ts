import { constants as zlibConstants, deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

/** A content stream and the reference it is stored under (so it can be replaced without a search). */
export interface ContentStream {
  ref: PDFRef;
  stream: PDFRawStream;
}

/**
 * The streams that draw one page, in order (Chromium writes one; pdf-lib may wrap it in more).
 * Chromium writes every content stream as an indirect object; a direct one is left out.
 */
export function pageContentStreams(pdf: PDFDocument, page: PDFPage): ContentStream[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
  const parts = resolved instanceof PDFArray ? resolved.asArray() : [contents];
  return parts.flatMap((ref) => {
    const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : undefined;
    return ref instanceof PDFRef && stream instanceof PDFRawStream ? [{ ref, stream }] : [];
  });
}

/** Every form XObject of the document (what a page draws through `Do`). */
export function formStreams(pdf: PDFDocument): ContentStream[] {
  const forms: ContentStream[] = [];
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) forms.push({ ref, stream: object });
  }
  return forms;
}

/**
 * A content stream's operators as text: latin1 maps each byte to one char and back unchanged.
 * Plain Flate (what Chromium writes) is inflated by Node's zlib; pdf-lib's JavaScript decoders
 * take the rest.
 */
export function streamText(stream: PDFRawStream): string {
  const plainFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
  // Some writers (Ghostscript) end a stream without zlib's final block: read what is there.
  return (plainFlate ? inflateSync(stream.contents, { finishFlush: zlibConstants.Z_SYNC_FLUSH }) : Buffer.from(decodePDFRawStream(stream).decode())).toString('latin1');
}

/** Puts `text` in place of the stream's content, compressed by Node's zlib, keeping its other entries (a form's BBox, Resources...). */
export function replaceStreamText(pdf: PDFDocument, { ref, stream }: ContentStream, text: string): void {
  const rewritten = pdf.context.stream(deflateSync(Buffer.from(text, 'latin1')), { Filter: 'FlateDecode' });
  for (const [key, value] of stream.dict.entries()) {
    if (key !== PDFName.of('Filter') && key !== PDFName.of('Length') && key !== PDFName.of('DecodeParms')) rewritten.dict.set(key, value);
  }
  pdf.context.assign(ref, rewritten);
}

/**
 * One edit of a content stream's operators, as text: the new text, or the same string when
 * nothing changed. `where` says whether the stream draws a page or a form (which a page may
 * draw inside marked content), with the resources its names refer to.
 */
export type StreamEdit = (text: string, where: { kind: 'page' | 'form'; resources: PDFDict | undefined }) => string;

/**
 * Applies `edits` in order to every page content stream and form of the document, each stream
 * inflated and compressed once whatever the number of edits (compressing is most of the cost).
 */
export function editContentStreams(pdf: PDFDocument, edits: readonly StreamEdit[]): void {
  const streams = new Map<string, { entry: ContentStream; kind: 'page' | 'form'; resources: PDFDict | undefined }>();
  for (const page of pdf.getPages()) {
    for (const entry of pageContentStreams(pdf, page)) streams.set(entry.ref.toString(), { entry, kind: 'page', resources: page.node.Resources() });
  }
  // A form drawn by several pages is one stream: edited once.
  for (const entry of formStreams(pdf)) {
    if (!streams.has(entry.ref.toString())) streams.set(entry.ref.toString(), { entry, kind: 'form', resources: entry.stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) });
  }
  for (const { entry, kind, resources } of streams.values()) {
    const before = streamText(entry.stream);
    const after = edits.reduce((text, edit) => edit(text, { kind, resources }), before);
    if (after !== before) replaceStreamText(pdf, entry, after);
  }
}
