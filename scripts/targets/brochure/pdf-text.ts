import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

/** Opens PDF bytes with pdfjs (a copy: pdfjs detaches the buffer it is given). */
async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

export interface PositionedText {
  text: string;
  x: number;
  y: number;
}

/** Text of each page as pdfjs reads it, items in content order with line ends kept (for the tests: the build never loads pdfjs). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pages = await pdfPageItems(bytes);
  return pages.map((items) => items.map((item) => item.text).join(''));
}

/** Text items of each page with their position (PDF user space), for checking what sits where. */
export async function pdfPageItems(bytes: Uint8Array): Promise<PositionedText[][]> {
  const pdf = await openPdf(bytes);
  try {
    const pages: PositionedText[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item ? [{ text: item.str + (item.hasEOL ? '\n' : ''), x: item.transform[4] as number, y: item.transform[5] as number }] : [],
        ),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/**
 * Text made comparable with the source's: soft hyphens and hyphens (U+2010 is what Chromium
 * draws at a soft hyphen) that broke a line go,
 * other hyphens too (a compound split at its hyphen cannot be told from a broken word),
 * narrow and no-break spaces become spaces, runs of whitespace one space.
 */
export function comparableText(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[-\u2010][ \t]*\n\s*/g, '')
    .replace(/[-\u2010]/g, '')
    .replace(/[\u202f\u00a0\s]+/gu, ' ')
    .trim();
}
