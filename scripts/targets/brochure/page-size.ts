import { concatTransformationMatrix, PDFArray, PDFDict, PDFName, PDFNumber, PDFStream, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage } from 'pdf-lib';

/**
 * Chromium rounds the paper size (A5 comes out 420 x 594.96 pt instead of 419.53 x 595.28).
 * Scale each page's content by the tiny difference (under 0.2 %) and set the exact size, so
 * the file is true A5 and full-page colours still reach every edge.
 */
export function fitPagesToSize(pdf: PDFDocument, width: number, height: number): void {
  for (const page of pdf.getPages()) {
    const { width: actualWidth, height: actualHeight } = page.getSize();
    if (Math.abs(actualWidth - width) < 0.005 && Math.abs(actualHeight - height) < 0.005) continue;
    const scaleX = width / actualWidth;
    const scaleY = height / actualHeight;
    wrapContent(pdf, page, scaleX, scaleY);
    scaleAnnotations(page, scaleX, scaleY);
    page.setMediaBox(0, 0, width, height);
    page.setCropBox(0, 0, width, height);
  }
}

function wrapContent(pdf: PDFDocument, page: PDFPage, scaleX: number, scaleY: number): void {
  const contents = page.node.Contents();
  if (contents instanceof PDFStream) page.node.set(PDFName.of('Contents'), pdf.context.obj([page.node.get(PDFName.of('Contents'))!]));
  const start = pdf.context.register(pdf.context.contentStream([pushGraphicsState(), concatTransformationMatrix(scaleX, 0, 0, scaleY, 0, 0)]));
  const end = pdf.context.register(pdf.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

function scaleAnnotations(page: PDFPage, scaleX: number, scaleY: number): void {
  const annotations = page.node.Annots();
  if (!annotations) return;
  for (let index = 0; index < annotations.size(); index++) {
    const annotation = annotations.lookup(index);
    const rect = annotation instanceof PDFDict ? annotation.lookup(PDFName.of('Rect')) : undefined;
    if (!(rect instanceof PDFArray)) continue;
    for (let corner = 0; corner < 4; corner++) {
      const value = rect.lookup(corner);
      if (value instanceof PDFNumber) rect.set(corner, PDFNumber.of(value.asNumber() * (corner % 2 === 0 ? scaleX : scaleY)));
    }
  }
}
