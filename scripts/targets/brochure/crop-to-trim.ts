import { concatTransformationMatrix, PDFArray, PDFDict, PDFName, PDFNumber, PDFStream, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage } from 'pdf-lib';
import { explicitDestination, namedDestinations } from './read-pdf';

export interface CropOptions {
  /** Finished (trimmed) page size in points. */
  trim: { width: number; height: number };
  /** Bleed on every side, in points. */
  bleed: number;
}

type Transform = (x: number, y: number) => [number, number];

/**
 * The reading PDF from the print shop's variant, in place: both are the same layout (the bleed
 * only grows the margins and the covers), so one print serves both. Every page is cut to the
 * trim, and its content, links and named destinations are moved by the bleed. Chromium rounds
 * the paper size (154 x 216 mm comes out 437.04 x 612 pt instead of 436.54 x 612.28), so the
 * content is also scaled by that tiny difference (under 0.2 %): the file is true A5.
 */
export function cropToTrim(pdf: PDFDocument, { trim, bleed }: CropOptions): void {
  const sheet = { width: trim.width + 2 * bleed, height: trim.height + 2 * bleed };
  const pageTransforms = new Map<string, Transform>();
  for (const page of pdf.getPages()) {
    const actual = page.getSize();
    const scaleX = sheet.width / actual.width;
    const scaleY = sheet.height / actual.height;
    wrapContent(pdf, page, [scaleX, 0, 0, scaleY, -bleed, -bleed]);
    const transform: Transform = (x, y) => [x * scaleX - bleed, y * scaleY - bleed];
    transformAnnotations(page, transform);
    pageTransforms.set(page.ref.toString(), transform);
    page.setMediaBox(0, 0, trim.width, trim.height);
    page.setCropBox(0, 0, trim.width, trim.height);
  }
  // A destination array shared by two names must move once.
  const moved = new Set<PDFArray>();
  for (const value of namedDestinations(pdf).values()) {
    const destination = explicitDestination(pdf, value);
    const transform = destination ? pageTransforms.get(String(destination.get(0))) : undefined;
    if (!destination || !transform || moved.has(destination)) continue;
    transformDestination(destination, transform);
    moved.add(destination);
  }
}

function wrapContent(pdf: PDFDocument, page: PDFPage, [a, b, c, d, e, f]: [number, number, number, number, number, number]): void {
  if (page.node.Contents() instanceof PDFStream) page.node.set(PDFName.of('Contents'), pdf.context.obj([page.node.get(PDFName.of('Contents'))!]));
  const start = pdf.context.register(pdf.context.contentStream([pushGraphicsState(), concatTransformationMatrix(a, b, c, d, e, f)]));
  const end = pdf.context.register(pdf.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

/** Link rectangles are in page space: they move with the content. */
function transformAnnotations(page: PDFPage, transform: Transform): void {
  const annotations = page.node.Annots();
  for (let index = 0; annotations && index < annotations.size(); index++) {
    const annotation = annotations.lookup(index);
    const rect = annotation instanceof PDFDict ? annotation.lookupMaybe(PDFName.of('Rect'), PDFArray) : undefined;
    if (!rect || rect.size() !== 4) continue;
    const numbers = [0, 1, 2, 3].map((corner) => rect.lookup(corner));
    if (!numbers.every((value) => value instanceof PDFNumber)) continue;
    const [x1, y1, x2, y2] = (numbers as PDFNumber[]).map((value) => value.asNumber()) as [number, number, number, number];
    const [left, bottom] = transform(x1, y1);
    const [right, top] = transform(x2, y2);
    [left, bottom, right, top].forEach((value, corner) => rect.set(corner, PDFNumber.of(value)));
  }
}

/** `[page /XYZ left top zoom]`: the point the viewer scrolls to moves with the content. */
function transformDestination(destination: PDFArray, transform: Transform): void {
  if (String(destination.get(1)) !== '/XYZ') return;
  const left = destination.lookup(2);
  const top = destination.lookup(3);
  const [x, y] = transform(left instanceof PDFNumber ? left.asNumber() : 0, top instanceof PDFNumber ? top.asNumber() : 0);
  if (left instanceof PDFNumber) destination.set(2, PDFNumber.of(Math.max(0, x)));
  if (top instanceof PDFNumber) destination.set(3, PDFNumber.of(y));
}
