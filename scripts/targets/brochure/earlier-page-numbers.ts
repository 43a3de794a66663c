import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { namedDestinationPages } from './read-pdf';

/**
 * The page of every named destination in the brochure an earlier build left behind: a guess
 * for the contents' numbers that spares the second print when an edit moved no heading. Only
 * a guess (pagination checks it), so a missing or unreadable file just means no guess.
 */
export async function earlierPageNumbers(file: string): Promise<Map<string, number> | undefined> {
  try {
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const places = namedDestinationPages(pdf, undefined);
    return new Map([...places].map(([id, place]) => [id, place.page]));
  } catch {
    return undefined;
  }
}
