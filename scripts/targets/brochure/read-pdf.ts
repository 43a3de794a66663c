import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface HeadingPlace {
  /** 1-based page number. */
  page: number;
  /** Top of the heading in PDF user space (points from the page's bottom), when known. */
  top?: number;
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

/** Opens PDF bytes with pdfjs (a copy: pdfjs detaches the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/**
 * Where each anchored element landed: Chromium writes a named destination for every element
 * that a link in the document points to (the contents links to each heading).
 */
export async function namedDestinationPages(bytes: Uint8Array, ids: readonly string[]): Promise<Map<string, HeadingPlace>> {
  const pdf = await openPdf(bytes);
  try {
    const places = new Map<string, HeadingPlace>();
    for (const id of ids) {
      const destination = (await pdf.getDestination(id)) as unknown[] | null;
      const ref = destination?.[0];
      if (!ref || typeof ref !== 'object') continue;
      const index = await pdf.getPageIndex(ref as Parameters<PdfDocument['getPageIndex']>[0]);
      const top = destination?.[3];
      places.set(id, { page: index + 1, top: typeof top === 'number' ? top : undefined });
    }
    return places;
  } finally {
    await pdf.destroy();
  }
}
