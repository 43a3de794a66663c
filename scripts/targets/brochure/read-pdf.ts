import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib';

export interface HeadingPlace {
  /** 1-based page number. */
  page: number;
  /** Top of the heading in PDF user space (points from the page's bottom), when known. */
  top?: number;
}

/**
 * Where each anchored element landed: Chromium writes a named destination for every element
 * that a link in the document points to (the contents links to each heading); without `ids`,
 * every one of them. Read with
 * pdf-lib from the catalog (a `/Dests` dictionary, or the `/Names` tree): no text extraction.
 */
export function namedDestinationPages(pdf: PDFDocument, ids?: readonly string[]): Map<string, HeadingPlace> {
  const destinations = namedDestinations(pdf);
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]));
  const places = new Map<string, HeadingPlace>();
  for (const id of ids ?? destinations.keys()) {
    const destination = explicitDestination(pdf, destinations.get(id));
    const ref = destination?.get(0);
    const index = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
    if (index === undefined) continue;
    const top = destination?.lookup(3);
    places.set(id, { page: index + 1, top: top instanceof PDFNumber ? top.asNumber() : undefined });
  }
  return places;
}

/** Every named destination of the document, by name. */
export function namedDestinations(pdf: PDFDocument): Map<string, PDFObject> {
  const found = new Map<string, PDFObject>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) found.set(name.decodeText(), value);
  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) collectNameTree(tree, found);
  return found;
}

function collectNameTree(node: PDFDict, found: Map<string, PDFObject>): void {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let index = 0; names && index + 1 < names.size(); index += 2) {
    const key = names.lookup(index);
    if (key instanceof PDFString || key instanceof PDFHexString) found.set(key.decodeText(), names.get(index + 1));
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; kids && index < kids.size(); index++) {
    const kid = kids.lookup(index);
    if (kid instanceof PDFDict) collectNameTree(kid, found);
  }
}

/** A destination is an array `[page /XYZ left top zoom]`, possibly wrapped in a dictionary's `/D`. */
export function explicitDestination(pdf: PDFDocument, value: PDFObject | undefined): PDFArray | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved;
  if (resolved instanceof PDFDict) return resolved.lookupMaybe(PDFName.of('D'), PDFArray);
  return undefined;
}

/** The first page (1-based) drawing a link to each named destination: where a call is drawn, whatever its box's margins. */
export function firstLinkPages(pdf: PDFDocument): Map<string, number> {
  const pages = new Map<string, number>();
  pdf.getPages().forEach((page, index) => {
    const annotations = page.node.Annots();
    for (let at = 0; annotations && at < annotations.size(); at++) {
      const annotation = annotations.lookup(at);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      // Chromium leaves a link of no height where an inline box begins at a page's foot and is drawn on the next.
      const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
      if (!rect || Math.abs(rect[3]! - rect[1]!) < 1) continue;
      const destination = annotation.get(PDFName.of('Dest')) ?? annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('D'));
      const name = destination instanceof PDFName ? destination.decodeText() : destination instanceof PDFString || destination instanceof PDFHexString ? destination.decodeText() : undefined;
      if (name !== undefined && !pages.has(name)) pages.set(name, index + 1);
    }
  });
  return pages;
}
